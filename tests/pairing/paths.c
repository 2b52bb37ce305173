// Start/end pairs after range_struct, on every path.

// A speculative-fault backport: the pte lock cannot be retaken, and the
// function leaves between the start and the end.
static vm_fault_t copy_fault(struct vm_fault *vmf)
{
	struct mmu_notifier_range range;
	vm_fault_t ret = 0;

	mmu_notifier_range_init(&range, vmf->vma->vm_mm, vmf->address & PAGE_MASK,
				(vmf->address & PAGE_MASK) + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	if (!pte_map_lock(vmf)) {
		ret = VM_FAULT_RETRY;
		goto out;
	}
	copy_pte(vmf);
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	mmu_notifier_invalidate_range_only_end(&range);
out:
	return ret;
}

// Every path through the label ends: no record.
static void zap_all(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, mm, start, end);
	mmu_notifier_invalidate_range_start(&range);
	if (!zap_first(mm))
		goto out;
	zap_rest(mm);
out:
	mmu_notifier_invalidate_range_end(&range);
}

// One condition around both: no record.
static int copy_tables(struct mm_struct *dst, struct mm_struct *src, bool cow)
{
	struct mmu_notifier_range range;
	int ret;

	if (cow) {
		mmu_notifier_range_init(&range, src, 0, TASK_SIZE);
		mmu_notifier_invalidate_range_start(&range);
	}
	ret = copy_all(dst, src);
	if (cow)
		mmu_notifier_invalidate_range_end(&range);
	return ret;
}

// A flag the start sets: no record.
static void protect_pmds(struct mm_struct *mm, pmd_t *pmd, unsigned long addr,
			 unsigned long end)
{
	struct mmu_notifier_range range;
	unsigned long first = 0;

	do {
		if (pmd_none(*pmd))
			continue;
		if (!first) {
			first = addr;
			mmu_notifier_range_init(&range, mm, first, end);
			mmu_notifier_invalidate_range_start(&range);
		}
		protect_pmd(pmd);
	} while (pmd++, addr += PMD_SIZE, addr != end);
	if (first)
		mmu_notifier_invalidate_range_end(&range);
}

// A void function that returns early.
static void drop_range(struct mm_struct *mm, unsigned long start,
		       unsigned long end)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, mm, start, end);
	mmu_notifier_invalidate_range_start(&range);
	if (mm_is_dying(mm))
		return;
	drop_ptes(mm, start, end);
	mmu_notifier_invalidate_range_end(&range);
}

// An end on a range of its own: the start was in the callee, on another
// object.
static void clean_entry(struct vm_area_struct *vma, unsigned long address)
{
	struct mmu_notifier_range range;
	unsigned long start, end;

	if (lookup_entry(vma->vm_mm, address, &start, &end))
		return;
	clean_pte(vma, address);
	mmu_notifier_range_init(&range, vma->vm_mm, start, end);
	mmu_notifier_invalidate_range_end(&range);
}

// The callee is handed the range and starts it: no record.
static void clean_entry2(struct vm_area_struct *vma, unsigned long address)
{
	struct mmu_notifier_range range;

	if (lookup_entry2(vma->vm_mm, address, &range))
		return;
	clean_pte(vma, address);
	mmu_notifier_invalidate_range_end(&range);
}
