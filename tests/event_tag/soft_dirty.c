// /proc/PID/clear_refs-like: a page walk whose pte callback clears the
// soft-dirty bits; the range covers the whole mm and has no vma.
static int clear_refs_pte_range(pmd_t *pmd, unsigned long addr,
				unsigned long end, struct mm_walk *walk)
{
	struct vm_area_struct *vma = walk->vma;
	pte_t *pte = pte_offset_map(pmd, addr);

	for (; addr != end; pte++, addr += PAGE_SIZE)
		clear_soft_dirty(vma, addr, pte);
	return 0;
}

static const struct mm_walk_ops clear_refs_walk_ops = {
	.pmd_entry		= clear_refs_pte_range,
};

static ssize_t clear_refs_write(struct file *file, const char __user *buf,
				size_t count, loff_t *ppos)
{
	struct mm_struct *mm = file->private_data;
	struct mmu_notifier_range range;
	struct vm_area_struct *vma;

	for (vma = mm->mmap; vma; vma = vma->vm_next)
		vma->vm_flags &= ~VM_SOFTDIRTY;
	mmu_notifier_range_init(&range, mm, 0, -1UL);
	mmu_notifier_invalidate_range_start(&range);
	walk_page_range(mm, 0, mm->highest_vm_end, &clear_refs_walk_ops, NULL);
	mmu_notifier_invalidate_range_end(&range);
	return count;
}
