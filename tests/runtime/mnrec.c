// SPDX-License-Identifier: GPL-2.0
/*
 * mnrec - record the mmu_notifier invalidations of one process.
 *
 * Opening /dev/mnrec registers an mmu_notifier on the mm of the opener.
 * Every invalidate_range_start() and invalidate_range_end() it receives is
 * kept in a ring; read() hands the records over (and removes them), one a
 * line:
 *
 *	S EVENT BLOCKABLE FLAGS START END	invalidate_range_start()
 *	E EVENT BLOCKABLE FLAGS START END	invalidate_range_end()
 *	L COUNT					records lost (ring full)
 *
 * EVENT is the name of range->event without MMU_NOTIFY_, BLOCKABLE is B or
 * N (mmu_notifier_range_blockable()), FLAGS, START and END are hex.  The
 * user program (mnops.c) pairs the lines and checks them.
 *
 * It needs the range struct with events (v5.2, or an older tree after the
 * range_struct and event_tag steps): MMU_NOTIFIER_RANGE_BLOCKABLE comes
 * with them.
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/miscdevice.h>
#include <linux/mmu_notifier.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>

#ifndef MMU_NOTIFIER_RANGE_BLOCKABLE
#error "no struct mmu_notifier_range with events: run the event_tag step first"
#endif

#define MNREC_SIZE 4096

struct mnrec_entry {
	char kind;			/* 'S' start, 'E' end */
	bool blockable;
	int event;
	unsigned int flags;
	unsigned long start, end;
};

struct mnrec {
	struct mmu_notifier mn;
	struct mm_struct *mm;		/* held by the registration */
	spinlock_t lock;
	unsigned int head, count, lost;
	struct mnrec_entry ring[MNREC_SIZE];
};

static const char *mnrec_event(int event)
{
	switch (event) {
	case MMU_NOTIFY_UNMAP:
		return "UNMAP";
	case MMU_NOTIFY_CLEAR:
		return "CLEAR";
	case MMU_NOTIFY_PROTECTION_VMA:
		return "PROTECTION_VMA";
	case MMU_NOTIFY_PROTECTION_PAGE:
		return "PROTECTION_PAGE";
	case MMU_NOTIFY_SOFT_DIRTY:
		return "SOFT_DIRTY";
	}
	return NULL;
}

static void mnrec_add(struct mmu_notifier *mn, char kind,
		      const struct mmu_notifier_range *range)
{
	struct mnrec *r = container_of(mn, struct mnrec, mn);
	struct mnrec_entry *e;
	unsigned long irqflags;

	spin_lock_irqsave(&r->lock, irqflags);
	if (r->count == MNREC_SIZE) {
		r->lost++;
	} else {
		e = &r->ring[(r->head + r->count++) % MNREC_SIZE];
		e->kind = kind;
		e->event = range->event;
		e->flags = range->flags;
		e->blockable = mmu_notifier_range_blockable(range);
		e->start = range->start;
		e->end = range->end;
	}
	spin_unlock_irqrestore(&r->lock, irqflags);
}

static int mnrec_start(struct mmu_notifier *mn,
		       const struct mmu_notifier_range *range)
{
	mnrec_add(mn, 'S', range);
	return 0;
}

/* A tree whose start could not fail (v4.9-v4.18, converted) has a void one. */
static void mnrec_start_void(struct mmu_notifier *mn,
			     const struct mmu_notifier_range *range)
{
	mnrec_add(mn, 'S', range);
}

#define MNREC_START_TYPE \
	typeof(((struct mmu_notifier_ops *)0)->invalidate_range_start)

static void mnrec_end(struct mmu_notifier *mn,
		      const struct mmu_notifier_range *range)
{
	mnrec_add(mn, 'E', range);
}

static const struct mmu_notifier_ops mnrec_ops = {
	.invalidate_range_start = __builtin_choose_expr(
		__builtin_types_compatible_p(MNREC_START_TYPE, typeof(&mnrec_start)),
		mnrec_start, mnrec_start_void),
	.invalidate_range_end = mnrec_end,
};

static int mnrec_open(struct inode *inode, struct file *file)
{
	struct mnrec *r;
	int ret;

	if (!current->mm)
		return -EINVAL;
	r = vzalloc(sizeof(*r));
	if (!r)
		return -ENOMEM;
	spin_lock_init(&r->lock);
	r->mn.ops = &mnrec_ops;
	r->mm = current->mm;
	ret = mmu_notifier_register(&r->mn, r->mm);
	if (ret) {
		vfree(r);
		return ret;
	}
	file->private_data = r;
	return 0;
}

static int mnrec_release(struct inode *inode, struct file *file)
{
	struct mnrec *r = file->private_data;

	/* Drops the reference mmu_notifier_register() took on the mm. */
	mmu_notifier_unregister(&r->mn, r->mm);
	vfree(r);
	return 0;
}

/*
 * Format the oldest record, or the count of lost ones, into buf.  Returns
 * its length, 0 when there is nothing to read.  *lost says what a
 * successful copy takes off.
 */
static int mnrec_peek(struct mnrec *r, char *buf, size_t size,
		      unsigned int *lost)
{
	struct mnrec_entry e = {};
	const char *name;
	bool any;

	spin_lock_irq(&r->lock);
	*lost = r->lost;
	any = r->count;
	if (any)
		e = r->ring[r->head];
	spin_unlock_irq(&r->lock);

	if (*lost)
		return scnprintf(buf, size, "L %u\n", *lost);
	if (!any)
		return 0;
	name = mnrec_event(e.event);
	if (name)
		return scnprintf(buf, size, "%c %s %c %x %lx %lx\n", e.kind,
				 name, e.blockable ? 'B' : 'N', e.flags,
				 e.start, e.end);
	return scnprintf(buf, size, "%c EVENT%d %c %x %lx %lx\n", e.kind,
			 e.event, e.blockable ? 'B' : 'N', e.flags, e.start,
			 e.end);
}

static ssize_t mnrec_read(struct file *file, char __user *ubuf, size_t count,
			  loff_t *ppos)
{
	struct mnrec *r = file->private_data;
	unsigned int lost;
	char line[96];
	size_t done = 0;
	int len;

	/* One reader, the owner: only it takes records off the head. */
	while ((len = mnrec_peek(r, line, sizeof(line), &lost)) > 0) {
		if (done + len > count)
			break;
		if (copy_to_user(ubuf + done, line, len))
			return done ? done : -EFAULT;
		done += len;
		spin_lock_irq(&r->lock);
		if (lost) {
			r->lost -= lost;
		} else {
			r->head = (r->head + 1) % MNREC_SIZE;
			r->count--;
		}
		spin_unlock_irq(&r->lock);
	}
	return done;
}

static const struct file_operations mnrec_fops = {
	.owner = THIS_MODULE,
	.open = mnrec_open,
	.release = mnrec_release,
	.read = mnrec_read,
	.llseek = noop_llseek,
};

static struct miscdevice mnrec_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "mnrec",
	.fops = &mnrec_fops,
};

module_misc_device(mnrec_dev);

MODULE_DESCRIPTION("Record the mmu_notifier invalidations of a process");
MODULE_LICENSE("GPL");
