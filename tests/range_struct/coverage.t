#!/bin/sh
# scripts/coverage in a sparse scratch clone: a callback named in an ops
# initialiser (drivers/misc/cx/cx_ops.c) but declared and defined, with the
# old prototype, in files of the same directory that no step reads (cx.h,
# cx_impl.c, not checked out) is listed as left, with its reason; the
# callback the rule converted is not.  make convert on a v4.20 fixture tree.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/probe/fixtures.sh"
fixture_tmp
command -v spatch >/dev/null || { echo "spatch not installed"; exit 77; }
unset MMU_LOCK KERNEL O STEPS
fail=0
tree=$TMP/linux
fixture_tree "$tree" v4.20
mkdir -p "$tree/drivers/misc/cx"
cat > "$tree/drivers/misc/cx/cx_ops.c" <<'C'
// SPDX-License-Identifier: GPL-2.0
#include <linux/mmu_notifier.h>
#include "cx.h"

static int cx_end_count;

static void cx_end(struct mmu_notifier *mn, struct mm_struct *mm,
		   unsigned long start, unsigned long end)
{
	cx_end_count++;
}

const struct mmu_notifier_ops cx_ops = {
	.invalidate_range_start = cx_start,
	.invalidate_range_end = cx_end,
};
C
cat > "$tree/drivers/misc/cx/cx.h" <<'C'
/* SPDX-License-Identifier: GPL-2.0 */
int cx_start(struct mmu_notifier *mn, struct mm_struct *mm,
	     unsigned long start, unsigned long end, bool blockable);
C
cat > "$tree/drivers/misc/cx/cx_impl.c" <<'C'
// SPDX-License-Identifier: GPL-2.0
#include <linux/mmu_notifier.h>

int cx_start(struct mmu_notifier *mn, struct mm_struct *mm,
	     unsigned long start, unsigned long end, bool blockable)
{
	return 0;
}
C
git -C "$tree" init -q
commit_all "$tree" base
make -s -C "$TOP" convert KERNEL="$tree" O="$TMP/o" STEPS=range_struct >"$TMP/out" 2>&1 ||
	{ bad "make convert failed:"; cat "$TMP/out"; }
git -C "$TMP/o/work" ls-files -t drivers/misc/cx/cx_impl.c | grep -q '^S ' ||
	bad "cx_impl.c is checked out: the test does not read a file outside the checkout"
r=$TMP/o/report/range_struct.txt
grep -q '^left: drivers/misc/cx/cx_ops.c:[0-9]*: callback cx_start still has the old prototype: ' "$r" ||
	{ bad "cx_start is not listed as left:"; cat "$r" "$TMP/out"; }
grep -q 'cx_end' "$r" && bad "cx_end, converted, is listed: $(grep cx_end "$r")"
grep -q 'old-API sites left' "$TMP/out" || bad "convert does not warn about the site left"
exit $fail
