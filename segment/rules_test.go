package segment_test

import (
	"slices"
	"strings"
	"testing"
)

// The sentences below are written for these tests; each case pins one rule
// of docs/segmentation.md.

func TestSentenceRules(t *testing.T) {
	cases := []struct {
		name string
		body string
		want []string
	}{
		{"Plain", "The talks began. They ended late! Was it worth it? Nobody knows.",
			[]string{"The talks began.", "They ended late!", "Was it worth it?", "Nobody knows."}},
		{"CountryInitialisms", "U.S. and U.K. diplomats met U.N. officials in Geneva. The E.U. was absent.",
			[]string{"U.S. and U.K. diplomats met U.N. officials in Geneva.", "The E.U. was absent."}},
		{"InitialismBeforeName", "Troops from the U.S. Army arrived.",
			[]string{"Troops from the U.S. Army arrived."}},
		{"InitialismEndsSentence", "The envoy flew to the U.S. He landed at noon.",
			[]string{"The envoy flew to the U.S.", "He landed at noon."}},
		{"MilitaryTitles", "Lt. Gen. Ray Dorn spoke first. Gen. Ames followed.",
			[]string{"Lt. Gen. Ray Dorn spoke first.", "Gen. Ames followed."}},
		{"PoliticalTitles", "Sen. Alma Ruiz, Rep. Tom Baxter and Gov. Lee Park signed it.",
			[]string{"Sen. Alma Ruiz, Rep. Tom Baxter and Gov. Lee Park signed it."}},
		{"CourtesyTitles", "Mr. Hale met Mrs. Hale, Ms. Ortiz and Dr. Quint. They talked.",
			[]string{"Mr. Hale met Mrs. Hale, Ms. Ortiz and Dr. Quint.", "They talked."}},
		{"Saint", "The church is in St. Petersburg.", []string{"The church is in St. Petersburg."}},
		{"NumberSign", "He lives at No. 10 Elm Road. No. The house is gone.",
			[]string{"He lives at No. 10 Elm Road.", "No.", "The house is gone."}},
		{"NoAsAWord", `He said: "No." Then he left.`, []string{`He said: "No."`, "Then he left."}},
		{"Months", "The vote is on Jan. 5 and Feb. 18, not Sept. 30. Polls close early.",
			[]string{"The vote is on Jan. 5 and Feb. 18, not Sept. 30.", "Polls close early."}},
		{"MonthEndsSentence", "The deal was signed in Dec. Nobody objected.",
			[]string{"The deal was signed in Dec.", "Nobody objected."}},
		{"CompanySuffixes", "Acme Inc. and Bolt Corp. sued Crane Co. and Dart Ltd. over it.",
			[]string{"Acme Inc. and Bolt Corp. sued Crane Co. and Dart Ltd. over it."}},
		{"CompanyEndsSentence", "Shares fell at Acme Inc. The company declined to comment.",
			[]string{"Shares fell at Acme Inc.", "The company declined to comment."}},
		{"Versus", "It was Smith vs. Jones in court.", []string{"It was Smith vs. Jones in court."}},
		{"Etc", "They sold fuel, grain, etc. and kept the rest. Then they left.",
			[]string{"They sold fuel, grain, etc. and kept the rest.", "Then they left."}},
		{"EtcEndsSentence", "They sold fuel, grain, etc. Officials were pleased.",
			[]string{"They sold fuel, grain, etc.", "Officials were pleased."}},
		{"TimeBeforeLowercase", "It starts at 9 a.m. and ends at 5 p.m. sharp.",
			[]string{"It starts at 9 a.m. and ends at 5 p.m. sharp."}},
		{"TimeBeforeWeekday", "It starts at 9 a.m. Tuesday in Oslo.",
			[]string{"It starts at 9 a.m. Tuesday in Oslo."}},
		{"TimeEndsSentence", "It started at 9 a.m. Crowds had gathered.",
			[]string{"It started at 9 a.m.", "Crowds had gathered."}},
		{"TimeZone", "It began at 8 p.m. AST and at 10 a.m. Tongan time. Then it ended.",
			[]string{"It began at 8 p.m. AST and at 10 a.m. Tongan time.", "Then it ended."}},
		{"Elision", `"It worked. [...] We passed the test," she said.`,
			[]string{`"It worked.`, `[...] We passed the test," she said.`}},
		{"MiddleInitials", "Mark T. Ellison met George W. Bush and Ana R. Cole. They spoke.",
			[]string{"Mark T. Ellison met George W. Bush and Ana R. Cole.", "They spoke."}},
		{"Decimals", "Inflation rose 3.5% in May. It was 2.9% in April.",
			[]string{"Inflation rose 3.5% in May.", "It was 2.9% in April."}},
		{"Ellipsis", "He paused... and went on. Then silence … The end.",
			[]string{"He paused... and went on.", "Then silence …", "The end."}},
		{"URL", "Details are at https://example.org/a.b?c=d. More follow.",
			[]string{"Details are at https://example.org/a.b?c=d.", "More follow."}},
		{"Email", "Write to ana.cole@example.com. She replies fast.",
			[]string{"Write to ana.cole@example.com.", "She replies fast."}},
		{"BreakAfterClosingQuote", `They said it was "a good meeting." He added that more would come.`,
			[]string{`They said it was "a good meeting."`, "He added that more would come."}},
		{"CurlyClosingQuote", "She called it “a turning point.” Others disagreed.",
			[]string{"She called it “a turning point.”", "Others disagreed."}},
		{"MismatchedQuotes", "He called it “a start.\" Others disagreed.",
			[]string{"He called it “a start.\"", "Others disagreed."}},
		{"MisusedOpeningQuoteAsCloser", "It was “a mistake.“ However, it stands.",
			[]string{"It was “a mistake.“", "However, it stands."}},
		{"CommaQuote", `"Stop," he said. "Now."`, []string{`"Stop," he said.`, `"Now."`}},
		{"ExclamationQuoteLowercase", `"Stop!" he shouted.`, []string{`"Stop!" he shouted.`}},
		{"QuestionQuoteLowercase", "“Why now?” she asked.", []string{"“Why now?” she asked."}},
		{"QuestionQuoteSpeaker", "“Why now?” Sen. Ruiz asked. \"Stop!\" He said it twice. \"Go!\" The crowd left. “Why?” the envoy asked. “Why?” The envoy asked.",
			[]string{"“Why now?” Sen. Ruiz asked.", "\"Stop!\" He said it twice.", "\"Go!\"", "The crowd left.", "“Why?” the envoy asked.", "“Why?” The envoy asked."}},
		{"OpeningQuoteStartsSentence", `He left. "We will return," he said.`,
			[]string{"He left.", `"We will return," he said.`}},
		{"Parenthesis", "The vote failed. (A recount is due.) Both sides wait.",
			[]string{"The vote failed.", "(A recount is due.)", "Both sides wait."}},
		{"DashAfterPeriod", "We will win. — a campaign slogan",
			[]string{"We will win. — a campaign slogan"}},
		{"EmDashDateline", "KYIV, Ukraine—The city was quiet. Shops opened.",
			[]string{"KYIV, Ukraine—The city was quiet.", "Shops opened."}},
		{"LowercaseAfterPeriod", "The firm, known as the co. by staff, grew.",
			[]string{"The firm, known as the co. by staff, grew."}},
		{"CamelCaseStart", "Sales rose. eBay said so.", []string{"Sales rose.", "eBay said so."}},
		{"NoTerminator", "A headline without a period", []string{"A headline without a period"}},
		{"GluedSentences", "It rattled the allies.KYIV was calm.",
			[]string{"It rattled the allies.", "KYIV was calm."}},
		{"ReferenceMarks", "He was born in 1788. [1] He died in 1824. [citation needed] It ended.",
			[]string{"He was born in 1788. [1]", "He died in 1824. [citation needed]", "It ended."}},
		{"ListNumber", "2.1. Results came in late.", []string{"2.1. Results came in late."}},
		{"BornDied", "Her father (b. 1901) and mother (d. 1975) lived in Nice.",
			[]string{"Her father (b. 1901) and mother (d. 1975) lived in Nice."}},
		{"DoublePunctuation", "Really?! Yes.", []string{"Really?!", "Yes."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := annotate(t, c.body)
			if got := sentenceTexts(d); !slices.Equal(got, c.want) {
				t.Errorf("sentences of %q:\n got %q\nwant %q", c.body, got, c.want)
			}
		})
	}
}

