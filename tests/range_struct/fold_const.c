// Locals initialised where they are declared (const or not) and never
// assigned: the init takes their initialisers, the end shares the range.
static int replace_one_page(struct vm_area_struct *vma, unsigned long addr,
			    struct page *old, struct page *new)
{
	struct mm_struct *mm = vma->vm_mm;
	int err;
	/* For mmu_notifiers */
	const unsigned long mmun_start = addr;
	const unsigned long mmun_end   = addr + PAGE_SIZE;

	err = charge_page(new, mm);
	if (err)
		return err;
	lock_page(old);
	mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end);
	err = swap_pte(vma, addr, old, new);
	mmu_notifier_invalidate_range_end(mm, mmun_start, mmun_end);
	unlock_page(old);
	return err;
}

// The end computed from the start: the init reads it as the start's value.
static vm_fault_t copy_on_write(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mm_struct *mm = vma->vm_mm;
	const unsigned long mmun_start = vmf->address & PAGE_MASK;
	const unsigned long mmun_end = mmun_start + PAGE_SIZE;
	struct page *new_page;

	new_page = alloc_page_for(vma, vmf->address);
	if (!new_page)
		return VM_FAULT_OOM;
	mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end);
	install_page(vma, vmf->pmd, new_page);
	mmu_notifier_invalidate_range_only_end(mm, mmun_start, mmun_end);
	return 0;
}

// A bound computed from a parameter the function moves before the start:
// the locals hold the value of before.  Not folded.
static void skip_and_flush(struct mm_struct *mm, unsigned long addr,
			   unsigned long len)
{
	const unsigned long mmun_start = addr;
	const unsigned long mmun_end = addr + len;

	while (is_hole(mm, addr))
		addr += PAGE_SIZE;
	mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end);
	flush_from(mm, addr, len);
	mmu_notifier_invalidate_range_end(mm, mmun_start, mmun_end);
}

// Computed through a pointer that a call is given before the start: the
// call may change what the init would read.  Not folded.
static void refault(struct vm_fault *vmf)
{
	struct mm_struct *mm = vmf->vma->vm_mm;
	const unsigned long mmun_start = vmf->address & PAGE_MASK;
	const unsigned long mmun_end = mmun_start + PAGE_SIZE;

	prepare_refault(vmf);
	mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end);
	redo_fault(vmf);
	mmu_notifier_invalidate_range_end(mm, mmun_start, mmun_end);
}

// Comments trailing the declarations go with them.
static void flush_one_pmd(struct vm_area_struct *vma, unsigned long addr)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long mmun_start = addr & HPAGE_PMD_MASK;	/* For mmu_notifiers */
	unsigned long mmun_end = mmun_start + HPAGE_PMD_SIZE;	/* For mmu_notifiers */

	mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end);
	flush_pmd(vma, addr);
	mmu_notifier_invalidate_range_end(mm, mmun_start, mmun_end);
}
