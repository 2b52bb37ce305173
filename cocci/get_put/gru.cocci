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
@@
struct T *getfn(...)
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

@depends on fcp && !ftail@
identifier obj.T, obj.F, gfind.OPS, fcp.alloc;
fresh identifier FR = T ## "_free_notifier";
@@
+static struct mmu_notifier *alloc(struct mm_struct *mm);
+
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

// What the put did after the kfree() (a statistic, a trace) moves along.
@depends on fcp && ftail@
identifier ftail.FN;
expression list ftail.EL;
identifier obj.T, obj.F, gfind.OPS, fcp.alloc;
fresh identifier FR = T ## "_free_notifier";
@@
+static struct mmu_notifier *alloc(struct mm_struct *mm);
+
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

