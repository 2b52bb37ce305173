// A bound assigned again after the start: the locals are more than the
// range's bounds.  Not folded.
static void split_then_flush(struct vm_area_struct *vma, unsigned long addr)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long mmun_start;
	unsigned long mmun_end;

	mmun_start = addr & HPAGE_PMD_MASK;
	mmun_end = mmun_start + HPAGE_PMD_SIZE;
	mmu_notifier_invalidate_range_start(mm, mmun_start, mmun_end);
	split_one(vma, mmun_start);
	mmu_notifier_invalidate_range_end(mm, mmun_start, mmun_end);
	mmun_end += HPAGE_PMD_SIZE;
	flush_cache_range(vma, mmun_start, mmun_end);
}

// Assigned in the loop around the start: not folded.
static void zap_in_chunks(struct vm_area_struct *vma, unsigned long start,
			  unsigned long end)
{
	unsigned long mmun_start, mmun_end;

	for (mmun_start = start; mmun_start < end; mmun_start = mmun_end) {
		mmun_end = min(end, mmun_start + ZAP_CHUNK);
		mmu_notifier_invalidate_range_start(vma->vm_mm, mmun_start,
						    mmun_end);
		zap_chunk(vma, mmun_start, mmun_end);
		mmu_notifier_invalidate_range_end(vma->vm_mm, mmun_start,
						  mmun_end);
	}
}
