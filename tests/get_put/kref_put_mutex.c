// SPDX-License-Identifier: GPL-2.0
/*
 * kref shape with kref_put_mutex(): one struct ky_mm per mm in a hash table
 * under a mutex; the last put takes the mutex and the release function
 * unlinks, drops the mutex, unregisters and frees: converted like a count.
 */
#include <linux/hashtable.h>
#include <linux/kref.h>
#include <linux/mmu_notifier.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>

struct ky_mm {
	struct mmu_notifier	notifier;
	struct mm_struct	*mm;
	struct hlist_node	link;
	struct kref		ref;
	atomic_t		seq;
};

static DEFINE_HASHTABLE(ky_mm_table, 4);
static DEFINE_MUTEX(ky_mm_lock);

static int ky_invalidate_range_start(struct mmu_notifier *mn,
				     const struct mmu_notifier_range *range)
{
	struct ky_mm *ymm = container_of(mn, struct ky_mm, notifier);

	atomic_inc(&ymm->seq);
	return 0;
}

static const struct mmu_notifier_ops ky_mmu_ops = {
	.invalidate_range_start	= ky_invalidate_range_start,
};

static struct ky_mm *ky_mm_get(struct mm_struct *mm)
{
	struct ky_mm *ymm;
	int ret;

	mutex_lock(&ky_mm_lock);
	hash_for_each_possible(ky_mm_table, ymm, link, (unsigned long)mm) {
		if (ymm->mm == mm) {
			kref_get(&ymm->ref);
			mutex_unlock(&ky_mm_lock);
			return ymm;
		}
	}

	ymm = kzalloc(sizeof(*ymm), GFP_KERNEL);
	if (!ymm) {
		mutex_unlock(&ky_mm_lock);
		return ERR_PTR(-ENOMEM);
	}
	ymm->mm = mm;
	kref_init(&ymm->ref);
	atomic_set(&ymm->seq, 0);
	ymm->notifier.ops = &ky_mmu_ops;
	ret = mmu_notifier_register(&ymm->notifier, mm);
	if (ret) {
		mutex_unlock(&ky_mm_lock);
		kfree(ymm);
		return ERR_PTR(ret);
	}

	hash_add(ky_mm_table, &ymm->link, (unsigned long)mm);
	mutex_unlock(&ky_mm_lock);
	return ymm;
}

static void ky_mm_release(struct kref *ref)
{
	struct ky_mm *ymm = container_of(ref, struct ky_mm, ref);

	hash_del(&ymm->link);
	mutex_unlock(&ky_mm_lock);
	mmu_notifier_unregister(&ymm->notifier, ymm->mm);
	kfree(ymm);
}

static void ky_mm_put(struct ky_mm *ymm)
{
	kref_put_mutex(&ymm->ref, ky_mm_release, &ky_mm_lock);
}

static void __exit ky_exit(void)
{
	ky_unregister_device();
}

module_exit(ky_exit);
