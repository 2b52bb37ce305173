// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/range_struct.cocci: which candidates of
// range_struct/fold.cocci are safe to fold (the conditions are listed
// there): every use of the locals that may come before the init, every
// write and address taken, an old-API call left on them, and a write
// between the values and the init to what the values are computed from
// refuse the candidate.  The verdict, fold_ok, binds the init's new
// arguments y1, y2 for range_struct/fold_apply.cocci.  Changes nothing.
//
// Reads: fold_val, fold_moves, fold_early, fold_decls, fold_n.  Writes:
// fold_deps (what the values are computed from), fold_bad.

// Every use of the locals, ...
@fuse exists@
identifier fcand.f;
identifier x : script:ocaml(fcand.ls, fcand.le) { x = ls || x = le };
position q;
@@
f(...) {
  ... when any
  x@q
  ... when any
}

// ... those that a path from the entry reaches without the init, ...
@fundom exists@
identifier fcand.f, fcand.ls, fcand.le, fuse.x;
expression fcand.M;
position fuse.q, q2;
symbol range;
@@
f(...) {
  ... when != mmu_notifier_range_init(&range, M, ls, le);
  x@q@q2
  ... when any
}

@script:ocaml@
f << fcand.f;
ls << fcand.ls;
le << fcand.le;
q << fundom.q2;
@@
let c = (f, ls, le) in
if not (Hashtbl.mem fold_early (fold_pos c q)) then fold_refuse c

// ... the writes (one assignment each, the value's, is allowed) ...
@fwrite exists@
identifier fcand.f;
identifier x : script:ocaml(fcand.ls, fcand.le) { x = ls || x = le };
expression E;
assignment operator aop;
position q;
@@
f(...) {
  ... when any
(
  x@q aop E
|
  x@q++
|
  x@q--
|
  ++x@q
|
  --x@q
)
  ... when any
}

@script:ocaml@
f << fcand.f;
ls << fcand.ls;
le << fcand.le;
q << fwrite.q;
@@
let c = (f, ls, le) in
if not (Hashtbl.mem fold_early (fold_pos c q)) then fold_refuse c

// ... and the addresses taken (the widening call's are allowed).
@faddr exists@
identifier fcand.f;
identifier x : script:ocaml(fcand.ls, fcand.le) { x = ls || x = le };
position q;
@@
f(...) {
  ... when any
  &x@q
  ... when any
}

@script:ocaml@
f << fcand.f;
ls << fcand.ls;
le << fcand.le;
q << faddr.q;
@@
let c = (f, ls, le) in
if not (Hashtbl.mem fold_early (fold_pos c q)) then fold_refuse c

// An old-API call left on them.
@fold_old exists@
identifier fcand.f;
identifier F =~ "^mmu_notifier_invalidate_range_\(start\|start_nonblock\|end\|only_end\)$";
identifier x : script:ocaml(fcand.ls, fcand.le) { x = ls || x = le };
@@
f(...) {
  ... when any
  F(..., <+... x ...+>, ...)
  ... when any
}

@script:ocaml@
f << fcand.f;
ls << fcand.ls;
le << fcand.le;
x << fold_old.x;
@@
ignore x; fold_refuse (f, ls, le)

// What the values are computed from.
@script:ocaml@
f << fcand.f;
ls << fcand.ls;
le << fcand.le;
m << fcand.M;
@@
let c = (f, ls, le) in
match Hashtbl.find_opt fold_val c with
| None -> ()
| Some (x1, x2) ->
  let m = if Hashtbl.mem fold_moves c then fold_idents m else [] in
  let ds = List.filter (fun v -> v <> ls && v <> le) (List.concat [fold_idents x1; fold_idents x2; m]) in
  Hashtbl.replace fold_deps c ds

// Written between the values and the init: through a path from the
// value of ls (the first) to the init.
@fmoved exists@
identifier fcand.f, fcand.ls, fcand.le;
expression fcand.M;
position fcand.pi;
identifier v : script:ocaml(f, ls, le) { fold_dep (f, ls, le) v };
identifier w : script:ocaml(f, ls, le) { fold_derefd (f, ls, le) w };
identifier fld, G;
expression E, E1;
assignment operator aop;
type T;
position p;
symbol range;
@@
f(...) {
  ... when any
(
  T ls = E1;
|
  ls = E1;
)
  ... when any
(
  v@p aop E
|
  v@p++
|
  v@p--
|
  ++v@p
|
  --v@p
|
  &v@p
|
  v@p->fld aop E
|
  v@p->fld++
|
  v@p->fld--
|
  ++v@p->fld
|
  --v@p->fld
|
  G(..., w@p, ...)
)
  ... when any
  mmu_notifier_range_init@pi(&range, M, ls, le);
  ... when any
}

@script:ocaml@
f << fcand.f;
ls << fcand.ls;
le << fcand.le;
p << fmoved.p;
@@
ignore p; fold_refuse (f, ls, le)

// The verdict.  (An init with no values found, or more than one init on
// the two locals, or a local declared twice: not folded.)
@script:ocaml fold_ok@
f << fcand.f;
ls << fcand.ls;
le << fcand.le;
y1;
y2;
@@
let c = (f, ls, le) in
let decls x = List.length (try Hashtbl.find fold_decls (f, x) with Not_found -> []) in
match Hashtbl.find_opt fold_val c with
| Some (x1, x2) when not (Hashtbl.mem fold_bad c) && Hashtbl.find fold_n c = 1
    && decls ls = 1 && decls le = 1
    && not (List.mem ls (fold_idents x1)) && not (List.mem le (fold_idents x1))
    && not (List.mem le (fold_idents x2)) ->
  y1 := make_expr x1;
  y2 := make_expr (fold_subst ls x1 x2)
| _ -> Coccilib.include_match false
