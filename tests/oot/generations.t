#!/bin/sh
# make series M= to each API generation after v5.4 at hand (Debian's 5.10,
# 6.1 and 6.12), for two drivers:
#  - examples/mndemo, written for v4.19 with ->invalidate_range,
#    ->change_pte and ->clear_young: on 6.12 the first is named
#    ->arch_invalidate_secondary_tlbs (v6.6) and the second is dropped, the
#    report and the commit saying what the driver loses; on 5.10 and 6.1
#    both stay; ->clear_young stays int everywhere (no tree here has the
#    bool of the 2026 series);
#  - tests/oot/mnsvm, written for 5.10 (an interval notifier skipping its
#    own moves by range->migrate_pgmap_owner, an eviction through
#    mmu_notifier_range_init_migrate()): as written it does not build on 6.1
#    ("no member named 'migrate_pgmap_owner'"); ported, the owner is
#    range->owner and the eviction mmu_notifier_range_init_owner(), with
#    the vma on 6.1 and without it on 6.12 (v6.3).
# Each port builds against its tree without a warning.  And on the probe's
# fixture tree of the young series (tests/probe/fixtures.sh: young), the
# young callbacks are given its bool, and COMPAT=1 on that port builds on
# 5.10 (an int trampoline).  A module passing the vma to
# mmu_notifier_range_init() loses it on 6.12 and builds.
set -u
. "$(dirname "$0")/oot.sh"
. "$TOP/tests/probe/fixtures.sh"

# port NAME SRC TREE: make series M=SRC KERNEL=TREE into $tmp/NAME
port() {
	"$TOP"/scripts/module "$2" "$3" "$tmp/$1" > "$tmp/$1.log" 2>&1 ||
		{ fail "$1: the port failed:"; cat "$tmp/$1.log"; return 1; }
	! grep '^left: ' "$tmp/$1/module.report" || fail "$1: sites left (above)"
}
# compiles NAME DIR TREE: DIR builds against TREE (log: $tmp/b-NAME.log)
compiles() {
	o=$("$TOP"/scripts/kobj "$3") || { fail "$1: no build directory for $3"; return 2; }
	kbuild "b-$1" "$2" "$o"
}
# builds NAME DIR TREE: DIR built against TREE without a warning
builds() {
	if ! compiles "$@"; then
		fail "$1 does not build:"; grep -E 'error|warning' "$tmp/b-$1.log" | head -5
		return 1
	fi
	! grep -E "^$tmp/b-$1/.*(warning|error):" "$tmp/b-$1.log" || fail "$1: warnings (above)"
}
demo=$TOP/examples/mndemo
svm=$TOP/tests/oot/mnsvm

