// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/range_struct.cocci: locals that carry the bounds to the
// notifier, folded into the range.
//
// Before v5.0 a caller often kept the bounds of its invalidation in two
// locals (mmun_start/mmun_end, "For mmu_notifiers") and read them again
// after the start: flush_cache_range(), mmu_notifier_invalidate_range(),
// set_pmd_at().  Once the rules before this part have given the caller
//	ls = X1; le = X2; ... mmu_notifier_range_init(&range, M, ls, le);
// the range is where the bounds live, as upstream's ac46d4f3c432 has it:
// the init takes X1 and X2 (X2 with ls read as X1), every later use of the
// locals is range.start / range.end, and the locals go.  A call that only
// widens the bounds through their addresses right before the init
// (adjust_range_if_pmd_sharing_possible(vma, &ls, &le)) goes after the
// init and widens the range.
//
// Only when the range then holds what the locals held wherever they are
// used:
//  - the locals get their values once: both initialised where they are
//    declared and never assigned, or both assigned right before the init
//    (or before the if around it, or before the widening call) and nowhere
//    else;
//  - every other use of them is reached only through the init: a use
//    before it, or under if (C) when the init is under another if (C),
//    would read a range not set;
//  - only the widening call takes their address;
//  - nothing X1 or X2 (or M, if the init moves) is computed from is
//    written between the values and the init, on any path (a loop around
//    the init included);
//  - no old-API call left reads them (an end the rule did not convert).
// Where one fails the function is as before: the init takes the locals.
// (That a bound the locals were computed from moves after the init, as
// move_page_tables() walks old_addr, does not matter: the range keeps the
// bounds of the start, as the locals did.)
//
// This part finds the candidates and their values;
// range_struct/fold_check.cocci decides which are safe,
// range_struct/fold_apply.cocci rewrites them.
//
// Writes: fold_n (candidate -> its inits), fold_val (-> X1, X2),
// fold_moves, fold_early (uses allowed before the init), fold_decls,
// fold_bad (refused).  Reads: callers, refused (through converting_caller).

@initialize:ocaml@
@@
(* a candidate: (function, start local, end local) of an init
   mmu_notifier_range_init(&range, M, ls, le) *)
type fold_cand = string * string * string
let fold_n : (fold_cand, int) Hashtbl.t = Hashtbl.create 7
let fold_bad : (fold_cand, unit) Hashtbl.t = Hashtbl.create 7
(* the values: X1, X2 *)
let fold_val : (fold_cand, string * string) Hashtbl.t = Hashtbl.create 7
(* the init goes above the widening call *)
let fold_moves : (fold_cand, unit) Hashtbl.t = Hashtbl.create 7
(* (candidate, line, column) of uses that may come before the init: the
   declarations, the value assignments, the init's own arguments, the
   widening call's &ls and &le, ls in le's value *)
let fold_early : (fold_cand * int * int, unit) Hashtbl.t = Hashtbl.create 7
(* (function, local) -> its declarations (each seen once: the line and
   column of its name) *)
let fold_decls : (string * string, (int * int) list) Hashtbl.t = Hashtbl.create 7
(* the identifiers X1, X2 (and M if the init moves) are computed from *)
let fold_deps : (fold_cand, string list) Hashtbl.t = Hashtbl.create 7

let fold_pos c p = (c, (List.hd p).Coccilib.line, (List.hd p).Coccilib.col)
let fold_refuse c = Hashtbl.replace fold_bad c ()
let fold_is_ident e =
  Str.string_match (Str.regexp
    "[A-Za-z_][A-Za-z0-9_]*\\(\\(->\\|\\.\\)[A-Za-z_][A-Za-z0-9_]*\\)*$") e 0
(* the identifiers of an expression, field names included (a local of that
   name is then watched too: never less safe) *)
let fold_idents e =
  let r = Str.regexp "[A-Za-z_][A-Za-z0-9_]*" in
  let rec go i acc =
    match (try Some (Str.search_forward r e i) with Not_found -> None) with
    | None -> acc
    | Some j -> let w = Str.matched_string e in go (j + String.length w) (w :: acc) in
  go 0 []
let fold_deref e v = Str.string_match (Str.regexp (".*\\b" ^ v ^ " *->")) e 0
let fold_dep c v = List.mem v (try Hashtbl.find fold_deps c with Not_found -> [])
(* w is dereferenced in X1 or X2: a call given w may write what they read *)
let fold_derefd c w =
  match Hashtbl.find_opt fold_val c with
  | Some (x1, x2) -> fold_deref x1 w || fold_deref x2 w
  | None -> false
(* e with the local ls (not a field of that name) read as x *)
let fold_subst ls x e =
  let x = if fold_is_ident x then x else "(" ^ x ^ ")" in
  Str.global_substitute (Str.regexp ("\\(^\\|[^A-Za-z0-9_.>]\\)" ^ ls ^ "\\b"))
    (fun s -> Str.matched_group 1 s ^ x) e

// The facts are per file group (see range_struct/facts.cocci).
@script:ocaml@
@@
Hashtbl.reset fold_n; Hashtbl.reset fold_bad; Hashtbl.reset fold_val;
Hashtbl.reset fold_moves; Hashtbl.reset fold_early; Hashtbl.reset fold_decls;
Hashtbl.reset fold_deps

