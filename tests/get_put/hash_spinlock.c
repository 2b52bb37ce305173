// SPDX-License-Identifier: GPL-2.0
/*
 * Hash-table shape: one struct gx_mm per mm, kept in a hash table keyed by
 * the mm pointer, looked up under a spinlock, refcounted by its users.
 * The get checks the mm first with its own "ret", which the
 * alloc_notifier keeps (the declaration must stay where it is used).
 */
#include <linux/hashtable.h>
#include <linux/mmu_notifier.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct gx_mm {
	struct mmu_notifier	notifier;
	struct mm_struct	*mm;
	struct hlist_node	node;
	unsigned int		count;
	spinlock_t		ctx_lock;
	struct list_head	ctxs;
};

static DEFINE_HASHTABLE(gx_mm_table, 6);
static DEFINE_SPINLOCK(gx_mm_lock);

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

int gx_check(struct mm_struct *mm);

struct gx_mm *gx_mm_get(struct mm_struct *mm)
{
	struct gx_mm *gmm;
	int ret;

	ret = gx_check(mm);
	if (ret)
		return ERR_PTR(ret);

	spin_lock(&gx_mm_lock);
	hash_for_each_possible(gx_mm_table, gmm, node, (unsigned long)mm) {
		if (gmm->mm == mm) {
			gmm->count++;
			spin_unlock(&gx_mm_lock);
			return gmm;
		}
	}
	spin_unlock(&gx_mm_lock);

	gmm = kzalloc(sizeof(*gmm), GFP_KERNEL);
	if (!gmm)
		return ERR_PTR(-ENOMEM);
	gmm->mm = mm;
	gmm->count = 1;
	spin_lock_init(&gmm->ctx_lock);
	INIT_LIST_HEAD(&gmm->ctxs);
	gmm->notifier.ops = &gx_mmu_ops;
	ret = mmu_notifier_register(&gmm->notifier, mm);
	if (ret) {
		kfree(gmm);
		return ERR_PTR(ret);
	}

	spin_lock(&gx_mm_lock);
	hash_add(gx_mm_table, &gmm->node, (unsigned long)mm);
	spin_unlock(&gx_mm_lock);
	return gmm;
}

void gx_mm_put(struct gx_mm *gmm)
{
	spin_lock(&gx_mm_lock);
	if (--gmm->count) {
		spin_unlock(&gx_mm_lock);
		return;
	}
	hash_del(&gmm->node);
	spin_unlock(&gx_mm_lock);

	mmu_notifier_unregister(&gmm->notifier, gmm->mm);
	kfree(gmm);
}

static int __init gx_init(void)
{
	return gx_register_device();
}

static void __exit gx_hash_exit(void)
{
	gx_unregister_device();
}

module_init(gx_init);
module_exit(gx_hash_exit);
