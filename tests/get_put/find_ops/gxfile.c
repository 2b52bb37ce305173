// SPDX-License-Identifier: GPL-2.0
/* The module init and exit of the find_ops shape: no synchronize yet. */
#include <linux/module.h>
#include "gx.h"

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
