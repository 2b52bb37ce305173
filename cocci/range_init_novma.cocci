// SPDX-License-Identifier: GPL-2.0-only
/// range_init_novma: mmu_notifier_range_init() of v5.2-v6.2 takes the vma
/// the range lies in; v6.3 dropped it (the range never needed it), so a
/// module ported to a tree of v6.3 or later calls
/// mmu_notifier_range_init(range, event, flags, mm, start, end), and
/// mmu_notifier_range_init_owner() the same way, its owner last.
/// scripts/module runs it after event_tag (which writes the v5.2 form) and
/// range_owner on a tree whose probe says range_init_vma: no.
//
// Confidence: High.  Seven arguments (eight with the owner) are the
// v5.2-v6.2 form only.
// Copyright: (C) 2026 The mmu-notifier-series authors.  GPLv2.
// Options: --macro-file-builtins <(cat standard.h cocci/builtins.h) --macro-file cocci/macros.h --no-includes --include-headers

virtual patch

@depends on patch@
expression R, E, F, V, M, S, N;
@@
 mmu_notifier_range_init(R, E, F,
- V,
  M, S, N)

@depends on patch@
expression R, E, F, V, M, S, N, O;
@@
 mmu_notifier_range_init_owner(R, E, F,
- V,
  M, S, N, O)
