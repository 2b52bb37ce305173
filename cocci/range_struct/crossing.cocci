// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/range_struct.cocci: a range that crosses a function
// boundary.
//
// A function that fires the start on bounds it returns through two
// pointer parameters, for its caller to fire the end:
//
//	static int __follow_pte_pmd(..., unsigned long *start, unsigned long *end, ...)
//	{	...
//		*start = address & PMD_MASK;
//		*end = *start + PMD_SIZE;
//		mmu_notifier_invalidate_range_start(mm, *start, *end);
//
// takes the range by pointer instead, as upstream's ac46d4f3c432 did to
// follow_pte_pmd(): one range object from the start in the callee to the
// end in the caller.  Such a function is "crossing".  A function that only
// hands its two pointers on to a crossing function is crossing too, its
// callers pass &range (or NULL) where they passed the two bounds, and the
// prototypes change with the definitions.
//
// The callers and prototypes are in other files (fs/dax.c, the header):
// each crossing function found is printed as a record, status converted,
// code crossing ("FILE:LINE: FUNCTION: converted (crossing): ..."),
// and scripts/convert runs the rule again, with -D crossing=NAME,NAME,...,
// on the files that name them, until no new one is found.  Until its
// callee is known to be crossing, an end whose bounds were filled in by a
// call (&start, &end) is not converted: it would get a range of its own.
//
// Writes: crossing (crossing functions: given with -D crossing=, or
// found), outptr (function -> its two pointer parameters), xstarts,
// selfstart, refused (functions this part converts, or leaves).  Reads:
// refused.

@script:ocaml known@
names << virtual.crossing;
@@
List.iter (fun f -> Hashtbl.replace crossing f ())
  (Str.split (Str.regexp "[, ]+") names)

// Callee: the start on the two pointers.
@xstart exists@
identifier f, s, e;
expression M;
position p;
@@
f(..., unsigned long *s, unsigned long *e, ...) {
  ... when any
  mmu_notifier_invalidate_range_start@p(M, *s, *e);
  ... when any
}

// Its bounds set right before the start, in one shape:
//	*s = X1; *e = X2; start(M, *s, *e);
@xshape exists@
identifier xstart.f, xstart.s, xstart.e;
expression X1, X2, M;
position p;
@@
f(...) {
  ... when any
  *s = X1;
  *e = X2;
  mmu_notifier_invalidate_range_start@p(M, *s, *e);
  ... when any
}

@script:ocaml@
f << xstart.f;
s << xstart.s;
e << xstart.e;
p << xstart.p;
@@
Hashtbl.replace outptr f (s, e);
Hashtbl.replace xstarts (List.hd p).Coccilib.line f

@script:ocaml@
p << xshape.p;
@@
Hashtbl.remove xstarts (List.hd p).Coccilib.line

// A start in another shape: the function is left, and said.
@script:ocaml@
f << xstart.f;
p << xstart.p;
@@
let l = (List.hd p).Coccilib.line in
if Hashtbl.mem xstarts l then begin
  Hashtbl.replace refused f ();
  say (List.hd p) f "left" ["pointer-shape"] "the start's bounds are set through pointer parameters in a shape the rule does not know: not converted"
end

@script:ocaml@
f << xstart.f;
p << xstart.p;
@@
if not (Hashtbl.mem refused f) then begin
  Hashtbl.replace crossing f ();
  say (List.hd p) f "converted" ["crossing"] "converted (crossing): the range is passed by pointer to the caller, which ends it"
end

@xinit@
identifier f : script:ocaml() { is_crossing_def f };
identifier xstart.s, xstart.e;
expression X1, X2;
@@
f(...) { <... *s = X1; *e = X2; ...> }

