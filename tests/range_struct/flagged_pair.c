// A start under a condition that an adjusting call (the bounds passed by
// address) decides, and its end under a flag the start set: the function
// starts on those bounds itself, so it is no caller of a crossing
// function and its pair shares one range (v4.9's try_to_unmap_one()).
static int unmap_one(struct page *page, struct vm_area_struct *vma,
		     unsigned long address)
{
	unsigned long spmd_start, spmd_end;
	bool sharing = false;
	int ret = 0;

	if (page_huge(page)) {
		spmd_start = address;
		spmd_end = spmd_start + huge_size(vma);
		widen_if_shared(vma, &spmd_start, &spmd_end);
		if (spmd_end - spmd_start != huge_size(vma)) {
			sharing = true;
			mmu_notifier_invalidate_range_start(vma->vm_mm,
							    spmd_start, spmd_end);
		}
	}
	ret = do_unmap(page, vma, address);
	if (sharing)
		mmu_notifier_invalidate_range_end(vma->vm_mm, spmd_start, spmd_end);
	return ret;
}
