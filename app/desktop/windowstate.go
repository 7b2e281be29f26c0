package desktop

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// The window's size limits. The minimum keeps the three panes usable; the
// maximum only stops a damaged file from asking for an absurd window.
const (
	DefaultWidth  = 1280
	DefaultHeight = 820
	MinWidth      = 760
	MinHeight     = 480
	maxSide       = 16384
)

// WindowState is the window's size and place, kept between runs.
type WindowState struct {
	Width  int
	Height int
	// X and Y are meaningful only when Positioned; a window never placed
	// by the person opens centred.
	X, Y       int
	Positioned bool
	// Maximised windows reopen maximised; Width and Height then keep the
	// size to return to when the person un-maximises.
	Maximised bool
}

// windowFile is the JSON on disk. X and Y are pointers because 0 is a real
// position and absence means "never placed".
type windowFile struct {
	Width     int  `json:"width"`
	Height    int  `json:"height"`
	X         *int `json:"x,omitempty"`
	Y         *int `json:"y,omitempty"`
	Maximised bool `json:"maximised,omitempty"`
}

// DefaultWindowState is the first run's window: centred, not maximised.
func DefaultWindowState() WindowState {
	return WindowState{Width: DefaultWidth, Height: DefaultHeight}
}

// WindowStatePath is where the window's state lives:
// $XDG_CONFIG_HOME/folio/window.json, by default ~/.config/folio/window.json.
func WindowStatePath(getenv func(string) string) string {
	config := getenv("XDG_CONFIG_HOME")
	if config == "" {
		home := getenv("HOME")
		if home == "" {
			home, _ = os.UserHomeDir()
		}
		config = filepath.Join(home, ".config")
	}
	return filepath.Join(config, "folio", "window.json")
}

// LoadWindowState reads the saved state. A missing, unreadable or damaged
// file gives the defaults: losing the window's place is not worth an error
// at start.
func LoadWindowState(path string) WindowState {
	data, err := os.ReadFile(path)
	if err != nil {
		return DefaultWindowState()
	}
	var f windowFile
	if err := json.Unmarshal(data, &f); err != nil {
		return DefaultWindowState()
	}
	s := WindowState{Width: f.Width, Height: f.Height, Maximised: f.Maximised}
	if f.X != nil && f.Y != nil {
		s.X, s.Y, s.Positioned = *f.X, *f.Y, true
	}
	return s.Clamp()
}

// SaveWindowState writes the state, replacing the file whole so a crash
// mid-write cannot leave half a file.
func SaveWindowState(path string, s WindowState) error {
	s = s.Clamp()
	f := windowFile{Width: s.Width, Height: s.Height, Maximised: s.Maximised}
	if s.Positioned {
		f.X, f.Y = &s.X, &s.Y
	}
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return fmt.Errorf("save the window's size: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("save the window's size: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".window-*.json")
	if err != nil {
		return fmt.Errorf("save the window's size: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("save the window's size in %s: %w", tmp.Name(), err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("save the window's size in %s: %w", tmp.Name(), err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("save the window's size: %w", err)
	}
	return nil
}

// Clamp bounds the size to what the window allows. A size of zero or less
// (a file that never had one) becomes the default; the position is kept
// non-negative because Wails places the window relative to its monitor.
func (s WindowState) Clamp() WindowState {
	if s.Width <= 0 {
		s.Width = DefaultWidth
	}
	if s.Height <= 0 {
		s.Height = DefaultHeight
	}
	s.Width = between(s.Width, MinWidth, maxSide)
	s.Height = between(s.Height, MinHeight, maxSide)
	if s.Positioned {
		s.X = between(s.X, 0, maxSide)
		s.Y = between(s.Y, 0, maxSide)
	}
	return s
}

// FitScreen keeps the window on a screen of the given size: no larger than
// the screen, and placed so all of it shows (a monitor that was unplugged
// must not leave the window out of sight). A screen size of zero is unknown
// and changes nothing.
func (s WindowState) FitScreen(width, height int) WindowState {
	s = s.Clamp()
	if width <= 0 || height <= 0 {
		return s
	}
	s.Width = min(s.Width, max(width, MinWidth))
	s.Height = min(s.Height, max(height, MinHeight))
	if s.Positioned {
		s.X = between(s.X, 0, max(width-s.Width, 0))
		s.Y = between(s.Y, 0, max(height-s.Height, 0))
	}
	return s
}

func between(v, lo, hi int) int {
	return max(lo, min(v, hi))
}
