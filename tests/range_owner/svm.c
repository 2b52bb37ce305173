// SPDX-License-Identifier: GPL-2.0
/*
 * Shared virtual memory of an accelerator with device-private memory: its
 * own migrations must not invalidate what they just mapped.
 */
#include <linux/mmu_notifier.h>
#include <linux/migrate.h>

struct acc_svm {
	struct mmu_interval_notifier notifier;
	struct acc_device *adev;
	struct mutex lock;
};

static bool acc_svm_invalidate(struct mmu_interval_notifier *mni,
			       const struct mmu_notifier_range *range,
			       unsigned long cur_seq)
{
	struct acc_svm *svm = container_of(mni, struct acc_svm, notifier);

	/* our own migration: the device mapping is already right */
	if (range->event == MMU_NOTIFY_MIGRATE &&
	    range->migrate_pgmap_owner == svm->adev)
		return true;

	if (mmu_notifier_range_blockable(range))
		mutex_lock(&svm->lock);
	else if (!mutex_trylock(&svm->lock))
		return false;
	mmu_interval_set_seq(mni, cur_seq);
	mutex_unlock(&svm->lock);
	return true;
}

const struct mmu_interval_notifier_ops acc_svm_ops = {
	.invalidate = acc_svm_invalidate,
};

void acc_svm_evict(struct acc_svm *svm, struct vm_area_struct *vma,
		   unsigned long start, unsigned long end)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init_migrate(&range, 0, vma, vma->vm_mm,
					start, end, svm->adev);
	range.migrate_pgmap_owner = svm->adev;
	mmu_notifier_invalidate_range_start(&range);
	mmu_notifier_invalidate_range_end(&range);
}
