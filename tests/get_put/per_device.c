// SPDX-License-Identifier: GPL-2.0
/*
 * Per-device hash table with holders, like per_device_holders/, but the
 * callback reads the device the object was made for (gmn->gdev): with
 * mmu_notifier_get() the devices would share one object per mm, and it
 * could name only one of them.  Reported, not converted (no .res: must not
 * change).
 */
#include <linux/atomic.h>
#include <linux/hashtable.h>
#include <linux/mmu_notifier.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct gx_dev {
	atomic_t		invalidations;
	struct mutex		mn_lock;
	DECLARE_HASHTABLE(mn_hash, 7);
};

struct gx_bo {
	struct gx_dev		*gdev;
	struct gx_mn		*gmn;
	struct list_head	gmn_link;
};

struct gx_mn {
	struct gx_dev		*gdev;
	struct mm_struct	*mm;
	struct mmu_notifier	mn;
	struct work_struct	work;
	struct hlist_node	node;
	struct mutex		lock;
	struct list_head	bos;
};

void gx_dev_init(struct gx_dev *gdev)
{
	atomic_set(&gdev->invalidations, 0);
	mutex_init(&gdev->mn_lock);
	hash_init(gdev->mn_hash);
}

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

static int gx_mn_invalidate_range_start(struct mmu_notifier *mn,
					const struct mmu_notifier_range *range)
{
	struct gx_mn *gmn = container_of(mn, struct gx_mn, mn);

	if (!mmu_notifier_range_blockable(range))
		return -EAGAIN;
	atomic_inc(&gmn->gdev->invalidations);
	mutex_lock(&gmn->lock);
	gx_unmap_bos(&gmn->bos, range->start, range->end);
	mutex_unlock(&gmn->lock);
	return 0;
}

static const struct mmu_notifier_ops gx_mn_ops = {
	.release = gx_mn_release,
	.invalidate_range_start = gx_mn_invalidate_range_start,
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
	INIT_LIST_HEAD(&gmn->bos);

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

int gx_bo_register(struct gx_bo *bo)
{
	struct gx_mn *gmn;

	gmn = gx_mn_get(bo->gdev);
	if (IS_ERR(gmn))
		return PTR_ERR(gmn);
	mutex_lock(&gmn->lock);
	bo->gmn = gmn;
	list_add(&bo->gmn_link, &gmn->bos);
	mutex_unlock(&gmn->lock);
	return 0;
}

void gx_bo_unregister(struct gx_bo *bo)
{
	struct gx_dev *gdev = bo->gdev;
	struct gx_mn *gmn;

	mutex_lock(&gdev->mn_lock);
	gmn = bo->gmn;
	if (!gmn) {
		mutex_unlock(&gdev->mn_lock);
		return;
	}
	mutex_lock(&gmn->lock);
	list_del(&bo->gmn_link);
	bo->gmn = NULL;
	mutex_unlock(&gmn->lock);
	mutex_unlock(&gdev->mn_lock);
}
