package app_test

import (
	"context"
	"encoding/base64"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"folio/app"
	"folio/db"
)

func TestBackupLibrary(t *testing.T) {
	a, h, _ := libraryApp(t)
	h.savePath = filepath.Join(t.TempDir(), "folio-backup.db")
	path, err := a.BackupLibrary()
	if err != nil || path != h.savePath {
		t.Fatalf("BackupLibrary = %q, %v", path, err)
	}
	if info, err := db.CheckLibrary(context.Background(), path); err != nil || info.Articles != 2 {
		t.Errorf("the backup: %+v, %v", info, err)
	}
	// The save dialog asks before replacing; a second backup replaces the first.
	if _, err := a.BackupLibrary(); err != nil {
		t.Errorf("backing up over the earlier backup: %v", err)
	}
	h.savePath = ""
	if path, err := a.BackupLibrary(); path != "" || err != nil {
		t.Errorf("cancelled dialog: %q, %v", path, err)
	}
	h.dialog = app.ErrNotAvailable
	if _, err := a.BackupLibrary(); err == nil {
		t.Error("backing up without a save dialog succeeded")
	}
}

func TestRestoreLibrary(t *testing.T) {
	a, h, ids := libraryApp(t)
	backup := filepath.Join(t.TempDir(), "backup.db")
	h.savePath = backup
	if _, err := a.BackupLibrary(); err != nil {
		t.Fatal(err)
	}
	a.TrashArticles(ids[:1])
	a.EmptyTrash()
	h.changed()

	h.openPath = backup
	info, err := a.RestoreLibrary()
	if err != nil {
		t.Fatal(err)
	}
	lib := a.Info().Library
	if info.Articles != 2 || !strings.HasPrefix(info.Replaced, lib+".before-restore-") {
		t.Errorf("RestoreLibrary = %+v", info)
	}
	if !h.changed() {
		t.Error("restoring did not emit library:changed")
	}
	if page, err := a.ListArticles(app.ListParams{}); err != nil || page.Total != 2 {
		t.Errorf("after the restore the library lists %d articles (%v), want 2", page.Total, err)
	}
	if kept, err := db.CheckLibrary(context.Background(), info.Replaced); err != nil || kept.Articles != 1 {
		t.Errorf("the replaced library, kept: %+v, %v", kept, err)
	}

	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, []byte("not a library"), 0o644)
	_, err = a.RestoreLibraryFrom(junk)
	if err == nil || !strings.Contains(err.Error(), "not a Folio library") {
		t.Errorf("restoring junk: %v", err)
	}
	if page, err := a.ListArticles(app.ListParams{}); err != nil || page.Total != 2 {
		t.Errorf("a refused restore changed the library: %d articles, %v", page.Total, err)
	}
	h.openPath = ""
	if info, err := a.RestoreLibrary(); err != nil || info != (db.LibraryInfo{}) {
		t.Errorf("cancelled dialog: %+v, %v", info, err)
	}
}

// Calls keep coming while the library is swapped: each either works on one
// of the two libraries or says the library was being replaced.
func TestRestoreWhileCallsRun(t *testing.T) {
	a, h, _ := libraryApp(t)
	backup := filepath.Join(t.TempDir(), "backup.db")
	h.savePath = backup
	if _, err := a.BackupLibrary(); err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				_, err := a.ListArticles(app.ListParams{Limit: 10})
				if err == nil {
					_, err = a.ViewCounts()
				}
				if err != nil && !strings.Contains(err.Error(), "being replaced") {
					select {
					case errs <- err:
					default:
					}
				}
			}
		}()
	}
	for i := 0; i < 3; i++ {
		if _, err := a.RestoreLibraryFrom(backup); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("a call during the restore: %v", err)
	}
	if counts, err := a.ViewCounts(); err != nil || counts.All != 2 {
		t.Errorf("after the restores: %+v, %v", counts, err)
	}
}

func TestRestoreWaitsForNoImport(t *testing.T) {
	a, h, _ := libraryApp(t)
	backup := filepath.Join(t.TempDir(), "backup.db")
	h.savePath = backup
	if _, err := a.BackupLibrary(); err != nil {
		t.Fatal(err)
	}
	h.holdImport, h.reached = make(chan struct{}), make(chan struct{})
	done := make(chan error)
	go func() {
		_, err := a.ImportUploads([]app.Upload{{Name: "harbour.txt",
			Base64: base64.StdEncoding.EncodeToString([]byte("Harbour\n\nThe harbour opens in spring."))}}, app.ImportOptions{})
		done <- err
	}()
	<-h.reached // the import is running, held at its progress report
	_, err := a.RestoreLibraryFrom(backup)
	if err == nil || !strings.Contains(err.Error(), "an import is running") {
		t.Errorf("restore during an import: %v, want a refusal", err)
	}
	close(h.holdImport)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, err := a.RestoreLibraryFrom(backup); err != nil {
		t.Errorf("restore after the import: %v", err)
	}
}

// Another program with the library open would go on writing to the file a
// restore moves aside: the restore is refused and nothing changes.
func TestRestoreRefusedWhileTheLibraryIsOpenElsewhere(t *testing.T) {
	a, h, _ := libraryApp(t)
	backup := filepath.Join(t.TempDir(), "backup.db")
	h.savePath = backup
	if _, err := a.BackupLibrary(); err != nil {
		t.Fatal(err)
	}
	other, err := db.Open(context.Background(), a.Info().Library)
	if err != nil {
		t.Fatal(err)
	}
	_, err = a.RestoreLibraryFrom(backup)
	if !errors.Is(err, db.ErrLibraryInUse) || !strings.HasPrefix(err.Error(), "cannot restore the library: the library is open in") {
		t.Errorf("restore while the library is open elsewhere: %v", err)
	}
	if matches, _ := filepath.Glob(a.Info().Library + ".before-restore-*"); len(matches) != 0 {
		t.Errorf("the refused restore moved the library aside: %v", matches)
	}
	if _, err := a.ViewCounts(); err != nil {
		t.Errorf("after the refusal the library does not answer: %v", err)
	}
	other.Close()
	if _, err := a.RestoreLibraryFrom(backup); err != nil {
		t.Errorf("restore once the other is closed: %v", err)
	}
}

// One browser-mode import sends at most MaxUploadTotal bytes of files; more
// is refused before anything is decoded.
func TestImportUploadsIsBounded(t *testing.T) {
	a, _, _ := libraryApp(t)
	part := base64.StdEncoding.EncodeToString(make([]byte, app.MaxUploadTotal/3+1024))
	_, err := a.ImportUploads([]app.Upload{{Name: "a.txt", Base64: part}, {Name: "b.txt", Base64: part}, {Name: "c.txt", Base64: part}}, app.ImportOptions{})
	if err == nil || !strings.Contains(err.Error(), "one import can send") {
		t.Errorf("uploads over the limit: %v", err)
	}
}
