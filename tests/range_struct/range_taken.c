// A function that already has a 'range' is reported, not converted.
static void walk(struct mm_struct *mm, struct hmm_range *range)
{
	mmu_notifier_invalidate_range_start(mm, range->start, range->end);
	hmm_walk(range);
	mmu_notifier_invalidate_range_end(mm, range->start, range->end);
}
