/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The parts of the mmu_notifier API of Linux 5.4+ that this module uses,
 * for kernels that lack them.  mmu_notifier_compat.mk tests the kernel and
 * defines MNC_HAVE_<FEATURE> for what it has; each piece below stands in
 * for the upstream commit it names.  Written by mmu-notifier-series
 * (make series M=... COMPAT=1).
 */
#ifndef MMU_NOTIFIER_COMPAT_H
#define MMU_NOTIFIER_COMPAT_H

#include <linux/mmu_notifier.h>
