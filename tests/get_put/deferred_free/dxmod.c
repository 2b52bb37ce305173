// SPDX-License-Identifier: GPL-2.0
#include <linux/module.h>
#include "dx.h"

static int __init dx_module_init(void)
{
	return dx_process_init();
}

static void __exit dx_module_exit(void)
{
	dx_process_exit();
}

module_init(dx_module_init);
module_exit(dx_module_exit);
MODULE_LICENSE("GPL");
