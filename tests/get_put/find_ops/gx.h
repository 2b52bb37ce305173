/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _GX_H
#define _GX_H
#include <linux/mmu_notifier.h>
#include <linux/wait.h>

struct gx_mm {
	struct mmu_notifier	ms_notifier;
	atomic_t		ms_refcnt;
	atomic_t		ms_active;
	spinlock_t		ms_asid_lock;
	wait_queue_head_t	ms_wait_queue;
	int			ms_released;
};

struct gx_mm *gx_register_mmu_notifier(void);
void gx_drop_mmu_notifier(struct gx_mm *gms);
#endif
