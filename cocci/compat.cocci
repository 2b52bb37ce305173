// SPDX-License-Identifier: GPL-2.0-only
/// compat: an external module on the newest mmu_notifier API (after the
/// range_struct, event_tag and get_put steps) made to build on older kernels
/// too (make series M=DIR COMPAT=1).
///
/// Each invalidate_range_start/end callback of a struct mmu_notifier_ops
/// initialiser is named through MNC_START()/MNC_END(), which
/// mmu_notifier_compat.h defines as the callback itself on a kernel with
/// struct mmu_notifier_range and as an old-signature trampoline calling it
/// on one without; the young callbacks through MNC_YOUNG(), a trampoline
/// where the kernel wants the other return type.  The rule prints what
/// scripts/compat writes that header from, one record a line:
///   start FILE FN, end FILE FN    a callback that may need a trampoline
///   getput FILE OPS ALLOC FREE    ops with ->alloc_notifier/->free_notifier
///   stlb FILE FN                  ->arch_invalidate_secondary_tlbs (v6.6),
///                                 ->invalidate_range on older kernels
///   changepte FILE FN             ->change_pte, which v6.10 removed
///   young FILE MEMBER FN TYPE     a young callback and its return type
///   unserved FILE:LINE WHAT       a use of the API the layer does not supply
//
// Confidence: High.  Only initialisers of struct mmu_notifier_ops change.
// Copyright: (C) 2026 The mmu-notifier-series authors.  GPLv2.
// Options: --macro-file-builtins <(cat standard.h cocci/builtins.h) --macro-file cocci/macros.h --no-includes --include-headers

virtual patch
virtual report

@start@
identifier ops, fn;
position p;
@@
struct mmu_notifier_ops ops@p = { ..., .invalidate_range_start = fn, ... };

@script:ocaml@
fn << start.fn;
p << start.p;
@@
Printf.printf "start %s %s\n" (List.hd p).Coccilib.file fn

@end@
identifier ops, fn;
position p;
@@
struct mmu_notifier_ops ops@p = { ..., .invalidate_range_end = fn, ... };

@script:ocaml@
fn << end.fn;
p << end.p;
@@
Printf.printf "end %s %s\n" (List.hd p).Coccilib.file fn

@getput@
identifier ops, alloc, free;
position p;
@@
struct mmu_notifier_ops ops@p = { ...,
 .alloc_notifier = alloc, ..., .free_notifier = free, ... };

@script:ocaml@
ops << getput.ops;
alloc << getput.alloc;
free << getput.free;
p << getput.p;
@@
Printf.printf "getput %s %s %s %s\n" (List.hd p).Coccilib.file ops alloc free

// What the layer cannot supply: kernels before v5.2 do not say why a range
// is invalidated.  (mmu_notifier_range_init(), which changed its arguments
// twice, it supplies.)
@event@
struct mmu_notifier_range *r;
position p;
@@
r@p->event

@script:ocaml@
p << event.p;
@@
let p = List.hd p in
Printf.printf "unserved %s:%d range->event: kernels before v5.2 do not give the reason\n"
  p.Coccilib.file p.Coccilib.line

// ->arch_invalidate_secondary_tlbs (v6.6; cocci/secondary_tlbs.cocci gave
// the module that name): the layer names it ->invalidate_range before.
@stlb@
identifier I, fn;
position p;
@@
struct mmu_notifier_ops I@p = { ..., .arch_invalidate_secondary_tlbs = fn, ... };

@script:ocaml@
fn << stlb.fn;
p << stlb.p;
@@
Printf.printf "stlb %s %s\n" (List.hd p).Coccilib.file fn

// ->change_pte (gone in v6.10): the member and its callback stand under
// MNC_HAVE_CHANGE_PTE, which scripts/compat writes around them.
@changepte@
identifier I, fn;
position p;
@@
struct mmu_notifier_ops I@p = { ..., .change_pte = fn, ... };

@script:ocaml@
fn << changepte.fn;
p << changepte.p;
@@
Printf.printf "changepte %s %s\n" (List.hd p).Coccilib.file fn

// The young callbacks, whose return type (int, bool on a tree of the 2026
// review series) the layer bridges with a trampoline through MNC_YOUNG().
@young@
identifier I, fn;
identifier m =~ "^(clear_flush_young|clear_young|test_young)$";
position p;
@@
struct mmu_notifier_ops I@p = { ..., .m = fn, ... };

@youngtype@
identifier young.fn;
type T;
@@
T fn(...) { ... }

@script:ocaml@
fn << young.fn;
m << young.m;
t << youngtype.T;
p << young.p;
@@
Printf.printf "young %s %s %s %s\n" (List.hd p).Coccilib.file m fn t

// What the layer cannot supply: an owner in the range (v5.9, named owner
// from v5.14), which older kernels do not pass.
@owner@
struct mmu_notifier_range *r;
struct mmu_notifier_range s;
identifier f =~ "^(owner|migrate_pgmap_owner)$";
position p;
@@
(
r@p->f
|
s@p.f
|
mmu_notifier_range_init_owner@p(...)
|
mmu_notifier_range_init_migrate@p(...)
)

@script:ocaml@
p << owner.p;
@@
let p = List.hd p in
Printf.printf "unserved %s:%d the range's owner: kernels before v5.9 do not pass one\n"
  p.Coccilib.file p.Coccilib.line

// The rewrites come last: the records above name the files as given.
@depends on patch@
identifier start.ops, start.fn;
@@
struct mmu_notifier_ops ops = { ...,
 .invalidate_range_start =
- fn
+ MNC_START(fn)
 , ... };

@depends on patch@
identifier end.ops, end.fn;
@@
struct mmu_notifier_ops ops = { ...,
 .invalidate_range_end =
- fn
+ MNC_END(fn)
 , ... };

@depends on patch@
identifier young.I, young.m, young.fn;
type youngtype.T;
@@
struct mmu_notifier_ops I = { ...,
 .m =
- fn
+ MNC_YOUNG(fn)
 , ... };
