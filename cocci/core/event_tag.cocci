/// mm/mmu_notifier: contextual information for event triggering invalidation (core)
///
/// The core half of the event_tag step, run on include/linux/mmu_notifier.h
/// and mm/mmu_notifier.c of a tree that has struct mmu_notifier_range but
/// no enum mmu_notifier_event: upstream's v5.0-v5.1 layout (the struct
/// under CONFIG_MMU_NOTIFIER, a smaller one and a macro without it) and
/// the one the range_struct step writes on older trees (one struct for
/// both, with or without blockable) alike.
///
///  - enum mmu_notifier_event and MMU_NOTIFIER_RANGE_BLOCKABLE are new
///    code, put after the forward declaration of struct mmu_notifier_ops
///    (patches/core/event_tag/events);
///  - the range gains vma, flags and event; a bool blockable gives way to
///    the MMU_NOTIFIER_RANGE_BLOCKABLE flag, read through the new
///    mmu_notifier_range_blockable() (patches/core/event_tag/blockable,
///    put after the struct);
///  - mmu_notifier_range_init() takes (range, event, flags, vma, mm, start,
///    end), and so does the !CONFIG_MMU_NOTIFIER macro where there is one;
///  - the start wrappers set or clear the flag; on a tree whose start could
///    never be non-blocking the plain start sets it, so every range there
///    is blockable, as it was.
//
// Confidence: High
// Copyright: (C) 2026 The mmu-notifier-series authors.  GPLv2.
// Comments: the callers are cocci/event_tag.cocci
// Options: --no-includes --include-headers --macro-file cocci/macros.h
// Keywords: mmu_notifier, mmu_notifier_event, mmu_notifier_range_init

virtual patch

// The tree can start a non-blocking invalidation (v4.19 and later).
@has_nonblock depends on patch@
@@
int mmu_notifier_invalidate_range_start_nonblock(...) {...}

@new_enum depends on patch@
@@
struct mmu_notifier_ops;
+/* mmu-notifier-series: events */

// The full struct (the one with the mm): its new fields.
@blockable_field depends on patch@
typedef bool;
identifier b;
@@
struct mmu_notifier_range {
+	struct vm_area_struct *vma;
	struct mm_struct *mm;
	unsigned long start;
	unsigned long end;
-	bool b;
+	unsigned int flags;
+	enum mmu_notifier_event event;
};
+/* mmu-notifier-series: blockable */

@no_blockable_field depends on patch && !blockable_field@
@@
struct mmu_notifier_range {
+	struct vm_area_struct *vma;
	struct mm_struct *mm;
	unsigned long start;
	unsigned long end;
+	unsigned int flags;
+	enum mmu_notifier_event event;
};
+/* mmu-notifier-series: blockable */

@init depends on patch@
identifier r, m, s, e;
@@
 void mmu_notifier_range_init(struct mmu_notifier_range *r,
+				enum mmu_notifier_event event,
+				unsigned int flags,
+				struct vm_area_struct *vma,
				struct mm_struct *m, unsigned long s, unsigned long e)
 {
+	r->vma = vma;
+	r->event = event;
	r->mm = m;
	r->start = s;
	r->end = e;
 ...
+	r->flags = flags;
 }

@init_blockable depends on patch@
identifier r;
symbol true;
@@
 void mmu_notifier_range_init(struct mmu_notifier_range *r, ...)
 {
	...
-	r->blockable = true;
	...
 }

// !CONFIG_MMU_NOTIFIER in upstream's layout: the macro drops the new
// arguments as it drops the mm.
@init_macro depends on patch@
identifier r, m, s, e;
@@
-#define mmu_notifier_range_init(r, m, s, e) _mmu_notifier_range_init(r, s, e)
+#define mmu_notifier_range_init(r, event, flags, vma, m, s, e) _mmu_notifier_range_init(r, s, e)

@set_flag depends on patch@
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

@read_flag depends on patch@
expression R;
@@
- R->blockable
+ mmu_notifier_range_blockable(R)

// No non-blocking start in this tree: every start may block.
@start_blocks depends on patch && !has_nonblock@
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
