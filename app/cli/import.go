package cli

import (
	"context"
	"fmt"
	"io"
	"os"

	"folio/app/importer"
	"folio/db"
)

func runImport(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "import", "[--db PATH] [--json] [--tag TAG] [--folder-tags] PATH...",
		"Imports article files (text, Markdown, HTML, JSON), folders (recursively) and zip\n"+
			"archives. Each file is reported as imported, duplicate (of an article already\n"+
			"in the library), updated (an edited file imported again), skipped or failed.\n"+
			"JSON files of annotations (Folio's export, W3C Web Annotations, Hypothesis\n"+
			"exports) attach to their articles by address, or by a quote found in one\n"+
			"article; those whose article is missing are kept until it is imported.\n"+
			"Exit status: 0 when nothing failed, 1 when some file failed (the others are\n"+
			"still imported), 2 on usage errors.")
	dbPath := fs.String("db", "", "library file (default $FOLIO_DB or ~/.local/share/folio/library.db)")
	asJSON := fs.Bool("json", false, "print the results as a JSON array")
	folderTags := fs.Bool("folder-tags", false, "tag each article with the folder it came from")
	var tags multiFlag
	fs.Var(&tags, "tag", "add this tag to every imported article (repeatable)")
	paths, code, ok := parseArgs(fs, env, args)
	if !ok {
		return code
	}
	if len(paths) == 0 {
		return usageError(env, fs, "give at least one file, folder or zip archive to import")
	}
	store, ok := openStore(ctx, env, *dbPath)
	if !ok {
		return exitTrouble
	}
	defer store.Close()
	exp := importer.Expand(paths)
	defer exp.Close()
	opts := importer.Options{Tags: tags, FolderTags: *folderTags}
	if !*asJSON && isTerminal(env.Stderr) {
		opts.Progress = progressPrinter(env.Stderr)
	}
	rep := importer.Run(ctx, store, exp.Sources, opts)
	if err := printImport(env, rep, *asJSON); err != nil {
		fmt.Fprintln(env.Stderr, "folio import:", err)
		return exitTrouble
	}
	if err := fillVersions(ctx, env, store); err != nil {
		fmt.Fprintln(env.Stderr, "folio import:", err)
		return exitTrouble
	}
	if rep.Failed > 0 || rep.Cancelled {
		return exitFailed
	}
	return exitOK
}

// importJSON is one import result as --json shows it.
type importJSON struct {
	ID        *int64   `json:"id"`
	Title     string   `json:"title"`
	Published *string  `json:"published"`
	Path      string   `json:"path"`
	Status    string   `json:"status"`
	Error     *string  `json:"error"`
	Warnings  []string `json:"warnings,omitempty"`
}

func printImport(env Env, rep importer.Report, asJSON bool) error {
	if asJSON {
		out := make([]importJSON, len(rep.Results))
		for i, r := range rep.Results {
			out[i] = importJSON{Title: r.Title, Published: nullable(r.Published), Path: r.Path,
				Status: r.Status, Error: nullable(r.Error), Warnings: r.Warnings}
			if r.ID != 0 {
				id := r.ID
				out[i].ID = &id
			}
		}
		return writeJSON(env.Stdout, out)
	}
	for _, r := range rep.Results {
		line := fmt.Sprintf("%-9s %s", r.Status, quoted(r.Path))
		if r.Error != "" {
			line += ": " + quoted(r.Error)
		}
		fmt.Fprintln(env.Stdout, line)
		for _, w := range r.Warnings {
			fmt.Fprintf(env.Stdout, "          warning: %s\n", quoted(w))
		}
	}
	fmt.Fprintf(env.Stdout, "\n%d imported, %d updated, %d duplicates, %d skipped, %d failed in %.1f s\n",
		rep.Imported, rep.Updated, rep.Duplicates, rep.Skipped, rep.Failed, rep.Seconds)
	if rep.AttachedLater > 0 {
		fmt.Fprintf(env.Stdout, "%d highlights and notes kept from earlier imports found their article\n", rep.AttachedLater)
	}
	if rep.Problem != "" {
		fmt.Fprintf(env.Stdout, "warning: %s\n", rep.Problem)
	}
	if rep.Cancelled {
		fmt.Fprintf(env.Stdout, "Cancelled: %d files were not imported. Run the same import again to finish it.\n", rep.NotDone)
	}
	return nil
}

func progressPrinter(w io.Writer) func(importer.Progress) {
	return func(p importer.Progress) {
		fmt.Fprintf(w, "\r%d/%d files, %.0f articles/s ", p.FilesDone, p.FilesTotal, p.PerSecond)
		if p.FilesDone == p.FilesTotal {
			fmt.Fprintln(w)
		}
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// multiFlag collects a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return fmt.Sprint([]string(*m)) }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// fillVersions signs and groups the articles stored before versions were
// found (the window does it in the background), saying so when there are
// any, so that they are grouped with the copies just imported.
func fillVersions(ctx context.Context, env Env, store *db.Store) error {
	p, err := store.VersionsProgress(ctx)
	if err != nil || p.Ready {
		return err
	}
	n, articles := p.Total-p.Done, "articles"
	if n == 1 {
		articles = "article"
	}
	fmt.Fprintf(env.Stderr, "Finding the versions of %d older %s…\n", n, articles)
	return store.FillVersions(ctx, nil)
}
