package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

type result struct {
	code           int
	stdout, stderr string
}

// folio runs the command with a temp library as FOLIO_DB.
func folio(t *testing.T, dbPath string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	env := Env{
		Stdout: &out,
		Stderr: &errOut,
		Getenv: func(k string) string {
			if k == "FOLIO_DB" {
				return dbPath
			}
			return ""
		},
		Assets: fstest.MapFS{"index.html": {Data: []byte("<html><head></head></html>")}},
	}
	code := Main(context.Background(), env, args)
	return result{code, out.String(), errOut.String()}
}

type imported struct {
	ID        *int64  `json:"id"`
	Title     string  `json:"title"`
	Published *string `json:"published"`
	Path      string  `json:"path"`
	Status    string  `json:"status"`
	Error     *string `json:"error"`
}

func decode[T any](t *testing.T, s string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, s)
	}
	return v
}

func TestImportJSONThenDuplicate(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	r := folio(t, lib, "import", "--json", seedFixture)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	got := decode[[]imported](t, r.stdout)
	if len(got) != 1 || got[0].Status != "imported" || got[0].Published == nil || *got[0].Published != "2023-09-15" ||
		!strings.HasPrefix(got[0].Title, "Harbour authorities in Valletta") || got[0].ID == nil || got[0].Error != nil {
		t.Fatalf("first import = %s", r.stdout)
	}
	if !filepath.IsAbs(got[0].Path) || !strings.HasSuffix(got[0].Path, "seed-format.txt") {
		t.Errorf("path = %q, want the file's absolute path", got[0].Path)
	}
	// Flags may come after the paths too.
	r = folio(t, lib, "import", seedFixture, "--json")
	again := decode[[]imported](t, r.stdout)
	if r.code != 0 || len(again) != 1 || again[0].Status != "duplicate" || *again[0].ID != *got[0].ID {
		t.Fatalf("second import (exit %d) = %s", r.code, r.stdout)
	}
}

func TestImportExitsOneWhenAFileFails(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	r := folio(t, filepath.Join(dir, "library.db"), "import", "--json", empty, seedFixture)
	if r.code != 1 {
		t.Fatalf("exit %d, want 1", r.code)
	}
	got := decode[[]imported](t, r.stdout)
	if len(got) != 2 || got[0].Status != "failed" || got[0].Error == nil || got[1].Status != "imported" {
		t.Errorf("results = %s", r.stdout)
	}
	if got[0].Published != nil {
		t.Errorf("a failed file has a date: %v", *got[0].Published)
	}
}

func TestListAndShow(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	dir := t.TempDir()
	for i, body := range []string{"Alpha\n\nFirst.", "Beta\n\nSecond.", "Gamma\n\nThird."} {
		os.WriteFile(filepath.Join(dir, string(rune('a'+i))+".txt"), []byte(body), 0o644)
	}
	if r := folio(t, lib, "import", dir); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	r := folio(t, lib, "list", "--json")
	all := decode[[]imported](t, r.stdout)
	if r.code != 0 || len(all) != 3 {
		t.Fatalf("list: exit %d, %d articles", r.code, len(all))
	}
	for _, a := range all {
		if a.Published != nil {
			t.Errorf("undated article has published %q, want null", *a.Published)
		}
	}
	r = folio(t, lib, "list", "--json", "--limit", "2")
	if got := decode[[]imported](t, r.stdout); len(got) != 2 {
		t.Errorf("--limit 2 listed %d", len(got))
	}
	r = folio(t, lib, "show", "--json", "2")
	shown := decode[[]struct {
		ID   int64  `json:"id"`
		Body string `json:"body"`
	}](t, r.stdout)
	if r.code != 0 || len(shown) != 1 || shown[0].ID != 2 || shown[0].Body == "" {
		t.Errorf("show 2: exit %d %s", r.code, r.stdout)
	}
	r = folio(t, lib, "show", "2")
	if r.code != 0 || !strings.Contains(r.stdout, "Second.") {
		t.Errorf("show 2 as text: %s", r.stdout)
	}
	if r := folio(t, lib, "show", "99"); r.code != 1 || !strings.Contains(r.stderr, "no article 99") {
		t.Errorf("show 99: exit %d, %q", r.code, r.stderr)
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	for _, args := range [][]string{
		{"import"},
		{"import", "--nope", "x"},
		{"list", "--limit", "-1"},
		{"list", "--sort", "sideways"},
		{"list", "extra"},
		{"show"},
		{"show", "abc"},
		{"frobnicate"},
		{"serve", "--addr", "0.0.0.0:7000"},
	} {
		if r := folio(t, lib, args...); r.code != 2 || r.stderr == "" {
			t.Errorf("folio %v: exit %d, stderr %q; want 2 with a message", args, r.code, r.stderr)
		}
	}
}

func TestHelpExplainsEveryCommand(t *testing.T) {
	r := folio(t, "", "--help")
	for _, c := range commands() {
		if !strings.Contains(r.stdout, c.name) {
			t.Errorf("folio --help does not mention %s", c.name)
		}
		sub := folio(t, "", c.name, "--help")
		if sub.code != 0 || !strings.Contains(sub.stdout, "Usage: folio "+c.name) || !strings.Contains(sub.stdout, "-db") {
			t.Errorf("folio %s --help: exit %d\n%s", c.name, sub.code, sub.stdout)
		}
	}
}

func TestDefaultLibrary(t *testing.T) {
	env := map[string]string{"HOME": "/home/ann"}
	get := func(k string) string { return env[k] }
	if got := DefaultLibrary(get); got != "/home/ann/.local/share/folio/library.db" {
		t.Errorf("default = %s", got)
	}
	env["XDG_DATA_HOME"] = "/data"
	if got := DefaultLibrary(get); got != "/data/folio/library.db" {
		t.Errorf("with XDG_DATA_HOME = %s", got)
	}
	env["FOLIO_DB"] = "/x/lib.db"
	if got := DefaultLibrary(get); got != "/x/lib.db" {
		t.Errorf("with FOLIO_DB = %s", got)
	}
}

// seedFixture is an article in the seed format, shared with the browser tests.
const seedFixture = "../../frontend/tests/fixtures/seed-format.txt"
