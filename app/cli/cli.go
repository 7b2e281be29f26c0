// Package cli is the folio command: with no arguments it opens the window,
// otherwise it runs a subcommand against a library.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"folio/app"
	"folio/db"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailed  = 1 // the command ran but something in it failed
	exitUsage   = 2 // the command line was wrong
	exitTrouble = 1
)

// Env is what a command needs from the outside world; tests replace it.
type Env struct {
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	Assets         fs.FS  // the built frontend
	Icon           []byte // the window icon
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env Env, args []string) int
}

func commands() []command {
	return []command{
		{"import", "import article files, folders and zip archives", runImport},
		{"list", "list the articles in the library", runList},
		{"show", "print one article", runShow},
		{"search", "search the library (words, \"phrases\", tag:, date:, …)", runSearch},
		{"related", "list the articles most like one article", runRelated},
		{"serve", "run Folio in a web browser (loopback only)", runServe},
		{"tag", "add a tag to, or remove it from, the articles a search finds", runTag},
		{"tags", "list the tags with their counts", runTags},
		{"names", "list the people, organisations and places named, with their counts", runNames},
		{"backup", "write a consistent copy of the library to a file", runBackup},
		{"restore", "replace the library with a backup, keeping the old one", runRestore},
		{"export", "export highlights and notes as Markdown or W3C JSON", runExport},
	}
}

// Main runs the folio command and returns its exit code.
func Main(ctx context.Context, env Env, args []string) int {
	if len(args) == 0 {
		return runWindow(ctx, env, nil)
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		usage(env.Stdout)
		return exitOK
	case "-version", "--version", "version":
		fmt.Fprintln(env.Stdout, "folio", app.Version)
		return exitOK
	}
	if strings.HasPrefix(args[0], "-") {
		return runWindow(ctx, env, args)
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, env, args[1:])
		}
	}
	// "folio FILE..." opens the window on those files: it is how the
	// desktop entry (Exec=folio %F) and file managers hand files over.
	if _, err := os.Stat(args[0]); err == nil {
		return runWindow(ctx, env, args)
	}
	fmt.Fprintf(env.Stderr, "folio: unknown command %q\n\n", args[0])
	usage(env.Stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprint(w, `Folio keeps your own library of news articles: import, search, read,
tag and annotate them, all offline.

Usage:
  folio [--db PATH]            open the Folio window
  folio [--db PATH] PATH...    open the window and import files, folders, zips
  folio COMMAND [flags] [args]

Commands:
`)
	cmds := commands()
	sort.Slice(cmds, func(i, j int) bool { return cmds[i].name < cmds[j].name })
	for _, c := range cmds {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Every command takes --db PATH, the library file. Without it Folio uses
$FOLIO_DB, then $XDG_DATA_HOME/folio/library.db
(~/.local/share/folio/library.db).

Run "folio COMMAND --help" for a command's flags.
`)
}

// DefaultLibrary is where the library lives unless told otherwise.
func DefaultLibrary(getenv func(string) string) string {
	if p := getenv("FOLIO_DB"); p != "" {
		return p
	}
	data := getenv("XDG_DATA_HOME")
	if data == "" {
		home := getenv("HOME")
		if home == "" {
			home, _ = os.UserHomeDir()
		}
		data = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(data, "folio", "library.db")
}

// newFlags makes a flag set that prints the command's help to stdout on
// --help and its errors to stderr.
func newFlags(env Env, name, args, about string) *flag.FlagSet {
	fs := flag.NewFlagSet("folio "+name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		out := fs.Output()
		fmt.Fprintf(out, "Usage: folio %s %s\n\n%s\n\nFlags:\n", name, args, about)
		fs.PrintDefaults()
	}
	return fs
}

// parseArgs parses flags wherever they stand among the arguments ("folio
// import a.txt --json" works as well as "folio import --json a.txt") and
// returns the positional arguments. It returns ok=false after printing help
// or an error; code is then the exit code.
func parseArgs(fs *flag.FlagSet, env Env, args []string) (rest []string, code int, ok bool) {
	fs.SetOutput(io.Discard) // the flag package would print the whole usage on any error
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.SetOutput(env.Stdout)
				fs.Usage()
				return nil, exitOK, false
			}
			return nil, usageError(env, fs, "%v", err), false
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, 0, true
		}
		if args[0] == "--" {
			return append(rest, args[1:]...), 0, true
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// openStore opens the library named by --db or the default.
func openStore(ctx context.Context, env Env, path string) (*db.Store, bool) {
	if path == "" {
		path = DefaultLibrary(env.Getenv)
	}
	store, err := db.Open(ctx, path)
	if err != nil {
		fmt.Fprintln(env.Stderr, "folio:", err)
		return nil, false
	}
	if store.BackupPath != "" {
		fmt.Fprintf(env.Stderr, "folio: upgraded the library; the previous version is kept at %s\n", store.BackupPath)
	}
	return store, true
}

func usageError(env Env, fs *flag.FlagSet, format string, a ...any) int {
	fmt.Fprintf(env.Stderr, "%s: %s\n", fs.Name(), fmt.Sprintf(format, a...))
	fmt.Fprintf(env.Stderr, "Run \"%s --help\" for usage.\n", fs.Name())
	return exitUsage
}
