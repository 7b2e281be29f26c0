package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"folio/db"
)

func runRelated(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "related", "[--db PATH] [--json] [--limit N] ID",
		"Lists the articles most like article ID, the most alike first, each with the\n"+
			"words they share. Other versions of the same story are not listed.")
	dbPath := fs.String("db", "", "library file (default $FOLIO_DB or ~/.local/share/folio/library.db)")
	asJSON := fs.Bool("json", false, "print a JSON array")
	limit := fs.Int("limit", db.DefaultRelatedLimit, fmt.Sprintf("show at most N articles (1–%d)", db.MaxRelatedLimit))
	rest, code, ok := parseArgs(fs, env, args)
	if !ok {
		return code
	}
	id, code, ok := articleIDArg(env, fs, rest)
	if !ok {
		return code
	}
	if *limit < 1 || *limit > db.MaxRelatedLimit {
		return usageError(env, fs, "--limit must be between 1 and %d", db.MaxRelatedLimit)
	}
	store, ok := openStore(ctx, env, *dbPath)
	if !ok {
		return exitTrouble
	}
	defer store.Close()
	list, err := store.RelatedArticles(ctx, id, *limit)
	if errors.Is(err, db.ErrNotFound) {
		fmt.Fprintf(env.Stderr, "folio related: there is no article %d in %s\n", id, store.Path())
		return exitFailed
	}
	if err != nil {
		fmt.Fprintln(env.Stderr, "folio related:", err)
		return exitTrouble
	}
	if *asJSON {
		out := make([]relatedJSON, len(list))
		for i, r := range list {
			out[i] = relatedJSON{articleJSON: summaryJSON(r.Article), Score: r.Score, Shared: r.Shared}
		}
		writeJSON(env.Stdout, out)
		return exitOK
	}
	for _, r := range list {
		printSummaryLine(env.Stdout, r.Article)
		fmt.Fprintf(env.Stdout, "        shares: %s\n", strings.Join(r.Shared, ", "))
	}
	if len(list) == 0 {
		fmt.Fprintln(env.Stderr, "No related articles: no other article shares its distinctive words.")
	}
	return exitOK
}

// relatedJSON is a related article as --json shows it.
type relatedJSON struct {
	articleJSON
	Score  float64  `json:"score"`
	Shared []string `json:"shared"` // words both articles hold
}
