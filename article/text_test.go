package article_test

import (
	"context"
	"strings"
	"testing"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/article"
)

const lead = "officials said on Monday that the talks between the two governments would resume next week in the capital."

func readText(t *testing.T, text string) dragoman.Article {
	t.Helper()
	for it, err := range article.ReadReader(context.Background(), strings.NewReader(text), "case.txt", article.Options{Format: article.FormatText}) {
		if err != nil {
			t.Fatal(err)
		}
		return it.Article
	}
	t.Fatal("no article")
	return dragoman.Article{}
}

func TestDatelines(t *testing.T) {
	for _, tc := range []struct {
		name, line                   string
		place, country, code, agency string
	}{
		{"CountryEmDash", "RIYADH, Saudi Arabia—", "Riyadh", "Saudi Arabia", "SAU", ""},
		{"Agency", "MOSCOW (Reuters) - ", "Moscow", "Russia", "RUS", "Reuters"},
		{"BareCapital", "WASHINGTON — ", "Washington", "United States", "USA", ""},
		{"DateAndAgency", "LONDON, Jan. 5 (AP) — ", "London", "United Kingdom", "GBR", "AP"},
		{"USState", "SAN ANTONIO, Texas — ", "San Antonio", "United States", "USA", ""},
		{"APStateAbbreviation", "SACRAMENTO, Calif. (AP) — ", "Sacramento", "United States", "USA", "AP"},
		{"DoubleHyphen", "KYIV, Ukraine (Reuters) -- ", "Kyiv", "Ukraine", "UKR", "Reuters"},
		{"EnDash", "BEIJING – ", "Beijing", "China", "CHN", ""},
		{"UnknownPlace", "SMALLTOWN, Ruritania — ", "Smalltown", "Ruritania", "", ""},
		{"TwoPlaces", "WASHINGTON/LONDON (Reuters) - ", "Washington/London", "United States", "USA", "Reuters"},
		{"Saint", "ST. PETERSBURG, Russia — ", "St. Petersburg", "Russia", "RUS", ""},
		{"UnitedNations", "UNITED NATIONS (AP) — ", "United Nations", "United States", "USA", "AP"},
		{"TerritoryAlias", "GAZA CITY, Gaza Strip — ", "Gaza City", "Gaza Strip", "PSE", ""},
		{"MixedCaseWithAgency", "Male, Maldives (AFP) - ", "Male", "Maldives", "MDV", "AFP"},
		{"MixedCaseTwoWords", "Buenos Aires (AP) — ", "Buenos Aires", "Argentina", "ARG", "AP"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := readText(t, "A headline\n"+tc.line+lead+"\n")
			d := a.Dateline
			if d == nil {
				t.Fatalf("no dateline; body %q", a.Body)
			}
			if d.Place != tc.place || d.Country != tc.country || d.CountryCode != tc.code || d.Agency != tc.agency {
				t.Errorf("got %+v", *d)
			}
			if a.Body != strings.ToUpper(lead[:1])+lead[1:] && a.Body != lead {
				t.Errorf("body %q", a.Body)
			}
		})
	}
	for _, tc := range []struct{ name, line string }{
		{"Acronym", "NATO — the alliance " + lead},
		{"Label", "UPDATE: " + lead},
		{"Sentence", "The minister - " + lead},
		{"ShortCaps", "US - " + lead},
	} {
		t.Run("Not"+tc.name, func(t *testing.T) {
			a := readText(t, "A headline\n"+tc.line+"\n")
			if a.Dateline != nil {
				t.Errorf("dateline %+v from %q", *a.Dateline, tc.line)
			}
		})
	}
}

