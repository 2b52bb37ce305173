// SPDX-License-Identifier: GPL-2.0
/*
 * A shadow page table kept in step with the process, as a hypervisor-like
 * driver does: ->change_pte installs the new PTE directly.
 */
#include <linux/mmu_notifier.h>
#include <linux/spinlock.h>

struct shd {
	struct mmu_notifier mn;
	spinlock_t lock;
	unsigned long changes;
};

static void shd_change_pte(struct mmu_notifier *mn, struct mm_struct *mm,
			   unsigned long address, pte_t pte);

static void shd_invalidate_range(struct mmu_notifier *mn,
				 struct mm_struct *mm,
				 unsigned long start, unsigned long end)
{
	struct shd *s = container_of(mn, struct shd, mn);

	spin_lock(&s->lock);
	s->changes = 0;
	spin_unlock(&s->lock);
}

static const struct mmu_notifier_ops shd_ops = {
	.invalidate_range	= shd_invalidate_range,
	.change_pte		= shd_change_pte,
};

static void shd_change_pte(struct mmu_notifier *mn, struct mm_struct *mm,
			   unsigned long address, pte_t pte)
{
	struct shd *s = container_of(mn, struct shd, mn);

	spin_lock(&s->lock);
	s->changes++;
	spin_unlock(&s->lock);
}

int shd_register(struct shd *s, struct mm_struct *mm)
{
	s->mn.ops = &shd_ops;
	return mmu_notifier_register(&s->mn, mm);
}
