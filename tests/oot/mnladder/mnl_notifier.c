// SPDX-License-Identifier: GPL-2.0
/* An mmu notifier with the version ladders of a driver kept for 4.x-6.x. */
#include <linux/version.h>
#include <linux/mm.h>
#include "mnl.h"

#if LINUX_VERSION_CODE < KERNEL_VERSION(5, 0, 0)
static void
mnl_invalidate_range(struct mmu_notifier *mn, struct mm_struct *mm,
		     unsigned long start, unsigned long end)
{
#else
static void
mnl_invalidate_range(struct mmu_notifier *mn,
		     const struct mmu_notifier_range *range)
{
	unsigned long start = range->start;
	unsigned long end = range->end;
#endif
	struct mnl *m = container_of(mn, struct mnl, mn);

	if (end > start)
		m->hits++;
}

#if LINUX_VERSION_CODE < KERNEL_VERSION(4, 13, 0)
static void
mnl_invalidate_page(struct mmu_notifier *mn, struct mm_struct *mm,
		    unsigned long address)
{
	mnl_invalidate_range(mn, mm, address, address + PAGE_SIZE);
}
#endif

static const struct mmu_notifier_ops mnl_ops = {
#if LINUX_VERSION_CODE < KERNEL_VERSION(4, 13, 0)
	.invalidate_page	= mnl_invalidate_page,
#endif
	.invalidate_range_end	= mnl_invalidate_range,
};

int mnl_attach(struct mnl *m, struct mm_struct *mm)
{
	m->mn.ops = &mnl_ops;
	return mmu_notifier_register(&m->mn, mm);
}
