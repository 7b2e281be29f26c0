package db

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Restore is a library file checked and copied beside the library it is to
// replace, waiting for that library to be closed. Restoring happens in
// steps so that the slow part, the copy, runs while the library stays open:
// PrepareRestore, then (with the library closed) Replace, and Undo if the
// restored file cannot be opened. Discard removes what was not used.
type Restore struct {
	info     LibraryInfo
	library  string
	staged   string // the checked copy, until it takes the library's place
	replaced string // where Replace moved the library
}

// PrepareRestore checks the file at src (see CheckLibrary) and copies it
// into the library's folder, where the copy is checked further (see
// checkRestoredCopy): a damaged file is ErrDamaged, and the library is
// not touched. The copy is made with VACUUM INTO from a
// read-only connection, so src is never changed and a library still in use
// elsewhere is copied as one consistent snapshot.
func PrepareRestore(ctx context.Context, src, library string) (*Restore, error) {
	library, err := filepath.Abs(library)
	if err != nil {
		return nil, err
	}
	if abs, err := filepath.Abs(src); err == nil {
		src = abs
	}
	if src == library || sameFile(src, library) {
		return nil, fmt.Errorf("%s is the library itself; choose a backup to restore", src)
	}
	info, err := CheckLibrary(ctx, src)
	if err != nil {
		return nil, damaged(err)
	}
	if err := os.MkdirAll(filepath.Dir(library), 0o755); err != nil {
		return nil, fmt.Errorf("create the library folder: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(library), filepath.Base(library)+".restore-*.tmp")
	if err != nil {
		return nil, fmt.Errorf("cannot write in the library's folder: %w", err)
	}
	tmp.Close()
	os.Remove(tmp.Name()) // VACUUM INTO writes only a new file
	conn, err := openReadOnly(src)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `VACUUM INTO ?`, tmp.Name()); err != nil {
		os.Remove(tmp.Name())
		return nil, damaged(fmt.Errorf("copy %s beside the library: %w", src, diskError(friendlyOpenError(err))))
	}
	if err := checkRestoredCopy(ctx, tmp.Name(), info.Schema); err != nil {
		os.Remove(tmp.Name())
		return nil, err
	}
	return &Restore{info: info, library: library, staged: tmp.Name()}, nil
}

// Info describes the library being restored; after Replace, Replaced says
// where the library it replaced was kept.
func (r *Restore) Info() LibraryInfo {
	info := r.info
	info.Replaced = r.replaced
	return info
}

// Replace puts the copy in the library's place. The library, which must be
// closed (see Store.Shutdown) and locked alone (see Store.Exclusive and
// LockAlone), is kept beside it as <library>.before-restore-<time>.bak,
// together with any write-ahead log still holding commits. It returns
// where the library was kept ("" when there was none). The library is
// kept under its second name before the copy is renamed over it, so that
// a crash at any moment leaves the old library or the new one in place,
// never none.
func (r *Restore) Replace() (string, error) {
	if r.staged == "" {
		return "", errors.New("nothing to restore: the copy was already used or discarded")
	}
	if fileExists(r.library) {
		kept := fmt.Sprintf("%s.before-restore-%s.bak", r.library, time.Now().Format("2006-01-02T15-04-05"))
		for i := 2; fileExists(kept); i++ {
			kept = fmt.Sprintf("%s.before-restore-%s-%d.bak", r.library, time.Now().Format("2006-01-02T15-04-05"), i)
		}
		if err := keepDatabase(r.library, kept); err != nil {
			return "", fmt.Errorf("keep the current library aside: %w", err)
		}
		r.replaced = kept
	}
	if err := os.Rename(r.staged, r.library); err != nil {
		if undo := r.Undo(); undo != nil {
			return "", fmt.Errorf("put the restored library in place: %w (and putting the old one back failed: %v)", err, undo)
		}
		return "", fmt.Errorf("put the restored library in place: %w", err)
	}
	r.staged = ""
	return r.replaced, nil
}

// keepDatabase gives a closed database a second name, kept, with its
// write-ahead log when that holds commits, and drops the log and the
// shared-memory index under the first name: a log left there would be
// replayed into the file that takes the name next. Where hard links are
// not to be had, the database is moved instead.
func keepDatabase(library, kept string) error {
	if err := os.Link(library, kept); err != nil {
		return moveDatabase(library, kept)
	}
	if st, err := os.Stat(library + "-wal"); err == nil && st.Size() > 0 {
		if err := os.Link(library+"-wal", kept+"-wal"); err != nil {
			os.Remove(kept)
			return moveDatabase(library, kept)
		}
	}
	os.Remove(library + "-wal")
	os.Remove(library + "-shm")
	return nil
}

// Undo puts the replaced library back after a Replace, for when the
// restored file cannot be opened. The library must be closed.
func (r *Restore) Undo() error {
	if r.replaced == "" {
		return nil
	}
	if err := removeDatabase(r.library); err != nil {
		return err
	}
	if err := moveDatabase(r.replaced, r.library); err != nil {
		return err
	}
	r.replaced = ""
	return nil
}

// Discard removes the copy if Replace never used it; defer it.
func (r *Restore) Discard() {
	if r.staged != "" {
		os.Remove(r.staged)
		r.staged = ""
	}
}

// moveDatabase renames a closed database file with its write-ahead log,
// when the log still holds commits, and drops its shared-memory index. A
// log left under the old name would be replayed into whatever file takes
// that name next.
func moveDatabase(from, to string) error {
	if err := os.Rename(from, to); err != nil {
		return err
	}
	if st, err := os.Stat(from + "-wal"); err == nil && st.Size() > 0 {
		if err := os.Rename(from+"-wal", to+"-wal"); err != nil {
			os.Rename(to, from)
			return err
		}
	}
	os.Remove(from + "-wal")
	os.Remove(from + "-shm")
	return nil
}

// removeDatabase deletes a closed database file and its journals.
func removeDatabase(path string) error {
	for _, suffix := range []string{"-wal", "-shm", "-journal", ""} {
		if err := os.Remove(path + suffix); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return nil
}

// Shutdown writes the write-ahead log into the library file, closes the
// store and waits until its last connection has closed (calls already
// running finish first), so that the file can be moved safely. New calls on
// the store fail once it has begun.
func (s *Store) Shutdown(ctx context.Context) error {
	// Best effort: a busy checkpoint leaves the log, which moveDatabase keeps.
	s.db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	s.db.Close()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for s.db.Stats().OpenConnections > 0 {
		select {
		case <-ctx.Done():
			return fmt.Errorf("close the library: calls still running: %w", ctx.Err())
		case <-tick.C:
		}
	}
	return nil
}
