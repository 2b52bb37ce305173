// SPDX-License-Identifier: GPL-2.0
/*
 * Per-device table with holders: each struct gx_device keeps its own
 * mm -> struct gx_mn hash table under a device mutex.  The object has no
 * count: ->release queues a work item that unlinks it, drops the buffers'
 * pointers to it, unregisters and frees it.  gx_mn_register() stores the
 * object in the buffer (buf->mn), gx_mn_unregister() clears it.  The
 * callback never asks for the device or the mm the object was made for,
 * so the devices can share one notifier per mm, each buffer holding a
 * reference: converted.
 */
#include <linux/mmu_notifier.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include "gx.h"

struct gx_mn {
	struct gx_device	*gdev;
	struct mm_struct	*mm;
	struct mmu_notifier	mn;
	struct work_struct	destroy_work;
	struct hlist_node	hnode;

	struct mutex		lock;
	struct list_head	bufs;
};

static void gx_mn_destroy(struct work_struct *work)
{
	struct gx_mn *gmn = container_of(work, struct gx_mn, destroy_work);
	struct gx_device *gdev = gmn->gdev;
	struct gx_buf *buf, *tmp;

	mutex_lock(&gdev->mn_lock);
	mutex_lock(&gmn->lock);
	hash_del(&gmn->hnode);
	list_for_each_entry_safe(buf, tmp, &gmn->bufs, mn_link) {
		buf->mn = NULL;
		list_del_init(&buf->mn_link);
	}
	mutex_unlock(&gmn->lock);
	mutex_unlock(&gdev->mn_lock);
	mmu_notifier_unregister(&gmn->mn, gmn->mm);
	kfree(gmn);
}

static void gx_mn_release(struct mmu_notifier *mn, struct mm_struct *mm)
{
	struct gx_mn *gmn = container_of(mn, struct gx_mn, mn);

	INIT_WORK(&gmn->destroy_work, gx_mn_destroy);
	schedule_work(&gmn->destroy_work);
}

static int gx_mn_invalidate_range_start(struct mmu_notifier *mn,
					const struct mmu_notifier_range *range)
{
	struct gx_mn *gmn = container_of(mn, struct gx_mn, mn);
	struct gx_buf *buf;

	if (!mmu_notifier_range_blockable(range))
		return -EAGAIN;

	mutex_lock(&gmn->lock);
	list_for_each_entry(buf, &gmn->bufs, mn_link) {
		if (buf->start >= range->end ||
		    buf->start + buf->size <= range->start)
			continue;
		gx_buf_evict(buf);
	}
	mutex_unlock(&gmn->lock);
	return 0;
}

static const struct mmu_notifier_ops gx_mn_ops = {
	.release		= gx_mn_release,
	.invalidate_range_start	= gx_mn_invalidate_range_start,
};

static struct gx_mn *gx_mn_get(struct gx_device *gdev)
{
	struct mm_struct *mm = current->mm;
	struct gx_mn *gmn;
	int ret;

	mutex_lock(&gdev->mn_lock);
	hash_for_each_possible(gdev->mn_hash, gmn, hnode, (unsigned long)mm) {
		if (gmn->mm == mm)
			goto out;
	}

	gmn = kzalloc(sizeof(*gmn), GFP_KERNEL);
	if (!gmn) {
		gmn = ERR_PTR(-ENOMEM);
		goto out;
	}
	gmn->gdev = gdev;
	gmn->mm = mm;
	gmn->mn.ops = &gx_mn_ops;
	mutex_init(&gmn->lock);
	INIT_LIST_HEAD(&gmn->bufs);

	ret = mmu_notifier_register(&gmn->mn, mm);
	if (ret) {
		kfree(gmn);
		gmn = ERR_PTR(ret);
		goto out;
	}
	hash_add(gdev->mn_hash, &gmn->hnode, (unsigned long)mm);
out:
	mutex_unlock(&gdev->mn_lock);
	return gmn;
}

int gx_mn_register(struct gx_buf *buf, unsigned long addr)
{
	struct gx_device *gdev = buf->gdev;
	struct gx_mn *gmn;

	if (!buf->size)
		return -EINVAL;

	gmn = gx_mn_get(gdev);
	if (IS_ERR(gmn))
		return PTR_ERR(gmn);

	mutex_lock(&gmn->lock);
	if (addr + buf->size < addr) {
		mutex_unlock(&gmn->lock);
		return -EOVERFLOW;
	}
	buf->start = addr;
	buf->mn = gmn;
	list_add(&buf->mn_link, &gmn->bufs);
	mutex_unlock(&gmn->lock);
	return 0;
}

void gx_mn_unregister(struct gx_buf *buf)
{
	struct gx_device *gdev = buf->gdev;
	struct gx_mn *gmn;

	mutex_lock(&gdev->mn_lock);
	gmn = buf->mn;
	if (!gmn) {
		mutex_unlock(&gdev->mn_lock);
		return;
	}
	mutex_lock(&gmn->lock);
	list_del(&buf->mn_link);
	buf->mn = NULL;
	mutex_unlock(&gmn->lock);
	mutex_unlock(&gdev->mn_lock);
}
