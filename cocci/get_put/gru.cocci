// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/get_put.cocci, which lists its parts in order: the second
// shape (sgi-gru), no table of the driver's own.

// ---------------------------------------------------------------------
// The "find the existing registration" shape: no table of the driver's
// own, a helper walks the mm's own list of notifiers (mm->mmu_notifier_mm)
// for the driver's ops; the get reuses what it finds (taking a count) or
// allocates, initialises and registers a new object; the put drops the
// count and on the last one unregisters (maybe only if ->release has not
// run) and frees.  The core's mmu_notifier_get() does exactly this lookup.
// ---------------------------------------------------------------------

@finder@
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

@gfind depends on obj && finder disable drop_else@
identifier finder.fn, obj.T, obj.F, getfn, E, mn, OPS, R, REG;
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

@fput depends on gfind@
identifier obj.T, obj.F, putfn, E, CNT;
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
t << obj.T;
g << gfind.getfn;
@@
own := g :: own.contents;
fact t "find"

@script:ocaml@
t << obj.T;
pf << fput.putfn;
@@
own := pf :: own.contents;
fact t "fput";
fact t ("putfn:" ^ pf)

@fextra depends on fput@
identifier finder.fn, obj.T, obj.F;
identifier f : script:ocaml() { not (List.mem f own.contents) };
struct T *X;
@@
f(...) {
<+...
\(fn(...)\|mmu_notifier_unregister(&X->F, ...)\|kfree(X)\)
...+>
}

@flook depends on finder@
identifier finder.fn, g;
expression M;
position p;
@@
g(...) { <... fn@p(M, ...) ...> }

@fcpok depends on patch && gfind && fput && !fextra@
identifier obj.T, gfind.getfn;
@@
struct T *getfn(...) { ... }

@script:ocaml fcp depends on fcpok@
t << obj.T;
alloc;
@@
alloc := make_ident (t ^ "_alloc_notifier")

// The fields only the driver's own count and put needed: the count, and
// what the put tested before unregistering (a "released" flag ->release
// sets).  Gone with the conversion, unless something else still reads
// them (below).
@script:ocaml depends on fcp@
t << obj.T;
cnt << fput.CNT;
@@
fact t ("fdcand:" ^ cnt)

@fcond depends on fcp@
identifier obj.F, fput.putfn, fput.E, fld;
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
t << obj.T;
f << fcond.fld;
@@
fact t ("fdcand:" ^ f)

@depends on fcp@
identifier obj.T, obj.F, gfind.getfn, gfind.OPS, fcp.alloc;
expression gfind.M;
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

@depends on fcp@
identifier obj.T, obj.F, gfind.getfn, gfind.OPS, fcp.alloc;
expression gfind.M;
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
@depends on fcp disable drop_else, decl_init@
identifier fcp.alloc, finder.fn, gfind.mn, gfind.OPS;
expression gfind.M;
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

@fgoto depends on fcp@
identifier fcp.alloc, gfind.E, gfind.R, LBL;
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

@depends on fcp@
identifier gfind.R, fgoto.LBL;
@@
-	goto LBL;
+	return ERR_PTR(R);
	...
-	LBL:

@depends on fcp@
identifier fcp.alloc, gfind.E, obj.F, gfind.OPS, gfind.R, gfind.REG;
expression gfind.M;
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

@depends on fcp@
identifier fcp.alloc, gfind.E, obj.F;
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

@depends on fcp disable decl_init@
identifier fcp.alloc, gfind.R;
@@
alloc(...)
{
	... when != R
-	int R;
	... when != R
}

@depends on fcp@
identifier fcp.alloc;
identifier mm = {mm};
expression gfind.M;
@@
alloc(struct mm_struct *mm)
{
	<...
-	M
+	mm
	...>
}

// The helper is not used any more.
@fuse depends on fcp@
identifier finder.fn;
@@
fn(...)

@depends on fcp && !fuse@
identifier finder.fn;
@@
- struct mmu_notifier *fn(...) { ... }

// What the put did after the kfree() (a statistic, a trace) moves to
// free_notifier(), below.
@ftail depends on fcp@
identifier fput.putfn, fput.E, FN;
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
@depends on fcp@
identifier obj.F, fput.putfn, fput.E, fput.CNT;
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
@fduse depends on fcp@
identifier fld : script:ocaml() { fdcand fld };
expression Y;
position p;
@@
Y->fld@p

@script:ocaml@
f << fduse.fld;
p << fduse.p;
@@
let p = List.hd p in
Hashtbl.replace fduses (f, pkey p) (Printf.sprintf "%s (%s)" (where p) p.Coccilib.current_element)

// ... and those that are only a write of a constant, or a read in a debug
// print (the put's "refcnt %d, released %d").  Through a pointer of
// another type, or of one spatch cannot tell, a use stays.
@fdw depends on fcp@
identifier obj.T;
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
f << fdw.fld;
p << fdw.p;
@@
let p = List.hd p in
Hashtbl.replace fdgone (f, pkey p) ();
fact "" ("fdwrite:" ^ p.Coccilib.current_element)

