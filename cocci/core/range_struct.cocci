// SPDX-License-Identifier: GPL-2.0-only
/// mm/mmu_notifier: use structure for invalidate_range_start/end (core)
///
/// The core half of the range_struct step, run on include/linux/mmu_notifier.h
/// and mm/mmu_notifier.c only: the tree's own declarations are rewritten, so
/// the rule fits every generation from v4.9 to v4.20 (void or int start,
/// with or without blockable, ->invalidate_page, ops.flags and
/// invalidate_range_only_end or not) without a text patch per tree.
///
///  - struct mmu_notifier_ops: the invalidate_range_start/end members take
///    (mn, const struct mmu_notifier_range *range);
///  - mmu_notifier_invalidate_range_{start,end,only_end,start_nonblock}()
///    and __mmu_notifier_invalidate_range_{start,end}(), declared or
///    defined, with or without CONFIG_MMU_NOTIFIER: (mm, start, end) become
///    one struct mmu_notifier_range *range, and the bodies read range->mm,
///    range->start, range->end; a blockable argument moves into the range
///    (range->blockable, set by the inline wrappers);
///  - the struct and mmu_notifier_range_init() are new code, put after the
///    forward declaration of struct mmu_notifier_ops (outside
///    CONFIG_MMU_NOTIFIER, so callers build either way): the fragment
///    patches/core/range_struct/range, or range-blockable when the
///    callbacks had a blockable argument or a vendor's compatibility
///    layer defined a range with one (its definition then goes: the core's
///    takes its place).
///
/// A declaration of the old API that none of these shapes matches is left
/// as it is; scripts/convert then finds the tree's API unchanged (probe) and
/// stops, naming what it found.
//
// Confidence: High
// Copyright: (C) 2026 The mmu-notifier-series authors.  GPLv2.
// Comments: the callers and callbacks are cocci/range_struct.cocci
// Options: --macro-file-builtins <(cat standard.h cocci/builtins.h) --macro-file cocci/macros.h --no-includes --include-headers
// Keywords: mmu_notifier, invalidate_range_start, invalidate_range_end

virtual patch