func TestTokenRules(t *testing.T) {
	cases := []struct {
		name string
		body string
		want string // tokens joined by |
	}{
		{"Punctuation", "Yes, no; maybe: (fine)!", "Yes|,|no|;|maybe|:|(|fine|)|!"},
		{"Possessive", "Kyiv's and Moscow’s aims", "Kyiv|'s|and|Moscow|’s|aims"},
		{"PluralPossessive", "the allies’ concerns", "the|allies|’|concerns"},
		{"Negation", "didn’t, can't, won't, isn't", "did|n’t|,|ca|n't|,|wo|n't|,|is|n't"},
		{"Clitics", "we’ve they're I'm he'll she'd", "we|’ve|they|'re|I|'m|he|'ll|she|'d"},
		{"Cannot", "They cannot go.", "They|can|not|go|."},
		{"Names", "O'Brien and D’Souza", "O'Brien|and|D’Souza"},
		{"Decades", "the ’90s and '08 but '123", "the|’90s|and|'08|but|'|123"},
		{"Hyphenated", "a full-scale, decade-old Minsk-2 deal", "a|full-scale|,|decade-old|Minsk-2|deal"},
		{"Numbers", "1,000,000 people, 3.5% and $4.2 billion", "1,000,000|people|,|3.5|%|and|$|4.2|billion"},
		{"LeadingDecimalPoint", "batting .265 in May", "batting|.265|in|May"},
		{"NotAThousandsSeparator", "in 2014,2015", "in|2014|,|2015"},
		{"Time", "at 9:30 a.m.", "at|9:30|a.m."},
		{"Initialisms", "U.S. and U.K. and U.N.", "U.S.|and|U.K.|and|U.N."},
		{"InitialismCompound", "U.S.-Russian ties", "U.S.-Russian|ties"},
		{"Abbreviations", "Lt. Gen. Dorn and Mr. Hale", "Lt.|Gen.|Dorn|and|Mr.|Hale"},
		{"AbbreviationBeforeNumber", "No. 10 on Feb. 18, not in Feb. No.", "No.|10|on|Feb.|18|,|not|in|Feb|.|No|."},
		{"Initial", "Michael R. Gordon", "Michael|R.|Gordon"},
		{"PartyAndState", "Sen. Jo Hale, R-Ariz., said", "Sen.|Jo|Hale|,|R-Ariz.|,|said"},
		{"SentenceFinalPeriod", "He left town.", "He|left|town|."},
		{"URL", "see (https://example.org/x_(y)), then", "see|(|https://example.org/x_(y)|)|,|then"},
		{"WWW", "at www.example.com.", "at|www.example.com|."},
		{"Email", "to michael.gordon@example.com.", "to|michael.gordon@example.com|."},
		{"Domain", "on Amazon.com today", "on|Amazon.com|today"},
		{"Quotes", `“not too distant future." and "yes"`, `“|not|too|distant|future|.|"|and|"|yes|"`},
		{"SingleQuotes", "the ‘reset’ talks", "the|‘|reset|’|talks"},
		{"Dashes", "Arabia—The war – and peace -- ends", "Arabia|—|The|war|–|and|peace|--|ends"},
		{"Ellipsis", "wait... and … then", "wait|...|and|…|then"},
		{"BracketedEllipsis", "the [...] rest", "the|[...]|rest"},
		{"Hashtag", "#StandWithUkraine and @POTUS", "#StandWithUkraine|and|@POTUS"},
		{"Ampersand", "AT&T and S&P, rock & roll", "AT&T|and|S&P|,|rock|&|roll"},
		{"Slash", "24/7 and/or 2/18/2025", "24/7|and/or|2/18/2025"},
		{"NonASCII", "Zürich’s café in Kraków", "Zürich|’s|café|in|Kraków"},
		{"NonBreakingSpace", "10\u00a0km", "10|km"},
		{"Glued", "the allies.RIYADH", "the|allies|.|RIYADH"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := annotate(t, c.body)
			if got := strings.Join(tokenTexts(d), "|"); got != c.want {
				t.Errorf("tokens of %q:\n got %s\nwant %s", c.body, got, c.want)
			}
		})
	}
}

func TestParagraphRules(t *testing.T) {
	cases := []struct {
		name string
		body string
		want []string
	}{
		{"BlankLine", "One.\n\nTwo.", []string{"One.", "Two."}},
		{"SeveralBlankLines", "One.\n\n\n\nTwo.", []string{"One.", "Two."}},
		{"WhiteSpaceOnBlankLine", "One. \n \t \nTwo.", []string{"One.", "Two."}},
		{"CarriageReturns", "One.\r\n\r\nTwo.\r\n", []string{"One.", "Two."}},
		{"SingleNewlineInside", "One line\ngoes on.\n\nTwo.", []string{"One line\ngoes on.", "Two."}},
		{"LeadingAndTrailing", "\n\n  One.  \n\n", []string{"One."}},
		{"Empty", "", nil},
		{"OnlySpace", " \n\n\u00a0\n", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := annotate(t, c.body)
			var got []string
			for i, p := range d.Paragraphs {
				got = append(got, p.Text)
				if p.Index != i {
					t.Errorf("paragraph %d has index %d", i, p.Index)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("paragraphs of %q: got %q, want %q", c.body, got, c.want)
			}
		})
	}
}
