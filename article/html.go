package article

import (
	"bytes"
	"context"
	nurl "net/url"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/dragoman-news/dragoman"
)

// minExtractedBytes is the least main text an extractor must find for its
// result to be kept over the next one.
const minExtractedBytes = 200

// parseHTML reads a news web page: its main text with go-trafilatura,
// falling back on go-readability and then on every block of the page, and
// its title, author, date and site name from the page's metadata.
// pageURL, when known (from a WARC record or a feed), helps both.
func parseHTML(ctx context.Context, data []byte, pageURL string) (it Item, err error) {
	defer func() {
		if r := recover(); r != nil { // the extractors are large; never let one take the batch down
			it, err = Item{}, dragoman.Errorf(dragoman.EINVALID, "malformed HTML: extractor failed: %v", r)
		}
	}()
	if err := ctx.Err(); err != nil {
		return Item{}, err
	}
	a := &it.Article
	a.Format = FormatHTML
	a.URL = pageURL
	if !bytes.Contains(bytes.ToLower(data[:min(len(data), 4096)]), []byte("charset")) {
		// html.Parse assumes UTF-8; say so for pages that do not declare one
		data = append([]byte(`<meta charset="utf-8">`), data...)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return Item{}, dragoman.Errorf(dragoman.EINVALID, "malformed HTML: %v", err)
	}
	var u *nurl.URL
	if pageURL != "" {
		u, _ = nurl.Parse(pageURL)
	}

	var paras []string
	res, terr := trafilatura.ExtractDocument(doc, trafilatura.Options{
		OriginalURL:     u,
		ExcludeComments: true,
		ExcludeTables:   true,
		EnableFallback:  false,
	})
	if terr == nil && res != nil {
		md := res.Metadata
		a.Title = md.Title
		a.SiteName = md.Sitename
		if md.Author != "" {
			a.Bylines = splitAuthors(md.Author)
		}
		if a.URL == "" {
			a.URL = md.URL
		}
		if !md.Date.IsZero() {
			a.Published = timePublished(md.Date)
		}
		if md.Language != "" {
			a.Language = md.Language
		}
		if md.Description != "" {
			a.Summary = md.Description
		}
		if res.ContentNode != nil {
			paras = blocks(res.ContentNode)
		}
	}
	if p := metaPublished(doc); p != nil && (a.Published == nil || a.Published.Precision == dragoman.PrecisionDay) {
		if a.Published == nil || p.Time.Format("2006-01-02") == a.Published.Time.Format("2006-01-02") {
			a.Published = p // the page's own timestamp is more precise than the extracted day
		}
	}
	if textLen(paras) < minExtractedBytes {
		// go-readability mutates the tree it reads, so it gets a fresh one.
		if doc2, err := html.Parse(bytes.NewReader(data)); err == nil {
			parser := readability.NewParser()
			if art, err := parser.ParseDocument(doc2, u); err == nil && art.Node != nil {
				if p := blocks(art.Node); textLen(p) > textLen(paras) {
					paras = p
				}
				if a.Title == "" {
					a.Title = art.Title()
				}
				if len(a.Bylines) == 0 && art.Byline() != "" {
					a.Bylines = splitAuthors(art.Byline())
				}
				if a.SiteName == "" {
					a.SiteName = art.SiteName()
				}
				if a.Published == nil {
					if t, err := art.PublishedTime(); err == nil && !t.IsZero() {
						a.Published = timePublished(t)
					}
				}
			}
		}
	}
	if textLen(paras) < minExtractedBytes {
		// Last resort: every block of the body.
		if body := findElement(doc, atom.Body); body != nil {
			if p := blocks(body); textLen(p) > textLen(paras) {
				paras = p
			}
		}
	}
	if a.Title == "" {
		if t := findElement(doc, atom.Title); t != nil {
			a.Title = textOf(t)
		}
	}
	if a.Summary != "" && len(paras) > 0 && strings.HasPrefix(collapseSpace(paras[0]), collapseSpace(a.Summary)) {
		a.Summary = "" // a description that only repeats the lead is no summary
	}
	finishParagraphs(a, paras)
	if a.Body == "" {
		return Item{}, dragoman.Errorf(dragoman.EINVALID, "no article text found in the HTML")
	}
	return it, nil
}

