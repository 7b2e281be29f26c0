package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"folio/db"
)

func runSearch(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "search", "[--db PATH] [--json] [--limit N] [--sort relevance|newest|oldest|title] QUERY...",
		"Searches the library with the search box's language: words (stemmed), \"phrases\",\n"+
			"prefix*, OR, -word or NOT word, (groups), title:word, tag:name (and the tags\n"+
			"below it), source:name, date:2023 / date:2023-09 / date:2023-09-15,\n"+
			"after:DATE (on or after), before:DATE (before), is:unread|read|starred,\n"+
			"has:notes|highlights, in:notes (search highlights and notes). Filters always\n"+
			"apply to the whole search, even inside parentheses or next to OR; a - before\n"+
			"one excludes (-tag:sport).\n\n"+
			"The query is the words after the flags, joined by spaces; a word starting with\n"+
			"- that is not a flag excludes (oil -gas); after \"--\" everything is the query.\n"+
			"Matched words are shown in [brackets].\n"+
			"Exit status: 0 whether or not anything was found, 2 on usage errors.")
	dbPath := fs.String("db", "", "library file (default $FOLIO_DB or ~/.local/share/folio/library.db)")
	asJSON := fs.Bool("json", false, "print a JSON array")
	limit := fs.Int("limit", 20, "show at most N hits (0: all)")
	sort := fs.String("sort", "", "order: relevance (default when there are words), newest, oldest or title")
	flagArgs, words := splitSearchArgs(fs, args)
	rest, code, ok := parseArgs(fs, env, flagArgs)
	if !ok {
		return code
	}
	words = append(rest, words...)
	input := strings.TrimSpace(strings.Join(words, " "))
	if input == "" {
		return usageError(env, fs, "give words to search for")
	}
	if *limit < 0 {
		return usageError(env, fs, "--limit must be 0 or more")
	}
	order, err := db.ParseSearchSort(*sort)
	if err != nil {
		return usageError(env, fs, "--sort: %v", err)
	}
	store, ok := openStore(ctx, env, *dbPath)
	if !ok {
		return exitTrouble
	}
	defer store.Close()
	hits, res, err := searchAll(ctx, store, input, order, *limit)
	if err != nil {
		fmt.Fprintln(env.Stderr, "folio search:", err)
		return exitTrouble
	}
	if *asJSON {
		out := make([]searchHitJSON, len(hits))
		for i, h := range hits {
			out[i] = hitJSON(h)
		}
		writeJSON(env.Stdout, out)
	} else {
		for _, h := range hits {
			printHit(env.Stdout, h)
		}
	}
	printSearchSummary(env.Stderr, res, len(hits))
	return exitOK
}

// splitSearchArgs separates flags from query words: an argument starting
// with "-" is a flag only when the command has one of that name (or it
// starts with "--"), so "-ukraine" and "-tag:sport" stay in the query.
func splitSearchArgs(fs *flag.FlagSet, args []string) (flags, words []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return flags, append(words, args[i+1:]...)
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		isFlag := strings.HasPrefix(a, "--") || (len(a) > 1 && a[0] == '-' &&
			(fs.Lookup(name) != nil || name == "h" || name == "help"))
		if !isFlag {
			words = append(words, a)
			continue
		}
		flags = append(flags, a)
		if f := fs.Lookup(name); f != nil && !hasValue && !isBoolFlag(f) && i+1 < len(args) {
			flags = append(flags, args[i+1])
			i++
		}
	}
	return flags, words
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// searchAll reads pages until it has limit hits (0: all of them).
func searchAll(ctx context.Context, store *db.Store, input string, sort db.Sort, limit int) ([]db.SearchHit, db.SearchResult, error) {
	var hits []db.SearchHit
	var first db.SearchResult
	for offset := 0; ; {
		page := db.MaxSearchLimit
		if limit > 0 {
			page = min(page, limit-len(hits))
		}
		res, err := store.Search(ctx, db.SearchRequest{Query: input, Sort: sort, Offset: offset, Limit: page})
		if err != nil {
			return nil, res, err
		}
		if offset == 0 {
			first = res
		}
		hits = append(hits, res.Hits...)
		offset += len(res.Hits)
		if len(res.Hits) == 0 || offset >= res.Total || (limit > 0 && len(hits) >= limit) {
			return hits, first, nil
		}
	}
}

// searchHitJSON is a hit as --json shows it.
type searchHitJSON struct {
	articleJSON
	Snippet string    `json:"snippet"` // matched words in [brackets]
	Score   float64   `json:"score"`
	Note    *noteJSON `json:"note,omitempty"`
}

type noteJSON struct {
	ID      int64  `json:"id"`
	Kind    string `json:"kind"`
	Exact   string `json:"exact"`
	Snippet string `json:"snippet"`
}

func hitJSON(h db.SearchHit) searchHitJSON {
	out := searchHitJSON{articleJSON: summaryJSON(h.Article), Snippet: bracketed(h.Snippet), Score: h.Score}
	if h.Note != nil {
		out.Note = &noteJSON{ID: h.Note.AnnotationID, Kind: h.Note.Kind, Exact: h.Note.Exact, Snippet: bracketed(h.Note.Snippet)}
	}
	return out
}

// bracketed shows the snippet marks as brackets, for a terminal.
func bracketed(s string) string {
	return strings.NewReplacer(db.MarkStart, "[", db.MarkEnd, "]").Replace(s)
}

func printHit(w io.Writer, h db.SearchHit) {
	printSummaryLine(w, h.Article)
	snippet := strings.Join(strings.Fields(bracketed(h.Snippet)), " ")
	if h.Note != nil {
		snippet = h.Note.Kind + ": " + snippet
	}
	if snippet != "" {
		fmt.Fprintf(w, "        %s\n", quoted(snippet))
	}
}

func printSearchSummary(w io.Writer, res db.SearchResult, shown int) {
	switch {
	case res.Message != "":
		fmt.Fprintln(w, res.Message)
	case res.Total == 0 && res.Suggestion != nil:
		fmt.Fprintf(w, "Nothing found. Without %s: %d found (folio search %q).\n",
			res.Suggestion.Drop, res.Suggestion.Total, res.Suggestion.Query)
	case res.Total == 0:
		fmt.Fprintln(w, "Nothing found.")
	case shown < res.Total:
		fmt.Fprintf(w, "%d of %d shown; --limit 0 shows all.\n", shown, res.Total)
	}
}
