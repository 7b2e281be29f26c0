package cli

import (
	"context"
	"fmt"
	"os/signal"
	"syscall"
	"time"

	"folio/app"
	"folio/app/server"
)

func runServe(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "serve", "[--db PATH] [--addr 127.0.0.1:PORT] [--import-from FOLDER]",
		"Runs Folio in a web browser: the same app as the window, served on a loopback\n"+
			"address only (port 0 picks a free port). Open the address it prints: it carries\n"+
			"a key made for this run, which the browser keeps in a cookie; requests without\n"+
			"it, or for any other host name, are refused, so neither web pages nor other\n"+
			"users of this machine can reach the library. The page imports the files dropped\n"+
			"on it, and files on disk only inside --import-from folders. Stop it with Ctrl+C.")
	dbPath := fs.String("db", "", "library file (default $FOLIO_DB or ~/.local/share/folio/library.db)")
	addr := fs.String("addr", "127.0.0.1:7420", "loopback address to listen on")
	var importFrom multiFlag
	fs.Var(&importFrom, "import-from", "a folder whose files the page may import by path (repeatable; none by default)")
	rest, code, ok := parseArgs(fs, env, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		return usageError(env, fs, "unexpected argument %q", rest[0])
	}
	ln, err := server.Listen(*addr)
	if err != nil {
		fmt.Fprintln(env.Stderr, "folio serve:", err)
		return exitUsage
	}
	store, ok := openStore(ctx, env, *dbPath)
	if !ok {
		ln.Close()
		return exitTrouble
	}
	events := server.NewEvents()
	a := app.New(store, events, "browser")
	defer app.CloseLibrary(a) // the library open at the end, after any restore
	if err := app.LimitDiskAccess(a, importFrom); err != nil {
		fmt.Fprintln(env.Stderr, "folio serve:", err)
		return exitUsage
	}
	srv := server.New(a, events, env.Assets, ln)
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	app.FindOlderNames(ctx, a)
	app.FindOlderVersions(ctx, a)
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	fmt.Fprintf(env.Stdout, "Folio is serving %s at %s\n", store.Path(), srv.URL())
	if err := srv.Serve(); err != nil {
		fmt.Fprintln(env.Stderr, "folio serve:", err)
		return exitTrouble
	}
	return exitOK
}
