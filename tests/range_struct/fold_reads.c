// The bounds read again after the start, by other calls: they read the
// range.
static vm_fault_t huge_cow(struct mm_struct *mm, struct vm_area_struct *vma,
			   unsigned long address, pte_t *ptep)
{
	struct hstate *h = hstate_vma(vma);
	unsigned long haddr = address & huge_page_mask(h);
	unsigned long mmun_start;	/* For mmu_notifiers */
	unsigned long mmun_end;		/* For mmu_notifiers */
	struct page *new_page;
	spinlock_t *ptl;

	new_page = alloc_huge(vma, haddr);
	if (!new_page)
		return VM_FAULT_OOM;
	mmun_start = haddr;
	mmun_end = mmun_start + huge_page_size(h);
	mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end);
	ptl = huge_pte_lock(h, mm, ptep);
	if (likely(pte_unchanged(ptep))) {
		flush_cache_range(vma, mmun_start, mmun_end);
		huge_ptep_clear_flush(vma, haddr, ptep);
		mmu_notifier_invalidate_range(mm, mmun_start, mmun_end);
		set_huge_pte_at(mm, haddr, ptep, make_pte(vma, new_page));
	}
	spin_unlock(ptl);
	mmu_notifier_invalidate_range_end(mm, mmun_start, mmun_end);
	return 0;
}

// In a loop and on an error path, all reached only through the init.
static int clear_pmd_range(struct vm_area_struct *vma, unsigned long addr,
			   pmd_t *pmd)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long mmun_start = addr & HPAGE_PMD_MASK;
	unsigned long mmun_end = mmun_start + HPAGE_PMD_SIZE;
	unsigned long a;
	int ret = 0;

	mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end);
	for (a = mmun_start; a < mmun_end; a += PAGE_SIZE) {
		if (!clear_one(vma, pmd, a)) {
			ret = -EBUSY;
			goto out;
		}
	}
	set_pmd_at(mm, mmun_start, pmd, empty_pmd());
out:
	mmu_notifier_invalidate_range_end(mm, mmun_start, mmun_end);
	return ret;
}
