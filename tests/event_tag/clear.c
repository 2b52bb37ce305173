// A zap with the function's own mmu_gather (madvise(MADV_DONTNEED)-like)
// and a page replaced by a copy (COW-like): ptes cleared, not unmapped.
void zap_page_range(struct vm_area_struct *vma, unsigned long start,
		    unsigned long size)
{
	struct mmu_notifier_range range;
	struct mmu_gather tlb;

	lru_add_drain();
	mmu_notifier_range_init(&range, vma->vm_mm, start, start + size);
	tlb_gather_mmu(&tlb, vma->vm_mm, start, range.end);
	mmu_notifier_invalidate_range_start(&range);
	unmap_single_vma(&tlb, vma, start, range.end, NULL);
	mmu_notifier_invalidate_range_end(&range);
	tlb_finish_mmu(&tlb, start, range.end);
}

static vm_fault_t copy_on_write(struct vm_fault *vmf, struct page *new_page)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mm_struct *mm = vma->vm_mm;
	struct mmu_notifier_range range;
	pte_t entry;

	mmu_notifier_range_init(&range, mm, vmf->address & PAGE_MASK,
				(vmf->address & PAGE_MASK) + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	entry = mk_pte(new_page, vma->vm_page_prot);
	ptep_clear_flush_notify(vma, vmf->address, vmf->pte);
	set_pte_at_notify(mm, vmf->address, vmf->pte, entry);
	page_remove_rmap(vmf->page, false);
	mmu_notifier_invalidate_range_only_end(&range);
	return 0;
}
