package article

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dragoman-news/dragoman"
)

// parseText reads a plain-text news article:
//
//	Headline on the first line
//	Summary                      (optional label line)
//	The dek, possibly glued to the dateline.RIYADH, Saudi Arabia—The body…
//	More body paragraphs…
//	Write to NAME at EMAIL       (or "By NAME"), removed from the body
//
// Paragraphs: when the file separates paragraphs with blank lines and its
// lines are short (hard-wrapped at 60–100 columns), single newlines are
// wraps and are joined with a space; otherwise every line is a paragraph.
func parseText(data string) Item {
	var it Item
	a := &it.Article
	a.Format = FormatText
	data = strings.TrimPrefix(data, "\ufeff")
	data = strings.ReplaceAll(data, "\r\n", "\n")
	data = strings.ReplaceAll(data, "\r", "\n")
	lines := strings.Split(data, "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " \t")
	}

	// Headline: the first non-blank line, unless it already is the body
	// (a one-paragraph file, or a long first line).
	i := skipBlank(lines, 0)
	if i < len(lines) && isHeadline(lines[i], lines[i+1:]) {
		a.Title = strings.TrimSpace(strings.TrimPrefix(lines[i], "Title:"))
		i++
	}
	i = skipBlank(lines, i)

	// Optional "By NAME" and "Published: DATE" lines under the headline.
	for i < len(lines) {
		if names := bylineNames(lines[i]); names != nil {
			a.Bylines = append(a.Bylines, names...)
			i = skipBlank(lines, i+1)
			continue
		}
		if p, ok := labeledDate(lines[i]); ok {
			if a.Published == nil {
				a.Published = p
			}
			i = skipBlank(lines, i+1)
			continue
		}
		break
	}

	// Optional "Summary" label and dek.
	if i < len(lines) && isSummaryLabel(lines[i]) {
		i = skipBlank(lines, i+1)
		if i < len(lines) {
			dek := strings.TrimSpace(lines[i])
			if at := findGluedDateline(dek); at > 0 {
				a.Summary = strings.TrimSpace(dek[:at])
				lines[i] = dek[at:] // the body starts with the dateline
			} else {
				a.Summary = dek
				i++
			}
		}
	} else if i < len(lines) {
		if s, rest, ok := strings.Cut(lines[i], "Summary:"); ok && strings.TrimSpace(s) == "" {
			a.Summary = strings.TrimSpace(rest)
			i++
		}
	}

	paras := textParagraphs(lines[i:])

	// A Wikinews-style date line opens the body: "Friday, January 4, 2019".
	if len(paras) > 0 {
		if p, ok := parseDateLine(paras[0]); ok {
			a.Published = p
			paras = paras[1:]
		}
	}

	// Closing and opening byline and contact lines; boilerplate.
	paras = takeBylines(a, dropBoilerplate(paras))

	// Dateline at the start of the first paragraph. A short unlabelled
	// dek may stand between the headline and the dateline: when the first
	// paragraph has no dateline and the second opens with one, the first
	// is the summary.
	if len(paras) > 0 {
		if d, rest := parseDateline(paras[0]); d != nil {
			a.Dateline = d
			paras[0] = rest
		} else if len(paras) > 1 && a.Summary == "" && len(paras[0]) <= maxDekBytes {
			if d, rest := parseDateline(paras[1]); d != nil {
				a.Summary = paras[0]
				a.Dateline = d
				paras = paras[1:]
				paras[0] = rest
			}
		}
	}
	a.Body = joinParagraphs(paras)
	return it
}

// maxDekBytes bounds an unlabelled summary line: a dek is a sentence or
// two, not a paragraph of the story.
const maxDekBytes = 400

func skipBlank(lines []string, i int) int {
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	return i
}

// isHeadline reports whether line reads as a headline rather than as the
// first paragraph: at most 200 characters, not opening with a dateline,
// and more text follows. (A headline may end with a full stop, so that is
// no test.)
func isHeadline(line string, rest []string) bool {
	line = strings.TrimSpace(line)
	if skipBlank(rest, 0) == len(rest) {
		return false
	}
	if utf8.RuneCountInString(line) > 200 {
		return false
	}
	if d, rest := parseDateline(line); d != nil && rest != "" {
		return false // "WASHINGTON — The…" is body, not a headline
	}
	return true
}

