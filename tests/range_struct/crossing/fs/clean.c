// The caller: the walker fired the start, the caller ends it.
static void entry_mkclean(struct address_space *mapping, pgoff_t index)
{
	struct vm_area_struct *vma;
	pte_t pte, *ptep = NULL;
	pmd_t *pmdp = NULL;
	spinlock_t *ptl;

	vma_interval_tree_foreach(vma, &mapping->i_mmap, index, index) {
		unsigned long address, start, end;

		address = index_address(index, vma);
		if (lookup_entry(vma->vm_mm, address, &start, &end, &ptep, &pmdp, &ptl))
			continue;
		pte = ptep_clear_flush(vma, address, ptep);
		pte = pte_wrprotect(pte);
		set_pte_at(vma->vm_mm, address, ptep, pte);
		pte_unmap_unlock(ptep, ptl);
		mmu_notifier_invalidate_range_end(vma->vm_mm, start, end);
	}
}