@fdp depends on fcp@
identifier obj.T;
identifier fld : script:ocaml() { fdcand fld };
identifier dbg : script:ocaml() { is_debug_print dbg };
struct T *Y;
position p;
@@
dbg(..., <+... Y->fld@p ...+>, ...);

@script:ocaml@
f << fdp.fld;
p << fdp.p;
@@
Hashtbl.replace fdgone (f, pkey (List.hd p)) ()

@fdecl depends on fcp@
identifier obj.T;
identifier fld : script:ocaml() { fdcand fld };
type TY;
@@
struct T { ... TY fld; ... };

// Dead: declared in the group, and nothing but writes and debug prints
// left.
@script:ocaml@
t << obj.T;
f << fdecl.fld;
@@
fact t ("fddecl:" ^ f);
if Hashtbl.fold (fun (f', k) _ ok -> ok && (f' <> f || Hashtbl.mem fdgone (f', k))) fduses true
then fact t ("fdead:" ^ f)

// The line scripts/series words the commit from, and what stays.
@script:ocaml depends on fcp@
t << obj.T;
g << gfind.getfn;
pg << gfind.pg;
@@
let pg = List.hd pg in
let dead = tagged "fdead:" t in
let live = List.filter (fun f -> not (List.mem f dead)) (tagged "fdcand:" t) in
Printf.printf "%s:%d: %s: converted (own notifier list: %s() calls mmu_notifier_get_locked()%s)\n"
  pg.Coccilib.file pg.Coccilib.line t g
  (if dead = [] then "" else "; " ^ String.concat ", " dead ^ " dropped");
List.iter (fun f ->
  let why =
    if not (has t ("fddecl:" ^ f)) then
      Printf.sprintf "the declaration of struct %s is not in the file group" t
    else
      "still read at " ^ String.concat ", "
        (Hashtbl.fold (fun (f', k) w acc -> if f' = f && not (Hashtbl.mem fdgone (f', k)) then w :: acc else acc)
           fduses [] |> List.sort_uniq compare) in
  Printf.printf "%s:%d: %s: left: ->%s stays: %s\n" pg.Coccilib.file pg.Coccilib.line t f why)
  live

// (first: the test around a print that goes, its only statement)
@depends on fcp@
identifier obj.T;
identifier fld : script:ocaml() { fdead fld };
identifier dbg : script:ocaml() { is_debug_print dbg };
struct T *Y;
expression Y2;
@@
- if (Y2)
-	dbg(..., <+... Y->fld ...+>, ...);

@depends on fcp@
identifier obj.T;
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

@depends on fcp@
identifier obj.T;
identifier fld : script:ocaml() { fdead fld };
type TY;
@@
struct T {
	...
-	TY fld;
	...
};

// A ->release that did nothing but set a dead flag (and print) goes.
@frel depends on fcp@
identifier gfind.OPS, rel : script:ocaml() { any_fact ("fdwrite:" ^ rel) };
@@
const struct mmu_notifier_ops OPS = { ..., .release = rel, ... };

@frel0 depends on frel@
identifier frel.rel, obj.T, obj.F, MN, MM, E;
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

@depends on frel0@
identifier gfind.OPS, frel.rel;
@@
 const struct mmu_notifier_ops OPS = {
 	...,
-	.release = rel,
 	...
 };

// alloc_notifier() goes before the ops, with free_notifier(): no forward
// declaration.
@depends on fcp disable decl_init@
identifier obj.T, fcp.alloc, gfind.E;
@@
 alloc(...)
 {
-	struct T *E;
 	...
 }

@fcopy depends on fcp@
identifier fcp.alloc;
statement list SL;
@@
static struct mmu_notifier *alloc(struct mm_struct *mm) { SL }

@depends on fcp@
identifier fcp.alloc;
@@
- static struct mmu_notifier *alloc(...) { ... }

// In the place of the ->release that went, as upstream's sgi-gru did,
// else before the ops.
@depends on frel0@
identifier frel.rel, obj.T, gfind.E, fcp.alloc;
statement list fcopy.SL;
@@
+static struct mmu_notifier *alloc(struct mm_struct *mm)
+{
+	struct T *E;
+
+	SL
+}
  void rel(...) { ... }

@depends on frel0@
identifier frel.rel;
@@
- void rel(...) { ... }

@depends on fcp && !frel0@
identifier obj.T, gfind.OPS, gfind.E, fcp.alloc;
statement list fcopy.SL;
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
@depends on fcp && !ftail@
identifier obj.T, obj.F, gfind.OPS, fcp.alloc;
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
@depends on fcp && ftail@
identifier ftail.FN;
expression list ftail.EL;
identifier obj.T, obj.F, gfind.OPS, fcp.alloc;
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

