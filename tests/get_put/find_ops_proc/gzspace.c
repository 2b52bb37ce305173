// SPDX-License-Identifier: GPL-2.0
/*
 * The sgi-gru shape with a count a /proc file still shows (gzproc.c): the
 * count and its writes stay, and the report says so; the released flag,
 * only written, goes; ->release, which also wakes the waiters, stays
 * without its write.
 */
#include <linux/mmu_notifier.h>
#include <linux/rculist.h>
#include <linux/slab.h>
#include "gz.h"

static void gz_release(struct mmu_notifier *mn, struct mm_struct *mm)
{
	struct gz_space *sp = container_of(mn, struct gz_space, mn);

	sp->dead = 1;
	wake_up_all(&sp->waiters);
}

static const struct mmu_notifier_ops gz_mn_ops = {
	.release	= gz_release,
};

static struct mmu_notifier *gz_find(struct mm_struct *mm,
				    const struct mmu_notifier_ops *ops)
{
	struct mmu_notifier *mn, *res = NULL;

	if (mm->mmu_notifier_mm) {
		rcu_read_lock();
		hlist_for_each_entry_rcu(mn, &mm->mmu_notifier_mm->list, hlist)
			if (mn->ops == ops) {
				res = mn;
				break;
			}
		rcu_read_unlock();
	}
	return res;
}

struct gz_space *gz_space_get(void)
{
	struct gz_space *sp;
	struct mmu_notifier *mn;
	int rc;

	mn = gz_find(current->mm, &gz_mn_ops);
	if (mn) {
		sp = container_of(mn, struct gz_space, mn);
		atomic_inc(&sp->refs);
	} else {
		sp = kzalloc(sizeof(*sp), GFP_KERNEL);
		if (!sp)
			return ERR_PTR(-ENOMEM);
		sp->mn.ops = &gz_mn_ops;
		atomic_set(&sp->refs, 1);
		init_waitqueue_head(&sp->waiters);
		rc = __mmu_notifier_register(&sp->mn, current->mm);
		if (rc)
			goto out_free;
	}
	return sp;
out_free:
	kfree(sp);
	return ERR_PTR(rc);
}

void gz_space_put(struct gz_space *sp)
{
	if (atomic_dec_return(&sp->refs) == 0) {
		if (!sp->dead)
			mmu_notifier_unregister(&sp->mn, current->mm);
		kfree(sp);
	}
}
