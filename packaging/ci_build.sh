#!/usr/bin/env bash
# Issue 4 CI: build the one-folder app with PyInstaller, then check the FROZEN app the way a user meets it:
#   1. packaging/build.py: build dist/pan123-gui/, print sizes, fail over budget (150 MiB folder; 70 MiB one file)
#   2. --self-test offscreen with no D-Bus (the keyring must be reported as WARN: memory only, not a failure)
#   3. inside dbus-run-session with gnome-keyring unlocked, on Xvfb (QT_QPA_PLATFORM=xcb):
#      a. --self-test --require-keyring (real window, Secret Service keyring)
#      b. `pan123-gui --demo` driven by keyboard with xdotool: type sample IDs, resolve, copy all links, read the
#         X clipboard from another process (packaging/x11_probe.py), check the links, screenshot, quit
#      c. the same flow without --demo, configured only by env vars (PAN123_API_BASE + PAN123_ACCESS_TOKEN) against
#         the fake API running in a separate process (packaging/ci_fake_api.py)
#   4. sizes again, at the end of the log
# Installs nothing. Needs (apt): binutils xvfb xauth dbus dbus-daemon gnome-keyring xdotool + the Qt xcb libraries.
# Env: PYTHON (default .venv/bin/python, else /work/venv/bin/python, else python3) - the build venv's Python;
#      PAN123_CI_ONEFILE=1 also builds and self-tests the one-file build (+40 s);
#      PAN123_CI_SKIP_BUILD=1 reuses dist/ as it is;
#      PAN123_KEY_RESOLVE / PAN123_KEY_COPY_ALL / PAN123_KEY_QUIT (xdotool key names; ctrl+Return, ctrl+shift+c, ctrl+q).
# Outputs: build/selftest-offscreen.txt, build/selftest-xcb.txt, build/frozen-window.png, build/frozen-env-window.png,
#          build/e2e-*.log (the app's stdout/stderr). Exit code 0 only when everything passed.
set -euo pipefail
SELF=$(realpath "$0")
cd "$(dirname "$SELF")/.."
ROOT=$PWD

if [ -z "${PYTHON:-}" ]; then
  for candidate in .venv/bin/python /work/venv/bin/python python3; do
    if command -v "$candidate" >/dev/null 2>&1; then PYTHON=$candidate; break; fi
  done
fi
export PYTHON
APP=$ROOT/dist/pan123-gui/pan123-gui
KEY_RESOLVE=${PAN123_KEY_RESOLVE:-ctrl+Return}
KEY_COPY_ALL=${PAN123_KEY_COPY_ALL:-ctrl+shift+c}
KEY_QUIT=${PAN123_KEY_QUIT:-ctrl+q}
# Three files with direct links, then one outside a direct-link space (it must fail and not be copied).
E2E_OK_IDS="10861131 10861132 10861133"
E2E_TYPED="10861131 10861132 10861133 10861190"
export PYTHON APP SELF KEY_RESOLVE KEY_COPY_ALL KEY_QUIT E2E_OK_IDS E2E_TYPED ROOT

