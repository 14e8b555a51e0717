#!/usr/bin/env bash
# Installs what snapgen needs to build and run: V8 10.2 (Debian ships it inside libnode108 /
# libnode-dev), and the compression libraries (libdeflate for the zlib format, lz4). Idempotent and quiet when everything is already in place.
#
# Where `apt-get install libnode-dev` works, the system copy is used. Where it cannot (a
# third-party nodejs package owns /usr/include/node), Debian's two packages are unpacked into
# .deps/v8 inside the project and only their runtime dependencies are installed with apt.
# Nothing already installed is removed or downgraded.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
deps="$root/.deps"
local_v8="$deps/v8"

say() { printf 'install-deps: %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else say "need root for: $*"; return 1
  fi
}

apt_updated=0
apt_update_once() {
  if [ "$apt_updated" -eq 0 ]; then
    as_root apt-get update -qq >/dev/null
    apt_updated=1
  fi
}

is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

install_missing() {
  local missing=()
  for pkg in "$@"; do is_installed "$pkg" || missing+=("$pkg"); done
  [ "${#missing[@]}" -eq 0 ] && return 0
  apt_update_once
  say "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-upgrade "${missing[@]}" >/dev/null
}

# True when the headers at $1 declare V8 10.2.
is_v8_10_2() {
  local header="$1/v8-version.h"
  [ -f "$header" ] &&
    grep -Eq '^#define V8_MAJOR_VERSION 10$' "$header" &&
    grep -Eq '^#define V8_MINOR_VERSION 2$' "$header"
}

multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch 2>/dev/null || echo "$(uname -m)-linux-gnu")

system_v8_ready() {
  is_v8_10_2 /usr/include/node && [ -e "/usr/lib/$multiarch/libnode.so" ]
}

install_missing zlib1g-dev libdeflate-dev liblz4-dev libssl-dev libicu-dev pkg-config

if system_v8_ready; then
  rm -rf "$local_v8"
  exit 0
fi

if ! is_installed nodejs || dpkg-query -W -f='${Version}' nodejs | grep -q dfsg; then
  # No third-party nodejs in the way: try Debian's own package.
  apt_update_once
  if as_root apt-get install -s -qq libnode-dev >/dev/null 2>&1; then
    install_missing libnode-dev
    if system_v8_ready; then rm -rf "$local_v8"; exit 0; fi
  fi
fi

# libnode108's runtime dependencies (minus nodejs, which it only conflicts with).
install_missing libuv1 libc-ares2 libicu72 libbrotli1 libnghttp2-14 libssl3 zlib1g

if is_v8_10_2 "$local_v8/include" && [ -e "$local_v8/lib/libnode.so.108" ]; then
  # The inspector's header ships only in V8's full include folder (folders unpacked before this
  # link existed get it here).
  [ -e "$local_v8/inspector-include" ] || ln -s "root/usr/include/nodejs/deps/v8/include" "$local_v8/inspector-include"
  exit 0
fi

say "unpacking Debian's libnode108 and libnode-dev into .deps/v8 (the installed nodejs stays as it is)"
apt_update_once
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download -qq libnode108 libnode-dev 2>/dev/null)
rm -rf "$local_v8.partial"
mkdir -p "$local_v8.partial"
for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$local_v8.partial/root"; done
ln -s "root/usr/include/node" "$local_v8.partial/include"
ln -s "root/usr/lib/$multiarch" "$local_v8.partial/lib"
ln -s "root/usr/include/nodejs/deps/v8/include" "$local_v8.partial/inspector-include"
is_v8_10_2 "$local_v8.partial/include" || { say "the unpacked headers are not V8 10.2"; exit 1; }
rm -rf "$local_v8"
mv "$local_v8.partial" "$local_v8"
say "V8 $(grep -E '^#define V8_(MAJOR|MINOR|BUILD|PATCH)' "$local_v8/include/v8-version.h" | awk '{print $3}' | paste -sd.) ready in .deps/v8"
