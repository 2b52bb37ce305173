#!/bin/sh
# cocci/pairing.cocci in report mode on each tests/pairing/NAME.c: the
# records (scripts/lib.sh), shown as people read them, are the lines of
# NAME.report (read by hand), each a record of status reported with the
# code its text starts with (unended, unstarted).  paths.c: the start
# that the speculative-fault path leaves unended at its goto, the void
# function that returns between start and end, the end on a range of its
# own; no record for the label both paths reach, the pair under one
# condition, the pair under a flag the start sets, and the range handed to
# the callee.  objects.c: ranges kept in an object, the end whose member
# other code also sets.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
command -v spatch >/dev/null || { echo "spatch not installed"; exit 77; }
. "$TOP/scripts/lib.sh"
cd "$TOP/tests/pairing" || exit 1
rc=0
out=${TMPDIR:-/tmp}/pairing.$$
for c in *.c; do
	MODE=report "$TOP"/scripts/cocci pairing "$c" > "$out" 2>&1 || rc=1
	records_text "$out" | diff -u "${c%.c}.report" - || rc=1
	[ "$(records "$out" status=reported | awk -F'\t' '$7 ~ "^" $6 ": "' | wc -l)" = "$(wc -l < "$out")" ] ||
		{ echo "$c: not every line a reported record with its code:"; cat "$out"; rc=1; }
done
rm -f "$out"
exit $rc