CI_BUILD_T0=${CI_BUILD_T0:-$(date +%s)}
export CI_BUILD_T0
log() { echo "== [ci_build $(($(date +%s) - CI_BUILD_T0))s] $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

# Never hand the frozen app real credentials or a real API address.
unset PAN123_ACCESS_TOKEN PAN123_CLIENT_ID PAN123_CLIENT_SECRET PAN123_SIGN_KEY PAN123_API_BASE

# --------------------------------------------------------------------------------------------------------------
# Part 3, run by the outer part inside `dbus-run-session -- packaging/ci_build.sh --in-session`.
# --------------------------------------------------------------------------------------------------------------
in_session() {
  echo -n ci-pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null || fail "gnome-keyring-daemon --unlock"

  local displayfd=$WORK/displayfd
  Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp 3>"$displayfd" 2>"$WORK/xvfb.log" &
  XVFB_PID=$!
  for _ in $(seq 50); do [ -s "$displayfd" ] && break; sleep 0.1; done
  [ -s "$displayfd" ] || fail "Xvfb did not start: $(cat "$WORK/xvfb.log")"
  export DISPLAY=":$(head -1 "$displayfd")"
  export QT_QPA_PLATFORM=xcb
  trap 'kill "$XVFB_PID" 2>/dev/null || true; [ -n "${API_PID:-}" ] && kill "$API_PID" 2>/dev/null || true' EXIT
  log "Xvfb on $DISPLAY"

  log "frozen --self-test --require-keyring on X11 (xcb), Secret Service keyring"
  set +e
  timeout 60 "$APP" --self-test --require-keyring --report "$ROOT/build/selftest-xcb.txt" >/dev/null 2>"$WORK/selftest-xcb.err"
  local rc=$?
  set -e
  cat "$ROOT/build/selftest-xcb.txt" 2>/dev/null || true
  [ $rc -eq 0 ] || { cat "$WORK/selftest-xcb.err" >&2; fail "frozen self-test on xcb: rc $rc"; }
  grep -q "^OK   qt-platform xcb" "$ROOT/build/selftest-xcb.txt" || fail "self-test did not run on xcb"
  grep -q "^OK   keyring keyring.backends.SecretService" "$ROOT/build/selftest-xcb.txt" \
    || fail "frozen app did not use the Secret Service keyring"

  log "frozen app --demo, keyboard only (xdotool)"
  drive_app demo "$ROOT/build/frozen-window.png" --demo

  log "frozen app configured by env vars (PAN123_API_BASE + PAN123_ACCESS_TOKEN), fake API in another process"
  "$PYTHON" packaging/ci_fake_api.py "$WORK/api.env" &
  API_PID=$!
  for _ in $(seq 100); do [ -s "$WORK/api.env" ] && break; sleep 0.1; done
  [ -s "$WORK/api.env" ] || fail "the fake API did not start"
  drive_app env "$ROOT/build/frozen-env-window.png" env $(cat "$WORK/api.env")
  kill "$API_PID"; wait "$API_PID" 2>/dev/null || true; API_PID=
}

# drive_app LABEL SCREENSHOT [env VAR=... | ARGS...]: start the frozen app, type IDs, resolve, copy, check, quit.
drive_app() {
  local label=$1 shot=$2; shift 2
  local args=() envs=()
  if [ "${1:-}" = env ]; then shift; envs=("$@"); else args=("$@"); fi
  local app_log=$ROOT/build/e2e-$label.log clip=$WORK/clipboard-$label.txt

  env "${envs[@]}" "$APP" "${args[@]}" >"$app_log" 2>&1 &
  local app_pid=$!
  local wid
  wid=$(timeout 30 xdotool search --sync --onlyvisible --pid "$app_pid" 2>/dev/null | head -1) || true
  [ -n "$wid" ] || { cat "$app_log" >&2; fail "$label: no window within 30 s"; }
  log "$label: window $wid \"$(xdotool getwindowname "$wid" 2>/dev/null)\""
  sleep 1  # let the window finish its first layout and settle its focus widget
  xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowfocus "$wid" || true
  xdotool mousemove --window "$wid" 5 5 || true

  xdotool type --delay 25 "$E2E_TYPED"
  xdotool key "$KEY_RESOLVE"
  local ok=0
  for _ in $(seq 30); do
    sleep 1
    kill -0 "$app_pid" 2>/dev/null || { cat "$app_log" >&2; fail "$label: the app exited while resolving"; }
    xdotool key "$KEY_COPY_ALL"
    sleep 0.3
    if timeout 10 "$PYTHON" packaging/x11_probe.py clipboard >"$clip" 2>/dev/null \
      && "$PYTHON" packaging/ci_check_links.py "$clip" $E2E_OK_IDS >/dev/null; then
      ok=1; break
    fi
  done
  timeout 20 "$PYTHON" packaging/x11_probe.py screenshot "$shot" || true
  if [ $ok -ne 1 ]; then
    echo "clipboard:"; cat "$clip" 2>/dev/null || true
    "$PYTHON" packaging/ci_check_links.py "$clip" $E2E_OK_IDS || true
    cat "$app_log" >&2
    kill "$app_pid" 2>/dev/null || true
    fail "$label: the copied links did not match within 30 s (screenshot: $shot)"
  fi
  log "$label: clipboard holds the $(wc -l <"$clip") expected links"

  xdotool key "$KEY_QUIT"
  local rc=
  for _ in $(seq 150); do
    if ! kill -0 "$app_pid" 2>/dev/null; then
      set +e; wait "$app_pid"; rc=$?; set -e; break
    fi
    sleep 0.1
  done
  if [ -z "$rc" ]; then
    kill "$app_pid" 2>/dev/null || true
    fail "$label: $KEY_QUIT did not quit the app within 15 s"
  fi
  [ "$rc" -eq 0 ] || { cat "$app_log" >&2; fail "$label: the app exited with rc $rc"; }
  if grep -q "Traceback" "$app_log"; then cat "$app_log" >&2; fail "$label: traceback in the app's output"; fi
  log "$label: quit with rc 0"
}

if [ "${1:-}" = "--in-session" ]; then
  in_session
  exit 0
fi

# --------------------------------------------------------------------------------------------------------------
# Outer part.
# --------------------------------------------------------------------------------------------------------------
for tool in Xvfb xdotool dbus-run-session gnome-keyring-daemon objdump; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (see packaging/ci_build.sh header)"
done
mkdir -p build
WORK=$(mktemp -d)
export WORK
trap 'rm -rf "$WORK"' EXIT
variant=onedir
[ "${PAN123_CI_ONEFILE:-}" = 1 ] && variant=both
if [ "${PAN123_CI_SKIP_BUILD:-}" = 1 ]; then
  log "skip build (PAN123_CI_SKIP_BUILD=1)"
else
  log "PyInstaller build ($variant) with $PYTHON"
  "$PYTHON" packaging/build.py --variant "$variant" --top 8
fi
[ -x "$APP" ] || fail "$APP was not built"

# A throwaway home for every frozen run: settings, logs and keyrings never touch the real ones.
# (Set after the build, so PyInstaller keeps its cache of stripped binaries in the real ~/.cache.)
mkdir -p "$WORK/home" && mkdir -m 700 "$WORK/run"
export HOME=$WORK/home XDG_CONFIG_HOME=$WORK/home/.config XDG_DATA_HOME=$WORK/home/.local/share \
  XDG_CACHE_HOME=$WORK/home/.cache XDG_STATE_HOME=$WORK/home/.local/state XDG_RUNTIME_DIR=$WORK/run

log "frozen --self-test offscreen, no D-Bus (keyring must be a clear WARN, not a failure)"
set +e
env -u DBUS_SESSION_BUS_ADDRESS -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen \
  timeout 60 "$APP" --self-test --report build/selftest-offscreen.txt >/dev/null 2>"$WORK/selftest-offscreen.err"
rc=$?
set -e
cat build/selftest-offscreen.txt 2>/dev/null || true
[ $rc -eq 0 ] || { cat "$WORK/selftest-offscreen.err" >&2; fail "frozen self-test offscreen: rc $rc"; }
[ "$(tail -1 build/selftest-offscreen.txt)" = OK ] || fail "self-test report does not end in OK"
grep -q "^WARN keyring keyring.backends.fail.Keyring: no D-Bus session bus" build/selftest-offscreen.txt \
  || fail "without D-Bus the self-test must report the fail keyring backend as a WARN"

if [ "$variant" = both ]; then
  log "one-file --self-test offscreen"
  env -u DBUS_SESSION_BUS_ADDRESS QT_QPA_PLATFORM=offscreen timeout 90 dist/onefile/pan123-gui --self-test \
    2>/dev/null | tail -1 | grep -qx OK || fail "one-file self-test"
fi

log "real X window: Xvfb + private D-Bus + unlocked gnome-keyring"
dbus-run-session -- bash "$SELF" --in-session 2> >(grep -v "Failed to set fd limit" >&2)

log "sizes"
"$PYTHON" packaging/build.py --skip-build --variant "$variant" --top 0
log "OK"
