// Package event is the pipeline stage that finds what happened: for each
// sentence, who did what to whom, coded to CAMEO, with the words it came
// from, where, when, and whether it was reported speech.
//
// The coder is shallow: no parse tree. It marks actors (from the entities
// of earlier stages, the gazetteer and any PETRARCH actor dictionaries),
// agents ("officials", "troops"), verbs and nominal events from a lexicon
// written as data in the PETRARCH verb-dictionary format, groups words into
// base noun phrases, and takes the phrase before a verb as its source and
// the first actor after it as its target, unless a verb pattern says
// otherwise. The same coder runs PETRARCH's own dictionaries on raw text
// (see Dictionaries.CodeText and docs/events.md).
package event

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/gazetteer"
)

//go:embed lexicon/verbs.txt lexicon/agents.txt lexicon/nouns.txt
var lexiconFS embed.FS

// Modalities the coder writes in Event.Modality.
const (
	// ModalityIntent: intended or offered, not done ("plans to visit",
	// "would be willing to put troops on the ground"); coded in CAMEO 03.
	ModalityIntent = "intent"
	// ModalityPossible: a modal without intent ("could meet", "will
	// attack", coded as a threat).
	ModalityPossible = "possible"
	// ModalityRefusal: a refusal (CAMEO 12) read from a negated
	// cooperation ("there could be no thought of making territorial
	// concessions" is 124, "refused to meet" 125). The refusal happened,
	// so such an event is not Negated: Event.Negated is kept for an event
	// coded as the very action the text denies, which the news coder
	// drops instead ("did not attack" codes nothing).
	ModalityRefusal = "refusal"
)

// Options configure the coder. The zero value uses the built-in lexicon.
type Options struct {
	// PETRARCH-format dictionary files loaded on top of the built-in
	// lexicon: verbs with patterns, actors, agents, discards.
	VerbFiles, ActorFiles, AgentFiles, DiscardFiles []string
	// Replace drops the built-in verbs, nouns and agents, so that only the
	// dictionary files code events.
	Replace bool
}

// Coder is the event stage. It is safe for concurrent use.
type Coder struct {
	dict      *Dictionaries
	nouns     phraseIndex
	flags     map[*phrase]string
	nounWords map[string]bool // single-word nouns of the nominal lexicon
	gaz       *gazetteer.Gazetteer
}

// builtin decodes the embedded lexicon once.
var builtin = sync.OnceValues(func() (*Dictionaries, error) {
	d := NewDictionaries()
	for _, f := range []struct{ kind, path string }{
		{"verbs", "lexicon/verbs.txt"}, {"agents", "lexicon/agents.txt"},
	} {
		r, err := lexiconFS.Open(f.path)
		if err != nil {
			return nil, err
		}
		err = d.Load(f.kind, r)
		r.Close()
		if err != nil {
			return nil, fmt.Errorf("built-in %s: %w", f.path, err)
		}
	}
	return d, nil
})

// New builds the coder.
func New(opt Options) (*Coder, error) {
	c := &Coder{flags: map[*phrase]string{}, nounWords: map[string]bool{}}
	if opt.Replace {
		c.dict = NewDictionaries()
	} else {
		b, err := builtin()
		if err != nil {
			return nil, err
		}
		if len(opt.VerbFiles)+len(opt.ActorFiles)+len(opt.AgentFiles)+len(opt.DiscardFiles) == 0 {
			c.dict = b
		} else {
			// a private copy to extend
			c.dict = NewDictionaries()
			for _, f := range []struct{ kind, path string }{{"verbs", "lexicon/verbs.txt"}, {"agents", "lexicon/agents.txt"}} {
				data, _ := fs.ReadFile(lexiconFS, f.path)
				if err := c.dict.Load(f.kind, strings.NewReader(string(data))); err != nil {
					return nil, err
				}
			}
		}
	}
	for _, l := range []struct {
		kind  string
		files []string
	}{{"verbs", opt.VerbFiles}, {"actors", opt.ActorFiles}, {"agents", opt.AgentFiles}, {"discards", opt.DiscardFiles}} {
		for _, f := range l.files {
			if err := c.dict.LoadFile(l.kind, f); err != nil {
				return nil, err
			}
		}
	}
	if !opt.Replace {
		if err := c.loadNouns(); err != nil {
			return nil, err
		}
	}
	g, err := gazetteer.Load()
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	c.gaz = g
	return c, nil
}

// Name implements dragoman.Annotator.
func (c *Coder) Name() string { return "event" }

// loadNouns reads the nominal events: "NOUN {PLURALS} [code] flags".
func (c *Coder) loadNouns() error {
	data, err := fs.ReadFile(lexiconFS, "lexicon/nouns.txt")
	if err != nil {
		return err
	}
	for n, line := range strings.Split(string(data), "\n") {
		if k := strings.IndexByte(line, '#'); k >= 0 {
			line = line[:k]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		m := codeRE.FindStringSubmatchIndex(line)
		if m == nil {
			return fmt.Errorf("nouns.txt line %d: no code", n+1)
		}
		code := line[m[2]:m[3]]
		flags := strings.TrimSpace(line[m[1]:])
		head := strings.TrimSpace(line[:m[0]])
		forms := []string{}
		if k := strings.IndexByte(head, '{'); k >= 0 {
			e := strings.IndexByte(head, '}')
			forms = append(forms, strings.Fields(head[k+1:e])...)
			head = strings.TrimSpace(head[:k])
		} else {
			forms = append(forms, plural(strings.ToUpper(head)))
		}
		forms = append(forms, head)
		for _, f := range forms {
			p := &phrase{words: splitWords(f), agent: code, name: strings.ToLower(strings.ReplaceAll(head, "_", " "))}
			c.nouns.add(p)
			c.flags[p] = flags
			if len(p.words) == 1 {
				c.nounWords[p.words[0]] = true
			}
		}
	}
	c.nouns.sort()
	return nil
}

// Annotate implements dragoman.Annotator: it appends to d.Events.
func (c *Coder) Annotate(ctx context.Context, d *dragoman.Document) error {
	st := newDocState(c, d)
	sents := d.Sentences
	if len(sents) == 0 && d.Article.Body != "" {
		sents = []dragoman.Sentence{{Span: d.Span(0, len(d.Article.Body)), Index: 0}}
	}
	for si, sent := range sents {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		st.sentence(si, sent)
	}
	st.finish()
	return nil
}
