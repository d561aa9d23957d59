package quote

import (
	"strings"

	"github.com/dragoman-news/dragoman"
)

// resolve turns the speaker words [i, j) into an ActorRef and says how it
// was found. It returns a nil speaker with a reason when the words cannot
// be pinned to one speaker.
func (a *analysis) resolve(i, j int) (*dragoman.ActorRef, string) {
	sp := a.tokSpan(i, j)
	// "Mike Ryan of the World Health Organization": the speaker is the
	// person before "of", unless one name covers the whole phrase
	// ("Ministry of Defence") or a group or role word heads it ("the
	// government of American Samoa").
	for x := i + 1; x < j-1; x++ {
		switch a.toks[x].Lower {
		case "for", "from", "at", "with", "within", "in":
			if b := a.toks[x-1]; !b.Cap && (a.lx.roles[b.Lower] || a.lx.groups[b.Lower]) {
				return &dragoman.ActorRef{Name: sp.Text, Span: &sp}, "description" // a spokeswoman for the ministry
			}
		}
		if a.toks[x].Lower != "of" {
			continue
		}
		before := a.toks[x-1]
		if quantifier[before.Lower] {
			return &dragoman.ActorRef{Name: sp.Text, Span: &sp}, "description" // one of the children
		}
		if !before.Cap {
			// "the government of American Samoa": the phrase as written
			return &dragoman.ActorRef{Name: sp.Text, Span: &sp}, "description"
		}
		if determiner[a.toks[i].Lower] && x-1 > i {
			break // "the House of Commons Library" is one name
		}
		if before.Cap && !a.lx.groups[before.Lower] && !a.lx.roles[before.Lower] && !a.mentionAcross(x) {
			j = x
		} else if !before.Cap {
			return &dragoman.ActorRef{Name: sp.Text, Span: &sp}, "description"
		}
		break
	}
	head := a.toks[j-1]
	if p, ok := pronoun[head.Lower]; ok && j-i == 1 {
		return a.resolvePronoun(i, p)
	}
	if p, ok := objectPronoun[head.Lower]; ok && j-i == 1 {
		return a.resolvePronoun(i, p) // "KCNA quoted her as saying"
	}
	isGroup := (a.lx.groups[head.Lower] || j-i == 1 && j < len(a.toks) && a.barePlural(i, j)) && !head.Cap
	isDesc := !head.Cap && (a.lx.roles[head.Lower] || a.lx.media[head.Lower]) && !a.hasCapTail(i, j)
	how := "cue"
	switch {
	case isGroup:
		how = "group"
	case isDesc:
		how = "description"
	}
	if a.lx.media[head.Lower] && j-i >= 2 && a.toks[i].Cap && (strings.HasSuffix(a.toks[i].Text, "'s") || strings.HasSuffix(a.toks[i].Text, "’s")) {
		// "Trump's statement read": the statement's author speaks
		if m := a.mentionFor(i, i+1); m != nil {
			return a.ref(m.Entity, sp), "cue"
		}
	}
	if isGroup && j-1 > i && a.toks[j-2].Cap && a.toks[j-2].Word {
		// "The Organization of American States mission said": the
		// organization named right before the group noun speaks
		if m := a.mentionFor(i, j-1); m != nil && m.Type == dragoman.Organization && m.End == a.toks[j-2].End {
			return a.ref(m.Entity, sp), "cue"
		}
	}
	if a.coordinated(i, j) {
		// "Britain and Sweden": two speakers, named as written
		return &dragoman.ActorRef{Name: sp.Text, Span: &sp}, "group"
	}
	if isDesc && (indefinite[a.toks[i].Lower] || possessive[a.toks[i].Lower]) {
		// "one European envoy", "his spokesman": someone not named
		// before, or the spokesman of someone else; kept as written.
		return &dragoman.ActorRef{Name: sp.Text, Span: &sp}, how
	}
	if m := a.mentionFor(i, j); m != nil && a.sameName(m.Entity, i, j) {
		return a.ref(m.Entity, sp), how
	}
	if isDesc {
		if e := a.entityByRole(i, j); e != nil {
			return a.ref(e.ID, sp), how
		}
		if r := a.describedEarlier(i, j); r != nil {
			return r, how
		}
		if r := a.describedLater(i, j); r != nil {
			return r, how
		}
	}
	return &dragoman.ActorRef{Name: a.writtenName(i, j), Span: &sp}, how
}

// mentionAcross reports an entity mention that spans token x: one name
// with "of" inside it.
func (a *analysis) mentionAcross(x int) bool {
	t := a.toks[x]
	for _, m := range a.ments {
		if m.Start < t.Start && m.End > t.End {
			return true
		}
	}
	for _, m := range a.d.Mentions {
		if m.Start < t.Start && m.End > t.End {
			return true
		}
	}
	return false
}

