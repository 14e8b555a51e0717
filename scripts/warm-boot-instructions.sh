#!/usr/bin/env bash
# Instructions of one warm snapshot boot, counted by callgrind: the difference between
# `snapgen bench SNAPSHOT --iterations 15` and `--iterations 5` (no first-boot processes), with
# counting switched on only inside JSRuntime.boot(snapshotAt:…), divided by 10. Repeatable on a
# busy machine, unlike wall-clock medians; for before/after comparisons of one change.
#   scripts/warm-boot-instructions.sh path/to/snapgen path/to/snapshot.bin
# The snapgen binary should be a release build (valgrind needs a copy without debug info,
# which this script makes beside the binary).
set -euo pipefail
snapgen="${1:?usage: scripts/warm-boot-instructions.sh path/to/snapgen path/to/snapshot.bin}"
snapshot="${2:?usage: scripts/warm-boot-instructions.sh path/to/snapgen path/to/snapshot.bin}"
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }
counted="$snapgen-callgrind"
objcopy --strip-debug "$snapgen" "$counted"
# The optimiser may move boot's body into a specialised copy (suffix Tf…); count that one.
symbols="$(nm "$counted" | awk '{print $3}' | grep -F '$s11SnapshotKit9JSRuntimeC4boot10snapshotAt3ops' | grep -v orSources || true)"
symbol="$(grep 'Tf' <<<"$symbols" | head -1 || true)"
[ -n "$symbol" ] || symbol="$(head -1 <<<"$symbols")"
[ -n "$symbol" ] || { echo "no JSRuntime.boot(snapshotAt:…) symbol in $snapgen" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
count() {
  valgrind --tool=callgrind --toggle-collect="$symbol" --callgrind-out-file="$work/out.$1" \
    "$counted" bench "$snapshot" --iterations "$1" --processes 0 >/dev/null 2>"$work/log.$1" || {
    cat "$work/log.$1" >&2; exit 2; }
  awk '$1 == "summary:" { print $2 }' "$work/out.$1"
}
five="$(count 5)"
fifteen="$(count 15)"
echo "one warm boot: $(( (fifteen - five) / 10 )) instructions ($snapshot, $five for 6 boots, $fifteen for 16)"
