package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// childArgs, in the environment, makes the test binary run "folio ARGS"
// (arguments separated by newlines) instead of the tests: the tests below
// start real folio processes this way.
const childArgs = "FOLIO_TEST_CHILD_ARGS"

func TestMain(m *testing.M) {
	if args := os.Getenv(childArgs); args != "" {
		list := strings.Split(args, "\n")
		os.Args = append([]string{"folio"}, list...) // what the library's lock records
		env := Env{Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv,
			Assets: fstest.MapFS{"index.html": {Data: []byte("<html><head></head></html>")}}}
		os.Exit(Main(context.Background(), env, list))
	}
	os.Exit(m.Run())
}

// folioProcess is "folio ARGS" as a process of its own.
func folioProcess(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), childArgs+"="+strings.Join(args, "\n"), "FOLIO_DB=")
	return cmd
}

// startServe starts "folio serve" on lib and returns once it serves.
func startServe(t *testing.T, lib string, flags ...string) *exec.Cmd {
	cmd, _ := startServeAt(t, lib, flags...)
	return cmd
}

// startServeAt is startServe that also returns the address it printed.
func startServeAt(t *testing.T, lib string, flags ...string) (*exec.Cmd, string) {
	t.Helper()
	cmd := folioProcess(t, append([]string{"serve", "--db", lib, "--addr", "127.0.0.1:0"}, flags...)...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || !strings.Contains(line, "Folio is serving") {
		t.Fatalf("folio serve printed %q, %v", line, err)
	}
	go io.Copy(io.Discard, out)
	_, url, _ := strings.Cut(strings.TrimSpace(line), " at ")
	return cmd, url
}

func TestRestoreRefusedWhileServeHasTheLibrary(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	if r := folio(t, lib, "import", seedFixture); r.code != 0 {
		t.Fatalf("import: %s", r.stderr)
	}
	backup := filepath.Join(t.TempDir(), "backup.db")
	if r := folio(t, lib, "backup", backup); r.code != 0 {
		t.Fatalf("backup: %s", r.stderr)
	}
	before, err := os.ReadFile(lib)
	if err != nil {
		t.Fatal(err)
	}
	serve := startServe(t, lib)

	r := folio(t, lib, "restore", backup)
	want := fmt.Sprintf("process %d (folio serve --db %s", serve.Process.Pid, lib)
	if r.code == 0 || !strings.Contains(r.stderr, want) || !strings.Contains(r.stderr, "not changed") {
		t.Fatalf("restore while folio serve runs: exit %d\n%s\nwant a refusal naming %q", r.code, r.stderr, want)
	}
	if after, _ := os.ReadFile(lib); string(after) != string(before) {
		t.Error("the refused restore changed the library file")
	}
	if matches, _ := filepath.Glob(lib + ".before-restore-*"); len(matches) != 0 {
		t.Errorf("the refused restore moved the library aside: %v", matches)
	}

	serve.Process.Kill()
	serve.Wait()
	if r := folio(t, lib, "restore", backup); r.code != 0 {
		t.Errorf("restore once folio serve is gone: %s", r.stderr)
	}
}

// Processes importing into one new library at once: each waits for the
// one that creates the schema, and none fails or loses its import.
func TestConcurrentFirstImports(t *testing.T) {
	concurrentImports(t, 6)
}

// concurrentImports starts n imports of one file each into a new library
// at once and checks that all n articles are in it.
func concurrentImports(t *testing.T, n int) {
	t.Helper()
	lib := filepath.Join(t.TempDir(), "library.db")
	dir := t.TempDir()
	cmds := make([]*exec.Cmd, n)
	outs := make([]*strings.Builder, n)
	for i := range cmds {
		file := filepath.Join(dir, fmt.Sprintf("article-%d.txt", i))
		os.WriteFile(file, []byte(fmt.Sprintf("Harbour news %d\n\nThe harbour opened berth %d today.", i, i)), 0o644)
		cmds[i] = folioProcess(t, "import", "--db", lib, file)
		outs[i] = &strings.Builder{}
		cmds[i].Stdout, cmds[i].Stderr = outs[i], outs[i]
	}
	for _, c := range cmds {
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Errorf("import %d: %v\n%s", i, err, outs[i])
		}
	}
	if r := folio(t, lib, "list", "--json"); !strings.Contains(r.stdout, "Harbour news") ||
		strings.Count(r.stdout, `"title"`) != n {
		t.Errorf("after %d imports the library lists:\n%s%s", n, r.stdout, r.stderr)
	}
}
