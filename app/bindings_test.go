package app_test

import (
	"errors"
	"fmt"
	"os"
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

func TestUserErrorsHideDatabaseInternals(t *testing.T) {
	for _, c := range []struct {
		err       error
		mustHave  string
		mustNotBe string
	}{
		{errors.New("list articles: SQL logic error: no such column: x (1)"), "could not read or write the library", "SQL"},
		{errors.New("import: database is locked (5) (SQLITE_BUSY)"), "busy", "SQLITE"},
		{fmt.Errorf("article 3: %w", db.ErrNotFound), "no longer exists", "not found"},
		{errors.New(`the tag name "" is empty`), `the tag name "" is empty`, "log"},
	} {
		got := app.UserError("do it", c.err).Error()
		if !strings.Contains(got, c.mustHave) || strings.Contains(got, c.mustNotBe) {
			t.Errorf("%v → %q; want it to say %q and not %q", c.err, got, c.mustHave, c.mustNotBe)
		}
	}
}
