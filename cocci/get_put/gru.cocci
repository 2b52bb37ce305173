// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/get_put.cocci, which lists its parts in order: the second
// shape (sgi-gru), no table of the driver's own.

@initialize:ocaml@
@@
(* The facts of this shape. *)
(* the get reuses what the helper finds on the mm's notifier list *)
let has_list_get : flag = table ()
(* the put drops an atomic count and on the last one unregisters, frees *)
let has_list_put : flag = table ()
(* other users of the helper, or of the unregistration or the free *)
let list_others : string facts = table ()
(* The fields only the old count and put needed (the count, the flag the
   put tested): the candidates, those declared in the group, and the dead
   ones (nothing but writes of constants and debug prints use them). *)
let count_fields : string facts = table ()
let count_fields_declared : string facts = table ()
let count_fields_dead : string facts = table ()
(* the functions writing a constant to a candidate (any object's): a
   ->release among them that does nothing else goes *)
let count_field_writers : flag = table ()
(* every use left of a candidate after the conversion: (field,
   file:line:col) -> "FILE:LINE (FUNCTION)", and those that are only a
   write or a debug print: (field, file:line:col) -> () *)
let fduses : (string * string, string) Hashtbl.t = table ()
let fdgone : (string * string, unit) Hashtbl.t = table ()
let fdcand f = anyone count_fields f
let fdead f = anyone count_fields_dead f
(* a debug print: pr_debug(), dev_dbg(), a driver's gru_dbg() ... (not
   debugfs_create_*(), which shows a field) *)
let is_debug_print f =
  let has k =
    let n = String.length f and m = String.length k in
    let rec at i = i + m <= n && (String.sub f i m = k || at (i + 1)) in
    at 0 in
  let debugfs = String.length f >= 7 && String.sub f 0 7 = "debugfs" in
  f = "pr_devel" || has "dbg" || (has "debug" && not debugfs)

// ---------------------------------------------------------------------
// The "find the existing registration" shape: no table of the driver's
// own, a helper walks the mm's own list of notifiers (mm->mmu_notifier_mm)
// for the driver's ops; the get reuses what it finds (taking a count) or
// allocates, initialises and registers a new object; the put drops the
// count and on the last one unregisters (maybe only if ->release has not
// run) and frees.  The core's mmu_notifier_get() does exactly this lookup.
// ---------------------------------------------------------------------

@notifier_list_walker@
identifier fn, MM, OP, mn;
identifier hlist = {hlist};
statement S;
iterator name hlist_for_each_entry_rcu;
@@
struct mmu_notifier *fn(struct mm_struct *MM, const struct mmu_notifier_ops *OP)
{
	<+...
	hlist_for_each_entry_rcu(mn, &MM->mmu_notifier_mm->list, hlist) S
	...+>
}

@list_get depends on registered && notifier_list_walker disable drop_else@
identifier notifier_list_walker.fn, registered.T, registered.F, getfn, E, mn, OPS, R, REG;
expression M;
statement S0, S2, S3;
position pg;
@@
struct T *getfn@pg(...)
{
	...
	mn = fn(M, &OPS);
	if (mn) S0 else {
		E = \(kzalloc\|kmalloc\)(sizeof(*E), GFP_KERNEL);
		if (!E) S2
		...
		E->F.ops = &OPS;
		...
		R = REG(&E->F, M);
		if (R) S3
	}
	...
}

@list_put depends on list_get@
identifier registered.T, registered.F, putfn, E, CNT;
expression X, C;
@@
void putfn(struct T *E)
{
	...
(
	if (atomic_dec_return(&E->CNT) == 0) {
		\(if (C) mmu_notifier_unregister(&E->F, X);\|mmu_notifier_unregister(&E->F, X);\)
		kfree(E);
		... when != E
	}
|
	if (atomic_dec_and_test(&E->CNT)) {
		\(if (C) mmu_notifier_unregister(&E->F, X);\|mmu_notifier_unregister(&E->F, X);\)
		kfree(E);
		... when != E
	}
)
}

// Other callers of the get or of the helper, or another way to drop the
// object: reported.
@script:ocaml@
t << registered.T;
g << list_get.getfn;
@@
own := g :: own.contents;
set has_list_get t

@script:ocaml@
t << registered.T;
pf << list_put.putfn;
@@
own := pf :: own.contents;
set has_list_put t;
add put_fns t pf

@list_other_user depends on list_put@
identifier notifier_list_walker.fn, registered.T, registered.F;
identifier f : script:ocaml() { not (List.mem f own.contents) };
struct T *X;
@@
f(...) {
<+...
\(fn(...)\|mmu_notifier_unregister(&X->F, ...)\|kfree(X)\)
...+>
}

@walker_call depends on notifier_list_walker@
identifier notifier_list_walker.fn, g;
expression M;
position p;
@@
g(...) { <... fn@p(M, ...) ...> }

@list_convertible depends on patch && list_get && list_put && !list_other_user@
identifier registered.T, list_get.getfn;
@@
struct T *getfn(...) { ... }

@script:ocaml list_convert depends on list_convertible@
t << registered.T;
alloc;
@@
alloc := make_ident (t ^ "_alloc_notifier")

// The fields only the driver's own count and put needed: the count, and
// what the put tested before unregistering (a "released" flag ->release
// sets).  Gone with the conversion, unless something else still reads
// them (below).
@script:ocaml depends on list_convert@
t << registered.T;
cnt << list_put.CNT;
@@
add count_fields t cnt

@put_tested_field depends on list_convert@
identifier registered.F, list_put.putfn, list_put.E, fld;
expression X;
@@
void putfn(...)
{
	<...
	if (<+... E->fld ...+>)
		mmu_notifier_unregister(&E->F, X);
	...>
}

@script:ocaml@
t << registered.T;
f << put_tested_field.fld;
@@
add count_fields t f

@depends on list_convert@
identifier registered.T, registered.F, list_get.getfn, list_get.OPS, list_convert.alloc;
expression list_get.M;
parameter list PS;
@@
- static struct T *getfn(PS)
+ static struct mmu_notifier *alloc(struct mm_struct *mm)
  {
  ...
  }
+static struct T *getfn(PS)
+{
+	struct mmu_notifier *mn;
+
+	mn = mmu_notifier_get_locked(&OPS, M);
+	if (IS_ERR(mn))
+		return ERR_CAST(mn);
+	return container_of(mn, struct T, F);
+}

@depends on list_convert@
identifier registered.T, registered.F, list_get.getfn, list_get.OPS, list_convert.alloc;
expression list_get.M;
parameter list PS;
@@
- struct T *getfn(PS)
+ static struct mmu_notifier *alloc(struct mm_struct *mm)
  {
  <+... \(mmu_notifier_register\|__mmu_notifier_register\)(...) ...+>
  }
+struct T *getfn(PS)
+{
+	struct mmu_notifier *mn;
+
+	mn = mmu_notifier_get_locked(&OPS, M);
+	if (IS_ERR(mn))
+		return ERR_CAST(mn);
+	return container_of(mn, struct T, F);
+}

// The old get, now alloc_notifier(), keeps the allocation branch only.
@depends on list_convert disable drop_else, decl_init@
identifier list_convert.alloc, notifier_list_walker.fn, list_get.mn, list_get.OPS;
expression list_get.M;
statement S0;
statement list SL;
@@
alloc(...)
{
	...
-	struct mmu_notifier *mn;
	...
-	mn = fn(M, &OPS);
-	if (mn) S0 else { SL }
+	SL
	...
}

@list_register_goto depends on list_convert@
identifier list_convert.alloc, list_get.E, list_get.R, LBL;
@@
alloc(...)
{
	<...
	goto LBL;
	...
	LBL:
-	kfree(E);
-	return ERR_PTR(R);
	...>
}

@depends on list_convert@
identifier list_get.R, list_register_goto.LBL;
@@
-	goto LBL;
+	return ERR_PTR(R);
	...
-	LBL:

@depends on list_convert@
identifier list_convert.alloc, list_get.E, registered.F, list_get.OPS, list_get.R, list_get.REG;
expression list_get.M;
statement S;
@@
alloc(...)
{
	<...
(
-	E->F.ops = &OPS;
|
-	R = REG(&E->F, M);
-	if (R) S
)
	...>
}

@depends on list_convert@
identifier list_convert.alloc, list_get.E, registered.F;
@@
alloc(...)
{
	<...
	return
-	       E
+	       &E->F
	;
	...>
}

@depends on list_convert disable decl_init@
identifier list_convert.alloc, list_get.R;
@@
alloc(...)
{
	... when != R
-	int R;
	... when != R
}

@depends on list_convert@
identifier list_convert.alloc;
identifier mm = {mm};
expression list_get.M;
@@
alloc(struct mm_struct *mm)
{
	<...
-	M
+	mm
	...>
}

// The helper is not used any more.
@walker_used depends on list_convert@
identifier notifier_list_walker.fn;
@@
fn(...)

@depends on list_convert && !walker_used@
identifier notifier_list_walker.fn;
@@
- struct mmu_notifier *fn(...) { ... }

// What the put did after the kfree() (a statistic, a trace) moves to
// free_notifier(), below.
@put_tail depends on list_convert@
identifier list_put.putfn, list_put.E, FN;
expression list EL;
@@
void putfn(...)
{
	<+...
	kfree(E);
	FN(EL);
	...+>
}

// The put drops the reference.
@depends on list_convert@
identifier registered.F, list_put.putfn, list_put.E, list_put.CNT;
expression X, C;
@@
void putfn(...)
{
	...
(
-	if (atomic_dec_return(&E->CNT) == 0) {
-		\(if (C) mmu_notifier_unregister(&E->F, X);\|mmu_notifier_unregister(&E->F, X);\)
-		kfree(E);
-		...
-	}
|
-	if (atomic_dec_and_test(&E->CNT)) {
-		\(if (C) mmu_notifier_unregister(&E->F, X);\|mmu_notifier_unregister(&E->F, X);\)
-		kfree(E);
-		...
-	}
)
+	mmu_notifier_put(&E->F);
}
