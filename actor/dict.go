package actor

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// Dictionary is a set of PETRARCH/Phoenix actor dictionaries: names
// (upper case, words joined by underscores, synonyms on "+" lines) with
// CAMEO codes, each valid over an optional date range:
//
//	VLADIMIR_PUTIN_  # comment
//	+PUTIN_
//		[RUSELI 700101-990809]
//		[RUSGOV >080508]
//		[RUSELI]
type Dictionary struct {
	entries map[string][]dated // name in upper case, words joined by single spaces
}

type dated struct {
	code     string
	from, to time.Time // zero when open
}

// LoadDictionaries reads actor dictionary files.
func LoadDictionaries(paths ...string) (*Dictionary, error) {
	d := &Dictionary{entries: map[string][]dated{}}
	for _, p := range paths {
		if err := d.load(p); err != nil {
			return nil, err
		}
	}
	return d, nil
}

func (d *Dictionary) load(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("actor dictionary: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	var names []string
	var codes []dated
	flush := func() {
		if len(names) > 0 && len(codes) > 0 {
			for _, n := range names {
				d.entries[n] = append(d.entries[n], codes...)
			}
		}
		names, codes = nil, nil
	}
	line := 0
	for sc.Scan() {
		line++
		raw := sc.Text()
		text := raw
		if k := strings.IndexByte(text, '#'); k >= 0 {
			text = text[:k]
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		trimmed := strings.TrimSpace(text)
		if strings.HasPrefix(trimmed, "<") || strings.HasPrefix(trimmed, "{") || strings.HasPrefix(trimmed, "!") {
			continue // other dictionary sections
		}
		isNew := raw[0] != ' ' && raw[0] != '\t' && raw[0] != '+' && raw[0] != '['
		if isNew {
			flush()
		}
		name := trimmed
		if k := strings.IndexByte(name, '['); k >= 0 {
			name = name[:k]
		}
		name = strings.TrimSpace(strings.TrimPrefix(name, "+"))
		if name != "" && (isNew || raw[0] == '+') {
			if n := dictName(name); n != "" {
				names = append(names, n)
			}
		}
		for rest := text; ; {
			a := strings.IndexByte(rest, '[')
			if a < 0 {
				break
			}
			b := strings.IndexByte(rest[a:], ']')
			if b < 0 {
				break
			}
			if c, ok := parseCode(rest[a+1 : a+b]); ok {
				codes = append(codes, c)
			}
			rest = rest[a+b+1:]
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return fmt.Errorf("actor dictionary %s:%d: %w", path, line, err)
	}
	return nil
}

// dictName turns VLADIMIR_V._PUTIN_ into "VLADIMIR V. PUTIN".
func dictName(s string) string {
	s = strings.ReplaceAll(s, "_", " ")
	return strings.Join(strings.Fields(strings.ToUpper(s)), " ")
}

// parseCode reads "RUSGOV", "RUSGOV >080508", "RUSELI 700101-990809",
// "IGOUNO <20070101".
func parseCode(s string) (dated, bool) {
	f := strings.Fields(s)
	if len(f) == 0 || strings.HasPrefix(f[0], "~") {
		return dated{}, false
	}
	c := dated{code: f[0]}
	if len(f) > 1 {
		r := f[1]
		switch {
		case strings.HasPrefix(r, ">"):
			c.from = dictDate(r[1:])
		case strings.HasPrefix(r, "<"):
			c.to = dictDate(r[1:])
		case strings.Contains(r, "-"):
			a, b, _ := strings.Cut(r, "-")
			c.from, c.to = dictDate(a), dictDate(b)
		}
	}
	return c, true
}

// dictDate reads YYMMDD (years up to 40 are 20xx) or YYYYMMDD.
func dictDate(s string) time.Time {
	n, err := strconv.Atoi(s)
	if err != nil {
		return time.Time{}
	}
	var y, m, d int
	switch len(s) {
	case 6:
		y, m, d = n/10000, n/100%100, n%100
		if y <= 40 {
			y += 2000
		} else {
			y += 1900
		}
	case 8:
		y, m, d = n/10000, n/100%100, n%100
	default:
		return time.Time{}
	}
	if m < 1 || m > 12 {
		m = 1
	}
	if d < 1 || d > 31 {
		d = 1
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
}

// Code returns the code of a name at date t: the code whose date range
// holds t, else the code without a range. A zero t takes the code without
// a range, else the latest.
func (d *Dictionary) Code(name string, t time.Time) (string, bool) {
	if d == nil {
		return "", false
	}
	cs := d.entries[dictName(name)]
	if len(cs) == 0 {
		return "", false
	}
	def := ""
	for _, c := range cs {
		if c.from.IsZero() && c.to.IsZero() {
			if def == "" {
				def = c.code
			}
			continue
		}
		if t.IsZero() {
			continue
		}
		if (c.from.IsZero() || !t.Before(c.from)) && (c.to.IsZero() || t.Before(c.to)) {
			return c.code, true
		}
	}
	if def != "" {
		return def, true
	}
	return "", false
}

func (d *Dictionary) isPerson(name string) bool {
	if d == nil || !strings.Contains(name, " ") {
		return false
	}
	_, ok := d.entries[dictName(name)]
	return ok
}
