package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"

	"folio/db"
)

func runList(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "list", "[--db PATH] [--json] [--limit N] [--sort newest|oldest|imported|title]",
		"Lists the articles in the library, newest first: every article unless --limit.")
	dbPath := fs.String("db", "", "library file (default $FOLIO_DB or ~/.local/share/folio/library.db)")
	asJSON := fs.Bool("json", false, "print a JSON array")
	limit := fs.Int("limit", 0, "list at most N articles (0: all)")
	sort := fs.String("sort", "newest", "order: newest, oldest, imported or title")
	rest, code, ok := parseArgs(fs, env, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		return usageError(env, fs, "unexpected argument %q", rest[0])
	}
	if *limit < 0 {
		return usageError(env, fs, "--limit must be 0 or more")
	}
	order, err := db.ParseListSort(*sort)
	if err != nil {
		return usageError(env, fs, "--sort: %v", err)
	}
	store, ok := openStore(ctx, env, *dbPath)
	if !ok {
		return exitTrouble
	}
	defer store.Close()
	page, err := store.ListArticles(ctx, db.ArticleFilter{Sort: order, Limit: *limit})
	if err != nil {
		fmt.Fprintln(env.Stderr, "folio list:", err)
		return exitTrouble
	}
	if *asJSON {
		out := make([]articleJSON, len(page.Articles))
		for i, a := range page.Articles {
			out[i] = summaryJSON(a)
		}
		writeJSON(env.Stdout, out)
		return exitOK
	}
	for _, a := range page.Articles {
		printSummaryLine(env.Stdout, a)
	}
	if page.Total == 0 {
		fmt.Fprintln(env.Stderr, "The library is empty. Import articles with: folio import PATH...")
	}
	return exitOK
}

func runShow(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "show", "[--db PATH] [--json] ID", "Prints one article: its details and its text.")
	dbPath := fs.String("db", "", "library file (default $FOLIO_DB or ~/.local/share/folio/library.db)")
	asJSON := fs.Bool("json", false, "print a JSON array holding the article")
	rest, code, ok := parseArgs(fs, env, args)
	if !ok {
		return code
	}
	id, code, ok := articleIDArg(env, fs, rest)
	if !ok {
		return code
	}
	store, ok := openStore(ctx, env, *dbPath)
	if !ok {
		return exitTrouble
	}
	defer store.Close()
	a, err := store.GetArticle(ctx, id)
	if errors.Is(err, db.ErrNotFound) {
		fmt.Fprintf(env.Stderr, "folio show: there is no article %d in %s\n", id, store.Path())
		return exitFailed
	}
	if err != nil {
		fmt.Fprintln(env.Stderr, "folio show:", err)
		return exitTrouble
	}
	if *asJSON {
		writeJSON(env.Stdout, []articleJSON{articleFullJSON(a)})
		return exitOK
	}
	printArticle(env, a)
	return exitOK
}

func printArticle(env Env, a db.Article) {
	w := env.Stdout
	fmt.Fprintln(w, quoted(a.Title))
	meta := dateOr(a.Published)
	if a.Source != "" {
		meta += " · " + quoted(a.Source)
	}
	if a.Byline != "" {
		meta += " · " + quoted(a.Byline)
	}
	words := "words"
	if a.WordCount == 1 {
		words = "word"
	}
	fmt.Fprintf(w, "%s · %d %s · %s\n", meta, a.WordCount, words, quoted(a.Path))
	if len(a.Tags) > 0 {
		fmt.Fprintf(w, "tags: %s\n", quoted(fmt.Sprint(tagNames(a.Tags))))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, printable(a.Body))
}

// articleIDArg reads the one argument of a command that takes an article
// ID; when it is not one, the usage error's exit code.
func articleIDArg(env Env, fs *flag.FlagSet, rest []string) (int64, int, bool) {
	if len(rest) != 1 {
		return 0, usageError(env, fs, "give exactly one article ID (see folio list)"), false
	}
	id, err := strconv.ParseInt(rest[0], 10, 64)
	if err != nil || id <= 0 {
		return 0, usageError(env, fs, "%q is not an article ID (a positive number; see folio list)", rest[0]), false
	}
	return id, 0, true
}
