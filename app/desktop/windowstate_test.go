package desktop

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWindowStateRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "folio", "window.json")
	for _, s := range []WindowState{
		{Width: 1000, Height: 700, X: 0, Y: 0, Positioned: true},
		{Width: 900, Height: 600, X: 40, Y: 25, Positioned: true, Maximised: true},
		{Width: 1280, Height: 820},
	} {
		if err := SaveWindowState(path, s); err != nil {
			t.Fatal(err)
		}
		if got := LoadWindowState(path); got != s {
			t.Errorf("saved %+v, loaded %+v", s, got)
		}
	}
	// The write replaces the file whole: nothing else is left beside it.
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("the config folder holds %d files, want only window.json", len(entries))
	}
}

func TestLoadWindowStateFallsBackToDefaults(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"corrupt":    `{"width": 1000, "hei`,
		"not-object": `[1, 2, 3]`,
		"wrong-type": `{"width": "wide", "height": 700}`,
		"empty":      ``,
	} {
		path := filepath.Join(dir, name+".json")
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := LoadWindowState(path); got != DefaultWindowState() {
			t.Errorf("%s: loaded %+v, want the defaults", name, got)
		}
	}
	if got := LoadWindowState(filepath.Join(dir, "missing.json")); got != DefaultWindowState() {
		t.Errorf("missing file: loaded %+v, want the defaults", got)
	}
}

func TestLoadWindowStateClampsAndNeedsBothCoordinates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "window.json")
	os.WriteFile(path, []byte(`{"width": 99999, "height": 10, "x": -300, "y": 50}`), 0o644)
	got := LoadWindowState(path)
	want := WindowState{Width: maxSide, Height: MinHeight, X: 0, Y: 50, Positioned: true}
	if got != want {
		t.Errorf("loaded %+v, want %+v", got, want)
	}
	os.WriteFile(path, []byte(`{"width": 1000, "height": 700, "x": 30}`), 0o644)
	if got := LoadWindowState(path); got.Positioned {
		t.Errorf("a file with x but no y gave a position: %+v", got)
	}
}

func TestClamp(t *testing.T) {
	for _, c := range []struct {
		name    string
		in, out WindowState
	}{
		{"zero is the default", WindowState{}, DefaultWindowState()},
		{"negative is the default", WindowState{Width: -5, Height: -1}, DefaultWindowState()},
		{"too small", WindowState{Width: 200, Height: 100}, WindowState{Width: MinWidth, Height: MinHeight}},
		{"too large", WindowState{Width: 1 << 20, Height: 1 << 20}, WindowState{Width: maxSide, Height: maxSide}},
		{"sane is kept", WindowState{Width: 1100, Height: 750, X: 10, Y: 20, Positioned: true},
			WindowState{Width: 1100, Height: 750, X: 10, Y: 20, Positioned: true}},
		{"off the top left", WindowState{Width: 1100, Height: 750, X: -10, Y: -20, Positioned: true},
			WindowState{Width: 1100, Height: 750, Positioned: true}},
		{"unplaced position is not touched", WindowState{Width: 1100, Height: 750, X: -10},
			WindowState{Width: 1100, Height: 750, X: -10}},
	} {
		if got := c.in.Clamp(); got != c.out {
			t.Errorf("%s: Clamp(%+v) = %+v, want %+v", c.name, c.in, got, c.out)
		}
	}
}

func TestFitScreen(t *testing.T) {
	for _, c := range []struct {
		name          string
		in            WindowState
		width, height int
		out           WindowState
	}{
		{"fits already", WindowState{Width: 1000, Height: 700, X: 100, Y: 50, Positioned: true}, 1920, 1080,
			WindowState{Width: 1000, Height: 700, X: 100, Y: 50, Positioned: true}},
		{"moved back from a monitor that is gone", WindowState{Width: 1000, Height: 700, X: 2500, Y: 1200, Positioned: true}, 1920, 1080,
			WindowState{Width: 1000, Height: 700, X: 920, Y: 380, Positioned: true}},
		{"larger than the screen", WindowState{Width: 2500, Height: 1500, X: 10, Y: 10, Positioned: true}, 1280, 900,
			WindowState{Width: 1280, Height: 900, X: 0, Y: 0, Positioned: true}},
		{"a tiny screen still gets the minimum", WindowState{Width: 1000, Height: 700}, 640, 400,
			WindowState{Width: MinWidth, Height: MinHeight}},
		{"unknown screen changes nothing", WindowState{Width: 3000, Height: 2000, X: 5000, Y: 10, Positioned: true}, 0, 0,
			WindowState{Width: 3000, Height: 2000, X: 5000, Y: 10, Positioned: true}},
	} {
		if got := c.in.FitScreen(c.width, c.height); got != c.out {
			t.Errorf("%s: FitScreen(%d, %d) of %+v = %+v, want %+v", c.name, c.width, c.height, c.in, got, c.out)
		}
	}
}

func TestWindowStatePath(t *testing.T) {
	env := map[string]string{"HOME": "/home/ann"}
	get := func(k string) string { return env[k] }
	if got := WindowStatePath(get); got != "/home/ann/.config/folio/window.json" {
		t.Errorf("default = %s", got)
	}
	env["XDG_CONFIG_HOME"] = "/cfg"
	if got := WindowStatePath(get); got != "/cfg/folio/window.json" {
		t.Errorf("with XDG_CONFIG_HOME = %s", got)
	}
}

func TestSaveWindowStateReportsAnUnwritableFolder(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "folio")
	os.WriteFile(blocker, []byte("a file where the folder should be"), 0o644)
	if err := SaveWindowState(filepath.Join(blocker, "window.json"), DefaultWindowState()); err == nil {
		t.Error("saving under a file instead of a folder succeeded")
	}
}
