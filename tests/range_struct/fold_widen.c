// The bounds widened through their addresses right before the start: the
// init comes first and the call widens the range.
static void unmap_shared(struct mmu_gather *tlb, struct vm_area_struct *vma,
			 unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long mmun_start = start;	/* For mmu_notifiers */
	unsigned long mmun_end   = end;		/* For mmu_notifiers */
	unsigned long address;

	tlb_start_vma(tlb, vma);
	/* If sharing possible, alert mmu notifiers of worst case. */
	adjust_range_if_pmd_sharing_possible(vma, &mmun_start, &mmun_end);
	mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end);
	for (address = start; address < end; address += PAGE_SIZE)
		zap_one(tlb, vma, address);
	flush_tlb_range(vma, mmun_start, mmun_end);
	mmu_notifier_invalidate_range_end(mm, mmun_start, mmun_end);
	tlb_end_vma(tlb, vma);
}

// Assigned, then widened.
static void protect_shared(struct vm_area_struct *vma, unsigned long start,
			   unsigned long end, pgprot_t prot)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long mmun_start, mmun_end;

	mmun_start = start;
	mmun_end = end;
	widen_for_sharing(vma, &mmun_start, &mmun_end);
	mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end);
	change_prot(vma, start, end, prot);
	mmu_notifier_invalidate_range_end(mm, mmun_start, mmun_end);
}

// The address taken anywhere else (here after the end, where a callee may
// write the bounds): not folded.
static void unmap_and_tell(struct vm_area_struct *vma, unsigned long start,
			   unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long mmun_start = start;
	unsigned long mmun_end = end;

	mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end);
	zap_range(vma, start, end);
	mmu_notifier_invalidate_range_end(mm, mmun_start, mmun_end);
	report_unmapped(vma, &mmun_start, &mmun_end);
}

// A parameter of a local's name, the local declared in a block: not
// folded.
static void zap_block(struct vm_area_struct *vma, unsigned long mmun_start)
{
	if (vma->vm_flags & VM_SHARED) {
		unsigned long mmun_start = vma->vm_start;
		unsigned long mmun_end = vma->vm_end;

		mmu_notifier_invalidate_range_start(vma->vm_mm, mmun_start, mmun_end);
		zap_range(vma, mmun_start, mmun_end);
		mmu_notifier_invalidate_range_end(vma->vm_mm, mmun_start, mmun_end);
	}
	flush_from(vma, mmun_start);
}
