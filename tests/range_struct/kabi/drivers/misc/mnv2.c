// SPDX-License-Identifier: GPL-2.0
/*
 * Test fixture (tests/range_struct/kabi.t): a driver of a kABI-pair tree
 * on the new (V2) prototype already: left as it is.  Written for the
 * tests, not the real code.
 */
#include <linux/mmu_notifier.h>

struct shadow {
	struct mmu_notifier mn;
	unsigned long gen;
};

static int shadow_start(struct mmu_notifier *mn,
			const struct mmu_notifier_range *range)
{
	struct shadow *s = container_of(mn, struct shadow, mn);

	s->gen++;
	return 0;
}

const struct mmu_notifier_ops shadow_ops = {
	.invalidate_range_start = shadow_start,
};
