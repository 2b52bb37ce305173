// SPDX-License-Identifier: GPL-2.0-only
/// mm/mmu_notifiers: add a get/put scheme for the registration (core)
///
/// The core half of the get_put step, run on include/linux/mmu_notifier.h
/// and mm/mmu_notifier.c of a tree without mmu_notifier_get() (v4.9-v5.3).
/// The change is additive, so the rule only says where the new code goes
/// in the tree's own layout; the code is patches/core/get_put/:
///
///  - struct mmu_notifier_ops gains .alloc_notifier and .free_notifier,
///    after .invalidate_range (fragment "ops");
///  - struct mmu_notifier gains the mm it is registered on, an rcu_head for
///    the deferred free and a count of users; registration sets the first
///    two before the notifier is put on the mm's list;
///  - mmu_notifier_get_locked(), mmu_notifier_get() and mmu_notifier_put()
///    are declared after mm_has_notifiers() and defined after
///    __mmu_notifier_register() ("get_put.h", "get_put.c");
///  - mmu_notifier_synchronize(), which waits for the frees that
///    mmu_notifier_put() queued, is kept where the tree has it (v4.9-v5.2)
///    and added where it does not (v5.3: "synchronize.h", "synchronize.c");
///    !CONFIG_MMU_NOTIFIER gets an empty one ("synchronize-stub.h").
/// A tree that has get/put already is left alone.
//
// Confidence: High
// Copyright: (C) 2026 The mmu-notifier-series authors.  GPLv2.
// Comments: the drivers are cocci/get_put.cocci
// Options: --macro-file-builtins <(cat standard.h cocci/builtins.h) --macro-file cocci/macros.h --no-includes --include-headers
// Keywords: mmu_notifier, mmu_notifier_get, mmu_notifier_put

virtual patch

// The core has get/put already: nothing to do.  (Its mmu_notifier_put() as
// well as the ops member: RHEL 8.3 has the member in a kABI macro, which
// spatch passes over.)
@has_get_put depends on patch@
identifier mn;
@@
(
struct mmu_notifier_ops {
	...
	struct mmu_notifier *(*alloc_notifier)(...);
	...
};
|
void mmu_notifier_put(struct mmu_notifier *mn);
)

@has_synchronize depends on patch@
@@
void mmu_notifier_synchronize(void) {...}

@ops depends on patch && !has_get_put@
@@
struct mmu_notifier_ops {
	...
	void (*invalidate_range)(...);
+	/* mmu-notifier-series: ops */
	...
};

@fields depends on patch && !has_get_put@
@@
struct mmu_notifier {
	...
	const struct mmu_notifier_ops *ops;
+	struct mm_struct *mm;
+	struct rcu_head rcu;
+	unsigned int users;
};

// The registration, whatever its helper is called: the notifier knows its
// mm and has one user before it is on the mm's list.
@registration depends on patch && !has_get_put@
identifier f, mn, mm;
expression L;
@@
int f(struct mmu_notifier *mn, struct mm_struct *mm, ...) {
	...
+	mn->mm = mm;
+	mn->users = 1;
	spin_lock(L);
	\(hlist_add_head\|hlist_add_head_rcu\)(&mn->hlist, ...);
	...
}

@declarations depends on patch && !has_get_put && has_synchronize@
identifier mm;
@@
 int mm_has_notifiers(struct mm_struct *mm)
 {
	return unlikely(mm->mmu_notifier_mm);
 }
+/* mmu-notifier-series: get_put.h */

@declarations_synchronize depends on patch && !has_get_put && !has_synchronize@
identifier mm;
@@
 int mm_has_notifiers(struct mm_struct *mm)
 {
	return unlikely(mm->mmu_notifier_mm);
 }
+/* mmu-notifier-series: get_put.h */
+/* mmu-notifier-series: synchronize.h */

@stub depends on patch && !has_get_put@
identifier mm;
@@
 int mm_has_notifiers(struct mm_struct *mm)
 {
	return 0;
 }
+/* mmu-notifier-series: synchronize-stub.h */

@definitions depends on patch && !has_get_put && has_synchronize@
declarer name EXPORT_SYMBOL_GPL;
identifier f = __mmu_notifier_register;
@@
EXPORT_SYMBOL_GPL(f);
+/* mmu-notifier-series: get_put.c */

@definitions_synchronize depends on patch && !has_get_put && !has_synchronize@
declarer name EXPORT_SYMBOL_GPL;
identifier f = __mmu_notifier_register;
@@
EXPORT_SYMBOL_GPL(f);
+/* mmu-notifier-series: get_put.c */
+/* mmu-notifier-series: synchronize.c */
