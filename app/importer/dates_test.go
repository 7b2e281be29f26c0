package importer

import (
	"strings"
	"testing"
)

func TestParseDate(t *testing.T) {
	cases := []struct {
		in   string
		want string // "" when the date must be refused
	}{
		{"2023-09-15", "2023-09-15"},
		{" 2023-09-15 ", "2023-09-15"},
		{"2024-02-29", "2024-02-29"},
		{"2023-09-15T10:30:00Z", "2023-09-15"},
		{"2023-09-15T10:30:00.123456Z", "2023-09-15"},
		// The calendar date as written in the timestamp's own offset, not UTC.
		{"2023-09-15T23:30:00-04:00", "2023-09-15"},
		{"2023-09-16T01:30:00+05:30", "2023-09-16"},
		{"2023-09-15T23:30:00+0200", "2023-09-15"},
		{"2023-09-15 08:00:00", "2023-09-15"},
		{"2023-09-15T08:00", "2023-09-15"},
		{"15 September 2023", "2023-09-15"},
		{"15 Sep 2023", "2023-09-15"},
		{"15 Sept. 2023", "2023-09-15"},
		{"15th September 2023", "2023-09-15"},
		{"Sep 15, 2023", "2023-09-15"},
		{"01:38:07 PM IST Nov 20, 2019", "2019-11-20"},
		{"9:41 am, 19 November 2019", "2019-11-19"},
		{"Sep. 15, 2023", "2023-09-15"},
		{"September 15, 2023", "2023-09-15"},
		{"september 15 2023", "2023-09-15"},
		{"Friday, 15 September 2023", "2023-09-15"},
		{"Friday, September 15, 2023", "2023-09-15"},
		{"Fri, 15 Sep 2023 10:00:00 GMT", "2023-09-15"},
		{"Fri, 15 Sep 2023 10:00:00 +0000", "2023-09-15"},
		{"November 19, 2019, 9:02 AM", "2019-11-19"},
		{"2023/09/15", "2023-09-15"},
		{"2023/9/5", "2023-09-05"},
		// Never guess.
		{"03/04/2023", ""},
		{"15/09/2023", ""},
		{"09-15-2023", ""},
		{"2023-02-30", ""},
		{"2023-13-01", ""},
		{"2023-00-10", ""},
		{"2023-09-15T25:00:00Z", ""},
		{"Monday, 15 September 2023", ""}, // it was a Friday
		{"31 June 2023", ""},
		{"15 Septembre 2023", ""},
		{"Spring 2023", ""},
		{"2023", ""},
		{"September 2023", ""},
		{"yesterday", ""},
		{"", ""},
		{"0999-01-01", ""},
		{strings.Repeat("2023-09-15 ", 20), ""},
	}
	for _, c := range cases {
		got, ok := ParseDate(c.in)
		if ok != (c.want != "") || got != c.want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
}

func TestSetDateWarnsAboutUnreadableDates(t *testing.T) {
	var doc Document
	setDate(&doc, "Spring 2023")
	want := `the date "Spring 2023" could not be read; the article was imported without a date`
	if doc.Published != "" || len(doc.Warnings) != 1 || doc.Warnings[0] != want {
		t.Errorf("got %+v, want no date and the warning %q", doc, want)
	}
	doc = Document{}
	setDate(&doc, "  ")
	if doc.Published != "" || len(doc.Warnings) != 0 {
		t.Errorf("a blank date is no date, not a warning: %+v", doc)
	}
}
