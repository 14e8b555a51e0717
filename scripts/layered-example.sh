#!/usr/bin/env bash
# The layered-snapshot example and its numbers (issue 14):
#   1. fetches Debian's node-acorn, node-immutable, node-js-yaml, node-marked and node-diff with
#      `apt-get download` and unpacks them with `dpkg-deb -x` (never installed: they would pull in
#      Debian's nodejs) into Examples/layered-app/vendor/ (about 600 KB of ES modules);
#   2. with the release snapgen: builds the internal-js runtime snapshot, then the app on top of
#      it (`"base"` in Examples/layered-app/snapgen.json), and checks that both runs agree;
#   3. times, in one hyperfine run each: the layered build against a build from scratch of
#      runtime + app (one graph, internal-js's warm-up included; both with --no-cache, so the
#      build cache serves neither), and `snapgen run app.snapshot.bin`
#      (boot + main) against `snapgen run -s runtime.snapshot.bin src/from-source.js` (boot +
#      resolving and evaluating the same app from source + main), as whole processes;
#   4. the same two boots inside the process, from `snapgen run --timing` (median of N runs):
#      boot phases + main, against boot phases + the script, without the process start-up;
#   5. what two-byte sources cost: a scratch copy of the app whose characters above U+00FF
#      (a few, mostly in comments) are replaced by '?', so that V8 keeps every module's source
#      as a one-byte string; its blob size and in-process boot + main beside the real app's
#      (measurement only: the copy's output is not checked).
#   scripts/layered-example.sh [runs]       (default 20)
# Results: .build/layered-example/report.txt (and hyperfine's JSON beside it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-20}"
work=.build/layered-example
app=Examples/layered-app
mkdir -p "$work/debs" "$work/scratch"

scripts/install-deps.sh >&2
command -v hyperfine >/dev/null || apt-get install -y -qq hyperfine >/dev/null

# 1. The third-party modules.
packages=(node-acorn node-immutable node-js-yaml node-marked node-diff)
if [ ! -f "$app/vendor/.fetched" ]; then
  (cd "$work/debs" && apt-get download "${packages[@]}" >&2)
  rm -rf "$work/unpacked" "$app/vendor"
  for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$work/unpacked"; done
  mkdir -p "$app/vendor"
  for name in acorn acorn-walk immutable js-yaml marked diff; do
    cp -r "$work/unpacked/usr/share/nodejs/$name" "$app/vendor/"
  done
  touch "$app/vendor/.fetched"
fi

# 2. Build and check.
swift build -c release --product snapgen >&2
snapgen="$(swift build -c release --show-bin-path)/snapgen"
"$snapgen" build internal-js -o "$app/runtime.snapshot.bin" >&2
"$snapgen" build "$app" -o "$work/app.snapshot.bin" --json > "$work/app-build.json"
input="let y = 3;"
layered="$("$snapgen" run "$work/app.snapshot.bin" "$input")"
from_source="$("$snapgen" run -s "$app/runtime.snapshot.bin" "$app/src/from-source.js" "$input")"
if [ "$layered" != "$from_source" ]; then
  printf 'the app snapshot and the app from source disagree:\n%s\n---\n%s\n' "$layered" "$from_source" >&2
  exit 1
fi
# The from-scratch build: runtime and app in one graph, with internal-js's warm-up.
cat > "$work/scratch/snapgen.json" <<JSON
{ "entryPoints": ["../../../internal-js/src/main.js", "../../../$app/src/app.js"],
  "warmup": "../../../internal-js/warmup.js", "functionCode": "keep", "compression": "lz4" }
JSON
"$snapgen" build "$work/scratch" -o "$work/scratch.snapshot.bin" >&2

module_bytes="$(python3 -c "
import json, subprocess, sys
out = subprocess.run([sys.argv[1], 'inspect', sys.argv[2], '--json'], capture_output=True, check=True).stdout
print(sum(m['size'] for m in json.loads(out)['metadata']['modules']))" "$snapgen" "$work/app.snapshot.bin")"

load() { uptime | sed 's/.*load average: //'; }
load_before="$(load)"

# 3. Whole processes.
hyperfine -N --warmup 2 --runs "$((runs / 2 > 3 ? runs / 2 : 3))" --export-json "$work/builds.json" \
  -n "layered build (app on the runtime snapshot)" "$snapgen build $app -o $work/app.snapshot.bin --no-cache" \
  -n "from scratch (runtime + app in one build)" "$snapgen build $work/scratch -o $work/scratch.snapshot.bin --no-cache" >&2
hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/boots.json" \
  -n "app snapshot: boot + main" "$snapgen run $work/app.snapshot.bin 'let y = 3;'" \
  -n "runtime snapshot + app from source + main" "$snapgen run -s $app/runtime.snapshot.bin $app/src/from-source.js 'let y = 3;'" >&2

# 4. Inside the process.
python3 - "$snapgen" "$work" "$app" "$runs" > "$work/in-process.txt" <<'PY'
import re, statistics, subprocess, sys
snapgen, work, app, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
def timed(arguments, last):
    totals = []
    for _ in range(runs):
        err = subprocess.run([snapgen, "run", "--timing", *arguments], capture_output=True, text=True, check=True).stderr
        boot = float(re.search(r"total ([0-9.]+) ms", err).group(1))
        rest = float(re.search(last + r": ([0-9.]+) ms", err).group(1))
        totals.append((boot, rest))
    return statistics.median(b for b, _ in totals), statistics.median(r for _, r in totals), statistics.median(b + r for b, r in totals)
a = timed([f"{work}/app.snapshot.bin", "let y = 3;"], "main")
s = timed(["-s", f"{app}/runtime.snapshot.bin", f"{app}/src/from-source.js", "let y = 3;"], r"script \(resolve, evaluate, run\)")
print(f"app snapshot:              boot {a[0]:.2f} ms + main {a[1]:.2f} ms = {a[2]:.2f} ms (medians of {runs})")
print(f"runtime snapshot + source: boot {s[0]:.2f} ms + script {s[1]:.2f} ms = {s[2]:.2f} ms")
print(f"ratio (in process): {s[2] / a[2]:.1f}x")
PY

# 5. The one-byte scratch copy.
rm -rf "$work/latin1" && mkdir -p "$work/latin1"
cp -r "$app/src" "$app/vendor" "$work/latin1/"
sed 's|"base": "runtime.snapshot.bin"|"base": "../../../'"$app"'/runtime.snapshot.bin"|' "$app/snapgen.json" > "$work/latin1/snapgen.json"
python3 - "$work/latin1" <<'PY'
import pathlib, sys
for path in pathlib.Path(sys.argv[1]).rglob("*.*js"):
    text = path.read_text(encoding="utf-8")
    narrowed = "".join(c if ord(c) < 0x100 else "?" for c in text)
    if narrowed != text:
        path.write_text(narrowed, encoding="utf-8")
PY
"$snapgen" build "$work/latin1" -o "$work/latin1.snapshot.bin" --no-cache >&2
python3 - "$snapgen" "$work" "$runs" >> "$work/in-process.txt" <<'PY'
import json, re, statistics, subprocess, sys
snapgen, work, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
def raw(path):
    out = subprocess.run([snapgen, "inspect", path, "--json"], capture_output=True, check=True).stdout
    return json.loads(out)["rawSize"]
def boot_and_main(path):
    totals = []
    for _ in range(runs):
        err = subprocess.run([snapgen, "run", "--timing", path, "let y = 3;"], capture_output=True, text=True, check=True).stderr
        totals.append(float(re.search(r"total ([0-9.]+) ms", err).group(1)) + float(re.search(r"main: ([0-9.]+) ms", err).group(1)))
    return statistics.median(totals)
# Alternate the two, so that a change of load hits both.
real, narrowed = [], []
for _ in range(2):
    real.append(boot_and_main(f"{work}/app.snapshot.bin"))
    narrowed.append(boot_and_main(f"{work}/latin1.snapshot.bin"))
print(f"two-byte sources: app blob {raw(f'{work}/app.snapshot.bin')} bytes, one-byte copy {raw(f'{work}/latin1.snapshot.bin')} bytes; "
      f"boot + main {statistics.mean(real):.2f} ms against {statistics.mean(narrowed):.2f} ms (means of two medians of {runs})")
PY

python3 - "$work" "$module_bytes" "$load_before" "$(load)" > "$work/report.txt" <<'PY'
import json, sys
work, module_bytes, before, after = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
def rows(name):
    results = json.load(open(f"{work}/{name}.json"))["results"]
    return [(r["command"], r["median"] * 1000, r["min"] * 1000, (r["user"] + r["system"]) * 1000) for r in results]
print(f"app modules: {module_bytes} bytes of ES modules; load average before {before}, after {after}")
for group in ("builds", "boots"):
    results = rows(group)
    for command, median, low, cpu in results:
        print(f"{group}: {command}: median {median:.1f} ms, min {low:.1f} ms, cpu {cpu:.1f} ms")
    print(f"{group}: ratio of medians {results[1][1] / results[0][1]:.2f}x")
print(open(f"{work}/in-process.txt").read().strip())
PY
cat "$work/report.txt"
