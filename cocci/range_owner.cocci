// SPDX-License-Identifier: GPL-2.0-only
/// range_owner: v5.14 renamed the range's migrate_pgmap_owner to owner
/// (6b49bf6ddb70 "mm: rename migrate_pgmap_owner") and replaced
/// mmu_notifier_range_init_migrate(), which always said MMU_NOTIFY_MIGRATE,
/// by mmu_notifier_range_init_owner(), which takes the event.  A module of
/// v5.9-v5.13 ported to a tree with range->owner reads and sets the new
/// name; the vma goes too where the tree's range_init has none
/// (cocci/range_init_novma.cocci, after this rule).  scripts/module runs it
/// on a tree whose probe says range_owner: owner.
//
// Confidence: High.  Only struct mmu_notifier_range members change.
// Copyright: (C) 2026 The mmu-notifier-series authors.  GPLv2.
// Options: --macro-file-builtins <(cat standard.h cocci/builtins.h) --macro-file cocci/macros.h --no-includes --include-headers

virtual patch

@depends on patch@
struct mmu_notifier_range *r;
struct mmu_notifier_range s;
@@
(
 r->
- migrate_pgmap_owner
+ owner
|
 s.
- migrate_pgmap_owner
+ owner
)

@depends on patch@
expression R, F, V, M, S, E, P;
@@
- mmu_notifier_range_init_migrate(R, F, V, M, S, E, P)
+ mmu_notifier_range_init_owner(R, MMU_NOTIFY_MIGRATE, F, V, M, S, E, P)
