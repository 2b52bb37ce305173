// SPDX-License-Identifier: GPL-2.0
/*
 * Per-device hash table: each struct gx_dev keeps its own mm -> gx_mn table
 * under a device mutex; the object has no count, it lives until ->release
 * queues its destruction.  mmu_notifier_get() keys on (ops, mm) only, so the
 * devices would share one object, and nothing says where each user would
 * drop its reference: reported, not converted (no .res: must not change).
 */
#include <linux/hashtable.h>
#include <linux/mmu_notifier.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct gx_dev {
	struct mutex		mn_lock;
	DECLARE_HASHTABLE(mn_hash, 7);
};

struct gx_mn {
	struct gx_dev		*gdev;
	struct mm_struct	*mm;
	struct mmu_notifier	mn;
	struct work_struct	work;
	struct hlist_node	node;
	struct mutex		lock;
};

static void gx_mn_destroy(struct work_struct *work)
{
	struct gx_mn *gmn = container_of(work, struct gx_mn, work);
	struct gx_dev *gdev = gmn->gdev;

	mutex_lock(&gdev->mn_lock);
	hash_del(&gmn->node);
	mutex_unlock(&gdev->mn_lock);
	mmu_notifier_unregister(&gmn->mn, gmn->mm);
	kfree(gmn);
}

static void gx_mn_release(struct mmu_notifier *mn, struct mm_struct *mm)
{
	struct gx_mn *gmn = container_of(mn, struct gx_mn, mn);

	INIT_WORK(&gmn->work, gx_mn_destroy);
	schedule_work(&gmn->work);
}

static const struct mmu_notifier_ops gx_mn_ops = {
	.release = gx_mn_release,
};

static struct gx_mn *gx_mn_get(struct gx_dev *gdev)
{
	struct mm_struct *mm = current->mm;
	struct gx_mn *gmn;
	int r;

	if (down_write_killable(&mm->mmap_sem))
		return ERR_PTR(-EINTR);
	mutex_lock(&gdev->mn_lock);

	hash_for_each_possible(gdev->mn_hash, gmn, node, (unsigned long)mm)
		if (gmn->mm == mm)
			goto unlock;

	gmn = kzalloc(sizeof(*gmn), GFP_KERNEL);
	if (!gmn) {
		gmn = ERR_PTR(-ENOMEM);
		goto unlock;
	}
	gmn->gdev = gdev;
	gmn->mm = mm;
	gmn->mn.ops = &gx_mn_ops;
	mutex_init(&gmn->lock);

	r = __mmu_notifier_register(&gmn->mn, mm);
	if (r) {
		kfree(gmn);
		gmn = ERR_PTR(r);
		goto unlock;
	}
	hash_add(gdev->mn_hash, &gmn->node, (unsigned long)mm);

unlock:
	mutex_unlock(&gdev->mn_lock);
	up_write(&mm->mmap_sem);
	return gmn;
}

int gx_bo_register(struct gx_dev *gdev, struct gx_bo *bo)
{
	struct gx_mn *gmn = gx_mn_get(gdev);

	if (IS_ERR(gmn))
		return PTR_ERR(gmn);
	mutex_lock(&gmn->lock);
	bo->gmn = gmn;
	mutex_unlock(&gmn->lock);
	return 0;
}

void gx_bo_unregister(struct gx_dev *gdev, struct gx_bo *bo)
{
	mutex_lock(&gdev->mn_lock);
	bo->gmn = NULL;
	mutex_unlock(&gdev->mn_lock);
}
