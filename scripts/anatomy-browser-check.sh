#!/usr/bin/env bash
# Renders `snapgen anatomy`'s HTML report of internal-js in headless Chromium (Debian's
# `chromium`, installed when missing; nothing is ever removed) and checks that it drew: the
# screenshot is not blank and the DOM has one treemap element per module. The screenshot and the
# DOM are kept under .build/anatomy-browser/ as artefacts. Prints "N passed, N failed".
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

out=.build/anatomy-browser
mkdir -p "$out"
snapgen="${SNAPGEN:-$(swift build --show-bin-path)/snapgen}"

if ! command -v chromium >/dev/null 2>&1; then
  echo "installing Debian's chromium (apt-get install -y --no-install-recommends chromium)"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get install -y --no-install-recommends chromium >"$out/apt.log" 2>&1
  else
    sudo -n apt-get install -y --no-install-recommends chromium >"$out/apt.log" 2>&1
  fi
  command -v chromium >/dev/null 2>&1 || { echo "chromium could not be installed (see $out/apt.log)"; echo "0 passed, 1 failed"; exit 1; }
fi

report="$out/internal-js-anatomy.html"
"$snapgen" anatomy internal-js --boots 20 --html "$report" --json >"$out/anatomy.json" || {
  echo "snapgen anatomy failed"; echo "0 passed, 1 failed"; exit 1; }

page="file://$(pwd)/$report"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium_flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile"
  --no-first-run --disable-extensions)
timeout 120 chromium "${chromium_flags[@]}" --window-size=1280,1600 --screenshot="$out/screenshot.png" "$page" \
  >"$out/chromium-screenshot.log" 2>&1
timeout 120 chromium "${chromium_flags[@]}" --dump-dom "$page" >"$out/dom.html" 2>"$out/chromium-dom.log"

python3 scripts/lib/check_rendered_report.py "$out/screenshot.png" "$out/dom.html" "$out/anatomy.json"
status=$?
echo "screenshot: $out/screenshot.png"
exit $status
