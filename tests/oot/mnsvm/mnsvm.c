// SPDX-License-Identifier: GPL-2.0
/*
 * mnsvm - the process side of an accelerator with memory of its own,
 * written for Linux 5.10 (a test fixture of mmu-notifier-series).
 *
 * An interval notifier follows each range the device mirrors; the device
 * moves pages between its memory and the system's, and the invalidations
 * of its own moves, tagged with the device as their owner, leave its
 * mirror alone.
 */
#include <linux/mm.h>
#include <linux/mmu_notifier.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>

#include "mnsvm.h"

struct mnsvm_dev {
	struct mutex	lock;
	unsigned long	moves;
};

struct mnsvm_range {
	struct mmu_interval_notifier	notifier;
	struct mnsvm_dev		*dev;
};

static bool mnsvm_invalidate(struct mmu_interval_notifier *mni,
			     const struct mmu_notifier_range *range,
			     unsigned long cur_seq)
{
	struct mnsvm_range *r = container_of(mni, struct mnsvm_range, notifier);

	/* our own move: the mirror is already right */
	if (range->event == MMU_NOTIFY_MIGRATE &&
	    range->migrate_pgmap_owner == r->dev)
		return true;

	if (mmu_notifier_range_blockable(range))
		mutex_lock(&r->dev->lock);
	else if (!mutex_trylock(&r->dev->lock))
		return false;
	mmu_interval_set_seq(mni, cur_seq);
	mutex_unlock(&r->dev->lock);
	return true;
}

static const struct mmu_interval_notifier_ops mnsvm_ops = {
	.invalidate = mnsvm_invalidate,
};

/* Move [start, end) of vma back to system memory. */
void mnsvm_evict(struct mnsvm_range *r, struct vm_area_struct *vma,
		 unsigned long start, unsigned long end)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init_migrate(&range, 0, vma, vma->vm_mm, start,
					end, r->dev);
	mmu_notifier_invalidate_range_start(&range);
	mutex_lock(&r->dev->lock);
	r->dev->moves++;
	mutex_unlock(&r->dev->lock);
	mmu_notifier_invalidate_range_end(&range);
}
EXPORT_SYMBOL_GPL(mnsvm_evict);

struct mnsvm_range *mnsvm_mirror(struct mnsvm_dev *dev, struct mm_struct *mm,
				 unsigned long start, unsigned long length)
{
	struct mnsvm_range *r = kzalloc(sizeof(*r), GFP_KERNEL);
	int ret;

	if (!r)
		return ERR_PTR(-ENOMEM);
	r->dev = dev;
	ret = mmu_interval_notifier_insert(&r->notifier, mm, start, length,
					   &mnsvm_ops);
	if (ret) {
		kfree(r);
		return ERR_PTR(ret);
	}
	return r;
}
EXPORT_SYMBOL_GPL(mnsvm_mirror);

void mnsvm_unmirror(struct mnsvm_range *r)
{
	mmu_interval_notifier_remove(&r->notifier);
	kfree(r);
}
EXPORT_SYMBOL_GPL(mnsvm_unmirror);

MODULE_DESCRIPTION("Test fixture: an interval notifier with an owner");
MODULE_LICENSE("GPL");