// decodeCharset converts a page that is not valid UTF-8 to UTF-8 from the
// charset it declares (or, failing that, the one it looks like: often
// windows-1252). Valid UTF-8 is left alone.
func decodeCharset(data []byte) []byte {
	if utf8.Valid(data) {
		return data
	}
	enc, name, _ := charset.DetermineEncoding(data, "text/html")
	if enc == nil || name == "utf-8" {
		return data
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return data
	}
	return out
}

// finishParagraphs applies the news conventions shared with plain text to
// extracted paragraphs: a leading date line, byline and contact lines, a
// dateline; then sets the body.
func finishParagraphs(a *dragoman.Article, paras []string) {
	for i := range paras {
		paras[i] = collapseSpace(paras[i])
	}
	if a.Title != "" && len(paras) > 0 && paras[0] == collapseSpace(a.Title) {
		paras = paras[1:] // the headline repeated as the first block
	}
	if len(paras) > 0 {
		if p, ok := parseDateLine(paras[0]); ok {
			if a.Published == nil {
				a.Published = p
			}
			paras = paras[1:]
		}
	}
	paras = dropBoilerplate(paras)
	paras = takeBylines(a, paras)
	if len(paras) > 0 && a.Dateline == nil {
		if d, rest := parseDateline(paras[0]); d != nil {
			a.Dateline = d
			paras[0] = rest
		}
	}
	a.Body = joinParagraphs(paras)
}

// timePublished turns an extracted time into a publication date: day
// precision at midnight, second precision otherwise.
func timePublished(t time.Time) *dragoman.Published {
	t = t.UTC()
	p := dragoman.PrecisionSecond
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		p = dragoman.PrecisionDay
	}
	return &dragoman.Published{Time: t, Precision: p}
}

// splitAuthors splits an author field ("Jane Doe; John Roe", "Jane Doe and
// John Roe", "By Jane Doe") into names.
func splitAuthors(s string) []string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(strings.TrimPrefix(s, "By "), "by ")
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '|' }) {
		out = appendNew(out, splitNames(part)...)
	}
	return out
}

// blockTags end a paragraph in extracted HTML.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true,
	atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true, atom.Tr: true,
	atom.Table: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Figure: true, atom.Figcaption: true, atom.Hr: true, atom.Main: true, atom.Aside: true,
	atom.Address: true, atom.Center: true, atom.Details: true, atom.Summary: true,
}

// trafilaturaBlocks are the block elements of trafilatura's own output
// markup, which the HTML parser does not know as such.
var trafilaturaBlocks = map[string]bool{"list": true, "item": true, "quote": true, "row": true, "cell": true, "code": true}

// skipTags hold no article text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Iframe: true,
	atom.Svg: true, atom.Math: true, atom.Nav: true, atom.Button: true, atom.Form: true,
	atom.Select: true, atom.Textarea: true, atom.Head: true, atom.Object: true,
}

// blocks returns the text of n split into paragraphs at block elements;
// a <br><br> also ends a paragraph. Trafilatura's own tags (<head> for a
// heading, <hi>, <lb/>) are read as their HTML look-alikes.
func blocks(n *html.Node) []string {
	var paras []string
	var cur strings.Builder
	brs := 0
	flush := func() {
		if s := collapseSpace(cur.String()); s != "" {
			paras = append(paras, s)
		}
		cur.Reset()
	}
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if depth > 512 {
			return // pathological nesting
		}
		switch n.Type {
		case html.TextNode:
			if strings.TrimSpace(n.Data) != "" {
				brs = 0
			}
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			// Extractors rename elements without updating DataAtom, so
			// the tag is looked up by its name.
			tag := atom.Lookup([]byte(strings.ToLower(n.Data)))
			parentTag := atom.Atom(0)
			if n.Parent != nil {
				parentTag = atom.Lookup([]byte(strings.ToLower(n.Parent.Data)))
			}
			if skipTags[tag] && !(tag == atom.Head && parentTag != atom.Html) {
				return
			}
			if tag == atom.Br || n.Data == "lb" {
				brs++
				if brs >= 2 {
					flush()
				} else {
					cur.WriteByte(' ')
				}
				return
			}
			block := blockTags[tag] || tag == atom.Head || trafilaturaBlocks[n.Data]
			if block {
				flush()
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, depth+1)
			}
			if block {
				flush()
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	flush()
	return paras
}

func textLen(paras []string) int {
	n := 0
	for _, p := range paras {
		n += len(p)
	}
	return n
}

func findElement(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findElement(c, a); f != nil {
			return f
		}
	}
	return nil
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return collapseSpace(b.String())
}

