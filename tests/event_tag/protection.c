// mprotect()-like: every pte rewritten from the new pgprot of the vma
// (PROTECTION_VMA); page_mkclean()-like: one page write-protected and
// cleaned in place (PROTECTION_PAGE).
static unsigned long change_pte_range(struct vm_area_struct *vma, pmd_t *pmd,
		unsigned long addr, unsigned long end, pgprot_t newprot)
{
	pte_t *pte, oldpte, ptent;

	do {
		oldpte = ptep_modify_prot_start(vma, addr, pte);
		ptent = pte_modify(oldpte, newprot);
		ptep_modify_prot_commit(vma, addr, pte, oldpte, ptent);
	} while (pte++, addr += PAGE_SIZE, addr != end);
	return 0;
}

static unsigned long change_pmd_range(struct vm_area_struct *vma,
		pud_t *pud, unsigned long addr, unsigned long end,
		pgprot_t newprot)
{
	struct mmu_notifier_range range;
	unsigned long pages = 0;

	mmu_notifier_range_init(&range, vma->vm_mm, addr, end);
	mmu_notifier_invalidate_range_start(&range);
	pages += change_pte_range(vma, pmd, addr, end, newprot);
	mmu_notifier_invalidate_range_end(&range);
	return pages;
}

static bool page_mkclean_one(struct page *page, struct vm_area_struct *vma,
			     unsigned long address, void *arg)
{
	struct mmu_notifier_range range;
	pte_t *pte = page_check_address(page, vma, address);
	pte_t entry;

	mmu_notifier_range_init(&range, vma->vm_mm, address,
				address + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	flush_cache_page(vma, address, pte_pfn(*pte));
	entry = ptep_clear_flush(vma, address, pte);
	entry = pte_wrprotect(entry);
	entry = pte_mkclean(entry);
	set_pte_at(vma->vm_mm, address, pte, entry);
	mmu_notifier_invalidate_range_end(&range);
	return true;
}
