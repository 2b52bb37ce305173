#!/bin/sh
# A range that crosses a function boundary (cocci/range_struct/crossing.cocci):
# mm/walk.c fires the start on bounds it hands back through two pointers,
# fs/clean.c (the caller, another directory) fires the end, the prototype
# is in include/linux/walk.h.  make convert on a v4.20 fixture tree must
# give the three files one range, passed by pointer (tests/range_struct/
# crossing/PATH.res, read by hand: the upstream shape of follow_pte_pmd()),
# through its second and third passes (the wrapper, then the callers), and
# record the command of those passes in the commit.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/probe/fixtures.sh"
fixture_tmp
command -v spatch >/dev/null || { echo "spatch not installed"; exit 77; }
unset MMU_LOCK KERNEL O STEPS
fail=0
src=$TOP/tests/range_struct/crossing
tree=$TMP/linux
fixture_tree "$tree" v4.20
mkdir -p "$tree/fs"
cp "$src/mm/walk.c" "$tree/mm/walk.c"
cp "$src/fs/clean.c" "$tree/fs/clean.c"
cp "$src/include/linux/walk.h" "$tree/include/linux/walk.h"
git -C "$tree" init -q
commit_all "$tree" base
make -s -C "$TOP" convert KERNEL="$tree" O="$TMP/o" STEPS=range_struct >"$TMP/out" 2>&1 ||
	{ bad "make convert failed:"; cat "$TMP/out"; }
w=$TMP/o/work
diff -u "$src/mm/walk.res" "$w/mm/walk.c" || bad "mm/walk.c"
diff -u "$src/fs/clean.res" "$w/fs/clean.c" || bad "fs/clean.c"
diff -u "$src/include/linux/walk.h.res" "$w/include/linux/walk.h" || bad "include/linux/walk.h"
git -C "$w" log -1 --format=%B | grep -q '^Spatch-crossing: .* -D crossing=__lookup_entry,lookup_entry ' ||
	bad "the commit does not record the callers' pass: $(git -C "$w" log -1 --format=%B)"
grep -q 'old-API sites left' "$TMP/out" && bad "sites left: $(cat "$TMP/o/report/range_struct.txt")"
# the crossing functions, as the records name them (scripts/lib.sh)
x=$(. "$TOP/scripts/lib.sh"; records_field what "$TMP/o/report/range_struct.records" status=converted code=crossing |
	LC_ALL=C sort -u | paste -sd, -)
[ "$x" = __lookup_entry,lookup_entry ] || bad "the records name the crossing functions '$x'"
# the first pass held the caller back (a record left, code callee-unknown);
# once converted, the report says so no more
held=$(. "$TOP/scripts/lib.sh"; records_text "$TMP/o/report/range_struct.records" code=callee-unknown)
[ -z "$held" ] || bad "the report keeps a held-back end: $held"
! grep -q 'not converted' "$TMP/o/report/range_struct.txt" ||
	bad "the report keeps a held-back end: $(grep 'not converted' "$TMP/o/report/range_struct.txt")"
exit $fail
