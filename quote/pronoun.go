package quote

import (
	"strings"

	"github.com/dragoman-news/dragoman"
)

// resolvePronoun resolves he/she/they before a cue to the one compatible
// referent named in its sentence before it or in the sentence before;
// otherwise the speaker is left empty and the reason given.
func (a *analysis) resolvePronoun(i int, p string) (*dragoman.ActorRef, string) {
	sp := a.tokSpan(i, i+1)
	// A coreference stage may already have linked the pronoun.
	if m := a.mentionFor(i, i+1); m != nil {
		// unless the text gives that person the other gender, or another
		// person spoke in this sentence or the one before: the rules
		// below decide then
		g := a.gender(m.Entity, i)
		if p != "he" && p != "she" || (g == 0 || g == p[0]) && !a.otherSpeakerInReach(i, m.Entity) {
			return a.ref(m.Entity, sp), "pronoun"
		}
	}
	if p == "it" {
		if r := a.resolveIt(i); r != nil {
			return r, "pronoun"
		}
		return nil, "unresolved-pronoun"
	}
	if p == "i" || p == "we" {
		return nil, "unresolved-pronoun"
	}
	plural := p == "they"
	compatible := func(t dragoman.EntityType) bool {
		if plural {
			return t == dragoman.Group || t == dragoman.Organization || t == dragoman.GPE || t == dragoman.NORP
		}
		return t == dragoman.Person
	}
	si := a.sentOf[i]
	from := a.toks[a.sents[max(0, si-1)].From].Start
	to := a.toks[i].Start
	type cand struct {
		entity, name, key string
		span              dragoman.Span
		group             bool // a group entity (officials, diplomats)
	}
	var cands []cand
	seen := map[string]bool{}
	mentions := len(a.ments) > 0 || len(a.d.Mentions) > 0
	add := func(start, end int, entity string, t dragoman.EntityType) {
		if end > to || start < from || !compatible(t) || a.inQuote(start) {
			return
		}
		text := a.body[start:end]
		key := entity
		if key == "" {
			f := strings.Fields(text)
			key = "~" + f[len(f)-1] // the same surname is the same person
		}
		if seen[key] {
			return
		}
		seen[key] = true
		cands = append(cands, cand{entity, text, key, a.spanOf(start, end), t == dragoman.Group})
	}
	for _, m := range a.ments {
		add(m.Start, m.End, m.Entity, m.Type)
	}
	for _, m := range a.d.Mentions {
		if m.Entity == "" && strings.TrimSpace(m.Text) != "" {
			add(m.Start, m.End, "", m.Type)
		}
	}
	// The speaker just quoted counts as a candidate too.
	prev := a.spokenBefore(to)
	// inReach: the speaker just named spoke in this sentence or the one
	// before, so the pronoun may well continue it.
	inReach := false
	prevKey := ""
	if prev != nil && prev.group == plural && a.toks[i].Para-prev.para <= 1 {
		if k := a.tokAt(prev.pos); k < len(a.toks) && si-a.sentOf[k] <= 1 {
			inReach = true
		}
		prevKey = prev.ref.Entity
		if prevKey == "" {
			if f := strings.Fields(prev.ref.Name); len(f) > 0 {
				prevKey = "~" + f[len(f)-1]
			}
		}
	}
	if prevKey != "" && !seen[prevKey] {
		switch {
		case prev.ref.Entity == "" && (len(cands) == 0 || !mentions || inReach):
			cands = append(cands, cand{"", prev.ref.Name, prevKey, sp, false})
		case prev.ref.Entity != "" && inReach:
			// a speaker the actor stage typed otherwise ("Lin Yu-hsuan"
			// as MISC) still speaks as a person
			if e := a.d.Entity(prev.ref.Entity); e != nil && (compatible(e.Type) || e.Type == dragoman.Misc) {
				cands = append(cands, cand{prev.ref.Entity, prev.ref.Name, prevKey, sp, false})
			}
		}
		seen[prevKey] = true
	}
	if plural {
		// "U.S. officials met … in Riyadh. They said …": a group entity or
		// a plural subject in reach outranks organizations and places;
		// two of them leave the pronoun ambiguous.
		var groups []cand
		seenGroup := map[string]bool{}
		for _, c := range cands {
			if c.group && !seenGroup[c.key] {
				seenGroup[c.key] = true
				groups = append(groups, c)
			}
		}
		for sj := max(0, si-1); sj <= si; sj++ {
			np := a.subjectOf(a.sents[sj])
			if np[1] <= np[0] || np[1] > i || a.inQuote(a.toks[np[0]].Start) {
				continue
			}
			head := a.toks[np[1]-1]
			if !head.Word || head.Text != head.Lower || !strings.HasSuffix(head.Lower, "s") || !a.lx.groups[head.Lower] && !a.lx.roles[head.Lower] {
				continue
			}
			r, _ := a.resolve(np[0], np[1])
			if r == nil || r.Name == "" {
				continue
			}
			key := r.Entity
			if key == "" {
				key = "~" + strings.ToLower(r.Name)
			}
			if !seenGroup[key] {
				seenGroup[key] = true
				groups = append(groups, cand{r.Entity, r.Name, key, sp, true})
			}
		}
		switch {
		case len(groups) == 1:
			c := groups[0]
			if c.entity != "" {
				return a.ref(c.entity, sp), "pronoun"
			}
			return &dragoman.ActorRef{Name: c.name, Span: &sp}, "pronoun"
		case len(groups) > 1:
			return nil, "ambiguous-pronoun"
		}
	}
	if len(cands) > 1 && !plural {
		// Keep the candidates the text does not give the other gender.
		var kept []cand
		for _, c := range cands {
			if g := a.gender(c.key, i); g == 0 || g == p[0] {
				kept = append(kept, c)
			}
		}
		if len(kept) > 0 {
			cands = kept
		}
	}
	if len(cands) > 1 && inReach {
		// Two people in reach, one of whom was speaking in this sentence
		// or the one before: the pronoun continues the speaker ("Kim Yo
		// Jong, the sister of leader Kim Jong Un, warned … KCNA quoted her
		// as saying …").
		for _, c := range cands {
			if c.key == prevKey {
				cands = []cand{c}
				break
			}
		}
	}
	switch {
	case len(cands) == 1:
		c := cands[0]
		if c.entity != "" {
			return a.ref(c.entity, sp), "pronoun"
		}
		return &dragoman.ActorRef{Name: c.name, Span: &sp}, "pronoun"
	case len(cands) > 1:
		return nil, "ambiguous-pronoun"
	}
	if prev != nil && prev.group == plural && a.toks[i].Para-prev.para <= 1 && prev.ref.Entity != "" {
		// not when the text gives the last speaker the other gender
		if g := a.gender(prev.ref.Entity, i); plural || g == 0 || g == p[0] {
			return a.ref(prev.ref.Entity, sp), "pronoun"
		}
	}
	return nil, "unresolved-pronoun"
}

