package article

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/biter777/countries"
	"github.com/dragoman-news/dragoman"
)

// datelineRE matches a dateline at the start of a paragraph:
//
//	RIYADH, Saudi Arabia—
//	MOSCOW (Reuters) -
//	WASHINGTON —
//	LONDON, Jan. 5 (AP) —
//	KYIV, Ukraine, Feb. 3 (Reuters) --
//
// The place is written in capitals; the qualifier after the comma is a
// country, a state or a date; the agency sits in parentheses; a dash of
// any kind (or a colon) ends it.
var datelineRE = regexp.MustCompile(`^([\p{Lu}][\p{Lu}.'’\-/ ]*[\p{Lu}.])` + // place ("WASHINGTON/LONDON" too)
	`((?:,\s*[\p{L}][\p{L}.'’ \-]{0,40}?){0,2})` + // ", Saudi Arabia" ", Calif." ", Jan. 5"
	`(?:,?\s*((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}))?` + // date
	`\s*(?:\(([^()\n]{1,40})\))?` + // (Reuters)
	`\s*(?:—|–|--|-|:)\s*`)

// mixedDatelineRE matches a dateline whose place is written in ordinary
// capitalisation, which some agencies use ("Male, Maldives (AFP) -",
// "Port Moresby (Reuters) —"). Without capitals the place could be any
// sentence's subject, so this form needs the agency in parentheses and a
// dash right after it.
var mixedDatelineRE = regexp.MustCompile(`^(\p{Lu}[\p{Ll}'’\-]+(?: \p{Lu}[\p{Ll}'’\-]+){0,2})` + // place
	`((?:,\s*\p{Lu}[\p{L}.'’ \-]{0,40}?){0,1})` + // ", Maldives"
	`\s*\(([^()\n]{1,40})\)` + // (AFP)
	`\s*(?:—|–|--|-)\s*`)

// notPlaces are capitalised words that open paragraphs with a dash or a
// colon without being datelines.
var notPlaces = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`NATO OPEC ASEAN UNICEF UNESCO UNHCR IAEA WHO IMF FBI CIA NSA BBC CNN NASA EU UN
		UPDATE UPDATED BREAKING EXCLUSIVE ANALYSIS OPINION COMMENT EDITORIAL WATCH VIDEO PHOTOS LIVE NOTE
		CORRECTION CLARIFICATION EDITOR'S EDITORS ADVISORY FACTBOX EXPLAINER TIMELINE WRAPUP REFILE URGENT FLASH`) {
		notPlaces[w] = true
	}
	notPlaces["EDITOR'S NOTE"] = true
	notPlaces["EDITOR’S NOTE"] = true
}

// monthRE recognises a date qualifier ("Jan. 5", "February 18").
var monthRE = regexp.MustCompile(`^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}$`)

