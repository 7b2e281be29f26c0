package cli

import (
	"context"
	"fmt"

	"folio/app"
	"folio/app/desktop"
)

func runWindow(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "", "[--db PATH]", "Opens the Folio window on a library.")
	dbPath := fs.String("db", "", "library file (default $FOLIO_DB or ~/.local/share/folio/library.db)")
	rest, code, ok := parseArgs(fs, env, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		return usageError(env, fs, "unexpected argument %q", rest[0])
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
	store, ok := openStore(ctx, env, *dbPath)
	if !ok {
		return exitTrouble
	}
	defer store.Close()
	host := &desktop.Host{}
	if err := desktop.Run(app.New(store, host, "desktop"), host, desktop.Options{Assets: env.Assets, Icon: env.Icon}); err != nil {
		fmt.Fprintln(env.Stderr, "folio:", err)
		return exitTrouble
	}
	return exitOK
}
