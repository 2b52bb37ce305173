// SPDX-License-Identifier: GPL-2.0
#include <linux/module.h>
#include "gy.h"

static void __exit gy_exit(void)
{
	gy_unregister_chardev();
}
module_exit(gy_exit);
