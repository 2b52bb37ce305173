// Callbacks with blockable (v4.19+): parameters read, one parameter
// written (end gets a local copy), ops in a plain initialiser.
struct foo_mn {
	struct mmu_notifier mn;
	struct rb_root objects;
};

static int foo_invalidate_range_start(struct mmu_notifier *mn,
				      struct mm_struct *mm,
				      unsigned long start,
				      unsigned long end,
				      bool blockable)
{
	struct foo_mn *fmn = container_of(mn, struct foo_mn, mn);
	struct foo_node *node;

	/* notification is exclusive, but interval is inclusive */
	end -= 1;

	if (!blockable)
		return -EAGAIN;

	node = foo_first(&fmn->objects, start, end);
	while (node) {
		foo_invalidate(node, mm, start, end);
		node = foo_next(node, start, end);
	}
	return 0;
}

static void foo_invalidate_range_end(struct mmu_notifier *mn,
				     struct mm_struct *mm,
				     unsigned long start,
				     unsigned long end)
{
	struct foo_mn *fmn = container_of(mn, struct foo_mn, mn);

	foo_unlock(fmn, start, end);
}

static const struct mmu_notifier_ops foo_mn_ops = {
	.release = foo_release,
	.invalidate_range_start = foo_invalidate_range_start,
	.invalidate_range_end = foo_invalidate_range_end,
};
