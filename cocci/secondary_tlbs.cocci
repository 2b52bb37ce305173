// SPDX-License-Identifier: GPL-2.0-only
/// secondary_tlbs: ->invalidate_range of struct mmu_notifier_ops is
/// ->arch_invalidate_secondary_tlbs from v6.6 on (1af5a8109904
/// "mmu_notifiers: rename invalidate_range notifier"): a module ported to
/// such a tree names its callback there.  The callback is now called from
/// the TLB flush, where it must not sleep: one that can (a mutex or
/// rw_semaphore taken, a GFP_KERNEL allocation, a wait, a schedule) is
/// reported, with the call, as a record (cocci/lib/record.cocci; status
/// reported, codes sleeps and call=NAME) "FILE:LINE: FN: sleeps: ...".
/// scripts/module runs it on a tree whose probe says secondary_tlbs: yes,
/// and with COMPAT=1 (the layer names the member ->invalidate_range on the
/// kernels before v6.6).
//
// Confidence: High for the rename; the sleep check sees the callback's own
// body, not its callees.
// Copyright: (C) 2026 The mmu-notifier-series authors.  GPLv2.
// Options: --macro-file-builtins <(cat standard.h cocci/builtins.h) --macro-file cocci/macros.h --no-includes --include-headers

virtual patch
virtual report

#include "lib/record.cocci"

@ops@
identifier I, fn;
@@
struct mmu_notifier_ops I = { ..., .invalidate_range = fn, ... };

@depends on patch@
identifier ops.I, ops.fn;
@@
struct mmu_notifier_ops I = {
  ...,
- .invalidate_range = fn,
+ .arch_invalidate_secondary_tlbs = fn,
  ...
};

@sleeps exists@
identifier ops.fn;
identifier call =~ "^(mutex_lock|mutex_lock_interruptible|mutex_lock_killable|down|down_read|down_write|down_interruptible|mmap_read_lock|mmap_write_lock|wait_event|wait_event_interruptible|wait_event_timeout|wait_for_completion|wait_for_completion_timeout|schedule|schedule_timeout|msleep|usleep_range|cond_resched|might_sleep|synchronize_rcu|synchronize_srcu|flush_work|flush_workqueue|cancel_work_sync)$";
position p;
@@
fn(...) {
  ... when any
  call@p(...)
  ... when any
}

@script:ocaml@
fn << ops.fn;
call << sleeps.call;
p << sleeps.p;
@@
let p = List.hd p in
record p.Coccilib.file p.Coccilib.line fn "reported" ["sleeps"; "call=" ^ call]
  (Printf.sprintf "sleeps: %s() in ->arch_invalidate_secondary_tlbs, which the TLB flush calls where it must not sleep" call)

@gfp exists@
identifier ops.fn;
identifier alloc;
expression list A;
position p;
@@
fn(...) {
  ... when any
  alloc@p(A, GFP_KERNEL)
  ... when any
}

@script:ocaml@
fn << ops.fn;
alloc << gfp.alloc;
p << gfp.p;
@@
let p = List.hd p in
record p.Coccilib.file p.Coccilib.line fn "reported" ["sleeps"; "call=" ^ alloc]
  (Printf.sprintf "sleeps: %s(..., GFP_KERNEL) in ->arch_invalidate_secondary_tlbs, which the TLB flush calls where it must not sleep" alloc)
