#!/usr/bin/env bash
# Tests Folio's place on the desktop outside the window: the desktop entry,
# "make install" and "make uninstall" in a temporary home, and the .deb
# through dpkg-deb and dpkg (installed for real, then removed: run it on a
# machine where that is fine, as CI is). It reuses build/bin/folio.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
version=$(sed -n 's/^var Version = "\(.*\)"/\1/p' app/app.go)
deb=build/bin/folio_${version}_amd64.deb
tmp=$(mktemp -d)
dpkg_installed=""

fail() {
  echo "test-package FAILED: $*" >&2
  exit 1
}

cleanup() {
  if [ -n "$dpkg_installed" ]; then $SUDO dpkg -r folio >/dev/null 2>&1 || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

[ -n "$version" ] || fail "no version found in app/app.go"

echo "== the desktop entry"
desktop-file-validate build/linux/folio.desktop || fail "build/linux/folio.desktop is not a valid desktop entry"
grep -qx 'Exec=folio %F' build/linux/folio.desktop || fail "the desktop entry does not pass files to folio (Exec=folio %F)"
grep -qx 'StartupWMClass=folio' build/linux/folio.desktop || fail "the desktop entry's StartupWMClass is not folio"
[ "$(identify -format '%wx%h' build/linux/folio-256.png 2>/dev/null || echo 256x256)" = 256x256 ] ||
  fail "build/linux/folio-256.png is not 256×256"

echo "== the package builder's own tests"
(cd build/package && go vet ./... && go test -count=1 ./...)

echo "== make install into a temporary home"
prefix=$tmp/home/.local
library=$prefix/share/folio/library.db
mkdir -p "$(dirname "$library")"
echo "a library that must survive" >"$library"
files=(
  "$prefix/bin/folio"
  "$prefix/share/applications/folio.desktop"
  "$prefix/share/icons/hicolor/512x512/apps/folio.png"
  "$prefix/share/icons/hicolor/256x256/apps/folio.png"
  "$prefix/share/icons/hicolor/scalable/apps/folio.svg"
)
make --no-print-directory install PREFIX="$prefix" >/dev/null
for f in "${files[@]}"; do
  [ -f "$f" ] || fail "make install did not install $f"
done
[ -x "$prefix/bin/folio" ] || fail "the installed folio is not executable"
desktop-file-validate "$prefix/share/applications/folio.desktop" || fail "the installed desktop entry is not valid"
grep -qx "Exec=$prefix/bin/folio %F" "$prefix/share/applications/folio.desktop" ||
  fail "the installed entry does not run $prefix/bin/folio: $(grep ^Exec= "$prefix/share/applications/folio.desktop")"
[ "$("$prefix/bin/folio" --version)" = "folio $version" ] || fail "the installed folio is not version $version"
cmp -s build/appicon.png "$prefix/share/icons/hicolor/512x512/apps/folio.png" || fail "the 512 icon differs from build/appicon.png"

echo "== make uninstall"
make --no-print-directory uninstall PREFIX="$prefix" >/dev/null
for f in "${files[@]}"; do
  [ ! -e "$f" ] || fail "make uninstall left $f"
done
[ "$(cat "$library")" = "a library that must survive" ] || fail "make uninstall touched the library"

echo "== make package"
rm -f "$deb"
make --no-print-directory package >/dev/null
[ -f "$deb" ] || fail "make package did not write $deb"
info=$(dpkg-deb --info "$deb")
for want in "Package: folio" "Version: $version" "Architecture: amd64" "Maintainer: " \
  "Depends: .*libgtk-3-0" "Depends: .*libwebkit2gtk-4.1-0" "Description: offline library for news articles"; do
  grep -q "^ $want" <<<"$info" || fail "dpkg-deb --info lacks \"$want\":
$info"
done
contents=$(dpkg-deb --contents "$deb")
for want in "-rwxr-xr-x .* ./usr/bin/folio$" "./usr/share/applications/folio.desktop$" \
  "./usr/share/icons/hicolor/512x512/apps/folio.png$" "./usr/share/icons/hicolor/256x256/apps/folio.png$"; do
  grep -q -- "$want" <<<"$contents" || fail "the package lacks $want:
$contents"
done

echo "== dpkg -i, run, dpkg -r"
if dpkg-query -W -f='${Status}' folio 2>/dev/null | grep -q 'ok installed'; then
  fail "folio is already installed as a system package; this test installs and removes it, so remove it first (dpkg -r folio)"
fi
dpkg_installed=yes
$SUDO dpkg -i "$deb" >/dev/null || fail "dpkg -i $deb failed"
dpkg-query -W -f='${Status}' folio | grep -q 'ok installed' || fail "dpkg does not list folio as installed"
[ -x /usr/bin/folio ] || fail "/usr/bin/folio is not there"
# Capture first: grep -q stops reading early, and under pipefail the writer's
# SIGPIPE would fail the check.
help=$(/usr/bin/folio --help) || fail "/usr/bin/folio --help failed"
grep -q '^Usage:' <<<"$help" || fail "/usr/bin/folio --help did not print the usage"
[ "$(/usr/bin/folio --version)" = "folio $version" ] || fail "/usr/bin/folio is not version $version"
desktop-file-validate /usr/share/applications/folio.desktop || fail "the packaged desktop entry is not valid"
[ -f /usr/share/icons/hicolor/512x512/apps/folio.png ] || fail "the packaged icon is not installed"
$SUDO dpkg -r folio >/dev/null || fail "dpkg -r folio failed"
dpkg_installed=""
for f in /usr/bin/folio /usr/share/applications/folio.desktop /usr/share/icons/hicolor/512x512/apps/folio.png; do
  [ ! -e "$f" ] || fail "dpkg -r left $f"
done

echo "test-package passed: desktop entry, install/uninstall, $deb through dpkg"
