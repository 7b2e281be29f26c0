package app

import (
	"errors"
	"fmt"
	"path/filepath"

	"folio/app/importer"
)

// In the desktop window, the paths a call names come from the person (a
// dialog, a drop). In the browser mode they come from a page, which the
// owner reaches with this run's token; still, a page should not read any
// file of the machine by naming it. So the browser mode reads files from
// disk (ImportPaths, RestoreLibraryFrom) only inside the folders its owner
// named when starting it; its own drops send contents, not paths.

// errReadRefused is why a path the page named is not read.
var errReadRefused = errors.New("the browser mode reads files from disk only inside the folders folio serve was started with (--import-from FOLDER); drop the files into the page instead")

// LimitDiskAccess lets calls name files of this machine only inside roots
// (none when roots is empty). It is a function, not a method, so that it is
// not bound to the frontend.
func LimitDiskAccess(a *App, roots []string) error {
	a.readRoots = []string{}
	for _, root := range roots {
		abs, err := filepath.Abs(root)
		if err == nil {
			abs, err = filepath.EvalSymlinks(abs)
		}
		if err != nil {
			return fmt.Errorf("--import-from %s: %w", root, err)
		}
		a.readRoots = append(a.readRoots, abs)
	}
	return nil
}

// mayRead refuses a path outside the folders calls may read from.
func (a *App) mayRead(path string) error {
	if a.readRoots == nil || importer.Within(path, a.readRoots) {
		return nil
	}
	return fmt.Errorf("%q: %w", path, errReadRefused)
}
