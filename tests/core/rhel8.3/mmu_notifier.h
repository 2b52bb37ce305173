/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test fixture (tests/core, see tests/run): a small file with the shape of
 * include/linux/mmu_notifier.h in RHEL 8.3 (4.18.0-240), a vendor hybrid:
 * the v4.18 void start/end callbacks and calls, ops.flags, and beside them
 * what was backported for the interval notifiers and the DRM backport:
 * struct mmu_notifier_range (flags and event, no vma, no range_init here:
 * mm/mmu_notifier.c keeps its own), the events up to RELEASE,
 * alloc_notifier/free_notifier in RH_KABI_USE slots, the aux struct of
 * struct mmu_notifier, get/put and the interval notifier.  Written for
 * the tests, not the real code.
 */
#ifndef _LINUX_MMU_NOTIFIER_H
#define _LINUX_MMU_NOTIFIER_H

#include <linux/list.h>
#include <linux/mm_types.h>
#include <linux/srcu.h>
#include <linux/interval_tree.h>
#include <linux/rh_kabi.h>

struct mmu_notifier;
struct mmu_notifier_ops;
struct mmu_interval_notifier;

/* ops.flags: the range callbacks never sleep */
#define MMU_INVALIDATE_DOES_NOT_BLOCK	(0x01)

/**
 * enum mmu_notifier_event - reason for the mmu notifier callback
 * @MMU_NOTIFY_UNMAP: munmap() or mremap() of the range
 * @MMU_NOTIFY_RELEASE: an interval notifier's mm goes away
 */
enum mmu_notifier_event {
	MMU_NOTIFY_UNMAP = 0,
	MMU_NOTIFY_CLEAR,
	MMU_NOTIFY_PROTECTION_VMA,
	MMU_NOTIFY_PROTECTION_PAGE,
	MMU_NOTIFY_SOFT_DIRTY,
	MMU_NOTIFY_RELEASE,
};

#define MMU_NOTIFIER_RANGE_BLOCKABLE (1 << 0)
struct mmu_notifier_range {
	struct mm_struct *mm;
	unsigned long start;
	unsigned long end;
	unsigned flags;
	enum mmu_notifier_event event;
};

struct mmu_notifier_ops {
	/* MMU_INVALIDATE_DOES_NOT_BLOCK or 0 */
	int flags;

	void (*release)(struct mmu_notifier *mn,
			struct mm_struct *mm);

	int (*clear_flush_young)(struct mmu_notifier *mn,
				 struct mm_struct *mm,
				 unsigned long start,
				 unsigned long end);

	/* bracket a change of the range's ptes; neither may fail */
	void (*invalidate_range_start)(struct mmu_notifier *mn,
				       struct mm_struct *mm,
				       unsigned long start, unsigned long end);
	void (*invalidate_range_end)(struct mmu_notifier *mn,
				     struct mm_struct *mm,
				     unsigned long start, unsigned long end);

	void (*invalidate_range)(struct mmu_notifier *mn, struct mm_struct *mm,
				 unsigned long start, unsigned long end);

	/* the get/put lifetime, in slots the kABI reserved */
	RH_KABI_USE(1, struct mmu_notifier *(*alloc_notifier)(struct mm_struct *mm))
	RH_KABI_USE(2, void (*free_notifier)(struct mmu_notifier *mn))
	RH_KABI_RESERVE(3)
	RH_KABI_RESERVE(4)
};

/* what get/put needs of a notifier, in an aux struct for the kABI */
struct mmu_notifier_rh {
	struct mm_struct *mm;
	struct rcu_head rcu;
	unsigned int users;
	struct mmu_notifier *back_ptr;
};

struct mmu_notifier {
	struct hlist_node hlist;
	const struct mmu_notifier_ops *ops;
	RH_KABI_USE_AUX_PTR(1, 2, mmu_notifier)
};

struct mmu_interval_notifier_ops {
	bool (*invalidate)(struct mmu_interval_notifier *mni,
			   const struct mmu_notifier_range *range,
			   unsigned long cur_seq);
};

struct mmu_interval_notifier {
	struct interval_tree_node interval_tree;
	const struct mmu_interval_notifier_ops *ops;
	struct mm_struct *mm;
	unsigned long invalidate_seq;
};

#ifdef CONFIG_MMU_NOTIFIER
static inline int mm_has_notifiers(struct mm_struct *mm)
{
	return unlikely(mm->mmu_notifier_mm);
}

struct mmu_notifier *mmu_notifier_get_locked(const struct mmu_notifier_ops *ops,
					     struct mm_struct *mm);
void mmu_notifier_put(struct mmu_notifier *mn);
void mmu_notifier_synchronize(void);

extern int mmu_notifier_register(struct mmu_notifier *mn,
				 struct mm_struct *mm);
extern void mmu_notifier_unregister(struct mmu_notifier *mn,
				    struct mm_struct *mm);
int mmu_interval_notifier_insert(struct mmu_interval_notifier *mni,
				 struct mm_struct *mm, unsigned long start,
				 unsigned long length,
				 const struct mmu_interval_notifier_ops *ops);

extern void __mmu_notifier_invalidate_range_start(struct mm_struct *mm,
				  unsigned long start, unsigned long end);
extern void __mmu_notifier_invalidate_range_end(struct mm_struct *mm,
				  unsigned long start, unsigned long end,
				  bool only_end);
extern bool mm_has_blockable_invalidate_notifiers(struct mm_struct *mm);

static inline void mmu_notifier_invalidate_range_start(struct mm_struct *mm,
				  unsigned long start, unsigned long end)
{
	lock_map_acquire(&__mmu_notifier_invalidate_range_start_map);
	if (mm_has_notifiers(mm))
		__mmu_notifier_invalidate_range_start(mm, start, end);
	lock_map_release(&__mmu_notifier_invalidate_range_start_map);
}

static inline void mmu_notifier_invalidate_range_end(struct mm_struct *mm,
				  unsigned long start, unsigned long end)
{
	if (mm_has_notifiers(mm))
		__mmu_notifier_invalidate_range_end(mm, start, end, false);
}

static inline void mmu_notifier_invalidate_range_only_end(struct mm_struct *mm,
				  unsigned long start, unsigned long end)
{
	if (mm_has_notifiers(mm))
		__mmu_notifier_invalidate_range_end(mm, start, end, true);
}

#else /* CONFIG_MMU_NOTIFIER */

static inline int mm_has_notifiers(struct mm_struct *mm)
{
	return 0;
}

static inline void mmu_notifier_invalidate_range_start(struct mm_struct *mm,
				  unsigned long start, unsigned long end)
{
}

static inline void mmu_notifier_invalidate_range_end(struct mm_struct *mm,
				  unsigned long start, unsigned long end)
{
}

static inline void mmu_notifier_invalidate_range_only_end(struct mm_struct *mm,
				  unsigned long start, unsigned long end)
{
}

static inline bool mm_has_blockable_invalidate_notifiers(struct mm_struct *mm)
{
	return false;
}

static inline void mmu_notifier_synchronize(void)
{
}

#endif /* CONFIG_MMU_NOTIFIER */

#endif /* _LINUX_MMU_NOTIFIER_H */
