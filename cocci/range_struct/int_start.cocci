// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/range_struct.cocci: a start callback of v4.9-v4.18, which
// returns void, where the tree's returns int (-D int_start: scripts/module
// porting a module to v4.19 or later).  It returns 0: it never refused to
// block before, and does not now.
//
// Reads: cbs, params, refused.

@int_cb depends on patch && int_start@
identifier f : script:ocaml() { converting f && Hashtbl.find_opt cbs f = Some "start" };
@@
- void
+ int
  f(...) { ... }

@depends on patch && int_start@
identifier int_cb.f;
@@
f(...) {
  <...
- return;
+ return 0;
  ...>
}

// (and where it falls off its end)
@depends on patch && int_start exists@
identifier int_cb.f;
@@
f(...) {
  ... when != return ...;
+ return 0;
}
