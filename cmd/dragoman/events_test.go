package main

import (
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/dragoman-news/dragoman/internal/shared"
)

func TestEventsValidate(t *testing.T) {
	dir := shared.Dir(t, "eval", "petrarch")
	var out bytes.Buffer
	if err := runValidate(filepath.Join(dir, "PETR.UnitTest.records.xml"), validateFlags{}, &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 285 {
		t.Errorf("%d lines, want one per record and a summary (285)", len(lines))
	}
	m := regexp.MustCompile(`^(\d+) passed, (\d+) failed`).FindStringSubmatch(lines[len(lines)-1])
	if m == nil {
		t.Fatalf("no summary: %q", lines[len(lines)-1])
	}
	if n, _ := strconv.Atoi(m[1]); n < 242 {
		t.Errorf("%s records pass, want at least 85%% (242)", m[1])
	}
	if !strings.HasPrefix(lines[0], "DEMO-00") || !strings.HasSuffix(lines[0], "PASS") {
		t.Errorf("first line %q", lines[0])
	}
}

func TestEventsTable(t *testing.T) {
	dir := shared.Dir(t, "examples", "riyadh-talks")
	var out, errs bytes.Buffer
	err := runEvents(context.Background(), []string{filepath.Join(dir, "article.txt")}, eventsFlags{published: "2025-02-18", width: 60}, &out, &errs)
	if err != nil {
		t.Fatalf("%v: %s", err, errs.String())
	}
	for _, want := range []string{"041", "Discuss by telephone", "124", "0334"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, out.String())
		}
	}
}