// describedEarlier resolves a description ("the commissioner said") to
// the person the text introduced with the same word shortly before
// ("trade commissioner Albert Muchanga"), or to the speaker quoted in the
// sentence before when that speaker is one person ("said study co-author
// Karen Alley. The Wooster professor added, …").
func (a *analysis) describedEarlier(i, j int) *dragoman.ActorRef {
	sp := a.tokSpan(i, j)
	head := a.toks[j-1].Lower
	si := a.sentOf[i]
	from := a.sents[max(0, si-3)].From
	for x := i - 1; x >= from; x-- {
		t := a.toks[x]
		if t.Lower != head || t.Quoted || x+1 >= i || !a.toks[x+1].Cap || a.toks[x+1].Quoted {
			continue
		}
		k := x + 1
		for k < i && a.toks[k].Cap && a.toks[k].Word {
			k++
		}
		if m := a.mentionFor(x+1, k); m != nil {
			return a.ref(m.Entity, sp)
		}
		return &dragoman.ActorRef{Name: a.tokSpan(x+1, k).Text, Span: &sp}
	}
	if prev := a.spokenBefore(a.toks[i].Start); prev != nil && !prev.group && a.toks[i].Para == prev.para {
		if k := a.tokAt(prev.pos); k < len(a.toks) && si-a.sentOf[k] <= 1 {
			r := *prev.ref
			r.Span = &sp
			return &r
		}
	}
	return nil
}

// describedLater resolves a description a lead gives before the name
// ("…, the bloc's commission chairman said") to the person the next
// sentences introduce with the same title written before a name
// ("commission chairman Mahmoud Ali Youssouf"). Every modifier of the
// description but a possessive must be among the words of that title, so
// "the German defence minister" is not "Estonian Defence Minister Kaarel
// Tamm"; two different people so introduced leave it unresolved.
func (a *analysis) describedLater(i, j int) *dragoman.ActorRef {
	sp := a.tokSpan(i, j)
	head := a.toks[j-1].Lower
	var mods []string
	for x := i; x < j-1; x++ {
		w := a.toks[x].Lower
		if determiner[w] || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || !a.toks[x].Word {
			continue
		}
		mods = append(mods, w)
	}
	si := a.sentOf[i]
	to := a.sents[min(len(a.sents)-1, si+6)].To
	var found *dragoman.ActorRef
	for x := j; x+1 < to; x++ {
		t := a.toks[x]
		if t.Lower != head || t.Quoted || !a.toks[x+1].Cap || !a.toks[x+1].Word || a.toks[x+1].Quoted {
			continue
		}
		k := x + 1
		for k < to && a.toks[k].Cap && a.toks[k].Word {
			k++
		}
		m := a.mentionFor(x+1, k)
		if m == nil {
			continue
		}
		title := map[string]bool{}
		for b := x - 1; b >= 0 && b >= x-4 && a.toks[b].Word && !a.toks[b].Quoted && !determiner[a.toks[b].Lower]; b-- {
			title[a.toks[b].Lower] = true
		}
		all := true
		for _, w := range mods {
			all = all && title[w]
		}
		if !all {
			continue
		}
		r := a.ref(m.Entity, sp)
		if found != nil && found.Entity != r.Entity {
			return nil
		}
		found = r
	}
	return found
}

// sameName reports whether the name written in [i, j) can be the entity's:
// a full name written differently from the entity's full name ("Sadiq
// Khan" against an entity "Usman Khan") is another person.
func (a *analysis) sameName(id string, i, j int) bool {
	e := a.d.Entity(id)
	if e == nil || e.Type != dragoman.Person {
		return true
	}
	written := strings.Fields(a.writtenName(i, j))
	name := strings.Fields(e.Name)
	if len(written) < 2 || len(name) < 2 || !a.toks[j-1].Cap {
		return true
	}
	if strings.EqualFold(written[0], name[0]) {
		return true
	}
	full := strings.Join(written, " ")
	for _, al := range e.Aliases {
		if strings.EqualFold(al, full) {
			return true
		}
	}
	for _, t := range written[:len(written)-1] {
		if a.lx.titles[t] {
			return true // "President Trump"
		}
	}
	return false
}

// coordinated reports speaker words that join two names with "and".
func (a *analysis) coordinated(i, j int) bool {
	for x := i + 1; x < j-1; x++ {
		if a.toks[x].Lower == "and" && a.toks[x-1].Cap && a.toks[x+1].Cap {
			return true
		}
	}
	return false
}

func (a *analysis) hasCapTail(i, j int) bool { return a.toks[j-1].Cap }

// partyWord are affiliations written before a name like a title.
var partyWord = setOf("democrat", "republican", "democratic", "conservative", "labour", "liberal", "green", "tory")

