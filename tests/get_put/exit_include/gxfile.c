// SPDX-License-Identifier: GPL-2.0
/*
 * find_ops' module init and exit, in a file that does not include
 * <linux/mmu_notifier.h>, neither itself nor through its local header:
 * mmu_notifier_synchronize() brings the include along.
 */
#include <linux/init.h>
#include <linux/module.h>
#include "gxdev.h"

static int __init gx_init(void)
{
	return gx_register_device();
}

static void __exit gx_exit(void)
{
	gx_unregister_device();
	gx_free_tables();
}

module_init(gx_init);
module_exit(gx_exit);
