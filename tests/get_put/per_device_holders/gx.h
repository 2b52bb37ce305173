/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-device shape with holders (see gxmn.c): the device keeps its own
 * mm -> notifier table and its lock; buffers point to their notifier.
 */
#ifndef GX_H
#define GX_H

#include <linux/hashtable.h>
#include <linux/list.h>
#include <linux/mutex.h>

struct gx_mn;

struct gx_buf {
	struct gx_device	*gdev;
	unsigned long		start;
	unsigned long		size;
	struct gx_mn		*mn;
	struct list_head	mn_link;
};

struct gx_device {
	struct mutex		ring_lock;
	int			nr_rings;

	struct mutex		mn_lock;
	DECLARE_HASHTABLE(mn_hash, 6);
};

int gx_device_init(struct gx_device *gdev);
int gx_mn_register(struct gx_buf *buf, unsigned long addr);
void gx_mn_unregister(struct gx_buf *buf);
void gx_buf_evict(struct gx_buf *buf);

#endif
