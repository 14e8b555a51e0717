#!/usr/bin/env bash
# Times whole processes side by side in one hyperfine run: `snapgen run hello.js` against
# `deno run hello.js` and `node hello.js`, then prints the ratios.
#   scripts/compare-runtimes.sh [runs]
# Installs what is missing: hyperfine (apt), deno (pip). node is whatever is on PATH.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-30}"

scripts/install-deps.sh
command -v hyperfine >/dev/null || { apt-get install -y -qq hyperfine >/dev/null; }
command -v deno >/dev/null || pip install -q deno
command -v node >/dev/null || { echo "node is not installed" >&2; exit 1; }

swift build -c release --product snapgen >/dev/null
snapgen="$(swift build -c release --show-bin-path)/snapgen"
snapshot=.build/compare.snapshot.bin
"$snapgen" build internal-js --output "$snapshot" >/dev/null

echo "snapgen $("$snapgen" --version), $(node --version | sed 's/^/node /'), $(deno --version | head -n 1)"
results=.build/compare-runtimes.json
hyperfine -N --warmup 5 --runs "$runs" --export-json "$results" \
  -n "snapgen run" "$snapgen run --snapshot $snapshot Benchmarks/hello.js" \
  -n "deno run" "deno run Benchmarks/hello.js" \
  -n "node" "node Benchmarks/hello.js"

python3 - "$results" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
snapgen = results["snapgen run"]["median"]
print("\nmedians: " + ", ".join(f"{name} {r['median'] * 1000:.1f} ms" for name, r in results.items()))
for other in ("deno run", "node"):
    print(f"snapgen run is {results[other]['median'] / snapgen:.2f}x faster than {other}")
PY
