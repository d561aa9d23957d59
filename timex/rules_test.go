package timex_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dragoman-news/dragoman"
	"github.com/dragoman-news/dragoman/timex"
)

// tagger is built once for every test of the package.
func tagger(tb testing.TB) *timex.Tagger {
	tb.Helper()
	tg, err := timex.New()
	if err != nil {
		tb.Fatal(err)
	}
	return tg
}

// run tags body as an article published on pub ("" for none).
func run(tb testing.TB, body, pub string) []dragoman.TimeExpr {
	tb.Helper()
	a := dragoman.Article{Body: body}
	if day, month, ok := strings.Cut(pub, "~"); ok { // "2025-02~month": known to the month
		t, err := time.Parse("2006-01", day)
		if err != nil {
			tb.Fatal(err)
		}
		a.Published = &dragoman.Published{Time: t, Precision: dragoman.Precision(month)}
	} else if pub != "" {
		t, err := time.Parse("2006-01-02", pub)
		if err != nil {
			tb.Fatal(err)
		}
		a.Published = &dragoman.Published{Time: t.Add(10 * time.Hour), Precision: dragoman.PrecisionDay}
	}
	d := dragoman.NewDocument(a)
	if err := tagger(tb).Annotate(context.Background(), d); err != nil {
		tb.Fatal(err)
	}
	return d.Dates
}

// ruleCase expects the expression with text Text in Body to have the
// given fields; empty fields are not checked. Kind "none" expects no
// expression covering Text.
type ruleCase struct {
	Name, Pub, Body, Text   string
	Kind, Value, Begin, End string
	Approx                  bool
	TimeOfDay               string
}

