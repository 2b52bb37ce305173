// SPDX-License-Identifier: GPL-2.0
/*
 * "Find the existing registration" shape: the driver has no table of its
 * own, it walks the mm's list of notifiers for its own ops.  The caller
 * holds mmap_sem (__mmu_notifier_register), the count is an atomic_t, the
 * put skips the unregister once ->release has run.  The module exit is in
 * gxfile.c.
 */
#include <linux/mmu_notifier.h>
#include <linux/rculist.h>
#include <linux/slab.h>
#include "gx.h"

static int gx_invalidate_range_start(struct mmu_notifier *mn,
				     const struct mmu_notifier_range *range)
{
	struct gx_mm *gms = container_of(mn, struct gx_mm, ms_notifier);

	atomic_inc(&gms->ms_active);
	gx_flush_range(gms, range->start, range->end);
	return 0;
}

static void gx_release(struct mmu_notifier *mn, struct mm_struct *mm)
{
	struct gx_mm *gms = container_of(mn, struct gx_mm, ms_notifier);

	gms->ms_released = 1;
}

static const struct mmu_notifier_ops gx_mmuops = {
	.invalidate_range_start	= gx_invalidate_range_start,
	.release		= gx_release,
};

static struct mmu_notifier *gx_find_ops(struct mm_struct *mm,
					const struct mmu_notifier_ops *ops)
{
	struct mmu_notifier *mn, *found = NULL;

	if (mm->mmu_notifier_mm) {
		rcu_read_lock();
		hlist_for_each_entry_rcu(mn, &mm->mmu_notifier_mm->list, hlist)
			if (mn->ops == ops) {
				found = mn;
				break;
			}
		rcu_read_unlock();
	}
	return found;
}

struct gx_mm *gx_register_mmu_notifier(void)
{
	struct gx_mm *gms;
	struct mmu_notifier *mn;
	int err;

	mn = gx_find_ops(current->mm, &gx_mmuops);
	if (mn) {
		gms = container_of(mn, struct gx_mm, ms_notifier);
		atomic_inc(&gms->ms_refcnt);
	} else {
		gms = kzalloc(sizeof(*gms), GFP_KERNEL);
		if (!gms)
			return ERR_PTR(-ENOMEM);
		gx_stat_inc(GX_STAT_ALLOC);
		spin_lock_init(&gms->ms_asid_lock);
		gms->ms_notifier.ops = &gx_mmuops;
		atomic_set(&gms->ms_refcnt, 1);
		init_waitqueue_head(&gms->ms_wait_queue);
		err = __mmu_notifier_register(&gms->ms_notifier, current->mm);
		if (err)
			goto error;
	}
	return gms;
error:
	kfree(gms);
	return ERR_PTR(err);
}

void gx_drop_mmu_notifier(struct gx_mm *gms)
{
	pr_debug("gms %p, refcnt %d\n", gms, atomic_read(&gms->ms_refcnt));
	if (atomic_dec_return(&gms->ms_refcnt) == 0) {
		if (!gms->ms_released)
			mmu_notifier_unregister(&gms->ms_notifier, current->mm);
		kfree(gms);
		gx_stat_inc(GX_STAT_FREE);
	}
}
