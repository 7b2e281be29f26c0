package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"

	"folio/app"
)

// Events fans the app's events out to every open page as server-sent events.
// It is the browser mode's app.Host.
type Events struct {
	mu     sync.Mutex
	subs   map[chan []byte]struct{}
	closed bool
}

// NewEvents returns an empty event hub.
func NewEvents() *Events { return &Events{subs: map[chan []byte]struct{}{}} }

// Emit sends an event to every connected page. A page too slow to keep up
// misses progress events rather than holding up the import.
func (e *Events) Emit(name string, data any) {
	msg, err := json.Marshal(map[string]any{"name": name, "data": data})
	if err != nil {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	for ch := range e.subs {
		select {
		case ch <- msg:
		default:
		}
	}
}

// Close ends every stream.
func (e *Events) Close() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.closed = true
	for ch := range e.subs {
		close(ch)
		delete(e.subs, ch)
	}
}

func (e *Events) subscribe() (chan []byte, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil, false
	}
	ch := make(chan []byte, 256)
	e.subs[ch] = struct{}{}
	return ch, true
}

func (e *Events) unsubscribe(ch chan []byte) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if _, ok := e.subs[ch]; ok {
		delete(e.subs, ch)
		close(ch)
	}
}

// ServeHTTP streams events to one page.
func (e *Events) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch, ok := e.subscribe()
	if !ok {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	defer e.unsubscribe(ch)
	http.NewResponseController(w).SetReadDeadline(time.Time{}) // the stream stays open
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprint(w, ": connected\n\n")
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case msg, open := <-ch:
			if !open {
				return
			}
			fmt.Fprintf(w, "data: %s\n\n", msg)
			flusher.Flush()
		}
	}
}

// The browser mode has no native dialogs: the page uses file inputs and
// links open in a new tab.

// OpenFiles is not available in the browser mode.
func (e *Events) OpenFiles(string) ([]string, error) { return nil, app.ErrNotAvailable }

// OpenFolder is not available in the browser mode.
func (e *Events) OpenFolder(string) (string, error) { return "", app.ErrNotAvailable }

// OpenFile is not available in the browser mode.
func (e *Events) OpenFile(string) (string, error) { return "", app.ErrNotAvailable }

// SaveFile is not available in the browser mode.
func (e *Events) SaveFile(string, string) (string, error) { return "", app.ErrNotAvailable }

// OpenURL is not available in the browser mode.
func (e *Events) OpenURL(string) error { return app.ErrNotAvailable }
