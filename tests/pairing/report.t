#!/bin/sh
# cocci/pairing.cocci in report mode on each tests/pairing/NAME.c: the
# records are those of NAME.report (read by hand).  paths.c: the start
# that the speculative-fault path leaves unended at its goto, the void
# function that returns between start and end, the end on a range of its
# own; no record for the label both paths reach, the pair under one
# condition, the pair under a flag the start sets, and the range handed to
# the callee.  objects.c: ranges kept in an object, the end whose member
# other code also sets.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
command -v spatch >/dev/null || { echo "spatch not installed"; exit 77; }
cd "$TOP/tests/pairing" || exit 1
rc=0
for c in *.c; do
	MODE=report "$TOP"/scripts/cocci pairing "$c" > "${TMPDIR:-/tmp}/pairing.$$" 2>&1 || rc=1
	diff -u "${c%.c}.report" "${TMPDIR:-/tmp}/pairing.$$" || rc=1
done
rm -f "${TMPDIR:-/tmp}/pairing.$$"
exit $rc
