package timex

import (
	"strings"
	"time"
)

// The word tables below are the data the rules are built from. The rules
// compile them into regular expressions once, in New.

// monthWords maps every spelling of a month the rules accept to its number.
// Full names and abbreviations; "May" has no abbreviation. The rules demand
// a capital letter, so the verbs "may" and "march" never match.
var monthWords = map[string]time.Month{
	"January": 1, "Jan": 1,
	"February": 2, "Feb": 2,
	"March": 3, "Mar": 3,
	"April": 4, "Apr": 4,
	"May":  5,
	"June": 6, "Jun": 6,
	"July": 7, "Jul": 7,
	"August": 8, "Aug": 8,
	"September": 9, "Sept": 9, "Sep": 9,
	"October": 10, "Oct": 10,
	"November": 11, "Nov": 11,
	"December": 12, "Dec": 12,
}

// weekdayWords maps weekday names to time.Weekday.
var weekdayWords = map[string]time.Weekday{
	"Sunday": time.Sunday, "Monday": time.Monday, "Tuesday": time.Tuesday,
	"Wednesday": time.Wednesday, "Thursday": time.Thursday,
	"Friday": time.Friday, "Saturday": time.Saturday,
}

// namedDays are words that, before a weekday, make it the name of a
// holiday or an event rather than a day of the week ("Good Friday",
// "Super Tuesday"). Those are not resolved.
var namedDays = set("good", "black", "bloody", "super", "ash", "palm", "easter",
	"cyber", "holy", "maundy", "shrove", "giving", "manic", "blue")

// numberWords are the spelled-out counts a duration may start with.
var numberWords = map[string]float64{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
	"twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
	"a couple of": 2, "a dozen": 12, "half a": 0.5, "a half": 0.5,
	"a hundred": 100,
}

// vagueCounts are counts without a number: the duration is known only in
// its unit ("several years" is P XY).
var vagueCounts = set("a few", "several", "many", "some", "few", "dozens of",
	"hundreds of", "a number of")

// approxWords mark a count as approximate ("more than 20 years").
var approxWords = set("more than", "over", "about", "around", "nearly", "almost",
	"roughly", "approximately", "some", "at least", "less than", "fewer than",
	"under", "up to", "close to", "just over", "just under", "well over",
	"upwards of", "the better part of", "almost exactly", "approx.")

// unitDesignators give each unit of time its ISO 8601 duration designator
// and how many of that designator one unit makes (a decade is ten years).
var unitDesignators = map[string]struct {
	designator string
	times      float64
	clock      bool // designator after "T": hours, minutes, seconds
}{
	"second": {"S", 1, true}, "minute": {"M", 1, true}, "hour": {"H", 1, true},
	"day": {"D", 1, false}, "night": {"D", 1, false}, "week": {"W", 1, false},
	"fortnight": {"W", 2, false}, "month": {"M", 1, false}, "year": {"Y", 1, false},
	"decade": {"Y", 10, false}, "century": {"Y", 100, false},
	"millennium": {"Y", 1000, false},
}

// partsOfDay are the words that, after a day, say when in it.
var partsOfDay = set("morning", "afternoon", "evening", "night", "overnight")

// seasons give each season its TIMEX3 code and its months (meteorological,
// northern hemisphere). Winter runs December to February and is named
// after the year of its December.
var seasons = map[string]struct {
	code       string
	start, end time.Month
}{
	"spring": {"SP", 3, 5}, "summer": {"SU", 6, 8}, "autumn": {"FA", 9, 11},
	"fall": {"FA", 9, 11}, "winter": {"WI", 12, 2},
}

// futureCues are words that, near a bare weekday or month in the same
// clause, put it after publication ("will meet on Thursday").
var futureCues = set("will", "'ll", "’ll", "shall", "scheduled", "due", "expected",
	"plans", "plan", "planned", "planning", "set", "going", "upcoming", "next",
	"later", "intends", "aims", "hopes", "tomorrow", "won't", "won’t",
	"should", "must", "may", "might", "upcoming", "ahead", "forecast", "forecasts",
	"predicted", "projected", "anticipated", "slated", "poised", "likely", "would")

