package db

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// ErrNewerLibrary is returned when the library was written by a newer Folio
// than this one; it is left untouched.
var ErrNewerLibrary = errors.New("this library was written by a newer version of Folio; update Folio to open it")

type migration struct {
	version int
	name    string
	sql     string
}

// migrations lists the embedded migration files in version order. Files are
// named NNN_description.sql; the number is the schema version they produce.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var list []migration
	for _, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		num, _, ok := strings.Cut(base, "_")
		version, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number and _", base)
		}
		body, err := migrationFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		list = append(list, migration{version: version, name: base, sql: string(body)})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].version < list[j].version })
	return list, nil
}

// SchemaVersion is the newest schema this build knows.
func SchemaVersion() int {
	list, err := migrations()
	if err != nil || len(list) == 0 {
		return 0
	}
	return list[len(list)-1].version
}

// migrate applies every migration newer than the library, each in its own
// transaction together with its record in schema_migrations. An existing
// library is copied aside first, so a failed or unwanted upgrade loses nothing.
func (s *Store) migrate(ctx context.Context) error {
	return s.migrateTo(ctx, SchemaVersion())
}

func (s *Store) migrateTo(ctx context.Context, target int) error {
	list, err := migrations()
	if err != nil {
		return err
	}
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY,
		name TEXT NOT NULL,
		applied_at TEXT NOT NULL
	)`); err != nil {
		return fmt.Errorf("open library %s: %w", s.path, friendlyOpenError(err))
	}
	current, err := s.currentVersion(ctx)
	if err != nil {
		return err
	}
	if current > SchemaVersion() {
		return fmt.Errorf("%s: %w (library schema %d, this Folio knows up to %d)", s.path, ErrNewerLibrary, current, SchemaVersion())
	}
	if current > 0 && current < target {
		if err := s.backupBeforeMigrate(ctx, current); err != nil {
			return err
		}
	}
	for _, m := range list {
		if m.version <= current || m.version > target {
			continue
		}
		if err := s.apply(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) currentVersion(ctx context.Context) (int, error) {
	var v sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return int(v.Int64), nil
}

func (s *Store) apply(ctx context.Context, m migration) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if step := migrationSteps[m.version]; step != nil {
		if err := step(ctx, tx); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.version, m.name, s.timestamp()); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	return nil
}

// backupBeforeMigrate writes library.db.schemaN.bak beside the library.
func (s *Store) backupBeforeMigrate(ctx context.Context, version int) error {
	dest := fmt.Sprintf("%s.schema%d.bak", s.path, version)
	for i := 2; fileExists(dest); i++ {
		dest = fmt.Sprintf("%s.schema%d-%d.bak", s.path, version, i)
	}
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, dest); err != nil {
		return fmt.Errorf("back up the library before upgrading it: %w", err)
	}
	s.BackupPath = dest
	return nil
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// migrationSteps are the parts of migrations SQL cannot do, run after the
// migration's SQL in its transaction. The SQL files stay plain SQL, which
// any SQLite (the sqlite3 tool's too) can run.
var migrationSteps = map[int]func(context.Context, *sql.Tx) error{
	9: rehashDerivedTitles,
}

// rehashDerivedTitles leaves the titles migration 009 marks derived out of
// their articles' content hash (see ArticleHash), so that the same file
// imported again finds its article whatever title an older Folio made. A
// hash another article holds already is kept as it was.
func rehashDerivedTitles(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, body FROM articles WHERE title_derived = 1`)
	if err != nil {
		return err
	}
	hashes := map[int64]string{}
	for rows.Next() {
		var id int64
		var body string
		if err := rows.Scan(&id, &body); err != nil {
			rows.Close()
			return err
		}
		hashes[id] = ArticleHash("", true, body)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for id, hash := range hashes {
		if _, err := tx.ExecContext(ctx, `UPDATE OR IGNORE articles SET content_hash = ? WHERE id = ?`, hash, id); err != nil {
			return err
		}
	}
	return nil
}
