// SPDX-License-Identifier: GPL-2.0
/*
 * Test fixture (tests/core, see tests/run): a small file with the shape of
 * mm/mmu_notifier.c in v4.19: __mmu_notifier_invalidate_range_start()
 * returns int and passes blockable to the start callbacks, the end has
 * only_end, mm_has_blockable_invalidate_notifiers() reads ops.flags, the
 * registration pins the mm with mmgrab(); mmu_notifier_synchronize().
 * Written for the tests, not the real code.
 */
#include <linux/rculist.h>
#include <linux/mmu_notifier.h>
#include <linux/export.h>
#include <linux/mm.h>
#include <linux/srcu.h>
#include <linux/slab.h>

/* one srcu for every mm's notifier list */
DEFINE_STATIC_SRCU(srcu);

void mmu_notifier_synchronize(void)
{
	/* let every queued callback run */
	srcu_barrier(&srcu);
}
EXPORT_SYMBOL_GPL(mmu_notifier_synchronize);

int __mmu_notifier_invalidate_range_start(struct mm_struct *mm,
				  unsigned long start, unsigned long end,
				  bool blockable)
{
	struct mmu_notifier *mn;
	int ret = 0;
	int id;

	id = srcu_read_lock(&srcu);
	hlist_for_each_entry_rcu(mn, &mm->mmu_notifier_mm->list, hlist) {
		if (mn->ops->invalidate_range_start) {
			int _ret = mn->ops->invalidate_range_start(mn, mm, start, end, blockable);
			if (_ret) {
				pr_info("%pS: start callback returned %d (%sblockable)\n",
					mn->ops->invalidate_range_start, _ret,
					!blockable ? "non-" : "");
				ret = _ret;
			}
		}
	}
	srcu_read_unlock(&srcu, id);

	return ret;
}
EXPORT_SYMBOL_GPL(__mmu_notifier_invalidate_range_start);

void __mmu_notifier_invalidate_range_end(struct mm_struct *mm,
					 unsigned long start,
					 unsigned long end,
					 bool only_end)
{
	struct mmu_notifier *mn;
	int id;

	id = srcu_read_lock(&srcu);
	hlist_for_each_entry_rcu(mn, &mm->mmu_notifier_mm->list, hlist) {
		/* only_end: ->invalidate_range was called under the ptl */
		if (!only_end && mn->ops->invalidate_range)
			mn->ops->invalidate_range(mn, mm, start, end);
		if (mn->ops->invalidate_range_end)
			mn->ops->invalidate_range_end(mn, mm, start, end);
	}
	srcu_read_unlock(&srcu, id);
}
EXPORT_SYMBOL_GPL(__mmu_notifier_invalidate_range_end);

void __mmu_notifier_invalidate_range(struct mm_struct *mm,
				  unsigned long start, unsigned long end)
{
	struct mmu_notifier *mn;
	int id;

	id = srcu_read_lock(&srcu);
	hlist_for_each_entry_rcu(mn, &mm->mmu_notifier_mm->list, hlist) {
		if (mn->ops->invalidate_range)
			mn->ops->invalidate_range(mn, mm, start, end);
	}
	srcu_read_unlock(&srcu, id);
}
EXPORT_SYMBOL_GPL(__mmu_notifier_invalidate_range);

/* may one of the notifiers of mm sleep in its range callbacks? */
bool mm_has_blockable_invalidate_notifiers(struct mm_struct *mm)
{
	struct mmu_notifier *mn;
	int id;
	bool ret = false;

	if (!mm_has_notifiers(mm))
		return ret;

	id = srcu_read_lock(&srcu);
	hlist_for_each_entry_rcu(mn, &mm->mmu_notifier_mm->list, hlist) {
		if (!mn->ops->invalidate_range &&
		    !mn->ops->invalidate_range_start &&
		    !mn->ops->invalidate_range_end)
			continue;
		if (!(mn->ops->flags & MMU_INVALIDATE_DOES_NOT_BLOCK)) {
			ret = true;
			break;
		}
	}
	srcu_read_unlock(&srcu, id);
	return ret;
}

static int do_mmu_notifier_register(struct mmu_notifier *mn,
				    struct mm_struct *mm,
				    int take_mmap_sem)
{
	struct mmu_notifier_mm *mmu_notifier_mm;
	int ret;

	ret = -ENOMEM;
	mmu_notifier_mm = kmalloc(sizeof(struct mmu_notifier_mm), GFP_KERNEL);
	if (unlikely(!mmu_notifier_mm))
		goto out;

	if (take_mmap_sem)
		down_write(&mm->mmap_sem);
	ret = mm_take_all_locks(mm);
	if (unlikely(ret))
		goto out_clean;

	if (!mm_has_notifiers(mm)) {
		INIT_HLIST_HEAD(&mmu_notifier_mm->list);
		spin_lock_init(&mmu_notifier_mm->lock);
		mm->mmu_notifier_mm = mmu_notifier_mm;
		mmu_notifier_mm = NULL;
	}
	/* the mm stays until mmu_notifier_unregister() drops this */
	mmgrab(mm);

	spin_lock(&mm->mmu_notifier_mm->lock);
	hlist_add_head_rcu(&mn->hlist, &mm->mmu_notifier_mm->list);
	spin_unlock(&mm->mmu_notifier_mm->lock);

	mm_drop_all_locks(mm);
out_clean:
	if (take_mmap_sem)
		up_write(&mm->mmap_sem);
	kfree(mmu_notifier_mm);
out:
	return ret;
}

int mmu_notifier_register(struct mmu_notifier *mn, struct mm_struct *mm)
{
	return do_mmu_notifier_register(mn, mm, 1);
}
EXPORT_SYMBOL_GPL(mmu_notifier_register);

/* the same, mmap_sem already held for write */
int __mmu_notifier_register(struct mmu_notifier *mn, struct mm_struct *mm)
{
	return do_mmu_notifier_register(mn, mm, 0);
}
EXPORT_SYMBOL_GPL(__mmu_notifier_register);

void mmu_notifier_unregister(struct mmu_notifier *mn, struct mm_struct *mm)
{
	spin_lock(&mm->mmu_notifier_mm->lock);
	hlist_del_init_rcu(&mn->hlist);
	spin_unlock(&mm->mmu_notifier_mm->lock);

	/* no callback of mn may still be running */
	synchronize_srcu(&srcu);
	mmdrop(mm);
}
EXPORT_SYMBOL_GPL(mmu_notifier_unregister);
