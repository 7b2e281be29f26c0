package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// damagedError says why a backup was refused as damaged; it is ErrDamaged.
type damagedError struct{ why string }

func (e *damagedError) Error() string {
	return "the backup is damaged (" + e.why + "); choose another backup"
}
func (e *damagedError) Unwrap() error { return ErrDamaged }

// checkRestoredCopy checks the copy of a backup that is about to replace
// the library, beyond what CheckLibrary does: every full-text index must
// match the text it indexes, and the schema must be, object by object, the
// one Folio's migrations make at the backup's version. A file that passes
// SQLite's integrity check can still fail these: an index out of step
// with its text makes searches wrong, and a missing index or an extra
// trigger makes every search or the next import fail.
func checkRestoredCopy(ctx context.Context, path string, version int) error {
	conn, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		return err
	}
	defer conn.Close()
	conn.SetMaxOpenConns(1)
	got, err := readSchema(ctx, conn)
	if err != nil {
		return damaged(err)
	}
	want, err := migratedSchema(ctx, version)
	if err != nil {
		return fmt.Errorf("work out Folio's schema %d: %w", version, err)
	}
	if diff := schemaDifference(got, want); diff != "" {
		return &damagedError{why: diff}
	}
	for _, key := range sortedNames(got) {
		name, ok := strings.CutPrefix(key, "table ")
		if !ok || !strings.Contains(strings.ToLower(got[key]), "using fts5") {
			continue
		}
		// rank 1: also compare the index with the table its text is in.
		q := fmt.Sprintf(`INSERT INTO %q (%q, rank) VALUES ('integrity-check', 1)`, name, name)
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return &damagedError{why: fmt.Sprintf("its search index %s does not match its articles", name)}
		}
	}
	return nil
}

// IsDamagedBackup reports whether err is a backup refused as damaged,
// whose words say so plainly.
func IsDamagedBackup(err error) bool {
	var d *damagedError
	return errors.As(err, &d)
}

// damaged words a check's failure: a damaged file is said so in plain
// words, anything else is returned as it is.
func damaged(err error) error {
	var d *damagedError
	if errors.As(err, &d) || !errors.Is(Classify(err), ErrDamaged) {
		return err
	}
	return &damagedError{why: "its pages do not hold together"}
}

// schema maps each object's "type name" to its SQL with runs of white
// space made one space. SQLite's own objects are left out.
type schema map[string]string

var spaces = regexp.MustCompile(`\s+`)

func readSchema(ctx context.Context, conn *sql.DB) (schema, error) {
	rows, err := conn.QueryContext(ctx, `SELECT type, name, coalesce(sql, '') FROM sqlite_schema WHERE name NOT LIKE 'sqlite\_%' ESCAPE '\'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	s := schema{}
	for rows.Next() {
		var typ, name, text string
		if err := rows.Scan(&typ, &name, &text); err != nil {
			return nil, err
		}
		s[typ+" "+name] = strings.TrimSpace(spaces.ReplaceAllString(text, " "))
	}
	return s, rows.Err()
}

// schemaDifference names the first object in which got differs from
// want, or returns "".
func schemaDifference(got, want schema) string {
	for _, key := range sortedNames(want) {
		text, ok := got[key]
		switch {
		case !ok:
			return "it has no " + key
		case text != want[key]:
			return "its " + key + " is not Folio's"
		}
	}
	for _, key := range sortedNames(got) {
		if _, ok := want[key]; !ok {
			return "it has a " + key + " that Folio does not make"
		}
	}
	return ""
}

func sortedNames(s schema) []string {
	keys := make([]string, 0, len(s))
	for k := range s {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// migratedSchemas caches, per version, the schema the migrations make.
var migratedSchemas sync.Map

// migratedSchema is the schema of a new library migrated to version: it is
// made by running the migrations, so every later one is covered as it is
// added.
func migratedSchema(ctx context.Context, version int) (schema, error) {
	if s, ok := migratedSchemas.Load(version); ok {
		return s.(schema), nil
	}
	dir, err := os.MkdirTemp("", "folio-schema-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	st, err := openWithout(ctx, filepath.Join(dir, "library.db"))
	if err != nil {
		return nil, err
	}
	defer st.Close()
	if err := st.migrateTo(ctx, version); err != nil {
		return nil, err
	}
	s, err := readSchema(ctx, st.db)
	if err != nil {
		return nil, err
	}
	migratedSchemas.Store(version, s)
	return s, nil
}
