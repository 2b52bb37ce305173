// SPDX-License-Identifier: GPL-2.0
/*
 * kref shape whose release function does more than unlink, unregister and
 * free (it wakes the waiters for the last object): not converted, reported.
 */
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/mmu_notifier.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>

struct kx_mm {
	struct mmu_notifier	notifier;
	struct mm_struct	*mm;
	struct list_head	link;
	struct kref		ref;
	atomic_t		seq;
};

static LIST_HEAD(kx_mm_list);
static DEFINE_MUTEX(kx_mm_lock);
static DECLARE_WAIT_QUEUE_HEAD(kx_gone);

static int kx_invalidate_range_start(struct mmu_notifier *mn,
				     const struct mmu_notifier_range *range)
{
	struct kx_mm *kmm = container_of(mn, struct kx_mm, notifier);

	atomic_inc(&kmm->seq);
	return 0;
}

static const struct mmu_notifier_ops kx_mmu_ops = {
	.invalidate_range_start	= kx_invalidate_range_start,
};

static struct kx_mm *kx_mm_get(struct mm_struct *mm)
{
	struct kx_mm *kmm;
	int ret;

	mutex_lock(&kx_mm_lock);
	list_for_each_entry(kmm, &kx_mm_list, link) {
		if (kmm->mm == mm) {
			kref_get(&kmm->ref);
			mutex_unlock(&kx_mm_lock);
			return kmm;
		}
	}

	kmm = kzalloc(sizeof(*kmm), GFP_KERNEL);
	if (!kmm) {
		mutex_unlock(&kx_mm_lock);
		return ERR_PTR(-ENOMEM);
	}
	kmm->mm = mm;
	kref_init(&kmm->ref);
	atomic_set(&kmm->seq, 0);
	kmm->notifier.ops = &kx_mmu_ops;
	ret = mmu_notifier_register(&kmm->notifier, mm);
	if (ret) {
		mutex_unlock(&kx_mm_lock);
		kfree(kmm);
		return ERR_PTR(ret);
	}

	list_add(&kmm->link, &kx_mm_list);
	mutex_unlock(&kx_mm_lock);
	return kmm;
}

static void kx_mm_release(struct kref *ref)
{
	struct kx_mm *kmm = container_of(ref, struct kx_mm, ref);

	list_del(&kmm->link);
	mmu_notifier_unregister(&kmm->notifier, kmm->mm);
	kfree(kmm);
	wake_up_all(&kx_gone);
}

static void kx_mm_put(struct kx_mm *kmm)
{
	mutex_lock(&kx_mm_lock);
	kref_put(&kmm->ref, kx_mm_release);
	mutex_unlock(&kx_mm_lock);
}