@initialize:ocaml@
@@
(* the core header, not a vendor's header of the same name *)
let core_header (p : Coccilib.pos list) =
  let f = (List.hd p).Coccilib.file in
  f = "include/linux/mmu_notifier.h" ||
  Filename.check_suffix f "/include/linux/mmu_notifier.h"

// The core has its range already: nothing to do.
@has_range depends on patch@
position p : script:ocaml () { core_header p };
@@
struct mmu_notifier_range@p {...};

// The callbacks had a blockable argument (v4.19, v4.20): the range carries it.
@blockable depends on patch@
typedef bool;
identifier mn, mm, s, e, b;
@@
struct mmu_notifier_ops {
	...
	int (*invalidate_range_start)(struct mmu_notifier *mn, struct mm_struct *mm,
				      unsigned long s, unsigned long e, bool b);
	...
};

// A vendor's compatibility layer (RHEL 8's DRM backport, given to the rule
// with the core files) defines its own range for the users it serves: with
// a blockable, those users read it.  That definition gives way to the
// core's, which then has the same fields.
@backport_blockable depends on patch@
typedef bool;
identifier b;
position p : script:ocaml () { not (core_header p) };
@@
struct mmu_notifier_range@p {
	...
	bool b;
	...
};

@backport_range depends on patch && !has_range@
position p : script:ocaml () { not (core_header p) };
@@
-struct mmu_notifier_range@p {...};

@new_code_blockable depends on patch && !has_range && (blockable || backport_blockable)@
@@
struct mmu_notifier_ops;
+/* mmu-notifier-series: range-blockable */

@new_code depends on patch && !has_range && !blockable && !backport_blockable@
@@
struct mmu_notifier_ops;
+/* mmu-notifier-series: range */

// A vendor hybrid (RHEL 8.3) has the range in its core already, for the
// code it backported (interval notifiers, the DRM backport), beside the
// old callbacks and calls; its mm/mmu_notifier.c builds the range with
// a static mmu_notifier_range_init() of the upstream v5.0 prototype.
// That helper moves, as it is, to the header after the struct, for every
// caller; any other helper there, or none, is a shape this rule does not
// know: it says so, and scripts/convert stops.
@hybrid_flags depends on patch && has_range@
position p : script:ocaml () { core_header p };
identifier fl = flags;
@@
struct mmu_notifier_range@p { ... unsigned fl; ... };

@hybrid_init depends on patch && has_range@
identifier r, mm, s, e;
position p : script:ocaml () { not (core_header p) };
@@
- static inline void mmu_notifier_range_init@p(struct mmu_notifier_range *r,
-	struct mm_struct *mm, unsigned long s, unsigned long e)
- {
-	memset(r, 0, sizeof(*r));
-	r->mm = mm;
-	r->start = s;
-	r->end = e;
- }

@hybrid_init_code depends on patch && hybrid_init@
position p : script:ocaml () { core_header p };
@@
struct mmu_notifier_range@p {...};
+/* mmu-notifier-series: range-init */

@header_init depends on patch && has_range@
position p : script:ocaml () { core_header p };
@@
mmu_notifier_range_init@p(...) {...}

@hybrid_init_other depends on patch && has_range@
position p : script:ocaml () { not (core_header p) };
@@
mmu_notifier_range_init@p(...) {...}

@script:ocaml@
p << hybrid_init_other.p;
@@
let q = List.hd p in
Printf.printf "%s:%d: mmu_notifier_range_init(): not the shape this rule moves to the header\n" q.Coccilib.file q.Coccilib.line

@script:ocaml depends on has_range && !hybrid_init && !header_init@
@@
print_endline "include/linux/mmu_notifier.h: struct mmu_notifier_range without an mmu_notifier_range_init() to move to the header"

// The start marks a range with flags blockable, as upstream's has since
// v5.2 and as the ranges the hybrid built itself were (drm_backport.c,
// the interval notifiers' release): no start there is non-blocking.
@hybrid_blockable depends on patch && hybrid_flags@
identifier F = mmu_notifier_invalidate_range_start;
identifier mm, s, e;
type T;
@@
T F(struct mm_struct *mm, unsigned long s, unsigned long e) {
<...
- __mmu_notifier_invalidate_range_start(mm, s, e);
+ range->flags |= MMU_NOTIFIER_RANGE_BLOCKABLE;
+ __mmu_notifier_invalidate_range_start(range);
...>
}

// __mmu_notifier_invalidate_range_start/end() built their own range from
// the bounds: they take the caller's, and the callbacks that read the old
// bounds from it take it whole.
@hybrid_local depends on patch && has_range@
identifier F =~ "^__mmu_notifier_invalidate_range_(start|end)$";
identifier mm, s, e, r;
type T;
@@
T F(struct mm_struct *mm, unsigned long s, unsigned long e, ...) {
  ...
- struct mmu_notifier_range r;
  ...
- mmu_notifier_range_init(&r, mm, s, e);
  ...
}

@hybrid_ref depends on patch && hybrid_local@
identifier F =~ "^__mmu_notifier_invalidate_range_(start|end)$";
identifier mm, s, e;
identifier hybrid_local.r;
type T;
@@
T F(struct mm_struct *mm, unsigned long s, unsigned long e, ...) {
<...
- &r
+ range
...>
}

@hybrid_calls depends on patch && has_range@
identifier member =~ "^invalidate_range_(start|end)$";
identifier fmm = mm, fs = start, fe = end;
expression E, N, R;
@@
E->member(N,
- R->fmm, R->fs, R->fe
+ R
 )

@ops_members depends on patch@
type T;
identifier mn, mm, member =~ "^invalidate_range_(start|end)$";
parameter list ps;
@@
struct mmu_notifier_ops {
	...
	T (*member)(struct mmu_notifier *mn,
-		struct mm_struct *mm, ps
+		const struct mmu_notifier_range *range
	);
	...
};

// __mmu_notifier_invalidate_range_start(mm, start, end, blockable): the
// flag is read from the range, the callbacks no longer take it.
@start_blockable_body depends on patch@
identifier F =~ "^__mmu_notifier_invalidate_range_start$";
identifier mm, s, e, b;
type T;
expression E, N;
@@
T F(struct mm_struct *mm, unsigned long s, unsigned long e
- , bool b
 ) {
<...
(
  E->invalidate_range_start(N, mm, s, e
- , b
  )
|
- b
+ range->blockable
)
...>
}

// The inline wrappers that pass blockable on set it in the range.
@wrapper_sets_blockable depends on patch@
identifier F =~ "^mmu_notifier_invalidate_range_(start|start_nonblock)$";
identifier mm, s, e;
type T;
expression B;
@@
T F(struct mm_struct *mm, unsigned long s, unsigned long e) {
<...
(
- __mmu_notifier_invalidate_range_start(mm, s, e, B);
+ range->blockable = B;
+ __mmu_notifier_invalidate_range_start(range);
|
- return __mmu_notifier_invalidate_range_start(mm, s, e, B);
+ range->blockable = B;
+ return __mmu_notifier_invalidate_range_start(range);
)
...>
}

// Every body: calls pass the range on, the parameters are read from it.
// F is the API's functions; the same regex stands in definition and
// prototype below (SmPL has no way to name it once).
@body depends on patch@
identifier F =~ "^(__)?mmu_notifier_invalidate_range_(start|end|only_end|start_nonblock)$";
identifier mm, s, e;
type T;
expression E, N;
@@
T F(struct mm_struct *mm, unsigned long s, unsigned long e, ...) {
<...
(
  E->invalidate_range_start(N,
- mm, s, e
+ range
  )
|
  E->invalidate_range_end(N,
- mm, s, e
+ range
  )
|
  __mmu_notifier_invalidate_range_end(
- mm, s, e
+ range
  , ...)
|
  __mmu_notifier_invalidate_range_start(
- mm, s, e
+ range
  )
|
- mm
+ range->mm
|
- s
+ range->start
|
- e
+ range->end
)
...>
}

// Then the headers of those functions, defined or declared.
@definition depends on patch@
identifier F =~ "^(__)?mmu_notifier_invalidate_range_(start|end|only_end|start_nonblock)$";
identifier mm, s, e;
type T;
@@
T F(
- struct mm_struct *mm, unsigned long s, unsigned long e
+ struct mmu_notifier_range *range
 , ...) {...}

@prototype_blockable depends on patch@
identifier F =~ "^__mmu_notifier_invalidate_range_start$";
identifier mm, s, e, b;
type T;
@@
T F(
- struct mm_struct *mm, unsigned long s, unsigned long e, bool b
+ struct mmu_notifier_range *range
 );

@prototype depends on patch@
identifier F =~ "^(__)?mmu_notifier_invalidate_range_(start|end|only_end|start_nonblock)$";
identifier mm, s, e;
type T;
@@
T F(
- struct mm_struct *mm, unsigned long s, unsigned long e
+ struct mmu_notifier_range *range
 , ...);
