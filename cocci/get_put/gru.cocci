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


// ---- what the driver's own count and put left behind ----

// Every use left of a candidate field ...
@count_field_use depends on list_convert@
identifier fld : script:ocaml() { fdcand fld };
expression Y;
position p;
@@
Y->fld@p

@script:ocaml@
f << count_field_use.fld;
p << count_field_use.p;
@@
let p = List.hd p in
Hashtbl.replace fduses (f, pkey p) (Printf.sprintf "%s (%s)" (where p) p.Coccilib.current_element)

// ... and those that are only a write of a constant, or a read in a debug
// print (the put's "refcnt %d, released %d").  Through a pointer of
// another type, or of one spatch cannot tell, a use stays.
@count_field_write depends on list_convert@
identifier registered.T;
identifier fld : script:ocaml() { fdcand fld };
struct T *Y;
constant V;
position p;
@@
(
Y->fld@p = V;
|
atomic_set(&Y->fld@p, V);
|
atomic_inc(&Y->fld@p);
|
atomic_dec(&Y->fld@p);
)

@script:ocaml@
f << count_field_write.fld;
p << count_field_write.p;
@@
let p = List.hd p in
Hashtbl.replace fdgone (f, pkey p) ();
set count_field_writers p.Coccilib.current_element

@count_field_print depends on list_convert@
identifier registered.T;
identifier fld : script:ocaml() { fdcand fld };
identifier dbg : script:ocaml() { is_debug_print dbg };
struct T *Y;
position p;
@@
dbg(..., <+... Y->fld@p ...+>, ...);

@script:ocaml@
f << count_field_print.fld;
p << count_field_print.p;
@@
Hashtbl.replace fdgone (f, pkey (List.hd p)) ()

@count_field_decl depends on list_convert@
identifier registered.T;
identifier fld : script:ocaml() { fdcand fld };
type TY;
@@
struct T { ... TY fld; ... };

