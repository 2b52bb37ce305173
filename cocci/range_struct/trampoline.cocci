// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/range_struct.cocci: the trampolines of a vendor's
// compatibility layer.
//
// RHEL 8's drivers/gpu/drm/drm_backport.c gives the range API to DRM
// drivers on a core that lacks it: old-prototype callbacks, put in the ops
// through a macro (so not found by range_struct/callbacks.cocci), that
// build a struct mmu_notifier_range from their arguments and pass it on.
// With the range in the core they take it and pass it on as it is.  Only
// an initialiser of mm, start, end and (always true, as the core's
// range_init sets it) blockable: a trampoline setting any other field is
// left, and coverage lists it.
//
// Writes: keeps_field (trampoline -> its range sets another field),
// fill_keeps (helper building the range -> the field it adds).  Reads
// nothing of the other parts.

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
say (List.hd p) f "left" ["trampoline"]
  (Printf.sprintf "not converted: a trampoline whose range %s() builds with the field %s, which the core's range would not carry: it keeps the old prototype" fn (Hashtbl.find fill_keeps fn))
