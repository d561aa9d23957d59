package storetest

import "github.com/dragoman-news/dragoman"

// The fixture articles are written for these tests.

const riyadhBody = `Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State Marco Rubio in Riyadh on Tuesday, the first meeting of the two diplomats since the war began.

Lavrov said the talks had been useful and that both sides wanted to restore the work of their embassies. "We listened to each other," Lavrov told reporters after four hours of discussion.

Rubio praised the Saudi hosts and said a team of negotiators would meet again within weeks to prepare a wider settlement.`

// Riyadh is a meeting of the two foreign ministers.
func Riyadh() *dragoman.Document {
	return NewDoc("riyadh", "Lavrov and Rubio meet in Riyadh", riyadhBody, "2025-02-18").
		Dateline("Riyadh", "SAU").
		Entity("e1", dragoman.Person, "Sergei Lavrov", "RUS", "RUSGOV", "Lavrov").Role("Foreign Minister", "Russia", "RUS").
		Entity("e2", dragoman.Person, "Marco Rubio", "USA", "USAGOV", "Rubio").Role("Secretary of State", "U.S.", "USA").
		Entity("e3", dragoman.GPE, "Riyadh", "SAU", "SAU").
		Quote("e1", "We listened to each other,").
		Event("e1", "e2", "040", 1, 1.0, "met", "2025-02-18").
		Event("e2", "e1", "036", 1, 4.0, "would meet again", "").
		Date("Tuesday", "2025-02-18").Doc
}

// RiyadhCopy is the Riyadh story republished with small edits.
func RiyadhCopy() *dragoman.Document {
	body := `Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State Marco Rubio in Riyadh on Tuesday, the first meeting of the two diplomats since the war began.

Lavrov said the talks had been useful and that both sides wanted to restore the work of their embassies. "We listened to each other," Lavrov told journalists after four hours of discussion.

Rubio praised the Saudi hosts and said a team of negotiators would meet again within weeks to prepare a wider settlement.`
	return NewDoc("riyadh-copy", "Lavrov, Rubio meet in Riyadh", body, "2025-02-19").
		Dateline("Riyadh", "SAU").
		Entity("e1", dragoman.Person, "Sergei Lavrov", "RUS", "RUSGOV", "Lavrov").
		Entity("e2", dragoman.Person, "Marco Rubio", "USA", "USAGOV", "Rubio").
		Quote("e1", "We listened to each other,").
		Event("e1", "e2", "040", 1, 1.0, "met", "2025-02-18").Doc
}

// Sanctions has Lavrov's name spelled another way.
func Sanctions() *dragoman.Document {
	body := `Foreign Minister Sergey Lavrov accused Washington on Wednesday of stalling the negotiations it had itself proposed.

Hours earlier the United States imposed new sanctions on Russian banks that finance oil exports. "This is a dead end," Sergey Lavrov said at a press conference in Moscow.`
	return NewDoc("sanctions", "Sergey Lavrov warns over new banking sanctions", body, "2025-03-05").
		Dateline("Moscow", "RUS").
		Entity("e1", dragoman.Person, "Sergey Lavrov", "RUS", "RUSGOV").Role("Foreign Minister", "", "RUS").
		Entity("e2", dragoman.GPE, "United States", "USA", "USA", "Washington").
		Entity("e3", dragoman.Organization, "Russian banks", "RUS", "RUSBUS").
		Quote("e1", "This is a dead end,").
		Event("e1", "e2", "112", 3, -2.0, "accused", "2025-03-05").
		Event("e2", "e3", "163", 4, -8.0, "imposed new sanctions", "2025-03-05").Doc
}

// Geneva names Lavrov by surname only.
func Geneva() *dragoman.Document {
	body := `Negotiators resumed talks on grain exports in Geneva on Thursday after a pause of several months.

Lavrov did not attend. The Kremlin welcomed the meeting, and Rubio said Washington would send a delegation to the next round.`
	return NewDoc("geneva", "Grain talks resume in Geneva", body, "2025-03-20").
		Dateline("Geneva", "CHE").
		Entity("e1", dragoman.Person, "Lavrov", "RUS", "").
		Entity("e2", dragoman.Organization, "Kremlin", "RUS", "RUSGOV").
		Entity("e3", dragoman.Person, "Rubio", "", "").
		Event("e2", "", "051", 1, 3.4, "welcomed", "2025-03-20").Doc
}

// Convoy is older and about something else.
func Convoy() *dragoman.Document {
	body := `A United Nations convoy of twelve trucks reached Kharkiv on Sunday with blankets, generators and medicine for the winter.

Aid workers said the convoy had been delayed for two days by shelling near the city.`
	return NewDoc("convoy", "Winter aid convoy reaches Kharkiv", body, "2024-12-01").
		Dateline("Kharkiv", "UKR").
		Entity("e1", dragoman.Organization, "United Nations", "", "IGOUNO").
		Entity("e2", dragoman.GPE, "Kharkiv", "UKR", "UKR").
		Event("e1", "e2", "073", 2, 7.4, "reached", "2024-12-01").Doc
}

// Exchange and Moex name one organization two ways that no rule joins.
func Exchange() *dragoman.Document {
	body := `Trading on the Moscow Exchange was halted for an hour on Monday after a technical fault, the operator said.`
	return NewDoc("exchange", "Moscow Exchange halts trading", body, "2025-04-07").
		Entity("e1", dragoman.Organization, "Moscow Exchange", "RUS", "RUSBUS").Doc
}

func Moex() *dragoman.Document {
	body := `MOEX reported record bond volumes in March as companies refinanced debt at home.`
	return NewDoc("moex", "Bond volumes at record", body, "2025-04-08").
		Entity("e1", dragoman.Organization, "MOEX", "RUS", "").Doc
}

func MoexAgain() *dragoman.Document {
	body := `Shares listed on MOEX rose for a third day, led by steelmakers and fertilizer producers.`
	return NewDoc("moex-again", "Shares rise for a third day", body, "2025-04-10").
		Entity("e1", dragoman.Organization, "MOEX", "RUS", "").Doc
}

// Base is the corpus most tests start from.
func Base() []*dragoman.Document {
	return []*dragoman.Document{Riyadh(), Sanctions(), Geneva(), Convoy()}
}

// Two people share a name; affiliation and role tell them apart.
func Namesakes() []*dragoman.Document {
	minister := NewDoc("hassan-minister", "Cairo hosts Gaza talks",
		"Egyptian Foreign Minister Ahmed Hassan opened the talks in Cairo on Monday.", "2025-05-05").
		Entity("e1", dragoman.Person, "Ahmed Hassan", "EGY", "EGYGOV").Role("Foreign Minister", "Egypt", "EGY").Doc
	striker := NewDoc("hassan-striker", "Late goal wins the derby",
		"Striker Ahmed Hassan scored in the last minute for the Moroccan side.", "2025-05-06").
		Entity("e1", dragoman.Person, "Ahmed Hassan", "MAR", "").Role("striker", "", "").Doc
	later := NewDoc("hassan-later", "Talks adjourn",
		"The talks were adjourned. Hassan, the foreign minister, said they would resume.", "2025-05-07").
		Entity("e1", dragoman.Person, "Hassan", "", "").Role("Foreign Minister", "", "").Doc
	vague := NewDoc("hassan-vague", "A quiet week",
		"Hassan was not available for comment this week.", "2025-05-08").
		Entity("e1", dragoman.Person, "Hassan", "", "").Doc
	return []*dragoman.Document{minister, striker, later, vague}
}
