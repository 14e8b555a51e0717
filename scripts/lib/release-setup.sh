# Sourced by scripts/compare-runtimes.sh and scripts/instruction-counts.sh (run from the repo root).
# Sets:
#   snapgen        the release snapgen (`swift build -c release --product snapgen`)
#   snapshot_args  () when `snapgen run` finds the snapshot shipped with InternalJS, otherwise
#                  (--snapshot FILE) with internal-js built into .build/ by that same snapgen
#   snapshot_desc  which of the two was used, for the report
#   floor          an empty C program linked with the libnode.so.108 snapgen loads, same rpath
#   libnode        the libnode file both resolve to (checked with ldd)

scripts/install-deps.sh

swift build -c release --product snapgen >&2
snapgen="$(swift build -c release --show-bin-path)/snapgen"

if "$snapgen" run --eval 1 >/dev/null 2>&1; then
  snapshot_args=()
  snapshot_desc="the InternalJS snapshot shipped beside the release snapgen"
else
  # `--product snapgen` does not build InternalJS, so no snapshot ships beside it: build the
  # same internal-js with the release snapgen.
  "$snapgen" build internal-js --output .build/internal-js.release.snapshot.bin >/dev/null
  snapshot_args=(--snapshot .build/internal-js.release.snapshot.bin)
  snapshot_desc="internal-js built by the release snapgen (.build/internal-js.release.snapshot.bin)"
fi

# The floor: where Package.swift links libnode (.deps/v8/lib with an rpath, or the system's).
if [ -f .deps/v8/include/v8-version.h ]; then
  libnode_flags=(-L"$PWD/.deps/v8/lib" -Wl,-rpath,"$PWD/.deps/v8/lib")
else
  libnode_flags=()
fi
floor=.build/libnode-floor
printf 'int main(void) { return 0; }\n' > .build/libnode-floor.c
# --no-as-needed: the program uses nothing from libnode, and the point is to load it.
cc -O2 -o "$floor" .build/libnode-floor.c -Wl,--no-as-needed "${libnode_flags[@]}" -lnode

libnode_of() { ldd "$1" | awk '$1 == "libnode.so.108" { print $3 }'; }
libnode="$(libnode_of "$snapgen")"
if [ -z "$libnode" ] || [ "$(readlink -f "$libnode")" != "$(readlink -f "$(libnode_of "$floor")")" ]; then
  echo "the floor does not load the libnode snapgen loads ($libnode vs $(libnode_of "$floor"))" >&2
  exit 1
fi
