// SPDX-License-Identifier: GPL-2.0-only
/// compat: an external module on the newest mmu_notifier API (after the
/// range_struct, event_tag and get_put steps) made to build on older kernels
/// too (make series M=DIR COMPAT=1).
///
/// Each invalidate_range_start/end callback of a struct mmu_notifier_ops
/// initialiser is named through MNC_START()/MNC_END(), which
/// mmu_notifier_compat.h defines as the callback itself on a kernel with
/// struct mmu_notifier_range and as an old-signature trampoline calling it
/// on one without.  The rule prints what scripts/compat writes that header
/// from, one record a line:
///   start FILE FN, end FILE FN    a callback that may need a trampoline
///   getput FILE OPS ALLOC FREE    ops with ->alloc_notifier/->free_notifier
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

// ->invalidate_range is ->arch_invalidate_secondary_tlbs from v6.6 on: the
// layer does not name it for both.
@stlb@
identifier I, fn;
position p;
@@
struct mmu_notifier_ops I@p = { ..., .invalidate_range = fn, ... };

@script:ocaml@
p << stlb.p;
@@
let p = List.hd p in
Printf.printf "unserved %s:%d .invalidate_range: ->arch_invalidate_secondary_tlbs from v6.6 on; the layer does not name it for both\n"
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