// parseDateline looks for a dateline at the start of para. It returns the
// dateline and the paragraph without it, or nil and para unchanged.
func parseDateline(para string) (*dragoman.Dateline, string) {
	m := datelineRE.FindStringSubmatchIndex(para)
	if m == nil {
		mm := mixedDatelineRE.FindStringSubmatchIndex(para)
		if mm == nil {
			return nil, para
		}
		// Same groups as datelineRE, with no date: place, qualifiers, -, agency.
		m = []int{mm[0], mm[1], mm[2], mm[3], mm[4], mm[5], -1, -1, mm[6], mm[7]}
	}
	place := strings.TrimSpace(para[m[2]:m[3]])
	letters := 0
	for _, r := range place {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	// "A —" or "I -" are not places; nor is a capitalised word run into
	// ordinary text without a dash (the regexp demands the dash).
	if letters < 3 || notPlaces[strings.ToUpper(place)] {
		return nil, para
	}
	rest := para[m[1]:]
	if rest == "" {
		return nil, para
	}
	d := &dragoman.Dateline{Place: titleCase(place), Raw: strings.TrimSpace(para[:m[1]])}
	if m[8] >= 0 {
		d.Agency = strings.TrimSpace(para[m[8]:m[9]])
	}
	var quals []string
	if m[4] >= 0 {
		for _, q := range strings.Split(para[m[4]:m[5]], ",") {
			if q = strings.TrimSpace(q); q != "" && !monthRE.MatchString(q) {
				quals = append(quals, q)
			}
		}
	}
	for _, q := range quals {
		if name, code, ok := lookupCountry(q); ok {
			d.Country, d.CountryCode = name, code
			break
		}
	}
	if d.Country == "" && len(quals) > 0 {
		d.Country = quals[len(quals)-1]
	}
	if d.CountryCode == "" {
		first, _, _ := strings.Cut(d.Place, "/") // "Washington/London": the first place leads
		if name, code, ok := lookupCity(strings.TrimSpace(first)); ok {
			if d.Country == "" {
				d.Country = name
			}
			d.CountryCode = code
		}
	}
	return d, rest
}

// maxDatelineWindow is how far past its start a dateline is looked for.
const maxDatelineWindow = 160

// findGluedDateline finds a dateline run into the end of the preceding
// text, as in "…rattled Washington’s allies.RIYADH, Saudi Arabia—The…",
// and returns the offset where it starts, or -1.
func findGluedDateline(s string) int {
	for i := 1; i < len(s); i++ {
		c := s[i-1]
		if c != '.' && c != '!' && c != '?' && c != '"' && !strings.HasSuffix(s[:i], "”") && !strings.HasSuffix(s[:i], "’") {
			continue
		}
		if i < len(s) && s[i] >= 'A' && s[i] <= 'Z' {
			// a dateline is short: looking at a window keeps this linear
			w := s[i:min(len(s), i+maxDatelineWindow)]
			if d, _ := parseDateline(w); d != nil && isCapsPlace(w, d) {
				return i
			}
		}
	}
	return -1
}

// isCapsPlace checks that the place of a glued dateline is written in
// capitals, so that "U.S.The" and similar runs are not taken for one.
func isCapsPlace(s string, d *dragoman.Dateline) bool {
	raw := d.Raw
	end := strings.IndexAny(raw, ",(—–-:")
	if end < 0 {
		end = len(raw)
	}
	word := strings.TrimSpace(raw[:end])
	return len(word) >= 3 && strings.ToUpper(word) == word && strings.HasPrefix(s, raw[:1])
}

// titleCase turns "RIYADH" into "Riyadh" and "NEW YORK" into "New York".
func titleCase(s string) string {
	var b strings.Builder
	start := true
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) && start:
			b.WriteRune(unicode.ToUpper(r))
			start = false
		case unicode.IsLetter(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteRune(r)
			start = r == ' ' || r == '-' || r == '.' || r == '/'
		}
	}
	return b.String()
}

// lookupCountry resolves a dateline qualifier: a US state (full name, AP
// abbreviation or postal code) gives the United States; otherwise a
// country name.
func lookupCountry(q string) (name, code string, ok bool) {
	key := strings.ToLower(strings.TrimSpace(q))
	if usStates[key] || usStates[strings.TrimSuffix(key, ".")] {
		return "United States", "USA", true
	}
	if c, ok := countryAliases[key]; ok {
		return c.name, c.code, true
	}
	// Two-letter inputs are left out: the library reads them as ISO
	// alpha-2 codes ("Ga." would be Gabon).
	letters := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return r
		}
		return -1
	}, q)
	if len(letters) < 4 {
		return "", "", false
	}
	c := countries.ByName(q)
	if c == countries.Unknown || !c.IsValid() {
		return "", "", false
	}
	return q, c.Alpha3(), true
}

// lookupCity resolves a bare dateline place (WASHINGTON, MOSCOW) through a
// table of capitals and cities that news datelines give alone.
func lookupCity(place string) (name, code string, ok bool) {
	c, ok := cities[strings.ToLower(place)]
	return c.name, c.code, ok
}

type country struct{ name, code string }

// countryAliases are country names the library does not know in the form
// news writes them.
var countryAliases = map[string]country{
	"u.s.":                    {"United States", "USA"},
	"u.s.a.":                  {"United States", "USA"},
	"us":                      {"United States", "USA"},
	"usa":                     {"United States", "USA"},
	"u.k.":                    {"United Kingdom", "GBR"},
	"uk":                      {"United Kingdom", "GBR"},
	"britain":                 {"Britain", "GBR"},
	"england":                 {"England", "GBR"},
	"scotland":                {"Scotland", "GBR"},
	"wales":                   {"Wales", "GBR"},
	"northern ireland":        {"Northern Ireland", "GBR"},
	"russia":                  {"Russia", "RUS"},
	"south korea":             {"South Korea", "KOR"},
	"north korea":             {"North Korea", "PRK"},
	"iran":                    {"Iran", "IRN"},
	"syria":                   {"Syria", "SYR"},
	"vietnam":                 {"Vietnam", "VNM"},
	"laos":                    {"Laos", "LAO"},
	"taiwan":                  {"Taiwan", "TWN"},
	"the netherlands":         {"the Netherlands", "NLD"},
	"czech republic":          {"Czech Republic", "CZE"},
	"ivory coast":             {"Ivory Coast", "CIV"},
	"congo":                   {"Congo", "COD"},
	"west bank":               {"West Bank", "PSE"},
	"gaza strip":              {"Gaza Strip", "PSE"},
	"gaza":                    {"Gaza", "PSE"},
	"palestinian territories": {"Palestinian Territories", "PSE"},
	"kosovo":                  {"Kosovo", "XKX"},
	"vatican city":            {"Vatican City", "VAT"},
	"bolivia":                 {"Bolivia", "BOL"},
	"venezuela":               {"Venezuela", "VEN"},
	"tanzania":                {"Tanzania", "TZA"},
	"moldova":                 {"Moldova", "MDA"},
}