// pastCues are words that, when they are nearer to the expression than any
// future cue, keep it in the past ("said Monday that he will...").
var pastCues = set("said", "told", "says", "announced", "added", "was", "were",
	"had", "did", "met", "held", "began", "took", "went", "came", "left",
	"spoke", "wrote", "signed", "agreed", "reported", "ago", "last", "earlier",
	"yesterday", "has", "have", "been", "saw", "gave", "made", "killed", "won",
	"lost", "arrived", "ended", "started", "broke", "fell", "rose", "won",
	"struck", "fled", "sent", "sought", "brought", "fought", "led", "kept",
	"felt", "paid", "ran", "chose", "flew", "grew", "knew", "threw", "shot",
	"stood", "became", "froze", "rode", "sank", "shook", "stole", "swore",
	"tore", "sold", "found", "built", "spent", "dealt", "meant", "slept",
	"thought", "caught", "taught", "bought", "drove", "hid", "woke", "wore",
	"forgot", "understood", "overtook", "withdrew", "drew", "ago")

// prospective are past-tense verbs whose infinitive names something still
// ahead ("agreed to meet in March", "sought to show unity before a summit
// in July"): followed by "to", they are a future cue, not a past one.
var prospective = set("agreed", "promised", "pledged", "vowed", "decided",
	"voted", "threatened", "sought", "wanted", "hoped", "offered", "proposed",
	"resolved", "undertook", "committed", "prepared", "arranged")

// timeUnits are the units before which "later" and "earlier" count from
// another date ("weeks later") and so say nothing of the tense.
var timeUnits = set("day", "days", "week", "weeks", "month", "months", "year",
	"years", "decade", "decades", "hour", "hours", "minute", "minutes", "moments")

// clauseOpeners are words that open a clause of their own: a tense cue
// beyond one belongs to another clause ("would be circulated on Friday and
// that he hoped").
var clauseOpeners = set("that", "which", "who", "whom", "whose", "because",
	"although", "though", "while", "whereas", "unless", "whether", "if", "when", "where")

// coordinators join clauses, or only words: they cut a clause only after a
// comma ("Mohamed and his father are to travel" is one clause).
var coordinators = set("and", "but", "or")

// yearBlockers are words that, right before a four-digit number, make it
// an identifier or a count rather than a year ("Resolution 2334", "about
// 1500"). Compared in lower case.
var yearBlockers = set("resolution", "no", "no.", "number", "nos", "flight",
	"route", "highway", "article", "section", "chapter", "page", "pages",
	"room", "apollo", "windows", "model", "code", "form", "item", "bill",
	"about", "around", "nearly", "almost", "than", "roughly",
	"approximately", "estimated", "additional", "another", "extra", "least",
	"total", "some", "only", "just", "all", "those", "these", "of the",
	"over", "under", "top", "its", "their", "his", "her", "our", "my", "your",
	"flights", "bus", "train", "platform", "gate", "box", "suite", "unit",
	"exit", "interstate", "channel", "size", "version", "v", "tu", "mig",
	"su", "an", "pt", "kh", "-", "ar", "f", "id", "pin", "zip", "ifa",
	"uefa", "fifa", "gmt")

