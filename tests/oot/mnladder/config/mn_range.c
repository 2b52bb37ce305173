/* configure probe: does the kernel have struct mmu_notifier_range? */
#include <linux/mmu_notifier.h>

static void mnl_probe(struct mm_struct *mm)
{
	mmu_notifier_invalidate_range_start(mm, 0, 1);
}