func isSummaryLabel(line string) bool {
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "summary", "summary:", "dek", "dek:", "standfirst":
		return true
	}
	return false
}

// textParagraphs splits the body lines into paragraphs (see parseText).
func textParagraphs(lines []string) []string {
	blank, nonBlank, short := 0, 0, 0
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			blank++
			continue
		}
		nonBlank++
		if utf8.RuneCountInString(l) <= 100 {
			short++
		}
	}
	wrapped := blank > 0 && nonBlank > 0 && float64(short) >= 0.9*float64(nonBlank) && nonBlank > blank+1
	var paras []string
	if !wrapped {
		for _, l := range lines {
			if l = strings.TrimSpace(l); l != "" {
				paras = append(paras, l)
			}
		}
		return paras
	}
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = cur[:0]
		}
	}
	for _, l := range lines {
		if l = strings.TrimSpace(l); l == "" {
			flush()
			continue
		}
		cur = append(cur, l)
	}
	flush()
	return paras
}

var (
	// "Write to Michael R. Gordon at michael.gordon@wsj.com"
	// "Write to A at a@x.com and B at b@x.com"
	writeToRE = regexp.MustCompile(`^(?i:write to)\s+(.+)$`)
	writeOne  = regexp.MustCompile(`^(.+?)\s+at\s+(\S+@\S+?)\.?$`)
	// "By Jane Doe", "By Jane Doe and John Roe", "By JANE DOE, Reuters"
	byRE = regexp.MustCompile(`^(?i:by)\s+(\p{Lu}.{1,120})$`)
	// One credit of "(Reporting by Jane Doe; Writing by Ann Poe; Editing by
	// John Roe)": a role, "by", the names.
	creditRE     = regexp.MustCompile(`^((?i:additional reporting|reporting|writing|editing|compiled|graphics|photos|photography|video|production|research|fact-checking|translation|sub-editing)) (?i:by) (\p{Lu}.*)$`)
	initialEndRE = regexp.MustCompile(`\b\p{Lu}\.$`)
	emailRE      = regexp.MustCompile(`[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+`)
)

// takeBylines removes byline and contact lines from the start and the end
// of the body and records them on the article.
func takeBylines(a *dragoman.Article, paras []string) []string {
	// Leading "By NAME".
	for len(paras) > 0 {
		names := bylineNames(paras[0])
		if names == nil {
			break
		}
		a.Bylines = appendNew(a.Bylines, names...)
		paras = paras[1:]
	}
	// Trailing lines, last first.
	for len(paras) > 0 {
		last := strings.TrimSpace(paras[len(paras)-1])
		if m := writeToRE.FindStringSubmatch(last); m != nil {
			for _, part := range splitAnd(m[1]) {
				if w := writeOne.FindStringSubmatch(part); w != nil {
					a.Bylines = appendNew(a.Bylines, strings.TrimSpace(w[1]))
					if a.Contact == "" {
						a.Contact = strings.TrimSuffix(w[2], ".")
					}
				} else if e := emailRE.FindString(part); e != "" && a.Contact == "" {
					a.Contact = e
				}
			}
			paras = paras[:len(paras)-1]
			continue
		}
		if names, ok := creditNames(last); ok {
			a.Bylines = appendNew(a.Bylines, names...)
			paras = paras[:len(paras)-1]
			continue
		}
		if names := bylineNames(last); names != nil {
			a.Bylines = appendNew(a.Bylines, names...)
			paras = paras[:len(paras)-1]
			continue
		}
		break
	}
	return paras
}

