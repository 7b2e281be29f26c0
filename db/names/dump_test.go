package names

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestDumpCorpus(t *testing.T) {
	out := os.Getenv("DUMP")
	if out == "" {
		t.Skip()
	}
	dir := corpusDir(t)
	f, _ := os.Create(out)
	defer f.Close()
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if d.IsDir() {
			return nil
		}
		b, _ := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		for _, n := range Find(string(b)) {
			fmt.Fprintf(f, "%s\t%s\t%s\n", rel, n.Kind, n.Name)
		}
		return nil
	})
}
