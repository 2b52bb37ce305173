// A start callback with a local of its own called 'range' (mm/hmm.c of
// RHEL 8.3: its list cursor over the mirrored ranges) takes the range as
// 'nrange', upstream's name there; its end callback, without one, takes
// 'range'.  A callback that has both names is left (and said).
static void mirror_start(struct mmu_notifier *mn, struct mm_struct *mm,
			 unsigned long start, unsigned long end)
{
	struct mirror *mirror = container_of(mn, struct mirror, mn);
	struct mirror_range *range;
	unsigned long flags;

	spin_lock_irqsave(&mirror->lock, flags);
	list_for_each_entry(range, &mirror->ranges, list) {
		if (end < range->start || start >= range->end)
			continue;
		range->valid = false;
	}
	spin_unlock_irqrestore(&mirror->lock, flags);
	mirror_sync(mirror, mm, start, end);
}

static void mirror_end(struct mmu_notifier *mn, struct mm_struct *mm,
		       unsigned long start, unsigned long end)
{
	mirror_done(container_of(mn, struct mirror, mn), start, end);
}

static const struct mmu_notifier_ops mirror_ops = {
	.invalidate_range_start	= mirror_start,
	.invalidate_range_end	= mirror_end,
};

static void both_start(struct mmu_notifier *mn, struct mm_struct *mm,
		       unsigned long start, unsigned long end)
{
	struct both *range = container_of(mn, struct both, mn);
	unsigned long nrange = end - start;

	both_flush(range, mm, start, nrange);
}

static const struct mmu_notifier_ops both_ops = {
	.invalidate_range_start	= both_start,
};

/* one that clamps its bounds: the copy reads 'nrange' too */
static void clamp_start(struct mmu_notifier *mn, struct mm_struct *mm,
			unsigned long start, unsigned long end)
{
	struct clamp *clamp = container_of(mn, struct clamp, mn);
	struct clamp_range *range = clamp->range;

	start = max(start, range->lo);
	clamp_flush(range, start, end);
}

static const struct mmu_notifier_ops clamp_ops = {
	.invalidate_range_start	= clamp_start,
};
