package server_test

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"folio/app"
	"folio/app/server"
)

// jsonUpload is a body for ImportUploads that is n bytes long: one
// upload whose base64 runs on.
func jsonUpload(n int64) io.Reader {
	head := `[[{"name":"big.txt","base64":"`
	tail := `"}],{}]`
	fill := io.LimitReader(repeatReader('Q'), n-int64(len(head)+len(tail)))
	return io.MultiReader(strings.NewReader(head), fill, strings.NewReader(tail))
}

type repeatReader byte

func (r repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

func TestCallBodiesAreBounded(t *testing.T) {
	url, _ := serve(t)
	big := strings.Repeat(" ", 2<<20) + "[1]"
	code, body, _ := request(t, "POST", url+"folio/call/GetArticle", "", big, callHeaders)
	if code != http.StatusRequestEntityTooLarge || !strings.Contains(body, "import fewer files") {
		t.Errorf("a 2 MB GetArticle: %d %s; want 413", code, body)
	}

	req, _ := http.NewRequest("POST", url+"folio/call/ImportUploads", jsonUpload(server.MaxUploadBody+1<<20))
	for k, v := range callHeaders {
		req.Header.Set(k, v)
	}
	res, err := browser.Do(req)
	if err != nil {
		t.Fatalf("an upload over the limit: %v", err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(b), "MB a call may send") {
		t.Errorf("an upload over the limit: %d %s; want 413", res.StatusCode, b)
	}
}

// Requests sent half and left are cut off: their headers, or their body.
func TestHalfSentRequestsAreCutOff(t *testing.T) {
	defer server.SetTimeouts(200*time.Millisecond, 200*time.Millisecond)()
	url, _ := serve(t)
	addr := strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/")
	for _, half := range []string{
		"POST /folio/call/Info HTTP/1.1\r\nHost: " + addr + "\r\n",
		"POST /folio/call/GetArticle HTTP/1.1\r\nHost: " + addr + "\r\nX-Folio-Call: 1\r\nContent-Length: 1000\r\n\r\n[1",
	} {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		conn.Write([]byte(half))
		conn.SetReadDeadline(time.Now().Add(30 * time.Second)) // only so a failure cannot hang the suite
		_, err = io.ReadAll(bufio.NewReader(conn))
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			t.Errorf("the server kept a half-sent request open: %q", half)
		}
		conn.Close()
	}
}

// The page refuses a drop over the limit before sending it; its limit is
// the app's.
func TestFrontendKnowsTheUploadLimit(t *testing.T) {
	src, err := os.ReadFile("../../frontend/src/lib/api.ts")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`export const maxUploadMB = (\d+);`).FindSubmatch(src)
	if m == nil || string(m[1]) != strconv.Itoa(app.MaxUploadTotal>>20) {
		t.Errorf("frontend/src/lib/api.ts maxUploadMB = %s, want %d (app.MaxUploadTotal)", m, app.MaxUploadTotal>>20)
	}
}
