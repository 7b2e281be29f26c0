package server_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"folio/app"
	"folio/app/server"
	"folio/db"
)

// serve starts the browser mode on a fresh library and returns its URL.
func serve(t *testing.T) (string, *server.Server) {
	t.Helper()
	store, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	ln, err := server.Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	events := server.NewEvents()
	assets := fstest.MapFS{
		"index.html":    {Data: []byte(`<!doctype html><html><head><title>Folio</title></head><body></body></html>`)},
		"assets/app.js": {Data: []byte(`console.log("app")`)},
	}
	srv := server.New(app.New(store, events, "browser"), events, assets, ln)
	go srv.Serve()
	t.Cleanup(func() {
		srv.Shutdown(context.Background())
		store.Close()
	})
	// The browser opens the printed URL and keeps the cookie it gets.
	res, err := browser.Get(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 || res.Request.URL.String() != srv.Address() {
		t.Fatalf("opening the printed URL: %d at %s", res.StatusCode, res.Request.URL)
	}
	return srv.Address(), srv
}

// browser is a client with a cookie jar, as a browser is: it holds the
// cookie of each server it opened the printed URL of.
var browser = func() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar}
}()

func request(t *testing.T, method, url, host, body string, headers map[string]string) (int, string, http.Header) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if host != "" {
		req.Host = host
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	res, err := browser.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b), res.Header
}

var callHeaders = map[string]string{"X-Folio-Call": "1", "Content-Type": "application/json"}

func TestIndexGetsTheBridgeAndTheCSP(t *testing.T) {
	url, _ := serve(t)
	code, body, h := request(t, "GET", url, "", "", nil)
	if code != 200 || !strings.Contains(body, `<head><script src="/folio/bridge.js"></script>`) {
		t.Fatalf("index: %d %s", code, body)
	}
	if h.Get("Content-Security-Policy") != app.ContentSecurityPolicy {
		t.Errorf("CSP header = %q", h.Get("Content-Security-Policy"))
	}
	if code, _, _ := request(t, "GET", url+"folio/bridge.js", "", "", nil); code != 200 {
		t.Errorf("bridge: %d", code)
	}
	if code, _, _ := request(t, "GET", url+"assets/app.js", "", "", nil); code != 200 {
		t.Errorf("asset: %d", code)
	}
	if code, _, _ := request(t, "GET", url+"assets/missing.js", "", "", nil); code != 404 {
		t.Errorf("missing asset: %d", code)
	}
}

func TestForeignHostsAndOriginsAreRefused(t *testing.T) {
	url, _ := serve(t)
	port := url[strings.LastIndex(url, ":")+1 : len(url)-1]
	for _, host := range []string{"evil.example", "evil.example:" + port, "127.0.0.2:" + port, "0.0.0.0:" + port} {
		if code, _, _ := request(t, "GET", url, host, "", nil); code != http.StatusForbidden {
			t.Errorf("Host %q: %d, want 403 (DNS rebinding)", host, code)
		}
	}
	// localhost passes the host check; it then needs the token, as its
	// cookies are not 127.0.0.1's.
	if code, _, _ := request(t, "GET", url, "localhost:"+port, "", nil); code != http.StatusUnauthorized {
		t.Errorf("localhost with our port: %d, want 401", code)
	}
	h := map[string]string{"X-Folio-Call": "1", "Origin": "http://evil.example"}
	if code, _, _ := request(t, "POST", url+"folio/call/Info", "", "[]", h); code != http.StatusForbidden {
		t.Errorf("call from another origin: %d, want 403", code)
	}
	if code, _, _ := request(t, "POST", url+"folio/call/Info", "", "[]", map[string]string{"Content-Type": "text/plain"}); code != http.StatusForbidden {
		t.Errorf("call without the custom header: %d, want 403", code)
	}
}

func TestCallsReachTheApp(t *testing.T) {
	url, _ := serve(t)
	code, body, _ := request(t, "POST", url+"folio/call/Info", "", "[]", callHeaders)
	var info app.Info
	if code != 200 || json.Unmarshal([]byte(body), &info) != nil || info.Mode != "browser" {
		t.Fatalf("Info: %d %s", code, body)
	}
	code, body, _ = request(t, "POST", url+"folio/call/GetArticle", "", "[12345]", callHeaders)
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "no longer exists") {
		t.Errorf("GetArticle(missing): %d %s", code, body)
	}
	code, body, _ = request(t, "POST", url+"folio/call/GetArticle", "", `["not a number"]`, callHeaders)
	if code != http.StatusBadRequest || !strings.Contains(body, "argument 1") {
		t.Errorf("bad argument: %d %s", code, body)
	}
	if code, _, _ := request(t, "POST", url+"folio/call/NoSuchMethod", "", "[]", callHeaders); code != 404 {
		t.Errorf("unknown method: %d", code)
	}
}

func TestListenRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", "192.168.1.1:0", "example.com:80", "nonsense"} {
		if ln, err := server.Listen(addr); err == nil {
			ln.Close()
			t.Errorf("Listen(%q) succeeded", addr)
		}
	}
}

func TestIndexHTMLCarriesTheSameCSP(t *testing.T) {
	page, err := os.ReadFile("../../frontend/index.html")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]+)"`).FindSubmatch(page)
	if m == nil {
		t.Fatal("frontend/index.html has no CSP meta tag")
	}
	// frame-ancestors is ignored in a meta tag, so it is only in the header.
	want := strings.TrimSuffix(app.ContentSecurityPolicy, "; frame-ancestors 'none'")
	if string(m[1]) != want {
		t.Errorf("index.html CSP\n %s\nwant\n %s", m[1], want)
	}
}
