// SPDX-License-Identifier: GPL-2.0
/*
 * mndemo - count the invalidations of the opener's address space.
 *
 * The example driver of mmu-notifier-series (make demo), written against
 * the mmu_notifier API of v4.19: callbacks taking (mm, start, end) and a
 * blockable flag, ->invalidate_range, ->change_pte and ->clear_young, and its
 * own list of per-mm objects, counted with a kref by the opens that share
 * them.  read() gives one line:
 *
 *	starts S ends E nonblocking N flushes F changes C young Y
 *
 * the invalidate_range_start() and invalidate_range_end() calls the
 * opener's mm received since its first open, the starts that were told they
 * could not block, the invalidate_range() calls (a secondary TLB to flush),
 * the change_pte() calls (a PTE changed in place: KSM, copy on write) and
 * the clear_young() calls (page aging asking whether the device used a page).
 */
#include <linux/atomic.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/miscdevice.h>
#include <linux/mmu_notifier.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/slab.h>

struct mnd_mm {
	struct mmu_notifier	notifier;
	struct mm_struct	*mm;
	struct list_head	link;
	struct kref		ref;
	atomic_t		starts;
	atomic_t		ends;
	atomic_t		nonblocking;
	atomic_t		flushes;
	atomic_t		changes;
	atomic_t		young;
};

static LIST_HEAD(mnd_mm_list);
static DEFINE_MUTEX(mnd_mm_lock);

static int mnd_invalidate_range_start(struct mmu_notifier *mn,
				      struct mm_struct *mm,
				      unsigned long start, unsigned long end,
				      bool blockable)
{
	struct mnd_mm *mmm = container_of(mn, struct mnd_mm, notifier);

	if (!blockable)
		atomic_inc(&mmm->nonblocking);
	atomic_inc(&mmm->starts);
	return 0;
}

static void mnd_invalidate_range_end(struct mmu_notifier *mn,
				     struct mm_struct *mm,
				     unsigned long start, unsigned long end)
{
	struct mnd_mm *mmm = container_of(mn, struct mnd_mm, notifier);

	atomic_inc(&mmm->ends);
}

static void mnd_invalidate_range(struct mmu_notifier *mn, struct mm_struct *mm,
				 unsigned long start, unsigned long end)
{
	struct mnd_mm *mmm = container_of(mn, struct mnd_mm, notifier);

	atomic_inc(&mmm->flushes);
}

static void mnd_change_pte(struct mmu_notifier *mn, struct mm_struct *mm,
			   unsigned long address, pte_t pte)
{
	struct mnd_mm *mmm = container_of(mn, struct mnd_mm, notifier);

	atomic_inc(&mmm->changes);
}

/* The device keeps no accessed bits of its own: never young. */
static int mnd_clear_young(struct mmu_notifier *mn, struct mm_struct *mm,
			   unsigned long start, unsigned long end)
{
	struct mnd_mm *mmm = container_of(mn, struct mnd_mm, notifier);

	atomic_inc(&mmm->young);
	return 0;
}

static const struct mmu_notifier_ops mnd_mmu_ops = {
	.invalidate_range_start	= mnd_invalidate_range_start,
	.invalidate_range_end	= mnd_invalidate_range_end,
	.invalidate_range	= mnd_invalidate_range,
	.change_pte		= mnd_change_pte,
	.clear_young		= mnd_clear_young,
};

static struct mnd_mm *mnd_mm_get(struct mm_struct *mm)
{
	struct mnd_mm *mmm;
	int ret;

	mutex_lock(&mnd_mm_lock);
	list_for_each_entry(mmm, &mnd_mm_list, link) {
		if (mmm->mm == mm) {
			kref_get(&mmm->ref);
			mutex_unlock(&mnd_mm_lock);
			return mmm;
		}
	}

	mmm = kzalloc(sizeof(*mmm), GFP_KERNEL);
	if (!mmm) {
		mutex_unlock(&mnd_mm_lock);
		return ERR_PTR(-ENOMEM);
	}
	mmm->mm = mm;
	kref_init(&mmm->ref);
	mmm->notifier.ops = &mnd_mmu_ops;
	ret = mmu_notifier_register(&mmm->notifier, mm);
	if (ret) {
		mutex_unlock(&mnd_mm_lock);
		kfree(mmm);
		return ERR_PTR(ret);
	}

	list_add(&mmm->link, &mnd_mm_list);
	mutex_unlock(&mnd_mm_lock);
	return mmm;
}

static void mnd_mm_release(struct kref *ref)
{
	struct mnd_mm *mmm = container_of(ref, struct mnd_mm, ref);

	list_del(&mmm->link);
	mutex_unlock(&mnd_mm_lock);
	mmu_notifier_unregister(&mmm->notifier, mmm->mm);
	kfree(mmm);
}

static void mnd_mm_put(struct mnd_mm *mmm)
{
	kref_put_mutex(&mmm->ref, mnd_mm_release, &mnd_mm_lock);
}

static int mnd_open(struct inode *inode, struct file *file)
{
	struct mnd_mm *mmm = mnd_mm_get(current->mm);

	if (IS_ERR(mmm))
		return PTR_ERR(mmm);
	file->private_data = mmm;
	return 0;
}

static int mnd_release(struct inode *inode, struct file *file)
{
	mnd_mm_put(file->private_data);
	return 0;
}

static ssize_t mnd_read(struct file *file, char __user *buf, size_t len,
			loff_t *pos)
{
	struct mnd_mm *mmm = file->private_data;
	char line[128];
	int n;

	n = scnprintf(line, sizeof(line),
		      "starts %d ends %d nonblocking %d flushes %d changes %d young %d\n",
		      atomic_read(&mmm->starts), atomic_read(&mmm->ends),
		      atomic_read(&mmm->nonblocking), atomic_read(&mmm->flushes),
		      atomic_read(&mmm->changes), atomic_read(&mmm->young));
	return simple_read_from_buffer(buf, len, pos, line, n);
}

static const struct file_operations mnd_fops = {
	.owner		= THIS_MODULE,
	.open		= mnd_open,
	.release	= mnd_release,
	.read		= mnd_read,
};

static struct miscdevice mnd_dev = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "mndemo",
	.fops	= &mnd_fops,
};

static int __init mnd_init(void)
{
	return misc_register(&mnd_dev);
}

static void __exit mnd_exit(void)
{
	misc_deregister(&mnd_dev);
}

module_init(mnd_init);
module_exit(mnd_exit);
MODULE_DESCRIPTION("Count the invalidations of the opener's address space");
MODULE_LICENSE("GPL");
