package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// File names and titles with line breaks and escape sequences cannot forge
// a line of the report or drive the terminal.
func TestTerminalOutputQuotesNames(t *testing.T) {
	dir := t.TempDir()
	forged := "a\nimported  forged.txt"
	clear := "b\x1b[2J.txt"
	os.WriteFile(filepath.Join(dir, forged), []byte("Forged\n\nA body about ferries."), 0o644)
	os.WriteFile(filepath.Join(dir, clear), []byte("Clear screen\n\nA body about harbours."), 0o644)
	os.WriteFile(filepath.Join(dir, "c.html"), []byte("<html><head><title>Bell&#7; and &#x1b;[2J clear</title></head>"+
		"<body><article><h1>Bell&#7; and &#x1b;[2J clear</h1><p>Harbours &#x1b;[31m in red, ringing&#7; the bell, with a long enough body to count as an article.</p></article></body></html>"), 0o644)
	lib := filepath.Join(t.TempDir(), "library.db")

	r := folio(t, lib, "import", dir)
	if r.code != 0 {
		t.Fatalf("import: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	var imported []string
	for _, line := range strings.Split(r.stdout, "\n") {
		if strings.HasPrefix(line, "imported") {
			imported = append(imported, line)
		}
	}
	if len(imported) != 3 || strings.Contains(r.stdout, "\x1b") {
		t.Errorf("the report shows %d imported lines (want 3) or an escape:\n%q", len(imported), r.stdout)
	}
	if !strings.Contains(r.stdout, `a\nimported  forged.txt"`) || !strings.Contains(r.stdout, `b\x1b[2J.txt"`) {
		t.Errorf("the names are not shown quoted:\n%s", r.stdout)
	}
	for _, args := range [][]string{{"list"}, {"search", "harbours"}, {"show", "1"}, {"show", "2"}, {"show", "3"}} {
		r := folio(t, lib, args...)
		if r.code != 0 || strings.ContainsAny(r.stdout, "\x1b\x07") {
			t.Errorf("folio %v: exit %d, prints control characters:\n%q", args, r.code, r.stdout)
		}
	}
}
