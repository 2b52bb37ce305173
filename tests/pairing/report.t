#!/bin/sh
# cocci/pairing.cocci in report mode on tests/pairing/paths.c: the records
# are those of tests/pairing/paths.report (read by hand: the start that the
# speculative-fault path leaves unended at its goto, the void function that
# returns between start and end, the end on a range of its own; no record
# for the label both paths reach, the pair under one condition, the pair
# under a flag the start sets, and the range handed to the callee).
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
command -v spatch >/dev/null || { echo "spatch not installed"; exit 77; }
cd "$TOP/tests/pairing" || exit 1
MODE=report "$TOP"/scripts/cocci pairing paths.c > "${TMPDIR:-/tmp}/pairing.$$" 2>&1
st=$?
diff -u paths.report "${TMPDIR:-/tmp}/pairing.$$"
d=$?
rm -f "${TMPDIR:-/tmp}/pairing.$$"
[ $st -eq 0 ] && [ $d -eq 0 ]
