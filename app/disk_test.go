package app_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"folio/app"
)

// In the browser mode a page reads files from disk only inside the folders
// the owner named: not by naming another path, not through a symlink.
func TestBrowserModeReadsOnlyChosenFolders(t *testing.T) {
	a, h, _ := libraryApp(t)
	chosen, elsewhere := t.TempDir(), t.TempDir()
	secret := filepath.Join(elsewhere, "secret.txt")
	os.WriteFile(secret, []byte("Secret\n\nThe owner's private notes."), 0o600)
	os.WriteFile(filepath.Join(chosen, "harbour.txt"), []byte("Harbour\n\nThe harbour opens in spring."), 0o644)
	if err := os.Symlink(secret, filepath.Join(chosen, "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := app.LimitDiskAccess(a, []string{chosen}); err != nil {
		t.Fatal(err)
	}

	for _, p := range []string{secret, elsewhere, filepath.Join(chosen, "..", filepath.Base(elsewhere), "secret.txt")} {
		if _, err := a.ImportPaths([]string{p}, app.ImportOptions{}); err == nil || !strings.Contains(err.Error(), "--import-from") {
			t.Errorf("importing %s: %v; want a refusal", p, err)
		}
	}
	rep, err := a.ImportPaths([]string{chosen}, app.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range rep.Results {
		got[filepath.Base(r.Path)] = r.Status + " " + r.Error
	}
	if got["harbour.txt"] != "imported " || !strings.HasPrefix(got["link.txt"], "skipped outside the folders") {
		t.Errorf("importing the chosen folder: %v", got)
	}
	h.savePath = filepath.Join(elsewhere, "backup.db")
	if _, err := a.BackupLibrary(); err != nil {
		t.Fatal(err)
	}
	if _, err := a.RestoreLibraryFrom(h.savePath); err == nil || !strings.Contains(err.Error(), "--import-from") {
		t.Errorf("restoring from outside the chosen folders: %v", err)
	}
	if page, err := a.ListArticles(app.ListParams{}); err != nil || page.Total != 3 {
		t.Errorf("the library holds %d articles (%v), want the 2 it had and harbour", page.Total, err)
	}
}

// The desktop window reads what the person chose in its dialogs or dropped.
func TestDesktopReadsAnyPath(t *testing.T) {
	a, _, _ := libraryApp(t)
	file := filepath.Join(t.TempDir(), "harbour.txt")
	os.WriteFile(file, []byte("Harbour\n\nThe harbour opens in spring."), 0o644)
	if rep, err := a.ImportPaths([]string{file}, app.ImportOptions{}); err != nil || rep.Imported != 1 {
		t.Errorf("desktop import: %+v, %v", rep.Counts, err)
	}
}
