// Command package builds Folio's Debian package from the built binary, the
// desktop entry and the icons. It uses nfpm as a library, so building a .deb
// needs neither dpkg-deb nor any packaging tool on the machine.
//
// It is a module of its own (build/package/go.mod) so that nfpm and its many
// dependencies stay out of the app's go.mod.
//
// Usage, from the repository root:
//
//	(cd build/package && go build -o ../bin/folio-package .)
//	build/bin/folio-package -version 0.1.0 -out build/bin
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/goreleaser/nfpm/v2"
	_ "github.com/goreleaser/nfpm/v2/deb" // registers the deb packager
	"github.com/goreleaser/nfpm/v2/files"
)

// Spec is what goes into the package and where it comes from.
type Spec struct {
	Version    string
	Arch       string
	Maintainer string
	Binary     string // the desktop build of folio
	Desktop    string // the .desktop entry
	Icon512    string // PNG, 512×512
	Icon256    string // PNG, 256×256
	IconSVG    string // the scalable icon
}

// Depends are the libraries the window needs at run time: the desktop build
// links GTK 3 and WebKitGTK 4.1 (the build tag webkit2_41).
var Depends = []string{"libc6", "libgtk-3-0", "libwebkit2gtk-4.1-0"}

const description = `offline library for news articles
Folio keeps news articles in one SQLite file and lets you read, search, tag,
highlight and annotate them without a network connection. It imports plain
text, Markdown, HTML pages saved from a browser, JSON, folders and zip
archives.`

// Info describes the package to nfpm.
func Info(s Spec) *nfpm.Info {
	file := func(src, dst string, mode os.FileMode) *files.Content {
		return &files.Content{Source: src, Destination: dst, FileInfo: &files.ContentFileInfo{Mode: mode}}
	}
	return nfpm.WithDefaults(&nfpm.Info{
		Name:        "folio",
		Arch:        s.Arch,
		Platform:    "linux",
		Version:     s.Version,
		Section:     "misc",
		Priority:    "optional",
		Maintainer:  s.Maintainer,
		Description: description,
		Overridables: nfpm.Overridables{
			Depends: Depends,
			// The icon cache and the menu's desktop database are refreshed
			// by the triggers of gtk-update-icon-cache and desktop-file-utils
			// on Debian and Ubuntu, so the package needs no scripts.
			Contents: files.Contents{
				file(s.Binary, "/usr/bin/folio", 0o755),
				file(s.Desktop, "/usr/share/applications/folio.desktop", 0o644),
				file(s.Icon512, "/usr/share/icons/hicolor/512x512/apps/folio.png", 0o644),
				file(s.Icon256, "/usr/share/icons/hicolor/256x256/apps/folio.png", 0o644),
				file(s.IconSVG, "/usr/share/icons/hicolor/scalable/apps/folio.svg", 0o644),
			},
		},
	})
}

// FileName is the Debian name of the package file.
func FileName(s Spec) string {
	return fmt.Sprintf("folio_%s_%s.deb", s.Version, s.Arch)
}

// Build writes the package into dir and returns its path.
func Build(s Spec, dir string) (string, error) {
	if s.Version == "" {
		return "", errors.New("no version: pass -version (the Makefile reads it from app/app.go)")
	}
	for _, src := range []string{s.Binary, s.Desktop, s.Icon512, s.Icon256, s.IconSVG} {
		if _, err := os.Stat(src); err != nil {
			return "", fmt.Errorf("package folio: %w (run \"make build\" first for the binary)", err)
		}
	}
	info := Info(s)
	if err := nfpm.Validate(info); err != nil {
		return "", fmt.Errorf("package folio: %w", err)
	}
	deb, err := nfpm.Get("deb")
	if err != nil {
		return "", fmt.Errorf("package folio: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("package folio: %w", err)
	}
	out := filepath.Join(dir, FileName(s))
	f, err := os.Create(out)
	if err != nil {
		return "", fmt.Errorf("package folio: %w", err)
	}
	if err := deb.Package(info, f); err != nil {
		f.Close()
		os.Remove(out)
		return "", fmt.Errorf("package folio into %s: %w", out, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(out)
		return "", fmt.Errorf("package folio into %s: %w", out, err)
	}
	return out, nil
}

func main() {
	var s Spec
	flag.StringVar(&s.Version, "version", "", "package version, e.g. 0.1.0 (required)")
	flag.StringVar(&s.Arch, "arch", "amd64", "Debian architecture of the binary")
	flag.StringVar(&s.Maintainer, "maintainer", "Folio developers <folio@example.org>", "the package's Maintainer field")
	flag.StringVar(&s.Binary, "binary", "build/bin/folio", "the desktop build of folio")
	flag.StringVar(&s.Desktop, "desktop", "build/linux/folio.desktop", "the desktop entry")
	flag.StringVar(&s.Icon512, "icon", "build/appicon.png", "the 512×512 PNG icon")
	flag.StringVar(&s.Icon256, "icon256", "build/linux/folio-256.png", "the 256×256 PNG icon")
	flag.StringVar(&s.IconSVG, "icon-svg", "build/appicon.svg", "the scalable icon")
	dir := flag.String("out", "build/bin", "folder to write the .deb into")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "folio-package: unexpected argument %q\n", strings.Join(flag.Args(), " "))
		os.Exit(2)
	}
	out, err := Build(s, *dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "folio-package:", err)
		os.Exit(1)
	}
	fmt.Println(out)
}
