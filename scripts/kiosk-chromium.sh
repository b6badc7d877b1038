#!/usr/bin/env bash
# Launches Chromium in kiosk mode for one terminal screen, e.g.
#   scripts/kiosk-chromium.sh http://127.0.0.1:4600/kiosk
#   scripts/kiosk-chromium.sh "http://127.0.0.1:4600/kiosk?mode=senior"
#   scripts/kiosk-chromium.sh http://127.0.0.1:4600/board
# The profile directory is fixed per screen (never incognito: that would drop the service worker and the pairing).
# Override it with KIOSK_PROFILE_DIR; the browser binary with CHROMIUM (default: chromium from PATH).
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 <screen-url>   (e.g. http://127.0.0.1:4600/kiosk)" >&2
  exit 2
fi
url="$1"
shift

screen="$(printf '%s' "$url" | sed -E 's#^[a-z]+://[^/]+/?##; s#[?].*$##; s#[^A-Za-z0-9]+#-#g; s#^-+|-+$##g')"
profile="${KIOSK_PROFILE_DIR:-${XDG_STATE_HOME:-$HOME/.local/state}/yibao-kiosk/chromium-${screen:-kiosk}}"
mkdir -p "$profile"
browser="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
if [[ -z "$browser" ]]; then
  echo "Chromium not found: install the Debian package 'chromium' or set CHROMIUM=/path/to/chromium" >&2
  exit 1
fi

exec "$browser" \
  --kiosk \
  --noerrdialogs \
  --disable-pinch \
  --overscroll-history-navigation=0 \
  --disable-session-crashed-bubble \
  --disable-infobars \
  --disable-translate \
  --disable-features=TranslateUI,Translate \
  --autoplay-policy=no-user-gesture-required \
  --lang=zh-CN \
  --no-first-run \
  --disable-sync \
  --check-for-update-interval=31536000 \
  --password-store=basic \
  --user-data-dir="$profile" \
  "$@" \
  "$url"
