#!/usr/bin/env bash
# Quick start, command 2: installs what is missing and runs every test.
#
# Each runner runs in a session of its own with a time limit. A runner that times out or dies
# without its summary counts as a failure and is named; when it ends, whatever it left running
# in its session (a `swift build` of the plugin fixture, say) is killed. The closing line counts
# exactly what ran: "all: N passed, N failed".
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/install-deps.sh || { echo "all: 0 passed, 1 failed"; exit 1; }

mkdir -p .build/test-logs
logs=.build/test-logs
passed=0
failed=0
broken=()   # runners that did not finish with a summary

# run_suite NAME SECONDS LOG COMMAND… — runs COMMAND in its own session, echoing its output,
# stops the whole session after SECONDS, and sets $suite_status ("ok", "exit N", "timed out").
run_suite() {
  local name=$1 limit=$2 log=$3
  shift 3
  echo "== $name"
  local began=$SECONDS
  setsid "$@" > >(tee "$log") 2>&1 < /dev/null &
  local pid=$! waited=0 status
  suite_status=ok
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$waited" -ge "$limit" ]; then
      suite_status="timed out after ${limit} s"
      kill -TERM -- "-$pid" 2>/dev/null
      sleep 5
      kill -KILL -- "-$pid" 2>/dev/null
      break
    fi
    sleep 1
    waited=$((waited + 1))
  done
  wait "$pid"
  status=$?
  # Anything the runner started that is still alive in its session (a grandchild in another
  # process group) goes too.
  pkill -KILL -s "$pid" 2>/dev/null || true
  sleep 0.2 # let tee flush
  if [ "$suite_status" = ok ] && [ "$status" -ne 0 ]; then suite_status="exit $status"; fi
  echo "== $name: $suite_status after $((SECONDS - began)) s"
}

# count_swift_testing NAME LOG — adds a Swift Testing run's counts; a run without its summary
# line is one failure.
count_swift_testing() {
  local name=$1 log=$2 summary total fails
  summary=$(grep -aE 'Test run with [0-9]+ tests?' "$log" | tail -n 1 || true)
  if [ -z "$summary" ]; then
    failed=$((failed + 1))
    broken+=("$name ($suite_status, no test summary)")
    return
  fi
  total=$(sed -E 's/.*Test run with ([0-9]+) tests?.*/\1/' <<<"$summary")
  # One line per failed test function: '✘ Test "name" failed after …' (or '… with N test cases
  # failed after …' for a parameterised one); not the issue lines nor the run's own summary.
  fails=$(grep -acE '^✘ Test ".*" (with [0-9]+ test cases? )?failed after' "$log" || true)
  passed=$((passed + total - fails))
  failed=$((failed + fails))
  echo "$name: $((total - fails)) passed, $fails failed"
  if [ "$fails" -eq 0 ] && [ "$suite_status" != ok ]; then
    failed=$((failed + 1))
    broken+=("$name ($suite_status although every test passed)")
  fi
}

# count_js NAME LOG — adds a JS suite's "N passed, N failed" line.
count_js() {
  local name=$1 log=$2 line
  line=$(grep -aE '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1 || true)
  if [ -z "$line" ]; then
    failed=$((failed + 1))
    broken+=("$name ($suite_status, no summary)")
    return
  fi
  passed=$((passed + $(cut -d' ' -f1 <<<"$line")))
  failed=$((failed + $(cut -d' ' -f3 <<<"$line")))
  if [ "$suite_status" != ok ] && [ "$(cut -d' ' -f3 <<<"$line")" -eq 0 ]; then
    failed=$((failed + 1))
    broken+=("$name ($suite_status)")
  fi
}

run_suite "build" 1800 "$logs/build.log" swift build --build-tests
if [ "$suite_status" != ok ]; then
  echo "swift build --build-tests failed ($suite_status); nothing else can run"
  echo "all: 0 passed, 1 failed"
  exit 1
fi

# RemoteCacheTests talk to a real Bazel HTTP cache: Debian's nginx with WebDAV PUT on loopback
# (installed when missing, run as this user, everything in a temporary folder), stopped on exit.
cache_server=$(mktemp -d)
trap 'scripts/cache-server.sh stop "$cache_server"; rm -rf "$cache_server"' EXIT
if cache_url=$(scripts/cache-server.sh start "$cache_server"); then
  export SNAPGEN_TEST_REMOTE_CACHE="$cache_url" SNAPGEN_TEST_REMOTE_CACHE_STORE="$cache_server/store"
else
  failed=$((failed + 1))
  broken+=("nginx cache server for RemoteCacheTests (did not start)")
fi

# One test at a time: V8 10.2 crashes when an isolate from its built-in snapshot is created while
# one booted from a snapgen snapshot is alive in the process (the shim refuses it; tests that
# ran in parallel would trip over each other's runtimes).
run_suite "swift test" 2400 "$logs/swift-test.log" swift test --no-parallel
count_swift_testing "swift test" "$logs/swift-test.log"

# The JS test suite of internal-js, inside a runtime booted from the snapshot and inside one
# that evaluated the same modules from source: the snapshot must change nothing observable.
snapgen="$(swift build --show-bin-path)/snapgen"
snapshot=.build/internal-js.snapshot.bin
run_suite "snapshot of internal-js" 600 "$logs/js-build.log" "$snapgen" build internal-js --output "$snapshot"
if [ "$suite_status" != ok ]; then
  failed=$((failed + 1))
  broken+=("snapgen build internal-js ($suite_status)")
fi
run_suite "JS tests, snapshot-booted runtime" 600 "$logs/js-snapshot.log" "$snapgen" run --snapshot "$snapshot" Tests/js/all.test.js
count_js "JS tests, snapshot-booted" "$logs/js-snapshot.log"
run_suite "JS tests, runtime evaluated from source" 600 "$logs/js-sources.log" "$snapgen" run --from-sources internal-js Tests/js/all.test.js
count_js "JS tests, from source" "$logs/js-sources.log"

# The consumer fixture: a package that applies SnapgenBuildPlugin and boots from the resource in
# its own test. Its build folder lives under .build and is shared with SnapgenPluginTests.
run_suite "plugin consumer fixture" 1200 "$logs/plugin-fixture.log" \
  swift test --package-path IntegrationTests/PluginConsumer --scratch-path .build/plugin-fixture
count_swift_testing "plugin consumer fixture" "$logs/plugin-fixture.log"

# snapgen anatomy's HTML report rendered in headless Chromium (Debian's, installed when missing):
# a screenshot that is not blank and one treemap element per module; the screenshot is kept
# under .build/anatomy-browser/ and its path printed.
run_suite "anatomy report in a browser" 900 "$logs/anatomy-browser.log" env SNAPGEN="$snapgen" scripts/anatomy-browser-check.sh
count_js "anatomy report in a browser" "$logs/anatomy-browser.log"

# The DocC catalogs: each target's documentation must build without a single warning (broken
# links, undocumented parameters). One target is one test: 1 passed or 1 failed.
for target in SnapshotKit BundleResolver SnapshotKitBundle; do
  run_suite "documentation: $target" 900 "$logs/docs-$target.log" \
    swift package generate-documentation --target "$target" --warnings-as-errors
  if [ "$suite_status" = ok ]; then
    passed=$((passed + 1))
    echo "documentation: $target: 1 passed, 0 failed"
  else
    failed=$((failed + 1))
    broken+=("documentation: $target ($suite_status; see $logs/docs-$target.log)")
    echo "documentation: $target: 0 passed, 1 failed"
  fi
done

for runner in "${broken[@]}"; do echo "FAILED RUNNER: $runner"; done
echo "all: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
