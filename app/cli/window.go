package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"folio/app"
	"folio/app/desktop"
)

// windowFlags are the flags of the window's command line, shared by the
// first launch and the reading of a second launch's arguments.
func windowFlags(env Env) (*flag.FlagSet, *string) {
	fs := newFlags(env, "", "[--db PATH] [FILE|FOLDER...]",
		"Opens the Folio window on a library. Files, folders and zip archives given\n"+
			"are imported once the window is up; if Folio is already open on that\n"+
			"library, its window comes to the front and imports them instead.")
	dbPath := fs.String("db", "", "library file (default $FOLIO_DB or ~/.local/share/folio/library.db)")
	return fs, dbPath
}

func runWindow(ctx context.Context, env Env, args []string) int {
	fs, dbPath := windowFlags(env)
	rest, code, ok := parseArgs(fs, env, args)
	if !ok {
		return code
	}
	open, err := existingPaths(rest)
	if err != nil {
		return usageError(env, fs, "%v", err)
	}
	if !desktop.Available {
		fmt.Fprintln(env.Stderr, "folio: this build has no window (it was built without the desktop tag).\n"+
			"Build the desktop app with \"make build\", or run Folio in a browser with \"folio serve\".")
		return exitUsage
	}
	if desktop.GeneratingBindings {
		host := &desktop.Host{}
		desktop.Run(app.New(nil, host, "desktop"), host, desktop.Options{Assets: env.Assets, Icon: env.Icon})
		return exitOK
	}
	library := *dbPath
	if library == "" {
		library = DefaultLibrary(env.Getenv)
	}
	handed, err := desktop.HandOff(library, args)
	if err != nil {
		fmt.Fprintln(env.Stderr, "folio:", err)
		return exitTrouble
	}
	if handed {
		if len(open) > 0 {
			fmt.Fprintln(env.Stderr, "folio: Folio is already open on this library; its window is importing the files.")
		} else {
			fmt.Fprintln(env.Stderr, "folio: Folio is already open on this library; its window was brought to the front.")
		}
		return exitOK
	}
	store, ok := openStore(ctx, env, library)
	if !ok {
		return exitTrouble
	}
	host := &desktop.Host{}
	a := app.New(store, host, "desktop")
	defer app.CloseLibrary(a) // the library open at the end, after any restore
	names, stopNames := context.WithCancel(ctx)
	defer stopNames()
	app.FindOlderNames(names, a)
	app.FindOlderVersions(names, a)
	err = desktop.Run(a, host, desktop.Options{
		Assets:        env.Assets,
		Icon:          env.Icon,
		Library:       store.Path(),
		StatePath:     desktop.WindowStatePath(env.Getenv),
		Open:          open,
		PathsFromArgs: windowPaths,
		Stderr:        env.Stderr,
	})
	if err != nil {
		fmt.Fprintln(env.Stderr, "folio:", err)
		return exitTrouble
	}
	return exitOK
}

// windowPaths reads the files and folders out of a window command line
// (another launch's, so its mistakes are not ours to print).
func windowPaths(args []string) []string {
	fs, _ := windowFlags(Env{Stdout: io.Discard, Stderr: io.Discard})
	rest, _, ok := parseArgs(fs, Env{Stdout: io.Discard, Stderr: io.Discard}, args)
	if !ok {
		return nil
	}
	return rest
}

// existingPaths makes the paths absolute, and refuses one that is not
// there: a typo should be told at once, not after the window opens.
func existingPaths(paths []string) ([]string, error) {
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("cannot open %q: no such file or folder", p)
		} else if err != nil {
			return nil, fmt.Errorf("cannot open %q: %w", p, err)
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, fmt.Errorf("cannot open %q: %w", p, err)
		}
		out = append(out, abs)
	}
	return out, nil
}
