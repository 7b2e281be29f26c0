// Package server is Folio's browser mode: the same frontend and the same
// bound methods as the desktop window, served over HTTP on loopback so the
// whole app runs in a normal browser.
package server

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"strings"
	"time"

	"folio/app"
)

//go:embed bridge.js
var bridgeJS []byte

// bridgePath is the script that gives the page the window.go and
// window.runtime objects the desktop webview has.
const bridgePath = "/folio/bridge.js"

// Server serves one library to a browser on loopback.
type Server struct {
	app    *app.App
	assets fs.FS
	events *Events
	ln     net.Listener
	http   *http.Server
	// token is this run's secret: the printed URL carries it, and the
	// browser that opens that URL keeps it in a cookie. Other local users
	// can reach the port, but not the token.
	token string
}

// Listen opens addr, which must be a loopback address ("127.0.0.1:0" picks
// a free port).
func Listen(addr string) (net.Listener, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("--addr %q: want 127.0.0.1:PORT (%v)", addr, err)
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return nil, fmt.Errorf("--addr %q: Folio serves only on a loopback address such as 127.0.0.1", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", addr, err)
	}
	return ln, nil
}

// New prepares a server for the app; assets is the built frontend.
func New(a *app.App, events *Events, assets fs.FS, ln net.Listener) *Server {
	s := &Server{app: a, assets: assets, events: events, ln: ln, token: newToken()}
	s.http = &http.Server{
		Handler: s.Handler(),
		// A request's headers come at once from a browser; one that sends
		// half and stops is cut off. There is no overall read or write
		// timeout: the event stream stays open, and a call's body has its
		// own (see call). An idle connection is closed.
		ReadHeaderTimeout: headerTimeout,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	return s
}

// headerTimeout bounds the wait for a request's headers.
var headerTimeout = 10 * time.Second

// URL is where the browser should go: the server's address with this
// run's token, which the first visit exchanges for a cookie.
func (s *Server) URL() string { return s.Address() + "?" + tokenParam + "=" + s.token }

// Address is the server's address, without the token.
func (s *Server) Address() string { return "http://" + s.ln.Addr().String() + "/" }

// Serve answers requests until Shutdown.
func (s *Server) Serve() error {
	err := s.http.Serve(s.ln)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown stops the server, ending the event streams.
func (s *Server) Shutdown(ctx context.Context) error {
	s.events.Close()
	return s.http.Shutdown(ctx)
}

// Handler is the whole browser mode behind the loopback guard.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /folio/call/{method}", s.call)
	mux.HandleFunc("GET /folio/events", s.events.ServeHTTP)
	mux.HandleFunc("GET "+bridgePath, serveBridge)
	mux.HandleFunc("GET /", s.static)
	return s.guard(mux)
}

// guard refuses requests that did not come from our own page: a Host header
// other than our address (DNS rebinding) or another site's Origin (CSRF).
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// A request's body must come within bodyTimeout; the handlers that
		// read it, or run long, lift the deadline (see call and Events).
		// A refused request keeps it, so its unread body cannot hold the
		// connection open.
		http.NewResponseController(w).SetReadDeadline(time.Now().Add(bodyTimeout))
		own := s.ln.Addr().String()
		if !allowedHost(r.Host, own) {
			http.Error(w, "Folio: unknown host", http.StatusForbidden)
			return
		}
		if origin := r.Header.Get("Origin"); origin != "" && !allowedOrigin(origin, own) {
			http.Error(w, "Folio: requests from other sites are refused", http.StatusForbidden)
			return
		}
		h := w.Header()
		h.Set("Content-Security-Policy", app.ContentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		if s.authorised(w, r) {
			next.ServeHTTP(w, r)
		}
	})
}

// allowedHost accepts exactly our address, or localhost with our port.
func allowedHost(host, own string) bool {
	if host == own {
		return true
	}
	_, port, _ := net.SplitHostPort(own)
	return host == "localhost:"+port
}

func allowedOrigin(origin, own string) bool {
	return allowedHost(strings.TrimPrefix(origin, "http://"), own)
}

func serveBridge(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(bridgeJS)
}

// static serves the built frontend; index.html gets the bridge script first
// in <head>, where the desktop webview gets Wails' own scripts.
func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/")
	if name == "" || name == "index.html" {
		s.index(w)
		return
	}
	if _, err := fs.Stat(s.assets, name); err != nil {
		http.NotFound(w, r)
		return
	}
	http.ServeFileFS(w, r, s.assets, name)
}

func (s *Server) index(w http.ResponseWriter) {
	page, err := fs.ReadFile(s.assets, "index.html")
	if err != nil {
		http.Error(w, "Folio's frontend is not built into this binary: run `make build` (or `cd frontend && npm run build`) and build again.", http.StatusNotFound)
		return
	}
	tag := []byte(`<head><script src="` + bridgePath + `"></script>`)
	page = bytes.Replace(page, []byte("<head>"), tag, 1)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(page)
}
