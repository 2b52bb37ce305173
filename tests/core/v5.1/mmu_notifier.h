/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test fixture (tests/core, see tests/run): a small header with the shape
 * of include/linux/mmu_notifier.h in v5.1 (v5.0-v5.1): the range callbacks
 * and calls take struct mmu_notifier_range {mm, start, end, blockable},
 * defined under CONFIG_MMU_NOTIFIER; without it a struct of start and end
 * and a mmu_notifier_range_init() macro that drops the mm.  No events, no
 * mmu_notifier_synchronize().  Written for the tests, only the
 * declarations the core rules read.
 */
#ifndef _LINUX_MMU_NOTIFIER_H
#define _LINUX_MMU_NOTIFIER_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/mm_types.h>
#include <linux/srcu.h>

struct mmu_notifier;
struct mmu_notifier_ops;

#ifdef CONFIG_MMU_NOTIFIER

/* The notifiers of one mm, found through mm->mmu_notifier_mm. */
struct mmu_notifier_mm {
	struct hlist_head list;
	spinlock_t lock;
};

/* What the range callbacks are told; blockable is set by the start. */
struct mmu_notifier_range {
	struct mm_struct *mm;
	unsigned long start;
	unsigned long end;
	bool blockable;
};

struct mmu_notifier_ops {
	/* the mm is going away: stop using its pages */
	void (*release)(struct mmu_notifier *mn,
			struct mm_struct *mm);

	/* bracket a change of the range's ptes; see range->blockable */
	int (*invalidate_range_start)(struct mmu_notifier *mn,
				      const struct mmu_notifier_range *range);
	void (*invalidate_range_end)(struct mmu_notifier *mn,
				     const struct mmu_notifier_range *range);

	/* secondary TLB flush, under the page table lock */
	void (*invalidate_range)(struct mmu_notifier *mn, struct mm_struct *mm,
				 unsigned long start, unsigned long end);
};

/* Embedded in the user's own structure. */
struct mmu_notifier {
	struct hlist_node hlist;
	const struct mmu_notifier_ops *ops;
};

static inline int mm_has_notifiers(struct mm_struct *mm)
{
	return unlikely(mm->mmu_notifier_mm);
}

extern int mmu_notifier_register(struct mmu_notifier *mn,
				 struct mm_struct *mm);
extern int __mmu_notifier_register(struct mmu_notifier *mn,
				   struct mm_struct *mm);
extern void mmu_notifier_unregister(struct mmu_notifier *mn,
				    struct mm_struct *mm);
extern int __mmu_notifier_invalidate_range_start(struct mmu_notifier_range *r);
extern void __mmu_notifier_invalidate_range_end(struct mmu_notifier_range *r,
				  bool only_end);
extern void __mmu_notifier_invalidate_range(struct mm_struct *mm,
				  unsigned long start, unsigned long end);

/* The wrappers the mm code calls: nothing to do without notifiers. */
static inline void
mmu_notifier_invalidate_range_start(struct mmu_notifier_range *range)
{
	if (mm_has_notifiers(range->mm)) {
		range->blockable = true;
		__mmu_notifier_invalidate_range_start(range);
	}
}

static inline int
mmu_notifier_invalidate_range_start_nonblock(struct mmu_notifier_range *range)
{
	if (mm_has_notifiers(range->mm)) {
		range->blockable = false;
		return __mmu_notifier_invalidate_range_start(range);
	}
	return 0;
}

static inline void
mmu_notifier_invalidate_range_end(struct mmu_notifier_range *range)
{
	if (mm_has_notifiers(range->mm))
		__mmu_notifier_invalidate_range_end(range, false);
}

static inline void
mmu_notifier_invalidate_range_only_end(struct mmu_notifier_range *range)
{
	if (mm_has_notifiers(range->mm))
		__mmu_notifier_invalidate_range_end(range, true);
}

static inline void mmu_notifier_range_init(struct mmu_notifier_range *range,
					   struct mm_struct *mm,
					   unsigned long start,
					   unsigned long end)
{
	range->mm = mm;
	range->start = start;
	range->end = end;
}

#else /* CONFIG_MMU_NOTIFIER */

/* Nobody listens: only the bounds are kept, for the mm code's own use. */
struct mmu_notifier_range {
	unsigned long start;
	unsigned long end;
};

static inline void _mmu_notifier_range_init(struct mmu_notifier_range *range,
					    unsigned long start,
					    unsigned long end)
{
	range->start = start;
	range->end = end;
}

#define mmu_notifier_range_init(range, mm, start, end) \
	_mmu_notifier_range_init(range, start, end)

static inline int mm_has_notifiers(struct mm_struct *mm)
{
	return 0;
}

static inline void
mmu_notifier_invalidate_range_start(struct mmu_notifier_range *range)
{
}

static inline int
mmu_notifier_invalidate_range_start_nonblock(struct mmu_notifier_range *range)
{
	return 0;
}

static inline void
mmu_notifier_invalidate_range_end(struct mmu_notifier_range *range)
{
}

static inline void
mmu_notifier_invalidate_range_only_end(struct mmu_notifier_range *range)
{
}

#endif /* CONFIG_MMU_NOTIFIER */

#endif /* _LINUX_MMU_NOTIFIER_H */
