package cli

import (
	"context"
	"errors"
	"fmt"
	"os"

	"folio/app/desktop"
	"folio/db"
)

func runBackup(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "backup", "[--db PATH] [--force] FILE",
		"Writes a copy of the library to FILE. The copy is consistent even while Folio\n"+
			"is open or importing. An existing FILE is replaced only with --force.")
	dbPath := fs.String("db", "", "library file (default $FOLIO_DB or ~/.local/share/folio/library.db)")
	force := fs.Bool("force", false, "replace FILE if it exists")
	rest, code, ok := parseArgs(fs, env, args)
	if !ok {
		return code
	}
	if len(rest) != 1 {
		return usageError(env, fs, "give exactly one file to write the backup to")
	}
	lib := libraryPath(env, *dbPath)
	if _, err := os.Stat(lib); err != nil {
		fmt.Fprintf(env.Stderr, "folio backup: there is no library at %s\n", lib)
		return exitFailed
	}
	store, ok := openStore(ctx, env, lib)
	if !ok {
		return exitTrouble
	}
	defer store.Close()
	err := store.Backup(ctx, rest[0], *force)
	if errors.Is(err, db.ErrConflict) {
		fmt.Fprintf(env.Stderr, "folio backup: %v (--force)\n", err)
		return exitFailed
	}
	if err != nil {
		fmt.Fprintln(env.Stderr, "folio backup:", err)
		return exitFailed
	}
	info, err := db.CheckLibrary(ctx, rest[0])
	if err != nil {
		fmt.Fprintln(env.Stderr, "folio backup: the backup does not check out:", err)
		return exitFailed
	}
	fmt.Fprintf(env.Stdout, "Backed up %s and %d annotations to %s\n", articles(info.Articles), info.Annotations, info.Path)
	return exitOK
}

func runRestore(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "restore", "[--db PATH] FILE",
		"Replaces the library with the backup in FILE, after checking that FILE is a\n"+
			"whole Folio library. The library it replaces is kept beside it as\n"+
			"library.db.before-restore-TIME.bak. A backup from an older Folio is upgraded.\n"+
			"Close every Folio using the library first (the window, folio serve, an\n"+
			"import); restore refuses, naming them, while any has it open.")
	dbPath := fs.String("db", "", "library file (default $FOLIO_DB or ~/.local/share/folio/library.db)")
	rest, code, ok := parseArgs(fs, env, args)
	if !ok {
		return code
	}
	if len(rest) != 1 {
		return usageError(env, fs, "give exactly one backup file to restore")
	}
	lib := libraryPath(env, *dbPath)
	if desktop.WindowOpen(lib) {
		fmt.Fprintf(env.Stderr, "folio restore: Folio's window has %s open; close it (File ▸ Quit) and run this again.\nThe library was not changed.\n", lib)
		return exitFailed
	}
	r, err := db.PrepareRestore(ctx, rest[0], lib)
	if err != nil {
		fmt.Fprintf(env.Stderr, "folio restore: %v\nThe library was not changed.\n", err)
		return exitFailed
	}
	defer r.Discard()
	// The library is not opened first: a damaged one is what a restore is
	// for. Its lock is taken alone, so no other process is writing to it.
	unlock, err := db.LockAlone(lib)
	if err != nil {
		fmt.Fprintf(env.Stderr, "folio restore: %v\nThe library was not changed.\n", err)
		return exitFailed
	}
	kept, err := r.Replace()
	unlock()
	if err != nil {
		fmt.Fprintln(env.Stderr, "folio restore:", err)
		return exitFailed
	}
	store, err := db.Open(ctx, lib)
	if err != nil {
		if undo := r.Undo(); undo != nil {
			fmt.Fprintf(env.Stderr, "folio restore: the restored library does not open: %v\nPutting the old library back failed too (%v); it is kept at %s\n", err, undo, kept)
			return exitFailed
		}
		fmt.Fprintf(env.Stderr, "folio restore: the restored library does not open, so the old one was put back: %v\n", err)
		return exitFailed
	}
	defer store.Close()
	info := r.Info()
	fmt.Fprintf(env.Stdout, "Restored %s (%s, %d annotations) into %s\n", info.Path, articles(info.Articles), info.Annotations, lib)
	if store.BackupPath != "" {
		fmt.Fprintf(env.Stdout, "It came from an older Folio and was upgraded; as it was before, it is kept at %s\n", store.BackupPath)
	}
	if kept != "" {
		fmt.Fprintf(env.Stdout, "The library it replaced is kept at %s\n", kept)
	}
	return exitOK
}

// libraryPath is the library named by --db or the default.
func libraryPath(env Env, path string) string {
	if path == "" {
		return DefaultLibrary(env.Getenv)
	}
	return path
}
