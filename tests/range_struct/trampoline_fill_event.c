// A trampoline whose helper sets a field the core's range does not get
// from its start (an event): passing the core's range on would lose it,
// so the trampoline is left as it is, and said.
static inline struct mmu_notifier_range
fill_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	return (struct mmu_notifier_range) {
		.mm = mm,
		.start = start,
		.end = end,
		.event = MMU_NOTIFY_CLEAR,
	};
}

static void shim_invalidate_range_start(struct mmu_notifier *mn,
					struct mm_struct *mm,
					unsigned long start,
					unsigned long end)
{
	struct shim_notifier *shim = to_shim(mn);
	struct mmu_notifier_range range = fill_range(mm, start, end);

	shim->ops->invalidate_range_start(shim, &range);
}
