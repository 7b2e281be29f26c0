package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBackupThenRestore(t *testing.T) {
	lib := tagLibrary(t)
	backup := filepath.Join(t.TempDir(), "backup.db")
	r := folio(t, lib, "backup", backup)
	if r.code != 0 || !strings.Contains(r.stdout, "Backed up 3 articles") {
		t.Fatalf("backup: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = folio(t, lib, "backup", backup)
	if r.code != 1 || !strings.Contains(r.stderr, "already exists") || !strings.Contains(r.stderr, "--force") {
		t.Errorf("backup over an existing file: exit %d %s", r.code, r.stderr)
	}
	if r := folio(t, lib, "backup", "--force", backup); r.code != 0 {
		t.Errorf("backup --force: exit %d %s", r.code, r.stderr)
	}
	if r := folio(t, lib, "backup", lib); r.code != 1 || !strings.Contains(r.stderr, "the library itself") {
		t.Errorf("backup onto the library: exit %d %s", r.code, r.stderr)
	}

	// A fourth article after the backup goes away with the restore.
	extra := filepath.Join(t.TempDir(), "d.txt")
	os.WriteFile(extra, []byte("Harbour\n\nThe harbour opens in spring."), 0o644)
	folio(t, lib, "import", extra)
	r = folio(t, lib, "restore", backup)
	if r.code != 0 || !strings.Contains(r.stdout, "Restored") || !strings.Contains(r.stdout, "3 articles") {
		t.Fatalf("restore: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	kept := ""
	for _, line := range strings.Split(r.stdout, "\n") {
		if k, ok := strings.CutPrefix(line, "The library it replaced is kept at "); ok {
			kept = k
		}
	}
	if !strings.HasPrefix(kept, lib+".before-restore-") {
		t.Fatalf("restore did not say where the old library is:\n%s", r.stdout)
	}
	if got := decode[[]imported](t, folio(t, lib, "list", "--json").stdout); len(got) != 3 {
		t.Errorf("after the restore the library lists %d articles, want 3", len(got))
	}
	if got := decode[[]imported](t, folio(t, kept, "list", "--json").stdout); len(got) != 4 {
		t.Errorf("the kept library lists %d articles, want 4", len(got))
	}
}

func TestRestoreRefusesWhatIsNotALibrary(t *testing.T) {
	lib := tagLibrary(t)
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.db")
	os.WriteFile(notes, []byte(strings.Repeat("not a database ", 100)), 0o644)
	for _, c := range []struct{ file, want string }{
		{notes, "not a Folio library"},
		{filepath.Join(dir, "missing.db"), "does not exist"},
		{lib, "the library itself"},
	} {
		r := folio(t, lib, "restore", c.file)
		if r.code != 1 || !strings.Contains(r.stderr, c.want) || !strings.Contains(r.stderr, "not changed") {
			t.Errorf("restore %s: exit %d %q; want 1 saying %q", filepath.Base(c.file), r.code, r.stderr, c.want)
		}
	}
	if got := decode[[]imported](t, folio(t, lib, "list", "--json").stdout); len(got) != 3 {
		t.Errorf("a refused restore changed the library: %d articles", len(got))
	}
	entries, _ := os.ReadDir(filepath.Dir(lib))
	for _, e := range entries {
		if strings.Contains(e.Name(), "before-restore") || strings.Contains(e.Name(), ".restore-") {
			t.Errorf("a refused restore left %s", e.Name())
		}
	}
}

func TestBackupUsageErrors(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	for _, args := range [][]string{
		{"backup"},
		{"backup", "a.db", "b.db"},
		{"restore"},
		{"restore", "a.db", "b.db"},
		{"restore", "--nope", "a.db"},
	} {
		if r := folio(t, lib, args...); r.code != 2 || r.stderr == "" {
			t.Errorf("folio %q: exit %d, stderr %q; want 2 with a message", args, r.code, r.stderr)
		}
	}
	if r := folio(t, lib, "backup", filepath.Join(t.TempDir(), "b.db")); r.code != 1 || !strings.Contains(r.stderr, "no library at") {
		t.Errorf("backup of a library that does not exist: exit %d %q", r.code, r.stderr)
	}
}
