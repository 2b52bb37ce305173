// The init under if (cow), the bounds read outside it: where cow is false
// the range is not set.  Not folded.
static int copy_range(struct mm_struct *dst, struct mm_struct *src,
		      struct vm_area_struct *vma)
{
	unsigned long addr = vma->vm_start;
	unsigned long end = vma->vm_end;
	unsigned long mmun_start;	/* For mmu_notifiers */
	unsigned long mmun_end;		/* For mmu_notifiers */
	bool cow = is_cow(vma);
	int ret;

	mmun_start = addr;
	mmun_end   = end;
	if (cow)
		mmu_notifier_invalidate_range_start(src, mmun_start, mmun_end);
	ret = copy_tables(dst, src, vma, addr, end);
	flush_tlb_mm_range(src, mmun_start, mmun_end);
	if (cow)
		mmu_notifier_invalidate_range_end(src, mmun_start, mmun_end);
	return ret;
}

// Read under an if of its own on the same condition: the rule does not
// prove two conditions equal.  Not folded.
static int copy_huge_range(struct mm_struct *dst, struct mm_struct *src,
			   struct vm_area_struct *vma)
{
	unsigned long addr, sz = huge_size(vma);
	unsigned long mmun_start;	/* For mmu_notifiers */
	unsigned long mmun_end;		/* For mmu_notifiers */
	int cow = is_cow(vma);

	mmun_start = vma->vm_start;
	mmun_end = vma->vm_end;
	if (cow)
		mmu_notifier_invalidate_range_start(src, mmun_start, mmun_end);
	for (addr = vma->vm_start; addr < vma->vm_end; addr += sz) {
		copy_huge_pte(dst, src, addr);
		if (cow) {
			wrprotect_huge(src, addr);
			mmu_notifier_invalidate_range(src, mmun_start, mmun_end);
		}
	}
	if (cow)
		mmu_notifier_invalidate_range_end(src, mmun_start, mmun_end);
	return 0;
}

// Only the notifier reads them: folded, the init stays under its if (the
// loop moving addr after it does not matter, the range keeps the bounds).
static int copy_range_cow(struct mm_struct *dst, struct mm_struct *src,
			  struct vm_area_struct *vma)
{
	unsigned long addr = vma->vm_start;
	unsigned long end = vma->vm_end;
	unsigned long next;
	unsigned long mmun_start;	/* For mmu_notifiers */
	unsigned long mmun_end;		/* For mmu_notifiers */
	bool cow = is_cow(vma);
	int ret = 0;

	mmun_start = addr;
	mmun_end   = end;
	if (cow)
		mmu_notifier_invalidate_range_start(src, mmun_start, mmun_end);
	do {
		next = next_boundary(addr, end);
		ret = copy_one(dst, src, vma, addr, next);
	} while (!ret && (addr = next) != end);
	if (cow)
		mmu_notifier_invalidate_range_end(src, mmun_start, mmun_end);
	return ret;
}

// A read on a path that leaves before the start (goto out_fail): not
// folded.
static int migrate_huge(struct mm_struct *mm, struct vm_area_struct *vma,
			pmd_t *pmd, unsigned long address, struct page *page)
{
	unsigned long mmun_start = address & HPAGE_PMD_MASK;
	unsigned long mmun_end = mmun_start + HPAGE_PMD_SIZE;
	struct page *new_page;

	new_page = alloc_huge_on_node(page);
	if (!new_page)
		goto out_fail;
	mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end);
	flush_cache_range(vma, mmun_start, mmun_end);
	set_pmd_at(mm, mmun_start, pmd, mk_huge_pmd(new_page));
	mmu_notifier_invalidate_range_end(mm, mmun_start, mmun_end);
	return 1;

out_fail:
	set_pmd_at(mm, mmun_start, pmd, pmd_mkold(*pmd));
	return 0;
}
