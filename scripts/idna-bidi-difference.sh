#!/usr/bin/env bash
# What snapgen's domain-level Bidi check changes against ICU alone: every input of the UTS #46
# conformance file IdnaTestV2.txt (Unicode 13, shipped in the source archive of Python's `idna`
# 3.10, fetched with pip) goes through sg_domain_to_ascii (Sources/CSnapgenICU) and through
# ICU's uidna_nameToASCII with the same options; the script prints every input on which they
# disagree and the count. Needs gcc, pip and libicu-dev (scripts/install-deps.sh).
#   scripts/idna-bidi-difference.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=.build/idna-bidi
mkdir -p "$work"
if [ ! -f "$work/idna-3.10/tests/IdnaTestV2.txt" ]; then
  python3 -m pip download --quiet --no-binary :all: --no-deps idna==3.10 -d "$work" >&2
  tar xzf "$work/idna-3.10.tar.gz" -C "$work" idna-3.10/tests/IdnaTestV2.txt
fi
cat >"$work/compare.c" <<'EOF'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uidna.h>
#include "snapgen_icu.h"

int main(void) {
  UErrorCode status = U_ZERO_ERROR;
  UIDNA *icu = uidna_openUTS46(UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ | UIDNA_NONTRANSITIONAL_TO_ASCII |
                                   UIDNA_NONTRANSITIONAL_TO_UNICODE, &status);
  if (U_FAILURE(status)) return 2;
  const uint32_t ignored = UIDNA_ERROR_LEADING_HYPHEN | UIDNA_ERROR_TRAILING_HYPHEN | UIDNA_ERROR_HYPHEN_3_4 |
                           UIDNA_ERROR_EMPTY_LABEL | UIDNA_ERROR_LABEL_TOO_LONG | UIDNA_ERROR_DOMAIN_NAME_TOO_LONG;
  char line[4096], icu_output[16384];
  int inputs = 0, differences = 0;
  while (fgets(line, sizeof line, stdin)) {
    size_t length = strcspn(line, "\n");
    line[length] = 0;
    inputs++;
    char *ours = NULL;
    size_t ours_length = 0;
    int result = sg_domain_to_ascii(line, length, 0, &ours, &ours_length);
    UIDNAInfo info = UIDNA_INFO_INITIALIZER;
    status = U_ZERO_ERROR;
    uidna_nameToASCII_UTF8(icu, line, (int32_t)length, icu_output, sizeof icu_output, &info, &status);
    int icu_valid = U_SUCCESS(status) && (info.errors & ~ignored) == 0;
    if ((result == 0) != icu_valid) {
      differences++;
      printf("%s: snapgen %s, ICU %s\n", line, result == 0 ? ours : "invalid", icu_valid ? icu_output : "invalid");
    }
    free(ours);
  }
  printf("%d of %d inputs differ\n", differences, inputs);
  return 0;
}
EOF
icu=Sources/CSnapgenICU
gcc -O1 -I"$icu/include" -I"$icu" "$work/compare.c" "$icu/domain_to_ascii.c" "$icu/bidi_domain.c" -licuuc -lpthread \
  -o "$work/compare"
# Field 1 of each test line is the source, with \uXXXX and \x{X…} escapes.
python3 - "$work/idna-3.10/tests/IdnaTestV2.txt" >"$work/inputs.txt" <<'EOF'
import re, sys
for line in open(sys.argv[1], encoding="utf-8"):
    source = line.split("#")[0].split(";")[0].strip()
    if not source:
        continue
    source = re.sub(r"\\u([0-9A-Fa-f]{4})", lambda m: chr(int(m.group(1), 16)), source)
    source = re.sub(r"\\x\{([0-9A-Fa-f]+)\}", lambda m: chr(int(m.group(1), 16)), source)
    try:
        print(source)
    except UnicodeEncodeError:  # lone surrogates cannot reach sg_domain_to_ascii as UTF-8
        pass
EOF
"$work/compare" <"$work/inputs.txt"
