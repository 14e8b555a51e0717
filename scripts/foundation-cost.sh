#!/usr/bin/env bash
# What loading full Foundation costs a process that links libnode first (issue 15, item 2):
# callgrind's instruction counts of two one-line Swift programs, identical but for
# `import Foundation` against `import FoundationEssentials`, each linked with the same
# libnode.so.108 as its first DT_NEEDED (as Package.swift links snapgen).
#   scripts/foundation-cost.sh
# Writes only under .build/foundation-cost/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }
scripts/install-deps.sh

if [ -f .deps/v8/include/v8-version.h ]; then lib="$PWD/.deps/v8/lib"; else lib="/usr/lib/$(gcc -print-multiarch)"; fi
work=.build/foundation-cost
mkdir -p "$work"
for module in Foundation FoundationEssentials; do
  printf 'import %s\nprint(ProcessInfo.processInfo.arguments.count)\n' "$module" > "$work/with$module.swift"
  swiftc -O "$work/with$module.swift" "$lib/libnode.so.108" -Xlinker -rpath -Xlinker "$lib" -o "$work/with$module"
  first="$(readelf -d "$work/with$module" | awk '/NEEDED/ { gsub(/[][]/, "", $5); print $5; exit }')"
  [ "$first" = "libnode.so.108" ] || { echo "$module: first DT_NEEDED is $first, not libnode.so.108" >&2; exit 1; }
  valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.$module" "$work/with$module" >/dev/null 2>"$work/valgrind.$module.log"
  printf '%-22s %14s instructions\n' "import $module" \
    "$(awk '$1 == "summary:" { print $2 }' "$work/callgrind.$module")"
done
