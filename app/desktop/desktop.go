// Package desktop opens Folio's window: the Wails webview around the
// frontend, bound to the app.
package desktop

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"sync"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"folio/app"
	"folio/app/importer"
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

// Events the window sends when files arrive from outside the page: given
// on the command line, or to a second launch of Folio on the same library.
const (
	// EventImportExternal carries the paths ([]string) as their import starts.
	EventImportExternal = "import:external"
	// EventImportExternalDone carries an ExternalImport when it is over.
	EventImportExternalDone = "import:external:done"
)

// ExternalImport is the outcome of importing files given from outside.
type ExternalImport struct {
	Paths  []string        `json:"paths"`
	Report importer.Report `json:"report"`
	// Error is set when the import could not run at all.
	Error string `json:"error,omitempty"`
}

// Options configure the window.
type Options struct {
	// Assets are the built frontend.
	Assets fs.FS
	// Icon is the window's PNG icon.
	Icon []byte
	// Library is the library file; it names the single-instance lock, so
	// each library has at most one window. Empty means no lock.
	Library string
	// StatePath is the file keeping the window's size and place between
	// runs; empty keeps none.
	StatePath string
	// Open are files and folders to import once the page is up.
	Open []string
	// PathsFromArgs picks the files and folders out of the command line of
	// a second launch, which is handed to the window already running.
	PathsFromArgs func(args []string) []string
	// Stderr hears about problems that should not stop the window.
	Stderr io.Writer
}

// Run opens the window and blocks until it is closed.
func Run(a *app.App, h *Host, o Options) error {
	if o.Stderr == nil {
		o.Stderr = io.Discard
	}
	w := &window{app: a, host: h, opts: o, ready: make(chan struct{})}
	return wails.Run(w.options())
}

// window is one run of the window: its saved state and what waits for the
// page to be ready.
type window struct {
	app       *app.App
	host      *Host
	opts      Options
	state     WindowState
	ready     chan struct{} // closed once the page has loaded
	readyOnce sync.Once
}

func (w *window) options() *options.App {
	w.state = DefaultWindowState()
	if w.opts.StatePath != "" {
		w.state = LoadWindowState(w.opts.StatePath)
	}
	start := options.Normal
	if w.state.Maximised {
		start = options.Maximised
	}
	o := &options.App{
		Title:            "Folio",
		Width:            w.state.Width,
		Height:           w.state.Height,
		MinWidth:         MinWidth,
		MinHeight:        MinHeight,
		WindowStartState: start,
		Menu: NewMenu(MenuActions{
			Send: func(action string) { w.host.Emit(EventMenu, action) },
			Edit: func(c EditCommand) { runEdit(w.host.ctx, c) },
			Quit: func() { runtime.Quit(w.host.ctx) },
		}),
		AssetServer: &assetserver.Options{
			Assets:     w.opts.Assets,
			Middleware: securityHeaders,
		},
		BackgroundColour: &options.RGBA{R: 250, G: 249, B: 246, A: 255},
		OnStartup:        w.startup,
		OnDomReady:       w.domReady,
		OnBeforeClose:    w.beforeClose,
		Bind:             []interface{}{w.app},
		DragAndDrop:      &options.DragAndDrop{EnableFileDrop: true},
		Linux: &linux.Options{
			Icon:             w.opts.Icon,
			ProgramName:      "folio",
			WebviewGpuPolicy: linux.WebviewGpuPolicyOnDemand,
		},
	}
	if w.opts.Library != "" {
		o.SingleInstanceLock = &options.SingleInstanceLock{
			UniqueId:               InstanceID(w.opts.Library),
			OnSecondInstanceLaunch: w.secondLaunch,
		}
	}
	return o
}

func (w *window) startup(ctx context.Context) {
	w.host.ctx = ctx
	if len(w.opts.Open) > 0 {
		w.importExternal(w.opts.Open)
	}
}

// domReady puts the window back where it was. Wails centres the window as
// it shows it, so an earlier move would be undone.
func (w *window) domReady(ctx context.Context) {
	w.readyOnce.Do(func() {
		if w.state.Positioned && !w.state.Maximised {
			s := w.state
			if screens, err := runtime.ScreenGetAll(ctx); err == nil {
				for _, sc := range screens {
					if sc.IsCurrent {
						s = s.FitScreen(sc.Size.Width, sc.Size.Height)
					}
				}
			}
			runtime.WindowSetPosition(ctx, s.X, s.Y)
		}
		close(w.ready)
	})
}

// beforeClose saves the window's size and place; it never stops the close.
// A maximised or full-screen window keeps the size it had before, so that
// un-maximising next time goes back to it.
func (w *window) beforeClose(ctx context.Context) (prevent bool) {
	if w.opts.StatePath == "" {
		return false
	}
	s := w.state
	switch {
	case runtime.WindowIsFullscreen(ctx), runtime.WindowIsMinimised(ctx):
		// Neither says where the person wants the window next time.
	case runtime.WindowIsMaximised(ctx):
		s.Maximised = true
	default:
		s.Width, s.Height = runtime.WindowGetSize(ctx)
		s.X, s.Y = runtime.WindowGetPosition(ctx)
		s.Positioned, s.Maximised = true, false
	}
	if err := SaveWindowState(w.opts.StatePath, s); err != nil {
		fmt.Fprintln(w.opts.Stderr, "folio:", err)
	}
	return false
}

// secondLaunch runs when Folio is started again on this library: that
// launch exits, and this window comes to the front and imports what it was
// given.
func (w *window) secondLaunch(data options.SecondInstanceData) {
	if ctx := w.host.ctx; ctx != nil {
		runtime.WindowUnminimise(ctx)
		runtime.Show(ctx)
		present(ctx)
	}
	var paths []string
	if w.opts.PathsFromArgs != nil {
		paths = w.opts.PathsFromArgs(data.Args)
	}
	if paths = ResolvePaths(paths, data.WorkingDirectory); len(paths) > 0 {
		w.importExternal(paths)
	}
}

// importExternal imports files given from outside the page once the page
// can hear about it: it learns of the start, follows the usual progress
// events, and gets the report at the end.
func (w *window) importExternal(paths []string) {
	go func() {
		<-w.ready
		w.host.Emit(EventImportExternal, paths)
		rep, err := w.app.ImportPaths(paths, app.ImportOptions{})
		done := ExternalImport{Paths: paths, Report: rep}
		if err != nil {
			done.Error = err.Error()
			fmt.Fprintln(w.opts.Stderr, "folio:", err)
		}
		w.host.Emit(EventImportExternalDone, done)
	}()
}

// securityHeaders puts the Content-Security-Policy on every asset.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", app.ContentSecurityPolicy)
		next.ServeHTTP(w, r)
	})
}