// htmlFragmentParagraphs reads an HTML fragment (a feed item's content)
// into paragraphs; plain text without tags comes back as its lines.
func htmlFragmentParagraphs(s string) []string {
	if !strings.Contains(s, "<") {
		return textParagraphs(strings.Split(html.UnescapeString(s), "\n"))
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return []string{html.UnescapeString(s)}
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return blocks(root)
}

// publishedMeta names the <meta> fields that carry a page's publication
// time.
var publishedMeta = map[string]bool{
	"article:published_time": true, "og:published_time": true, "datepublished": true,
	"pubdate": true, "publishdate": true, "dc.date.issued": true, "date": true, "sailthru.date": true,
}

// ldPublishedRE finds the publication date in a JSON-LD block
// (schema.org NewsArticle and kin).
var ldPublishedRE = regexp.MustCompile(`"datePublished"\s*:\s*"([^"]{4,40})"`)

func isLDJSON(n *html.Node) bool {
	for _, at := range n.Attr {
		if strings.EqualFold(at.Key, "type") && strings.EqualFold(strings.TrimSpace(at.Val), "application/ld+json") {
			return true
		}
	}
	return false
}

// metaPublished reads the publication time from the page's JSON-LD or
// <meta> tags, with its precision.
func metaPublished(doc *html.Node) *dragoman.Published {
	var found *dragoman.Published
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if found != nil {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Script && isLDJSON(n) && n.FirstChild != nil {
			if m := ldPublishedRE.FindStringSubmatch(n.FirstChild.Data); m != nil {
				if p, err := ParsePublished(m[1]); err == nil {
					found = p
					return
				}
			}
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Meta {
			var key, content string
			for _, at := range n.Attr {
				switch strings.ToLower(at.Key) {
				case "property", "name", "itemprop":
					key = strings.ToLower(at.Val)
				case "content":
					content = at.Val
				}
			}
			if publishedMeta[key] && content != "" {
				if p, err := ParsePublished(content); err == nil {
					found = p
					return
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return found
}

// boilerplatePrefixes open the short paragraphs that web pages and feeds
// put between the paragraphs of a story: links, advertising, calls to
// subscribe or share. Compared lowercased.
var boilerplatePrefixes = []string{
	"read more", "read also", "see also", "related:", "related coverage", "more on this", "recommended:",
	"advertisement", "sponsored", "sign up", "subscribe", "follow us", "click here", "share this",
	"share on", "watch:", "listen:", "photo:", "image:", "video:", "(photo", "[photo", "continue reading",
	"this story continues", "©", "copyright ©", "all rights reserved",
}

// maxBoilerplate is the longest paragraph dropped as boilerplate.
const maxBoilerplate = 160

// dropBoilerplate removes short boilerplate paragraphs ("Read more: …",
// "Advertisement", "The post … appeared first on …").
func dropBoilerplate(paras []string) []string {
	out := paras[:0]
	for _, p := range paras {
		if len(p) <= maxBoilerplate && isBoilerplate(p) {
			continue
		}
		out = append(out, p)
	}
	return out
}

func isBoilerplate(p string) bool {
	l := strings.ToLower(p)
	if strings.Contains(l, "appeared first on") {
		return true // "The post … appeared first on Site."
	}
	for _, pre := range boilerplatePrefixes {
		if !strings.HasPrefix(l, pre) {
			continue
		}
		// a whole word: "subscribe" but not "subscribers"
		if rest := l[len(pre):]; rest == "" || !unicode.IsLetter(rune(rest[0])) || !unicode.IsLetter(rune(pre[len(pre)-1])) {
			return true
		}
	}
	return false
}
