package cli

import (
	"context"
	"fmt"
	"strings"

	"folio/db"
	"folio/db/names"
)

// nameJSON is one line of folio names --json.
type nameJSON struct {
	Name  string `json:"name"`
	Kind  string `json:"kind"`
	Count int    `json:"count"`
}

func runNames(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "names", "[--db PATH] [--json] [--kind person|org|place] [--limit N] [QUERY...]",
		"Lists the people, organisations and places named in the library, or in the\n"+
			"articles a search finds (QUERY, in the search box's language), with how many\n"+
			"articles name each, most first. Names hidden in the window are left out.\n"+
			"Articles stored before Folio kept names get theirs first.")
	dbPath := fs.String("db", "", "library file (default $FOLIO_DB or ~/.local/share/folio/library.db)")
	asJSON := fs.Bool("json", false, "print a JSON array of {name, kind, count}")
	kind := fs.String("kind", "", "only names of this kind: person, org or place")
	limit := fs.Int("limit", 0, "list at most N names (0: all)")
	flagArgs, words := splitSearchArgs(fs, args)
	rest, code, ok := parseArgs(fs, env, flagArgs)
	if !ok {
		return code
	}
	if *kind != "" {
		k, ok := names.ParseKind(*kind)
		if !ok {
			return usageError(env, fs, "--kind: %q is not a kind of name: use person, org or place", *kind)
		}
		*kind = string(k)
	}
	if *limit < 0 {
		return usageError(env, fs, "--limit must be 0 or more")
	}
	input := strings.TrimSpace(strings.Join(append(rest, words...), " "))
	store, ok := openStore(ctx, env, *dbPath)
	if !ok {
		return exitTrouble
	}
	defer store.Close()
	if err := fillNames(ctx, env, store); err != nil {
		fmt.Fprintln(env.Stderr, "folio names:", err)
		return exitTrouble
	}
	list, err := store.ListNames(ctx, db.NameFilter{Kind: *kind, Query: input, Limit: *limit})
	if err != nil {
		fmt.Fprintln(env.Stderr, "folio names:", err)
		return exitTrouble
	}
	if *asJSON {
		out := make([]nameJSON, len(list))
		for i, n := range list {
			out[i] = nameJSON{Name: n.Name, Kind: n.Kind, Count: n.Count}
		}
		writeJSON(env.Stdout, out)
		return exitOK
	}
	for _, n := range list {
		fmt.Fprintf(env.Stdout, "%7d  %-6s  %s\n", n.Count, n.Kind, n.Name)
	}
	if len(list) == 0 {
		fmt.Fprintln(env.Stderr, "No names found.")
	}
	return exitOK
}

// fillNames finds the names of articles stored before names were kept,
// saying so when there are any.
func fillNames(ctx context.Context, env Env, store *db.Store) error {
	p, err := store.NamesProgress(ctx)
	if err != nil || p.Ready {
		return err
	}
	fmt.Fprintf(env.Stderr, "Finding the names in %d older articles…\n", p.Total-p.Done)
	return store.FillNames(ctx, nil)
}
