#!/bin/sh
# make survey over two fixture trees of generation v5.4 (only get_put to
# run), GATE=0: one holding a driver with its own mm table
# (tests/get_put/list_mutex.c), one holding nothing to convert.  The table
# has a line per tree: the first a series of one patch that converts the
# driver, applies with git am to a clean clone and comes out the same the
# second time; the second no patch.  Both trees are left unchanged.  A
# directory that does not exist is refused before anything runs.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/probe/fixtures.sh"
fixture_tmp
command -v spatch >/dev/null || { echo "spatch not installed"; exit 77; }
unset MMU_LOCK KERNEL O STEPS PATCHES
export J=1 GATE=0 SIGNOFF="Survey Tester <survey@example.org>"
fail=0

for t in gx empty; do
	fixture_tree "$TMP/$t" v5.4
	[ $t = empty ] || cp "$TOP/tests/get_put/list_mutex.c" "$TMP/$t/drivers/misc/gx.c"
	# a series is sent to someone: a get_maintainer.pl that names one reviewer
	mkdir -p "$TMP/$t/scripts"
	printf '#!/usr/bin/perl\nprint "Misc Maintainer <misc\\@example.org>\\n";\n' > "$TMP/$t/scripts/get_maintainer.pl"
	git -C "$TMP/$t" init -q
	commit_all "$TMP/$t" base
	{ tree_hash "$TMP/$t"; git_state "$TMP/$t"; } >"$TMP/$t.before"
done

make -s -C "$TOP" survey O="$TMP/o" KERNELS="$TMP/gx $TMP/empty" >"$TMP/out" 2>"$TMP/err" ||
	{ bad "make survey failed:"; cat "$TMP/err" "$TMP/out"; }
sed 's/^/  /' "$TMP/out"
table=$TMP/o/survey/survey.txt
[ -f "$table" ] || { bad "no $table"; exit 1; }

# field TREE COLUMN: the value of COLUMN in TREE's line of the table
field() {
	awk -F'\t' -v t="$1" -v c="$2" 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
		$1 == t { print $col[c] }' "$table"
}
[ "$(field gx generation)" = "v5.4: get/put, no interval notifiers" ] || bad "gx: generation $(field gx generation)"
[ "$(field gx steps)" = get_put ] || bad "gx: steps $(field gx steps)"
[ "$(field gx patches)" = 1 ] || bad "gx: $(field gx patches) patches, expected 1"
[ "$(field gx converted)" = 1 ] || bad "gx: $(field gx converted) converted, expected the driver"
[ "$(field gx left)" = 0 ] || bad "gx: $(field gx left) old-API sites left"
[ "$(field gx gate)" = - ] || bad "gx: gate $(field gx gate) with GATE=0"
[ "$(field gx am)" = ok ] || bad "gx: git am: $(field gx am)"
[ "$(field gx same)" = yes ] || bad "gx: the second run differs: $(field gx same)"
grep -q '^Subject: \[PATCH 1/1\] misc/gx: use mmu_notifier_get/put$' "$TMP/o/survey/gx/patches/0001-"*.patch 2>/dev/null ||
	bad "gx: no misc patch in $TMP/o/survey/gx/patches"
[ "$(field empty patches)" = 0 ] || bad "empty: $(field empty patches) patches"
[ "$(field empty converted)" = 0 ] || bad "empty: $(field empty converted) converted"
[ "$(field empty am)" = - ] || bad "empty: git am of no patch: $(field empty am)"
grep -q '^series: the tree is v5.4: get/put, no interval notifiers; each step'"'"'s decision:$' \
	"$TMP/o/survey/empty/series.log" || bad "empty: make series does not say what it found"
grep -q '^series: to see the conversion at work' "$TMP/o/survey/empty/series.log" ||
	bad "empty: make series does not say what to try next"
for t in gx empty; do
	{ tree_hash "$TMP/$t"; git_state "$TMP/$t"; } >"$TMP/$t.after"
	cmp -s "$TMP/$t.before" "$TMP/$t.after" || bad "$t: the tree changed"
done

if make -s -C "$TOP" survey O="$TMP/o2" KERNELS="$TMP/gx $TMP/nothere" >"$TMP/out2" 2>&1; then
	bad "a missing tree was accepted"
fi
grep -q "$TMP/nothere: no such directory" "$TMP/out2" || { bad "no message for the missing tree:"; cat "$TMP/out2"; }
[ -e "$TMP/o2/survey/gx" ] && bad "survey ran before refusing the missing tree"
exit $fail
