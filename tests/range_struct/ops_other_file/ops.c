// The ops table lives in another file than the callbacks (one file group).
#include "qux.h"

const struct mmu_notifier_ops qux_ops = {
	.invalidate_range_start = qux_start,
	.invalidate_range_end = qux_end,
};
