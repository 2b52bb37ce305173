// Callbacks that rewrite their parameters in place, as out-of-tree drivers
// do: both bounds rounded to pages, the mm taken from the object when the
// core passes none, and the blockable flag handed on by address.
struct bar_ctx {
	struct mmu_notifier mn;
	struct mm_struct *owner;
	pid_t tgid;
};

static int bar_range_start(struct mmu_notifier *mn, struct mm_struct *mm,
			   unsigned long start, unsigned long end,
			   bool blockable)
{
	struct bar_ctx *ctx = container_of(mn, struct bar_ctx, mn);

	if (!mm)
		mm = ctx->owner;
	bar_may_block(ctx, &blockable);
	if (!blockable)
		return -EAGAIN;
	bar_flush(ctx, mm, start, end);
	return 0;
}

static void
bar_range_end(struct mmu_notifier *mn, struct mm_struct *mm,
	      unsigned long start, unsigned long end)
{
	struct bar_ctx *ctx;
	struct vm_area_struct *vma;

	ctx = container_of(mn, struct bar_ctx, mn);
	if (ctx->tgid != current->tgid)
		return;

	if (offset_in_page(start) != 0)
		start -= offset_in_page(start);
	if (offset_in_page(end) != 0)
		end += PAGE_SIZE - offset_in_page(end);

	vma = find_vma_intersection(mm, start, end);
	for ( ; vma && vma->vm_start < end; vma = vma->vm_next)
		bar_zap(ctx, max(vma->vm_start, start), min(vma->vm_end, end));
}

static const struct mmu_notifier_ops bar_ops = {
	.invalidate_range_start	= bar_range_start,
	.invalidate_range_end	= bar_range_end,
};
