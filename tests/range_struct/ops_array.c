// Ops in an array of initialisers, one end callback shared by both.
static int gfx_start(struct mmu_notifier *mn, struct mm_struct *mm,
		     unsigned long start, unsigned long end, bool blockable)
{
	if (baz_lock(mn, blockable))
		return -EAGAIN;
	baz_evict(mn, start, end);
	return 0;
}

static int hsa_start(struct mmu_notifier *mn, struct mm_struct *mm,
		     unsigned long start, unsigned long end, bool blockable)
{
	if (baz_lock(mn, blockable))
		return -EAGAIN;
	baz_evict_queues(mn, mm, start, end);
	return 0;
}

static void any_end(struct mmu_notifier *mn, struct mm_struct *mm,
		    unsigned long start, unsigned long end)
{
	baz_unlock(mn);
}

static const struct mmu_notifier_ops baz_ops[] = {
	[BAZ_GFX] = {
		.invalidate_range_start = gfx_start,
		.invalidate_range_end = any_end,
	},
	[BAZ_HSA] = {
		.invalidate_range_start = hsa_start,
		.invalidate_range_end = any_end,
	},
};
