package db_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"folio/db"
	"folio/db/corpus"
	"folio/db/dbtest"
)

// backupOf writes a backup of a library of n articles and returns its path.
func backupOf(t *testing.T, n int) string {
	t.Helper()
	s := dbtest.Open(t)
	var list []db.NewArticle
	for i := 0; i < n; i++ {
		list = append(list, db.NewArticle{Title: fmt.Sprintf("Harbour report %d", i),
			Body: strings.Repeat(fmt.Sprintf("The ferry %d sails from the harbour at dawn with cargo. ", i), 8)})
	}
	if _, err := s.ImportArticles(context.Background(), list); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(context.Background(), path, false); err != nil {
		t.Fatal(err)
	}
	return path
}

// alter runs statements on a copy of the backup and returns the copy.
func alter(t *testing.T, backup string, stmts ...string) string {
	t.Helper()
	data, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "altered.db")
	os.WriteFile(path, data, 0o644)
	conn, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, q := range stmts {
		if _, err := conn.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	return path
}

// restoreRefused asserts that restoring src is refused as damaged, with
// words that say so, and that the library is left as it was.
func restoreRefused(t *testing.T, src, mustSay string) {
	t.Helper()
	s := smallLibrary(t)
	before := articleCount(t, s)
	_, err := db.PrepareRestore(context.Background(), src, s.Path())
	if !errors.Is(err, db.ErrDamaged) || !strings.Contains(err.Error(), "the backup is damaged") ||
		!strings.Contains(err.Error(), mustSay) {
		t.Errorf("restoring it: %v; want \"the backup is damaged\" and %q", err, mustSay)
	}
	if n := articleCount(t, s); n != before {
		t.Errorf("the refused restore changed the library: %d articles, had %d", n, before)
	}
	if leftovers, _ := filepath.Glob(s.Path() + ".restore-*"); len(leftovers) != 0 {
		t.Errorf("the refused restore left %v", leftovers)
	}
}

func TestRestoreRefusesASchemaNotFolios(t *testing.T) {
	backup := backupOf(t, 5)
	for _, c := range []struct {
		name, mustSay string
		stmts         []string
	}{
		{"no search index", "articles_fts", []string{`DROP TABLE articles_fts`}},
		{"an extra trigger", "trigger sneak", []string{
			`CREATE TRIGGER sneak AFTER INSERT ON articles BEGIN DELETE FROM tags; END`}},
		{"an index out of step", "search index articles_fts", []string{
			`INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')`}},
		{"an altered trigger", "trigger articles_fts_insert", []string{
			`DROP TRIGGER articles_fts_insert`,
			`CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN SELECT 1; END`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			restoreRefused(t, alter(t, backup, c.stmts...), c.mustSay)
		})
	}
}

func TestRestoreRefusesADamagedFile(t *testing.T) {
	backup := backupOf(t, 40)
	data, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	// Pages of garbage in the middle of the file.
	for i := len(data) / 3; i < len(data)/3+8192 && i < len(data); i++ {
		data[i] = byte(i * 7)
	}
	path := filepath.Join(t.TempDir(), "damaged.db")
	os.WriteFile(path, data, 0o644)
	restoreRefused(t, path, "choose another backup")
	_, err = db.PrepareRestore(context.Background(), path, filepath.Join(t.TempDir(), "library.db"))
	if err != nil && (strings.Contains(err.Error(), "connection hook") || strings.Contains(err.Error(), "error 11")) {
		t.Errorf("the refusal speaks SQLite: %v", err)
	}
}

// Backups with ten random bytes changed: each is refused, or what is
// restored is whole (a change can land where nothing is stored).
func TestRestoreOfFlippedBytes(t *testing.T) {
	backup := backupOf(t, 40)
	clean, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	refused := 0
	for seed := int64(1); seed <= 20; seed++ {
		rng := rand.New(rand.NewSource(seed))
		data := append([]byte(nil), clean...)
		for i := 0; i < 10; i++ {
			data[100+rng.Intn(len(data)-100)] ^= byte(1 + rng.Intn(255))
		}
		src := filepath.Join(t.TempDir(), "flipped.db")
		os.WriteFile(src, data, 0o644)
		lib := filepath.Join(t.TempDir(), "library.db")
		r, err := db.PrepareRestore(context.Background(), src, lib)
		if err != nil {
			refused++
			if !strings.Contains(err.Error(), "the backup is damaged") {
				t.Errorf("seed %d: the refusal speaks SQLite: %v", seed, err)
			}
			continue
		}
		if _, err := r.Replace(); err != nil {
			t.Fatal(err)
		}
		r.Discard()
		assertWhole(t, lib, fmt.Sprintf("seed %d", seed))
	}
	t.Logf("%d of 20 backups with flipped bytes refused; the others restored whole", refused)
}

// assertWhole opens the library at path and checks it the way a person
// would find out otherwise: integrity, every search index, a search.
func assertWhole(t *testing.T, path, what string) {
	t.Helper()
	s, err := db.Open(context.Background(), path)
	if err != nil {
		t.Errorf("%s: the restored library does not open: %v", what, err)
		return
	}
	defer s.Close()
	if err := s.IntegrityCheck(context.Background()); err != nil {
		t.Errorf("%s: %v", what, err)
	}
	for _, index := range []string{"articles_fts", "annotations_fts"} {
		if _, err := s.DB().Exec(fmt.Sprintf(`INSERT INTO %s (%s, rank) VALUES ('integrity-check', 1)`, index, index)); err != nil {
			t.Errorf("%s: the restored %s does not match its text: %v", what, index, err)
		}
	}
	if _, err := s.Search(context.Background(), db.SearchRequest{Query: "harbour", Limit: 5}); err != nil {
		t.Errorf("%s: a search in the restored library: %v", what, err)
	}
}

// BenchmarkPrepareRestore measures the checks and the copy a restore makes
// before it replaces anything, at FOLIO_BENCH_ARTICLES articles (2,000 by
// default): go test ./db -run '^$' -bench PrepareRestore -benchtime 1x
func BenchmarkPrepareRestore(b *testing.B) {
	n := 2000
	if v, err := strconv.Atoi(os.Getenv("FOLIO_BENCH_ARTICLES")); err == nil && v > 0 {
		n = v
	}
	s, err := db.Open(context.Background(), filepath.Join(b.TempDir(), "library.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	gen := corpus.New(5, "")
	for i := 0; i < n; i += 500 {
		var batch []db.NewArticle
		for j := i; j < min(i+500, n); j++ {
			a := gen.Next(j)
			batch = append(batch, db.NewArticle{Title: a.Title, Body: a.Body, Published: a.Published})
		}
		if _, err := s.ImportArticles(context.Background(), batch); err != nil {
			b.Fatal(err)
		}
	}
	backup := filepath.Join(b.TempDir(), "backup.db")
	if err := s.Backup(context.Background(), backup, false); err != nil {
		b.Fatal(err)
	}
	lib := filepath.Join(b.TempDir(), "library.db")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := db.PrepareRestore(context.Background(), backup, lib)
		if err != nil {
			b.Fatal(err)
		}
		r.Discard()
	}
	st, _ := os.Stat(backup)
	b.ReportMetric(float64(st.Size())/(1<<20), "MB")
}
