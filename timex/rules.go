package timex

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// A rule is a pattern and the function that turns one of its matches into
// a candidate expression. Rules only propose; the tagger keeps the longest
// of overlapping candidates.
type rule struct {
	name     string
	re       *regexp.Regexp
	anchored *regexp.Regexp          // re, matching only at the start of the text
	reach    reach                   // the head words it needs and how far from them it matches (triggers.go)
	gate     func(string, span) bool // a cheap check of a trigger before the pattern runs
	handle   func(s *scan, m []int) (cand, bool)
}

// Pattern pieces, built from the tables.
var (
	reMonth     = `((?:January|February|March|April|May|June|July|August|September|October|November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)`
	reMonthFull = `(January|February|March|April|May|June|July|August|September|October|November|December)`
	reWeekday   = `(` + alternation(keys(weekdayWords)) + `)`
	reNumber    = `(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\s](?:one|two|three|four|five|six|seven|eight|nine)|` +
		strings.TrimSuffix(strings.TrimPrefix(alternation(keys(numberWords), keys(vagueCounts)), "(?:"), ")") + `))`
	reApprox = `(?i:(` + strings.TrimSuffix(strings.TrimPrefix(alternation(keys(approxWords)), "(?:"), ")") + `)\s+)?`
	reUnit   = `(?i:(seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|century|centuries|millennium|millennia))`
	rePart   = `(?i:(early|mid|late|the end of|the beginning of|the start of|the middle of))`
	reOrd    = `(?:st|nd|rd|th)?`
)

