// Layout of the rewritten code: what a developer would type, not what
// spatch prints by default.

// The comments on the deleted mmun_* declarations go with them.
static vm_fault_t huge_wp_fallback(struct vm_fault *vmf, pmd_t orig_pmd)
{
	struct vm_area_struct *vma = vmf->vma;
	unsigned long haddr = vmf->address & HPAGE_PMD_MASK;
	unsigned long mmun_start;	/* For mmu_notifiers */
	unsigned long mmun_end;		/* For mmu_notifiers */
	vm_fault_t ret = 0;

	mmun_start = haddr;
	mmun_end   = haddr + HPAGE_PMD_SIZE;
	mmu_notifier_invalidate_range_start(vma->vm_mm, mmun_start, mmun_end);
	ret = replace_huge_pmd(vma, vmf->pmd, haddr, orig_pmd);
	mmu_notifier_invalidate_range_end(vma->vm_mm, mmun_start, mmun_end);
	return ret;
}

// A long callback name: the new prototype is indented with tabs to fit.
static int example_gpu_mn_invalidate_range_start_gfx(struct mmu_notifier *mn,
						     struct mm_struct *mm,
						     unsigned long start,
						     unsigned long end,
						     bool blockable)
{
	struct example_gpu_mn *gmn = container_of(mn, struct example_gpu_mn, mn);

	if (!blockable)
		return -EAGAIN;
	example_gpu_invalidate(gmn, start, end);
	return 0;
}

static const struct mmu_notifier_ops example_gpu_mn_ops = {
	.invalidate_range_start = example_gpu_mn_invalidate_range_start_gfx,
};

// Deeply nested: the continuation line is indented with tabs, not spaces.
static void example_migrate_pages(struct example_migrate *migrate)
{
	struct mm_struct *mm = migrate->vma->vm_mm;
	unsigned long addr, i, mmu_start;
	bool notified = false;

	for (i = 0, addr = migrate->start; i < migrate->npages; i++) {
		if (!migrate->dst[i]) {
			if (!(migrate->src[i] & EXAMPLE_MIGRATE)) {
				continue;
			}
			if (!notified) {
				mmu_start = addr;
				notified = true;
				mmu_notifier_invalidate_range_start(mm,
								    mmu_start,
								    migrate->end);
			}
			continue;
		}
		addr += PAGE_SIZE;
	}
	if (notified)
		mmu_notifier_invalidate_range_only_end(mm, mmu_start,
						       migrate->end);
}
