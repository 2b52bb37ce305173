/* SPDX-License-Identifier: GPL-2.0 */
#ifndef MNL_H
#define MNL_H
#include <linux/mmu_notifier.h>

struct mnl {
	struct mmu_notifier mn;
	unsigned long hits;
};

int mnl_attach(struct mnl *m, struct mm_struct *mm);
#endif