// writtenName is the speaker's name as written: the name at the end of a
// described name ("State Department spokeswoman Tammy Bruce" -> "Tammy
// Bruce") without honorifics, or the whole phrase.
func (a *analysis) writtenName(i, j int) string {
	if a.toks[j-1].Cap {
		k := j - 1
		for k > i && (a.toks[k-1].Cap || (nameJoiner[a.toks[k-1].Lower] || isNumber(a.toks[k-1].Text)) && k-2 >= i && a.toks[k-2].Cap) {
			k-- // "Minister of Finance", "The Lost 52 Project"
		}
		lowerBefore := false
		for x := i; x < k; x++ {
			if !a.toks[x].Cap && !determiner[a.toks[x].Lower] {
				lowerBefore = true
			}
		}
		if lowerBefore || k == i {
			for x := j - 2; x >= k; x-- {
				if a.lx.titles[a.toks[x].Text] {
					k = x + 1 // "Finance Minister Teodor Varga" -> "Teodor Varga"
					break
				}
			}
			// "Secretary of State Mike Pompeo", "Ambassador to Germany Richard
			// Grenell": the word after "of"/"to" is the office's place.
			if k < j && nameJoiner[a.toks[k].Lower] {
				k++
			}
			if k > i && j-k >= 3 && (a.toks[k-1].Lower == "of" || a.toks[k-1].Lower == "to" || a.toks[k-1].Lower == "for") && a.lx.titles[a.toks[max(k-2, i)].Text] {
				k++
			}
			// "Democrat Chuck Schumer", "Voter Kitty Mak"
			for j-k > 2 && (a.lx.titles[a.toks[k].Text] || a.lx.roles[a.toks[k].Lower] || partyWord[a.toks[k].Lower]) {
				k++
			}
			return a.tokSpan(k, j).Text
		}
	}
	return a.tokSpan(i, j).Text
}

func (a *analysis) ref(id string, sp dragoman.Span) *dragoman.ActorRef {
	e := a.d.Entity(id)
	if e == nil {
		return &dragoman.ActorRef{Name: sp.Text, Span: &sp}
	}
	return &dragoman.ActorRef{Entity: e.ID, Name: e.Name, Actor: e.Actor, Span: &sp}
}

// mentionFor finds the entity mention that names the speaker words [i, j):
// the one covering their head, else the last person or group inside them.
func (a *analysis) mentionFor(i, j int) *mref {
	s, e := a.toks[i].Start, a.toks[j-1].End
	hs := a.toks[j-1].Start
	var best *mref
	for k := range a.ments {
		m := &a.ments[k]
		if m.Start >= e {
			break
		}
		if m.End <= s {
			continue
		}
		if m.Start <= hs && m.End >= a.toks[j-1].End {
			return m // covers the head
		}
		if m.Start >= s && m.End <= e && (m.Type == dragoman.Person || m.Type == dragoman.Group) {
			best = m
		}
	}
	if best != nil && a.toks[j-1].Cap {
		return best
	}
	return nil
}

// entityByRole finds the one entity whose role matches a description
// ("the spokeswoman", "the Russian foreign minister").
func (a *analysis) entityByRole(i, j int) *dragoman.Entity {
	if e, tie := a.entityByRoleFrom(i, j, false); e != nil || tie {
		return e
	}
	// "…, the bloc's commission chairman said" in a lead that names the
	// chairman only later: one person who holds the title anywhere in the
	// article
	e, _ := a.entityByRoleFrom(i, j, true)
	return e
}

// entityByRoleFrom scores the people whose roles contain the
// description's head word; with later it also counts people introduced
// after the description. It reports a tie between the best.
func (a *analysis) entityByRoleFrom(i, j int, later bool) (*dragoman.Entity, bool) {
	var words []string
	for x := i; x < j; x++ {
		if !determiner[a.toks[x].Lower] {
			words = append(words, a.toks[x].Lower)
		}
	}
	head := a.toks[j-1].Lower
	var found *dragoman.Entity
	best := 0
	tie := false
	for k := range a.d.Entities {
		e := &a.d.Entities[k]
		if e.Type != dragoman.Person {
			continue
		}
		// the entity must be introduced before the description
		if len(e.Mentions) == 0 || e.Mentions[0].Start > a.toks[i].Start && !later {
			continue
		}
		score := 0
		for _, r := range e.Roles {
			title := strings.ToLower(r.Title + " " + r.Of)
			if !strings.Contains(title, head) {
				continue
			}
			s, missed := 1, false
			for _, w := range words {
				if w != head && (strings.Contains(title, w) || strings.Contains(strings.ToLower(r.Country), w)) {
					s++
				} else if w != head && !strings.HasSuffix(w, "'s") && !strings.HasSuffix(w, "’s") {
					missed = true
				}
			}
			if later && missed {
				// a person named only after the description must hold
				// all of it: "the German defence minister" is not the
				// Estonian defence minister named next
				continue
			}
			score = max(score, s)
		}
		switch {
		case score > best:
			best, found, tie = score, e, false
		case score == best && score > 0:
			tie = true
		}
	}
	if tie {
		return nil, true
	}
	return found, false
}
