package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"folio/db"
)

// BackupLibrary asks where to save a backup and writes a consistent copy of
// the library there while it stays in use (an import may be running). It
// returns the backup's path, or "" when the person cancelled.
func (a *App) BackupLibrary() (string, error) {
	name := "folio-backup-" + time.Now().Format("2006-01-02") + ".db"
	dest, err := a.host.SaveFile("Back up the library", name)
	if err != nil {
		return "", userError("back up the library", err)
	}
	if dest == "" {
		return "", nil
	}
	// The save dialog has already asked before replacing an existing file.
	if err := a.db().Backup(context.Background(), dest, true); err != nil {
		return "", userError("back up the library", err)
	}
	return dest, nil
}

// RestoreLibrary asks for a backup and restores it, as RestoreLibraryFrom
// does. An empty LibraryInfo means the person cancelled.
func (a *App) RestoreLibrary() (db.LibraryInfo, error) {
	path, err := a.host.OpenFile("Restore the library from a backup")
	if err != nil {
		return db.LibraryInfo{}, userError("choose a backup", err)
	}
	if path == "" {
		return db.LibraryInfo{}, nil
	}
	return a.RestoreLibraryFrom(path)
}

// RestoreLibraryFrom replaces the library with the backup at path. The
// backup is checked first (a damaged file, another program's database or
// one from a newer Folio is refused, and nothing changes); the library it
// replaces is kept beside it, at the Replaced path of the answer. A backup
// from an older Folio is upgraded. It is refused while an import runs.
func (a *App) RestoreLibraryFrom(path string) (db.LibraryInfo, error) {
	if err := a.mayRead(path); err != nil {
		return db.LibraryInfo{}, err
	}
	if !a.importMu.TryLock() {
		return db.LibraryInfo{}, errors.New("restore the library: an import is running; wait for it to finish or cancel it, then restore")
	}
	defer a.importMu.Unlock()
	ctx := context.Background()
	r, err := db.PrepareRestore(ctx, path, a.db().Path())
	if err != nil {
		return db.LibraryInfo{}, userError("restore the library", err)
	}
	defer r.Discard()
	if err := a.swapStore(ctx, r); err != nil {
		return db.LibraryInfo{}, userError("restore the library", err)
	}
	a.libraryChanged()
	return r.Info(), nil
}

// closeTimeout bounds the wait for calls in flight before a restore.
const closeTimeout = 30 * time.Second

// swapStore closes the library, puts the restored file in its place and
// opens it, while no call can take the library. When any step fails, the
// old library is back in place and open again.
func (a *App) swapStore(ctx context.Context, r *db.Restore) error {
	return a.lib.swap(func(old *db.Store) (*db.Store, error) {
		path := old.Path()
		// Another process with the library open would go on writing to
		// the file moved aside: refuse, and the library stays as it is.
		if err := old.Exclusive(); err != nil {
			return old, err
		}
		err := shutdownAndReplace(ctx, old, r)
		old.Close() // lets go of the lock, so the library can open again
		if err != nil {
			return reopen(ctx, path, err)
		}
		s, err := db.Open(ctx, path)
		if err != nil {
			kept := r.Info().Replaced
			if undo := r.Undo(); undo != nil {
				return nil, fmt.Errorf("the restored library does not open (%w), and putting the old one back failed (%v); it is kept at %s", err, undo, kept)
			}
			return reopen(ctx, path, fmt.Errorf("the restored library does not open, so the old one was put back: %w", err))
		}
		return s, nil
	})
}

// shutdownAndReplace closes the library once the calls in flight are done
// and puts the restored file in its place.
func shutdownAndReplace(ctx context.Context, old *db.Store, r *db.Restore) error {
	wait, cancel := context.WithTimeout(ctx, closeTimeout)
	defer cancel()
	if err := old.Shutdown(wait); err != nil {
		return err // nothing was moved: the library opens again where it is
	}
	_, err := r.Replace()
	return err
}

// reopen opens the library at path again after a failed restore and
// returns it with why the restore failed.
func reopen(ctx context.Context, path string, cause error) (*db.Store, error) {
	s, err := db.Open(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("%w; reopening the library also failed (%v): restart Folio", cause, err)
	}
	return s, cause
}
