// SPDX-License-Identifier: GPL-2.0
/*
 * mnwatch - count the invalidations of the opener's address space
 *
 * Every open of /dev/mnwatch registers its own mmu notifier on the caller's
 * mm; read() returns how many pages were invalidated since the open.
 * Written against the mmu_notifier API of v4.12 (invalidate_page, and a
 * void invalidate_range_start() without blockable).
 */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mmu_notifier.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

struct mnw_file {
	struct mmu_notifier	notifier;
	struct mm_struct	*mm;
	atomic_long_t		pages;
};

static void mnw_invalidate_page(struct mmu_notifier *mn,
				struct mm_struct *mm, unsigned long address)
{
	struct mnw_file *mf = container_of(mn, struct mnw_file, notifier);

	atomic_long_inc(&mf->pages);
}

static void mnw_invalidate_range_start(struct mmu_notifier *mn,
				       struct mm_struct *mm,
				       unsigned long start, unsigned long end)
{
	struct mnw_file *mf = container_of(mn, struct mnw_file, notifier);

	atomic_long_add((end - start) >> PAGE_SHIFT, &mf->pages);
}

static const struct mmu_notifier_ops mnw_mmu_ops = {
	.invalidate_page	= mnw_invalidate_page,
	.invalidate_range_start	= mnw_invalidate_range_start,
};

static int mnw_open(struct inode *inode, struct file *file)
{
	struct mnw_file *mf;
	int ret;

	mf = kzalloc(sizeof(*mf), GFP_KERNEL);
	if (!mf)
		return -ENOMEM;
	mf->mm = current->mm;
	mf->notifier.ops = &mnw_mmu_ops;
	ret = mmu_notifier_register(&mf->notifier, mf->mm);
	if (ret) {
		kfree(mf);
		return ret;
	}
	file->private_data = mf;
	return 0;
}

static int mnw_release(struct inode *inode, struct file *file)
{
	struct mnw_file *mf = file->private_data;

	mmu_notifier_unregister(&mf->notifier, mf->mm);
	kfree(mf);
	return 0;
}

static ssize_t mnw_read(struct file *file, char __user *buf, size_t len,
			loff_t *off)
{
	struct mnw_file *mf = file->private_data;
	long pages = atomic_long_read(&mf->pages);

	if (len < sizeof(pages))
		return -EINVAL;
	if (copy_to_user(buf, &pages, sizeof(pages)))
		return -EFAULT;
	return sizeof(pages);
}

static const struct file_operations mnw_fops = {
	.owner		= THIS_MODULE,
	.open		= mnw_open,
	.release	= mnw_release,
	.read		= mnw_read,
};

static struct miscdevice mnw_dev = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "mnwatch",
	.fops	= &mnw_fops,
};

module_misc_device(mnw_dev);
MODULE_DESCRIPTION("Count the invalidations of the opener's address space");
MODULE_LICENSE("GPL");
