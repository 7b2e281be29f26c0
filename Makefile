# Folio — build, run and test. `make run` and `make test` install what is
# missing on a Debian or Ubuntu machine (apt through sudo when not root,
# Go modules, npm packages) before they build.

SHELL := /bin/bash
export PATH := /usr/local/go/bin:$(HOME)/go/bin:$(PATH)
export GOFLAGS := -buildvcs=false
export CGO_ENABLED ?= 1

BIN := build/bin
DESKTOP_TAGS := desktop,production,webkit2_41
LDFLAGS := -w -s
GO_SOURCES := $(shell find . -name '*.go' -not -path './frontend/*' -not -path './build/*' 2>/dev/null) go.mod go.sum $(wildcard db/migrations/*.sql) app/server/bridge.js
FRONTEND_SOURCES := $(shell find frontend/src frontend/wailsjs -type f 2>/dev/null) frontend/index.html frontend/vite.config.ts frontend/package-lock.json

APT_BUILD := libgtk-3-dev libwebkit2gtk-4.1-dev pkg-config build-essential
APT_TEST := xvfb xauth chromium imagemagick xdotool x11-utils desktop-file-utils sqlite3 python3-gi gir1.2-gtk-3.0
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run build test test-go test-frontend test-e2e test-desktop bench eval check deps deps-build deps-test \
	bindings clean

## run: build Folio and open it on the default library
run: build
	$(BIN)/folio

## build: the desktop binary, build/bin/folio
build: deps-build $(BIN)/folio

$(BIN)/folio: frontend/dist/index.html $(GO_SOURCES)
	go build -tags $(DESKTOP_TAGS) -ldflags "$(LDFLAGS)" -o $@ .

# The same window with the WebKit inspector enabled, for the window smoke test.
$(BIN)/folio-devtools: frontend/dist/index.html $(GO_SOURCES)
	go build -tags $(DESKTOP_TAGS),devtools -ldflags "$(LDFLAGS)" -o $@ .

frontend/dist/index.html: frontend/node_modules/.installed $(FRONTEND_SOURCES)
	cd frontend && npm run build

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json .deps-node
	cd frontend && npm ci --no-audit --no-fund
	touch $@

## test: every test — Go, frontend unit, end-to-end in Chromium, the real window under Xvfb
test: deps-test check test-go test-frontend test-e2e test-desktop test-package test-window
	@echo "All tests passed."

check: frontend/node_modules/.installed
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './frontend/*')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	go vet ./...
	cd frontend && npm run check

test-go:
	go test -race -count=1 ./...
	go test -count=1 -run 'TestFirstPageIsTheExhaustiveRanking' ./db/   # in full: -race runs a sample

test-frontend: frontend/node_modules/.installed
	cd frontend && npm test

test-e2e: $(BIN)/folio
	cd frontend && FOLIO_BIN=$(CURDIR)/$(BIN)/folio npx playwright test

test-desktop: $(BIN)/folio-devtools
	cd frontend && node tests/desktop/smoke.mjs $(CURDIR)/$(BIN)/folio-devtools

## bench: speed and memory figures on generated libraries of 100,000 articles (see docs/benchmarks.md)
# FOLIO_BENCH_MILLION=1 adds a 1,000,000-article library to the search figures.
bench: deps-test
	go test -run '^$$' -bench 'Import$$' -benchtime 1x -timeout 60m ./app/importer/
	go test -run '^$$' -bench 'ImportShortSeed$$' -benchtime 1x -timeout 60m ./app/importer/
	go test -run '^$$' -bench 'ImportLargeFiles$$' -benchtime 1x -timeout 60m ./app/importer/
	go test -run '^$$' -bench 'ImportFeatureCost$$' -benchtime 1x -timeout 60m ./app/importer/
	go test -run '^$$' -bench 'Search$$' -benchtime 1x -timeout 90m ./db/
	go test -run '^$$' -bench 'ListFirstPage' -benchtime 100x -timeout 60m ./db/
	go test -run '^$$' -bench 'Related$$' -benchtime 1x -timeout 60m ./db/
	go test -run '^$$' -bench 'Find$$' -benchtime 10x -benchmem ./db/names/
	go test -run '^$$' -bench 'SearchStories$$' -benchtime 1x -timeout 60m ./db/

## eval: search quality (MAP, P@10, nDCG@10 on Cranfield; known-item MRR on the BBC corpus) beside plain bm25 (see docs/relevance.md),
# the edit battery of highlights (correct, wrong, lost; docs/highlights.md) and extraction quality on the html-pages corpus (docs/benchmarks.md)
eval: go.sum.ok
	go test -run '^$$' -bench 'Relevance$$' -benchtime 1x -timeout 30m ./db/
	go test -run '^$$' -bench 'Anchoring$$' -benchtime 1x -timeout 30m ./db/anchor/
	go test -run '^$$' -bench 'ExtractionShingles$$' -benchtime 1x -timeout 10m ./app/importer/
	go test -run '^$$' -bench 'NamesSample$$' -benchtime 1x ./db/names/
	go test -run '^$$' -bench 'RelatedQuality$$' -benchtime 1x -timeout 30m ./db/
	go test -run '^$$' -bench 'VersionsQuality$$' -benchtime 1x -timeout 30m ./db/

## bindings: regenerate frontend/wailsjs after changing the bound methods
bindings:
	go tool wails generate module -tags webkit2_41

deps: deps-build
deps-build: .deps-apt-build .deps-node go.sum.ok frontend/node_modules/.installed
deps-test: deps-build .deps-apt-test

# System packages: install only what is missing.
.deps-apt-build: Makefile
	@$(call apt_install,$(APT_BUILD))
	@touch $@
.deps-apt-test: Makefile
	@$(call apt_install,$(APT_TEST))
	@touch $@

define apt_install
missing=""; for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; done; \
if [ -n "$$missing" ]; then \
  echo "Installing system packages:$$missing"; \
  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
fi
endef

# Node.js 20.19 or newer builds the frontend; Debian's own is used when none is there.
.deps-node:
	@command -v npm >/dev/null || { $(call apt_install,nodejs npm); }
	@node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("Folio needs Node.js 20.19 or newer, found "+process.versions.node); process.exit(1) }'
	@touch $@

go.sum.ok: go.mod go.sum
	@command -v go >/dev/null || { echo "Folio needs Go 1.26 or newer on the PATH (or in /usr/local/go)."; exit 1; }
	go mod download
	@touch $@

clean:
	rm -rf $(BIN) build/test-output frontend/dist/assets frontend/dist/index.html .deps-apt-build .deps-apt-test go.sum.ok

# --- Folio on the desktop: install for one person, uninstall, the .deb ---
# PREFIX and DESTDIR work as usual: "make install PREFIX=/tmp/h/.local" puts
# everything under that folder instead of ~/.local.

VERSION := $(shell sed -n 's/^var Version = "\(.*\)"/\1/p' app/app.go)
MAINTAINER ?= Folio developers <folio@example.org>
PREFIX ?= $(HOME)/.local
DESTDIR ?=
INSTALL_BIN = $(DESTDIR)$(PREFIX)/bin
INSTALL_APPS = $(DESTDIR)$(PREFIX)/share/applications
INSTALL_ICONS = $(DESTDIR)$(PREFIX)/share/icons/hicolor
INSTALLED_FILES = $(INSTALL_BIN)/folio $(INSTALL_APPS)/folio.desktop \
	$(INSTALL_ICONS)/512x512/apps/folio.png $(INSTALL_ICONS)/256x256/apps/folio.png \
	$(INSTALL_ICONS)/scalable/apps/folio.svg
DEB := $(BIN)/folio_$(VERSION)_amd64.deb

.PHONY: install uninstall package test-package test-window

## install: Folio for you alone: ~/.local/bin/folio, its launcher entry and icons
# The entry names the binary by its full path: ~/.local/bin is often not on
# the PATH of the session that runs the launcher.
install: build
	install -D -m 755 $(BIN)/folio $(INSTALL_BIN)/folio
	install -d $(INSTALL_APPS)
	sed 's|^Exec=folio |Exec=$(PREFIX)/bin/folio |' build/linux/folio.desktop > $(INSTALL_APPS)/folio.desktop
	chmod 644 $(INSTALL_APPS)/folio.desktop
	install -D -m 644 build/appicon.png $(INSTALL_ICONS)/512x512/apps/folio.png
	install -D -m 644 build/linux/folio-256.png $(INSTALL_ICONS)/256x256/apps/folio.png
	install -D -m 644 build/appicon.svg $(INSTALL_ICONS)/scalable/apps/folio.svg
	@$(refresh_launcher)
	@echo "Installed Folio in $(PREFIX); your library stays in ~/.local/share/folio."

## uninstall: remove what install put there; never the library
uninstall:
	rm -f $(INSTALLED_FILES)
	@$(refresh_launcher)
	@echo "Removed Folio from $(PREFIX); your library in ~/.local/share/folio is untouched."

# The launcher and icon caches are refreshed when their tools are there;
# a staged install (DESTDIR) leaves that to the real one.
define refresh_launcher
if [ -z "$(DESTDIR)" ]; then \
  if command -v update-desktop-database >/dev/null && [ -d $(INSTALL_APPS) ]; then update-desktop-database -q $(INSTALL_APPS) || true; fi; \
  if command -v gtk-update-icon-cache >/dev/null && [ -d $(INSTALL_ICONS) ]; then gtk-update-icon-cache -q -t -f $(INSTALL_ICONS) || true; fi; \
fi
endef

## package: the Debian package build/bin/folio_VERSION_amd64.deb (nfpm, see build/package)
package: build $(DEB)

$(DEB): $(BIN)/folio $(BIN)/folio-package build/linux/folio.desktop build/appicon.png \
		build/linux/folio-256.png build/appicon.svg app/app.go
	$(BIN)/folio-package -version "$(VERSION)" -maintainer "$(MAINTAINER)" -out $(BIN)

# The packager is a module of its own, so nfpm stays out of the app's go.mod.
$(BIN)/folio-package: build/package/main.go build/package/go.mod build/package/go.sum
	cd build/package && go build -o ../bin/folio-package .

## test-package: the desktop entry, install and uninstall in a temp home, the .deb through dpkg
test-package: deps-test $(BIN)/folio
	build/test-package.sh

## test-window: the real window's menu, clipboard, saved place, "folio FILE" and second launch
# It starts a session bus of its own, for the single-instance lock.
test-window: deps-test $(BIN)/folio-devtools
	@$(call apt_install,dbus)
	cd frontend && node tests/desktop/window.mjs $(CURDIR)/$(BIN)/folio-devtools