var ruleCases = []ruleCase{
	// Weekdays.
	{Name: "BareWeekdayPast", Pub: "2025-02-18", Body: "Bruce told reporters Monday that talks went well.", Text: "Monday", Kind: "date", Value: "2025-02-17"},
	{Name: "WeekdayIsPublicationDay", Pub: "2025-02-18", Body: "Officials met in Riyadh on Tuesday.", Text: "Tuesday", Value: "2025-02-18"},
	{Name: "WeekdayPossessive", Pub: "2025-02-18", Body: "They praised Tuesday’s outreach to Moscow.", Text: "Tuesday", Value: "2025-02-18"},
	{Name: "WeekdaySaturdayBefore", Pub: "2025-02-18", Body: "Kellogg spoke at a conference on Saturday.", Text: "Saturday", Value: "2025-02-15"},
	{Name: "WeekdayFutureTense", Pub: "2025-02-18", Body: "The ministers will meet again on Thursday in Geneva.", Text: "Thursday", Value: "2025-02-20"},
	{Name: "WeekdayFutureAfter", Pub: "2025-02-18", Body: "On Friday, the council is scheduled to vote.", Text: "Friday", Value: "2025-02-21"},
	{Name: "WeekdaySaidThenFuture", Pub: "2025-02-18", Body: "The minister said Sunday that he will travel to Kyiv.", Text: "Sunday", Value: "2025-02-16"},
	{Name: "WeekdayIsToTravel", Pub: "2015-09-22", Body: "On Wednesday, Mohamed and his father are to travel to the United Nations.", Text: "Wednesday", Value: "2015-09-23"},
	{Name: "ThisWeekendPast", Pub: "2016-09-07", Body: "The expo took place in Toronto this weekend.", Text: "this weekend", Value: "2016-W35-WE", Begin: "2016-09-03"},
	{Name: "ThisWeekendFuture", Pub: "2016-09-07", Body: "The expo opens in Toronto this weekend.", Text: "this weekend", Begin: "2016-09-10"},
	{Name: "AWeekdayIsSet", Pub: "2016-09-07", Body: "We read the drafts on a Monday.", Text: "Monday", Kind: "set", Value: "XXXX-WXX-1"},
	{Name: "WeekdayForecast", Pub: "2019-09-01", Body: "Dorian was forecast to reach the coast late on Monday or early Tuesday.", Text: "early Tuesday", Value: "2019-09-03", TimeOfDay: "morning"},
	{Name: "WeekdayWouldReported", Pub: "2019-08-04", Body: "The Senate announced it would meet on Monday.", Text: "Monday", Value: "2019-08-05"},
	{Name: "NextWeekday", Pub: "2025-02-18", Body: "A summit is planned for next Tuesday.", Text: "next Tuesday", Value: "2025-02-25"},
	{Name: "LastWeekday", Pub: "2025-02-18", Body: "The strike happened last Tuesday.", Text: "last Tuesday", Value: "2025-02-11"},
	{Name: "ThisComingWeekday", Pub: "2025-02-18", Body: "Voting starts this coming Monday.", Text: "this coming Monday", Value: "2025-02-24"},
	{Name: "WeekdayNight", Pub: "2025-02-18", Body: "The delegation arrived on Monday night.", Text: "Monday night", Kind: "date", Value: "2025-02-17", TimeOfDay: "night"},
	{Name: "WeekdayAcrossYear", Pub: "2025-01-01", Body: "Fireworks were launched on Sunday.", Text: "Sunday", Value: "2024-12-29"},
	{Name: "WeekdayAcrossLeapDay", Pub: "2024-03-01", Body: "The bill passed on Thursday.", Text: "Thursday", Value: "2024-02-29"},
	{Name: "GoodFridayNotWeekday", Pub: "2025-02-18", Body: "The Good Friday Agreement ended the conflict.", Text: "Friday", Kind: "none"},
	{Name: "WeekdayNoPublication", Body: "Talks resumed on Monday.", Text: "Monday", Kind: "date", Value: ""},
	{Name: "WeekdayPluralIsSet", Pub: "2025-02-18", Body: "Protesters gather on Fridays.", Text: "Fridays", Kind: "set", Value: "XXXX-WXX-5"},
	{Name: "EveryWeekdayIsSet", Pub: "2025-02-18", Body: "The market opens every Sunday.", Text: "every Sunday", Kind: "set", Value: "XXXX-WXX-7"},

	// Days relative to publication.
	{Name: "Today", Pub: "2024-02-29", Body: "Parliament votes today.", Text: "today", Value: "2024-02-29"},
	{Name: "Yesterday", Pub: "2024-03-01", Body: "Rain fell yesterday.", Text: "yesterday", Value: "2024-02-29"},
	{Name: "Tomorrow", Pub: "2024-12-31", Body: "The law takes effect tomorrow.", Text: "tomorrow", Value: "2025-01-01"},
	{Name: "Tonight", Pub: "2025-02-18", Body: "He will speak tonight.", Text: "tonight", Value: "2025-02-18", TimeOfDay: "night"},
	{Name: "LastNight", Pub: "2025-01-01", Body: "Shelling continued last night.", Text: "last night", Value: "2024-12-31", TimeOfDay: "night"},
	{Name: "YesterdayMorning", Pub: "2025-02-18", Body: "The convoy left yesterday morning.", Text: "yesterday morning", Value: "2025-02-17", TimeOfDay: "morning"},
	{Name: "USATodayIsPaper", Pub: "2025-02-18", Body: "He told USA Today about it.", Text: "Today", Kind: "none"},

	// Periods relative to publication.
	{Name: "LastWeek", Pub: "2025-02-18", Body: "Trump called Putin last week.", Text: "last week", Value: "2025-W07", Begin: "2025-02-10", End: "2025-02-16"},
	{Name: "LastWeekAcrossYear", Pub: "2025-01-02", Body: "Prices rose last week.", Text: "last week", Value: "2024-W52", Begin: "2024-12-23", End: "2024-12-29"},
	{Name: "ThisWeekISO53", Pub: "2021-01-01", Body: "Talks resume this week.", Text: "this week", Value: "2020-W53", Begin: "2020-12-28", End: "2021-01-03"},
	{Name: "NextMonth", Pub: "2024-12-15", Body: "Elections are due next month.", Text: "next month", Value: "2025-01", Begin: "2025-01-01", End: "2025-01-31"},
	{Name: "LastMonthLeap", Pub: "2024-03-10", Body: "Exports fell last month.", Text: "last month", Value: "2024-02", End: "2024-02-29"},
	{Name: "ThisYear", Pub: "2025-02-18", Body: "Growth will slow this year.", Text: "this year", Value: "2025"},
	{Name: "LastYear", Pub: "2025-01-01", Body: "Inflation peaked last year.", Text: "last year", Value: "2024", Begin: "2024-01-01", End: "2024-12-31"},
	{Name: "EarlierThisMonth", Pub: "2025-02-18", Body: "He resigned earlier this month.", Text: "earlier this month", Value: "2025-02", Begin: "2025-02-01", End: "2025-02-17", Approx: true},
	{Name: "LaterThisYear", Pub: "2025-02-18", Body: "A vote is expected later this year.", Text: "later this year", Value: "2025", Begin: "2025-02-19", End: "2025-12-31", Approx: true},
	{Name: "LastWeekend", Pub: "2025-02-18", Body: "Crowds marched last weekend.", Text: "last weekend", Value: "2025-W07-WE", Begin: "2025-02-15", End: "2025-02-16"},
	{Name: "ThePastYear", Pub: "2025-02-18", Body: "Prices doubled over the past year.", Text: "the past year", Kind: "duration", Value: "P1Y", Begin: "2024-02-18", End: "2025-02-18"},
	{Name: "LastSummer", Pub: "2025-02-18", Body: "Floods hit the region last summer.", Text: "last summer", Value: "2024-SU", Begin: "2024-06-01", End: "2024-08-31"},
	{Name: "NextQuarter", Pub: "2025-11-18", Body: "Sales should recover next quarter.", Text: "next quarter", Value: "2026-Q1"},
	{Name: "WeekdayPublicationMonthOnly", Pub: "2025-02~month", Body: "Talks resumed on Monday.", Text: "Monday", Kind: "date", Value: ""},
	{Name: "LastYearPublicationMonthOnly", Pub: "2025-02~month", Body: "Exports fell last year.", Text: "last year", Value: "2024"},
	{Name: "RelativeNoPublication", Body: "Talks collapsed last week.", Text: "last week", Kind: "date", Value: ""},

	// Counting back from publication.
	{Name: "TwoWeeksAgo", Pub: "2025-02-18", Body: "The deal was signed two weeks ago.", Text: "two weeks ago", Kind: "date", Value: "2025-W06", Begin: "2025-02-03"},
	{Name: "ThreeDaysAgo", Pub: "2024-03-02", Body: "He was arrested three days ago.", Text: "three days ago", Value: "2024-02-28"},
	{Name: "AboutAYearAgo", Pub: "2025-02-18", Body: "The war began about a year ago.", Text: "about a year ago", Value: "2024", Approx: true},
	{Name: "YearsAgoVague", Pub: "2025-02-18", Body: "The town was rebuilt years ago.", Text: "years ago", Value: "PAST_REF", Approx: true},
	{Name: "DaysLaterIsDuration", Pub: "2025-02-18", Body: "Three days later, the army withdrew.", Text: "Three days later", Kind: "duration", Value: "P3D"},

	// Dates counted from an earlier date of the text.
	{Name: "TheNextDay", Pub: "2025-02-18", Body: "Talks opened in Vienna on March 3, 2024. The next day, the ministers left.", Text: "The next day", Kind: "date", Value: "2024-03-04"},
	{Name: "DaysLaterFromDate", Pub: "2025-02-18", Body: "The ceasefire began on Feb. 27, 2024, and three days later it collapsed.", Text: "three days later", Kind: "date", Value: "2024-03-01"},
	{Name: "ThatDayFromWeekday", Pub: "2025-02-18", Body: "He landed on Saturday. That night, he met the envoy.", Text: "That night", Kind: "date", Value: "2025-02-15", TimeOfDay: "night"},
	{Name: "ThePreviousYear", Pub: "2025-02-18", Body: "Exports rose in 2019 after falling the previous year.", Text: "the previous year", Kind: "date", Value: "2018"},
	{Name: "TheDayBefore", Pub: "2025-02-18", Body: "The vote was held on Sunday; the day before, protesters gathered.", Text: "the day before", Kind: "date", Value: "2025-02-15"},
	{Name: "ADecadeLater", Pub: "2019-10-29", Body: "She won a seat in 1998. A decade later, in 2008, she won again.", Text: "A decade later", Kind: "date", Value: "2008"},
	{Name: "TheYearBefore", Pub: "2015-05-07", Body: "Support fell in 2015 from the year before.", Text: "the year before", Kind: "date", Value: "2014"},
	{Name: "NextDayNoAnchor", Pub: "2025-02-18", Body: "The next day, the ministers left.", Text: "The next day", Kind: "date", Value: ""},
	{Name: "AnchorNotAcrossParagraphs", Pub: "2025-02-18", Body: "It began on March 3, 2024.\n\nThree days later, it ended.", Text: "Three days later", Kind: "duration", Value: "P3D"},

	// Absolute dates.
	{Name: "MonthDayYearAbbrev", Pub: "2025-02-18", Body: "Russia invaded on Feb. 24, 2022, at dawn.", Text: "Feb. 24, 2022", Kind: "date", Value: "2022-02-24"},
	{Name: "DayMonthYear", Pub: "2025-02-18", Body: "Russia invaded on 24 February 2022.", Text: "24 February 2022", Value: "2022-02-24"},
	{Name: "WeekdayMonthDayYear", Pub: "2025-02-18", Body: "It opened on Tuesday, March 4, 2025.", Text: "Tuesday, March 4, 2025", Value: "2025-03-04"},
	{Name: "LeapDayDate", Pub: "2025-02-18", Body: "It was signed on February 29, 2024.", Text: "February 29, 2024", Value: "2024-02-29"},
	{Name: "ImpossibleDate", Pub: "2025-02-18", Body: "A typo said February 30, 2023.", Text: "February 30", Kind: "none"},
	{Name: "NumericDayFirst", Pub: "2025-02-18", Body: "The order was dated 24/02/2022 in Kyiv.", Text: "24/02/2022", Value: "2022-02-24"},
	{Name: "NumericDots", Pub: "2025-02-18", Body: "Signed on 3.4.2022 by both.", Text: "3.4.2022", Value: "2022-03-04"},
	{Name: "VersionIsNotDate", Pub: "2025-02-18", Body: "Update to version 1.2.10 now.", Text: "1.2.10", Kind: "none"},
	{Name: "ISODate", Pub: "2025-02-18", Body: "The file is dated 2023-11-05.", Text: "2023-11-05", Value: "2023-11-05"},
	{Name: "MonthDayNearest", Pub: "2025-01-03", Body: "The ceasefire held since December 28.", Text: "since December 28", Value: "2024-12-28"},
	{Name: "MonthDayFuture", Pub: "2025-12-20", Body: "Voters will go to the polls on January 12.", Text: "January 12", Value: "2026-01-12"},
	{Name: "MonthDayRunsFrom", Pub: "2014-01-28", Body: "The exhibit is to run from January 23.", Text: "January 23", Value: "2014-01-23"},
	{Name: "MonthDayRunsThrough", Pub: "2014-01-28", Body: "The exhibit is to run through March 9.", Text: "March 9", Value: "2014-03-09"},
	{Name: "MonthDayPast", Pub: "2025-02-18", Body: "The ministers met on March 3 in Vienna.", Text: "March 3", Value: "2024-03-03"},
	{Name: "DayMonthNoYear", Pub: "2025-02-18", Body: "The vote took place on 9 February.", Text: "9 February", Value: "2025-02-09"},
	{Name: "MonthYear", Pub: "2025-02-18", Body: "The invasion began in February 2022.", Text: "February 2022", Value: "2022-02", Begin: "2022-02-01", End: "2022-02-28"},
	{Name: "MonthOfYearLeap", Pub: "2025-02-18", Body: "Snow fell in February of 2024.", Text: "February of 2024", Value: "2024-02", End: "2024-02-29"},
	{Name: "MidMonth", Pub: "2025-02-18", Body: "Troops should leave by mid-March.", Text: "mid-March", Value: "2025-03", Begin: "2025-03-11", End: "2025-03-20", Approx: true},
	{Name: "LateMonthYear", Pub: "2025-02-18", Body: "Fighting flared in late November 2023.", Text: "late November 2023", Value: "2023-11", Begin: "2023-11-21", End: "2023-11-30", Approx: true},
	{Name: "BareMonthPast", Pub: "2025-02-18", Body: "Talks broke down in June.", Text: "June", Value: "2024-06"},
	{Name: "BareMonthFuture", Pub: "2025-02-18", Body: "Elections will be held in June.", Text: "June", Value: "2025-06"},
	// The clause, not the sentence, gives the tense (docs/quality.md).
	{Name: "WeekdayModalBeforeThatClause", Pub: "2025-06-12", Body: "The chair said a revised text would be circulated on Friday and that she hoped to see it adopted.", Text: "Friday", Value: "2025-06-13"},
	{Name: "WeekdayPastBeforeThatClause", Pub: "2025-09-10", Body: "The envoy told the council on Monday that monitors must go back soon.", Text: "Monday", Value: "2025-09-08"},
	{Name: "WeekdayQuotedFuture", Pub: "2025-09-10", Body: "She said: \"We will vote on Friday,\" and left.", Text: "Friday", Value: "2025-09-12"},
	{Name: "BareMonthProspectiveInfinitive", Pub: "2026-02-13", Body: "Ministers sought to show unity before a summit in Rome in July.", Text: "July", Value: "2026-07"},
	{Name: "BareMonthAgreedToInfinitive", Pub: "2025-11-20", Body: "The parties agreed to hold the vote in October.", Text: "October", Value: "2026-10"},
	{Name: "BareMonthPastWeeksLater", Pub: "2025-08-29", Body: "Rebels seized the port, the largest town of the region, in January and the airport weeks later.", Text: "January", Value: "2025-01"},
	{Name: "LastMonthName", Pub: "2025-02-18", Body: "Prices rose last March.", Text: "last March", Value: "2024-03"},
	{Name: "MayIsVerb", Pub: "2025-02-18", Body: "Officials may meet again. Theresa May resigned.", Text: "May", Kind: "none"},

	{Name: "MonthOfThisYear", Pub: "2019-11-27", Body: "Protests have run since June of this year.", Text: "since June of this year", Value: "2019-06", Begin: "2019-06-01", End: "2019-11-27"},
	{Name: "MonthLastYear", Pub: "2025-01-05", Body: "He was arrested in March last year.", Text: "March last year", Value: "2024-03"},

	// Holidays.
	{Name: "ChristmasPast", Pub: "2025-01-03", Body: "The attack came on Christmas Day.", Text: "Christmas Day", Value: "2024-12-25"},
	{Name: "ChristmasFuture", Pub: "2024-12-03", Body: "Troops will be home by Christmas.", Text: "Christmas", Value: "2024-12-25"},
	{Name: "EasterComputed", Pub: "2024-04-10", Body: "Pilgrims arrived on Easter Sunday.", Text: "Easter Sunday", Value: "2024-03-31"},
	{Name: "GoodFridayWithYear", Pub: "2025-02-18", Body: "It was signed on Good Friday 1998.", Text: "Good Friday 1998", Value: "1998-04-10"},
	{Name: "NewYearsEve", Pub: "2025-01-01", Body: "Fireworks lit the sky on New Year’s Eve.", Text: "New Year’s Eve", Value: "2024-12-31"},
	{Name: "EasterIslandIsPlace", Pub: "2025-02-18", Body: "The study covered Easter Island.", Text: "Easter", Kind: "none"},

	// Years, decades, centuries.
	{Name: "YearAfterIn", Pub: "2025-02-18", Body: "Crimea was annexed in 2014.", Text: "2014", Value: "2014", Begin: "2014-01-01", End: "2014-12-31"},
	{Name: "YearAsModifier", Pub: "2025-02-18", Body: "Kellogg cited the 2015 Minsk-2 accord.", Text: "2015", Value: "2015"},
	{Name: "YearAfterOf", Pub: "2025-02-18", Body: "It was the Minsk-2 accord of 2015.", Text: "2015", Value: "2015"},
	{Name: "SinceYear", Pub: "2025-02-18", Body: "The war has raged since 2014.", Text: "since 2014", Value: "2014", Begin: "2014-01-01", End: "2025-02-18"},
	{Name: "YearRangeHyphen", Pub: "2025-02-18", Body: "He served from 2014-2016.", Text: "2016", Value: "2016"},
	{Name: "RangeBetweenMonths", Pub: "2025-02-18", Body: "Fighting raged between June and August.", Text: "August", Value: "2024-08"},
	{Name: "SeasonYears", Pub: "2025-02-18", Body: "The 2015-16 season was poor.", Text: "2015-16", Value: "2015/2016", End: "2016-12-31"},
	{Name: "ClockRangeEnd", Pub: "2025-02-18", Body: "Polls are open from 8 a.m. to 8 p.m. today.", Text: "8 p.m. today", Kind: "time", Value: "2025-02-18T20:00"},
	{Name: "MidYear", Pub: "2025-02-18", Body: "The plant closes in mid-2026.", Text: "mid-2026", Value: "2026", Approx: true},
	{Name: "CountWithComma", Pub: "2025-02-18", Body: "About 2,000 troops were sent.", Text: "2,000", Kind: "none"},
	{Name: "CountWithoutComma", Pub: "2025-02-18", Body: "Some 1500 soldiers were sent.", Text: "1500", Kind: "none"},
	{Name: "CountBareNoun", Pub: "2025-02-18", Body: "Police arrested 1900 protesters.", Text: "1900", Kind: "none"},
	{Name: "MoneyIsNotYear", Pub: "2025-02-18", Body: "It costs $2015 per seat.", Text: "2015", Kind: "none"},
	{Name: "ClockBeforeWeekdayNotYear", Pub: "2019-07-15", Body: "It struck at 4:42 on Saturday (2024 Friday, UTC).", Text: "2024", Kind: "none"},
	{Name: "OverCountNotYear", Pub: "2009-01-31", Body: "We have just under 50000 articles and over 1000 featured articles.", Text: "1000", Kind: "none"},
	{Name: "SurveyCountNotYear", Pub: "2006-02-23", Body: "A survey of 1709 schoolchildren was carried out.", Text: "1709", Kind: "none"},
	{Name: "YearRangeAfterOver", Pub: "2014-07-28", Body: "It analysed warming over 2000 - 2050 worldwide.", Text: "2000", Value: "2000"},
	{Name: "DecadeApostropheS", Pub: "2009-04-04", Body: "It began in the 1930’s in Europe.", Text: "the 1930’s", Value: "193"},
	{Name: "DecadeWord", Pub: "2014-01-28", Body: "His prints defined the sixties.", Text: "the sixties", Value: "196", Begin: "1960-01-01"},
	{Name: "EndOfTheYear", Pub: "2006-02-23", Body: "Salt will be iodised by the end of the year.", Text: "the end of the year", Value: "2006", Begin: "2006-09-01", End: "2006-12-31", Approx: true},
	{Name: "NineEleven", Pub: "2007-10-03", Body: "He worked on 9/11 cases.", Text: "9/11", Value: "2001-09-11"},
	{Name: "CountYearSingularUnit", Pub: "2018-06-19", Body: "On 2018 day five, Spain won.", Text: "2018", Kind: "date", Value: "2018"},
	{Name: "ResolutionNumber", Pub: "2025-02-18", Body: "The UN passed Resolution 2334.", Text: "2334", Kind: "none"},
	{Name: "PartOfLargerNumber", Pub: "2025-02-18", Body: "The code is 120155 and 3.2015 too.", Text: "2015", Kind: "none"},
	{Name: "ShortYear", Pub: "2015-01-06", Body: "He ran in ’08 and again in '12.", Text: "’08", Value: "2008"},
	{Name: "ShortYearOld", Pub: "2015-01-06", Body: "He first ran in '84.", Text: "'84", Value: "1984"},
	{Name: "QuotedNumberNotYear", Pub: "2015-01-06", Body: "The sign read ‘90’ in red.", Text: "90", Kind: "none"},
	{Name: "Decade", Pub: "2025-02-18", Body: "Chechnya was devastated in the 1990s.", Text: "the 1990s", Value: "199", Begin: "1990-01-01", End: "1999-12-31"},
	{Name: "DecadeApostrophe", Pub: "2025-02-18", Body: "It was a hit in the ’80s.", Text: "the ’80s", Value: "198"},
	{Name: "EarlyDecade", Pub: "2025-02-18", Body: "Ties thawed in the early 2000s.", Text: "the early 2000s", Value: "200", Begin: "2000-01-01", Approx: true},
	{Name: "Century", Pub: "2025-02-18", Body: "A relic of the 20th century.", Text: "the 20th century", Value: "19", Begin: "1900-01-01", End: "1999-12-31"},
	{Name: "CenturyWords", Pub: "2025-02-18", Body: "A war of the twenty-first century.", Text: "the twenty-first century", Value: "20"},
	{Name: "SeasonYear", Pub: "2025-02-18", Body: "Talks failed in the summer of 2019.", Text: "the summer of 2019", Value: "2019-SU"},
	{Name: "WinterYearCrossesYear", Pub: "2025-02-18", Body: "It was cold in winter 2023.", Text: "winter 2023", Value: "2023-WI", Begin: "2023-12-01", End: "2024-02-29"},

	// Durations.
	{Name: "MoreThanYears", Pub: "2025-02-18", Body: "He has been foreign minister for more than 20 years.", Text: "more than 20 years", Kind: "duration", Value: "P20Y", Approx: true},
	{Name: "ThreeDays", Pub: "2025-02-18", Body: "The talks lasted three days.", Text: "three days", Kind: "duration", Value: "P3D"},
	{Name: "DecadeOld", Pub: "2025-02-18", Body: "It replaced a decade-old agreement.", Text: "a decade-old", Kind: "duration", Value: "P10Y"},
	{Name: "YearLong", Pub: "2025-02-18", Body: "It ended a 12-year-long war.", Text: "12-year-long", Kind: "duration", Value: "P12Y"},
	{Name: "HyphenatedNumber", Pub: "2025-02-18", Body: "He served twenty-five years in jail.", Text: "twenty-five years", Kind: "duration", Value: "P25Y"},
	{Name: "Hours", Pub: "2025-02-18", Body: "They talked for 4.5 hours.", Text: "4.5 hours", Kind: "duration", Value: "PT4.5H"},
	{Name: "SeveralMonths", Pub: "2025-02-18", Body: "It took several months.", Text: "several months", Kind: "duration", Value: "PXM", Approx: true},
	{Name: "PastTwoWeeks", Pub: "2025-03-01", Body: "Prices fell in the past two weeks.", Text: "the past two weeks", Kind: "duration", Value: "P2W", Begin: "2025-02-15", End: "2025-03-01"},
	{Name: "ForYears", Pub: "2025-02-18", Body: "They have feuded for years.", Text: "years", Kind: "duration", Value: "PXY", Approx: true},
	{Name: "DecadesOf", Pub: "2025-02-18", Body: "It undid decades of policy.", Text: "decades", Kind: "duration", Value: "PXY", Approx: true},
	{Name: "ASecondRound", Pub: "2025-02-18", Body: "There will be a second round.", Text: "a second", Kind: "none"},

	// Sets.
	{Name: "TwiceAYear", Pub: "2025-02-18", Body: "The board meets twice a year.", Text: "twice a year", Kind: "set", Value: "P1Y"},
	{Name: "MoneyAYear", Pub: "2025-02-18", Body: "Aid reaches $5 billion a year.", Text: "a year", Kind: "set", Value: "P1Y"},
	{Name: "EveryTwoYears", Pub: "2025-02-18", Body: "Elections come every two years.", Text: "every two years", Kind: "set", Value: "P2Y"},
	{Name: "Daily", Pub: "2025-02-18", Body: "Shelling happens daily.", Text: "daily", Kind: "set", Value: "P1D"},
	{Name: "DailyNewspaper", Pub: "2025-02-18", Body: "The daily Kommersant reported it.", Text: "daily", Kind: "none"},

	// Clock times.
	{Name: "ClockPM", Pub: "2025-02-18", Body: "The vote is at 3 p.m. in the hall.", Text: "3 p.m.", Kind: "time", Value: "2025-02-18T15:00", TimeOfDay: "15:00"},
	{Name: "ClockJoinedToWeekday", Pub: "2025-02-18", Body: "Polls close Thursday at 8:30 pm local time.", Text: "Thursday at 8:30 pm", Kind: "time", TimeOfDay: "20:30"},
	{Name: "ClockBeforeDay", Pub: "2025-02-18", Body: "It began at 9 a.m. on Monday.", Text: "9 a.m. on Monday", Kind: "time", Value: "2025-02-17T09:00"},
	{Name: "Clock24Zone", Pub: "2025-02-18", Body: "Markets shut at 16:30 GMT.", Text: "16:30 GMT", Kind: "time", TimeOfDay: "16:30"},
	{Name: "MilitaryTime", Pub: "2025-02-18", Body: "The curfew begins at 2200 GMT.", Text: "2200 GMT", Kind: "time", TimeOfDay: "22:00"},
	{Name: "ClockZoneParenthesisDay", Pub: "2019-10-10", Body: "The crash happened around 8:30 p.m. BST (1930 UTC) on August 27.", Text: "8:30 p.m.", Kind: "time", Value: "2019-08-27T20:30"},
	{Name: "ClockZoneDay", Pub: "2023-01-02", Body: "It landed at 3:15 p.m. GMT on New Year's Day.", Text: "3:15 p.m. GMT on New Year's Day", Kind: "time", Value: "2023-01-01T15:15"},
	{Name: "ClockLocalTimeOnDay", Pub: "2019-03-05", Body: "At 2:49 a.m. local time on Saturday the arm took hold of them.", Text: "2:49 a.m. local time on Saturday", Kind: "time", Value: "2019-03-02T02:49"},
	{Name: "ClockFarFromDay", Pub: "2024-12-31", Body: "The truce, first signed on Nov. 14, 2024, was due to expire at midnight.", Text: "midnight", Kind: "time", Value: "2024-12-31T00:00"},
	{Name: "Midnight", Pub: "2024-02-28", Body: "The deadline passed at midnight.", Text: "midnight", Kind: "time", TimeOfDay: "00:00"},
	{Name: "ScoreIsNotTime", Pub: "2025-02-18", Body: "Madrid won 2:1 at home.", Text: "2:1", Kind: "none"},
	{Name: "ClockNoPublication", Body: "The vote is at 3 p.m.", Text: "3 p.m.", Kind: "time", Value: "T15:00"},
}

