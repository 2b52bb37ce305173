
/*
 * 5d6527a784f7 ("mm/mmu_notifier: use structure for
 * invalidate_range_start/end callback"), v5.0: the callbacks take the
 * range; on older kernels a trampoline with the old signature builds it.
 */
#ifndef MNC_HAVE_RANGE
#define MMU_NOTIFIER_RANGE_BLOCKABLE (1 << 0)

struct mmu_notifier_range {
	struct mm_struct *mm;
	unsigned long start;
	unsigned long end;
	unsigned int flags;
};
