package db_test

import (
	"context"
	"strings"
	"testing"

	"folio/db"
	"folio/db/dbtest"
)

func TestSettings(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	if got, err := s.Settings(ctx); err != nil || got == nil || len(got) != 0 {
		t.Fatalf("settings of a new library = %v, %v; want an empty map", got, err)
	}
	for _, kv := range [][2]string{{"theme", "dark"}, {"reader.fontSize", "18"}, {"list.sort", "oldest"},
		{"theme", "sepia"}, {"lastQuery", `tag:"région" -ukraine`}} {
		if err := s.SetSetting(ctx, kv[0], kv[1]); err != nil {
			t.Fatalf("SetSetting(%q, %q): %v", kv[0], kv[1], err)
		}
	}
	got, _ := s.Settings(ctx)
	if len(got) != 4 || got["theme"] != "sepia" || got["reader.fontSize"] != "18" || got["lastQuery"] != `tag:"région" -ukraine` {
		t.Errorf("settings = %v", got)
	}
	// An empty value goes back to the default: the key goes.
	if err := s.SetSetting(ctx, "theme", ""); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Settings(ctx); len(got) != 3 || got["theme"] != "" {
		t.Errorf("after clearing theme: %v", got)
	}
}

func TestSettingsRefuseBadKeysAndValues(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	for _, c := range []struct{ key, value, err string }{
		{"", "x", "not a setting name"},
		{"Theme", "x", "not a setting name"},
		{"1theme", "x", "not a setting name"},
		{"the me", "x", "not a setting name"},
		{"theme-dark", "x", "not a setting name"},
		{"a" + strings.Repeat("b", 64), "x", "not a setting name"},
		{"big", strings.Repeat("v", db.MaxSettingValue+1), "at most"},
		{"bytes", "\xff\xfe", "not valid text"},
	} {
		if err := s.SetSetting(ctx, c.key, c.value); err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("SetSetting(%.20q, %.10q) = %v; want an error saying %q", c.key, c.value, err, c.err)
		}
	}
	if got, _ := s.Settings(ctx); len(got) != 0 {
		t.Errorf("refused settings were stored: %v", got)
	}
	if err := s.SetSetting(ctx, "a"+strings.Repeat("b", 63), strings.Repeat("v", db.MaxSettingValue)); err != nil {
		t.Errorf("the longest key and value were refused: %v", err)
	}
}
