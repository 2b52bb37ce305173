// SPDX-License-Identifier: GPL-2.0
#include <linux/device.h>
#include <linux/fs.h>
#include "hk.h"

static int hk_major;
static struct class *hk_class;

static int hk_open(struct inode *inode, struct file *filep)
{
	struct hk_process *p = hk_create_process();

	return IS_ERR(p) ? PTR_ERR(p) : 0;
}

static const struct file_operations hk_fops = {
	.owner = THIS_MODULE,
	.open = hk_open,
};

int hk_chardev_init(void)
{
	hk_major = register_chrdev(0, "hk", &hk_fops);
	if (hk_major < 0)
		return hk_major;
	hk_class = class_create(THIS_MODULE, "hk");
	if (IS_ERR(hk_class)) {
		unregister_chrdev(hk_major, "hk");
		return PTR_ERR(hk_class);
	}
	return 0;
}

void hk_chardev_exit(void)
{
	class_destroy(hk_class);
	unregister_chrdev(hk_major, "hk");
}
