// Package db is Folio's store: one SQLite file holding articles, tags,
// annotations and their full-text indexes.
package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// ErrNotFound is returned when a requested row does not exist.
var ErrNotFound = errors.New("not found")

// ErrConflict is returned when a change would break a uniqueness rule.
var ErrConflict = errors.New("conflict")

// Store is the library database. It is safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string
	now  func() time.Time
	// search is what searches keep between calls: the per-article data
	// and the last results, for the library's current state.
	search *searchState
	names  *nameCache // every article's names, for filters and facets
	// nameIDs remembers the ids of names for imports.
	nameIDs *nameIDs
	// oldSchema is set on a library kept at an older schema (in tests of
	// migrations), which has no tables for names.
	oldSchema bool
	// lock is held shared while the store is open (see libraryLock).
	lock *libraryLock

	// BackupPath is set when Open backed up an older library before
	// migrating it, so the caller can tell the person where it went.
	BackupPath string
}

// Open opens (creating if needed) the library at path and brings its schema
// up to date. A library written by a newer Folio is refused, untouched.
func Open(ctx context.Context, path string) (*Store, error) {
	if err := refuseNewer(ctx, path); err != nil {
		return nil, err
	}
	lock, err := lockShared(ctx, path)
	if err != nil {
		return nil, err
	}
	s, err := openWithout(ctx, path)
	if err != nil {
		lock.close()
		return nil, err
	}
	s.lock = lock
	if err := s.migrateAlone(ctx); err != nil {
		s.Close()
		return nil, err
	}
	// An import killed while it had paused the indexes' merging left them
	// so; resume it.
	if paused, err := s.mergingPaused(ctx); err == nil && paused {
		s.setAutomerge(ctx, defaultAutomerge)
	}
	return s, nil
}

// openWithout opens the file without touching its schema.
func openWithout(ctx context.Context, path string) (*Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create library folder: %w", err)
		}
	}
	sqldb, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("open library %s: %w", path, err)
	}
	// Readers run in parallel (search splits its ranking over connections);
	// writers serialise on SQLite's lock, waited for by busy_timeout.
	sqldb.SetMaxOpenConns(max(4, runtime.NumCPU()+2))
	sqldb.SetMaxIdleConns(max(4, runtime.NumCPU()+2))
	sqldb.SetConnMaxIdleTime(0)
	s := &Store{db: sqldb, path: path, now: time.Now, search: &searchState{}, names: &nameCache{},
		nameIDs: &nameIDs{}}
	if err := s.ping(ctx); err != nil {
		sqldb.Close()
		return nil, err
	}
	return s, nil
}

// dsn puts the pragmas in the connection string so that every pooled
// connection gets them, not only the first one.
func dsn(path string) string {
	q := url.Values{}
	q.Add("_pragma", "journal_mode(WAL)")   // readers never block the writer
	q.Add("_pragma", "busy_timeout(10000)") // wait for the writer instead of failing
	q.Add("_pragma", "foreign_keys(1)")     // tags and annotations follow their article
	q.Add("_pragma", "synchronous(NORMAL)") // safe with WAL: a crash loses no committed data
	q.Add("_pragma", "cache_size(-32000)")  // 32 MB page cache per connection
	q.Add("_pragma", "temp_store(MEMORY)")  // sorts for facets stay off disk
	q.Add("_pragma", "mmap_size(0)")        // no mapping: a mapped library counts whole in the process's memory
	q.Set("_txlock", "immediate")           // take the write lock at BEGIN, never mid-transaction
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

func (s *Store) ping(ctx context.Context) error {
	var mode string
	if err := s.db.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
		return fmt.Errorf("open library %s: %w", s.path, friendlyOpenError(err))
	}
	return nil
}

// friendlyOpenError turns SQLite's "file is not a database" into words a
// person can act on.
func friendlyOpenError(err error) error {
	err = Classify(err)
	if errors.Is(err, ErrDamaged) {
		return fmt.Errorf("the file is not a Folio library or is damaged: %w", err)
	}
	return err
}

// Path is the library file.
func (s *Store) Path() string { return s.path }

// Close closes the database and lets go of its lock.
func (s *Store) Close() error {
	err := s.db.Close()
	if lerr := s.lock.close(); err == nil {
		err = lerr
	}
	return err
}

// SetClock replaces the clock used for timestamps; tests use it.
func (s *Store) SetClock(now func() time.Time) { s.now = now }

func (s *Store) timestamp() string {
	return s.now().UTC().Format(time.RFC3339)
}

// IntegrityCheck runs PRAGMA integrity_check and returns an error describing
// the first problems when the file is damaged.
func (s *Store) IntegrityCheck(ctx context.Context) error {
	return integrityCheck(ctx, s.db)
}

func integrityCheck(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) error {
	rows, err := q.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return fmt.Errorf("integrity check: %w", Classify(err))
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return fmt.Errorf("integrity check: %w", err)
		}
		if line != "ok" && len(problems) < 5 {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	if len(problems) > 0 {
		return &kindError{kind: ErrDamaged, err: fmt.Errorf("the library is damaged: %v", problems)}
	}
	return nil
}

// withTx runs fn in a write transaction, committing when it returns nil.
func (s *Store) withTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	return nil
}

// DB exposes the database handle to tests and maintenance commands in this
// module; the app goes through Store's methods.
func (s *Store) DB() *sql.DB { return s.db }

// queryIDs runs a statement whose rows are one id each and returns them
// in order ([] when there are none).
func queryIDs(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, stmt string, args ...any) ([]int64, error) {
	rows, err := q.QueryContext(ctx, stmt, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := []int64{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