for v in 5.10 6.1 6.12; do
	t=$("$TOP"/scripts/provision "linux-$v" 2>/dev/null) || { echo "no linux-$v tree: skipped"; continue; }
	port "demo-$v" "$demo" "$t" || continue
	builds "demo-$v" "$tmp/demo-$v/module" "$t"
	c=$tmp/demo-$v/module/mndemo.c
	case $v in
	6.12)
		grep -q '^	\.arch_invalidate_secondary_tlbs = mnd_invalidate_range,$' "$c" ||
			fail "demo-$v: ->invalidate_range not renamed"
		! grep -q 'mnd_change_pte\|\.change_pte' "$c" || fail "demo-$v: ->change_pte (or its callback) left"
		grep -q '^rule change_pte: mndemo.c:[0-9]*: mnd_change_pte: dropped: ' "$tmp/demo-$v/module.report" ||
			fail "demo-$v: the report does not say mnd_change_pte was dropped"
		grep -q '^  mndemo.c:[0-9]*: mnd_change_pte()$' "$tmp/demo-$v/module.patch" ||
			fail "demo-$v: the commit does not name the dropped callback"
		grep -q '^Lifetime change: ' "$tmp/demo-$v/module.patch" ||
			fail "demo-$v: the commit does not say what get/put changes"
		! grep -q '^Per-device' "$tmp/demo-$v/module.patch" ||
			fail "demo-$v: the commit speaks of the per-device shape"
		;;
	*)
		grep -q '^	\.invalidate_range	= mnd_invalidate_range,$' "$c" ||
			fail "demo-$v: ->invalidate_range renamed before v6.6"
		grep -q '^	\.change_pte		= mnd_change_pte,$' "$c" || fail "demo-$v: ->change_pte dropped before v6.10"
		;;
	esac
	grep -q '^static int mnd_clear_young(' "$c" || fail "demo-$v: ->clear_young's return type changed"

	if [ "$v" = 5.10 ]; then
		port "svm-$v" "$svm" "$t" && grep -q '^result: no change$' "$tmp/svm-$v/module.report" ||
			fail "svm-$v: the driver written for 5.10 was changed"
		builds "svm-$v" "$svm" "$t"
		continue
	fi
	if compiles "svm-raw-$v" "$svm" "$t"; then
		fail "mnsvm as written builds on $v: the test cannot fail"
	elif ! grep -q "has no member named .migrate_pgmap_owner." "$tmp/b-svm-raw-$v.log"; then
		fail "mnsvm as written fails on $v, but not on migrate_pgmap_owner"
	fi
	port "svm-$v" "$svm" "$t" || continue
	builds "svm-$v" "$tmp/svm-$v/module" "$t"
	c=$tmp/svm-$v/module/mnsvm.c
	grep -q 'range->owner == r->dev' "$c" || fail "svm-$v: range->owner not read"
	! grep -q 'migrate_pgmap_owner\|range_init_migrate' "$c" || fail "svm-$v: the v5.9 names left"
	if [ "$v" = 6.1 ]; then args='0, vma,'; else args='0,$'; fi
	grep -q "mmu_notifier_range_init_owner(&range, MMU_NOTIFY_MIGRATE, $args" "$c" ||
		fail "svm-$v: the eviction: $(grep -A1 range_init_owner "$c")"
done

# A module on the range struct whose mmu_notifier_range_init() still passes
# the vma (v5.2-v6.2): ported to 6.12 (v6.3+) it loses the vma and builds.
t=$("$TOP"/scripts/provision linux-6.12 2>/dev/null) && {
	mkdir -p "$tmp/vm7src"
	printf 'obj-m := vm7.o\n' > "$tmp/vm7src/Kbuild"
	cat > "$tmp/vm7src/vm7.c" <<'C'
// SPDX-License-Identifier: GPL-2.0
#include <linux/mm.h>
#include <linux/mmu_notifier.h>
#include <linux/module.h>

void vm7_touch(struct vm_area_struct *vma, unsigned long a);

void vm7_touch(struct vm_area_struct *vma, unsigned long a)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, vma->vm_mm,
				a, a + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	mmu_notifier_invalidate_range_end(&range);
}
MODULE_LICENSE("GPL");
C
	port vm7 "$tmp/vm7src" "$t" && builds vm7 "$tmp/vm7/module" "$t"
	grep -q 'mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma->vm_mm,' "$tmp/vm7/module/vm7.c" ||
		fail "vm7: the vma left: $(grep -A1 range_init "$tmp/vm7/module/vm7.c")"
}

# The young series (no tree here has it): the probe's fixture tree.
fixture_tree "$tmp/young" young
port demo-young "$demo" "$tmp/young" &&
	grep -q '^static bool mnd_clear_young(' "$tmp/demo-young/module/mndemo.c" ||
	fail "young: ->clear_young does not return bool: $(grep -A1 'mnd_clear_young(' "$tmp/demo-young/module/mndemo.c" | head -3)"
# ... and COMPAT=1 on that port (bool callbacks) gives the int kernels an
# int trampoline: it builds on 5.10.
COMPAT=1 "$TOP"/scripts/module "$tmp/demo-young/module" "$tree" "$tmp/young-compat" > "$tmp/yc.log" 2>&1 ||
	{ fail "COMPAT=1 on the bool port failed:"; cat "$tmp/yc.log"; }
grep -q '^#ifndef MNC_HAVE_YOUNG_BOOL$' "$tmp/young-compat/module/mmu_notifier_compat.h" ||
	fail "young-compat: no trampoline for kernels without the bool"
builds young-compat "$tmp/young-compat/module" "$tree"
[ $rc = 0 ] && echo "mndemo and mnsvm ported to and built on each generation at hand"
exit $rc
