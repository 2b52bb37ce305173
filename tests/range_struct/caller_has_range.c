// A function that already has a 'range' is reported, not converted.  Its name
// is that of a function callers.c converts: the batch test (tests/run) shows
// the rule does not carry the refusal from one file group to the next.
static void reap(struct mm_struct *mm, struct hmm_range *range)
{
	mmu_notifier_invalidate_range_start(mm, range->start, range->end);
	hmm_walk(range);
	mmu_notifier_invalidate_range_end(mm, range->start, range->end);
}
