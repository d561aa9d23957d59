package segment

// This file holds the tables the segmenter consults: abbreviations that keep
// their period, and the words that tell an ambiguous period to end the
// sentence. They are data: add a line, not an if.

// abbrevClass says when a sentence may end after an abbreviation.
type abbrevClass uint8

const (
	// notAbbrev: the token is not a known abbreviation.
	notAbbrev abbrevClass = iota
	// neverEnds: titles and connectives (Mr., Gen., vs., e.g.) that always
	// lead into more of the sentence.
	neverEnds
	// beforeNumber: No., Jan., Sept.: no break before a number, otherwise
	// a break when the next word is capitalized.
	beforeNumber
	// endsBeforeStarter: Inc., Jr., U.S. and initials: a break only when
	// the next word is a typical sentence opener (The, He, But...).
	endsBeforeStarter
	// endsBeforeCapital: a.m., p.m., etc.: a break when the next word is
	// capitalized, unless it is a weekday, a month or a time zone.
	endsBeforeCapital
)

// abbreviations maps an abbreviation, as written with its final period, to
// its class. Lookups are case-sensitive; both common casings are listed.
var abbreviations = map[string]abbrevClass{
	// Courtesy titles and honorifics.
	"Mr.": neverEnds, "Mrs.": neverEnds, "Ms.": neverEnds, "Messrs.": neverEnds, "Mmes.": neverEnds,
	"Dr.": neverEnds, "Drs.": neverEnds, "Prof.": neverEnds, "Rev.": neverEnds, "Hon.": neverEnds,
	"Fr.": neverEnds, "Msgr.": neverEnds, "Sr.": endsBeforeStarter, "Jr.": endsBeforeStarter,
	"Sra.": neverEnds, "Mme.": neverEnds, "Mlle.": neverEnds,
	// Political offices.
	"Sen.": neverEnds, "Sens.": neverEnds, "Rep.": neverEnds, "Reps.": neverEnds,
	"Gov.": neverEnds, "Govs.": neverEnds, "Pres.": neverEnds, "Amb.": neverEnds,
	"Atty.": neverEnds, "Gen.": neverEnds, "Sec.": neverEnds, "Secy.": neverEnds,
	"Del.": neverEnds, "Rept.": neverEnds, "Assemb.": neverEnds, "Ald.": neverEnds, "Comr.": neverEnds,
	// Military ranks.
	"Lt.": neverEnds, "Gens.": neverEnds, "Col.": neverEnds, "Maj.": neverEnds,
	"Capt.": neverEnds, "Cpt.": neverEnds, "Sgt.": neverEnds, "Cpl.": neverEnds, "Pvt.": neverEnds,
	"Pfc.": neverEnds, "Adm.": neverEnds, "Cmdr.": neverEnds, "Cdr.": neverEnds, "Brig.": neverEnds,
	"Ens.": neverEnds, "Spc.": neverEnds, "Lieut.": neverEnds, "Cmdt.": neverEnds, "Insp.": neverEnds,
	"Det.": neverEnds, "Supt.": neverEnds,
	// Places in names.
	"St.": neverEnds, "Ste.": neverEnds, "Mt.": neverEnds, "Ft.": neverEnds, "Pt.": neverEnds,
	"Ave.": endsBeforeStarter, "Blvd.": endsBeforeStarter, "Rd.": endsBeforeStarter,
	// Connectives and references.
	"vs.": neverEnds, "v.": neverEnds, "e.g.": neverEnds, "i.e.": neverEnds, "cf.": neverEnds,
	"viz.": neverEnds, "approx.": neverEnds, "ca.": neverEnds, "c.": neverEnds, "al.": endsBeforeStarter,
	"Ph.D.": endsBeforeStarter, "M.Sc.": endsBeforeStarter, "M.A.": endsBeforeStarter, "B.A.": endsBeforeStarter, "M.D.": endsBeforeStarter,
	// Born, died, married, divorced: "(b. 1942)", "(m. 1949; div. 1964)".
	"b.": neverEnds, "d.": neverEnds, "m.": neverEnds, "div.": neverEnds,
	// Before a number.
	"No.": beforeNumber, "Nos.": beforeNumber, "Vol.": beforeNumber,
	"vol.": beforeNumber, "Art.": beforeNumber, "art.": beforeNumber, "Fig.": beforeNumber,
	"fig.": beforeNumber, "p.": beforeNumber, "pp.": beforeNumber, "Ch.": beforeNumber,
	"Sect.": beforeNumber, "Op.": beforeNumber, "Para.": beforeNumber, "Rt.": beforeNumber, "Hwy.": beforeNumber,
	"Jan.": beforeNumber, "Feb.": beforeNumber, "Mar.": beforeNumber, "Apr.": beforeNumber,
	"Jun.": beforeNumber, "Jul.": beforeNumber, "Aug.": beforeNumber, "Sep.": beforeNumber,
	"Sept.": beforeNumber, "Oct.": beforeNumber, "Nov.": beforeNumber, "Dec.": beforeNumber,
	// Company and generational suffixes: often mid-sentence, sometimes last.
	"Inc.": endsBeforeStarter, "Corp.": endsBeforeStarter, "Co.": endsBeforeStarter,
	"Cos.": endsBeforeStarter, "Ltd.": endsBeforeStarter, "Bros.": endsBeforeStarter,
	"Plc.": endsBeforeStarter, "Dept.": neverEnds, "Univ.": neverEnds, "Assn.": neverEnds,
	"Ariz.": endsBeforeStarter, "Calif.": endsBeforeStarter, "Colo.": endsBeforeStarter,
	"Conn.": endsBeforeStarter, "Fla.": endsBeforeStarter, "Ill.": endsBeforeStarter,
	"Mass.": endsBeforeStarter, "Mich.": endsBeforeStarter, "Minn.": endsBeforeStarter,
	"Tenn.": endsBeforeStarter, "Wash.": endsBeforeStarter, "Wis.": endsBeforeStarter,
	// Times and lists.
	"a.m.": endsBeforeCapital, "p.m.": endsBeforeCapital, "A.M.": endsBeforeCapital,
	"P.M.": endsBeforeCapital, "etc.": endsBeforeCapital,
}

