package importer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// isoDate matches an ISO date, optionally followed by a time and an offset
// (RFC 3339 and the near-misses pages use in their meta tags).
var isoDate = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s*(?:[Zz]|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?)?$`)

// slashDate matches year/month/day; day/month/year is refused as ambiguous.
var slashDate = regexp.MustCompile(`^(\d{4})/(\d{1,2})/(\d{1,2})$`)

// wordDate matches "15 September 2023", "Sep 15, 2023" and friends, with an
// optional weekday before and an optional time of day after.
var wordDate = regexp.MustCompile(`^(?:([a-z]+)\.?,?\s+)?(?:(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+|([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+)(\d{4})` +
	`(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s+(?:[a-z]{1,5}|[+-]\d{4}))?)?$`)

// leadingClock matches a time of day written before the date, with its
// zone: "01:38:07 PM IST Nov 20, 2019".
var leadingClock = regexp.MustCompile(`^\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{1,5})?,?\s+`)

var months = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
	"sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
	"dec": 12, "december": 12,
}

var weekdays = map[string]time.Weekday{
	"sun": 0, "sunday": 0, "mon": 1, "monday": 1, "tue": 2, "tues": 2, "tuesday": 2,
	"wed": 3, "wednesday": 3, "thu": 4, "thur": 4, "thurs": 4, "thursday": 4,
	"fri": 5, "friday": 5, "sat": 6, "saturday": 6,
}

// ParseDate reads a date in the forms articles carry and returns it as
// YYYY-MM-DD. A timestamp gives the calendar date as written in its own
// offset. It never guesses: an ambiguous, impossible or unknown form returns
// false.
func ParseDate(s string) (string, bool) {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 80 {
		return "", false
	}
	if m := isoDate.FindStringSubmatch(s); m != nil {
		if m[4] != "" && !validClock(m[4], m[5], m[6]) {
			return "", false
		}
		return calendarDate(m[1], m[2], m[3])
	}
	if m := slashDate.FindStringSubmatch(s); m != nil {
		return calendarDate(m[1], m[2], m[3])
	}
	lower := strings.ToLower(s)
	if clock := leadingClock.FindStringSubmatch(lower); clock != nil {
		lower = lower[len(clock[0]):]
	}
	if m := wordDate.FindStringSubmatch(lower); m != nil {
		day, month := m[2], m[3]
		if day == "" {
			month, day = m[4], m[5]
		}
		mon, ok := months[month]
		if !ok {
			return "", false
		}
		d, ok := calendarDate(m[6], strconv.Itoa(int(mon)), day)
		if !ok || m[1] != "" && !weekdayMatches(m[1], d) {
			return "", false
		}
		return d, true
	}
	return "", false
}

// calendarDate checks that year, month and day name a real day.
func calendarDate(year, month, day string) (string, bool) {
	y, err1 := strconv.Atoi(year)
	m, err2 := strconv.Atoi(month)
	d, err3 := strconv.Atoi(day)
	if err1 != nil || err2 != nil || err3 != nil || y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC)
	if t.Day() != d || t.Month() != time.Month(m) {
		return "", false // 2023-02-30 rolls over into March
	}
	return t.Format("2006-01-02"), true
}

func validClock(hour, minute, second string) bool {
	h, _ := strconv.Atoi(hour)
	m, _ := strconv.Atoi(minute)
	s, _ := strconv.Atoi(second) // "" is 0
	return h < 24 && m < 60 && s <= 60
}

// weekdayMatches refuses "Monday, 15 September 2023": when the weekday and
// the date disagree, one of them is wrong and we cannot tell which.
func weekdayMatches(name, date string) bool {
	wd, ok := weekdays[name]
	if !ok {
		return false
	}
	t, err := time.Parse("2006-01-02", date)
	return err == nil && t.Weekday() == wd
}

// dateWarning words a date that could not be read.
func dateWarning(raw string) string {
	return fmt.Sprintf("the date %q could not be read; the article was imported without a date", shortForWarning(oneLine(raw)))
}

// setDate stores a date written in a file on doc, or a warning when it
// cannot be read. An empty date is no date, not an error.
func setDate(doc *Document, raw string) {
	if strings.TrimSpace(raw) == "" {
		return
	}
	if d, ok := ParseDate(raw); ok {
		doc.Published = d
		return
	}
	doc.Warnings = append(doc.Warnings, dateWarning(raw))
}
