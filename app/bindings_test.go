package app_test

import (
	"os"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"folio/app"
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
