package cli

import (
	"context"
	"fmt"
	"strings"

	"folio/db"
)

func runTag(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "tag", "[--db PATH] add|remove TAG QUERY",
		"Adds a tag to, or removes it from, every article a search finds. QUERY is\n"+
			"written as in the search box (tag:, source:, date:, -word, \"a phrase\"...);\n"+
			"several words after TAG are one query. Tags may hold spaces and \"/\" for a\n"+
			"hierarchy (region/europe). Articles in the Trash are left alone.\n"+
			"Exit status: 0 when done (even if nothing matched), 1 when the tag to remove\n"+
			"does not exist or the library failed, 2 on usage errors.")
	dbPath := fs.String("db", "", "library file (default $FOLIO_DB or ~/.local/share/folio/library.db)")
	rest, code, ok := parseArgs(fs, env, args)
	if !ok {
		return code
	}
	if len(rest) < 3 {
		return usageError(env, fs, "give add or remove, a tag and a search: folio tag add energy \"diesel OR petrol\"")
	}
	verb, query := rest[0], strings.TrimSpace(strings.Join(rest[2:], " "))
	if verb != "add" && verb != "remove" {
		return usageError(env, fs, "%q: say add or remove", verb)
	}
	name, err := db.ValidTagName(rest[1])
	if err != nil {
		return usageError(env, fs, "%v", err)
	}
	if query == "" {
		return usageError(env, fs, "give a search that finds the articles to %s %q", verb, name)
	}
	store, ok := openStore(ctx, env, *dbPath)
	if !ok {
		return exitTrouble
	}
	defer store.Close()
	if verb == "remove" && !tagExists(ctx, store, name) {
		fmt.Fprintf(env.Stderr, "folio tag: there is no tag %q in %s (see folio tags)\n", name, store.Path())
		return exitFailed
	}
	ids, err := store.ArticleIDsWithAllWords(ctx, query)
	if err != nil {
		fmt.Fprintln(env.Stderr, "folio tag:", err)
		return exitTrouble
	}
	if len(ids) == 0 {
		fmt.Fprintf(env.Stdout, "No article matches %q; nothing changed.\n", query)
		return exitOK
	}
	var n int
	if verb == "add" {
		n, err = store.AddTags(ctx, ids, []string{name})
	} else {
		n, err = store.RemoveTags(ctx, ids, []string{name})
	}
	if err != nil {
		fmt.Fprintln(env.Stderr, "folio tag:", err)
		return exitTrouble
	}
	msg, unchanged := fmt.Sprintf("Tagged %s with %q.", articles(n), name), "had the tag already"
	if verb == "remove" {
		msg, unchanged = fmt.Sprintf("Removed %q from %s.", name, articles(n)), "did not have it"
	}
	if rest := len(ids) - n; rest > 0 {
		msg += fmt.Sprintf(" The search found %s; %d %s.", articles(len(ids)), rest, unchanged)
	}
	fmt.Fprintln(env.Stdout, msg)
	return exitOK
}

// tagExists reports whether a tag has this name, in any case. A failure
// to read the tags counts as yes: the removal itself will then say why.
func tagExists(ctx context.Context, store *db.Store, name string) bool {
	tags, err := store.ListTags(ctx)
	if err != nil {
		return true
	}
	for _, t := range tags {
		if strings.EqualFold(t.Name, name) {
			return true
		}
	}
	return false
}

func articles(n int) string {
	if n == 1 {
		return "1 article"
	}
	return fmt.Sprintf("%d articles", n)
}

// tagJSON is a tag as folio tags --json shows it.
type tagJSON struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
	Color string `json:"color"`
}

func runTags(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "tags", "[--db PATH] [--json]",
		"Lists the tags with how many articles (outside the Trash) carry each, a parent\n"+
			"before its children.")
	dbPath := fs.String("db", "", "library file (default $FOLIO_DB or ~/.local/share/folio/library.db)")
	asJSON := fs.Bool("json", false, "print a JSON array of {name, count, color}")
	rest, code, ok := parseArgs(fs, env, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		return usageError(env, fs, "unexpected argument %q", rest[0])
	}
	store, ok := openStore(ctx, env, *dbPath)
	if !ok {
		return exitTrouble
	}
	defer store.Close()
	tags, err := store.ListTags(ctx)
	if err != nil {
		fmt.Fprintln(env.Stderr, "folio tags:", err)
		return exitTrouble
	}
	if *asJSON {
		out := make([]tagJSON, len(tags))
		for i, t := range tags {
			out[i] = tagJSON{Name: t.Name, Count: t.Count, Color: t.Color}
		}
		writeJSON(env.Stdout, out)
		return exitOK
	}
	for _, t := range tags {
		fmt.Fprintf(env.Stdout, "%7d  %s\n", t.Count, quoted(t.Name))
	}
	if len(tags) == 0 {
		fmt.Fprintln(env.Stderr, "There are no tags yet. Tag articles with: folio tag add TAG QUERY")
	}
	return exitOK
}
