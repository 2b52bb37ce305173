// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/range_struct.cocci: the callbacks' bodies.  A parameter
// the callback writes becomes a local copy initialised from the range;
// every other use of a parameter reads the range (range->mm, ->start,
// ->end, ->blockable).
//
// Reads: params, written, refused, pname.  Writes nothing.

// Parameters the callback writes: a local copy, first thing in the body.
@cb2 depends on cb@
identifier f : script:ocaml() { converting f };
@@
f(...) { ... }

@script:ocaml pn2@
f << cb2.f;
rn;
@@
rn := make_ident (param_name f)

// (one rule a field, the last first: each puts its line above the others)

@wcopy_blockable@
identifier cb2.f;
identifier x : script:ocaml(f) { copied f x "blockable" };
@@
f(...) { <+... x ...+> }

@depends on patch@
identifier cb2.f, wcopy_blockable.x, pn2.rn;
@@
f(...) {
+ bool x = rn->blockable;
  ...
}

@wcopy_end@
identifier cb2.f;
identifier x : script:ocaml(f) { copied f x "end" };
@@
f(...) { <+... x ...+> }

@depends on patch@
identifier cb2.f, wcopy_end.x, pn2.rn;
@@
f(...) {
+ unsigned long x = rn->end;
  ...
}

@wcopy_start@
identifier cb2.f;
identifier x : script:ocaml(f) { copied f x "start" };
@@
f(...) { <+... x ...+> }

@depends on patch@
identifier cb2.f, wcopy_start.x, pn2.rn;
@@
f(...) {
+ unsigned long x = rn->start;
  ...
}

@wcopy_mm@
identifier cb2.f;
identifier x : script:ocaml(f) { copied f x "mm" };
@@
f(...) { <+... x ...+> }

@depends on patch@
identifier cb2.f, wcopy_mm.x, pn2.rn;
@@
f(...) {
+ struct mm_struct *x = rn->mm;
  ...
}

// Every other use of a parameter reads the range.
@use exists@
identifier cb2.f;
identifier x : script:ocaml(f) { is_param f x && not (Hashtbl.mem written (f, x)) };
position p;
@@
f(...) {
  ... when any
  x@p
  ... when any
}

@script:ocaml ufld@
f << cb2.f;
x << use.x;
fld;
rn;
@@
fld := make_ident (field f x);
rn := make_ident (param_name f)

@depends on patch@
identifier use.x, ufld.fld, ufld.rn;
position use.p;
@@
- x@p
+ rn->fld
