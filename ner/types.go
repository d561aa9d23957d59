package ner

import (
	"strings"

	"github.com/dragoman-news/dragoman"
)

// mapType turns a CoNLL type into a dragoman entity type, looking at the
// words of the mention (see the package comment).
func mapType(conll string, words []string) dragoman.EntityType {
	switch conll {
	case "PER":
		return dragoman.Person
	case "ORG":
		return dragoman.Organization
	case "LOC":
		if isRegion(words) {
			return dragoman.Location
		}
		return dragoman.GPE
	case "MISC":
		if isNationality(words) {
			return dragoman.NORP
		}
		return dragoman.Misc
	}
	return dragoman.Misc
}

// regionWords mark a LOC name as a region rather than a country or city.
var regionWords = map[string]bool{
	"sea": true, "ocean": true, "gulf": true, "bay": true, "river": true, "lake": true,
	"mountains": true, "mount": true, "mt": true, "mt.": true, "valley": true, "desert": true, "strait": true,
	"straits": true, "channel": true, "peninsula": true, "island": true, "islands": true, "coast": true,
	"basin": true, "plateau": true, "heights": true, "hills": true, "range": true, "canal": true,
	"region": true, "strip": true, "bank": true, "corridor": true,
}

// regionNames are LOC names that are regions as a whole.
var regionNames = map[string]bool{
	"europe": true, "asia": true, "africa": true, "antarctica": true, "oceania": true, "australasia": true,
	"north america": true, "south america": true, "latin america": true, "central america": true,
	"middle east": true, "the middle east": true, "mideast": true, "near east": true, "far east": true,
	"balkans": true, "the balkans": true, "caucasus": true, "scandinavia": true, "sahel": true,
	"central asia": true, "southeast asia": true, "south asia": true, "east asia": true,
	"western europe": true, "eastern europe": true, "central europe": true, "sub-saharan africa": true,
	"north africa": true, "west africa": true, "east africa": true, "southern africa": true,
	"horn of africa": true, "arctic": true, "the arctic": true, "pacific": true, "atlantic": true,
	"mediterranean": true, "the west": true, "west": true, "gaza": false, "donbas": true, "kashmir": true,
	"siberia": true, "persian gulf": true, "the gulf": true, "gulf": true, "caribbean": true,
}

func isRegion(words []string) bool {
	lw := make([]string, len(words))
	for i, w := range words {
		lw[i] = strings.ToLower(normWord(w))
	}
	if regionNames[strings.Join(lw, " ")] {
		return true
	}
	for _, w := range lw {
		if regionWords[w] {
			return true
		}
	}
	return false
}

// nationalityWords are demonyms and group names that the suffix rule in
// isNationality misses.
var nationalityWords = map[string]bool{
	"french": true, "dutch": true, "swiss": true, "thai": true, "greek": true, "greeks": true,
	"czech": true, "czechs": true, "welsh": true, "irish": true, "scots": true, "scottish": true,
	"english": true, "british": true, "danish": true, "swedish": true, "finnish": true, "polish": true,
	"turkish": true, "spanish": true, "kurdish": true, "jewish": true, "jews": true, "arab": true, "arabs": true,
	"muslim": true, "muslims": true, "christian": true, "christians": true, "catholic": true, "catholics": true,
	"sunni": true, "sunnis": true, "shi'ite": true, "shiite": true, "shi'ites": true, "shiites": true, "shia": true,
	"hindu": true, "hindus": true, "sikh": true, "sikhs": true, "buddhist": true, "buddhists": true,
	"kurds": true, "pashtun": true, "uighur": true, "uyghur": true, "uighurs": true, "uyghurs": true,
	"filipino": true, "filipinos": true, "maori": true, "inuit": true, "roma": true, "slav": true, "slavs": true,
	"yemeni": true, "yemenis": true, "iraqi": true, "iraqis": true, "israeli": true, "israelis": true,
	"pakistani": true, "pakistanis": true, "saudi": true, "saudis": true, "kuwaiti": true, "qatari": true,
	"bangladeshi": true, "afghan": true, "afghans": true, "somali": true, "somalis": true, "nepali": true,
	"republican": true, "republicans": true, "democrat": true, "democrats": true, "democratic": true,
	"communist": true, "communists": true, "socialist": true, "socialists": true, "palestinian": true,
}

// demonymSuffixes end most nationality adjectives and nouns: Russian(s),
// Chinese, Japanese, Ukrainian(s), Kenyan, Bosnian, Europeans.
var demonymSuffixes = []string{"ian", "ians", "an", "ans", "ese", "ish", "i", "is"}

var compassWords = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "central": true, "northern": true,
	"southern": true, "eastern": true, "western": true, "new": true,
}

// notNationality are MISC words that the suffix rule would take for
// nationalities.
var notNationality = map[string]bool{
	"ramadan": true, "koran": true, "quran": true, "taliban": true, "vatican": true, "olympian": true,
	"olympians": true, "ferrari": true, "lamborghini": true, "maserati": true, "bugatti": true,
	"atlantic": true, "pacific": true, "wikipedia": true, "sputnik": true, "safari": true, "tsunami": true,
}

func isNationality(words []string) bool {
	if len(words) == 0 || len(words) > 2 {
		return false
	}
	w := strings.ToLower(normWord(words[len(words)-1]))
	if i := strings.LastIndexByte(w, '-'); i >= 0 {
		w = w[i+1:] // "Anglo-American", "pro-Russian"
	}
	if nationalityWords[w] {
		return true
	}
	if len(words) == 2 && !compassWords[strings.ToLower(words[0])] {
		return false // "South African" is a nationality, "Grand Prix" is not
	}
	if len(w) < 4 || notNationality[w] {
		return false
	}
	for _, s := range demonymSuffixes {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}
