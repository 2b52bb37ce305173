#!/bin/sh
# An old-API call in a function spatch cannot parse (a prototype split by
# #ifdef, a statement-like macro after a call) is never silently skipped:
# range_struct converts the parsable function of the file and leaves that
# one, and scripts/coverage (which scripts/convert runs after range_struct)
# lists each of its calls with the reason, and exits 1.  The user's tree is
# untouched: the rule runs in a scratch clone, as scripts/convert does.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/probe/fixtures.sh"
fixture_tmp
command -v spatch >/dev/null || { echo "spatch not installed"; exit 77; }
fail=0

tree=$TMP/linux
fixture_tree "$tree" v4.19
f=drivers/misc/zap.c
cat >"$tree/$f" <<'C'
// SPDX-License-Identifier: GPL-2.0
#include <linux/mmu_notifier.h>

static void fixture_zap(struct mm_struct *mm, unsigned long start,
			unsigned long end)
{
	mmu_notifier_invalidate_range_start(mm, start, end);
	fixture_unmap(mm, start, end);
	mmu_notifier_invalidate_range_end(mm, start, end);
}

#ifdef CONFIG_FIXTURE_FAST
static void fixture_flush(struct mm_struct *mm, unsigned long start)
{
#else
static void fixture_flush(struct mm_struct *mm, unsigned long start, int slow)
{
#endif
	mmu_notifier_invalidate_range_start(mm, start, start + PAGE_SIZE);
	fixture_unmap(mm, start, start + PAGE_SIZE) FIXTURE_UNTIL(slow);
	mmu_notifier_invalidate_range_end(mm, start, start + PAGE_SIZE);
}
C
git -C "$tree" init -q
commit_all "$tree" base
{ tree_hash "$tree"; git_state "$tree"; } >"$TMP/before"

git clone -q --shared "$tree" "$TMP/work"
(cd "$TMP/work" && "$TOP"/scripts/cocci range_struct "$f") >"$TMP/cocci.out" 2>&1 ||
	{ bad "scripts/cocci failed:"; cat "$TMP/cocci.out"; }
commit_all "$TMP/work" range_struct
echo "== what range_struct did"
git -C "$TMP/work" diff HEAD~1 | sed 's/^/  /'
grep -q 'mmu_notifier_invalidate_range_start(&range);' "$TMP/work/$f" ||
	bad "the parsable function was not converted"

echo "== scripts/coverage"
"$TOP"/scripts/coverage "$TMP/work" "$TMP/no-report" >"$TMP/records" 2>"$TMP/err"
rc=$?
(. "$TOP/scripts/lib.sh"; records_text "$TMP/records") >"$TMP/out"
sed 's/^/  /' "$TMP/out" "$TMP/err"
[ $rc -eq 1 ] || bad "coverage exited $rc, not 1"
# the two calls of fixture_flush, still old, and nothing else
lines=$(grep -n "mmu_notifier_invalidate_range_[a-z]*(mm, start, start + PAGE_SIZE);" "$TMP/work/$f" | cut -d: -f1)
[ "$(echo $lines)" = "22 24" ] || bad "fixture_flush's calls are at lines $(echo $lines), not 22 and 24"
for l in $lines; do
	grep -q "^left: $f:$l: old-API call: *spatch could not parse all of $f" "$TMP/out" ||
		bad "$f:$l not reported as unparsable"
done
[ "$(wc -l <"$TMP/out")" -eq 2 ] || bad "coverage listed $(wc -l <"$TMP/out") sites, not 2"
echo "unparsable old-API call | $rc | $(head -n1 "$TMP/out")"

{ tree_hash "$tree"; git_state "$tree"; } >"$TMP/after"
cmp -s "$TMP/before" "$TMP/after" || { bad "$tree changed:"; diff "$TMP/before" "$TMP/after"; }
exit $fail
