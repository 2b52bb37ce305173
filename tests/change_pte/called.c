// SPDX-License-Identifier: GPL-2.0
/* The ->change_pte callback is also the driver's own helper: it stays. */
#include <linux/mmu_notifier.h>

static void cal_set_pte(struct mmu_notifier *mn, struct mm_struct *mm,
			unsigned long address, pte_t pte)
{
	pr_debug("%lx\n", address);
}

static const struct mmu_notifier_ops cal_ops = {
	.change_pte = cal_set_pte,
};

void cal_fault(struct mmu_notifier *mn, struct mm_struct *mm,
	       unsigned long address, pte_t pte)
{
	cal_set_pte(mn, mm, address, pte);
}

int cal_register(struct mmu_notifier *mn, struct mm_struct *mm)
{
	mn->ops = &cal_ops;
	return mmu_notifier_register(mn, mm);
}
