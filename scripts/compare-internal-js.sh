#!/usr/bin/env bash
# Compares the internal-js snapshot of a base revision with the working tree's, in one run with
# one snapgen binary: V8 blob and stored sizes, and warm boots (snapgen bench, alternating the two
# snapshots for ROUNDS rounds so that machine load hits both alike).
#
#   scripts/compare-internal-js.sh BASE_REVISION [ROUNDS] [ITERATIONS]
#
# Uses $SNAPGEN, else the debug build's snapgen. Outputs stay under .build/compare-internal-js/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

base=${1:?usage: scripts/compare-internal-js.sh BASE_REVISION [ROUNDS] [ITERATIONS]}
rounds=${2:-3}
iterations=${3:-200}
snapgen="${SNAPGEN:-$(swift build --show-bin-path)/snapgen}"
out=.build/compare-internal-js
rm -rf "$out"
mkdir -p "$out/base"
git archive "$base" internal-js | tar -x -C "$out/base"

"$snapgen" build "$out/base/internal-js" -o "$out/base.bin" --json >"$out/base-build.json"
"$snapgen" build internal-js -o "$out/head.bin" --json >"$out/head-build.json"

for round in $(seq "$rounds"); do
  for side in base head; do
    "$snapgen" bench "$out/$side.bin" --iterations "$iterations" --processes 0 --json >"$out/$side-bench-$round.json"
  done
done

python3 - "$out" "$rounds" <<'PY'
import json, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def size(side):
    build = json.load(open(f"{out}/{side}-build.json"))
    return build["rawSize"], build["storedSize"]
def boot(side, phase):
    return statistics.median(json.load(open(f"{out}/{side}-bench-{r}.json"))["warm"]["snapshot"][phase]["median"]
                             for r in range(1, rounds + 1))
print(f"{'':<8}{'raw blob':>12}{'stored':>10}{'isolate ms':>12}{'context ms':>12}{'total ms':>10}")
for side in ("base", "head"):
    raw, stored = size(side)
    print(f"{side:<8}{raw:>12}{stored:>10}{boot(side, 'isolate'):>12.3f}{boot(side, 'context'):>12.3f}{boot(side, 'total'):>10.3f}")
PY
echo "snapgen: $snapgen; machine: $(uname -m), $(nproc) cores; $rounds rounds of $iterations warm boots per snapshot (median of round medians)"
