// SPDX-License-Identifier: GPL-2.0
/*
 * mnmirror - mirror ranges of the opener's address space on a device
 *
 * ioctl(fd, MNM_MIRROR, &req) asks the device to mirror [start, start+len)
 * of the caller's address space until the CPU page tables there change.
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/uaccess.h>

#include "mnmirror.h"

struct mnm_req {
	__u64 start;
	__u64 len;
};

#define MNM_MIRROR	_IOW('M', 1, struct mnm_req)

static long mnm_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct mnm_req req;

	if (cmd != MNM_MIRROR)
		return -ENOTTY;
	if (copy_from_user(&req, (void __user *)arg, sizeof(req)))
		return -EFAULT;
	if (!req.len || req.start + req.len < req.start)
		return -EINVAL;
	return mnm_mirror(file->private_data, req.start, req.start + req.len);
}

static int mnm_open(struct inode *inode, struct file *file)
{
	struct mnm_mm *mmm = mnm_mm_get(current->mm);

	if (IS_ERR(mmm))
		return PTR_ERR(mmm);
	file->private_data = mmm;
	return 0;
}

static int mnm_release(struct inode *inode, struct file *file)
{
	mnm_mm_put(file->private_data);
	return 0;
}

static const struct file_operations mnm_fops = {
	.owner		= THIS_MODULE,
	.open		= mnm_open,
	.release	= mnm_release,
	.unlocked_ioctl	= mnm_ioctl,
};

static struct miscdevice mnm_dev = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "mnmirror",
	.fops	= &mnm_fops,
};

static int __init mnm_init(void)
{
	return misc_register(&mnm_dev);
}

static void __exit mnm_exit(void)
{
	misc_deregister(&mnm_dev);
}

module_init(mnm_init);
module_exit(mnm_exit);
MODULE_DESCRIPTION("Mirror ranges of the opener's address space");
MODULE_LICENSE("GPL");