// An init on two locals.
@fcand depends on patch && taken exists@
identifier f : script:ocaml() { converting_caller f };
identifier ls, le;
expression M;
position pi, p1, p2;
symbol range;
@@
f(...) {
  ... when any
  mmu_notifier_range_init@pi(&range, M, ls@p1, le@p2);
  ... when any
}

@script:ocaml@
f << fcand.f;
ls << fcand.ls;
le << fcand.le;
p1 << fcand.p1;
p2 << fcand.p2;
@@
let c = (f, ls, le) in
let n = try Hashtbl.find fold_n c with Not_found -> 0 in
Hashtbl.replace fold_n c (n + 1);
if ls = le then fold_refuse c;
Hashtbl.replace fold_early (fold_pos c p1) ();
Hashtbl.replace fold_early (fold_pos c p2) ()

// Their declarations.
@fdecl exists@
identifier fcand.f;
identifier x : script:ocaml(fcand.ls, fcand.le) { x = ls || x = le };
type T;
expression E;
position pd;
@@
f(...) {
  ... when any
(
  T x@pd;
|
  T x@pd = E;
)
  ... when any
}

@script:ocaml@
f << fcand.f;
x << fdecl.x;
pd << fdecl.pd;
@@
let k = (f, x) and p = List.hd pd in
let l = try Hashtbl.find fold_decls k with Not_found -> [] in
let at = (p.Coccilib.line, p.Coccilib.col) in
if not (List.mem at l) then Hashtbl.replace fold_decls k (at :: l)

// A parameter of that name (a local of a block shadowing it): not folded.
@fparam exists@
identifier fcand.f;
identifier x : script:ocaml(fcand.ls, fcand.le) { x = ls || x = le };
type T;
@@
f(..., T x, ...) { ... }

@script:ocaml@
f << fcand.f;
ls << fcand.ls;
le << fcand.le;
x << fparam.x;
@@
ignore x; fold_refuse (f, ls, le)

// The widening call right before the init.
@fadj exists@
identifier fcand.f, fcand.ls, fcand.le;
expression fcand.M;
position fcand.pi, pa1, pa2;
identifier F;
expression list es;
symbol range;
@@
f(...) {
  ... when any
  F(es, &ls@pa1, &le@pa2);
  mmu_notifier_range_init@pi(&range, M, ls, le);
  ... when any
}

@script:ocaml@
f << fcand.f;
ls << fcand.ls;
le << fcand.le;
pa1 << fadj.pa1;
pa2 << fadj.pa2;
@@
let c = (f, ls, le) in
Hashtbl.replace fold_moves c ();
Hashtbl.replace fold_early (fold_pos c pa1) ();
Hashtbl.replace fold_early (fold_pos c pa2) ()

// The values: both declarations initialised ...
@fvald exists@
identifier fcand.f, fcand.ls, fcand.le;
type T1, T2;
expression X1, X2;
position pv1, pv2;
@@
f(...) {
  ... when any
  T1 ls@pv1 = X1;
  ... when any
  T2 le@pv2 = X2;
  ... when any
}

// ... or both assigned right before the init.
@fvala exists@
identifier fcand.f, fcand.ls, fcand.le;
expression fcand.M;
position fcand.pi;
expression X1, X2, C;
identifier F;
expression list es;
position pv1, pv2;
symbol range;
@@
f(...) {
  ... when any
  ls@pv1 = X1;
  le@pv2 = X2;
(
  mmu_notifier_range_init@pi(&range, M, ls, le);
|
  F(es, &ls, &le);
  mmu_notifier_range_init@pi(&range, M, ls, le);
|
  if (C) { mmu_notifier_range_init@pi(&range, M, ls, le); ... }
)
  ... when any
}

@script:ocaml@
f << fcand.f;
ls << fcand.ls;
le << fcand.le;
x1 << fvald.X1;
x2 << fvald.X2;
pv1 << fvald.pv1;
pv2 << fvald.pv2;
@@
let c = (f, ls, le) in
if Hashtbl.mem fold_val c then fold_refuse c
else Hashtbl.replace fold_val c (x1, x2);
Hashtbl.replace fold_early (fold_pos c pv1) ();
Hashtbl.replace fold_early (fold_pos c pv2) ()

@script:ocaml@
f << fcand.f;
ls << fcand.ls;
le << fcand.le;
x1 << fvala.X1;
x2 << fvala.X2;
pv1 << fvala.pv1;
pv2 << fvala.pv2;
@@
let c = (f, ls, le) in
if Hashtbl.mem fold_val c then fold_refuse c
else Hashtbl.replace fold_val c (x1, x2);
Hashtbl.replace fold_early (fold_pos c pv1) ();
Hashtbl.replace fold_early (fold_pos c pv2) ()

// ls read in le's value: it is read as X1
@fx2 exists@
identifier fcand.f, fcand.ls, fcand.le;
type T;
position p;
@@
f(...) {
  ... when any
(
  le = <+... ls@p ...+>;
|
  T le = <+... ls@p ...+>;
)
  ... when any
}

@script:ocaml@
f << fcand.f;
ls << fcand.ls;
le << fcand.le;
p << fx2.p;
@@
Hashtbl.replace fold_early (fold_pos (f, ls, le) p) ()