// creditNames reads a credit line, Reuters style: "(Reporting by A in
// Moscow and B; Writing by C; Editing by D)", parentheses optional, every
// part a role and its names. Reporters and writers are bylines; editors,
// photographers and the rest are not. ok is false when the line is not
// made of credits only.
func creditNames(line string) (names []string, ok bool) {
	line = strings.TrimSpace(line)
	if strings.HasPrefix(line, "(") && strings.HasSuffix(line, ")") {
		line = line[1 : len(line)-1]
	}
	if line == "" {
		return nil, false
	}
	for _, part := range strings.Split(line, ";") {
		m := creditRE.FindStringSubmatch(strings.TrimSpace(part))
		if m == nil {
			return nil, false
		}
		switch strings.ToLower(m[1]) {
		case "reporting", "additional reporting", "writing":
		default:
			continue
		}
		list := strings.TrimSuffix(strings.TrimSpace(m[2]), ".")
		for _, n := range strings.Split(strings.ReplaceAll(list, ",", " and "), " and ") {
			// "Dmitri Sokolov in Moscow": the place is not part of the name.
			n, _, _ = strings.Cut(n, " in ")
			n = strings.TrimSpace(n)
			if n == "" || !startsUpper(n) {
				continue
			}
			if strings.ToUpper(n) == n {
				n = titleCase(n)
			}
			names = appendNew(names, n)
		}
	}
	return names, true
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// bylineNames returns the names of a "By NAME" line, or nil.
func bylineNames(line string) []string {
	m := byRE.FindStringSubmatch(strings.TrimSpace(line))
	if m == nil {
		return nil
	}
	s := m[1]
	if strings.ContainsAny(s, ".!?") && strings.Count(s, " ") > 8 {
		return nil // a sentence that starts with "By", not a byline
	}
	if strings.HasSuffix(s, ".") && !strings.HasSuffix(s, " Jr.") && !initialEndRE.MatchString(s) {
		return nil
	}
	if n := len(strings.Fields(s)); n > 12 {
		return nil
	}
	names := splitNames(s)
	if len(names) == 0 {
		return nil
	}
	return names
}

// splitNames splits "Jane Doe and John Roe" or "JANE DOE, Reuters" into
// names, dropping agencies and titles after a comma.
func splitNames(s string) []string {
	var out []string
	for _, part := range splitAnd(s) {
		name, _, _ := strings.Cut(part, ",")
		name = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(name), "."))
		if name == "" {
			continue
		}
		if strings.ToUpper(name) == name {
			name = titleCase(name)
		}
		out = append(out, name)
	}
	return out
}

func splitAnd(s string) []string {
	s = strings.ReplaceAll(s, " & ", " and ")
	return strings.Split(s, " and ")
}

func appendNew(list []string, names ...string) []string {
outer:
	for _, n := range names {
		for _, have := range list {
			if have == n {
				continue outer
			}
		}
		list = append(list, n)
	}
	return list
}

// dateLineRE matches a line that is only a date: "Friday, January 4,
// 2019", "January 4, 2019", "4 January 2019", "2019-01-04".
var dateLineRE = regexp.MustCompile(`^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:` +
	`(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)\s+(\d{1,2}),?\s+(\d{4})` +
	`|(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December),?\s+(\d{4})` +
	`|(\d{4}-\d{2}-\d{2}))$`)

// labeledDateRE matches a header line that gives the publication date:
// "Published: Feb. 18, 2025", "Updated 2025-02-18 10:30", "Date: …".
var labeledDateRE = regexp.MustCompile(`^(?i:published|posted|updated|date)(?:\s+on)?\s*:?\s+(.{4,60})$`)

// labeledDate reads a labeled date line.
func labeledDate(line string) (*dragoman.Published, bool) {
	m := labeledDateRE.FindStringSubmatch(strings.TrimSpace(line))
	if m == nil {
		return nil, false
	}
	p, err := ParsePublished(m[1])
	if err != nil {
		return nil, false
	}
	return p, true
}

// parseDateLine reads a paragraph that is only a date, as Wikinews opens
// its articles with.
func parseDateLine(p string) (*dragoman.Published, bool) {
	m := dateLineRE.FindStringSubmatch(strings.TrimSpace(p))
	if m == nil {
		return nil, false
	}
	var s string
	switch {
	case m[1] != "":
		s = fullMonth(m[1]) + " " + m[2] + " " + m[3]
	case m[5] != "":
		s = m[5] + " " + m[4] + " " + m[6]
	default:
		t, err := time.Parse("2006-01-02", m[7])
		if err != nil {
			return nil, false
		}
		return &dragoman.Published{Time: t, Precision: dragoman.PrecisionDay}, true
	}
	t, err := time.Parse("January 2 2006", s)
	if err != nil {
		return nil, false
	}
	return &dragoman.Published{Time: t, Precision: dragoman.PrecisionDay}, true
}

// fullMonth spells out the AP abbreviations of month names.
func fullMonth(m string) string {
	switch m {
	case "Jan.":
		return "January"
	case "Feb.":
		return "February"
	case "Aug.":
		return "August"
	case "Sept.":
		return "September"
	case "Oct.":
		return "October"
	case "Nov.":
		return "November"
	case "Dec.":
		return "December"
	}
	return m
}
