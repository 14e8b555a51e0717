#!/usr/bin/env bash
# Runs the URL cases that internal-js leaves failing (Tests/js/wpt_data.test.js, knownFailures:
# the eight opaque-path cases with trailing spaces) in Debian's chromium, headless, and prints
# PASS or FAIL for each with what the browser produced. A setter case internal-js passes and
# toascii's 1.ي are printed beside them for comparison. Installs chromium when it is missing.
#   scripts/wpt-known-failures-in-chromium.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v chromium >/dev/null || apt-get install -y -qq chromium >/dev/null
work=.build/wpt-chromium
mkdir -p "$work"
cat >"$work/cases.html" <<'HTML'
<!doctype html><html><body><pre id=out></pre><script>
// [kind, input, setter, new value, expected href (or host for toascii)], from the WPT data files.
const cases = [
  ["parse", "non-special:opaque  ?hi", null, null, "non-special:opaque?hi"],
  ["parse", "non-special:opaque  #hi", null, null, "non-special:opaque#hi"],
  ["search", "data:space ?query", "search", "", "data:space%20"],
  ["search", "sc:space ?query", "search", "", "sc:space%20"],
  ["search", "data:space  ?query#fragment", "search", "", "data:space %20#fragment"],
  ["search", "sc:space  ?query#fragment", "search", "", "sc:space %20#fragment"],
  ["hash", "data:space  ?query#fragment", "hash", "", "data:space?query"],
  ["hash", "sc:space  ?query#fragment", "hash", "", "sc:space?query"],
  ["hash (internal-js passes)", "sc:space    #fragment", "hash", "", "sc:space"],
  ["toascii (internal-js passes)", "http://1.\u064A/", "host", null, "1.xn--mhb"],
];
const lines = [];
for (const [kind, input, setter, value, expected] of cases) {
  let got;
  try {
    const url = new URL(input);
    if (kind.startsWith("toascii")) got = url.host;
    else { if (setter) url[setter] = value; got = url.href; }
  } catch (error) { got = "threw " + error.name; }
  lines.push(`${got === expected ? "PASS" : "FAIL"} ${kind} ${JSON.stringify(input)}: ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
}
document.getElementById("out").textContent = lines.join("\n");
</script></body></html>
HTML
chromium --version 2>/dev/null
timeout 120 chromium --headless --no-sandbox --disable-gpu --user-data-dir="$work/profile" \
  --dump-dom "file://$PWD/$work/cases.html" 2>/dev/null \
  | python3 -c 'import html, re, sys; print(html.unescape(re.search(r"<pre id=\"out\">(.*?)</pre>", sys.stdin.read(), re.S).group(1)))'
