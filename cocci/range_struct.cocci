// SPDX-License-Identifier: GPL-2.0-only
/// mm/mmu_notifier: pass struct mmu_notifier_range to invalidate_range_start/end
///
/// The invalidate_range_start/end callbacks of struct mmu_notifier_ops and
/// the mmu_notifier_invalidate_range_start/end() calls take one
/// struct mmu_notifier_range instead of (mm, start, end[, blockable]), so
/// that further information about an invalidation (why it happens, which
/// vma) can be added later without touching every notifier user again.
///
/// Callbacks: found through the .invalidate_range_start/end entries of
/// struct mmu_notifier_ops initialisers (plain or array) in the same file
/// group; their parameters become range->mm, range->start, range->end and
/// range->blockable.  A callback that assigns any of them, or takes its
/// address, keeps a local copy initialised from the range.
/// Callers: mmu_notifier_range_init() then the start call on &range; end
/// calls with the same arguments in the same function share that range; a
/// lone end call gets its own range.  Locals that carry the bounds to the
/// notifier (mmun_start/mmun_end) are folded into the range where that is
/// safe: the init takes their values, later reads read range.start/end.
///
/// Sites the rule cannot convert are printed as "file:line: function:
/// reason", in patch mode too; -D report prints them and changes nothing.
//
// Confidence: High
// Copyright: (C) 2026 The mmu-notifier-series authors.  GPLv2.
// Comments: the core change (struct, init helper, prototypes) is
//  cocci/core/range_struct.cocci
// Options: --macro-file-builtins <(cat standard.h cocci/builtins.h) --macro-file cocci/macros.h --no-includes --include-headers
// Narrow: mmu_notifier|invalidate_range
// Keywords: mmu_notifier, invalidate_range_start, invalidate_range_end

virtual patch
virtual report
virtual int_start
virtual no_invalidate_page

