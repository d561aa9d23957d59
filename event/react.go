package event

import (
	"strings"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/cameo"
)

// Reactions. News reports a reaction to what another actor did by naming
// the act, not the actor: "the Kremlin condemned the decision", "India's
// army rejected the charge", "Manila protested what it called aggressive
// actions". The target of such a criticism, rejection or threat is the
// actor whose act it names: the source of the article's last event aimed
// at the reacting country, else of one of its last three events.

// actNouns name an act of another actor.
var actNouns = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`DECISION DECISIONS MEASURE MEASURES MOVE MOVES CHARGE CHARGES
		ACCUSATION ACCUSATIONS ALLEGATION ALLEGATIONS CLAIM CLAIMS RESOLUTION RESOLUTIONS SANCTIONS
		STATEMENT REMARKS COMMENTS ACTION ACTIONS STEP STEPS PLAN PLANS PROPOSAL PROPOSALS DEMAND
		DEMANDS ULTIMATUM ATTACK ATTACKS STRIKES DEPLOYMENT ANNOUNCEMENT RULING VERDICT TARIFFS
		POLICY ORDER BAN ROLLOVER EXTENSION INCURSION INCURSIONS VIOLATION VIOLATIONS ACCUSATIONS
		THREATS PROVOCATION PROVOCATIONS DECREE LAW BILL EXERCISES DRILLS AWARD CONTRACT DEAL
		AGREEMENT SUSPENSION EXPULSION`) {
		actNouns[w] = true
	}
}

// reactionTarget returns the target of a reaction whose object names an
// act ("condemned the measures"), or nil.
func (st *docState) reactionTarget(s *sentence, src *actorHit, from int) *actorHit {
	if !s.namesAct(from) || len(src.code) < 3 {
		return nil
	}
	own := src.code[:3]
	pick := func(ev dragoman.Event) *actorHit {
		r := *ev.Source
		r.Span = nil
		return &actorHit{code: r.Actor, mention: -1, start: -1, end: -1, external: &r}
	}
	if src.ctx {
		// "the junta rejected the suspension": a role with no country of
		// its own that answers an act belongs to the country the act hit;
		// an event whose trigger shares the act noun's stem comes first
		// ("the suspension": "suspended")
		hit := func(ev dragoman.Event) bool {
			if ev.Target == nil || ev.Source == nil || len(ev.Target.Actor) < 3 || sameCountry(ev.Source.Actor, ev.Target.Actor) {
				return false
			}
			_, ok := cameo.Country(ev.Target.Actor[:3])
			return ok && political(ev.Source.Actor)
		}
		order := []int{}
		if noun := s.actWord(from); len(noun) >= 4 {
			for i := len(st.drafts) - 1; i >= 0; i-- {
				if t := st.drafts[i].ev.Trigger.Text; len(t) >= 4 && strings.EqualFold(t[:4], noun[:4]) {
					order = append(order, i)
					break
				}
			}
		}
		for i := len(st.drafts) - 1; i >= 0; i-- {
			order = append(order, i)
		}
		for _, i := range order {
			if ev := st.drafts[i].ev; hit(ev) {
				src.code = ev.Target.Actor[:3] + src.code[3:]
				return pick(ev)
			}
		}
	}
	for i := len(st.drafts) - 1; i >= 0; i-- {
		ev := st.drafts[i].ev
		if ev.Target != nil && ev.Source != nil && sameCountry(ev.Target.Actor, own) && !sameCountry(ev.Source.Actor, own) {
			return pick(ev)
		}
	}
	for i, n := len(st.drafts)-1, 0; i >= 0 && n < 3; i, n = i-1, n+1 {
		ev := st.drafts[i].ev
		if ev.Source != nil && len(ev.Source.Actor) >= 3 && !sameCountry(ev.Source.Actor, own) && political(ev.Source.Actor) {
			return pick(ev)
		}
	}
	return nil
}

// actWord returns the act noun namesAct finds after token i, or "".
func (s *sentence) actWord(i int) string {
	if !s.namesAct(i) {
		return ""
	}
	for k := i; k < len(s.toks) && k < i+10; k++ {
		if actNouns[s.toks[k].Up] {
			return s.toks[k].Up
		}
	}
	return ""
}

// namesAct reports whether the words after token i, in the same clause,
// name an act by a definite phrase ("the decision", "these measures",
// "what it called aggressive actions").
func (s *sentence) namesAct(i int) bool {
	for k := i; k < len(s.toks) && k < i+10; k++ {
		u := s.toks[k].Up
		if targetBarrier[u] || u == "," || s.mentAt[k] >= 0 {
			return false
		}
		if !actNouns[u] {
			continue
		}
		for j := k - 1; j >= i && j >= k-6; j-- {
			switch s.toks[j].Up {
			case "THE", "THIS", "THESE", "THAT", "THOSE", "SUCH", "WHAT", "ITS", "THEIR", "HIS", "HER":
				return true
			}
		}
		return false
	}
	return false
}