// cities maps places that datelines give without a country (capitals and
// a few major cities) to their country.
var cities = map[string]country{
	// United States
	"washington": {"United States", "USA"}, "new york": {"United States", "USA"},
	"los angeles": {"United States", "USA"}, "chicago": {"United States", "USA"},
	"san francisco": {"United States", "USA"}, "boston": {"United States", "USA"},
	"miami": {"United States", "USA"}, "houston": {"United States", "USA"},
	"atlanta": {"United States", "USA"}, "philadelphia": {"United States", "USA"},
	"united nations": {"United States", "USA"}, "detroit": {"United States", "USA"},
	"seattle": {"United States", "USA"}, "dallas": {"United States", "USA"},
	// Europe
	"london": {"United Kingdom", "GBR"}, "paris": {"France", "FRA"}, "berlin": {"Germany", "DEU"},
	"moscow": {"Russia", "RUS"}, "kyiv": {"Ukraine", "UKR"}, "kiev": {"Ukraine", "UKR"},
	"brussels": {"Belgium", "BEL"}, "geneva": {"Switzerland", "CHE"}, "zurich": {"Switzerland", "CHE"},
	"bern": {"Switzerland", "CHE"}, "rome": {"Italy", "ITA"}, "vatican city": {"Vatican City", "VAT"},
	"madrid": {"Spain", "ESP"}, "lisbon": {"Portugal", "PRT"}, "vienna": {"Austria", "AUT"},
	"warsaw": {"Poland", "POL"}, "prague": {"Czech Republic", "CZE"}, "budapest": {"Hungary", "HUN"},
	"bucharest": {"Romania", "ROU"}, "sofia": {"Bulgaria", "BGR"}, "athens": {"Greece", "GRC"},
	"ankara": {"Turkey", "TUR"}, "istanbul": {"Turkey", "TUR"}, "stockholm": {"Sweden", "SWE"},
	"oslo": {"Norway", "NOR"}, "copenhagen": {"Denmark", "DNK"}, "helsinki": {"Finland", "FIN"},
	"dublin": {"Ireland", "IRL"}, "amsterdam": {"Netherlands", "NLD"}, "the hague": {"Netherlands", "NLD"},
	"minsk": {"Belarus", "BLR"}, "vilnius": {"Lithuania", "LTU"}, "riga": {"Latvia", "LVA"},
	"tallinn": {"Estonia", "EST"}, "belgrade": {"Serbia", "SRB"}, "zagreb": {"Croatia", "HRV"},
	"sarajevo": {"Bosnia and Herzegovina", "BIH"}, "chisinau": {"Moldova", "MDA"}, "tbilisi": {"Georgia", "GEO"},
	"yerevan": {"Armenia", "ARM"}, "baku": {"Azerbaijan", "AZE"}, "luxembourg": {"Luxembourg", "LUX"},
	"strasbourg": {"France", "FRA"}, "frankfurt": {"Germany", "DEU"}, "munich": {"Germany", "DEU"},
	"st. petersburg": {"Russia", "RUS"}, "edinburgh": {"United Kingdom", "GBR"},
	// Middle East and Africa
	"riyadh": {"Saudi Arabia", "SAU"}, "jerusalem": {"Israel", "ISR"}, "tel aviv": {"Israel", "ISR"},
	"tehran": {"Iran", "IRN"}, "baghdad": {"Iraq", "IRQ"}, "damascus": {"Syria", "SYR"},
	"beirut": {"Lebanon", "LBN"}, "amman": {"Jordan", "JOR"}, "cairo": {"Egypt", "EGY"},
	"doha": {"Qatar", "QAT"}, "dubai": {"United Arab Emirates", "ARE"}, "abu dhabi": {"United Arab Emirates", "ARE"},
	"kuwait city": {"Kuwait", "KWT"}, "muscat": {"Oman", "OMN"}, "sanaa": {"Yemen", "YEM"},
	"manama": {"Bahrain", "BHR"}, "gaza city": {"Palestine", "PSE"}, "ramallah": {"Palestine", "PSE"},
	"tripoli": {"Libya", "LBY"}, "tunis": {"Tunisia", "TUN"}, "algiers": {"Algeria", "DZA"},
	"rabat": {"Morocco", "MAR"}, "khartoum": {"Sudan", "SDN"}, "addis ababa": {"Ethiopia", "ETH"},
	"nairobi": {"Kenya", "KEN"}, "lagos": {"Nigeria", "NGA"}, "abuja": {"Nigeria", "NGA"},
	"johannesburg": {"South Africa", "ZAF"}, "pretoria": {"South Africa", "ZAF"}, "cape town": {"South Africa", "ZAF"},
	"kinshasa": {"Democratic Republic of the Congo", "COD"}, "mogadishu": {"Somalia", "SOM"},
	"dakar": {"Senegal", "SEN"}, "accra": {"Ghana", "GHA"}, "kampala": {"Uganda", "UGA"},
	"harare": {"Zimbabwe", "ZWE"}, "bamako": {"Mali", "MLI"}, "niamey": {"Niger", "NER"},
	// Asia and Oceania
	"beijing": {"China", "CHN"}, "shanghai": {"China", "CHN"}, "hong kong": {"China", "CHN"},
	"taipei": {"Taiwan", "TWN"}, "tokyo": {"Japan", "JPN"}, "seoul": {"South Korea", "KOR"},
	"pyongyang": {"North Korea", "PRK"}, "new delhi": {"India", "IND"}, "mumbai": {"India", "IND"},
	"islamabad": {"Pakistan", "PAK"}, "karachi": {"Pakistan", "PAK"}, "kabul": {"Afghanistan", "AFG"},
	"dhaka": {"Bangladesh", "BGD"}, "colombo": {"Sri Lanka", "LKA"}, "kathmandu": {"Nepal", "NPL"},
	"bangkok": {"Thailand", "THA"}, "hanoi": {"Vietnam", "VNM"}, "manila": {"Philippines", "PHL"},
	"jakarta": {"Indonesia", "IDN"}, "kuala lumpur": {"Malaysia", "MYS"}, "singapore": {"Singapore", "SGP"},
	"yangon": {"Myanmar", "MMR"}, "naypyitaw": {"Myanmar", "MMR"}, "phnom penh": {"Cambodia", "KHM"},
	"ulaanbaatar": {"Mongolia", "MNG"}, "astana": {"Kazakhstan", "KAZ"}, "almaty": {"Kazakhstan", "KAZ"},
	"tashkent": {"Uzbekistan", "UZB"}, "canberra": {"Australia", "AUS"}, "sydney": {"Australia", "AUS"},
	"wellington": {"New Zealand", "NZL"},
	// Americas
	"ottawa": {"Canada", "CAN"}, "toronto": {"Canada", "CAN"}, "mexico city": {"Mexico", "MEX"},
	"havana": {"Cuba", "CUB"}, "caracas": {"Venezuela", "VEN"}, "bogota": {"Colombia", "COL"},
	"lima": {"Peru", "PER"}, "quito": {"Ecuador", "ECU"}, "brasilia": {"Brazil", "BRA"},
	"rio de janeiro": {"Brazil", "BRA"}, "sao paulo": {"Brazil", "BRA"}, "buenos aires": {"Argentina", "ARG"},
	"santiago": {"Chile", "CHL"}, "la paz": {"Bolivia", "BOL"}, "montevideo": {"Uruguay", "URY"},
	"panama city": {"Panama", "PAN"}, "managua": {"Nicaragua", "NIC"}, "port-au-prince": {"Haiti", "HTI"},
}