func TestTextShapes(t *testing.T) {
	t.Run("UnlabelledDek", func(t *testing.T) {
		a := readText(t, "A headline\nOslo says two aircraft entered its airspace; Moscow denies it.\nTROMSØ, Norway (NTB) — "+lead+"\nSecond paragraph.\n")
		if a.Summary != "Oslo says two aircraft entered its airspace; Moscow denies it." || a.Dateline == nil || a.Dateline.Place != "Tromsø" || !strings.HasPrefix(a.Body, "officials said") && !strings.HasPrefix(a.Body, "Officials said") {
			t.Fatalf("summary %q dateline %+v body %q", a.Summary, a.Dateline, a.Body)
		}
	})
	t.Run("NoDekWithoutDateline", func(t *testing.T) {
		a := readText(t, "A headline\nThe first paragraph of the story.\nThe second paragraph, with no dateline.\n")
		if a.Summary != "" || !strings.HasPrefix(a.Body, "The first paragraph") {
			t.Fatalf("summary %q body %q", a.Summary, a.Body)
		}
	})
	t.Run("HardWrapped", func(t *testing.T) {
		a := readText(t, "Headline\n\nFirst line of the first\nparagraph goes on here.\n\nSecond paragraph\nalso wraps.\n")
		if a.Body != "First line of the first paragraph goes on here.\n\nSecond paragraph also wraps." {
			t.Errorf("body %q", a.Body)
		}
	})
	t.Run("LinePerParagraph", func(t *testing.T) {
		a := readText(t, "Headline\nOne.\nTwo.\n\nThree.\n")
		if a.Body != "One.\n\nTwo.\n\nThree." {
			t.Errorf("body %q", a.Body)
		}
	})
	t.Run("WikinewsDate", func(t *testing.T) {
		a := readText(t, "Pelosi elected Speaker\n\nFriday, January 4, 2019\n\nThe House elected its Speaker on Thursday.\n")
		if a.Published == nil || a.Published.Time.Format("2006-01-02") != "2019-01-04" || a.Published.Precision != dragoman.PrecisionDay {
			t.Errorf("published %+v", a.Published)
		}
		if strings.Contains(a.Body, "2019") {
			t.Errorf("date line left in body %q", a.Body)
		}
	})
	t.Run("Bylines", func(t *testing.T) {
		a := readText(t, "Headline\nBy JANE DOE and John Roe, Reuters\nWASHINGTON — Body text of the article.\nWrite to Jane Doe at jane@example.com and John Roe at john@example.com\n")
		if strings.Join(a.Bylines, "|") != "Jane Doe|John Roe" || a.Contact != "jane@example.com" {
			t.Errorf("bylines %q contact %q", a.Bylines, a.Contact)
		}
		if a.Body != "Body text of the article." {
			t.Errorf("body %q", a.Body)
		}
	})
	t.Run("CreditLine", func(t *testing.T) {
		for _, c := range []struct{ credits, bylines string }{
			{"(Reporting by Ana Lima; Writing by Tom Reyes; Editing by Kate Moor)", "Ana Lima|Tom Reyes"},
			{"(Reporting by Ana Lima in Quito and Luis Paz; Additional reporting by Joe Wu; Editing by Kate Moor and Sam Ode)", "Ana Lima|Luis Paz|Joe Wu"},
			{"(Reporting by Ana Lima, Luis Paz and Joe Wu; Editing by Kate Moor)", "Ana Lima|Luis Paz|Joe Wu"},
			{"Writing by Tom Reyes; Editing by Kate Moor", "Tom Reyes"},
			{"(Editing by Kate Moor)", ""},
		} {
			a := readText(t, "Headline\n\nQUITO (Reuters) - Body text of the article.\n\n"+c.credits+"\n")
			if got := strings.Join(a.Bylines, "|"); got != c.bylines {
				t.Errorf("%s: bylines %q, want %q", c.credits, got, c.bylines)
			}
			if a.Body != "Body text of the article." {
				t.Errorf("%s: body %q", c.credits, a.Body)
			}
		}
		// Not every parenthesis is a credit line.
		a := readText(t, "Headline\n\nQUITO (Reuters) - Body text of the article.\n\n(Reporting by the agency was disputed; officials said so)\n")
		if len(a.Bylines) != 0 || !strings.Contains(a.Body, "disputed") {
			t.Errorf("bylines %q body %q", a.Bylines, a.Body)
		}
	})
	t.Run("SummaryColon", func(t *testing.T) {
		a := readText(t, "Headline\nSummary: The dek.\nBody.\n")
		if a.Summary != "The dek." || a.Body != "Body." {
			t.Errorf("summary %q body %q", a.Summary, a.Body)
		}
	})
	t.Run("SingleLine", func(t *testing.T) {
		a := readText(t, "Only one line of text in this file.")
		if a.Title != "" || a.Body != "Only one line of text in this file." {
			t.Errorf("title %q body %q", a.Title, a.Body)
		}
	})
	t.Run("ParsePublished", func(t *testing.T) {
		p, err := article.ParsePublished("Feb. 18, 2025")
		if err != nil || p.Precision != dragoman.PrecisionDay || p.Time.Format("2006-01-02") != "2025-02-18" {
			t.Fatalf("%+v %v", p, err)
		}
		for in, want := range map[string]dragoman.Precision{"2025": dragoman.PrecisionYear, "2025-02": dragoman.PrecisionMonth, "2025-02-18T09:30:00Z": dragoman.PrecisionSecond, "February 2025": dragoman.PrecisionMonth} {
			p, err := article.ParsePublished(in)
			if err != nil || p.Precision != want {
				t.Errorf("%q: %+v %v, want %s", in, p, err, want)
			}
		}
		if _, err := article.ParsePublished("not a date at all"); err == nil {
			t.Errorf("nonsense parsed")
		}
	})
}

func TestHTMLCharset(t *testing.T) {
	page := "<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 talks</title></head><body><p>PARIS \x97 The minister said on Monday that the caf\xe9 owners of Paris would receive help after the protests, and that the government was ready to talk.</p></body></html>"
	for it, err := range article.ReadReader(context.Background(), strings.NewReader(page), "cp1252.html", article.Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		a := it.Article
		if a.Title != "Café talks" || !strings.Contains(a.Body, "café owners") || a.Dateline == nil || a.Dateline.Place != "Paris" {
			t.Errorf("title %q dateline %+v body %q", a.Title, a.Dateline, a.Body)
		}
		if len(it.Warnings) != 0 {
			t.Errorf("warnings %v", it.Warnings)
		}
	}
}

