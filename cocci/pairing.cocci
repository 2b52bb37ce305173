// SPDX-License-Identifier: GPL-2.0-only
/// pairing: every mmu_notifier_invalidate_range_start() on a range is ended
/// on the same range object on every path.
///
/// Run over the files range_struct converted (scripts/pairing), in report
/// mode only: it proves the pairs the conversion made, and finds the paths
/// the code already had where a start is never ended (a vendor backport
/// that returns between the two, say), which would leave a listener such
/// as KVM's mmu_notifier_count raised for good.  Two kinds of record
/// (cocci/lib/record.cocci; status reported, code unended or unstarted):
///   FILE:LINE: FUNCTION: unended: ...   a path from the start to the
///                                       function's return with no end
///   FILE:LINE: FUNCTION: unstarted: ... a path from the function's entry
///                                       to the end with no start on that
///                                       range, nor a call that is handed it
///                                       (a callee that starts it for its
///                                       caller, as follow_pte_pmd())
/// A start and an end under the same condition (if (C) start ... if (C)
/// end), or under a flag the start sets (if (!V) { V = E; start } ...
/// if (V) end), are taken to pair: the check does not follow C.  The
/// non-blocking start, which may fail, is not checked.
//
// Confidence: High
// Copyright: (C) 2026 The mmu-notifier-series authors.  GPLv2.
// Options: --macro-file-builtins <(cat standard.h cocci/builtins.h) --macro-file cocci/macros.h --no-includes --include-headers
// Keywords: mmu_notifier, invalidate_range_start, invalidate_range_end

virtual report

#include "lib/record.cocci"

// A pair under one condition.
@cond exists@
identifier f, x, V;
expression C, E;
position p, q;
@@
f(...) {
  ... when any
(
  if (C) mmu_notifier_invalidate_range_start@p(&x);
|
  if (C) { ... mmu_notifier_invalidate_range_start@p(&x); ... }
|
  if (!V) { ... V = E; ... mmu_notifier_invalidate_range_start@p(&x); ... }
)
  ... when any
(
  if (C) mmu_notifier_invalidate_range_end@q(&x);
|
  if (C) mmu_notifier_invalidate_range_only_end@q(&x);
|
  if (V) mmu_notifier_invalidate_range_end@q(&x);
|
  if (V) mmu_notifier_invalidate_range_only_end@q(&x);
)
  ... when any
}

@unended exists@
identifier f, x;
position p != cond.p;
position q;
@@
f(...) {
  ... when any
  mmu_notifier_invalidate_range_start@p(&x);
  ... when != mmu_notifier_invalidate_range_end(&x)
      when != mmu_notifier_invalidate_range_only_end(&x)
  return@q ...;
}

@script:ocaml depends on report@
f << unended.f;
p << unended.p;
q << unended.q;
@@
let p = List.hd p and q = List.hd q in
record p.Coccilib.file p.Coccilib.line f "reported" ["unended"]
  (Printf.sprintf "unended: the range started here is not ended on a path to the return at line %d"
     q.Coccilib.line)

@unstarted exists@
identifier f, x;
identifier g != mmu_notifier_range_init;
expression list A, B;
position q != cond.q;
@@
f(...) {
  ... when != mmu_notifier_invalidate_range_start(&x)
      when != mmu_notifier_invalidate_range_start_nonblock(&x)
      when != g(A, &x, B)
(
  mmu_notifier_invalidate_range_end@q(&x);
|
  mmu_notifier_invalidate_range_only_end@q(&x);
)
  ... when any
}

@script:ocaml depends on report@
f << unstarted.f;
q << unstarted.q;
@@
let q = List.hd q in
record q.Coccilib.file q.Coccilib.line f "reported" ["unstarted"]
  "unstarted: no start on this range reaches this end on some path: a range of its own, not the one the start saw"

// A range kept in an object (cocci/range_struct/object.cocci): the end
// takes P->fld, which the start's init set up.  Any other code of the file
// that sets the member, or takes its address, may hand the end another
// range than the start's.
@obj_end exists@
identifier f, fld;
expression P;
position q;
@@
f(...) {
  ... when any
(
  mmu_notifier_invalidate_range_end@q(&P->fld);
|
  mmu_notifier_invalidate_range_only_end@q(&P->fld);
)
  ... when any
}

@obj_ok@
identifier obj_end.fld;
expression P;
position p;
@@
(
  mmu_notifier_range_init(&P->fld@p, ...)
|
  mmu_notifier_invalidate_range_start(&P->fld@p)
|
  mmu_notifier_invalidate_range_end(&P->fld@p)
|
  mmu_notifier_invalidate_range_only_end(&P->fld@p)
)

@obj_set@
identifier obj_end.fld, x;
expression P, E;
assignment operator aop;
position p != obj_ok.p;
@@
(
  P->fld@p aop E
|
  P->fld.x@p aop E
|
  &P->fld@p
)

@script:ocaml depends on report@
f << obj_end.f;
fld << obj_end.fld;
q << obj_end.q;
p << obj_set.p;
@@
let q = List.hd q and p = List.hd p in
if p.Coccilib.file = q.Coccilib.file then
  record q.Coccilib.file q.Coccilib.line f "reported" ["unstarted"]
    (Printf.sprintf "unstarted: the range this end takes, member %s of an object, is also set at line %d: not only the one the start saw"
       fld p.Coccilib.line)
