package app

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"

	"folio/app/importer"
)

// Events the import emits while it runs.
const (
	EventImportProgress = "import:progress"
	EventLibraryChanged = "library:changed"
)

// ImportOptions are chosen by the person before an import.
type ImportOptions struct {
	// FolderTags tags articles with the folder they came from.
	FolderTags bool `json:"folderTags"`
	// Tags are added to every imported article.
	Tags []string `json:"tags"`
}

// Upload is a file sent by the browser mode, whose drops carry contents,
// not paths.
type Upload struct {
	Name   string `json:"name"`
	Base64 string `json:"base64"` // the file's bytes
}

// ImportPaths imports files, folders and zip archives from disk. It returns
// when the import is over or cancelled; meanwhile it emits progress events.
func (a *App) ImportPaths(paths []string, opts ImportOptions) (importer.Report, error) {
	if len(paths) == 0 {
		return importer.Report{Results: []importer.Result{}}, errors.New("nothing to import: no files were given")
	}
	for _, p := range paths {
		if err := a.mayRead(p); err != nil {
			return importer.Report{Results: []importer.Result{}}, err
		}
	}
	exp := importer.ExpandWithin(paths, a.readRoots)
	defer exp.Close()
	return a.runImport(exp, opts)
}

// MaxUploadTotal bounds the bytes of the files one browser-mode import
// sends: twice the largest article file Folio imports. More is imported
// from disk, which reads one file at a time.
const MaxUploadTotal = 2 * importer.MaxFileSize

// ImportUploads imports files whose contents the browser sent.
func (a *App) ImportUploads(files []Upload, opts ImportOptions) (importer.Report, error) {
	if len(files) == 0 {
		return importer.Report{Results: []importer.Result{}}, errors.New("nothing to import: no files were given")
	}
	total := 0
	for _, f := range files {
		total += base64.StdEncoding.DecodedLen(len(f.Base64))
	}
	if total > MaxUploadTotal+3*len(files) {
		return importer.Report{Results: []importer.Result{}}, fmt.Errorf(
			"the files are over the %d MB one import can send; import fewer at a time, or import them from disk (folio import)", MaxUploadTotal>>20)
	}
	exp := &importer.Expansion{}
	defer exp.Close()
	for _, f := range files {
		data, err := base64.StdEncoding.DecodeString(f.Base64)
		if err != nil {
			return importer.Report{}, fmt.Errorf("upload %q arrived damaged: %v", f.Name, err)
		}
		exp.AddUpload(f.Name, data)
	}
	return a.runImport(exp, opts)
}

// ChooseFilesToImport opens the system file picker and imports the choice.
// An empty report means the person cancelled the picker.
func (a *App) ChooseFilesToImport(opts ImportOptions) (importer.Report, error) {
	paths, err := a.host.OpenFiles("Import articles")
	if err != nil {
		return importer.Report{}, userError("choose files", err)
	}
	if len(paths) == 0 {
		return importer.Report{Results: []importer.Result{}}, nil
	}
	return a.ImportPaths(paths, opts)
}

// ChooseFolderToImport opens the system folder picker and imports the folder.
func (a *App) ChooseFolderToImport(opts ImportOptions) (importer.Report, error) {
	dir, err := a.host.OpenFolder("Import a folder of articles")
	if err != nil {
		return importer.Report{}, userError("choose a folder", err)
	}
	if dir == "" {
		return importer.Report{Results: []importer.Result{}}, nil
	}
	return a.ImportPaths([]string{dir}, opts)
}

// CancelImport stops the running import after the batch being written.
// What was stored stays; the report says how many files were left.
func (a *App) CancelImport() {
	a.cancelMu.Lock()
	defer a.cancelMu.Unlock()
	if a.cancelImport != nil {
		a.cancelImport()
	}
}

// runImport runs one import at a time; a second waits for the first.
func (a *App) runImport(exp *importer.Expansion, opts ImportOptions) (importer.Report, error) {
	a.importMu.Lock()
	defer a.importMu.Unlock()
	ctx, cancel := context.WithCancel(context.Background())
	a.cancelMu.Lock()
	a.cancelImport = cancel
	a.cancelMu.Unlock()
	defer func() {
		a.cancelMu.Lock()
		a.cancelImport = nil
		a.cancelMu.Unlock()
		cancel()
	}()
	rep := importer.Run(ctx, a.db(), exp.Sources, importer.Options{
		Tags:       opts.Tags,
		FolderTags: opts.FolderTags,
		Progress:   func(p importer.Progress) { a.host.Emit(EventImportProgress, p) },
	})
	a.host.Emit(EventLibraryChanged, nil)
	return rep, nil
}