// Words that give a person's gender when they stand right before a name
// or are the first pronoun after it in its sentence. 'h' is he, 's' she.
var genderWord = map[string]byte{
	"he": 'h', "him": 'h', "his": 'h', "himself": 'h', "mr": 'h', "mr.": 'h', "sir": 'h', "king": 'h',
	"prince": 'h', "spokesman": 'h', "chairman": 'h', "congressman": 'h', "businessman": 'h', "actor": 'h',
	"father": 'h', "son": 'h', "brother": 'h', "husband": 'h', "lord": 'h',
	"she": 's', "her": 's', "hers": 's', "herself": 's', "mrs": 's', "mrs.": 's', "ms": 's', "ms.": 's',
	"miss": 's', "madam": 's', "dame": 's', "lady": 's', "queen": 's', "princess": 's', "spokeswoman": 's',
	"chairwoman": 's', "congresswoman": 's', "businesswoman": 's', "actress": 's', "mother": 's',
	"daughter": 's', "sister": 's', "wife": 's',
}

// gender returns 'h' or 's' when the text genders the candidate with the
// given key (an entity id, or "~" and a surname), else 0. The pronoun at
// token skip is not evidence.
func (a *analysis) gender(key string, skip int) byte {
	votes := map[byte]int{}
	look := func(start, end int) {
		k := a.tokAt(start)
		if k > 0 {
			if g := genderWord[a.toks[k-1].Lower]; g != 0 && a.toks[k-1].Para == a.toks[min(k, len(a.toks)-1)].Para {
				votes[g] += 2
			}
		}
		e := a.tokAt(end)
		if e >= len(a.toks) {
			return
		}
		s := a.sents[a.sentOf[e]]
		for x := e; x < s.To; x++ {
			if x == skip || a.toks[x].Quoted {
				continue
			}
			if a.toks[x].Cap && a.toks[x].Word {
				break // another name: the pronoun may be its
			}
			if _, ok := pronoun[a.toks[x].Lower]; ok || a.toks[x].Lower == "his" || a.toks[x].Lower == "her" || a.toks[x].Lower == "him" {
				if g := genderWord[a.toks[x].Lower]; g != 0 {
					votes[g]++
				}
				break
			}
		}
	}
	first := func(text string) {
		if f := strings.Fields(text); len(f) >= 2 {
			if g := a.lx.givenGender(f[0]); g != 0 {
				votes[g]++ // a given name is weaker evidence than the text
			}
		}
	}
	for _, m := range a.ments {
		if _, isPronoun := pronoun[strings.ToLower(a.body[m.Start:m.End])]; m.Entity == key && !isPronoun {
			look(m.Start, m.End)
			first(a.body[m.Start:m.End])
		}
	}
	if strings.HasPrefix(key, "~") {
		for _, m := range a.d.Mentions {
			if f := strings.Fields(m.Text); len(f) > 0 && "~"+f[len(f)-1] == key {
				look(m.Start, m.End)
				first(m.Text)
			}
		}
	} else if e := a.d.Entity(key); e != nil {
		first(e.Name)
		for _, r := range e.Roles {
			for _, w := range strings.Fields(strings.ToLower(r.Title)) {
				if g := genderWord[w]; g != 0 {
					votes[g] += 2
				}
			}
		}
	}
	switch {
	case votes['h'] > votes['s']:
		return 'h'
	case votes['s'] > votes['h']:
		return 's'
	}
	return 0
}

