package cli

import (
	"strings"
	"testing"
)

// namesLibrary imports three articles written for the test.
func namesLibrary(t *testing.T) string {
	return libraryOf(t, map[string]string{
		"a.txt": "Talks in Washington\n\nPrime Minister Tony Blair met officials in Washington. Mr Blair said the U.S. agreed.",
		"b.txt": "Rates held\n\nGordon Brown said the Bank of England would hold rates.",
		"c.txt": "Summit\n\nTony Blair and Gordon Brown flew to Moscow.",
	})
}

type nameOut struct {
	Name  string `json:"name"`
	Kind  string `json:"kind"`
	Count int    `json:"count"`
}

func TestNames(t *testing.T) {
	lib := namesLibrary(t)
	r := folio(t, lib, "names", "--json", "--kind", "person")
	got := decode[[]nameOut](t, r.stdout)
	want := []nameOut{{"Gordon Brown", "person", 2}, {"Tony Blair", "person", 2}}
	if r.code != 0 || len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("names --json --kind person: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = folio(t, lib, "names", "--kind", "place", "moscow OR washington")
	if r.code != 0 || !strings.Contains(r.stdout, "1  place   Moscow") || !strings.Contains(r.stdout, "1  place   United States") {
		t.Errorf("names of a search: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = folio(t, lib, "names", "--json", `person:"gordon brown"`)
	got = decode[[]nameOut](t, r.stdout)
	if r.code != 0 || len(got) == 0 || !strings.Contains(r.stdout, `"Bank of England"`) || strings.Contains(r.stdout, "Washington") {
		t.Errorf("names of the articles naming Gordon Brown: exit %d\n%s", r.code, r.stdout)
	}
	r = folio(t, lib, "names", "--kind", "planet")
	if r.code != 2 || !strings.Contains(r.stderr, "person, org or place") {
		t.Errorf("an unknown kind: exit %d %s", r.code, r.stderr)
	}
	r = folio(t, lib, "names", "nothingnamesthis")
	if r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, "No names") {
		t.Errorf("a search that finds nothing: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
}