// starters are capitalized words that typically open a sentence. After an
// ambiguous abbreviation (U.S., Inc., an initial) a break is made only
// before one of these.
var starters = map[string]bool{
	"A": true, "An": true, "The": true, "This": true, "That": true, "These": true, "Those": true,
	"He": true, "She": true, "It": true, "They": true, "We": true, "I": true, "You": true,
	"His": true, "Her": true, "Its": true, "Their": true, "Our": true, "My": true, "Your": true,
	"There": true, "Here": true, "But": true, "And": true, "Or": true, "So": true, "Yet": true,
	"In": true, "On": true, "At": true, "For": true, "From": true, "With": true, "By": true,
	"As": true, "After": true, "Before": true, "When": true, "While": true, "If": true,
	"Although": true, "Though": true, "Because": true, "Since": true, "However": true,
	"Meanwhile": true, "According": true, "Some": true, "Many": true, "Most": true, "All": true,
	"Both": true, "Other": true, "Others": true, "What": true, "Who": true, "Why": true,
	"How": true, "Where": true, "Which": true, "Now": true, "Then": true, "Still": true,
	"Also": true, "Last": true, "Earlier": true, "Later": true, "During": true, "Despite": true,
	"Under": true, "Over": true, "Such": true, "Each": true, "No": true,
	"Not": true, "One": true, "Two": true, "Several": true, "Officials": true, "Yesterday": true,
	"Today": true, "Tomorrow": true, "Instead": true, "Thus": true, "Nevertheless": true,
	"Nonetheless": true, "Moreover": true, "Furthermore": true, "Separately": true,
	"Asked": true, "Speaking": true, "Following": true, "Unlike": true, "Like": true,
}

// notSentenceStart are capitalized words that commonly follow a.m., p.m.
// inside a sentence ("at 10 a.m. Tuesday", "9 p.m. EST").
var notSentenceStart = map[string]bool{
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true,
	"Saturday": true, "Sunday": true, "January": true, "February": true, "March": true,
	"April": true, "May": true, "June": true, "July": true, "August": true, "September": true,
	"October": true, "November": true, "December": true, "Jan.": true, "Feb.": true,
	"Aug.": true, "Sept.": true, "Oct.": true, "Nov.": true, "Dec.": true,
	"ET": true, "EST": true, "EDT": true, "CT": true, "CST": true, "CDT": true, "MT": true,
	"MST": true, "MDT": true, "PT": true, "PST": true, "PDT": true, "GMT": true, "UTC": true,
	"BST": true, "CET": true, "CEST": true, "IST": true, "JST": true, "AEST": true, "AEDT": true,
	"Moscow": true, "Eastern": true, "Pacific": true, "Central": true, "Mountain": true,
	"London": true, "Washington": true, "Local": true,
}

// speechVerbs follow a quotation and its speaker: `"Why now?" Dorn asked.`
// After a question or an exclamation closed by a quotation mark, a speaker
// and one of these continue the sentence.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "asked": true, "asks": true, "told": true, "tells": true,
	"added": true, "adds": true, "wrote": true, "writes": true, "shouted": true,
	"shouts": true, "replied": true, "replies": true, "exclaimed": true, "cried": true,
	"yelled": true, "screamed": true, "chanted": true, "tweeted": true, "posted": true,
	"wondered": true, "demanded": true, "insisted": true, "declared": true, "recalled": true,
	"continued": true, "explained": true, "noted": true, "responded": true, "retorted": true,
	"joked": true, "quipped": true, "warned": true, "argued": true, "stated": true,
}
