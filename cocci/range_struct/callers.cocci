// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/range_struct.cocci: the callers, the functions with
// old-API mmu_notifier_invalidate_range_start/end() calls.  One that has
// something called 'range' already is left, and said.  Changes nothing.
//
// Writes: callers (functions with old calls), refused.

// A function that already has something called 'range' is left alone.
@taken exists@
identifier f;
expression M, S, E;
@@
f(...) {
  ... when any
(
  mmu_notifier_invalidate_range_start(M, S, E)
|
  mmu_notifier_invalidate_range_start_nonblock(M, S, E)
|
  mmu_notifier_invalidate_range_end(M, S, E)
|
  mmu_notifier_invalidate_range_only_end(M, S, E)
)
  ... when any
}

@script:ocaml@
f << taken.f;
@@
Hashtbl.replace callers f ()

// (f is not inherited from taken: a rule inheriting a name is tried on every
// function of the file once for each name taken found)
@taken2@
identifier f : script:ocaml() { Hashtbl.mem callers f };
identifier r = range;
position q;
@@
f(...) { <+... r@q ...+> }

@script:ocaml@
f << taken2.f;
q << taken2.q;
@@
Hashtbl.replace refused f ();
say (List.hd q) f "left" ["range-taken"] "function already uses the name 'range': not converted"
