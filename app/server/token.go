package server

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"net"
	"net/http"
)

// tokenParam is the query parameter of the printed URL that carries the
// run's token.
const tokenParam = "token"

// newToken is 32 random bytes, URL-safe.
func newToken() string {
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand)
	return base64.RawURLEncoding.EncodeToString(b)
}

// cookieName is per port: cookies are shared by every port of a host, and
// two Folios may serve at once.
func (s *Server) cookieName() string {
	_, port, _ := net.SplitHostPort(s.ln.Addr().String())
	return "folio-" + port
}

// authorised lets through requests that carry this run's token: in the
// cookie, or in the URL, which is then exchanged for the cookie (HttpOnly,
// so no script reads it; SameSite=Strict, so no other site's page sends
// it). A page visit is redirected to the address without the token, so it
// stays out of the history. Anything else is refused and answered here.
func (s *Server) authorised(w http.ResponseWriter, r *http.Request) bool {
	if c, err := r.Cookie(s.cookieName()); err == nil && s.isToken(c.Value) {
		return true
	}
	q := r.URL.Query()
	if !s.isToken(q.Get(tokenParam)) {
		w.Header().Set("Cache-Control", "no-store")
		http.Error(w, "Folio: this address needs the key of this run. Open the address that folio serve printed (it ends in ?token=...).", http.StatusUnauthorized)
		return false
	}
	http.SetCookie(w, &http.Cookie{Name: s.cookieName(), Value: s.token, Path: "/",
		HttpOnly: true, SameSite: http.SameSiteStrictMode})
	if r.Method != http.MethodGet {
		return true
	}
	q.Del(tokenParam)
	u := *r.URL
	u.RawQuery = q.Encode()
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
	return false
}

// isToken compares in constant time, so the answer's timing says nothing
// of the token.
func (s *Server) isToken(v string) bool {
	return v != "" && subtle.ConstantTimeCompare([]byte(v), []byte(s.token)) == 1
}
