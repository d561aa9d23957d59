package event

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Triple is one coded event in PETRARCH's terms: source actor code, target
// actor code ("---" when there is none) and CAMEO event code.
type Triple struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Code   string `json:"code"`
}

func (t Triple) String() string { return t.Source + "-" + t.Target + "-" + t.Code }

// SentenceOptions are PETRARCH's per-record switches.
type SentenceOptions struct {
	// Date is the story date as yyyymmdd; it picks date-bounded actor
	// codes. Zero takes the undated code.
	Date int
	// AllowMonad codes events with one side unknown (PETRARCH's
	// require_dyad = false).
	AllowMonad bool
}

// CodeText codes one raw sentence with the dictionaries, PETRARCH-style:
// actors, agents and verbs come only from d. It returns the events, and
// "sentencediscard" or "storydiscard" when a discard phrase rules the
// sentence out.
func (d *Dictionaries) CodeText(text string, opt SentenceOptions) ([]Triple, string) {
	s := &sentence{toks: tokenize(text, 0), date: opt.Date}
	if why := s.discarded(d); why != "" {
		return nil, why
	}
	s.analyse(d)
	raw := s.code(d, codeOptions{requireDyad: !opt.AllowMonad})
	var out []Triple
	seen := map[Triple]bool{}
	for _, r := range raw {
		t := Triple{Source: r.source.code, Target: "---", Code: r.code}
		if r.target != nil {
			t.Target = r.target.code
		}
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out, ""
}

// Stats describes loaded dictionaries.
func (d *Dictionaries) Stats() string {
	return fmt.Sprintf("%d verb blocks, %d patterns, %d actor phrases, %d agent phrases, %d discards",
		d.nVerbs, d.nPatterns, d.nActors, d.nAgents, len(d.discards))
}

// ---- the validation file ----

// Validation is a PETRARCH validation file: the dictionaries it needs and
// its records, each with the options in force when it comes.
type Validation struct {
	Path    string
	Verbs   string
	Actors  string
	Agents  string
	Discard string
	Records []Record
}

// Record is one <Sentence> of a validation file.
type Record struct {
	ID       string
	Category string
	Date     int
	Text     string
	Expected []Triple // empty for noevents and error records
	NoEvents bool
	Error    string // "storydiscard", "sentencediscard", "bad_input_parse", ...
	Options  SentenceOptions
}

type xmlEnv struct {
	Verbfile    string `xml:"Verbfile"`
	Actorfile   string `xml:"Actorfile"`
	Agentfile   string `xml:"Agentfile"`
	Discardfile string `xml:"Discardfile"`
}

type xmlCoding struct {
	Source   string `xml:"sourcecode,attr"`
	Target   string `xml:"targetcode,attr"`
	Code     string `xml:"eventcode,attr"`
	NoEvents string `xml:"noevents,attr"`
	Error    string `xml:"error,attr"`
}

type xmlSentence struct {
	ID       string      `xml:"id,attr"`
	Date     string      `xml:"date,attr"`
	Category string      `xml:"category,attr"`
	Codings  []xmlCoding `xml:"EventCoding"`
	Text     string      `xml:"Text"`
}

type xmlConfig struct {
	Option string `xml:"option,attr"`
	Value  string `xml:"value,attr"`
}

// ReadValidation reads a PETRARCH validation XML file. Only each record's
// <Text> is kept: the coder never sees the <Parse>.
func ReadValidation(path string) (*Validation, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	v := &Validation{Path: path}
	dec := xml.NewDecoder(f)
	dec.Strict = false
	opts := SentenceOptions{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "Environment":
			var env xmlEnv
			if err := dec.DecodeElement(&env, &se); err != nil {
				return nil, fmt.Errorf("%s: environment: %w", path, err)
			}
			v.Verbs = strings.TrimSpace(env.Verbfile)
			v.Actors = strings.TrimSpace(env.Actorfile)
			v.Agents = strings.TrimSpace(env.Agentfile)
			v.Discard = strings.TrimSpace(env.Discardfile)
		case "Config":
			var c xmlConfig
			if err := dec.DecodeElement(&c, &se); err != nil {
				return nil, fmt.Errorf("%s: config: %w", path, err)
			}
			if strings.EqualFold(c.Option, "require_dyad") {
				opts.AllowMonad = strings.EqualFold(strings.TrimSpace(c.Value), "false")
			}
		case "Sentence":
			var s xmlSentence
			if err := dec.DecodeElement(&s, &se); err != nil {
				return nil, fmt.Errorf("%s: sentence: %w", path, err)
			}
			r := Record{ID: strings.TrimSpace(s.ID), Category: s.Category, Text: strings.Join(strings.Fields(s.Text), " "), Options: opts}
			r.Date, _ = strconv.Atoi(strings.TrimSpace(s.Date))
			r.Options.Date = r.Date
			for _, c := range s.Codings {
				switch {
				case strings.EqualFold(strings.TrimSpace(c.NoEvents), "true"):
					r.NoEvents = true
				case c.Error != "":
					r.Error = c.Error
				default:
					r.Expected = append(r.Expected, Triple{Source: c.Source, Target: c.Target, Code: c.Code})
				}
			}
			v.Records = append(v.Records, r)
		}
	}
	return v, nil
}

// LoadDictionaries loads the dictionaries a validation file names, looking
// for each in dirs, then beside the file and in its dictionaries folders.
func (v *Validation) LoadDictionaries(dirs ...string) (*Dictionaries, error) {
	base := filepath.Dir(v.Path)
	dirs = append(dirs, base, filepath.Join(base, "validation_dictionaries"), filepath.Join(base, "dictionaries"))
	d := NewDictionaries()
	for _, f := range []struct{ kind, name string }{
		{"verbs", v.Verbs}, {"actors", v.Actors}, {"agents", v.Agents}, {"discards", v.Discard},
	} {
		if f.name == "" {
			continue
		}
		found := ""
		for _, dir := range dirs {
			p := filepath.Join(dir, f.name)
			if _, err := os.Stat(p); err == nil {
				found = p
				break
			}
		}
		if found == "" {
			return nil, fmt.Errorf("%s dictionary %s not found (looked in %s)", f.kind, f.name, strings.Join(dirs, ", "))
		}
		if err := d.LoadFile(f.kind, found); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// Result is the outcome of one validation record.
type Result struct {
	Record Record
	Got    []Triple
	Why    string // discard reason, when the coder discarded the sentence
	Pass   bool
}

// Validate codes every record and compares the set of triples with the
// expected set. A noevents or error record passes when nothing is coded.
func (v *Validation) Validate(d *Dictionaries) []Result {
	out := make([]Result, 0, len(v.Records))
	for _, r := range v.Records {
		got, why := d.CodeText(r.Text, r.Options)
		out = append(out, Result{Record: r, Got: got, Why: why, Pass: sameTriples(r.Expected, got)})
	}
	return out
}

func sameTriples(a, b []Triple) bool {
	sa, sb := tripleSet(a), tripleSet(b)
	if len(sa) != len(sb) {
		return false
	}
	for t := range sa {
		if !sb[t] {
			return false
		}
	}
	return true
}

func tripleSet(ts []Triple) map[Triple]bool {
	m := map[Triple]bool{}
	for _, t := range ts {
		m[t] = true
	}
	return m
}

// FormatTriples prints a set of triples in a stable order.
func FormatTriples(ts []Triple) string {
	if len(ts) == 0 {
		return "(none)"
	}
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = t.String()
	}
	sort.Strings(s)
	return strings.Join(s, " ")
}
