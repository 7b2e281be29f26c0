package importer

import "time"

// ParseDate reads a date in the forms articles carry and returns it as
// YYYY-MM-DD. It never guesses: anything else returns false.
func ParseDate(s string) (string, bool) {
	for _, layout := range []string{"2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02"), true
		}
	}
	return "", false
}
