/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _GY_H
#define _GY_H
#include <linux/mmu_notifier.h>
#include <linux/wait.h>

#define gy_dbg(fmt, ...)	pr_debug("gy: " fmt, ##__VA_ARGS__)

struct gy_ctx {
	struct mmu_notifier	notifier;
	atomic_t		users;
	spinlock_t		asid_lock;
	atomic_t		flushing;
	char			released;
	wait_queue_head_t	flush_wait;
};

struct gy_ctx *gy_ctx_get(void);
void gy_ctx_put(struct gy_ctx *ctx);
#endif