// Dead: declared in the group, and nothing but writes and debug prints
// left.
@script:ocaml@
t << registered.T;
f << count_field_decl.fld;
@@
add count_fields_declared t f;
if Hashtbl.fold (fun (f', k) _ ok -> ok && (f' <> f || Hashtbl.mem fdgone (f', k))) fduses true
then add count_fields_dead t f

// The record scripts/steps/get_put words the commit from (converted,
// own-notifier-list, and dropped when fields go), and what stays (left).
@script:ocaml depends on list_convert@
t << registered.T;
g << list_get.getfn;
pg << list_get.pg;
@@
let pg = List.hd pg in
let dead = members count_fields_dead t in
let live = List.filter (fun f -> not (List.mem f dead)) (members count_fields t) in
record pg.Coccilib.file pg.Coccilib.line t "converted"
  ("own-notifier-list" :: (if dead = [] then [] else ["dropped"]))
  (Printf.sprintf "converted (own notifier list: %s() calls mmu_notifier_get_locked()%s)" g
     (if dead = [] then "" else "; " ^ String.concat ", " dead ^ " dropped"));
List.iter (fun f ->
  let why =
    if not (is_member count_fields_declared t f) then
      Printf.sprintf "the declaration of struct %s is not in the file group" t
    else
      "still read at " ^ String.concat ", "
        (Hashtbl.fold (fun (f', k) w acc -> if f' = f && not (Hashtbl.mem fdgone (f', k)) then w :: acc else acc)
           fduses [] |> List.sort_uniq compare) in
  record pg.Coccilib.file pg.Coccilib.line t "left" [] (Printf.sprintf "left: ->%s stays: %s" f why))
  live

// (first: the test around a print that goes, its only statement)
@depends on list_convert@
identifier registered.T;
identifier fld : script:ocaml() { fdead fld };
identifier dbg : script:ocaml() { is_debug_print dbg };
struct T *Y;
expression Y2;
@@
- if (Y2)
-	dbg(..., <+... Y->fld ...+>, ...);

@depends on list_convert@
identifier registered.T;
identifier fld : script:ocaml() { fdead fld };
identifier dbg : script:ocaml() { is_debug_print dbg };
struct T *Y;
constant V;
@@
(
- Y->fld = V;
|
- atomic_set(&Y->fld, V);
|
- atomic_inc(&Y->fld);
|
- atomic_dec(&Y->fld);
|
- dbg(..., <+... Y->fld ...+>, ...);
)

@depends on list_convert@
identifier registered.T;
identifier fld : script:ocaml() { fdead fld };
type TY;
@@
struct T {
	...
-	TY fld;
	...
};

// A ->release that did nothing but set a dead flag (and print) goes.
@release_op depends on list_convert@
identifier list_get.OPS, rel : script:ocaml() { holds count_field_writers rel };
@@
const struct mmu_notifier_ops OPS = { ..., .release = rel, ... };

@release_sets_flag_only depends on release_op@
identifier release_op.rel, registered.T, registered.F, MN, MM, E;
identifier dbg : script:ocaml() { is_debug_print dbg };
@@
(
void rel(struct mmu_notifier *MN, struct mm_struct *MM)
{
	struct T *E = container_of(MN, struct T, F);
}
|
void rel(struct mmu_notifier *MN, struct mm_struct *MM)
{
	struct T *E = container_of(MN, struct T, F);

	dbg(...);
}
)

@depends on release_sets_flag_only@
identifier list_get.OPS, release_op.rel;
@@
 const struct mmu_notifier_ops OPS = {
 	...,
-	.release = rel,
 	...
 };

// alloc_notifier() goes before the ops, with free_notifier(): no forward
// declaration.
@depends on list_convert disable decl_init@
identifier registered.T, list_convert.alloc, list_get.E;
@@
 alloc(...)
 {
-	struct T *E;
 	...
 }

@alloc_body depends on list_convert@
identifier list_convert.alloc;
statement list SL;
@@
static struct mmu_notifier *alloc(struct mm_struct *mm) { SL }

@depends on list_convert@
identifier list_convert.alloc;
@@
- static struct mmu_notifier *alloc(...) { ... }

// In the place of the ->release that went, as upstream's sgi-gru did,
// else before the ops.
@depends on release_sets_flag_only@
identifier release_op.rel, registered.T, list_get.E, list_convert.alloc;
statement list alloc_body.SL;
@@
+static struct mmu_notifier *alloc(struct mm_struct *mm)
+{
+	struct T *E;
+
+	SL
+}
  void rel(...) { ... }

@depends on release_sets_flag_only@
identifier release_op.rel;
@@
- void rel(...) { ... }

@depends on list_convert && !release_sets_flag_only@
identifier registered.T, list_get.OPS, list_get.E, list_convert.alloc;
statement list alloc_body.SL;
@@
+static struct mmu_notifier *alloc(struct mm_struct *mm)
+{
+	struct T *E;
+
+	SL
+}
+
 const struct mmu_notifier_ops OPS = {...};

// (a rule of its own: spatch drops the blank line after a statement list)
@depends on list_convert && !put_tail@
identifier registered.T, registered.F, list_get.OPS, list_convert.alloc;
fresh identifier FR = T ## "_free_notifier";
@@
+static void FR(struct mmu_notifier *mn)
+{
+	kfree(container_of(mn, struct T, F));
+}
+
 const struct mmu_notifier_ops OPS = {
 	...,
+	.alloc_notifier = alloc,
+	.free_notifier = FR,
 };

// What the put did after the kfree() moves along.
@depends on list_convert && put_tail@
identifier put_tail.FN;
expression list put_tail.EL;
identifier registered.T, registered.F, list_get.OPS, list_convert.alloc;
fresh identifier FR = T ## "_free_notifier";
@@
+static void FR(struct mmu_notifier *mn)
+{
+	kfree(container_of(mn, struct T, F));
+	FN(EL);
+}
+
 const struct mmu_notifier_ops OPS = {
 	...,
+	.alloc_notifier = alloc,
+	.free_notifier = FR,
 };

