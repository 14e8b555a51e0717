#!/usr/bin/env bash
# Quick start, command 2: installs what is missing and runs every test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/install-deps.sh
swift build --build-tests

mkdir -p .build
log=.build/swift-test.log
status=0
swift test 2>&1 | tee "$log" || status=$?

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
"$snapgen" run --snapshot "$snapshot" Tests/js/all.test.js || status=1
echo "JS tests, runtime evaluated from source:"
"$snapgen" run --from-sources internal-js Tests/js/all.test.js || status=1

# The consumer fixture: a package that applies SnapgenBuildPlugin and boots from the resource in
# its own test. Its build folder lives under .build and is shared with SnapgenPluginTests.
echo "Plugin consumer fixture:"
swift test --package-path IntegrationTests/PluginConsumer --scratch-path .build/plugin-fixture || status=1

exit "$status"
