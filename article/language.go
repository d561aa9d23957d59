package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// englishStopwords are the commonest English function words. News prose
// in English has roughly a third to a half of its words in this list; text
// in other languages has few of them.
var englishStopwords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the a an and or but of to in on at by for with from as is are was were be been
		being has have had do does did not no that this these those it its he she his her they them their we our
		you your i me my who whom which what when where why how than then there here said says will would can
		could should may might must shall about after before over under into out up down also more most some any
		all only very just so if while because since until against between during without within`) {
		englishStopwords[w] = true
	}
}

// minEnglishRatio is the share of stopwords above which a text reads as
// English.
const minEnglishRatio = 0.18

// detectLanguage returns "en" when the first few thousand words of text
// read as English by their share of English stopwords, "und" otherwise,
// with the ratio. Very short texts (under 8 words) are given the benefit of
// the doubt.
func detectLanguage(text string) (string, float64) {
	words, stop := 0, 0
	var buf []byte // the current word, lowercased
	end := func() {
		if len(buf) > 0 {
			words++
			if englishStopwords[string(buf)] { // no allocation: map lookup by converted key
				stop++
			}
			buf = buf[:0]
		}
	}
	for _, r := range text {
		if unicode.IsLetter(r) || r == '\'' {
			if r < utf8.RuneSelf {
				buf = append(buf, byte(unicode.ToLower(r)))
			} else {
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
			}
			continue
		}
		end()
		if words >= 5000 {
			break
		}
	}
	end()
	if words < 8 {
		return "en", 1
	}
	ratio := float64(stop) / float64(words)
	if ratio >= minEnglishRatio {
		return "en", ratio
	}
	return "und", ratio
}
