package postgres

import (
	"strings"
	"unicode/utf8"

	"github.com/dragoman-news/dragoman"
)

// The search syntax is the one the SQLite backend takes from FTS5: words,
// "quoted phrases", AND, OR, NOT (binary: a NOT b), parentheses and
// prefix*, an implicit AND between terms. parseQuery checks it and builds
// the matching tsquery as an SQL expression over phraseto_tsquery and
// to_tsquery, so that the words go through the same English stemming as
// the indexed text and no user input is ever parsed as tsquery syntax.

type qnode struct {
	op     string // "term", "and", "or", "not"
	text   string // term: the word or phrase
	prefix bool
	kids   []*qnode
}

type qtoken struct {
	kind string // "word", "phrase", "(", ")", "*", "AND", "OR", "NOT"
	text string
	pos  int
}

// queryError is a malformed query, with what is wrong.
func queryError(query, detail string) error {
	return &dragoman.Error{Code: dragoman.EINVALID, Message: "malformed search query " + quote(query) + ": " + detail +
		` (use words, "quoted phrases", AND, OR, NOT, prefix*; quote words with punctuation)`}
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

// bareword reports whether r may be part of an unquoted word.
func bareword(r rune) bool {
	return r >= 0x80 || r == '_' || r == 0x1a || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

func lexQuery(query string) ([]qtoken, error) {
	var toks []qtoken
	for i := 0; i < len(query); {
		r, size := utf8.DecodeRuneInString(query[i:])
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			i += size
		case r == '(' || r == ')' || r == '*' || r == ',':
			toks = append(toks, qtoken{kind: string(r), pos: i})
			i++
		case r == '"':
			var b strings.Builder
			j := i + 1
			closed := false
			for j < len(query) {
				if query[j] == '"' {
					if j+1 < len(query) && query[j+1] == '"' { // "" is a quote inside
						b.WriteByte('"')
						j += 2
						continue
					}
					closed = true
					j++
					break
				}
				b.WriteByte(query[j])
				j++
			}
			if !closed {
				return nil, queryError(query, "unterminated quoted phrase")
			}
			toks = append(toks, qtoken{kind: "phrase", text: b.String(), pos: i})
			i = j
		case bareword(r):
			j := i
			for j < len(query) {
				r, size := utf8.DecodeRuneInString(query[j:])
				if !bareword(r) {
					break
				}
				j += size
			}
			w := query[i:j]
			kind := "word"
			switch w {
			case "AND", "OR", "NOT":
				kind = w
			case "NEAR":
				if j < len(query) && query[j] == '(' {
					kind = w
				}
			}
			if j < len(query) && query[j] == ':' {
				return nil, queryError(query, "column filters ("+w+":) are not supported")
			}
			toks = append(toks, qtoken{kind: kind, text: w, pos: i})
			i = j
		default:
			return nil, queryError(query, "unexpected "+quote(string(r)))
		}
	}
	return toks, nil
}

type qparser struct {
	query string
	toks  []qtoken
	i     int
}

func (p *qparser) peek() string {
	if p.i < len(p.toks) {
		return p.toks[p.i].kind
	}
	return ""
}

func (p *qparser) fail(detail string) error { return queryError(p.query, detail) }

func (p *qparser) near() string {
	if p.i < len(p.toks) {
		t := p.toks[p.i]
		if t.text != "" {
			return "near " + quote(t.text)
		}
		return "near " + quote(t.kind)
	}
	return "at the end"
}

// or := and (OR and)*
func (p *qparser) or() (*qnode, error) {
	n, err := p.and()
	if err != nil {
		return nil, err
	}
	for p.peek() == "OR" {
		p.i++
		m, err := p.and()
		if err != nil {
			return nil, err
		}
		n = &qnode{op: "or", kids: []*qnode{n, m}}
	}
	return n, nil
}

// and := not ([AND] not)*
func (p *qparser) and() (*qnode, error) {
	n, err := p.not()
	if err != nil {
		return nil, err
	}
	for {
		switch p.peek() {
		case "AND":
			p.i++
		case "word", "phrase", "(":
		default:
			return n, nil
		}
		m, err := p.not()
		if err != nil {
			return nil, err
		}
		n = &qnode{op: "and", kids: []*qnode{n, m}}
	}
}

// not := primary (NOT primary)*
func (p *qparser) not() (*qnode, error) {
	n, err := p.primary()
	if err != nil {
		return nil, err
	}
	for p.peek() == "NOT" {
		p.i++
		m, err := p.primary()
		if err != nil {
			return nil, err
		}
		n = &qnode{op: "not", kids: []*qnode{n, m}}
	}
	return n, nil
}

func (p *qparser) primary() (*qnode, error) {
	switch p.peek() {
	case "(":
		p.i++
		n, err := p.or()
		if err != nil {
			return nil, err
		}
		if p.peek() != ")" {
			return nil, p.fail("unbalanced parenthesis " + p.near())
		}
		p.i++
		return n, nil
	case "NEAR":
		return p.nearGroup()
	case "word", "phrase":
		t := p.toks[p.i]
		p.i++
		n := &qnode{op: "term", text: t.text}
		if p.peek() == "*" {
			p.i++
			n.prefix = true
		}
		return n, nil
	}
	return nil, p.fail("expected a word or a phrase " + p.near())
}

// nearGroup reads NEAR(term term... [, N]). PostgreSQL has no "within N
// words" operator, so it matches the articles that have every term: a
// superset of FTS5's answer.
func (p *qparser) nearGroup() (*qnode, error) {
	p.i += 2 // NEAR (
	var n *qnode
	for p.peek() == "word" || p.peek() == "phrase" {
		m, err := p.primary()
		if err != nil {
			return nil, err
		}
		if n == nil {
			n = m
		} else {
			n = &qnode{op: "and", kids: []*qnode{n, m}}
		}
	}
	if n == nil {
		return nil, p.fail("NEAR needs words " + p.near())
	}
	if p.peek() == "," {
		p.i++
		if p.peek() != "word" || strings.Trim(p.toks[p.i].text, "0123456789") != "" {
			return nil, p.fail("NEAR wants a number of words after the comma " + p.near())
		}
		p.i++
	}
	if p.peek() != ")" {
		return nil, p.fail("unbalanced parenthesis " + p.near())
	}
	p.i++
	return n, nil
}

// parseQuery checks a query and returns its tree.
func parseQuery(query string) (*qnode, error) {
	if strings.TrimSpace(query) == "" {
		return nil, dragoman.Errorf(dragoman.EINVALID, "empty search query")
	}
	toks, err := lexQuery(query)
	if err != nil {
		return nil, err
	}
	p := &qparser{query: query, toks: toks}
	n, err := p.or()
	if err != nil {
		return nil, err
	}
	if p.i < len(p.toks) {
		return nil, p.fail("unexpected " + p.near())
	}
	return n, nil
}

// tsquery writes the node as an SQL expression of type tsquery, adding
// its words to w's arguments.
func (n *qnode) tsquery(w *where) string {
	switch n.op {
	case "and":
		return "(" + n.kids[0].tsquery(w) + " && " + n.kids[1].tsquery(w) + ")"
	case "or":
		return "(" + n.kids[0].tsquery(w) + " || " + n.kids[1].tsquery(w) + ")"
	case "not":
		return "(" + n.kids[0].tsquery(w) + " && !!" + n.kids[1].tsquery(w) + ")"
	}
	if !n.prefix {
		return "phraseto_tsquery('english', " + w.arg(n.text) + ")"
	}
	words := strings.FieldsFunc(n.text, func(r rune) bool { return !bareword(r) })
	if len(words) == 0 {
		return "phraseto_tsquery('english', " + w.arg(n.text) + ")"
	}
	last := words[len(words)-1]
	pre := "to_tsquery('english', " + w.arg("'"+last+"':*") + ")"
	if len(words) == 1 {
		return pre
	}
	return "tsquery_phrase(phraseto_tsquery('english', " + w.arg(strings.Join(words[:len(words)-1], " ")) + "), " + pre + ")"
}
