// Already on the range API (v5.0 and later): nothing to do.
static int new_start(struct mmu_notifier *mn,
		     const struct mmu_notifier_range *range)
{
	return new_invalidate(mn, range->start, range->end);
}

static const struct mmu_notifier_ops new_ops = {
	.invalidate_range_start = new_start,
};

static void new_zap(struct vm_area_struct *vma, unsigned long start,
		    unsigned long end)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, vma->vm_mm,
				start, end);
	mmu_notifier_invalidate_range_start(&range);
	unmap_vmas(vma, start, end);
	mmu_notifier_invalidate_range_end(&range);
}
