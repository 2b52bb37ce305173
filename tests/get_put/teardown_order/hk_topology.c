// SPDX-License-Identifier: GPL-2.0
#include <linux/debugfs.h>
#include <linux/idr.h>
#include <linux/slab.h>
#include "hk.h"

static DEFINE_IDA(hk_pasids);
static struct dentry *hk_debugfs_root;
static void *hk_topology;

unsigned int hk_pasid_alloc(void)
{
	int pasid = ida_simple_get(&hk_pasids, 1, 0x10000, GFP_KERNEL);

	return pasid < 0 ? 0 : pasid;
}

void hk_pasid_free(unsigned int pasid)
{
	ida_simple_remove(&hk_pasids, pasid);
}

int hk_topology_init(void)
{
	hk_topology = kzalloc(64, GFP_KERNEL);
	return hk_topology ? 0 : -ENOMEM;
}

void hk_topology_shutdown(void)
{
	kfree(hk_topology);
}

void hk_debugfs_init(void)
{
	hk_debugfs_root = debugfs_create_dir("hk", NULL);
}

void hk_debugfs_fini(void)
{
	debugfs_remove_recursive(hk_debugfs_root);
}