// yearUnits are words that, right after a four-digit number, make it a
// count or a measure ("1500 troops", "2000 km", "1900 GMT").
var yearUnits = set("people", "troops", "soldiers", "km", "kilometres",
	"kilometers", "miles", "metres", "meters", "feet", "ft", "m", "kg", "tons",
	"tonnes", "votes", "cases", "deaths", "dead", "dollars", "euros", "pounds",
	"rubles", "roubles", "yuan", "hours", "hrs", "gmt", "utc", "bst", "cet",
	"est", "edt", "pst", "pdt", "et", "local", "residents", "refugees",
	"prisoners", "workers", "students", "police", "officers", "children",
	"families", "homes", "houses", "buildings", "vehicles", "cars", "tanks",
	"rockets", "missiles", "drones", "shells", "units", "signatures", "members",
	"delegates", "participants", "fans", "times", "percent", "per", "pc",
	"more", "others", "men", "women", "civilians", "fighters", "militants",
	"jobs", "acres", "hectares", "square", "sq", "mw", "kw", "gw", "barrels",
	"points", "words", "pages", "copies", "words", "calories", "mph", "kph",
	"km/h", "passengers", "employees", "staff", "seats", "runs", "yards",
	"megawatts", "crore", "lakh", "million", "billion", "trillion", "thousand",
	"bc", "bce")

// yearPrepositions are words after which a four-digit number is a year
// even when the word after it looks like a count.
var yearPrepositions = set("in", "since", "of", "by", "until", "till", "from",
	"to", "before", "after", "during", "between", "and", "through", "throughout",
	"early", "late", "mid", "year", "spring", "summer", "autumn", "fall",
	"winter", "circa", "c.", "ca.", "the", "in", "january", "february", "march",
	"april", "may", "june", "july", "august", "september", "october", "november",
	"december", "'s", "’s", "fiscal", "or", "against", "for")

// ordinalWords spell the centuries news mentions.
var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
	"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
	"twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
	"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
	"twentieth": 20, "twenty-first": 21, "twenty-second": 22,
}

// setAdverbs are one-word sets ("daily talks").
var setAdverbs = map[string]string{
	"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "fortnightly": "P2W",
	"monthly": "P1M", "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y",
	"hourly": "PT1H", "biweekly": "P2W", "biannually": "P6M",
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// alternation returns the keys of the tables joined as a regular
// expression alternation, longest first so that "September" wins over
// "Sep".
func alternation(tables ...[]string) string {
	var all []string
	for _, t := range tables {
		all = append(all, t...)
	}
	sortLongestFirst(all)
	for i, w := range all {
		all[i] = quoteWord(w)
	}
	return "(?:" + strings.Join(all, "|") + ")"
}

func quoteWord(w string) string {
	var b strings.Builder
	for _, r := range w {
		switch r {
		case '.', '(', ')', '[', ']', '?', '*', '+', '|', '\\', '^', '$', '{', '}':
			b.WriteByte('\\')
		case ' ':
			b.WriteString(`\s+`)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func sortLongestFirst(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && (len(s[j]) > len(s[j-1]) || len(s[j]) == len(s[j-1]) && s[j] < s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// holidays on a fixed day of the year. Easter and the days hung on it are
// computed (see easter).
var holidays = map[string]struct {
	month time.Month
	day   int
}{
	"new year's day": {1, 1}, "new year's eve": {12, 31}, "christmas day": {12, 25},
	"christmas eve": {12, 24}, "christmas": {12, 25}, "boxing day": {12, 26},
	"valentine's day": {2, 14}, "halloween": {10, 31}, "bastille day": {7, 14},
	"armistice day": {11, 11}, "remembrance day": {11, 11}, "veterans day": {11, 11},
	"international women's day": {3, 8}, "victory day": {5, 9},
}

// easterOffsets are the days after Easter Sunday of the holidays that move
// with it.
var easterOffsets = map[string]int{
	"easter": 0, "easter sunday": 0, "easter monday": 1, "good friday": -2,
	"palm sunday": -7, "ash wednesday": -46, "pentecost": 49,
}

// decadeWords name the decades of the twentieth century ("the sixties").
var decadeWords = map[string]int{
	"twenties": 1920, "thirties": 1930, "forties": 1940, "fifties": 1950,
	"sixties": 1960, "seventies": 1970, "eighties": 1980, "nineties": 1990,
}
