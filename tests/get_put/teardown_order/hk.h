/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A compute driver shaped like amdkfd before v5.4: a process object per
 * mm, kept in the driver's own table for its ioctls, torn down from
 * ->release through a deferred free; the last reference queues the
 * release on the driver's workqueue, which the module exit destroys.
 */
#ifndef HK_H
#define HK_H

#include <linux/hashtable.h>
#include <linux/kref.h>
#include <linux/mmu_notifier.h>
#include <linux/mutex.h>
#include <linux/workqueue.h>

#define HK_PROCESS_TABLE_BITS 5

struct hk_process {
	struct hlist_node hk_processes;
	struct mm_struct *mm;
	struct kref ref;
	struct mutex mutex;
	struct work_struct release_work;
	struct mmu_notifier mmu_notifier;
	/* Use for delayed freeing of hk_process structure */
	struct rcu_head rcu;
	unsigned int pasid;
	struct task_struct *lead_thread;
};

extern DECLARE_HASHTABLE(hk_processes_table, HK_PROCESS_TABLE_BITS);

struct hk_process *hk_create_process(void);
void hk_unref_process(struct hk_process *p);
int hk_process_create_wq(void);
void hk_process_destroy_wq(void);
int hk_chardev_init(void);
void hk_chardev_exit(void);
int hk_topology_init(void);
void hk_topology_shutdown(void);
void hk_debugfs_init(void);
void hk_debugfs_fini(void);
unsigned int hk_pasid_alloc(void);
void hk_pasid_free(unsigned int pasid);

#endif