// spoken is a speaker named (not by a pronoun) at some place of the text.
type spoken struct {
	pos, para int
	ref       *dragoman.ActorRef
	group     bool
}

// spokenBefore returns the last speaker named before offset off.
func (a *analysis) spokenBefore(off int) *spoken {
	var best *spoken
	for k := range a.spoken {
		s := &a.spoken[k]
		if s.pos < off && (best == nil || s.pos > best.pos) {
			best = s
		}
	}
	return best
}

func (a *analysis) inQuote(off int) bool {
	k := a.tokAt(off)
	return k < len(a.toks) && a.toks[k].Quoted
}

// resolveIt resolves "it" before a cue to an organization or country that
// spoke in this sentence or the one before ("Taiwan's Defense Ministry
// said … It said …"), or else to the subject that opens its own sentence
// when that is one ("China's military sent … in what it called a “stern
// warning”"). A person never is.
func (a *analysis) resolveIt(i int) *dragoman.ActorRef {
	sp := a.tokSpan(i, i+1)
	si := a.sentOf[i]
	notPerson := func(r *dragoman.ActorRef) bool {
		if r == nil || r.Name == "" {
			return false
		}
		if r.Entity != "" {
			e := a.d.Entity(r.Entity)
			return e != nil && e.Type != dragoman.Person && e.Type != dragoman.Group
		}
		f := strings.Fields(r.Name)
		last := strings.ToLower(f[len(f)-1])
		return a.lx.groups[last] && !strings.HasSuffix(last, "s") // "the ministry", not "officials"
	}
	if prev := a.spokenBefore(a.toks[i].Start); prev != nil && notPerson(prev.ref) {
		if k := a.tokAt(prev.pos); k < len(a.toks) && si-a.sentOf[k] <= 1 && a.toks[k].Para == a.toks[i].Para {
			r := *prev.ref
			r.Span = &sp
			return &r
		}
	}
	s := a.sents[si]
	if np := a.subjectOf(s); np[1] > np[0] && np[1] <= i {
		if r, _ := a.resolve(np[0], np[1]); notPerson(r) {
			r.Span = &sp
			return r
		}
	}
	return nil
}

// otherSpeakerInReach reports a person, other than the entity, who was
// named as a speaker in the sentence of token i or the one before:
// "“…,” said Lin Yu-hsuan, a researcher at the Institute for National
// Defense and Security Research. She added …" continues Lin, whatever a
// coreference link says.
func (a *analysis) otherSpeakerInReach(i int, entity string) bool {
	prev := a.spokenBefore(a.toks[i].Start)
	if prev == nil || prev.group || prev.ref.Entity == entity {
		return false
	}
	k := a.tokAt(prev.pos)
	if k >= len(a.toks) || a.sentOf[i]-a.sentOf[k] > 1 || a.toks[k].Para != a.toks[i].Para {
		return false
	}
	if prev.ref.Entity != "" {
		e := a.d.Entity(prev.ref.Entity)
		return e != nil && (e.Type == dragoman.Person || e.Type == dragoman.Misc)
	}
	return false
}
