#!/usr/bin/env bash
# Quick start, command 2: installs what is missing and runs every test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/install-deps.sh
swift build --build-tests

mkdir -p .build
log=.build/swift-test.log
status=0
# One test at a time: V8 10.2 crashes when an isolate from its built-in snapshot is created while
# one booted from a snapgen snapshot is alive in the process (the shim refuses it; tests that
# ran in parallel would trip over each other's runtimes). The timeout keeps a crash whose
# backtrace hangs from using up CI's time.
timeout 1800 swift test --no-parallel 2>&1 | tee "$log" || status=$?

# One closing line for every runner: "swift: N passed, N failed".
summary=$(grep -E 'Test run with [0-9]+ tests?' "$log" | tail -n 1 || true)
total=$(sed -E 's/.*Test run with ([0-9]+) tests?.*/\1/' <<<"$summary")
failed=$(grep -cE '^✘ Test .* failed' "$log" || true)
if [ -n "$summary" ]; then
  echo "swift: $((total - failed)) passed, ${failed} failed"
fi

# The JS test suite of internal-js, inside a runtime booted from the snapshot and inside one
# that evaluated the same modules from source: the snapshot must change nothing observable.
snapgen="$(swift build --show-bin-path)/snapgen"
snapshot=.build/internal-js.snapshot.bin
"$snapgen" build internal-js --output "$snapshot" || status=1
echo "JS tests, snapshot-booted runtime:"
"$snapgen" run --snapshot "$snapshot" Tests/js/all.test.js | tee .build/js-snapshot.log || status=1
echo "JS tests, runtime evaluated from source:"
"$snapgen" run --from-sources internal-js Tests/js/all.test.js | tee .build/js-sources.log || status=1

# The consumer fixture: a package that applies SnapgenBuildPlugin and boots from the resource in
# its own test. Its build folder lives under .build and is shared with SnapgenPluginTests.
echo "Plugin consumer fixture:"
swift test --package-path IntegrationTests/PluginConsumer --scratch-path .build/plugin-fixture || status=1

# Everything in one closing line.
passed=$(( ${total:-0} - ${failed:-0} ))
failures=${failed:-0}
for js in .build/js-snapshot.log .build/js-sources.log; do
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$js" | tail -n 1 || true)
  if [ -n "$line" ]; then
    passed=$((passed + $(cut -d' ' -f1 <<<"$line")))
    failures=$((failures + $(cut -d' ' -f3 <<<"$line")))
  else
    failures=$((failures + 1))
  fi
done
echo "all: ${passed} passed, ${failures} failed"
exit "$status"
