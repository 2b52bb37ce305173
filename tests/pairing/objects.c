// Ranges kept in an object (cocci/range_struct/object.cocci): the end of
// the walk that only its start sets up has no record; the end whose
// member other code also sets (through its address) is unstarted.
struct wp_walk {
	struct mmu_notifier_range range;
	unsigned long total;
};

static int wp_pre(unsigned long start, unsigned long end,
		  struct mm_walk *walk)
{
	struct wp_walk *wpwalk = walk->private;

	mmu_notifier_range_init(&wpwalk->range, walk->mm, start, end);
	mmu_notifier_invalidate_range_start(&wpwalk->range);
	return 0;
}

static void wp_post(struct mm_walk *walk)
{
	struct wp_walk *wpwalk = walk->private;

	flush_tlb_range(walk->vma, wpwalk->range.start, wpwalk->range.end);
	mmu_notifier_invalidate_range_end(&wpwalk->range);
}

struct rd_walk {
	struct mmu_notifier_range nr;
};

static int rd_pre(unsigned long start, unsigned long end,
		  struct mm_walk *walk)
{
	struct rd_walk *rd = walk->private;

	mmu_notifier_range_init(&rd->nr, walk->mm, start, end);
	mmu_notifier_invalidate_range_start(&rd->nr);
	return 0;
}

static void rd_post(struct mm_walk *walk)
{
	struct rd_walk *rd = walk->private;

	mmu_notifier_invalidate_range_end(&rd->nr);
}

static void rd_reset(struct rd_walk *rd)
{
	rd->nr.end = rd->nr.start;
}
