package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"folio/app/export"
	"folio/db"
)

func runExport(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "export", "[--db PATH] [--format md|json] [--out FILE] [QUERY]",
		"Exports the highlights and notes of the articles QUERY finds (the search language\n"+
			"of the window: words, \"phrases\", tag:, source:, date:, is:starred ...), or of\n"+
			"every article when there is no QUERY. --format md writes Markdown to read and\n"+
			"quote; --format json writes W3C Web Annotations, which \"folio import\" reads back.\n"+
			"Exit status: 0 when something was exported, 1 when there was nothing to export\n"+
			"or it failed, 2 on usage errors.")
	dbPath := fs.String("db", "", "library file (default $FOLIO_DB or ~/.local/share/folio/library.db)")
	format := fs.String("format", export.FormatMarkdown, "md (Markdown) or json (W3C Web Annotations)")
	out := fs.String("out", "", "write to FILE instead of standard output")
	rest, code, ok := parseArgs(fs, env, args)
	if !ok {
		return code
	}
	if *format != export.FormatMarkdown && *format != export.FormatJSON {
		return usageError(env, fs, "--format must be md or json, not %q", *format)
	}
	query := strings.TrimSpace(strings.Join(rest, " "))
	store, ok := openStore(ctx, env, *dbPath)
	if !ok {
		return exitTrouble
	}
	defer store.Close()
	list, err := annotatedArticles(ctx, store, query)
	if err != nil {
		fmt.Fprintln(env.Stderr, "folio export:", err)
		return exitFailed
	}
	if len(list) == 0 {
		if query != "" {
			fmt.Fprintf(env.Stderr, "folio export: no article that %q finds has highlights or notes\n", query)
		} else {
			fmt.Fprintln(env.Stderr, "folio export: the library has no highlights or notes yet")
		}
		return exitFailed
	}
	data, err := export.Bytes(*format, list)
	if err != nil {
		fmt.Fprintln(env.Stderr, "folio export:", err)
		return exitFailed
	}
	if *out == "" {
		if _, err := env.Stdout.Write(data); err != nil {
			fmt.Fprintln(env.Stderr, "folio export:", err)
			return exitFailed
		}
		return exitOK
	}
	if err := writeFileAtomically(*out, data); err != nil {
		fmt.Fprintln(env.Stderr, "folio export:", err)
		return exitFailed
	}
	n := 0
	for _, a := range list {
		n += len(a.Annotations)
	}
	fmt.Fprintf(env.Stderr, "Exported %d highlights and notes from %d articles to %s\n", n, len(list), *out)
	return exitOK
}

// annotatedArticles returns the annotated articles the query finds, or
// every annotated article for an empty query.
func annotatedArticles(ctx context.Context, store *db.Store, query string) ([]db.AnnotatedArticle, error) {
	if query == "" {
		return store.AnnotatedArticles(ctx, nil)
	}
	ids, err := store.ArticleIDsWithAllWords(ctx, query)
	if err != nil || len(ids) == 0 { // no ids would mean every article
		return nil, err
	}
	return store.AnnotatedArticles(ctx, ids)
}

// writeFileAtomically writes through a temporary file beside path, so an
// export that fails halfway never replaces a good file with half of one.
func writeFileAtomically(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}
