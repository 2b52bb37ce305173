// SPDX-License-Identifier: GPL-2.0
/*
 * mnmirror: the per-mm state and its mmu notifier.  The device mirrors
 * ranges of the address space; the notifier drops a range when the CPU page
 * tables under it change.  Written against the mmu_notifier API of
 * v4.19/v4.20 (invalidate_range_start() with a blockable flag).
 */
#include <linux/err.h>
#include <linux/hashtable.h>
#include <linux/mm_types.h>
#include <linux/sched.h>
#include <linux/slab.h>

#include "mnmirror.h"

static DEFINE_HASHTABLE(mnm_table, 4);
static DEFINE_MUTEX(mnm_table_lock);

static int mnm_invalidate_range_start(struct mmu_notifier *mn,
				      struct mm_struct *mm,
				      unsigned long start, unsigned long end,
				      bool blockable)
{
	struct mnm_mm *mmm = container_of(mn, struct mnm_mm, notifier);
	int i;

	if (blockable)
		mutex_lock(&mmm->lock);
	else if (!mutex_trylock(&mmm->lock))
		return -EAGAIN;
	atomic_inc(&mmm->invalidating);
	for (i = 0; i < MNM_MAX_RANGES; i++) {
		if (mmm->end[i] <= start || mmm->start[i] >= end)
			continue;
		mmm->start[i] = 0;
		mmm->end[i] = 0;
	}
	mutex_unlock(&mmm->lock);
	return 0;
}

static void mnm_invalidate_range_end(struct mmu_notifier *mn,
				     struct mm_struct *mm,
				     unsigned long start, unsigned long end)
{
	struct mnm_mm *mmm = container_of(mn, struct mnm_mm, notifier);

	pr_debug("mnmirror: mm %p: %#lx-%#lx invalidated\n", mm, start, end);
	if (atomic_dec_and_test(&mmm->invalidating))
		wake_up_all(&mmm->wq);
}

static const struct mmu_notifier_ops mnm_mmu_ops = {
	.invalidate_range_start	= mnm_invalidate_range_start,
	.invalidate_range_end	= mnm_invalidate_range_end,
};

struct mnm_mm *mnm_mm_get(struct mm_struct *mm)
{
	struct mnm_mm *mmm;
	int ret;

	mutex_lock(&mnm_table_lock);
	hash_for_each_possible(mnm_table, mmm, link, (unsigned long)mm) {
		if (mmm->mm == mm) {
			mmm->count++;
			mutex_unlock(&mnm_table_lock);
			return mmm;
		}
	}
	mutex_unlock(&mnm_table_lock);

	mmm = kzalloc(sizeof(*mmm), GFP_KERNEL);
	if (!mmm)
		return ERR_PTR(-ENOMEM);
	mmm->mm = mm;
	mmm->count = 1;
	mutex_init(&mmm->lock);
	init_waitqueue_head(&mmm->wq);
	mmm->notifier.ops = &mnm_mmu_ops;
	ret = mmu_notifier_register(&mmm->notifier, mm);
	if (ret) {
		kfree(mmm);
		return ERR_PTR(ret);
	}

	mutex_lock(&mnm_table_lock);
	hash_add(mnm_table, &mmm->link, (unsigned long)mm);
	mutex_unlock(&mnm_table_lock);
	return mmm;
}

void mnm_mm_put(struct mnm_mm *mmm)
{
	mutex_lock(&mnm_table_lock);
	if (--mmm->count) {
		mutex_unlock(&mnm_table_lock);
		return;
	}
	hash_del(&mmm->link);
	mutex_unlock(&mnm_table_lock);

	mmu_notifier_unregister(&mmm->notifier, mmm->mm);
	kfree(mmm);
}

int mnm_mirror(struct mnm_mm *mmm, unsigned long start, unsigned long end)
{
	int i, ret = -ENOSPC;

	wait_event(mmm->wq, !atomic_read(&mmm->invalidating));
	mutex_lock(&mmm->lock);
	for (i = 0; i < MNM_MAX_RANGES; i++) {
		if (mmm->end[i])
			continue;
		mmm->start[i] = start;
		mmm->end[i] = end;
		ret = 0;
		break;
	}
	mutex_unlock(&mmm->lock);
	return ret;
}
