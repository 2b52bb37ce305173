// SPDX-License-Identifier: GPL-2.0
/*
 * List shape: one struct gx_mm per mm on a list, looked up and added under
 * one hold of a mutex;
 * get and put are static and stay so; the module exit already waits with
 * mmu_notifier_synchronize().
 */
#include <linux/list.h>
#include <linux/mmu_notifier.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/mutex.h>

struct gx_mm {
	struct mmu_notifier	notifier;
	struct mm_struct	*mm;
	struct list_head	link;
	unsigned int		count;
	spinlock_t		ctx_lock;
	struct list_head	ctxs;
};

static LIST_HEAD(gx_mm_list);
static DEFINE_MUTEX(gx_mm_lock);

static int gx_invalidate_range_start(struct mmu_notifier *mn,
				     const struct mmu_notifier_range *range)
{
	struct gx_mm *gmm = container_of(mn, struct gx_mm, notifier);

	spin_lock(&gmm->ctx_lock);
	gx_flush_ctxs(&gmm->ctxs, range->start, range->end);
	spin_unlock(&gmm->ctx_lock);
	return 0;
}

static const struct mmu_notifier_ops gx_mmu_ops = {
	.invalidate_range_start	= gx_invalidate_range_start,
};

static struct gx_mm *gx_mm_get(struct mm_struct *mm)
{
	struct gx_mm *gmm;
	int ret;

	mutex_lock(&gx_mm_lock);
	list_for_each_entry(gmm, &gx_mm_list, link) {
		if (gmm->mm == mm) {
			gmm->count++;
			mutex_unlock(&gx_mm_lock);
			return gmm;
		}
	}

	gmm = kzalloc(sizeof(*gmm), GFP_KERNEL);
	if (!gmm) {
		mutex_unlock(&gx_mm_lock);
		return ERR_PTR(-ENOMEM);
	}
	gmm->mm = mm;
	gmm->count = 1;
	spin_lock_init(&gmm->ctx_lock);
	INIT_LIST_HEAD(&gmm->ctxs);
	gmm->notifier.ops = &gx_mmu_ops;
	ret = mmu_notifier_register(&gmm->notifier, mm);
	if (ret) {
		mutex_unlock(&gx_mm_lock);
		kfree(gmm);
		return ERR_PTR(ret);
	}

	list_add(&gmm->link, &gx_mm_list);
	mutex_unlock(&gx_mm_lock);
	return gmm;
}

static void gx_mm_put(struct gx_mm *gmm)
{
	mutex_lock(&gx_mm_lock);
	if (--gmm->count) {
		mutex_unlock(&gx_mm_lock);
		return;
	}
	list_del(&gmm->link);
	mutex_unlock(&gx_mm_lock);

	mmu_notifier_unregister(&gmm->notifier, gmm->mm);
	kfree(gmm);
}

static int __init gx_init(void)
{
	return gx_register_device();
}

static void __exit gx_exit(void)
{
	gx_unregister_device();
	mmu_notifier_synchronize();
}

module_init(gx_init);
module_exit(gx_exit);
