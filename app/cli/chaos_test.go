//go:build unix

package cli

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"folio/db"
	"folio/db/corpus"
)

// The chaos test runs real folio processes against real files and breaks
// things at random moments, several rounds each: kill -9 during an import,
// a backup and a restore; processes opening one new library at once; a
// restore while folio serve or an import has the library; a named pipe in
// an imported folder. After each, the library is whole and nothing
// committed is lost. The moments are random but seeded, so a failure can
// be run again.
func TestChaos(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a few dozen processes")
	}
	const rounds = 3
	n, importTime := 800, 400*time.Millisecond
	if raceDetector {
		n, importTime = 100, time.Second
	}
	rng := rand.New(rand.NewSource(12))
	articles := filepath.Join(t.TempDir(), "articles")
	files, err := corpus.New(7, "").WriteFiles(articles, n)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("kill -9 during an import", func(t *testing.T) {
		for round := 0; round < rounds; round++ {
			lib := filepath.Join(t.TempDir(), "library.db")
			killAfter(t, folioProcess(t, "import", "--db", lib, articles), randomDelay(rng, importTime))
			stored := assertWhole(t, lib)
			if r := folio(t, lib, "import", articles); r.code != 0 {
				t.Fatalf("round %d: importing again after the kill: %s", round, r.stderr)
			}
			if got := assertWhole(t, lib); got != n {
				t.Errorf("round %d: %d articles after importing again (%d before), want %d", round, got, stored, n)
			}
		}
	})

	lib := filepath.Join(t.TempDir(), "library.db")
	if r := folio(t, lib, "import", articles); r.code != 0 {
		t.Fatal(r.stderr)
	}
	backup := filepath.Join(t.TempDir(), "backup.db")
	if r := folio(t, lib, "backup", backup); r.code != 0 {
		t.Fatal(r.stderr)
	}

	t.Run("kill -9 during a backup", func(t *testing.T) {
		for round := 0; round < rounds; round++ {
			dest := filepath.Join(t.TempDir(), "backup.db")
			killAfter(t, folioProcess(t, "backup", "--db", lib, dest), randomDelay(rng, 80*time.Millisecond))
			if _, err := os.Stat(dest); err == nil {
				if info, err := db.CheckLibrary(context.Background(), dest); err != nil || info.Articles != n {
					t.Errorf("round %d: the backup left by the kill: %+v, %v; want none or a whole one", round, info, err)
				}
			}
			assertWhole(t, lib)
		}
	})

	t.Run("kill -9 during a restore", func(t *testing.T) {
		for round := 0; round < rounds; round++ {
			killAfter(t, folioProcess(t, "restore", "--db", lib, backup), randomDelay(rng, 150*time.Millisecond))
			if got := assertWhole(t, lib); got != n {
				t.Errorf("round %d: after the killed restore the library has %d articles, want %d", round, got, n)
			}
		}
	})

	t.Run("processes opening one new library", func(t *testing.T) {
		for round := 0; round < rounds; round++ {
			concurrentImports(t, 4)
		}
	})

	t.Run("restore while folio serve has the library", func(t *testing.T) {
		for round := 0; round < rounds; round++ {
			serve := startServe(t, lib)
			r := folio(t, lib, "restore", backup)
			if r.code == 0 || !strings.Contains(r.stderr, fmt.Sprintf("process %d (folio serve", serve.Process.Pid)) {
				t.Errorf("round %d: restore while serving: exit %d, %s", round, r.code, r.stderr)
			}
			// A killed holder lets go of the lock with its last breath.
			serve.Process.Kill()
			serve.Wait()
			if r := folio(t, lib, "restore", backup); r.code != 0 {
				t.Errorf("round %d: restore after folio serve was killed: %s", round, r.stderr)
			}
		}
	})

	t.Run("restore while an import runs", func(t *testing.T) {
		for round := 0; round < rounds; round++ {
			target := filepath.Join(t.TempDir(), "library.db")
			if r := folio(t, target, "import", files[0]); r.code != 0 {
				t.Fatal(r.stderr)
			}
			imp := folioProcess(t, "import", "--db", target, articles)
			var out bytes.Buffer // read once the process is gone
			imp.Stdout = &out
			if err := imp.Start(); err != nil {
				t.Fatal(err)
			}
			waitForHolder(t, target, imp.Process.Pid)
			r := folio(t, target, "restore", backup)
			running := stillRunning(imp.Process.Pid)
			imp.Process.Kill()
			imp.Wait()
			// A fast import may be done, its library closed, before the
			// restore starts: then the restore is right to go ahead.
			done := strings.Contains(out.String(), " imported, ")
			if running && !done && (r.code == 0 || !strings.Contains(r.stderr, "(folio import")) {
				t.Errorf("round %d: restore during an import: exit %d, %s", round, r.code, r.stderr)
			}
			assertWhole(t, target)
		}
	})

	t.Run("a named pipe in an imported folder", func(t *testing.T) {
		for round := 0; round < rounds; round++ {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "harbour.txt"), []byte("Harbour\n\nThe harbour opens in spring."), 0o644)
			if err := syscall.Mkfifo(filepath.Join(dir, fmt.Sprintf("pipe-%d.txt", round)), 0o644); err != nil {
				t.Skipf("no named pipes here: %v", err)
			}
			cmd := folioProcess(t, "import", "--db", filepath.Join(t.TempDir(), "library.db"), dir)
			done := make(chan []byte)
			go func() {
				out, _ := cmd.CombinedOutput()
				done <- out
			}()
			select {
			case out := <-done:
				if !strings.Contains(string(out), "skipped") || !strings.Contains(string(out), "named pipe") {
					t.Errorf("round %d: the import's report does not name the pipe:\n%s", round, out)
				}
			case <-time.After(time.Minute):
				cmd.Process.Kill()
				t.Fatalf("round %d: the import hangs on a named pipe", round)
			}
		}
	})
}

func randomDelay(rng *rand.Rand, most time.Duration) time.Duration {
	return time.Duration(rng.Int63n(int64(most)))
}

// killAfter starts cmd and kills it with SIGKILL after d (or lets it end
// first, which is one of the moments too).
func killAfter(t *testing.T, cmd *exec.Cmd, d time.Duration) {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(d)
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
}

// stillRunning reports whether a child that was not waited for is still
// at work: one that has ended stays a zombie until waited for.
func stillRunning(pid int) bool {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return syscall.Kill(pid, 0) == nil
	}
	_, after, _ := strings.Cut(string(stat), ") ")
	return !strings.HasPrefix(after, "Z")
}

// waitForHolder waits until the process pid has recorded itself in the
// library's lock file, which it does once it has the library open.
func waitForHolder(t *testing.T, lib string, pid int) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		data, _ := os.ReadFile(lib + ".lock")
		if strings.Contains(string(data), strconv.Itoa(pid)+"\t") {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("process %d did not open %s", pid, lib)
}

// assertWhole opens the library, checks it (integrity, every search index
// against its text) and returns how many articles it holds.
func assertWhole(t *testing.T, lib string) int {
	t.Helper()
	s, err := db.Open(context.Background(), lib)
	if err != nil {
		t.Fatalf("the library does not open: %v", err)
	}
	defer s.Close()
	if err := s.IntegrityCheck(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, index := range []string{"articles_fts", "annotations_fts"} {
		if _, err := s.DB().Exec(fmt.Sprintf(`INSERT INTO %s (%s, rank) VALUES ('integrity-check', 1)`, index, index)); err != nil {
			t.Fatalf("%s does not match its text: %v", index, err)
		}
	}
	var n int
	if err := s.DB().QueryRow(`SELECT count(*) FROM articles`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
