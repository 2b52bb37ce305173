// SPDX-License-Identifier: GPL-2.0
/* A process table kept for the ioctl path, torn down from ->release. */
#include <linux/slab.h>
#include <linux/srcu.h>
#include <linux/sched/mm.h>
#include "dx.h"

DEFINE_HASHTABLE(dx_process_table, DX_PROCESS_TABLE_BITS);
static DEFINE_MUTEX(dx_process_mutex);
DEFINE_SRCU(dx_process_srcu);
static struct workqueue_struct *dx_wq;

static struct dx_process *dx_lookup(const struct mm_struct *mm)
{
	struct dx_process *p;

	hash_for_each_possible_rcu(dx_process_table, p, node,
				   (uintptr_t)mm)
		if (p->mm == mm)
			return p;
	return NULL;
}

struct dx_process *dx_process_find(const struct task_struct *task)
{
	struct dx_process *p;
	int idx;

	idx = srcu_read_lock(&dx_process_srcu);
	p = dx_lookup(task->mm);
	if (p)
		kref_get(&p->ref);
	srcu_read_unlock(&dx_process_srcu, idx);
	return p;
}

static void dx_process_release_work(struct work_struct *work)
{
	struct dx_process *p = container_of(work, struct dx_process,
					    release_work);

	mutex_destroy(&p->lock);
	kfree(p);
}

static void dx_process_ref_release(struct kref *ref)
{
	struct dx_process *p = container_of(ref, struct dx_process, ref);

	INIT_WORK(&p->release_work, dx_process_release_work);
	queue_work(dx_wq, &p->release_work);
}

void dx_process_unref(struct dx_process *p)
{
	kref_put(&p->ref, dx_process_ref_release);
}

static void dx_process_destroy_delayed(struct rcu_head *rcu)
{
	struct dx_process *p = container_of(rcu, struct dx_process, rcu);

	dx_process_unref(p);
}

static void dx_process_notifier_release(struct mmu_notifier *mn,
					struct mm_struct *mm)
{
	struct dx_process *p = container_of(mn, struct dx_process, mn);

	if (WARN_ON(p->mm != mm))
		return;

	mutex_lock(&dx_process_mutex);
	hash_del_rcu(&p->node);
	mutex_unlock(&dx_process_mutex);
	synchronize_srcu(&dx_process_srcu);

	mutex_lock(&p->lock);
	p->mm = NULL;
	mutex_unlock(&p->lock);

	mmu_notifier_unregister_no_release(&p->mn, mm);
	mmu_notifier_call_srcu(&p->rcu, &dx_process_destroy_delayed);
}

static const struct mmu_notifier_ops dx_process_mmu_notifier_ops = {
	.release = dx_process_notifier_release,
};

static int dx_setup_queues(struct dx_process *p)
{
	return p->pasid ? 0 : -EINVAL;
}

struct dx_process *dx_process_create(const struct task_struct *task)
{
	struct dx_process *p;
	int err = -ENOMEM;

	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		goto err_alloc;

	kref_init(&p->ref);
	mutex_init(&p->lock);
	p->mm = task->mm;
	p->pasid = 1;

	p->mn.ops = &dx_process_mmu_notifier_ops;
	err = mmu_notifier_register(&p->mn, p->mm);
	if (err)
		goto err_register;

	mutex_lock(&dx_process_mutex);
	hash_add_rcu(dx_process_table, &p->node, (uintptr_t)p->mm);
	mutex_unlock(&dx_process_mutex);

	err = dx_setup_queues(p);
	if (err)
		goto err_queues;
	return p;

err_queues:
	mutex_lock(&dx_process_mutex);
	hash_del_rcu(&p->node);
	mutex_unlock(&dx_process_mutex);
	synchronize_rcu();
	mmu_notifier_unregister_no_release(&p->mn, p->mm);
err_register:
	mutex_destroy(&p->lock);
	kfree(p);
err_alloc:
	return ERR_PTR(err);
}

int dx_process_init(void)
{
	dx_wq = alloc_workqueue("dx_process", 0, 0);
	return dx_wq ? 0 : -ENOMEM;
}

void dx_process_exit(void)
{
	destroy_workqueue(dx_wq);
}
