// Package gencorpus makes large test corpora from a few real articles:
// each generated article mixes paragraphs of several seed articles, shifts
// their dates and varies their wording, so that articles are varied and
// not byte-identical; a share of them are near-duplicates (a story
// republished with small edits), as in real news feeds. It is for
// benchmarks and tests.
package gencorpus

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"time"
)

// Seed is one source article.
type Seed struct {
	URL, Title string
	Date       time.Time
	Paragraphs []string
}

// ReadCSV reads seeds from a CSV file with the columns url, date, title,
// text (the Wikinews sample's layout).
func ReadCSV(path string) ([]Seed, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var seeds []Seed
	for i, row := range rows {
		if i == 0 || len(row) < 4 {
			continue
		}
		d, _ := time.Parse("2006-01-02", strings.TrimSpace(row[1]))
		s := Seed{URL: row[0], Date: d, Title: strings.TrimSpace(row[2]), Paragraphs: Paragraphs(row[3])}
		if len(s.Paragraphs) > 0 {
			seeds = append(seeds, s)
		}
	}
	if len(seeds) == 0 {
		return nil, fmt.Errorf("%s: no articles", path)
	}
	return seeds, nil
}

// Paragraphs splits text on blank lines.
func Paragraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var out []string
	for _, p := range strings.Split(text, "\n\n") {
		p = strings.Join(strings.Fields(p), " ")
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Record is one JSON Lines record, in a layout the article readers read.
type Record struct {
	URL   string `json:"url"`
	Title string `json:"title"`
	Date  string `json:"date"`
	Text  string `json:"text"`
}

// WriteSeeds writes the seeds unchanged as JSON Lines.
func WriteSeeds(w io.Writer, seeds []Seed) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, s := range seeds {
		if err := enc.Encode(Record{URL: s.URL, Title: s.Title, Date: s.Date.Format("2006-01-02"), Text: strings.Join(s.Paragraphs, "\n\n")}); err != nil {
			return err
		}
	}
	return nil
}

// Options tune Generate.
type Options struct {
	N        int     // articles to write
	Seed     uint64  // random seed: the same seed writes the same corpus
	NearDups float64 // share of near-duplicates; zero means 0.05
}

// Generate writes opts.N articles as JSON Lines.
func Generate(w io.Writer, seeds []Seed, opts Options) error {
	if len(seeds) == 0 {
		return fmt.Errorf("no seed articles")
	}
	nearDups := opts.NearDups
	if nearDups == 0 {
		nearDups = 0.05
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x5eed))
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	var recent []Record
	for i := 0; i < opts.N; i++ {
		var rec Record
		if len(recent) > 0 && rng.Float64() < nearDups {
			rec = nearCopy(rng, recent[rng.IntN(len(recent))], i)
		} else {
			rec = mix(rng, seeds, i)
			if len(recent) < 500 {
				recent = append(recent, rec)
			} else {
				recent[rng.IntN(len(recent))] = rec
			}
		}
		if err := enc.Encode(rec); err != nil {
			return err
		}
	}
	return nil
}

// mix builds article i from a base seed and paragraphs of two others.
func mix(rng *rand.Rand, seeds []Seed, i int) Record {
	base := seeds[rng.IntN(len(seeds))]
	var paras []string
	paras = append(paras, vary(rng, base.Paragraphs[0]))
	for _, p := range base.Paragraphs[1:] {
		if rng.Float64() < 0.6 {
			paras = append(paras, vary(rng, p))
		}
	}
	for d := 0; d < 2; d++ {
		donor := seeds[rng.IntN(len(seeds))]
		k := rng.IntN(len(donor.Paragraphs))
		for j := k; j < len(donor.Paragraphs) && j < k+2; j++ {
			at := 1 + rng.IntN(len(paras))
			p := vary(rng, donor.Paragraphs[j])
			paras = append(paras[:at], append([]string{p}, paras[at:]...)...)
		}
	}
	day := base.Date
	if day.IsZero() {
		day = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	day = day.AddDate(0, 0, rng.IntN(6*365)-3*365)
	title := base.Title
	if rng.Float64() < 0.5 {
		title = prefixes[rng.IntN(len(prefixes))] + title
	}
	return Record{
		URL:   fmt.Sprintf("https://generated.example/%d/%s", i, slug(base.Title)),
		Title: title,
		Date:  day.Format("2006-01-02"),
		Text:  strings.Join(paras, "\n\n"),
	}
}

// nearCopy republishes rec with a few words changed.
func nearCopy(rng *rand.Rand, rec Record, i int) Record {
	words := strings.Split(rec.Text, " ")
	for k := 0; k < 1+rng.IntN(3); k++ {
		j := rng.IntN(len(words))
		if strings.Contains(words[j], "\n") {
			continue
		}
		words[j] = swaps[rng.IntN(len(swaps))]
	}
	rec.Text = strings.Join(words, " ")
	rec.URL = fmt.Sprintf("https://mirror.example/%d", i)
	if t, err := time.Parse("2006-01-02", rec.Date); err == nil {
		rec.Date = t.AddDate(0, 0, rng.IntN(2)).Format("2006-01-02")
	}
	return rec
}

// vary rewrites a few common words so that paragraphs reused from a seed
// are not byte-identical.
func vary(rng *rand.Rand, p string) string {
	for _, r := range replacements {
		if rng.Float64() < 0.3 {
			p = strings.ReplaceAll(p, r[0], r[1])
		}
	}
	return p
}

var replacements = [][2]string{
	{" said ", " stated "}, {" told ", " informed "}, {" on Monday", " on Tuesday"}, {" on Friday", " on Thursday"},
	{" officials ", " authorities "}, {" people ", " residents "}, {" government ", " administration "},
	{" announced ", " declared "}, {" large ", " major "}, {" about ", " around "}, {" however", " though"},
}

var swaps = []string{"reportedly", "also", "later", "again", "meanwhile", "the"}

var prefixes = []string{"Update: ", "Analysis: ", "Breaking: ", "Report: ", "Live: "}

func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
		if b.Len() > 40 {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}
