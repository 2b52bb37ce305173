// SPDX-License-Identifier: GPL-2.0
/*
 * A per-mm object kept in a field of struct mm_struct itself (mm->mx),
 * counted with a kref; a range holds one more reference on the object its
 * mirror holds.  Reported: the map is the core's, and the range's
 * kref_get() is a reference no get/put call takes.
 */
#include <linux/kref.h>
#include <linux/mmu_notifier.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>

struct mx {
	struct mm_struct *mm;
	struct kref kref;
	struct mmu_notifier notifier;
	struct rcu_head rcu;
};

struct mx_mirror {
	struct mx *mx;
};

struct mx_range {
	struct mx *mx;
};

static const struct mmu_notifier_ops mx_ops;

static struct mx *mx_get_or_create(struct mm_struct *mm)
{
	struct mx *mx;

	spin_lock(&mm->page_table_lock);
	mx = mm->mx;
	if (mm->mx && kref_get_unless_zero(&mm->mx->kref))
		goto out_unlock;
	spin_unlock(&mm->page_table_lock);

	mx = kzalloc(sizeof(*mx), GFP_KERNEL);
	if (!mx)
		return NULL;
	kref_init(&mx->kref);
	mx->mm = mm;
	mx->notifier.ops = &mx_ops;
	if (__mmu_notifier_register(&mx->notifier, mm)) {
		kfree(mx);
		return NULL;
	}
	mmgrab(mx->mm);

	spin_lock(&mm->page_table_lock);
	mm->mx = mx;
out_unlock:
	spin_unlock(&mm->page_table_lock);
	return mx;
}

static void mx_free_rcu(struct rcu_head *rcu)
{
	struct mx *mx = container_of(rcu, struct mx, rcu);

	mmdrop(mx->mm);
	kfree(mx);
}

static void mx_free(struct kref *kref)
{
	struct mx *mx = container_of(kref, struct mx, kref);

	spin_lock(&mx->mm->page_table_lock);
	if (mx->mm->mx == mx)
		mx->mm->mx = NULL;
	spin_unlock(&mx->mm->page_table_lock);

	mmu_notifier_unregister_no_release(&mx->notifier, mx->mm);
	mmu_notifier_call_srcu(&mx->rcu, mx_free_rcu);
}

static void mx_put(struct mx *mx)
{
	kref_put(&mx->kref, mx_free);
}

static const struct mmu_notifier_ops mx_ops = {
};

int mx_mirror_register(struct mx_mirror *mirror, struct mm_struct *mm)
{
	mirror->mx = mx_get_or_create(mm);
	return mirror->mx ? 0 : -ENOMEM;
}

void mx_mirror_unregister(struct mx_mirror *mirror)
{
	mx_put(mirror->mx);
}

void mx_range_register(struct mx_range *range, struct mx_mirror *mirror)
{
	range->mx = mirror->mx;
	kref_get(&range->mx->kref);
}

void mx_range_unregister(struct mx_range *range)
{
	mx_put(range->mx);
}
