#!/usr/bin/env bash
# Quick start, command 1: installs what is missing, builds snapgen, builds the snapshot of the
# embedded internal-js, boots a runtime from it and runs Examples/hello.js.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/install-deps.sh
swift build --product snapgen
snapgen="$(swift build --show-bin-path)/snapgen"
snapshot=.build/internal-js.snapshot.bin

"$snapgen" build internal-js --output "$snapshot"
"$snapgen" run --snapshot "$snapshot" --timing Examples/hello.js
