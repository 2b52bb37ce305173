/* SPDX-License-Identifier: GPL-2.0 */
#ifndef MNMIRROR_H
#define MNMIRROR_H

#include <linux/atomic.h>
#include <linux/mmu_notifier.h>
#include <linux/mutex.h>
#include <linux/types.h>
#include <linux/wait.h>

#define MNM_MAX_RANGES	16

/* One per mm, shared by every open of the device from that mm. */
struct mnm_mm {
	struct mmu_notifier	notifier;
	struct mm_struct	*mm;
	struct hlist_node	link;
	unsigned int		count;
	struct mutex		lock;		/* protects start[], end[] */
	unsigned long		start[MNM_MAX_RANGES];
	unsigned long		end[MNM_MAX_RANGES];
	atomic_t		invalidating;
	wait_queue_head_t	wq;
};

struct mnm_mm *mnm_mm_get(struct mm_struct *mm);
void mnm_mm_put(struct mnm_mm *mmm);
int mnm_mirror(struct mnm_mm *mmm, unsigned long start, unsigned long end);

#endif
