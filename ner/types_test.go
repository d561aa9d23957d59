package ner

import (
	"strings"
	"testing"

	"github.com/dragoman-news/dragoman"
)

func TestMapType(t *testing.T) {
	cases := []struct {
		conll, text string
		want        dragoman.EntityType
	}{
		{"PER", "Anna Kowalski", dragoman.Person},
		{"ORG", "State Department", dragoman.Organization},
		{"LOC", "Poland", dragoman.GPE},
		{"LOC", "Middle East", dragoman.Location},
		{"LOC", "Black Sea", dragoman.Location},
		{"LOC", "Europe", dragoman.Location},
		{"MISC", "Russian", dragoman.NORP},
		{"MISC", "Europeans", dragoman.NORP},
		{"MISC", "Chinese", dragoman.NORP},
		{"MISC", "French", dragoman.NORP},
		{"MISC", "Shi\u2019ite", dragoman.NORP},
		{"MISC", "World Cup", dragoman.Misc},
		{"MISC", "Minsk-2", dragoman.Misc},
		{"MISC", "Trans-Atlantic", dragoman.Misc},
		{"MISC", "Olympic", dragoman.Misc},
		{"MISC", "Ramadan", dragoman.Misc},
		{"MISC", "pro-Russian", dragoman.NORP},
		{"MISC", "West Indian", dragoman.NORP},
	}
	for _, c := range cases {
		if got := mapType(c.conll, strings.Fields(c.text)); got != c.want {
			t.Errorf("mapType(%s, %q) = %s, want %s", c.conll, c.text, got, c.want)
		}
	}
}