func TestUTF16(t *testing.T) {
	text := "Headline\nWASHINGTON — " + lead + "\n"
	units := []byte{0xff, 0xfe}
	for _, r := range text {
		if r > 0xffff {
			t.Fatal("test text must stay in the BMP")
		}
		units = append(units, byte(r), byte(r>>8))
	}
	for it, err := range article.ReadReader(context.Background(), strings.NewReader(string(units)), "utf16.txt", article.Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		if it.Article.Title != "Headline" || it.Article.Dateline == nil || it.Article.Body != lead {
			t.Errorf("%+v", it.Article)
		}
	}
}

func TestAtom(t *testing.T) {
	feed := `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Wire: Europe</title>
  <entry>
    <title>Dutch and Belgian ministers agree on North Sea wind grid</title>
    <link href="https://wire.example/north-sea-grid"/>
    <author><name>Eva de Vries</name></author>
    <published>2025-06-03T11:00:00Z</published>
    <summary>Two governments plan a shared offshore grid.</summary>
    <content type="html">&lt;p&gt;THE HAGUE, Netherlands — The Dutch and Belgian energy ministers agreed on Tuesday to build a shared offshore grid in the North Sea.&lt;/p&gt;&lt;p&gt;"This is how Europe gets its power from Europe," the Dutch minister, Pieter Jansen, said.&lt;/p&gt;</content>
  </entry>
</feed>`
	n := 0
	for it, err := range article.ReadReader(context.Background(), strings.NewReader(feed), "europe.atom", article.Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		a := it.Article
		if a.Format != article.FormatRSS || a.Title != "Dutch and Belgian ministers agree on North Sea wind grid" || a.URL != "https://wire.example/north-sea-grid" ||
			strings.Join(a.Bylines, "|") != "Eva de Vries" || a.Summary != "Two governments plan a shared offshore grid." || a.SiteName != "Wire: Europe" ||
			a.Published == nil || a.Published.Precision != dragoman.PrecisionSecond || a.Dateline == nil || a.Dateline.CountryCode != "NLD" ||
			strings.Count(a.Body, "\n\n") != 1 || a.Source != "europe.atom#item1" {
			t.Errorf("%+v %+v", a, a.Dateline)
		}
	}
	if n != 1 {
		t.Errorf("%d articles", n)
	}
}

func TestTextDates(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"Labeled", "Headline\nBy Jane Doe\nPublished: Feb. 18, 2025\n\nBody text.\n", "2025-02-18"},
		{"UpdatedTime", "Headline\nUpdated 2025-02-18 10:30\nBody text.\n", "2025-02-18"},
		{"APDateLine", "Headline\nSept. 3, 2024\nBody text.\n", "2024-09-03"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := readText(t, tc.text)
			if a.Published == nil || a.Published.Time.Format("2006-01-02") != tc.want {
				t.Fatalf("published %+v", a.Published)
			}
			if a.Body != "Body text." {
				t.Errorf("body %q", a.Body)
			}
		})
	}
}

func TestHTMLBoilerplate(t *testing.T) {
	page := `<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-06-26T18:45:00+02:00"}</script></head><body><article>
<p>BRUSSELS — European Union leaders agreed on Thursday to open formal membership negotiations with Moldova, a step its government called historic.</p>
<div>Advertisement</div>
<p><strong>Read more:</strong> <a href="/x">How Moldova prepared</a></p>
<p>Subscribers to the bloc's statistics service saw the figures first, officials said on Thursday in Brussels after the summit.</p>
<p>The post EU leaders back Moldova appeared first on Continental Times.</p>
</article></body></html>`
	for it, err := range article.ReadReader(context.Background(), strings.NewReader(page), "page.html", article.Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		a := it.Article
		paras := strings.Split(a.Body, "\n\n")
		if len(paras) != 2 || !strings.HasPrefix(paras[1], "Subscribers") {
			t.Errorf("paragraphs %q", paras)
		}
		if a.Published == nil || a.Published.Precision != dragoman.PrecisionSecond || a.Published.Time.Format("15:04") != "16:45" {
			t.Errorf("published %+v", a.Published)
		}
	}
}

// TestHTMLBlocks checks that list items and block quotes of the extracted
// text become paragraphs of their own.
func TestHTMLBlocks(t *testing.T) {
	page := `<html><head><title>G7 statement</title></head><body><article>
<p>LONDON — Foreign ministers of the Group of Seven issued a statement on Sudan on Friday after a video call.</p>
<ul><li>An immediate and lasting ceasefire across the country.</li><li>Unhindered humanitarian access through all crossings.</li></ul>
<blockquote>We call on both parties to put the Sudanese people first and to return to talks.</blockquote>
<p>The statement was welcomed by the African Union, whose envoy said the bloc was ready to host new talks.</p>
</article></body></html>`
	for it, err := range article.ReadReader(context.Background(), strings.NewReader(page), "g7.html", article.Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		paras := strings.Split(it.Article.Body, "\n\n")
		if len(paras) != 5 || !strings.HasPrefix(paras[2], "Unhindered") || !strings.HasPrefix(paras[3], "We call") {
			t.Errorf("paragraphs %q", paras)
		}
	}
}
