/* SPDX-License-Identifier: GPL-2.0 */
#ifndef DX_H
#define DX_H

#include <linux/hashtable.h>
#include <linux/kref.h>
#include <linux/mmu_notifier.h>
#include <linux/mutex.h>
#include <linux/workqueue.h>

#define DX_PROCESS_TABLE_BITS 5

struct dx_process {
	struct hlist_node node;
	struct mm_struct *mm;
	struct kref ref;
	struct mutex lock;
	struct work_struct release_work;
	struct mmu_notifier mn;
	/* deferred free once no notifier callback can run */
	struct rcu_head rcu;
	unsigned int pasid;
};

extern DECLARE_HASHTABLE(dx_process_table, DX_PROCESS_TABLE_BITS);

struct dx_process *dx_process_find(const struct task_struct *task);
struct dx_process *dx_process_create(const struct task_struct *task);
void dx_process_unref(struct dx_process *p);
int dx_process_init(void);
void dx_process_exit(void);

#endif
