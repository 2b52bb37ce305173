// SPDX-License-Identifier: GPL-2.0
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/srcu.h>
#include "hk.h"

DEFINE_HASHTABLE(hk_processes_table, HK_PROCESS_TABLE_BITS);
static DEFINE_MUTEX(hk_processes_mutex);
DEFINE_SRCU(hk_processes_srcu);

/* For process termination handling */
static struct workqueue_struct *hk_process_wq;

int hk_process_create_wq(void)
{
	if (!hk_process_wq)
		hk_process_wq = alloc_workqueue("hk_process_wq", 0, 0);
	return hk_process_wq ? 0 : -ENOMEM;
}

void hk_process_destroy_wq(void)
{
	if (hk_process_wq) {
		destroy_workqueue(hk_process_wq);
		hk_process_wq = NULL;
	}
}

static struct hk_process *find_process_by_mm(const struct mm_struct *mm)
{
	struct hk_process *process;

	hash_for_each_possible_rcu(hk_processes_table, process,
				   hk_processes, (uintptr_t)mm)
		if (process->mm == mm)
			return process;
	return NULL;
}

static struct hk_process *find_process(const struct task_struct *thread)
{
	struct hk_process *p;
	int idx;

	idx = srcu_read_lock(&hk_processes_srcu);
	p = find_process_by_mm(thread->mm);
	srcu_read_unlock(&hk_processes_srcu, idx);
	return p;
}

static void hk_process_wq_release(struct work_struct *work)
{
	struct hk_process *p = container_of(work, struct hk_process,
					    release_work);

	hk_pasid_free(p->pasid);
	mutex_destroy(&p->mutex);
	put_task_struct(p->lead_thread);
	kfree(p);
}

static void hk_process_ref_release(struct kref *ref)
{
	struct hk_process *p = container_of(ref, struct hk_process, ref);

	INIT_WORK(&p->release_work, hk_process_wq_release);
	queue_work(hk_process_wq, &p->release_work);
}

void hk_unref_process(struct hk_process *p)
{
	kref_put(&p->ref, hk_process_ref_release);
}

static void hk_process_destroy_delayed(struct rcu_head *rcu)
{
	struct hk_process *p = container_of(rcu, struct hk_process, rcu);

	hk_unref_process(p);
}

static void hk_process_notifier_release(struct mmu_notifier *mn,
					struct mm_struct *mm)
{
	struct hk_process *p;

	p = container_of(mn, struct hk_process, mmu_notifier);
	if (WARN_ON(p->mm != mm))
		return;

	mutex_lock(&hk_processes_mutex);
	hash_del_rcu(&p->hk_processes);
	mutex_unlock(&hk_processes_mutex);
	synchronize_srcu(&hk_processes_srcu);

	mutex_lock(&p->mutex);
	p->mm = NULL;
	mutex_unlock(&p->mutex);

	mmu_notifier_unregister_no_release(&p->mmu_notifier, mm);
	mmu_notifier_call_srcu(&p->rcu, &hk_process_destroy_delayed);
}

static const struct mmu_notifier_ops hk_process_mmu_notifier_ops = {
	.release = hk_process_notifier_release,
};

static int hk_init_apertures(struct hk_process *process)
{
	return process->pasid > 1 ? -EINVAL : 0;
}

static struct hk_process *create_process(const struct task_struct *thread)
{
	struct hk_process *process;
	int err = -ENOMEM;

	process = kzalloc(sizeof(*process), GFP_KERNEL);
	if (!process)
		goto err_alloc_process;

	process->pasid = hk_pasid_alloc();
	if (process->pasid == 0)
		goto err_alloc_pasid;

	kref_init(&process->ref);
	mutex_init(&process->mutex);
	process->mm = thread->mm;

	/* register notifier */
	process->mmu_notifier.ops = &hk_process_mmu_notifier_ops;
	err = mmu_notifier_register(&process->mmu_notifier, process->mm);
	if (err)
		goto err_mmu_notifier;

	hash_add_rcu(hk_processes_table, &process->hk_processes,
		     (uintptr_t)process->mm);

	process->lead_thread = thread->group_leader;
	get_task_struct(process->lead_thread);

	err = hk_init_apertures(process);
	if (err != 0)
		goto err_init_apertures;

	return process;

err_init_apertures:
	hash_del_rcu(&process->hk_processes);
	synchronize_rcu();
	mmu_notifier_unregister_no_release(&process->mmu_notifier, process->mm);
err_mmu_notifier:
	mutex_destroy(&process->mutex);
	hk_pasid_free(process->pasid);
err_alloc_pasid:
	kfree(process);
err_alloc_process:
	return ERR_PTR(err);
}

struct hk_process *hk_create_process(void)
{
	struct hk_process *process;
	struct task_struct *thread = current;

	if (!thread->mm)
		return ERR_PTR(-EINVAL);

	mutex_lock(&hk_processes_mutex);
	process = find_process(thread);
	if (!process)
		process = create_process(thread);
	mutex_unlock(&hk_processes_mutex);
	return process;
}
