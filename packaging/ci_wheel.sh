#!/usr/bin/env bash
# CI: the wheel as `pip install` users get it. Builds the wheel from the checkout, installs it into a fresh venv in a
# temporary folder away from the checkout, and runs `pan123-gui --self-test` offscreen from another working
# directory. It must pass, with the icons and translations found inside the installed package (not the checkout).
# Env: PYTHON (default .venv/bin/python) - builds the wheel (needs setuptools, from the test extra) and makes the venv.
# Needs the package index (or pip's cache) for the wheel's dependencies (PySide6-Essentials, httpx, keyring, ...).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PYTHON=${PYTHON:-.venv/bin/python}
case "$PYTHON" in /*) ;; */*) PYTHON=$ROOT/$PYTHON ;; esac
fail() { echo "FAIL: $*" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# Build from a copy: an in-tree build would leave build/ and *.egg-info in the checkout.
mkdir -p "$WORK/source" "$WORK/dist" "$WORK/elsewhere"
cp pyproject.toml README.md "$WORK/source/"
tar -C "$ROOT" --exclude=__pycache__ --exclude='*.pyc' --exclude='*.egg-info' -cf - pan123_gui | tar -C "$WORK/source" -xf -
(cd "$WORK/source" && "$PYTHON" -m pip wheel -q --no-deps --no-build-isolation --no-index -w "$WORK/dist" .)
WHEEL=$(ls "$WORK"/dist/pan123_gui-*.whl)
echo "wheel: $(basename "$WHEEL") ($(du -k "$WHEEL" | cut -f1) KiB)"

"$PYTHON" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install -q --disable-pip-version-check "$WHEEL" 2>&1 | grep -v "^WARNING: Location" || true
cd "$WORK/elsewhere"  # from here on nothing can import the checkout's pan123_gui by accident
SITE=$("$WORK/venv/bin/python" -c "import pan123_gui, pathlib; print(pathlib.Path(pan123_gui.__file__).parent)") \
  || fail "the wheel did not install"
case "$SITE" in "$ROOT"/*) fail "the fresh venv imports pan123_gui from the checkout ($SITE)";; esac

# A throwaway home, no D-Bus (the keyring is a WARN there), no display: offscreen.
mkdir -p "$WORK/home"
set +e
env -u DBUS_SESSION_BUS_ADDRESS -u DISPLAY -u WAYLAND_DISPLAY -u PYTHONPATH \
  HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" XDG_STATE_HOME="$WORK/home/.local/state" \
  XDG_DATA_HOME="$WORK/home/.local/share" XDG_CACHE_HOME="$WORK/home/.cache" QT_QPA_PLATFORM=offscreen \
  timeout 120 "$WORK/venv/bin/pan123-gui" --self-test --report "$WORK/selftest.txt" >/dev/null 2>"$WORK/selftest.err"
rc=$?
set -e
cat "$WORK/selftest.txt" 2>/dev/null || true
[ $rc -eq 0 ] || { cat "$WORK/selftest.err" >&2; fail "self-test of the installed wheel: rc $rc"; }
[ "$(tail -1 "$WORK/selftest.txt")" = OK ] || fail "self-test report does not end in OK"
head -1 "$WORK/selftest.txt" | grep -q "(installed;" || fail "the self-test does not see an installed copy"
grep -q "^OK   icons .*(from $SITE/resources)$" "$WORK/selftest.txt" || fail "icons not found in the installed package"
grep -q "^OK   translations .*errors_zh_CN.qm.*(from $SITE/resources)$" "$WORK/selftest.txt" \
  || fail "translations not found in the installed package"
echo "wheel self-test: OK"
