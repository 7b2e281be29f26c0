package cli

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Another user of the machine reaches folio serve's port but not its
// token; the owner's page reads files from disk only inside --import-from.
func TestServeKeepsOthersOutAndReadsOnlyChosenFolders(t *testing.T) {
	chosen, elsewhere := t.TempDir(), t.TempDir()
	secret := filepath.Join(elsewhere, "secret.txt")
	os.WriteFile(secret, []byte("Secret\n\nThe owner's private notes."), 0o600)
	os.WriteFile(filepath.Join(chosen, "harbour.txt"), []byte("Harbour\n\nThe harbour opens in spring."), 0o644)
	_, printed := startServeAt(t, filepath.Join(t.TempDir(), "library.db"), "--import-from", chosen)
	base, token, ok := strings.Cut(printed, "?token=")
	if !ok || len(token) < 40 {
		t.Fatalf("folio serve printed %q; want an address with a token", printed)
	}
	call := func(url, body string) (int, string) {
		req, _ := http.NewRequest("POST", url, strings.NewReader(body))
		req.Header.Set("X-Folio-Call", "1")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	for _, u := range []string{base + "folio/call/ImportPaths", base + "folio/call/ImportPaths?token=" + strings.Repeat("A", len(token))} {
		if code, body := call(u, `[["`+secret+`"],{}]`); code != http.StatusUnauthorized {
			t.Errorf("ImportPaths without the token: %d %s", code, body)
		}
	}
	withToken := base + "folio/call/ImportPaths?token=" + token
	if code, body := call(withToken, `[["`+secret+`"],{}]`); code != http.StatusUnprocessableEntity || !strings.Contains(body, "--import-from") {
		t.Errorf("ImportPaths outside --import-from: %d %s", code, body)
	}
	if code, body := call(withToken, `[["`+chosen+`"],{}]`); code != http.StatusOK || !strings.Contains(body, `"imported":1`) {
		t.Errorf("ImportPaths inside --import-from: %d %s", code, body)
	}
}
