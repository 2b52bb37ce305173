// v4.14-v4.18 callbacks: void start without blockable; a function with
// the same prototype that is not in the ops (invalidate_range) is left
// alone.
static void bar_start(struct mmu_notifier *mn, struct mm_struct *mm,
		      unsigned long start, unsigned long end)
{
	struct bar *bar = container_of(mn, struct bar, mn);

	bar_flush(bar, mm, start, end - start);
}

static void bar_end(struct mmu_notifier *mn, struct mm_struct *mm,
		    unsigned long start, unsigned long end)
{
	bar_done(container_of(mn, struct bar, mn));
}

static void bar_range(struct mmu_notifier *mn, struct mm_struct *mm,
		      unsigned long start, unsigned long end)
{
	bar_tlb(mm, start, end);
}

static struct mmu_notifier_ops bar_ops = {
	.invalidate_range_start = bar_start,
	.invalidate_range_end = bar_end,
	.invalidate_range = bar_range,
};
