// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/range_struct.cocci: ->invalidate_page (gone in v4.13) in
// the ops of a module ported to a tree without it (-D no_invalidate_page:
// scripts/module, a plain port).  Since v4.13 the core brackets every
// page it used to pass to ->invalidate_page with invalidate_range_start()
// and invalidate_range_end() (upstream's "mm/mmu_notifier: kill
// invalidate_page callback" dropped the drivers' callbacks for that
// reason): ops that have either drop the member, and the callback goes
// when nothing else uses it.  Ops with neither are left: their pages
// would no longer reach them (scripts/module lists them).

@ipage_start depends on patch && no_invalidate_page@
identifier ops, fn;
@@
struct mmu_notifier_ops ops = { ..., .invalidate_range_start = fn, ... };

@ipage_end depends on patch && no_invalidate_page@
identifier ops, fn;
@@
struct mmu_notifier_ops ops = { ..., .invalidate_range_end = fn, ... };

@ipage depends on patch && (ipage_start || ipage_end)@
identifier ops, fp;
@@
struct mmu_notifier_ops ops = {
  ...,
- .invalidate_page = fp,
  ...
};

@ipage_used@
identifier ipage.fp;
position p;
@@
fp@p

@depends on patch && ipage && !ipage_used@
identifier ipage.fp;
type T;
@@
- T fp(...) { ... }
