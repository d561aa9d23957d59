package article

import (
	"bufio"
	"context"
	"fmt"
	"strings"

	"github.com/mmcdole/gofeed"

	"github.com/dragoman-news/dragoman"
)

// maxFeedArticles bounds the size of a whole feed, which gofeed parses at
// once: this many times the article cap.
const maxFeedArticles = 4

// readFeed reads an RSS, Atom or RSS 1.0 feed; each item is an article.
// The item's content (content:encoded, Atom content) or, failing that, its
// description is read as an HTML fragment; a description beside a content
// becomes the summary.
func readFeed(ctx context.Context, r *bufio.Reader, s *source) bool {
	data, err := readCapped(r, maxFeedArticles*s.opts.maxBytes())
	if err != nil {
		return s.fail("", err)
	}
	data, repaired := repairUTF8(data)
	feed, err := parseFeed(string(data))
	if err != nil {
		return s.fail("", dragoman.Errorf(dragoman.EINVALID, "malformed feed: %v", err))
	}
	if len(feed.Items) == 0 {
		return s.fail("", dragoman.Errorf(dragoman.EINVALID, "feed has no items"))
	}
	for i, item := range feed.Items {
		record := fmt.Sprintf("item %d", i+1)
		if err := ctx.Err(); err != nil {
			return s.fail(record, err)
		}
		if item == nil {
			continue
		}
		it, err := feedItem(item, feed)
		if err != nil {
			if !s.fail(record, err) {
				return false
			}
			continue
		}
		if repaired {
			it.warn("invalid_utf8", invalidUTF8Message)
		}
		if !s.emit(it, record) {
			return false
		}
	}
	return true
}

func feedItem(item *gofeed.Item, feed *gofeed.Feed) (Item, error) {
	var it Item
	a := &it.Article
	content, desc := strings.TrimSpace(item.Content), strings.TrimSpace(item.Description)
	text := content
	if text == "" {
		text = desc
	}
	if text == "" {
		return Item{}, dragoman.Errorf(dragoman.EINVALID, "item has neither content nor description")
	}
	a.Title = collapseSpace(item.Title)
	finishParagraphs(a, htmlFragmentParagraphs(text))
	a.Format = FormatRSS
	a.URL = item.Link
	a.SiteName = collapseSpace(feed.Title)
	if content != "" && desc != "" {
		sum := joinParagraphs(htmlFragmentParagraphs(desc))
		if sum != "" && !strings.HasPrefix(a.Body, sum) {
			a.Summary = strings.ReplaceAll(sum, "\n\n", " ")
		}
	}
	var names []string
	for _, p := range item.Authors {
		if p != nil && p.Name != "" {
			names = appendNew(names, splitAuthors(p.Name)...)
		}
	}
	if len(names) > 0 {
		a.Bylines = names
	}
	switch {
	case item.PublishedParsed != nil:
		a.Published = timePublished(*item.PublishedParsed)
	case item.UpdatedParsed != nil:
		a.Published = timePublished(*item.UpdatedParsed)
	}
	if feed.Language != "" {
		a.Language = feed.Language
	}
	return it, nil
}

// parseFeed runs gofeed, turning a panic of the parser into an error.
func parseFeed(data string) (feed *gofeed.Feed, err error) {
	defer func() {
		if p := recover(); p != nil {
			feed, err = nil, fmt.Errorf("parser failed: %v", p)
		}
	}()
	return gofeed.NewParser().ParseString(data)
}
