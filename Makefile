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
GO_SOURCES := $(shell find . -name '*.go' -not -path './frontend/*' 2>/dev/null) go.mod go.sum $(wildcard db/migrations/*.sql) app/server/bridge.js
FRONTEND_SOURCES := $(shell find frontend/src frontend/wailsjs -type f 2>/dev/null) frontend/index.html frontend/vite.config.ts frontend/package-lock.json

APT_BUILD := libgtk-3-dev libwebkit2gtk-4.1-dev pkg-config build-essential
APT_TEST := xvfb xauth chromium imagemagick xdotool x11-utils desktop-file-utils sqlite3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run build test test-go test-frontend test-e2e test-desktop bench check deps deps-build deps-test \
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
test: deps-test check test-go test-frontend test-e2e test-desktop
	@echo "All tests passed."

check: frontend/node_modules/.installed
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './frontend/*')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	go vet ./...
	cd frontend && npm run check

test-go:
	go test -race -count=1 ./...

test-frontend: frontend/node_modules/.installed
	cd frontend && npm test

test-e2e: $(BIN)/folio
	cd frontend && FOLIO_BIN=$(CURDIR)/$(BIN)/folio npx playwright test

test-desktop: $(BIN)/folio-devtools
	cd frontend && node tests/desktop/smoke.mjs $(CURDIR)/$(BIN)/folio-devtools

## bindings: regenerate frontend/wailsjs after changing the bound methods
bindings:
	go tool wails generate module -tags webkit2_41

deps: deps-build
deps-build: .deps-apt-build .deps-node go.sum.ok frontend/node_modules/.installed
deps-test: deps-build .deps-apt-test

# System packages: install only what is missing.
.deps-apt-build:
	@$(call apt_install,$(APT_BUILD))
	@touch $@
.deps-apt-test:
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
