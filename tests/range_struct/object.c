// A start and its end in two callbacks of a page walk that share an
// object (RHEL 8.3's mm/mapping_dirty_helpers.c): the object's struct
// has a struct mmu_notifier_range that nothing sets, which the end's
// function reads.  The start sets it up and fires on it, the end fires on
// it, as upstream has it; the end loses the bounds of its own.
struct wp_walk {
	struct mmu_notifier_range range;
	unsigned long tlbflush_start;
	unsigned long tlbflush_end;
	unsigned long total;
};

static int wp_clean_pre_vma(unsigned long start, unsigned long end,
			    struct mm_walk *walk)
{
	struct wp_walk *wpwalk = walk->private;

	wpwalk->tlbflush_start = end;
	wpwalk->tlbflush_end = start;

	mmu_notifier_invalidate_range_start(walk->mm, start, end);
	flush_cache_range(walk->vma, start, end);
	inc_tlb_flush_pending(walk->mm);

	return 0;
}

static void wp_clean_post_vma(struct mm_walk *walk)
{
	struct wp_walk *wpwalk = walk->private;

	if (mm_tlb_flush_nested(walk->mm))
		flush_tlb_range(walk->vma, wpwalk->range.start,
				wpwalk->range.end);
	else if (wpwalk->tlbflush_end > wpwalk->tlbflush_start)
		flush_tlb_range(walk->vma, wpwalk->tlbflush_start,
				wpwalk->tlbflush_end);

	mmu_notifier_invalidate_range_end(walk->mm, wpwalk->tlbflush_end, wpwalk->tlbflush_start);
	dec_tlb_flush_pending(walk->mm);
}

/* a start and its end in one function: a range of its own, as always */
static void wp_one(struct mm_struct *mm, unsigned long start,
		   unsigned long end)
{
	mmu_notifier_invalidate_range_start(mm, start, end);
	wp_flush(mm, start, end);
	mmu_notifier_invalidate_range_end(mm, start, end);
}
