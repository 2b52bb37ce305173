#include "qux.h"

int qux_start(struct mmu_notifier *mn, struct mm_struct *mm,
	      unsigned long start, unsigned long end, bool blockable)
{
	return qux_invalidate(mn, start, end, blockable);
}

void qux_end(struct mmu_notifier *mn, struct mm_struct *mm,
	     unsigned long start, unsigned long end)
{
	qux_unblock(mn);
}
