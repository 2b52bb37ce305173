
/*
 * 4a83bfe916f3 ("mm/mmu_notifier: helper to test if a range invalidation
 * is blockable"), v5.2; v5.0 and v5.1 keep a bool in the range.
 */
#ifndef MNC_HAVE_RANGE_FLAGS
static inline bool
mmu_notifier_range_blockable(const struct mmu_notifier_range *range)
{
#ifdef MNC_HAVE_RANGE
	return range->blockable;
#else
	return range->flags & MMU_NOTIFIER_RANGE_BLOCKABLE;
#endif
}
#endif
