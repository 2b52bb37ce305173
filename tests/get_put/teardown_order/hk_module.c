// SPDX-License-Identifier: GPL-2.0
#include <linux/module.h>
#include "hk.h"

static int hk_init_completed;

static int __init hk_module_init(void)
{
	int err;

	err = hk_chardev_init();
	if (err < 0)
		goto err_ioctl;

	err = hk_topology_init();
	if (err < 0)
		goto err_topology;

	err = hk_process_create_wq();
	if (err < 0)
		goto err_create_wq;

	hk_debugfs_init();
	hk_init_completed = 1;
	return 0;

err_create_wq:
	hk_topology_shutdown();
err_topology:
	hk_chardev_exit();
err_ioctl:
	return err;
}

static void __exit hk_module_exit(void)
{
	hk_init_completed = 0;

	hk_debugfs_fini();
	hk_process_destroy_wq();
	hk_topology_shutdown();
	hk_chardev_exit();
	pr_info("hk: removed module\n");
}

module_init(hk_module_init);
module_exit(hk_module_exit);
MODULE_LICENSE("GPL");
