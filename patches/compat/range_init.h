
/*
 * 6f4f13e8d9e2 ("mm/mmu_notifier: contextual information for event
 * triggering invalidation"), v5.2: mmu_notifier_range_init() says why the
 * range is invalidated and takes flags; v5.0 and v5.1 take the mm and the
 * bounds only, and older kernels have no range_init().
 */
#ifndef MNC_HAVE_RANGE_FLAGS
#ifndef MMU_NOTIFIER_RANGE_BLOCKABLE
#define MMU_NOTIFIER_RANGE_BLOCKABLE (1 << 0)
#endif

enum mmu_notifier_event {
	MMU_NOTIFY_UNMAP = 0,
	MMU_NOTIFY_CLEAR,
	MMU_NOTIFY_PROTECTION_VMA,
	MMU_NOTIFY_PROTECTION_PAGE,
	MMU_NOTIFY_SOFT_DIRTY,
};

static inline void mnc_range_init(struct mmu_notifier_range *range,
				  enum mmu_notifier_event event,
				  unsigned int flags, struct mm_struct *mm,
				  unsigned long start, unsigned long end)
{
#ifdef MNC_HAVE_RANGE
	mmu_notifier_range_init(range, mm, start, end);
	range->blockable = flags & MMU_NOTIFIER_RANGE_BLOCKABLE;
#else
	range->mm = mm;
	range->start = start;
	range->end = end;
	range->flags = flags;
#endif
}