func TestRules(t *testing.T) {
	for _, c := range ruleCases {
		t.Run(c.Name, func(t *testing.T) {
			if !strings.Contains(c.Body, c.Text) {
				t.Fatalf("bad case: %q not in body", c.Text)
			}
			got := run(t, c.Body, c.Pub)
			at := strings.Index(c.Body, c.Text)
			var hit *dragoman.TimeExpr
			for i := range got {
				if got[i].Text == c.Text && got[i].Start == at {
					hit = &got[i]
				}
			}
			if c.Kind == "none" {
				for _, e := range got {
					if e.Start < at+len(c.Text) && at < e.Span.End {
						t.Fatalf("found %q (%s %s), want nothing over %q", e.Text, e.Kind, e.Value, c.Text)
					}
				}
				return
			}
			if hit == nil {
				t.Fatalf("%q not found; got %s", c.Text, describe(got))
			}
			check := func(field, got, want string) {
				t.Helper()
				if want != "" && got != want {
					t.Errorf("%s = %q, want %q (rule %s)", field, got, want, hit.Rule)
				}
			}
			check("kind", hit.Kind, c.Kind)
			check("begin", hit.Begin, c.Begin)
			check("end", hit.End, c.End)
			check("time of day", hit.TimeOfDay, c.TimeOfDay)
			if c.Value != "" || c.Kind == "date" {
				check("value", hit.Value, c.Value)
				if c.Value == "" && hit.Value != "" {
					t.Errorf("value = %q, want it unresolved", hit.Value)
				}
			}
			if c.Value == "" && c.Kind == "date" && !strings.Contains(hit.Rule, "unresolved") {
				t.Errorf("rule %q does not say why it is unresolved", hit.Rule)
			}
			if hit.Approx != c.Approx {
				t.Errorf("approx = %v, want %v", hit.Approx, c.Approx)
			}
		})
	}
}

func describe(es []dragoman.TimeExpr) string {
	var b strings.Builder
	for _, e := range es {
		b.WriteString("[" + e.Text + " " + e.Kind + " " + e.Value + " " + e.Rule + "] ")
	}
	return b.String()
}
