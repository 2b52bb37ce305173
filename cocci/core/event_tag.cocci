// SPDX-License-Identifier: GPL-2.0-only
/// mm/mmu_notifier: contextual information for event triggering invalidation (core)
///
/// The core half of the event_tag step, run on include/linux/mmu_notifier.h
/// and mm/mmu_notifier.c of a tree that has struct mmu_notifier_range but
/// no enum mmu_notifier_event: upstream's v5.0-v5.1 layout (the range under
/// CONFIG_MMU_NOTIFIER, a smaller one, _mmu_notifier_range_init() and a
/// macro without it) and the one the range_struct step writes on older
/// trees (one range for both, with or without blockable) alike.
///
///  - The range and mmu_notifier_range_init() are written anew, once for
///    both CONFIG_MMU_NOTIFIER settings, after the forward declaration of
///    struct mmu_notifier_ops: vma, flags and event join mm, start and
///    end; init takes (range, event, flags, vma, mm, start, end).  The
///    tree's own definitions go, with their comments.  Before them: enum
///    mmu_notifier_event (patches/core/event_tag/events).
///  - Where the tree's range has a blockable (v4.19 on, or a vendor layer's
///    range on v4.18), MMU_NOTIFIER_RANGE_BLOCKABLE takes its place, read
///    through the new mmu_notifier_range_blockable() (".../range-blockable",
///    or ".../range-blockable-always" on a tree with no non-blocking
///    start); the start wrappers set or clear the flag, and where no start
///    can be non-blocking the plain start sets it.  Readers of
///    range->blockable in the core read the flag.
///  - Where it has none (v4.9-v4.18: no invalidation can be non-blocking)
///    there is no such flag: the range has flags, but none is defined
///    (".../range").
/// A tree that has the enum already is left alone.
//
// Confidence: High
// Copyright: (C) 2026 The mmu-notifier-series authors.  GPLv2.
// Comments: the callers are cocci/event_tag.cocci
// Options: --macro-file-builtins <(cat standard.h cocci/builtins.h) --macro-file cocci/macros.h --no-includes --include-headers
// Keywords: mmu_notifier, mmu_notifier_event, mmu_notifier_range_init

virtual patch

@has_events depends on patch@
@@
enum mmu_notifier_event {...};

// The tree can start a non-blocking invalidation (v4.19 and later).
@has_nonblock depends on patch@
@@
int mmu_notifier_invalidate_range_start_nonblock(...) {...}

// The range the tree has carries a blockable (v4.19 and later, or the
// range_struct step's range on a tree whose callbacks or vendor layer
// had one): it becomes the flag MMU_NOTIFIER_RANGE_BLOCKABLE.  Without
// one (v4.9-v4.18) no invalidation can be non-blocking, and nothing would
// set or read the flag: the range gets none.
@has_blockable depends on patch && !has_events@
type T;
@@
struct mmu_notifier_range { ... T blockable; ... };

@new_code_nonblock depends on patch && !has_events && has_blockable && has_nonblock@
@@
struct mmu_notifier_ops;
+/* mmu-notifier-series: events */
+/* mmu-notifier-series: range-blockable */

@new_code_blocking depends on patch && !has_events && has_blockable && !has_nonblock@
@@
struct mmu_notifier_ops;
+/* mmu-notifier-series: events */
+/* mmu-notifier-series: range-blockable-always */

@new_code depends on patch && !has_events && !has_blockable@
@@
struct mmu_notifier_ops;
+/* mmu-notifier-series: events */
+/* mmu-notifier-series: range */

// The tree's own range and its init, each setting of CONFIG_MMU_NOTIFIER.
@old_range depends on patch && !has_events@
@@
-struct mmu_notifier_range {...};

@old_init depends on patch && !has_events@
identifier init =~ "^_?mmu_notifier_range_init$";
@@
-void init(...) {...}

@old_init_macro depends on patch && !has_events@
identifier r, m, s, e;
@@
-#define mmu_notifier_range_init(r, m, s, e) _mmu_notifier_range_init(r, s, e)

@set_flag depends on patch && !has_events && has_blockable@
identifier r;
symbol true, false;
@@
(
- r->blockable = true;
+ r->flags |= MMU_NOTIFIER_RANGE_BLOCKABLE;
|
- r->blockable = false;
+ r->flags &= ~MMU_NOTIFIER_RANGE_BLOCKABLE;
)

@read_flag depends on patch && !has_events && has_blockable@
expression R;
@@
- R->blockable
+ mmu_notifier_range_blockable(R)

// A range with the flag but no non-blocking start: every start may block.
@start_blocks depends on patch && !has_events && has_blockable && !has_nonblock@
identifier r;
@@
 void mmu_notifier_invalidate_range_start(struct mmu_notifier_range *r)
 {
	<...
-	__mmu_notifier_invalidate_range_start(r);
+	r->flags |= MMU_NOTIFIER_RANGE_BLOCKABLE;
+	__mmu_notifier_invalidate_range_start(r);
	...>
 }
