// SPDX-License-Identifier: GPL-2.0
/*
 * v4.9-v4.12 shape: the driver's ->invalidate_page invalidates its page
 * through its own start callback, called directly (as xen/gntdev did).
 * The callback takes the range; the caller builds one for it.
 */
#include <linux/mmu_notifier.h>

struct dx_priv {
	struct mmu_notifier mn;
	unsigned long lo, hi;
};

static void dx_drop(struct dx_priv *p, unsigned long start, unsigned long end)
{
	if (start < p->hi && end > p->lo)
		p->lo = p->hi = 0;
}

static void dx_invalidate_range_start(struct mmu_notifier *mn,
				      struct mm_struct *mm,
				      unsigned long start, unsigned long end)
{
	struct dx_priv *p = container_of(mn, struct dx_priv, mn);

	dx_drop(p, start, end);
}

static void dx_invalidate_page(struct mmu_notifier *mn,
			       struct mm_struct *mm,
			       unsigned long address)
{
	dx_invalidate_range_start(mn, mm, address, address + PAGE_SIZE);
}

static const struct mmu_notifier_ops dx_ops = {
	.invalidate_page	= dx_invalidate_page,
	.invalidate_range_start	= dx_invalidate_range_start,
};