// rules is the table of every pattern the tagger looks for, roughly from
// the most to the least specific. Their handlers live in handlers.go.
func rules() ([]rule, error) {
	var errs []error
	r := func(name, pattern string, h func(*scan, []int) (cand, bool)) rule {
		re, err := regexp.Compile(pattern)
		if err != nil {
			errs = append(errs, fmt.Errorf("rule %s: %w", name, err))
			return rule{}
		}
		anchored, err := regexp.Compile(`^(?:` + pattern + `)`)
		if err != nil {
			errs = append(errs, fmt.Errorf("rule %s: %w", name, err))
			return rule{}
		}
		if ruleReach[name].needs == 0 {
			errs = append(errs, fmt.Errorf("rule %s: no triggers in ruleReach", name))
		}
		return rule{name: name, re: re, anchored: anchored, reach: ruleReach[name], gate: gates[name], handle: h}
	}
	table := []rule{
		r("date:iso", `\b(\d{4})-(\d{2})-(\d{2})\b`, isoDate),
		r("date:numeric", `\b(\d{1,4})([/.])(\d{1,2})([/.])(\d{2,4})\b`, numericDate),
		r("date:mdy", `\b(?:`+reWeekday+`,?\s+)?`+reMonth+`\s+(\d{1,2})`+reOrd+`,?\s+(\d{4})\b`, monthDayYear),
		r("date:dmy", `\b(?:`+reWeekday+`,?\s+)?(?:the\s+)?(\d{1,2})`+reOrd+`\s+(?:of\s+)?`+reMonth+`,?\s+(\d{4})\b`, dayMonthYear),
		r("date:md", `\b(?:`+reWeekday+`,?\s+)?`+reMonth+`\s+(\d{1,2})`+reOrd+`\b`, monthDay),
		r("date:dm", `\b(?:`+reWeekday+`,?\s+)?(?:the\s+)?(\d{1,2})`+reOrd+`\s+(?:of\s+)?`+reMonth, dayMonth),
		r("date:month-year", `\b(?:`+rePart+`[-\s]+)?`+reMonth+`(?:\s+of)?,?\s+(\d{4})\b`, monthYear),
		r("date:month-relative-year", `\b(?:`+rePart+`[-\s]+)?`+reMonthFull+`(?:\s+of)?\s+((?i:this|last|next))\s+year\b`, monthRelativeYear),
		r("date:month", `\b(?:`+rePart+`[-\s]+|(?i:(last|next|this|this coming|this past|coming|past))\s+)?`+reMonthFull+`\b`, monthAlone),
		r("date:short-year", `(?:^|[\s(])(['’](\d{2}))\b`, shortYearAlone),
		r("date:year", `\b(?:(?i:(early|mid|late))[-\s]+)?(\d{4})\b`, yearAlone),
		r("date:decade", `(?:\b(?i:the)\s+)?(?:\b(?i:(early|mid|late))[-\s]+)?(?:\b(1[0-9]|20)(\d)0['’]?|['’](\d)0)s\b`, decade),
		r("date:decade-word", `\b(?i:the)\s+(?:(?i:(early|mid|late))[-\s]+)?((?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b`, decadeWord),
		r("date:part-of-period", `(?i)\b(the end|the start|the beginning|the middle|the turn)\s+of\s+(?:the|this)\s+(year|month|week|decade|century)\b|\b(year|month)[-\s]end\b`, partOfPeriod),
		r("date:century", `\b(?:(?i:the)\s+)?(?:(?i:(early|mid|late))[-\s]+)?(?:(\d{1,2})(?:st|nd|rd|th)|(?i:(`+strings.TrimSuffix(strings.TrimPrefix(alternation(keys(ordinalWords)), "(?:"), ")")+`)))[-\s](?i:century)\b`, century),
		r("date:holiday", `\b((?:New Year|Valentine|International Women)['’]s (?:Day|Eve)|Christmas(?: Day| Eve)?|Boxing Day|Halloween|Bastille Day|Armistice Day|Remembrance Day|Veterans Day|Victory Day|Easter(?: Sunday| Monday)?|Good Friday|Palm Sunday|Ash Wednesday|Pentecost)(?:,?\s+(\d{4}))?\b`, holiday),
		r("date:nine-eleven", `\b9/11\b`, nineEleven),
		r("date:weekday", `\b(?:(?i:(last|next|this|this coming|this past|coming|past|early|late))\s+)?`+reWeekday+`(?:\s+(?i:(morning|afternoon|evening|night|overnight)))?\b`, weekday),
		r("date:relative-day", `(?i)\b(the day before yesterday|the day after tomorrow|(?:yesterday|tomorrow)\s+(?:morning|afternoon|evening|night)|today|tonight|yesterday|tomorrow|last night|this morning|this afternoon|this evening)\b`, relativeDay),
		r("date:relative-period", `(?i)\b(?:(earlier|later|early|late|the end of|the start of|the beginning of|the middle of|the rest of)\s+)?(the past|the last|the next|the coming|this past|last|next|this|coming|past)\s+(week|weekend|month|year|quarter|decade|century|spring|summer|autumn|fall|winter)\b`, relativePeriod),
		r("date:season-year", `(?i)\b(?:(early|late|mid)[-\s]+)?(?:the\s+)?(spring|summer|autumn|fall|winter)(?:\s+of)?\s+(\d{4})\b`, seasonYear),
		r("date:anaphoric", `(?i)\b(?:the\s+(next|following|previous|preceding)\s+(day|morning|afternoon|evening|night|week|month|year)|the\s+(day|week|month|year)\s+(before|after)|(that)\s+(day|morning|afternoon|evening|night|week|month|year))\b`, anaphoric),
		r("date:ago", `\b`+reApprox+`(?:`+reNumber+`\s+)?`+reUnit+`\s+(?i:(ago|earlier|later|before|after|from now|hence))\b`, agoOffset),
		r("duration:anchored", `(?i)\bthe\s+(past|last|next|coming|previous|first|final)\s+`+reApprox+reNumber+`\s+`+reUnit+`\b`, anchoredDuration),
		r("duration:count", `\b`+reApprox+reNumber+`[\s-]+`+reUnit+`(?:-(old|long))?\b`, countDuration),
		r("duration:vague", `(?i)\b(?:for|in|over|within|after|spanning|a matter of)\s+((?:recent|many|several|the past|the last)\s+)?(years|decades|months|weeks|days|hours|centuries)\b`, vagueDuration),
		r("duration:vague-of", `(?i)\b(years|decades|months|weeks)\s+of\b`, vagueOf),
		r("set:frequency", `(?i)\b(once|twice|three times|four times|\d+ times)\s+(?:a|an|per|each|every)\s+`+reUnit+`\b`, frequency),
		r("set:every", `(?i)\b(?:every|each)\s+(?:(other)\s+|`+reNumber+`\s+)?(?:`+reUnit+`|(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday))\b`, every),
		r("set:weekdays", `\b(?:(?i:on)\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)s\b`, weekdayPlural),
		r("set:adverb", `\b(daily|nightly|weekly|fortnightly|monthly|quarterly|annually|yearly|hourly|biweekly|biannually)\b`, setAdverb),
		r("time:clock", `\b(\d{1,2})(?:[:.](\d{2}))?\s*((?i:a\.m\.|p\.m\.|am\b|pm\b))`, clockAMPM),
		r("time:clock24", `\b([01]?\d|2[0-3]):([0-5]\d)\b(?:\s*(GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|ET|local time|hours|hrs)\b)?`, clock24),
		r("time:military", `\b([01]\d|2[0-3])([0-5]\d)\s*(GMT|UTC|hours|hrs|local time)\b`, military),
		r("time:noon", `(?i)\b(noon|midday|midnight)\b`, noon),
	}
	return table, errors.Join(errs...)
}