@initialize:ocaml@
@@
(* callback name -> "start" | "end" *)
let cbs = Hashtbl.create 17
(* (callback, parameter) -> field of struct mmu_notifier_range *)
let params = Hashtbl.create 17
(* (callback, parameter) written in the body: gets a local copy *)
let written = Hashtbl.create 17
(* callback -> why it is left alone *)
let refused = Hashtbl.create 17
(* callback -> the name its range parameter takes, where not "range" *)
let pname = Hashtbl.create 7
let param_name f = try Hashtbl.find pname f with Not_found -> "range"
(* functions with old-API calls *)
let callers = Hashtbl.create 17
let converting_caller f = Hashtbl.mem callers f && not (Hashtbl.mem refused f)
(* trampolines whose range initialiser sets a field they cannot pass on *)
let keeps_field = Hashtbl.create 7
(* helpers that build a trampoline's range -> a field they set that the
   core's range does not get from its start *)
let fill_keeps = Hashtbl.create 3
(* crossing functions (range passed by pointer to the caller: range_struct/
   crossing.cocci), their two pointer parameters, and the lines of starts
   on such pointers not yet seen in the known shape *)
let crossing = Hashtbl.create 7
let outptr : (string, string * string) Hashtbl.t = Hashtbl.create 7
let xstarts = Hashtbl.create 7
(* (function, bound) a function starts on itself: no caller of a crossing one *)
let selfstart = Hashtbl.create 7
(* a range kept in an object (range_struct/object.cocci): struct -> member,
   struct -> (function, pointer, line) of its starts and of its ends,
   function -> lines of its old calls, function of the pair -> (pointer,
   member), end function -> start function *)
let objfld = Hashtbl.create 3
let objstarts = Hashtbl.create 3
let objends = Hashtbl.create 3
let objcalls = Hashtbl.create 17
let objpair = Hashtbl.create 3
let objpeer = Hashtbl.create 3

let is_cb f = Hashtbl.mem cbs f
let field f x = Hashtbl.find params (f, x)
let is_param f x = Hashtbl.mem params (f, x)
let copied f x fld = Hashtbl.mem written (f, x) && field f x = fld
let converting f = Hashtbl.mem params (f, "") && not (Hashtbl.mem refused f)
let is_crossing_def f =
  Hashtbl.mem crossing f && Hashtbl.mem outptr f && not (Hashtbl.mem refused f)
let note f names fields =
  Hashtbl.replace params (f, "") "";
  List.iter2 (fun x fld -> Hashtbl.replace params (f, x) fld) names fields
let said = Hashtbl.create 17
let say (p : Coccilib.pos) fn why =
  let l = Printf.sprintf "%s:%d: %s: %s" p.Coccilib.file p.Coccilib.line fn why in
  if not (Hashtbl.mem said l) then (Hashtbl.replace said l (); print_endline l)

// The facts are per file group: scripts/cocci may give spatch several groups
// (--file-groups), and this rule, binding nothing, runs at the start of each.
@script:ocaml@
@@
Hashtbl.reset cbs; Hashtbl.reset params; Hashtbl.reset written;
Hashtbl.reset refused; Hashtbl.reset callers; Hashtbl.reset said;
Hashtbl.reset keeps_field; Hashtbl.reset fill_keeps; Hashtbl.reset pname;
Hashtbl.reset crossing; Hashtbl.reset outptr; Hashtbl.reset xstarts;
Hashtbl.reset selfstart;
Hashtbl.reset objfld; Hashtbl.reset objstarts;
Hashtbl.reset objends; Hashtbl.reset objcalls; Hashtbl.reset objpair;
Hashtbl.reset objpeer

// ---------------------------------------------------------------------
// Callbacks
// ---------------------------------------------------------------------

@s_ops@
identifier I, fs;
expression E;
@@
(
struct mmu_notifier_ops I = { .invalidate_range_start = fs, };
|
struct mmu_notifier_ops I[] = { ..., [E] = { .invalidate_range_start = fs, }, ...};
)

@script:ocaml@
fs << s_ops.fs;
@@
Hashtbl.replace cbs fs "start"

@e_ops@
identifier I, fe;
expression E;
@@
(
struct mmu_notifier_ops I = { .invalidate_range_end = fe, };
|
struct mmu_notifier_ops I[] = { ..., [E] = { .invalidate_range_end = fe, }, ...};
)

@script:ocaml@
fe << e_ops.fe;
@@
Hashtbl.replace cbs fe "end"

// The old prototypes: start(mn, mm, start, end, blockable) since v4.19,
// start(mn, mm, start, end) before, end(mn, mm, start, end) always.
@sig5 depends on s_ops || e_ops@
identifier f : script:ocaml() { is_cb f };
identifier mn, mm, s, e, b;
type T;
@@
T f(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long s,
    unsigned long e, bool b) { ... }

@script:ocaml@
f << sig5.f;
mm << sig5.mm;
s << sig5.s;
e << sig5.e;
b << sig5.b;
@@
note f [mm; s; e; b] ["mm"; "start"; "end"; "blockable"]

@sig4 depends on s_ops || e_ops@
identifier f : script:ocaml() { is_cb f };
identifier mn, mm, s, e;
type T;
@@
T f(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long s,
    unsigned long e) { ... }

@script:ocaml@
f << sig4.f;
mm << sig4.mm;
s << sig4.s;
e << sig4.e;
@@
note f [mm; s; e] ["mm"; "start"; "end"]

// A callback that assigns a parameter: start/end get a local copy, the
// others (mm, blockable) are not rewritten mechanically.
@cb depends on sig5 || sig4@
identifier f : script:ocaml() { converting f };
@@
f(...) { ... }

@wr@
identifier cb.f;
identifier x : script:ocaml(f) { is_param f x };
expression E;
assignment operator aop;
position p;
@@
f(...) {
  <+...
(
  x@p aop E
|
  x@p++
|
  x@p--
|
  ++x@p
|
  --x@p
|
  &x@p
)
  ...+>
}

@script:ocaml@
f << cb.f;
x << wr.x;
@@
Hashtbl.replace written (f, x) ()

// A callback that already has something called 'range' (a local of its
// own, as mm/hmm.c's list cursor) takes the range as 'nrange', the name
// upstream gave it there; with both names taken it is left alone.
@range_taken@
identifier cb.f;
identifier r = range;
position p;
@@
f(...) { <+... r@p ...+> }

@script:ocaml@
f << cb.f;
p << range_taken.p;
@@
ignore p;
Hashtbl.replace pname f "nrange"

@nrange_taken@
identifier cb.f;
identifier r = nrange;
position p;
@@
f(...) { <+... r@p ...+> }

@script:ocaml@
f << cb.f;
p << nrange_taken.p;
@@
if Hashtbl.find_opt pname f = Some "nrange" then begin
  Hashtbl.replace refused f ();
  say (List.hd p) f "callback already uses the names 'range' and 'nrange': not converted"
end

@script:ocaml pn@
f << cb.f;
rn;
@@
if converting f then rn := make_ident (param_name f)
else Coccilib.include_match false

@depends on patch && sig5@
identifier cb.f, pn.rn;
identifier mn, mm, s, e, b;
type T;
@@
T f(struct mmu_notifier *mn,
-   struct mm_struct *mm, unsigned long s, unsigned long e, bool b
+   const struct mmu_notifier_range *rn
   ) { ... }

@depends on patch && sig4@
identifier cb.f, pn.rn;
identifier mn, mm, s, e;
type T;
@@
T f(struct mmu_notifier *mn,
-   struct mm_struct *mm, unsigned long s, unsigned long e
+   const struct mmu_notifier_range *rn
   ) { ... }

// A converted callback that another function calls itself (v4.9-v4.12:
// an ->invalidate_page that invalidates its page through the driver's own
// start callback, as xen/gntdev does) is given a range of its own.
@direct depends on patch && cb@
identifier callee : script:ocaml() { converting callee };
identifier caller;
expression N, M, S, E;
@@
caller(...) {
+	struct mmu_notifier_range range;
	<+...
-	callee(N, M, S, E);
+	mmu_notifier_range_init(&range, M, S, E);
+	callee(N, &range);
	...+>
}

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

#include "range_struct/int_start.cocci"
#include "range_struct/invalidate_page.cocci"

#include "range_struct/crossing.cocci"

// ---------------------------------------------------------------------
// Callers
// ---------------------------------------------------------------------

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
say (List.hd q) f "function already uses the name 'range': not converted"

#include "range_struct/object.cocci"

// Starts: the range is initialised right before the call.
@depends on patch && taken@
identifier f : script:ocaml() { converting_caller f };
expression M, S, E, R;
statement S1, S2;
@@
f(...) {
  <...
(
+ mmu_notifier_range_init(&range, M, S, E);
  mmu_notifier_invalidate_range_start(
-   M, S, E
+   &range
  );
|
+ mmu_notifier_range_init(&range, M, S, E);
  if (mmu_notifier_invalidate_range_start_nonblock(
-   M, S, E
+   &range
  )) S1 else S2
|
+ mmu_notifier_range_init(&range, M, S, E);
  if (mmu_notifier_invalidate_range_start_nonblock(
-   M, S, E
+   &range
  )) S1
|
+ mmu_notifier_range_init(&range, M, S, E);
  R = mmu_notifier_invalidate_range_start_nonblock(
-   M, S, E
+   &range
  );
)
  ...>
}

// Ends that follow a start with the same arguments, on a path where neither
// bound is assigned in between, share its range.
@depends on patch && taken exists@
identifier f : script:ocaml() { converting_caller f };
expression M, S, E, X;
assignment operator aop;
symbol range;
@@
f(...) {
  ... when any
  mmu_notifier_range_init(&range, M, S, E);
  ... when != S aop X
      when != E aop X
      when != S++
      when != E++
      when != M aop X
(
- mmu_notifier_invalidate_range_end(M, S, E);
+ mmu_notifier_invalidate_range_end(&range);
|
- mmu_notifier_invalidate_range_only_end(M, S, E);
+ mmu_notifier_invalidate_range_only_end(&range);
)
  ... when any
}

// An end with no start in the same function: its start happened elsewhere,
// on a range this function does not have (a callee that hands its bounds
// back is for range_struct/crossing.cocci).  A range of its own would not
// be the one the start saw: the end is left, and said.
@lone depends on patch && taken@
identifier f : script:ocaml() { converting_caller f };
expression M, S, E;
position p;
@@
f(...) {
  <...
(
  mmu_notifier_invalidate_range_end@p(M, S, E);
|
  mmu_notifier_invalidate_range_only_end@p(M, S, E);
)
  ...>
}

@script:ocaml@
f << lone.f;
p << lone.p;
@@
say (List.hd p) f "an end with no start on its bounds in this function: the range its start saw is not known here, not converted"

@depends on patch && taken@
identifier f : script:ocaml() { converting_caller f };
symbol range;
@@
f(...) {
+ struct mmu_notifier_range range;
  <+... mmu_notifier_range_init(&range, ...) ...+>
}

// kernel style: a blank line between the declarations and the code
@depends on patch && taken@
identifier f : script:ocaml() { converting_caller f };
symbol range;
statement S;
@@
f(...) {
  struct mmu_notifier_range range;
+
  S
  ...
}

// Locals that carry the bounds to the notifier (mmun_start/mmun_end) are
// folded into the range when it is safe.
#include "range_struct/fold.cocci"


// ---------------------------------------------------------------------
// Trampolines of a vendor's compatibility layer
// ---------------------------------------------------------------------
// RHEL 8's drivers/gpu/drm/drm_backport.c gives the range API to DRM
// drivers on a core that lacks it: old-prototype callbacks, put in the ops
// through a macro (so not found above), that build a struct
// mmu_notifier_range from their arguments and pass it on.  With the range
// in the core they take it and pass it on as it is.  Only an initialiser
// of mm, start, end and (always true, as the core's range_init sets it)
// blockable: a trampoline setting any other field is left, and coverage
// lists it.

@trampoline_field depends on patch@
identifier f, r, fld;
expression E;
@@
f(...) {
	... when any
	struct mmu_notifier_range r = { .fld = E, };
	... when any
}

@script:ocaml depends on trampoline_field@
f << trampoline_field.f;
fld << trampoline_field.fld;
@@
if not (List.mem fld ["mm"; "start"; "end"; "blockable"]) then
  Hashtbl.replace keeps_field f ()

@trampoline depends on patch@
identifier f : script:ocaml () { not (Hashtbl.mem keeps_field f) };
identifier mn, mm, s, e, r;
type T;
symbol true;
@@
T f(struct mmu_notifier *mn,
-   struct mm_struct *mm, unsigned long s, unsigned long e
+   const struct mmu_notifier_range *range
   )
{
	...
// (with blockable first: an initialiser pattern also matches a larger one)
(
-	struct mmu_notifier_range r = { .mm = mm, .start = s, .end = e, .blockable = true };
|
-	struct mmu_notifier_range r = { .mm = mm, .start = s, .end = e };
)
	<...
-	&r
+	range
	...>
}

// RHEL 8.3's builds its range with a helper of the file, which returns it
// as a compound literal of the bounds and MMU_NOTIFIER_RANGE_BLOCKABLE:
// the same fields the core's range has after this change (its start marks
// it blockable: cocci/core/range_struct.cocci).  A helper setting anything
// else leaves its trampolines as they are; the helper goes with its last
// caller.
@fill depends on patch@
identifier fillfn, mm, s, e;
@@
struct mmu_notifier_range fillfn(struct mm_struct *mm, unsigned long s, unsigned long e)
{
	return (struct mmu_notifier_range) { .mm = mm, .start = s, .end = e };
}

@fill_field@
identifier fill.fillfn, fld;
expression E;
@@
fillfn(...) { ... return (struct mmu_notifier_range) { .fld = E, }; }

@script:ocaml@
fn << fill.fillfn;
fld << fill_field.fld;
ex << fill_field.E;
@@
if not (List.mem fld ["mm"; "start"; "end"] ||
        (fld = "flags" && ex = "MMU_NOTIFIER_RANGE_BLOCKABLE") ||
        (fld = "blockable" && ex = "true")) then
  Hashtbl.replace fill_keeps fn fld

@trampoline_fill depends on patch@
identifier fill.fillfn : script:ocaml () { not (Hashtbl.mem fill_keeps fillfn) };
identifier f, mn, mm, s, e, r;
type T;
@@
T f(struct mmu_notifier *mn,
-   struct mm_struct *mm, unsigned long s, unsigned long e
+   const struct mmu_notifier_range *range
   )
{
	...
-	struct mmu_notifier_range r = fillfn(mm, s, e);
	<...
-	&r
+	range
	...>
}

@fill_used depends on trampoline_fill@
identifier fill.fillfn;
@@
fillfn(...)

@depends on patch && trampoline_fill && !fill_used@
identifier fill.fillfn;
type T;
@@
- T fillfn(...) { ... }

// (a trampoline left: said, with the field its range would lose)
@trampoline_kept depends on patch@
identifier fill.fillfn : script:ocaml () { Hashtbl.mem fill_keeps fillfn };
identifier f, mn, mm, s, e, r;
type T;
position p;
@@
T f@p(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long s, unsigned long e)
{
	...
	struct mmu_notifier_range r = fillfn(mm, s, e);
	...
}

@script:ocaml@
fn << fill.fillfn;
f << trampoline_kept.f;
p << trampoline_kept.p;
@@
say (List.hd p) f
  (Printf.sprintf "not converted: a trampoline whose range %s() builds with the field %s, which the core's range would not carry: it keeps the old prototype" fn (Hashtbl.find fill_keeps fn))
