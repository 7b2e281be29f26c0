// Package desktop opens Folio's window: the Wails webview around the
// frontend, bound to the app.
package desktop

import (
	"context"
	"io/fs"
	"net/http"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"folio/app"
)

// Host is the window's side of app.Host. Its context comes from Wails once
// the window starts.
type Host struct {
	ctx context.Context
}

// Emit sends an event to the page.
func (h *Host) Emit(name string, data any) {
	if h.ctx != nil {
		runtime.EventsEmit(h.ctx, name, data)
	}
}

// OpenFiles shows the system's file picker for article files.
func (h *Host) OpenFiles(title string) ([]string, error) {
	return runtime.OpenMultipleFilesDialog(h.ctx, runtime.OpenDialogOptions{
		Title: title,
		Filters: []runtime.FileFilter{
			{DisplayName: "Articles (*.txt, *.md, *.html, *.json, *.zip)", Pattern: "*.txt;*.text;*.md;*.markdown;*.html;*.htm;*.json;*.zip"},
			{DisplayName: "All files", Pattern: "*"},
		},
	})
}

// OpenFolder shows the system's folder picker.
func (h *Host) OpenFolder(title string) (string, error) {
	return runtime.OpenDirectoryDialog(h.ctx, runtime.OpenDialogOptions{Title: title})
}

// OpenFile shows the system's file picker for one file.
func (h *Host) OpenFile(title string) (string, error) {
	return runtime.OpenFileDialog(h.ctx, runtime.OpenDialogOptions{Title: title})
}

// SaveFile shows the system's save dialog.
func (h *Host) SaveFile(title, defaultName string) (string, error) {
	return runtime.SaveFileDialog(h.ctx, runtime.SaveDialogOptions{Title: title, DefaultFilename: defaultName})
}

// OpenURL opens a link in the system browser, never inside the app.
func (h *Host) OpenURL(url string) error {
	runtime.BrowserOpenURL(h.ctx, url)
	return nil
}

// Options configure the window.
type Options struct {
	Assets fs.FS
	Icon   []byte
}

// Run opens the window and blocks until it is closed.
func Run(a *app.App, h *Host, o Options) error {
	return wails.Run(&options.App{
		Title:     "Folio",
		Width:     1280,
		Height:    820,
		MinWidth:  760,
		MinHeight: 480,
		AssetServer: &assetserver.Options{
			Assets:     o.Assets,
			Middleware: securityHeaders,
		},
		BackgroundColour: &options.RGBA{R: 250, G: 249, B: 246, A: 255},
		OnStartup:        func(ctx context.Context) { h.ctx = ctx },
		Bind:             []interface{}{a},
		DragAndDrop:      &options.DragAndDrop{EnableFileDrop: true},
		Linux: &linux.Options{
			Icon:             o.Icon,
			ProgramName:      "folio",
			WebviewGpuPolicy: linux.WebviewGpuPolicyOnDemand,
		},
	})
}

// securityHeaders puts the Content-Security-Policy on every asset.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", app.ContentSecurityPolicy)
		next.ServeHTTP(w, r)
	})
}
