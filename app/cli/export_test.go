package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"folio/app/export"
	"folio/db"
)

// highlighted is the day annotatedLibrary made its highlight, which the
// Markdown export names.
var highlighted string

// annotatedLibrary writes a library with two annotated articles and one
// without annotations, and returns its path.
func annotatedLibrary(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	out, err := s.ImportArticles(ctx, []db.NewArticle{
		{Title: "Ferry to Gozo", Body: "The new ferry to Gozo will start in spring.", Published: "2023-09-15", Tags: []string{"malta"}},
		{Title: "Budget debate", Body: "The council debated the transport budget until midnight.", Published: "2023-09-10"},
		{Title: "Weather", Body: "Sunny with a light breeze over the harbour.", Published: "2023-09-12"},
	})
	if err != nil {
		t.Fatal(err)
	}
	hl, err := s.AddHighlight(ctx, out[0].ID, 4, 13, "green", "Which ferry?")
	if err != nil {
		t.Fatal(err)
	}
	highlighted = hl.CreatedAt[:10]
	if _, err := s.AddNote(ctx, out[1].ID, "Follow the vote."); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestExportMarkdownToStdout(t *testing.T) {
	lib := annotatedLibrary(t)
	r := folio(t, lib, "export")
	want := "# Ferry to Gozo\n\n2023-09-15\n\n> new ferry\n>\n> — 2023-09-15 · green highlight, " + highlighted +
		"\n\n**Note:**\n\nWhich ferry?\n\n" +
		"# Budget debate\n\n2023-09-10\n\n## Notes\n\nFollow the vote.\n"
	if r.code != 0 || r.stdout != want {
		t.Errorf("exit %d, stdout:\n%s\nwant:\n%s\nstderr: %s", r.code, r.stdout, want, r.stderr)
	}
}

func TestExportJSONOfAQueryToAFile(t *testing.T) {
	lib := annotatedLibrary(t)
	out := filepath.Join(t.TempDir(), "notes.json")
	// Flags after the query words work too.
	r := folio(t, lib, "export", "tag:malta", "ferry", "--format", "json", "--out", out)
	if r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, "Exported 1 highlights and notes from 1 articles to "+out) {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	records, err := export.ParseW3C(data)
	if err != nil || len(records) != 1 || records[0].Exact != "new ferry" || records[0].Color != "green" {
		t.Errorf("exported %+v, %v", records, err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestExportWithNothingToExport(t *testing.T) {
	lib := annotatedLibrary(t)
	out := filepath.Join(t.TempDir(), "notes.md")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"weather"}, `no article that "weather" finds has highlights or notes`},
		{[]string{"zeppelin", "--out", out}, `no article that "zeppelin" finds`},
		{[]string{`"unbalanced`, "-"}, "finds has highlights or notes"},
	} {
		r := folio(t, lib, append([]string{"export"}, c.args...)...)
		if r.code != 1 || r.stdout != "" || !strings.Contains(r.stderr, c.want) {
			t.Errorf("export %v: exit %d, stdout %q, stderr %q; want 1 and %q", c.args, r.code, r.stdout, r.stderr, c.want)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("an export of nothing created the file")
	}
	empty := filepath.Join(t.TempDir(), "empty.db")
	if r := folio(t, empty, "export", "--format", "json"); r.code != 1 || !strings.Contains(r.stderr, "no highlights or notes yet") {
		t.Errorf("empty library: exit %d, %q", r.code, r.stderr)
	}
}

func TestExportFailures(t *testing.T) {
	lib := annotatedLibrary(t)
	for _, args := range [][]string{
		{"export", "--format", "pdf"},
		{"export", "--nope"},
		{"export", "--out"},
	} {
		if r := folio(t, lib, args...); r.code != 2 || r.stderr == "" {
			t.Errorf("folio %v: exit %d, stderr %q; want 2 with a message", args, r.code, r.stderr)
		}
	}
	missing := filepath.Join(t.TempDir(), "no", "such", "folder", "notes.md")
	if r := folio(t, lib, "export", "--out", missing); r.code != 1 || !strings.Contains(r.stderr, "cannot write "+missing) {
		t.Errorf("unwritable --out: exit %d, %q", r.code, r.stderr)
	}
}
