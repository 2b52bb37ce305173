// SPDX-License-Identifier: GPL-2.0-only
/// young: ->clear_flush_young, ->clear_young and ->test_young of struct
/// mmu_notifier_ops return bool on a tree that made them so (a series in
/// review in 2026); a module ported to such a tree gives its callbacks that
/// return type, their int results (0, or a count of young pages) then read
/// as "was any page young".  scripts/module runs it on a tree whose probe
/// says young: bool.
//
// Confidence: High.  Only the callbacks an ops initialiser names change.
// Copyright: (C) 2026 The mmu-notifier-series authors.  GPLv2.
// Options: --macro-file-builtins <(cat standard.h cocci/builtins.h) --macro-file cocci/macros.h --no-includes --include-headers

virtual patch

@ops@
identifier I, fn;
identifier m =~ "^(clear_flush_young|clear_young|test_young)$";
@@
struct mmu_notifier_ops I = { ..., .m = fn, ... };

@depends on patch@
identifier ops.fn;
parameter list P;
typedef bool;
@@
- int
+ bool
  fn(P) { ... }

@depends on patch@
identifier ops.fn;
parameter list P;
typedef bool;
@@
- int
+ bool
  fn(P);
