// SPDX-License-Identifier: GPL-2.0
/*
 * A device that keeps its own accessed bits for the pages it mirrors and
 * reports them to the kernel's page aging.
 */
#include <linux/mmu_notifier.h>

struct agd {
	struct mmu_notifier mn;
	unsigned long *accessed;
};

static int agd_clear_flush_young(struct mmu_notifier *mn,
				 struct mm_struct *mm,
				 unsigned long start, unsigned long end);

static int agd_clear_young(struct mmu_notifier *mn, struct mm_struct *mm,
			   unsigned long start, unsigned long end)
{
	struct agd *a = container_of(mn, struct agd, mn);
	int young = 0;
	unsigned long addr;

	for (addr = start; addr < end; addr += PAGE_SIZE)
		young += test_and_clear_bit(addr >> PAGE_SHIFT, a->accessed);
	return young;
}

static int agd_test_young(struct mmu_notifier *mn, struct mm_struct *mm,
			  unsigned long address)
{
	struct agd *a = container_of(mn, struct agd, mn);

	return test_bit(address >> PAGE_SHIFT, a->accessed);
}

static const struct mmu_notifier_ops agd_ops = {
	.clear_flush_young	= agd_clear_flush_young,
	.clear_young		= agd_clear_young,
	.test_young		= agd_test_young,
};

static int agd_clear_flush_young(struct mmu_notifier *mn,
				 struct mm_struct *mm,
				 unsigned long start, unsigned long end)
{
	return agd_clear_young(mn, mm, start, end);
}

/* not a callback: stays int */
int agd_count(struct agd *a, unsigned long start, unsigned long end)
{
	return agd_clear_young(&a->mn, NULL, start, end);
}
