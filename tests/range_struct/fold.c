// mmun_start/mmun_end kept only for the notifier are folded into the init;
// where they are used for something else they stay.
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
