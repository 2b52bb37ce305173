// Nothing to go on: the range is started here and ended by the caller
// (dax-like follow_pte helper), and no vma is in scope.  Conservative
// CLEAR, reported as low confidence.  Second: soft-dirty clearing and a
// pgprot rewrite in one region disagree, also CLEAR (low).
int follow_invalidate_pte(struct mm_struct *mm, unsigned long address,
			  struct mmu_notifier_range *range, pte_t **ptepp)
{
	pgd_t *pgd = pgd_offset(mm, address);

	if (range) {
		mmu_notifier_range_init(range, mm, address & PAGE_MASK,
					(address & PAGE_MASK) + PAGE_SIZE);
		mmu_notifier_invalidate_range_start(range);
	}
	*ptepp = pte_offset_map(pmd_offset(pgd, address), address);
	return 0;
}

static void odd_rewrite(struct vm_area_struct *vma, pte_t *pte,
			unsigned long addr, pgprot_t newprot)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, vma->vm_mm, addr, addr + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	clear_soft_dirty(vma, addr, pte);
	set_pte_at(vma->vm_mm, addr, pte, pte_modify(*pte, newprot));
	mmu_notifier_invalidate_range_end(&range);
}
