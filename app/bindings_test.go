package app_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"folio/app"
	"folio/db"
)

// The frontend's bindings are generated ("make bindings") and committed;
// this catches a bound method added, removed or renamed without them.
func TestGeneratedBindingsMatchTheApp(t *testing.T) {
	src, err := os.ReadFile("../frontend/wailsjs/go/app/App.d.ts")
	if err != nil {
		t.Fatal(err)
	}
	var generated []string
	for _, m := range regexp.MustCompile(`export function (\w+)\(`).FindAllStringSubmatch(string(src), -1) {
		generated = append(generated, m[1])
	}
	var bound []string
	typ := reflect.TypeOf(&app.App{})
	for i := 0; i < typ.NumMethod(); i++ {
		bound = append(bound, typ.Method(i).Name)
	}
	sort.Strings(generated)
	sort.Strings(bound)
	if strings.Join(generated, ",") != strings.Join(bound, ",") {
		t.Errorf("frontend/wailsjs is out of date; run make bindings\n generated: %v\n bound:     %v", generated, bound)
	}
}

// driverErrors makes real errors of the database driver: a bad statement,
// a write while another connection holds the write lock, a file that is
// not a database.
func driverErrors(t *testing.T) (internal, busy, damaged error) {
	t.Helper()
	dir := t.TempDir()
	s, err := db.Open(context.Background(), filepath.Join(dir, "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, internal = s.DB().Exec(`SELECT x FROM articles`)

	holder, err := s.DB().Begin() // BEGIN IMMEDIATE: the write lock
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Rollback()
	other, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "library.db")+"?_pragma=busy_timeout(0)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	_, busy = other.Exec(`INSERT INTO settings (key, value) VALUES ('k', 'v')`)

	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte(strings.Repeat("not a database ", 300)), 0o644)
	conn, err := sql.Open("sqlite", "file:"+junk)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_, damaged = conn.Exec(`SELECT * FROM sqlite_schema`)
	for _, err := range []error{internal, busy, damaged} {
		if err == nil {
			t.Fatal("the driver did not fail where it should")
		}
	}
	return internal, busy, damaged
}

func TestUserErrorsHideDatabaseInternals(t *testing.T) {
	internal, busy, damaged := driverErrors(t)
	for _, c := range []struct {
		err       error
		mustHave  string
		mustNotBe string
	}{
		{fmt.Errorf("list articles: %w", internal), "could not read or write the library", "SQL"},
		{fmt.Errorf("import: %w", busy), "busy", "SQLITE"},
		{fmt.Errorf("open: %w", damaged), "damaged", "not a database"},
		{fmt.Errorf("article 3: %w", db.ErrNotFound), "no longer exists", "not found"},
		{errors.New(`the tag name "" is empty`), `the tag name "" is empty`, "log"},
	} {
		got := app.UserError("do it", c.err).Error()
		if !strings.Contains(got, c.mustHave) || strings.Contains(got, c.mustNotBe) {
			t.Errorf("%v → %q; want it to say %q and not %q", c.err, got, c.mustHave, c.mustNotBe)
		}
	}
}
