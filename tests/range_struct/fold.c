// mmun_start/mmun_end are folded into the range: the init takes their
// values, a later read (flush_range() below) reads the range, a call that
// widens them through their addresses widens the range after the init.
static int wp_huge(struct vm_area_struct *vma, unsigned long haddr)
{
	unsigned long mmun_start;	/* For mmu_notifiers */
	unsigned long mmun_end;		/* For mmu_notifiers */
	int ret = 0;

	mmun_start = haddr;
	mmun_end   = haddr + HPAGE_PMD_SIZE;
	mmu_notifier_invalidate_range_start(vma->vm_mm, mmun_start, mmun_end);
	if (replace_pmd(vma, haddr))
		goto out;
	ret = 1;
out:
	mmu_notifier_invalidate_range_end(vma->vm_mm, mmun_start, mmun_end);
	return ret;
}

static void unmap_huge(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long mmun_start = start;	/* For mmu_notifiers */
	unsigned long mmun_end   = end;		/* For mmu_notifiers */

	adjust_range(vma, &mmun_start, &mmun_end);
	mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end);
	flush_range(vma, mmun_start, mmun_end);
	mmu_notifier_invalidate_range_end(mm, mmun_start, mmun_end);
}

// The bounds come from a variable the loop moves after the start: the range
// keeps the bounds of the start, as the locals did, so they are folded too
// (upstream's move_page_tables()).
static unsigned long move_tables(struct vm_area_struct *vma,
				 unsigned long old_addr, unsigned long len)
{
	unsigned long extent, old_end;
	unsigned long mmun_start;	/* For mmu_notifiers */
	unsigned long mmun_end;		/* For mmu_notifiers */

	old_end = old_addr + len;
	mmun_start = old_addr;
	mmun_end   = old_end;
	mmu_notifier_invalidate_range_start(vma->vm_mm, mmun_start, mmun_end);
	for (; old_addr < old_end; old_addr += extent)
		extent = move_one(vma, old_addr, old_end);
	mmu_notifier_invalidate_range_end(vma->vm_mm, mmun_start, mmun_end);
	return len + old_addr - old_end;
}
