// SPDX-License-Identifier: GPL-2.0
/*
 * Test fixture (tests/core, see tests/run): a small file with the shape of
 * mm/mmu_notifier.c in RHEL 8.3 (4.18.0-240): the old callbacks called
 * with the bounds of a range the core builds itself with a static
 * mmu_notifier_range_init() (memset, then mm, start, end), for the
 * interval notifiers that take it; the interval notifiers' release with a
 * blockable range; get/put on the aux struct.  Written for the tests, not
 * the real code.
 */
#include <linux/rculist.h>
#include <linux/mmu_notifier.h>
#include <linux/export.h>
#include <linux/mm.h>
#include <linux/srcu.h>
#include <linux/slab.h>

/* one srcu for every mm's notifier list */
DEFINE_STATIC_SRCU(srcu);

static void mn_itree_release(struct mmu_notifier_mm *mmn_mm,
			     struct mm_struct *mm)
{
	struct mmu_notifier_range range = {
		.flags = MMU_NOTIFIER_RANGE_BLOCKABLE,
		.mm = mm,
		.start = 0,
		.end = ULONG_MAX,
	};

	mn_itree_invalidate(mmn_mm, &range);
}

static void mn_hlist_invalidate_range_start(struct mmu_notifier_mm *mmn_mm,
					    struct mmu_notifier_range *range)
{
	struct mmu_notifier *mn;
	int id;

	id = srcu_read_lock(&srcu);
	hlist_for_each_entry_rcu(mn, &mmn_mm->list, hlist) {
		if (mn->ops->invalidate_range_start) {
			mn->ops->invalidate_range_start(mn, range->mm, range->start, range->end);
		}
	}
	srcu_read_unlock(&srcu, id);
}

static inline void mmu_notifier_range_init(struct mmu_notifier_range *range,
					   struct mm_struct *mm,
					   unsigned long start,
					   unsigned long end)
{
	memset(range, 0, sizeof(*range));
	range->mm = mm;
	range->start = start;
	range->end = end;
}

void __mmu_notifier_invalidate_range_start(struct mm_struct *mm,
					   unsigned long start, unsigned long end)
{
	struct mmu_notifier_mm *mmn_mm = mm->mmu_notifier_mm;
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, mm, start, end);

	if (mmn_mm->has_itree) {
		mn_itree_invalidate(mmn_mm, &range);
	}
	if (!hlist_empty(&mmn_mm->list))
		mn_hlist_invalidate_range_start(mmn_mm, &range);
}

static void mn_hlist_invalidate_end(struct mmu_notifier_mm *mmn_mm,
				    struct mmu_notifier_range *range,
				    bool only_end)
{
	struct mmu_notifier *mn;
	int id;

	id = srcu_read_lock(&srcu);
	hlist_for_each_entry_rcu(mn, &mmn_mm->list, hlist) {
		/* only_end: ->invalidate_range was called under the ptl */
		if (!only_end && mn->ops->invalidate_range)
			mn->ops->invalidate_range(mn, range->mm,
						  range->start,
						  range->end);
		if (mn->ops->invalidate_range_end) {
			mn->ops->invalidate_range_end(mn, range->mm, range->start, range->end);
		}
	}
	srcu_read_unlock(&srcu, id);
}

void __mmu_notifier_invalidate_range_end(struct mm_struct *mm,
					 unsigned long start, unsigned long end,
					 bool only_end)
{
	struct mmu_notifier_mm *mmn_mm = mm->mmu_notifier_mm;
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, mm, start, end);

	lock_map_acquire(&__mmu_notifier_invalidate_range_start_map);
	if (mmn_mm->has_itree)
		mn_itree_inv_end(mmn_mm);

	if (!hlist_empty(&mmn_mm->list))
		mn_hlist_invalidate_end(mmn_mm, &range, only_end);
	lock_map_release(&__mmu_notifier_invalidate_range_start_map);
}

/* get/put count in the aux struct: a notifier without it is not put */
void mmu_notifier_put(struct mmu_notifier *mn)
{
	struct mm_struct *mm;

	if (!RH_KABI_AUX(mn, mmu_notifier, mm))
		return;

	mm = mn->_rh->mm;
	spin_lock(&mm->mmu_notifier_mm->lock);
	if (WARN_ON(!mn->_rh->users) || --mn->_rh->users)
		goto out_unlock;
	hlist_del_init_rcu(&mn->hlist);
	spin_unlock(&mm->mmu_notifier_mm->lock);

	call_srcu(&srcu, &mn->_rh->rcu, mmu_notifier_free_rcu);
	return;

out_unlock:
	spin_unlock(&mm->mmu_notifier_mm->lock);
}
EXPORT_SYMBOL_GPL(mmu_notifier_put);

void mmu_notifier_synchronize(void)
{
	synchronize_srcu(&srcu);
}
EXPORT_SYMBOL_GPL(mmu_notifier_synchronize);
