// Already on the v5.2 API: nothing to do.
static void collapse(struct mm_struct *mm, unsigned long address)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, NULL, mm, address,
				address + HPAGE_PMD_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	_pmd = pmdp_collapse_flush(vma, address, pmd);
	mmu_notifier_invalidate_range_end(&range);
}
