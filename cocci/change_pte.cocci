// SPDX-License-Identifier: GPL-2.0-only
/// change_pte: ->change_pte left struct mmu_notifier_ops in v6.10
/// (997308f9ae72 "mmu_notifier: remove the .change_pte() callback"): a
/// module ported to such a tree loses the member, and the callback with it
/// when nothing else calls it.  What the module loses is said once a
/// callback, as a record (cocci/lib/record.cocci; status converted, code
/// dropped) "FILE:LINE: FN: dropped: ...": since v5.x the core calls
/// ->change_pte only between the invalidate_range_start() and _end() of
/// the same range, so the secondary mapping is already gone when it comes;
/// the driver is no longer handed the new PTE of a page changed in place
/// (a KSM merge, a copy on write) and faults it back in instead.
/// scripts/module runs it on a tree whose probe says change_pte: no.
//
// Confidence: High.  A callback still called elsewhere in the file stays.
// Copyright: (C) 2026 The mmu-notifier-series authors.  GPLv2.
// Options: --macro-file-builtins <(cat standard.h cocci/builtins.h) --macro-file cocci/macros.h --no-includes --include-headers

virtual patch
virtual report

#include "lib/record.cocci"

@ops@
identifier I, fn;
position p;
@@
struct mmu_notifier_ops I = { ..., .change_pte = fn@p, ... };

@script:ocaml@
fn << ops.fn;
p << ops.p;
@@
let p = List.hd p in
record p.Coccilib.file p.Coccilib.line fn "converted" ["dropped"]
  "dropped: ->change_pte is gone since v6.10 (997308f9ae72); the secondary mapping is invalidated by invalidate_range_start/end around the change and faulted back in, no longer handed the new PTE"

@depends on patch@
identifier ops.I, ops.fn;
@@
struct mmu_notifier_ops I = {
  ...,
- .change_pte = fn,
  ...
};

// Another use of the callback (a call, its address taken, another
// initialiser): it stays.
@used depends on patch@
identifier ops.fn;
@@
 fn

@depends on patch && !used@
identifier ops.fn;
@@
- fn(...) { ... }

@depends on patch && !used@
identifier ops.fn;
type T;
@@
- T fn(...);
