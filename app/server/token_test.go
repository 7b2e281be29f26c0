package server_test

import (
	"net/http"
	"strings"
	"testing"
)

// Another local user can reach the port, but without this run's token
// nothing answers: not the page, not the calls, not the events.
func TestEveryRequestNeedsTheRunsToken(t *testing.T) {
	url, srv := serve(t)
	for _, c := range []struct{ method, path, body string }{
		{"GET", "", ""},
		{"GET", "folio/bridge.js", ""},
		{"GET", "folio/events", ""},
		{"POST", "folio/call/Info", "[]"},
		{"POST", "folio/call/ImportPaths", `[["/etc/passwd"],{}]`},
		{"POST", "folio/call/Info?token=wrong", "[]"},
	} {
		req, _ := http.NewRequest(c.method, url+c.path, strings.NewReader(c.body))
		req.Header.Set("X-Folio-Call", "1")
		res, err := http.DefaultClient.Do(req) // no cookie jar: another user's client
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusUnauthorized {
			t.Errorf("%s /%s without the token: %d, want 401", c.method, c.path, res.StatusCode)
		}
	}

	// The printed URL sets the cookie and leads to the page without the token.
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := noRedirect.Get(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	cookies := res.Cookies()
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/" || len(cookies) != 1 {
		t.Fatalf("the printed URL: %d to %q with %v", res.StatusCode, res.Header.Get("Location"), cookies)
	}
	if c := cookies[0]; !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.Path != "/" {
		t.Errorf("the cookie is not HttpOnly, SameSite=Strict, Path=/: %+v", c)
	}
	req, _ := http.NewRequest("POST", url+"folio/call/Info", strings.NewReader("[]"))
	req.Header.Set("X-Folio-Call", "1")
	req.AddCookie(cookies[0])
	if res, err := http.DefaultClient.Do(req); err != nil || res.StatusCode != 200 {
		t.Errorf("a call with the cookie: %v, %v", res, err)
	}
	// A program that is given the URL can call with the token in it.
	req, _ = http.NewRequest("POST", url+"folio/call/Info?token="+strings.SplitN(srv.URL(), "token=", 2)[1], strings.NewReader("[]"))
	req.Header.Set("X-Folio-Call", "1")
	if res, err := http.DefaultClient.Do(req); err != nil || res.StatusCode != 200 {
		t.Errorf("a call with the token in its URL: %v, %v", res, err)
	}
}
