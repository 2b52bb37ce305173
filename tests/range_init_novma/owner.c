// SPDX-License-Identifier: GPL-2.0
/* A device's own eviction, owner-tagged (v5.14-v6.2 form). */
#include <linux/mmu_notifier.h>

void acc_evict(struct acc_device *adev, struct vm_area_struct *vma,
	       unsigned long start, unsigned long end)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init_owner(&range, MMU_NOTIFY_MIGRATE, 0, vma,
				      vma->vm_mm, start, end, adev);
	mmu_notifier_invalidate_range_start(&range);
	mmu_notifier_invalidate_range_end(&range);
}
