// A page-table walker that fires the start for its caller, which fires
// the end, the bounds handed back through two pointers (as
// follow_pte_pmd() was before v5.0).
static int __lookup_entry(struct mm_struct *mm, unsigned long addr,
			  unsigned long *start, unsigned long *end,
			  pte_t **ptepp, pmd_t **pmdpp, spinlock_t **ptlp)
{
	pmd_t *pmd = lookup_pmd(mm, addr);

	if (!pmd)
		goto out;
	if (pmd_huge(*pmd)) {
		if (start && end) {
			*start = addr & PMD_MASK;
			*end = *start + PMD_SIZE;
			mmu_notifier_invalidate_range_start(mm, *start, *end);
		}
		*ptlp = pmd_lock(mm, pmd);
		if (pmd_huge(*pmd)) {
			*pmdpp = pmd;
			return 0;
		}
		spin_unlock(*ptlp);
		if (start && end)
			mmu_notifier_invalidate_range_end(mm, *start, *end);
	}
	if (start && end) {
		*start = addr & PAGE_MASK;
		*end = *start + PAGE_SIZE;
		mmu_notifier_invalidate_range_start(mm, *start, *end);
	}
	*ptepp = pte_offset_map_lock(mm, pmd, addr, ptlp);
	if (!pte_present(**ptepp))
		goto unlock;
	return 0;
unlock:
	pte_unmap_unlock(*ptepp, *ptlp);
	if (start && end)
		mmu_notifier_invalidate_range_end(mm, *start, *end);
out:
	return -EINVAL;
}

static inline int lookup_pte(struct mm_struct *mm, unsigned long addr,
			     pte_t **ptepp, spinlock_t **ptlp)
{
	return __lookup_entry(mm, addr, NULL, NULL, ptepp, NULL, ptlp);
}

int lookup_entry(struct mm_struct *mm, unsigned long addr,
		 unsigned long *start, unsigned long *end,
		 pte_t **ptepp, pmd_t **pmdpp, spinlock_t **ptlp)
{
	int res;

	res = __lookup_entry(mm, addr, start, end, ptepp, pmdpp, ptlp);
	return res;
}
EXPORT_SYMBOL(lookup_entry);
