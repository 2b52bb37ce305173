// The shape of object.c, but the object's range is also set elsewhere
// (by the walk's setup, through its address), in a function the rule is
// not shown (it names no notifier): the pair is kept in the object all
// the same, and cocci/pairing.cocci, which reads the whole file, reports
// the end as unstarted (tests/pairing/objects.c), which stops the run.
struct wp_walk {
	struct mmu_notifier_range range;
	unsigned long total;
};

static int wp_pre(unsigned long start, unsigned long end,
		  struct mm_walk *walk)
{
	struct wp_walk *wpwalk = walk->private;

	mmu_notifier_invalidate_range_start(walk->mm, start, end);
	return 0;
}

static void wp_post(struct mm_walk *walk)
{
	struct wp_walk *wpwalk = walk->private;

	mmu_notifier_invalidate_range_end(walk->mm, wpwalk->range.start,
					  wpwalk->range.end);
}

static void wp_setup(struct wp_walk *wpwalk, struct mm_struct *mm)
{
	wp_range_set(&wpwalk->range, mm);
}
