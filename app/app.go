// Package app is the face of Folio that the window calls: every exported
// method of App is bound to the frontend (in the desktop window through
// Wails, in the browser mode over HTTP). It validates, translates and
// delegates to the store; it holds no SQL.
package app

import (
	"context"
	"errors"
	"fmt"
	"log"
	"sync"

	"folio/db"
)

// Version is Folio's version, shown in About and --version.
var Version = "0.1.0"

// Host is what the surrounding shell provides: the desktop window or the
// browser mode. Methods that a shell cannot do return ErrNotAvailable.
type Host interface {
	// Emit sends an event to the frontend.
	Emit(name string, data any)
	// OpenFiles asks the person for files to import.
	OpenFiles(title string) ([]string, error)
	// OpenFolder asks the person for a folder to import.
	OpenFolder(title string) (string, error)
	// OpenFile asks the person for one file (a backup to restore).
	OpenFile(title string) (string, error)
	// SaveFile asks where to save a file.
	SaveFile(title, defaultName string) (string, error)
	// OpenURL opens a link in the system browser.
	OpenURL(url string) error
}

// ErrNotAvailable is returned by Host methods the current shell lacks.
var ErrNotAvailable = errors.New("not available in this mode")

// App is the bound application object.
type App struct {
	// lib is the open library; a restore replaces it while other calls
	// run (see library).
	lib  library
	host Host
	mode string
	// readRoots, when not nil, are the only folders calls may name files
	// in (see LimitDiskAccess).
	readRoots []string

	importMu     sync.Mutex
	cancelImport context.CancelFunc
	cancelMu     sync.Mutex
}

// New returns the app over an open store. mode is "desktop" or "browser".
func New(store *db.Store, host Host, mode string) *App {
	return &App{lib: library{store: store}, host: host, mode: mode}
}

// Info describes the running app to the frontend.
type Info struct {
	Version string `json:"version"`
	Mode    string `json:"mode"` // "desktop" or "browser"
	Library string `json:"library"`
	// BackupPath is set when the library was upgraded at start and the
	// older file was kept there.
	BackupPath string `json:"backupPath"`
}

// db returns the open library, taken afresh for each call.
func (a *App) db() *db.Store { return a.lib.get() }

// CloseLibrary closes the library the app holds, which is not the store it
// was started with after a restore. It is a function, not a method, so that
// it is not bound to the frontend.
func CloseLibrary(a *App) error {
	return a.db().Close()
}

// Info returns the version, the mode and where the library lives.
func (a *App) Info() Info {
	store := a.db()
	return Info{Version: Version, Mode: a.mode, Library: store.Path(), BackupPath: store.BackupPath}
}

// userError turns an error into a message a person can act on. Errors the
// store words for people pass through; the database's own (see
// db.Classify) are logged in full and shown in plain words.
func userError(action string, err error) error {
	if err == nil {
		return nil
	}
	err = db.Classify(err)
	var plain string
	switch {
	case errors.Is(err, db.ErrNotFound):
		return fmt.Errorf("%s: it no longer exists (it may have been deleted)", action)
	case errors.Is(err, context.Canceled):
		return fmt.Errorf("%s: cancelled", action)
	case errors.Is(err, db.ErrLibraryInUse):
		return err // it says what it could not do, and who holds the library
	case errors.Is(err, db.ErrNewerLibrary), db.IsDamagedBackup(err):
		return fmt.Errorf("%s: %w", action, err) // worded for people already
	case errors.Is(err, db.ErrClosed):
		// A call that began just before a restore swapped the library.
		return fmt.Errorf("%s: the library was being replaced; try again", action)
	case errors.Is(err, db.ErrBusy):
		return fmt.Errorf("%s: the library is busy (another program is writing to it); try again in a moment", action)
	case errors.Is(err, db.ErrDiskFull):
		plain = "the disk is full; make room and try again"
	case errors.Is(err, db.ErrDamaged):
		plain = "the library file is damaged; restore it from a backup"
	case errors.Is(err, db.ErrUnwritable):
		plain = "Folio cannot open or write the library file (check its folder's permissions)"
	case errors.Is(err, db.ErrInternal):
		plain = "Folio could not read or write the library file (the details are in Folio's log)"
	default:
		return fmt.Errorf("%s: %w", action, err)
	}
	log.Printf("%s: %v", action, err)
	return fmt.Errorf("%s: %s", action, plain)
}
