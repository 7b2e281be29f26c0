package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// spec points every source at a small file in a temp folder.
func spec(t *testing.T) Spec {
	t.Helper()
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	return Spec{
		Version: "1.2.3", Arch: "amd64", Maintainer: "Ann Example <ann@example.org>",
		Binary: write("folio", "#!/bin/sh\necho folio\n"), Desktop: write("folio.desktop", "[Desktop Entry]\n"),
		Icon512: write("512.png", "png512"), Icon256: write("256.png", "png256"), IconSVG: write("folio.svg", "<svg/>"),
	}
}

func TestInfo(t *testing.T) {
	s := spec(t)
	info := Info(s)
	if info.Name != "folio" || info.Version != "1.2.3" || info.Arch != "amd64" || info.Maintainer != s.Maintainer {
		t.Errorf("info = %s %s %s %q", info.Name, info.Version, info.Arch, info.Maintainer)
	}
	for _, dep := range []string{"libgtk-3-0", "libwebkit2gtk-4.1-0"} {
		if !strings.Contains(strings.Join(info.Depends, ","), dep) {
			t.Errorf("Depends %q lacks %s", info.Depends, dep)
		}
	}
	want := map[string]os.FileMode{
		"/usr/bin/folio":                                   0o755,
		"/usr/share/applications/folio.desktop":            0o644,
		"/usr/share/icons/hicolor/512x512/apps/folio.png":  0o644,
		"/usr/share/icons/hicolor/256x256/apps/folio.png":  0o644,
		"/usr/share/icons/hicolor/scalable/apps/folio.svg": 0o644,
	}
	for _, c := range info.Contents {
		mode, ok := want[c.Destination]
		if !ok {
			t.Errorf("unexpected file %s", c.Destination)
			continue
		}
		if c.FileInfo.Mode != mode {
			t.Errorf("%s: mode %o, want %o", c.Destination, c.FileInfo.Mode, mode)
		}
		delete(want, c.Destination)
	}
	for dst := range want {
		t.Errorf("the package lacks %s", dst)
	}
	if FileName(s) != "folio_1.2.3_amd64.deb" {
		t.Errorf("FileName = %s", FileName(s))
	}
}

func TestBuildWritesADebianPackage(t *testing.T) {
	s := spec(t)
	out, err := Build(s, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	members := arMembers(t, out)
	if string(members["debian-binary"]) != "2.0\n" {
		t.Errorf("debian-binary = %q", members["debian-binary"])
	}
	control := tarFiles(t, members["control.tar.gz"])["./control"]
	for _, line := range []string{
		"Package: folio", "Version: 1.2.3", "Architecture: amd64", "Maintainer: Ann Example <ann@example.org>",
		"Depends: libc6, libgtk-3-0, libwebkit2gtk-4.1-0", "Description: offline library for news articles",
	} {
		if !strings.Contains(string(control), line+"\n") {
			t.Errorf("control lacks %q:\n%s", line, control)
		}
	}
	data := tarFiles(t, members["data.tar.gz"])
	if got := string(data["./usr/bin/folio"]); got != "#!/bin/sh\necho folio\n" {
		t.Errorf("/usr/bin/folio holds %q", got)
	}
	if _, ok := data["./usr/share/icons/hicolor/256x256/apps/folio.png"]; !ok {
		t.Errorf("no 256 icon in %v", keys(data))
	}
}

func TestBuildNamesAMissingFile(t *testing.T) {
	s := spec(t)
	s.Binary = filepath.Join(t.TempDir(), "not-built")
	if _, err := Build(s, t.TempDir()); err == nil || !strings.Contains(err.Error(), "not-built") {
		t.Errorf("Build without a binary: %v", err)
	}
	s = spec(t)
	s.Version = ""
	if _, err := Build(s, t.TempDir()); err == nil || !strings.Contains(err.Error(), "version") {
		t.Errorf("Build without a version: %v", err)
	}
}

// arMembers reads an ar archive, the outer format of a .deb.
func arMembers(t *testing.T, path string) map[string][]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("!<arch>\n")) {
		t.Fatalf("%s is not an ar archive", path)
	}
	out := map[string][]byte{}
	for b = b[8:]; len(b) >= 60; {
		name := strings.TrimRight(strings.TrimSpace(string(b[:16])), "/")
		size, err := strconv.Atoi(strings.TrimSpace(string(b[48:58])))
		if err != nil {
			t.Fatalf("bad ar header %q", b[:60])
		}
		out[name] = b[60 : 60+size]
		b = b[60+size+size%2:]
	}
	return out
}

func tarFiles(t *testing.T, gz []byte) map[string][]byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(zr)
	out := map[string][]byte{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		out[h.Name] = body
	}
}

func keys(m map[string][]byte) []string {
	var k []string
	for name := range m {
		k = append(k, name)
	}
	return k
}
