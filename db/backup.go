package db

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// LibraryInfo describes a library file: where it is, what it holds and the
// schema version it was written with.
type LibraryInfo struct {
	Path        string `json:"path"`
	Articles    int    `json:"articles"` // outside the Trash
	Annotations int    `json:"annotations"`
	Schema      int    `json:"schema"`
	// Replaced is where a restore kept the library it replaced; "" otherwise.
	Replaced string `json:"replaced"`
}

// Backup writes a consistent copy of the library to dest with VACUUM INTO,
// while the library stays in use: the copy is one snapshot, so an import
// running meanwhile is in it batch by batch, never half a batch. The copy is
// written beside dest and renamed into place, so dest is never a partial
// file. An existing dest is ErrConflict unless overwrite is set; the library
// itself (or its journal) is never a destination.
func (s *Store) Backup(ctx context.Context, dest string, overwrite bool) error {
	dest, err := s.backupDest(dest, overwrite)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write in the folder of %s: %w", dest, err)
	}
	tmp.Close()
	// VACUUM INTO refuses an existing file, even an empty one.
	os.Remove(tmp.Name())
	defer os.Remove(tmp.Name())
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, tmp.Name()); err != nil {
		return fmt.Errorf("write %s: %w", dest, diskError(err))
	}
	if err := os.Rename(tmp.Name(), dest); err != nil {
		return fmt.Errorf("write %s: %w", dest, err)
	}
	return nil
}

// backupDest checks a backup's destination and returns it absolute.
func (s *Store) backupDest(dest string, overwrite bool) (string, error) {
	if strings.TrimSpace(dest) == "" {
		return "", errors.New("choose a file to write the backup to")
	}
	dest, err := filepath.Abs(dest)
	if err != nil {
		return "", fmt.Errorf("%s: %w", dest, err)
	}
	if s.isLibraryFile(dest) {
		return "", fmt.Errorf("%s is the library itself; write the backup to another file", dest)
	}
	dir, err := os.Stat(filepath.Dir(dest))
	if err != nil || !dir.IsDir() {
		return "", fmt.Errorf("cannot write %s: the folder %s does not exist", dest, filepath.Dir(dest))
	}
	info, err := os.Stat(dest)
	switch {
	case err == nil && info.IsDir():
		return "", fmt.Errorf("%s is a folder; choose a file name for the backup", dest)
	case err == nil && !overwrite:
		return "", &conflictError{fmt.Sprintf("%s already exists; choose another name or allow replacing it", dest)}
	case err != nil && !errors.Is(err, os.ErrNotExist):
		return "", fmt.Errorf("%s: %w", dest, err)
	}
	return dest, nil
}

// isLibraryFile reports whether path is the library, one of its journals
// or its lock file.
func (s *Store) isLibraryFile(path string) bool {
	lib, err := filepath.Abs(s.path)
	if err != nil {
		lib = s.path
	}
	for _, suffix := range []string{"", "-wal", "-shm", "-journal", ".lock"} {
		if path == lib+suffix || sameFile(path, lib+suffix) {
			return true
		}
	}
	return false
}

func sameFile(a, b string) bool {
	ia, err := os.Stat(a)
	if err != nil {
		return false
	}
	ib, err := os.Stat(b)
	return err == nil && os.SameFile(ia, ib)
}

// diskError words the disk problems a person can fix.
func diskError(err error) error {
	err = Classify(err)
	switch {
	case errors.Is(err, ErrDiskFull):
		return fmt.Errorf("the disk is full: %w", err)
	case errors.Is(err, ErrUnwritable):
		return fmt.Errorf("the file cannot be written (check the folder's permissions): %w", err)
	}
	return err
}

// sqliteMagic starts every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// folioTables are the tables every version of Folio's schema has.
var folioTables = []string{"schema_migrations", "articles", "tags", "article_tags", "annotations"}

// CheckLibrary opens a library file without changing it and checks that it
// is whole (PRAGMA integrity_check), that it is a Folio library, and that
// this Folio can open it (ErrNewerLibrary otherwise). It says what it holds.
func CheckLibrary(ctx context.Context, path string) (LibraryInfo, error) {
	abs, err := filepath.Abs(path)
	if err == nil {
		path = abs
	}
	info := LibraryInfo{Path: path}
	if err := looksLikeSQLite(path); err != nil {
		return info, err
	}
	conn, err := openReadOnly(path)
	if err != nil {
		return info, err
	}
	defer conn.Close()
	if err := integrityCheck(ctx, conn); err != nil {
		return info, fmt.Errorf("%s: %w", path, friendlyOpenError(err))
	}
	for _, table := range folioTables {
		var n int
		if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?`, table).Scan(&n); err != nil {
			return info, fmt.Errorf("%s: %w", path, friendlyOpenError(err))
		}
		if n == 0 {
			return info, fmt.Errorf("%s is an SQLite database but not a Folio library (it has no %s table)", path, table)
		}
	}
	if err := conn.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&info.Schema); err != nil {
		return info, fmt.Errorf("%s: %w", path, friendlyOpenError(err))
	}
	switch {
	case info.Schema <= 0:
		return info, fmt.Errorf("%s is not a Folio library (it records no schema version)", path)
	case info.Schema > SchemaVersion():
		return info, fmt.Errorf("%s: %w (library schema %d, this Folio knows up to %d)", path, ErrNewerLibrary, info.Schema, SchemaVersion())
	}
	err = conn.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles WHERE deleted_at IS NULL),
		(SELECT count(*) FROM annotations)`).Scan(&info.Articles, &info.Annotations)
	if err != nil {
		return info, fmt.Errorf("%s: %w", path, friendlyOpenError(err))
	}
	return info, nil
}

// looksLikeSQLite refuses, in words, what is not an SQLite file at all.
func looksLikeSQLite(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%s does not exist", path)
	}
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", path, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return fmt.Errorf("%s is a folder, not a library file", path)
	}
	head := make([]byte, len(sqliteMagic))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, sqliteMagic) {
		return fmt.Errorf("%s is not a Folio library (it is not an SQLite database)", path)
	}
	return nil
}

// openReadOnly opens a database file so that nothing can change it. A file
// with no write-ahead log beside it is opened immutable, which creates no
// -wal or -shm file next to it either; one with a log (a library another
// Folio has open) is opened read-only so the log's commits are seen.
func openReadOnly(path string) (*sql.DB, error) {
	q := url.Values{}
	if fileExists(path + "-wal") {
		q.Set("mode", "ro")
	} else {
		q.Set("immutable", "1")
	}
	q.Add("_pragma", "busy_timeout(10000)")
	conn, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	conn.SetMaxOpenConns(1)
	return conn, nil
}
