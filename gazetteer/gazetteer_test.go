package gazetteer_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dragoman-news/dragoman/gazetteer"
)

func TestTokenize(t *testing.T) {
	cases := map[string]string{
		"Trump’s aides":               "Trump|’s|aides",
		"U.S. officials said.":        "U.S.|officials|said|.",
		"U.S.-Russian relations":      "U.S.|-|Russian|relations",
		"the Minsk-2 accord":          "the|Minsk-2|accord",
		"Michael R. Gordon":           "Michael|R.|Gordon",
		"Lt. Gen. Keith Kellogg":      "Lt.|Gen.|Keith|Kellogg",
		"Sana'a, Yemen":               "Sana'a|,|Yemen",
		"“no thought\" of":            "“|no|thought|\"|of",
		"allies’ concerns":            "allies|’|concerns",
		"Washington, D.C., on Monday": "Washington|,|D.C.|,|on|Monday",
	}
	for in, want := range cases {
		var got []string
		for _, tk := range gazetteer.Tokenize(in) {
			got = append(got, in[tk.Start:tk.End])
		}
		if g := strings.Join(got, "|"); g != want {
			t.Errorf("Tokenize(%q) = %s, want %s", in, g, want)
		}
	}
}

func TestLookups(t *testing.T) {
	g, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	country := map[string]string{
		"U.S.": "USA", "US": "USA", "America": "USA", "United States": "USA", "Britain": "GBR",
		"UK": "GBR", "Russian": "RUS", "Russians": "RUS", "Europeans": "EUR", "European": "EUR",
		"Ukrainians": "UKR", "Chinese": "CHN", "British": "GBR", "Kyiv": "UKR", "Kiev": "UKR",
		"Riyadh": "SAU", "Washington": "USA", "Moscow": "RUS", "Brussels": "BEL", "Middle East": "MEA",
		"Kremlin": "RUS", "Gaza": "GZS", "Israelis": "ISR", "Russia’s": "RUS",
	}
	for w, want := range country {
		if got, ok := g.CountryOf(w); !ok || got != want {
			t.Errorf("CountryOf(%q) = %q, %v; want %q", w, got, ok, want)
		}
	}
	if _, ok := g.CountryOf("us"); ok {
		t.Error(`CountryOf("us") found a country`)
	}
	if code, plural, ok := g.Demonym("Europeans"); !ok || code != "EUR" || !plural {
		t.Errorf("Demonym(Europeans) = %q %v %v", code, plural, ok)
	}
	if code, plural, ok := g.Demonym("Russian"); !ok || code != "RUS" || plural {
		t.Errorf("Demonym(Russian) = %q %v %v", code, plural, ok)
	}
	titles := map[string]string{
		"President": "GOV", "foreign minister": "GOV", "Lieutenant General": "MIL", "chief executive": "BUS",
		"spokeswoman": "GOV", "senator": "LEG", "analyst": "ELI", "Secretary of State": "GOV",
	}
	for w, want := range titles {
		if got := g.TitleType(w); got != want {
			t.Errorf("TitleType(%q) = %q, want %q", w, got, want)
		}
	}
	if !g.IsTitle("ambassador") || g.IsTitle("Putin") || g.IsTitle("officials") {
		t.Error("IsTitle is wrong")
	}
	if tt, _ := g.Title("secretary of state"); tt.Country != "USA" {
		t.Errorf("secretary of state country = %q", tt.Country)
	}
	if e, ok := g.Find("NATO", gazetteer.KindOrg); !ok || e.Code != "IGOWSTNAT" {
		t.Errorf("NATO = %+v %v", e, ok)
	}
	// no CAMEO group code: the regional IGO code alone, as PETRARCH gives
	// the Andean Community
	for _, n := range []string{"Mercosur", "Southern Common Market", "MERCOSUR"} {
		if e, ok := g.Find(n, gazetteer.KindOrg); !ok || e.Code != "IGOSAM" {
			t.Errorf("%s = %+v %v", n, e, ok)
		}
	}
	if tt, ok := g.Title("detective chief inspector"); !ok || tt.Type != "COP" {
		t.Errorf("detective chief inspector = %+v %v", tt, ok)
	}
	if e, ok := g.Find("State Department", gazetteer.KindBody); !ok || e.Code != "USAGOV" {
		t.Errorf("State Department = %+v %v", e, ok)
	}
	if e, ok := g.Find("Foreign Ministry", gazetteer.KindBody); !ok || e.Country != "" || e.Type != "GOV" {
		t.Errorf("Foreign Ministry = %+v %v", e, ok)
	}
}

func TestHolders(t *testing.T) {
	g := gazetteer.MustLoad()
	at := time.Date(2025, 2, 18, 0, 0, 0, 0, time.UTC)
	cases := []struct{ name, actor string }{
		{"Trump", "USAGOV"}, {"Donald Trump", "USAGOV"}, {"Lavrov", "RUSGOV"}, {"Zelenskyy", "UKRGOV"},
		{"Mark Rutte", "IGOWSTNAT"}, {"Netanyahu", "ISRGOV"},
		// other romanizations and generational suffixes
		{"Abbas Araqchi", "IRNGOV"}, {"Ferdinand Marcos Jr.", "PHLGOV"}, {"Volodymyr Zelenskyy", "UKRGOV"},
	}
	for _, c := range cases {
		hs := g.Holders(c.name, at)
		if len(hs) == 0 || hs[0].Actor != c.actor {
			t.Errorf("Holders(%q) = %+v, want %s", c.name, hs, c.actor)
		}
	}
	// a lone word is not looked up under another spelling
	if hs := g.Holders("Barak", at); len(hs) != 0 {
		t.Errorf("Barak holds %+v", hs)
	}
	if hs := g.Holders("Biden", at); len(hs) != 0 {
		t.Errorf("Biden holds %+v in 2025", hs)
	}
	if hs := g.Holders("Biden", time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)); len(hs) != 1 || hs[0].Actor != "USAGOV" {
		t.Errorf("Biden in 2023: %+v", hs)
	}
}

// TestGivenNamesWithAccents checks that given names are known with and
// without their accents.
func TestGivenNamesWithAccents(t *testing.T) {
	g := gazetteer.MustLoad()
	for _, n := range []string{"Lucía", "Raúl", "José"} {
		if !g.IsGivenName(n) {
			t.Errorf("%q is no given name", n)
		}
	}
	if g.Gender("Lucía") != 'f' {
		t.Errorf("Lucía: gender %q", g.Gender("Lucía"))
	}
}

func TestScan(t *testing.T) {
	g := gazetteer.MustLoad()
	text := "U.S. officials met Russia’s Foreign Ministry in Riyadh, Saudi Arabia, with the Kremlin and U.S.-Russian NATO ties."
	var got []string
	for _, m := range g.Scan(text) {
		if text[m.Start:m.End] != m.Text {
			t.Fatalf("match %q at %d:%d reads %q", m.Text, m.Start, m.End, text[m.Start:m.End])
		}
		got = append(got, m.Text+"/"+m.Entries[0].Kind.String())
	}
	want := "U.S./country|Russia/country|Foreign Ministry/body|Riyadh/city|Saudi Arabia/country|the Kremlin/body|U.S./country|Russian/demonym|NATO/org"
	if g := strings.Join(got, "|"); g != want {
		t.Errorf("Scan = %s\nwant   %s", g, want)
	}
}

func BenchmarkScan(b *testing.B) {
	g := gazetteer.MustLoad()
	text := strings.Repeat("The Trump administration is trying to reset Washington’s tense relations with Moscow and move the Ukraine conflict toward an end. ", 20)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		g.Scan(text)
	}
}