// usStates holds US states by full name, AP abbreviation and postal code,
// lowercased; a dateline qualified by one of them is in the United States.
var usStates = map[string]bool{}

func init() {
	for _, row := range strings.Split(`alabama ala al|alaska alaska ak|arizona ariz az|arkansas ark ar|california calif ca|colorado colo co|connecticut conn ct|delaware del de|florida fla fl|georgia ga ga|hawaii hawaii hi|idaho idaho id|illinois ill il|indiana ind in|iowa iowa ia|kansas kan ks|kentucky ky ky|louisiana la la|maine maine me|maryland md md|massachusetts mass ma|michigan mich mi|minnesota minn mn|mississippi miss ms|missouri mo mo|montana mont mt|nebraska neb ne|nevada nev nv|new_hampshire n.h nh|new_jersey n.j nj|new_mexico n.m nm|new_york n.y ny|north_carolina n.c nc|north_dakota n.d nd|ohio ohio oh|oklahoma okla ok|oregon ore or|pennsylvania pa pa|rhode_island r.i ri|south_carolina s.c sc|south_dakota s.d sd|tennessee tenn tn|texas texas tx|utah utah ut|vermont vt vt|virginia va va|washington wash wa|west_virginia w.va wv|wisconsin wis wi|wyoming wyo wy|district_of_columbia d.c dc`, "|") {
		f := strings.Fields(row)
		usStates[strings.ReplaceAll(f[0], "_", " ")] = true
		usStates[f[1]] = true
		usStates[f[2]] = true
	}
}
