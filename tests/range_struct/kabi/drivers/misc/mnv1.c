// SPDX-License-Identifier: GPL-2.0
/*
 * Test fixture (tests/range_struct/kabi.t): a driver of a kABI-pair tree
 * still written for the old (V1) invalidate_range_start/end prototype:
 * it mirrors the mm in a device table and rounds the bounds to its pages.
 * Written for the tests, not the real code.
 */
#include <linux/mmu_notifier.h>

struct mirror {
	struct mmu_notifier mn;
	unsigned long busy;
	unsigned long page;
};

void mirror_zap(struct mirror *m, struct mm_struct *mm, unsigned long start,
		unsigned long end);

static void mirror_start(struct mmu_notifier *mn, struct mm_struct *mm,
			 unsigned long start, unsigned long end)
{
	struct mirror *m = container_of(mn, struct mirror, mn);

	start &= ~(m->page - 1);
	m->busy++;
	mirror_zap(m, mm, start, end);
}

static void mirror_end(struct mmu_notifier *mn, struct mm_struct *mm,
		       unsigned long start, unsigned long end)
{
	struct mirror *m = container_of(mn, struct mirror, mn);

	m->busy--;
}

const struct mmu_notifier_ops mirror_ops = {
	.flags = MMU_INVALIDATE_DOES_NOT_BLOCK,
	.invalidate_range_start = mirror_start,
	.invalidate_range_end = mirror_end,
};
