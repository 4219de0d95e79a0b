#!/usr/bin/env bash
# Run every test from a fresh clone: system packages (Debian/Ubuntu), the virtual environment, then pytest.
# Usage: bash tests/run.sh [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."

# Qt's runtime libraries (offscreen and xcb), a virtual X server, a private D-Bus and gnome-keyring (the real
# Secret Service keyring the credential tests use), binutils for PyInstaller, xdotool/imagemagick for the
# real-window checks, and a CJK font so Chinese renders in screenshots.
APT_PACKAGES=(
  libegl1 libgl1 libopengl0 libglib2.0-0 libfontconfig1 fonts-dejavu-core fonts-noto-cjk libdbus-1-3
  libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1
  xvfb xauth dbus dbus-daemon gnome-keyring binutils xdotool xclip imagemagick
)
if command -v dpkg >/dev/null 2>&1; then
  missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "== installing system packages: ${missing[*]}"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test,dev]' 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -c "import pan123_gui, PySide6, httpx, keyring, pytestqt, hypothesis" 

exec .venv/bin/python -m pytest "$@"
