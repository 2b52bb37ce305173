// SPDX-License-Identifier: GPL-2.0
/*
 * mniotlb - a device TLB kept coherent with a process's page tables, as
 * IOMMU-style drivers written for v4.19 do: ->invalidate_range flushes it,
 * ->release detaches.  One notifier per open file.
 */
#include <linux/module.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/mmu_notifier.h>

struct mnt_ctx {
	struct mmu_notifier mn;
	spinlock_t lock;
	unsigned long flushed;
};

static void mnt_flush(struct mmu_notifier *mn, struct mm_struct *mm,
		      unsigned long start, unsigned long end)
{
	struct mnt_ctx *ctx = container_of(mn, struct mnt_ctx, mn);

	spin_lock(&ctx->lock);
	ctx->flushed += (end - start) >> PAGE_SHIFT;
	spin_unlock(&ctx->lock);
}

static void mnt_release(struct mmu_notifier *mn, struct mm_struct *mm)
{
}

static const struct mmu_notifier_ops mnt_ops = {
	.release		= mnt_release,
	.invalidate_range	= mnt_flush,
};

static int mnt_open(struct inode *inode, struct file *file)
{
	struct mnt_ctx *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	int ret;

	if (!ctx)
		return -ENOMEM;
	spin_lock_init(&ctx->lock);
	ctx->mn.ops = &mnt_ops;
	ret = mmu_notifier_register(&ctx->mn, current->mm);
	if (ret) {
		kfree(ctx);
		return ret;
	}
	file->private_data = ctx;
	return 0;
}

static int mnt_close(struct inode *inode, struct file *file)
{
	struct mnt_ctx *ctx = file->private_data;

	mmu_notifier_unregister(&ctx->mn, ctx->mn.mm);
	kfree(ctx);
	return 0;
}

static const struct file_operations mnt_fops = {
	.owner		= THIS_MODULE,
	.open		= mnt_open,
	.release	= mnt_close,
};

static struct miscdevice mnt_dev = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "mniotlb",
	.fops	= &mnt_fops,
};

module_misc_device(mnt_dev);
MODULE_LICENSE("GPL");
