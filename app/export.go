package app

import (
	"context"
	"errors"
	"fmt"
	"os"

	"folio/app/export"
)

// ExportParams chooses what to export and how.
type ExportParams struct {
	Format     string  `json:"format"`     // "md" (Markdown) or "json" (W3C Web Annotations)
	ArticleIDs []int64 `json:"articleIds"` // empty: every article with highlights or notes
}

// errNothingToExport keeps an empty file from being written or downloaded.
var errNothingToExport = errors.New("there are no highlights or notes to export in the chosen articles")

// ExportAnnotations returns the export as text; the browser mode offers it
// as a download.
func (a *App) ExportAnnotations(p ExportParams) (string, error) {
	data, err := a.exportBytes(p)
	if err != nil {
		return "", userError("export the highlights and notes", err)
	}
	return string(data), nil
}

// SaveAnnotationsExport asks where to save the export and writes it there.
// It returns the file's path, or "" when the person cancelled.
func (a *App) SaveAnnotationsExport(p ExportParams) (string, error) {
	data, err := a.exportBytes(p)
	if err != nil {
		return "", userError("export the highlights and notes", err)
	}
	path, err := a.host.SaveFile("Export highlights and notes", export.FileName(p.Format))
	if err != nil {
		return "", userError("choose where to save the export", err)
	}
	if path == "" {
		return "", nil
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return "", fmt.Errorf("save the export: %w", err)
	}
	return path, nil
}

func (a *App) exportBytes(p ExportParams) ([]byte, error) {
	if p.Format != export.FormatMarkdown && p.Format != export.FormatJSON {
		return nil, fmt.Errorf("%q is not an export format; choose Markdown (md) or JSON (json)", p.Format)
	}
	list, err := a.db().AnnotatedArticles(context.Background(), p.ArticleIDs)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, errNothingToExport
	}
	return export.Bytes(p.Format, list)
}
