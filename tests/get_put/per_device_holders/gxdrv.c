// SPDX-License-Identifier: GPL-2.0
/* Module init and exit; <linux/mmu_notifier.h> is not included yet. */
#include <linux/init.h>
#include <linux/module.h>
#include "gx.h"

static int __init gx_init(void)
{
	return 0;
}

static void __exit gx_exit(void)
{
	pr_info("gx: unloaded\n");
}

module_init(gx_init);
module_exit(gx_exit);
MODULE_LICENSE("GPL");
