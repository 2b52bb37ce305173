// mremap-like: ptes moved to a new address, and munmap-like: ptes zapped
// into the caller's mmu_gather (the caller frees the page tables).
static void move_ptes(struct vm_area_struct *vma, pmd_t *old_pmd,
		      unsigned long old_addr, unsigned long old_end,
		      pmd_t *new_pmd, unsigned long new_addr)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t *old_pte, *new_pte, pte;

	for (; old_addr < old_end; old_pte++, old_addr += PAGE_SIZE,
				   new_pte++, new_addr += PAGE_SIZE) {
		pte = ptep_get_and_clear(mm, old_addr, old_pte);
		pte = move_pte(pte, new_vma->vm_page_prot, old_addr, new_addr);
		set_pte_at(mm, new_addr, new_pte, pte);
	}
}

unsigned long move_page_tables(struct vm_area_struct *vma,
		unsigned long old_addr, struct vm_area_struct *new_vma,
		unsigned long new_addr, unsigned long len)
{
	unsigned long old_end = old_addr + len;
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, vma->vm_mm, old_addr, old_end);
	mmu_notifier_invalidate_range_start(&range);
	for (; old_addr < old_end; old_addr += PMD_SIZE, new_addr += PMD_SIZE)
		move_ptes(vma, old_pmd, old_addr, old_addr + PMD_SIZE,
			  new_pmd, new_addr);
	mmu_notifier_invalidate_range_end(&range);
	return len;
}

void unmap_vmas(struct mmu_gather *tlb, struct vm_area_struct *vma,
		unsigned long start_addr, unsigned long end_addr)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, vma->vm_mm, start_addr, end_addr);
	mmu_notifier_invalidate_range_start(&range);
	for ( ; vma && vma->vm_start < end_addr; vma = vma->vm_next)
		unmap_single_vma(tlb, vma, start_addr, end_addr, NULL);
	mmu_notifier_invalidate_range_end(&range);
}
