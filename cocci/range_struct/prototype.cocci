// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/range_struct.cocci: the callbacks' new prototype.  The
// range parameter is named 'range', or 'nrange' where the callback has a
// 'range' of its own; with both names taken the callback is left, and
// said.  A converted callback that another function calls itself is given
// a range there.
//
// Reads: cbs, params, refused.  Writes: pname (callback -> 'nrange'),
// refused.

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
  say (List.hd p) f "left" ["names-taken"] "callback already uses the names 'range' and 'nrange': not converted"
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
