#!/bin/sh
# get_put on real v5.3 ($KERNEL_V53): the core patch applies (the first of
# patches/core/get_put/ that applies is the v5.2 one); sgi-gru (the "find the
# existing registration" shape) is converted the way upstream did it, with
# mmu_notifier_synchronize() in its module exit; radeon, hmm and RDMA ODP
# are reported with what stops them.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
[ -n "${KERNEL_V53:-}" ] || { echo "KERNEL_V53 not set"; exit 77; }
[ -f "$KERNEL_V53/mm/mmu_notifier.c" ] || { echo "$KERNEL_V53: not a kernel tree"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
mkdir -p "$tmp/include/linux" "$tmp/mm"
cp "$KERNEL_V53/include/linux/mmu_notifier.h" "$tmp/include/linux/"
cp "$KERNEL_V53/mm/mmu_notifier.c" "$tmp/mm/"
first=
for p in "$TOP"/patches/core/get_put/*.patch; do
	(cd "$tmp" && git apply --check "$p" 2>/dev/null) && { first=${p##*/}; break; }
done
[ "$first" = 10-v5.2.patch ] || { echo "core: first applying patch is '$first', not 10-v5.2.patch"; fail=1; }
(cd "$tmp" && git apply "$TOP/patches/core/get_put/10-v5.2.patch") || fail=1
grep -q '^struct mmu_notifier \*mmu_notifier_get_locked' "$tmp/mm/mmu_notifier.c" || { echo "core: no mmu_notifier_get_locked"; fail=1; }

# run DIR FILE...: the rule on copies of FILEs of DIR, one group; prints the report
run() {
	d=$1
	shift
	mkdir -p "$tmp/$d"
	for f; do cp "$KERNEL_V53/$d/$f" "$tmp/$d/"; done
	(cd "$tmp/$d" && "$TOP"/scripts/cocci get_put "$@" 2>/dev/null)
}
has() {	# has FILE PATTERN: FILE (in $tmp) has a line matching PATTERN
	grep -q -e "$2" "$tmp/$1" || { echo "$1: no line matching '$2'"; fail=1; }
}
reported() {	# reported OUT FRAGMENT...
	o=$1
	shift
	for w; do
		case $o in *"$w"*) ;; *) echo "report lacks '$w': '$o'"; fail=1 ;; esac
	done
}

g=drivers/misc/sgi-gru
out=$(run $g grutlbpurge.c grufile.c grutables.h)
[ -z "$out" ] || { echo "sgi-gru reported: $out"; fail=1; }
has $g/grutlbpurge.c '^	mn = mmu_notifier_get_locked(&gru_mmuops, current->mm);$'
has $g/grutlbpurge.c '^	mmu_notifier_put(&gms->ms_notifier);$'
has $g/grutlbpurge.c '^	.alloc_notifier		= gru_mm_struct_alloc_notifier,$'
has $g/grutlbpurge.c '^	STAT(gms_free);$'
has $g/grufile.c '^	mmu_notifier_synchronize();$'
! grep -q 'mmu_find_ops\|__mmu_notifier_register\|goto error' "$tmp/$g/grutlbpurge.c" ||
	{ echo "sgi-gru: the old lookup or registration is left"; fail=1; }

out=$(run drivers/gpu/drm/radeon radeon_mn.c)
reported "$out" 'radeon_mn.c:225: radeon_mn: table rdev->mn_hash, lock &rdev->mn_lock, lookups at radeon_mn.c:209 (radeon_mn_get): not converted: ' \
	'per-instance structure' '(->rdev = rdev in radeon_mn_get)' 'unregistered in radeon_mn_destroy' 'also used by radeon_mn_unregister'
cmp -s "$KERNEL_V53/drivers/gpu/drm/radeon/radeon_mn.c" "$tmp/drivers/gpu/drm/radeon/radeon_mn.c" || { echo "radeon changed"; fail=1; }

out=$(run mm hmm.c)
reported "$out" 'hmm.c:70: hmm: table mm->hmm, lock &mm->page_table_lock, lookups at hmm.c:51 (hmm_get_or_create): not converted: ' \
	'the field mm->hmm of struct mm_struct itself' 'unregistered in hmm_free'

out=$(run drivers/infiniband/core umem_odp.c)
reported "$out" 'umem_odp.c:250: ib_ucontext_per_mm: table &ctx->per_mm_list, lock &ctx->per_mm_list_lock, lookups at umem_odp.c:276 (get_per_mm): not converted: ' \
	'per-instance structure' '(->context = ctx in alloc_per_mm)' 'unregistered in put_per_mm'
exit $fail
