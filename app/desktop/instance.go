package desktop

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
)

// InstanceID names the single-instance lock of one library. Two windows on
// the same library would fight over its file, but different libraries may
// run side by side, so the ID is derived from the library's real path. It
// is lowercase letters, digits and underscores because Wails turns it into
// a D-Bus name, whose parts may hold nothing else.
func InstanceID(library string) string {
	path := library
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	// A symlinked folder and its target are the same library.
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	sum := sha256.Sum256([]byte(path))
	return "folio_" + hex.EncodeToString(sum[:12])
}

// ResolvePaths makes the paths a second launch was given absolute, against
// the folder it was started in: the running window has its own.
func ResolvePaths(paths []string, workingDir string) []string {
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		if p == "" {
			continue
		}
		if !filepath.IsAbs(p) && workingDir != "" {
			p = filepath.Join(workingDir, p)
		}
		out = append(out, filepath.Clean(p))
	}
	return out
}
