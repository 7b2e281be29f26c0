package importer

import (
	"strings"
	"unicode"
)

// titleSeparators part a page title from the site's name.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " · ", " :: ", " » "}

// withoutSite drops the site's name from the end or the start of a page
// title ("River rises | The Town Paper" → "River rises") when it is one of
// the names the page gives for its site. A part that is not the site's
// name stays: it may be the title's own.
func withoutSite(title string, sites ...string) string {
	for _, site := range sites {
		if site == "" {
			continue
		}
		for _, sep := range titleSeparators {
			for i := 0; ; {
				j := strings.Index(title[i:], sep)
				if j < 0 {
					break
				}
				at := i + j
				before, after := title[:at], title[at+len(sep):]
				if strings.TrimSpace(before) != "" && sameSite(after, site) {
					return strings.TrimSpace(before)
				}
				if strings.TrimSpace(after) != "" && sameSite(before, site) {
					return strings.TrimSpace(after)
				}
				i = at + len(sep)
			}
		}
	}
	return title
}

// sameSite compares a part of a title with a site's name or host name,
// leaving out case, spaces and punctuation ("TheHill" is "The Hill").
func sameSite(part, site string) bool {
	norm := func(s string) string {
		s = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(s)), "www.")
		return strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r
			}
			return -1
		}, s)
	}
	return norm(part) != "" && norm(part) == norm(site)
}
