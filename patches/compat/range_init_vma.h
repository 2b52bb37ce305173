
#define mmu_notifier_range_init(range, event, flags, vma, mm, start, end) \
	mnc_range_init(range, event, flags, mm, start, end)

/*
 * v6.3 ("mm/mmu_notifier: remove unused
 * mmu_notifier_range_update_to_read_only export"): range_init() takes no
 * vma.
 */
#elif !defined(MNC_HAVE_RANGE_INIT_VMA)
#define mmu_notifier_range_init(range, event, flags, vma, mm, start, end) \
	mmu_notifier_range_init(range, event, flags, mm, start, end)
#endif