@script:ocaml xbounds@
s << xstart.s;
x1 << xinit.X1;
x2 << xinit.X2;
y2;
@@
(* *e = *s + SIZE: the end from the start's value *)
(* (spatch prints the dereference "* start") *)
y2 := make_expr (Str.global_replace (Str.regexp ("\\* *" ^ s ^ "\\b")) ("(" ^ x1 ^ ")") x2)

@depends on patch@
identifier f : script:ocaml() { is_crossing_def f };
identifier xstart.s, xstart.e;
expression xinit.X1, xinit.X2, M;
expression xbounds.y2;
@@
f(...) {
  <...
- *s = X1;
- *e = X2;
- mmu_notifier_invalidate_range_start(M, *s, *e);
+ mmu_notifier_range_init(range, M, X1, y2);
+ mmu_notifier_invalidate_range_start(range);
  ...>
}

// The rest of the callee: the end, the tests and reads of the pointers.
@depends on patch@
identifier f : script:ocaml() { is_crossing_def f };
identifier xstart.s, xstart.e;
expression M;
@@
f(...) {
  <...
(
- mmu_notifier_invalidate_range_end(M, *s, *e)
+ mmu_notifier_invalidate_range_end(range)
|
- mmu_notifier_invalidate_range_only_end(M, *s, *e)
+ mmu_notifier_invalidate_range_only_end(range)
|
- s && e
+ range
|
- *s
+ range->start
|
- *e
+ range->end
)
  ...>
}

// Wrappers: a function that hands its two pointers to a crossing one.
@xwrap@
identifier f : script:ocaml() { not (Hashtbl.mem outptr f) };
identifier g : script:ocaml() { Hashtbl.mem crossing g };
identifier s, e;
expression list A, B;
position p;
@@
f@p(..., unsigned long *s, unsigned long *e, ...) {
  <+... g(A, s, e, B) ...+>
}

@script:ocaml@
f << xwrap.f;
s << xwrap.s;
e << xwrap.e;
p << xwrap.p;
@@
Hashtbl.replace outptr f (s, e);
if not (Hashtbl.mem crossing f) then begin
  Hashtbl.replace crossing f ();
  say (List.hd p) f "converted" ["crossing"] "converted (crossing): hands the range of a crossing callee to its caller"
end

@depends on patch@
identifier f : script:ocaml() { is_crossing_def f };
identifier g : script:ocaml() { Hashtbl.mem crossing g };
identifier xwrap.s, xwrap.e;
expression list A, B;
@@
f(...) {
  <...
  g(A,
- s, e
+ range
  , B)
  ...>
}

// Definitions and prototypes: the two pointers become the range.
@depends on patch@
identifier f : script:ocaml() { Hashtbl.mem crossing f };
identifier s, e;
type T;
@@
T f(...,
- unsigned long *s, unsigned long *e
+ struct mmu_notifier_range *range
  , ...) { ... }

// (a prototype in a header may come before any declaration of the struct:
// the header declares it, as upstream did in <linux/mm.h>)
@depends on patch@
identifier f : script:ocaml() { Hashtbl.mem crossing f };
identifier s, e;
type T;
@@
T f(...,
- unsigned long *s, unsigned long *e
+ struct mmu_notifier_range *range
  , ...);

@has_decl@
@@
struct mmu_notifier_range;

@depends on patch && !has_decl@
identifier f : script:ocaml() { Hashtbl.mem crossing f };
type T;
identifier r;
@@
+ struct mmu_notifier_range;
  T f(..., struct mmu_notifier_range *r, ...);

// Callers that want no invalidation pass NULL for both.
@depends on patch@
identifier g : script:ocaml() { Hashtbl.mem crossing g };
expression list A, B;
@@
  g(A,
- NULL, NULL
+ NULL
  , B)

// Callers that pass the address of two locals and end the range
// themselves.  Until the callee is known to be crossing, the function is
// left, and said: its end would get a range of its own.
@xcaller exists@
identifier h, g, S, E;
expression list A, B;
expression M, M2;
position p;
@@
h(...) {
  ... when any
  g(A, &S, &E, B)
  ... when != mmu_notifier_invalidate_range_start(M2, S, E)
      when != mmu_notifier_invalidate_range_start_nonblock(M2, S, E)
(
  mmu_notifier_invalidate_range_end@p(M, S, E);
|
  mmu_notifier_invalidate_range_only_end@p(M, S, E);
)
  ... when any
}

// (a function that starts on the same bounds itself, under a condition the
// end repeats through a flag, is not a caller of a crossing function)
@xself exists@
identifier xcaller.h, xcaller.S, xcaller.E;
expression M;
position q;
@@
h(...) {
  ... when any
(
  mmu_notifier_invalidate_range_start@q(M, S, E)
|
  mmu_notifier_invalidate_range_start_nonblock@q(M, S, E)
)
  ... when any
}

@script:ocaml@
h << xcaller.h;
s << xcaller.S;
q << xself.q;
@@
ignore q; Hashtbl.replace selfstart (h, s) ()

@script:ocaml xok@
h << xcaller.h;
g << xcaller.g;
s << xcaller.S;
p << xcaller.p;
ok;
@@
if Hashtbl.mem selfstart (h, s) then Coccilib.include_match false
else if Hashtbl.mem crossing g then ok := make_ident "ok"
else begin
  Hashtbl.replace refused h ();
  say (List.hd p) h "left" ["callee-unknown"; "callee=" ^ g] (Printf.sprintf "the end's bounds come from %s(), whose start is not known to be in a crossing function: not converted" g);
  Coccilib.include_match false
end

@depends on patch@
identifier xcaller.h, xok.ok;
@@
h(...) {
+ struct mmu_notifier_range range;
  ...
}

@depends on patch@
identifier xcaller.h, xcaller.g, xcaller.S, xcaller.E, xok.ok;
expression list A, B;
expression M;
@@
h(...) {
  <...
(
  g(A,
- &S, &E
+ &range
  , B)
|
- mmu_notifier_invalidate_range_end(M, S, E)
+ mmu_notifier_invalidate_range_end(&range)
|
- mmu_notifier_invalidate_range_only_end(M, S, E)
+ mmu_notifier_invalidate_range_only_end(&range)
)
  ...>
}

// the bounds' declarations go; any other use reads the range
@depends on patch@
identifier xcaller.h, xcaller.S, xok.ok;
@@
h(...) {
  <...
- unsigned long S;
  ...>
}

@depends on patch@
identifier xcaller.h, xcaller.E, xok.ok;
@@
h(...) {
  <...
- unsigned long E;
  ...>
}

@depends on patch@
identifier xcaller.h, xcaller.S, xcaller.E, xok.ok;
@@
h(...) {
  <...
(
- S
+ range.start
|
- E
+ range.end
)
  ...>
}
