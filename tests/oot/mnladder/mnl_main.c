// SPDX-License-Identifier: GPL-2.0
#include <linux/module.h>
#include <linux/sched.h>
#include "mnl.h"

static struct mnl mnl_self;

static int __init mnl_init(void)
{
	return mnl_attach(&mnl_self, current->mm);
}
module_init(mnl_init);
MODULE_LICENSE("GPL");
