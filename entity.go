package dragoman

// EntityType is the kind of thing a mention names.
type EntityType string

const (
	Person       EntityType = "PERSON"
	Organization EntityType = "ORG"
	GPE          EntityType = "GPE"   // countries, cities, states
	Location     EntityType = "LOC"   // regions, seas, "Middle East"
	Facility     EntityType = "FAC"   // "Diriyah Palace"
	NORP         EntityType = "NORP"  // nationalities and groups: "Russian", "Europeans"
	Law          EntityType = "LAW"   // agreements and laws: "Minsk-2 accord"
	EventName    EntityType = "EVENT" // named events: "World War II"
	Group        EntityType = "GROUP" // collective speakers and actors: "U.S. officials", "European leaders"
	Misc         EntityType = "MISC"
)

// Mention is one place in the text that names or refers to an entity.
type Mention struct {
	Span
	Type     EntityType `json:"type"`
	Sentence int        `json:"sentence"`
	Entity   string     `json:"entity,omitempty"` // id of the Entity it belongs to, once resolved
	Origin   string     `json:"origin,omitempty"` // "model", "gazetteer", "rule", "pronoun", "description"
	Score    float64    `json:"score,omitempty"`
}

// Role is a title, office or description the text gives an entity
// ("Secretary of State", "a close adviser to Putin").
type Role struct {
	Title   string `json:"title"`
	Of      string `json:"of,omitempty"`      // the organization or country the role is held in, as written
	Country string `json:"country,omitempty"` // ISO3/CAMEO country code the role belongs to
	Type    string `json:"type,omitempty"`    // CAMEO role type: GOV, MIL, BUS, ELI, NGO, MED...
	Former  bool   `json:"former,omitempty"`
	Retired bool   `json:"retired,omitempty"`
	Acting  bool   `json:"acting,omitempty"`
	Origin  string `json:"origin,omitempty"` // "premodifier", "appositive", "relative", "dictionary"
	Span    *Span  `json:"span,omitempty"`   // evidence
}

// Entity is one referent of the article (a person, an organization, a
// country...) with every mention of it.
type Entity struct {
	ID       string     `json:"id"` // "e1", "e2"... unique within the document
	Name     string     `json:"name"`
	Type     EntityType `json:"type"`
	Aliases  []string   `json:"aliases,omitempty"`
	Mentions []Mention  `json:"mentions"`
	Roles    []Role     `json:"roles,omitempty"`
	Country  string     `json:"country,omitempty"` // affiliation, ISO3/CAMEO country code
	Actor    string     `json:"actor,omitempty"`   // CAMEO actor code: USAGOV, RUSGOV, NATO...
	// ActorOrigin says where the actor code came from: "role", "dictionary",
	// "gazetteer", "petrarch", "context".
	ActorOrigin string `json:"actor_origin,omitempty"`
}

// ActorRef points at an entity from another annotation (a speaker, the
// source or target of an event). Name and Actor are copied so that the
// annotation reads on its own.
type ActorRef struct {
	Entity string `json:"entity,omitempty"` // Entity.ID, empty when the actor is not an entity of the document
	Name   string `json:"name"`
	Actor  string `json:"actor,omitempty"` // CAMEO actor code
	Span   *Span  `json:"span,omitempty"`  // the words that name it here
}
