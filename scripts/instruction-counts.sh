#!/usr/bin/env bash
# A stable figure beside the noisy wall-clock ones: callgrind's instruction counts (whole process,
# every thread) of
#   (a) one `snapgen run --eval 1` (release build) booting the internal-js snapshot, and
#   (b) the floor: an empty C program linked with the same libnode.so.108,
#   (c) one boot inside (a): `JSRuntime.boot(snapshotAt:ops:trustedKeys:)` only (read, validate, inflate,
#       isolate, context; the first in the process), on the thread that calls it,
# printed with the ratio (a)/(b) and checked against Benchmarks/instruction-counts.json.
#   scripts/instruction-counts.sh [--record] [--tolerance PERCENT]
# Exits 1 when a count grew more than the tolerance (default: the baseline's, 3%) over the
# baseline; --record rewrites the baseline with the counts just measured.
# Not part of scripts/test.sh: performance goals live with the benchmarks.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

record=0
tolerance=""
while [ $# -gt 0 ]; do
  case "$1" in
    --record) record=1 ;;
    --tolerance) tolerance="${2:?--tolerance needs a percentage}"; shift ;;
    *) echo "usage: scripts/instruction-counts.sh [--record] [--tolerance PERCENT]" >&2; exit 2 ;;
  esac
  shift
done
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }

source scripts/lib/release-setup.sh

# valgrind cannot read the DWARF 5 debug info Swift emits: count a copy without it, kept beside
# the original so it finds the same resources.
counted="$snapgen-callgrind"
objcopy --strip-debug "$snapgen" "$counted"

# Prints the total instructions (Ir) callgrind counted for one run of the given command
# (valgrind options first, then the command).
instructions() {
  local out=.build/callgrind.out.$$ count
  valgrind --tool=callgrind --callgrind-out-file="$out" "$@" >/dev/null 2>.build/callgrind.log || {
    echo "valgrind failed on: $* (see .build/callgrind.log)" >&2; exit 2; }
  count="$(awk '$1 == "summary:" { print $2 }' "$out")"
  rm -f "$out"
  if [ -z "$count" ] || [ "$count" -eq 0 ]; then
    echo "callgrind counted nothing for: $*" >&2; exit 2
  fi
  echo "$count"
}

# Swift's mangled name of JSRuntime.boot(snapshotAt:ops:trustedKeys:); callgrind counts only
# while inside it. The optimiser may move the body into a specialised copy (suffix Tf…) that
# the public symbol merely forwards to; then the copy is the one to count (toggling on both
# would switch collection off again inside the copy).
boot_prefix='$s11SnapshotKit9JSRuntimeC4boot10snapshotAt3ops11trustedKeys'
mapfile -t boot_symbols < <(nm "$counted" | awk '{print $3}' | grep -F "$boot_prefix" || true)
if [ "${#boot_symbols[@]}" -eq 0 ]; then
  echo "snapgen has no ${boot_prefix}…: JSRuntime.boot(snapshotAt:ops:trustedKeys:) changed; update this script" >&2
  exit 2
fi
boot_symbol="${boot_symbols[0]}"
for symbol in "${boot_symbols[@]}"; do
  case "$symbol" in *Tf*) boot_symbol="$symbol" ;; esac
done

run_command=("$counted" run "${snapshot_args[@]}" --eval 1)
run_count="$(instructions "${run_command[@]}")"
floor_count="$(instructions "$floor")"
boot_count="$(instructions --toggle-collect="$boot_symbol" "${run_command[@]}")"

python3 - "$record" "$tolerance" "$run_count" "$floor_count" "$boot_count" "$snapshot_desc" \
  "$(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" \
  "$(valgrind --version)" "${snapshot_args[*]}" <<'PY'
import json, sys
record, tolerance, run_count, floor_count, boot_count, snapshot, machine, valgrind, snapshot_args = sys.argv[1:]
baseline_path = "Benchmarks/instruction-counts.json"
measured = {
    "snapgen run --eval 1": {
        "command": f"valgrind --tool=callgrind .build/release/snapgen run {snapshot_args} --eval 1".replace("  ", " ")
                   + "  (a copy of the binary without debug info)",
        "instructions": int(run_count),
    },
    "one boot in snapgen run": {
        "command": "the same with --toggle-collect=<JSRuntime.boot(snapshotAt:ops:trustedKeys:)>  "
                   "(read, validate, inflate, isolate, context; first boot in the process; calling thread)",
        "instructions": int(boot_count),
    },
    "libnode floor": {
        "command": "valgrind --tool=callgrind .build/libnode-floor  (int main(void) { return 0; } linked with libnode.so.108)",
        "instructions": int(floor_count),
    },
}
ratio = int(run_count) / int(floor_count)
for name, m in measured.items():
    print(f"{name:24} {m['instructions']:>14,} instructions")
print(f"{'ratio run / floor':24} {ratio:14.3f}")

if record == "1":
    baseline = {
        "about": "callgrind instruction counts (whole process, all threads) checked by "
                 "scripts/instruction-counts.sh; a count more than tolerancePercent over its "
                 "baseline fails. Rewrite with scripts/instruction-counts.sh --record.",
        "recordedOn": {"machine": machine, "valgrind": valgrind, "build": "swift build -c release",
                       "snapshot": snapshot.split(" (")[0]},
        "tolerancePercent": float(tolerance) if tolerance else 3.0,
        "counts": measured,
    }
    with open(baseline_path, "w") as out:
        json.dump(baseline, out, indent=2)
        out.write("\n")
    print(f"recorded in {baseline_path}")
    sys.exit(0)

try:
    baseline = json.load(open(baseline_path))
except FileNotFoundError:
    sys.exit(f"no {baseline_path}: run scripts/instruction-counts.sh --record first")
limit = float(tolerance) if tolerance else float(baseline["tolerancePercent"])
print(f"\nagainst {baseline_path} (recorded on {baseline['recordedOn']['machine']}), tolerance {limit}%:")
failed = False
for name, m in measured.items():
    old = baseline["counts"][name]["instructions"]
    change = (m["instructions"] - old) / old * 100
    verdict = "ok"
    if change > limit:
        verdict, failed = "REGRESSION", True
    elif change < -limit:
        verdict = "better: record a new baseline with --record"
    print(f"  {name:24} {change:+6.2f}%  {verdict}")
sys.exit(1 if failed else 0)
PY
