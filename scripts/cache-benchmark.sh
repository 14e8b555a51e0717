#!/usr/bin/env bash
# Times `snapgen build internal-js` (release build) with the snapshot cache, in one hyperfine run:
#   cold          empty local cache, empty remote cache: builds, stores locally, uploads;
#   warm remote   empty local cache, the remote holds the entry (a fresh CI runner);
#   warm local    the local cache holds the entry (a second build on one machine);
#   no cache      --no-cache, for reference.
# The remote is Debian's nginx with WebDAV on loopback (scripts/cache-server.sh), so network
# time is near zero: the figures are snapgen's own cost.
#   scripts/cache-benchmark.sh [runs]         (default 15 runs after 2 warm-ups)
# Results: .build/cache-benchmark.json (hyperfine's export) and a summary on stdout.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-15}"

scripts/install-deps.sh
command -v hyperfine >/dev/null || apt-get install -y -qq hyperfine >/dev/null
swift build -c release --product snapgen >&2
snapgen="$(swift build -c release --show-bin-path)/snapgen"

work=$(mktemp -d)
server="$work/server"
trap 'scripts/cache-server.sh stop "$server"; rm -rf "$work"' EXIT
url=$(scripts/cache-server.sh start "$server")
build="$snapgen build internal-js -o $work/snapshot.bin --cache-dir $work/local --remote-cache $url"

# Fill the remote once for the warm runs.
$build >/dev/null
hyperfine --warmup 2 --runs "$runs" --export-json .build/cache-benchmark.json \
  --command-name "cold" --prepare "rm -rf $work/local $server/store/ac $server/store/cas" "$build" \
  --command-name "warm remote" --prepare "rm -rf $work/local; $build >/dev/null; rm -rf $work/local" "$build" \
  --command-name "warm local" --prepare "true" "$build" \
  --command-name "no cache" --prepare "true" "$snapgen build internal-js -o $work/snapshot.bin --no-cache" \
  --command-name "floor: snapgen --version" --prepare "true" "$snapgen --version"

# snapgen's own time (the summary's "milliseconds": from argument parsing to the written output,
# without the process start that the floor above measures), median of the same number of runs.
own_time() { # PREPARE-COMMAND
  for _ in $(seq "$runs"); do
    eval "$1"
    $build --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["milliseconds"])'
  done | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
cold_own=$(own_time "rm -rf $work/local $server/store/ac $server/store/cas")
remote_own=$(own_time "rm -rf $work/local; $build >/dev/null; rm -rf $work/local")
local_own=$(own_time "true")

python3 - .build/cache-benchmark.json "$cold_own" "$remote_own" "$local_own" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
cold = results["cold"]
print("whole process (hyperfine): wall median, wall min, CPU user+sys mean; % of cold")
for name, r in results.items():
    cpu = r["user"] + r["system"]
    print(f"  {name:26} {r['median'] * 1000:7.1f} ms {r['min'] * 1000:7.1f} ms {cpu * 1000:7.1f} ms   "
          f"wall {r['median'] / cold['median'] * 100:5.1f}%  cpu {cpu / (cold['user'] + cold['system']) * 100:5.1f}%")
own = dict(zip(["cold", "warm remote", "warm local"], map(float, sys.argv[2:5])))
print("snapgen's own time (the --json summary's milliseconds), median; % of cold")
for name, ms in own.items():
    print(f"  {name:26} {ms:7.1f} ms   {ms / own['cold'] * 100:5.1f}%")
PY
echo "machine: $(nproc) cores, $(uname -m), load $(cut -d' ' -f1-3 /proc/loadavg); snapgen: $snapgen (release)"
