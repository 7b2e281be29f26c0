package query

import (
	"strings"
	"time"
)

// Kind is what a filter looks at.
type Kind string

// The filters.
const (
	// Tag: the article has the tag Value or one below it (Value "region"
	// matches "region/russia"); Value is the lower-cased, cleaned name.
	Tag Kind = "tag"
	// Source: the article's source contains the words of Value (lower-cased).
	Source Kind = "source"
	// Date: the article's publication date is within [From, To), or,
	// with Undated (date:none), the article has no date.
	Date Kind = "date"
	// Person, Org and Place: a name of that kind found in the article is
	// Value or has Value's words in it ("blair" finds "Tony Blair");
	// Value is lower-cased with its white space folded.
	Person Kind = "person"
	Org    Kind = "org"
	Place  Kind = "place"
	// Is: Value is "unread", "read" or "starred".
	Is Kind = "is"
	// Has: Value is "notes" or "highlights".
	Has Kind = "has"
	// InNotes switches the search to highlights and notes; it is recorded in
	// Query.InNotes, never in Query.Filters.
	InNotes Kind = "in"
)

// Filter is one condition on the articles found.
type Filter struct {
	Kind  Kind
	Value string
	// From and To bound a Date filter as YYYYMMDD numbers: From inclusive,
	// To exclusive, 0 for no bound. Undated articles never pass a Date
	// filter (and always pass a negated one).
	From, To int
	// Undated makes a Date filter pass only the articles without a date.
	Undated bool
	Negate  bool
}

// parseFilter reads field:value; ok is false when the value does not fit
// the field, and the caller searches it as words.
func parseFilter(field, value string) (Filter, bool) {
	v := strings.ToLower(strings.TrimSpace(value))
	switch field {
	case "tag":
		name := CleanTagName(v)
		return Filter{Kind: Tag, Value: name}, name != ""
	case "source":
		words := strings.Join(strings.Fields(v), " ")
		return Filter{Kind: Source, Value: words}, searchable(words)
	case "person", "org", "place":
		words := strings.Join(strings.Fields(v), " ")
		return Filter{Kind: Kind(field), Value: words}, words != ""
	case "date", "after", "before":
		if field == "date" && v == "none" {
			return Filter{Kind: Date, Value: v, Undated: true}, true
		}
		from, to, ok := period(v)
		switch field {
		case "after": // on or after the start of the period
			to = 0
		case "before": // before the start of the period
			from, to = 0, from
		}
		return Filter{Kind: Date, Value: v, From: from, To: to}, ok
	case "is":
		switch v {
		case "unread", "read", "starred":
			return Filter{Kind: Is, Value: v}, true
		}
	case "has":
		switch v {
		case "notes", "note":
			return Filter{Kind: Has, Value: "notes"}, true
		case "highlights", "highlight":
			return Filter{Kind: Has, Value: "highlights"}, true
		}
	case "in":
		switch v {
		case "notes", "note", "highlights", "annotations":
			return Filter{Kind: InNotes, Value: "notes"}, true
		}
	}
	return Filter{}, false
}

// period reads YYYY, YYYY-MM or YYYY-MM-DD as the days [from, to).
func period(v string) (from, to int, ok bool) {
	var start, end time.Time
	var err error
	switch len(v) {
	case 4:
		start, err = time.Parse("2006", v)
		end = start.AddDate(1, 0, 0)
	case 7:
		start, err = time.Parse("2006-01", v)
		end = start.AddDate(0, 1, 0)
	case 10:
		start, err = time.Parse("2006-01-02", v)
		end = start.AddDate(0, 0, 1)
	default:
		return 0, 0, false
	}
	if err != nil {
		return 0, 0, false
	}
	return dayNumber(start), dayNumber(end), true
}

func dayNumber(t time.Time) int { return t.Year()*10000 + int(t.Month())*100 + t.Day() }

// CleanTagName trims a tag name, folds runs of white space and the spaces
// around "/" (the hierarchy separator), and drops empty levels, as the
// store does when it saves a tag.
func CleanTagName(name string) string {
	parts := strings.Split(name, "/")
	kept := parts[:0]
	for _, p := range parts {
		p = strings.Join(strings.Fields(p), " ")
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "/")
}

// SourceMatch is the FTS5 expression, over the articles' index, that finds
// the articles whose source has the words of a Source filter.
func SourceMatch(value string) string {
	return "source : " + quote(value)
}
