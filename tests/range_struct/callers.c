// Callers: start/end pairs, a conditional pair with a goto to the end,
// a pair inside a loop, the non-blocking start in an if, an end whose
// start happened in a callee, and start/end passed through struct fields.
static void zap_range(struct vm_area_struct *vma, unsigned long start,
		      unsigned long size)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long end = start + size;

	lru_add_drain();
	mmu_notifier_invalidate_range_start(mm, start, end);
	for ( ; vma && vma->vm_start < end; vma = vma->vm_next)
		unmap_single_vma(vma, start, end);
	mmu_notifier_invalidate_range_end(mm, start, end);
}

static int copy_range(struct mm_struct *dst_mm, struct mm_struct *src_mm,
		      struct vm_area_struct *vma, unsigned long addr,
		      unsigned long end)
{
	bool is_cow = is_cow_mapping(vma->vm_flags);
	int ret = 0;

	if (is_cow)
		mmu_notifier_invalidate_range_start(src_mm, addr, end);

	if (copy_all(dst_mm, src_mm, addr, end)) {
		ret = -ENOMEM;
		goto out;
	}
	ret = finish(dst_mm);
out:
	if (is_cow)
		mmu_notifier_invalidate_range_end(src_mm, addr, end);
	return ret;
}

static bool reap(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	bool ret = true;

	for (vma = mm->mmap ; vma; vma = vma->vm_next) {
		const unsigned long start = vma->vm_start;
		const unsigned long end = vma->vm_end;

		if (mmu_notifier_invalidate_range_start_nonblock(mm, start, end)) {
			ret = false;
			continue;
		}
		unmap_page_range(vma, start, end);
		mmu_notifier_invalidate_range_end(mm, start, end);
	}
	return ret;
}

// The start is in follow_pte_pmd(), not in this file: its end is left (an
// end on a range of its own would not be the range the start saw), and
// said.  tests/range_struct/crossing.t converts it with its callee.
static void clean_entry(struct vm_area_struct *vma, unsigned long address)
{
	unsigned long start, end;
	pte_t *ptep;

	if (follow_pte_pmd(vma->vm_mm, address, &start, &end, &ptep))
		return;
	clean_pte(ptep);
	mmu_notifier_invalidate_range_end(vma->vm_mm, start, end);
}

static void move_ptes(struct move_ctl *ctl)
{
	mmu_notifier_invalidate_range_start(ctl->mm, ctl->old_start, ctl->old_end);
	move_page_tables(ctl);
	mmu_notifier_invalidate_range_only_end(ctl->mm, ctl->old_start,
					       ctl->old_end);
}

static void grow_then_end(struct mm_struct *mm, unsigned long start,
			  unsigned long end)
{
	int i;

	for (i = 0; i < 2; i++) {
		mmu_notifier_invalidate_range_start(mm, start, end);
		shoot(mm, start, end);
		end += PAGE_SIZE;
		/* the bounds moved: this end is left, and said */
		mmu_notifier_invalidate_range_end(mm, start, end);
	}
}
