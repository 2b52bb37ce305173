// SPDX-License-Identifier: GPL-2.0
/*
 * A second module in the same directory: with two module exits in the group
 * the rule cannot tell which module holds the ops, so neither exit gets
 * mmu_notifier_synchronize() (the report says so); gxtlb.c is still
 * converted.
 */
#include <linux/module.h>

static int __init gx_other_init(void)
{
	return gx_other_register();
}

static void __exit gx_other_exit(void)
{
	gx_other_unregister();
}

module_init(gx_other_init);
module_exit(gx_other_exit);
