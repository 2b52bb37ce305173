/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _GZ_H
#define _GZ_H
#include <linux/mmu_notifier.h>
#include <linux/seq_file.h>
#include <linux/wait.h>

struct gz_space {
	struct mmu_notifier	mn;
	atomic_t		refs;
	int			dead;
	wait_queue_head_t	waiters;
};

struct gz_space *gz_space_get(void);
void gz_space_put(struct gz_space *sp);
int gz_space_show(struct seq_file *m, struct gz_space *sp);
#endif
