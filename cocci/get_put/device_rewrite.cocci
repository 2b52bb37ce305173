// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/get_put.cocci, which lists its parts in order: the rewrite
// of the third shape.

// ---- rewrite ----

// Every return between the get and the store drops the reference (first:
// the places found above hold only until something changes).
@depends on hgo@
identifier hh.H, hh.E, obj.F;
position herr.pr;
expression RV;
@@
H(...)
{
	<...
+	mmu_notifier_put(&E->F);
	return@pr RV;
	...>
}

// The get is pruned in place to what alloc_notifier() keeps: allocation
// and the object's own initialisation.  Then its body moves into
// alloc_notifier(), next to free_notifier(), before the ops.
@depends on hgo disable decl_init@
identifier obj.T, hget.getfn, hget.M, hget.P, hget.E, hget.L, hget.TBL, hget.LINK;
identifier obj.F, hget.OPS, FLD;
expression K, MX;
statement S;
iterator name hash_for_each_possible;
@@
getfn(...)
{
	<...
(
-	struct mm_struct *M = MX;
|
-	struct T *E;
|
-	if (down_write_killable(&M->mmap_sem)) S
|
-	down_write(&M->mmap_sem);
|
-	up_write(&M->mmap_sem);
|
-	mutex_lock(&P->L);
|
-	mutex_unlock(&P->L);
|
-	hash_for_each_possible(P->TBL, E, LINK, K) S
|
-	E->F.ops = &OPS;
|
-	E->FLD = P;
|
-	E->FLD = M;
|
-	hash_add(P->TBL, &E->LINK, K);
)
	...>
}

// The failed registration's path goes with the registration.
@hgoto depends on hgo@
identifier hget.getfn, hget.E, obj.F, hget.M, hget.R, hget.REG, LBL;
@@
getfn(...)
{
	<...
	R = REG(&E->F, M);
	if (R)
		goto LBL;
	...>
}

@depends on hgo@
identifier hget.getfn, hget.E, obj.F, hget.M, hget.R, hget.REG, hgoto.LBL;
@@
getfn(...)
{
	<...
(
-	R = REG(&E->F, M);
-	if (R)
-		goto LBL;
|
-	LBL:
-	kfree(E);
-	return ERR_PTR(R);
)
	...>
}

@depends on hgo@
identifier hget.getfn, hget.E, obj.F, hget.M, hget.R, hget.REG;
statement S;
@@
getfn(...)
{
	<...
-	R = REG(&E->F, M);
-	if (R) S
	...>
}

@depends on hgo@
identifier hget.getfn, hget.E;
statement S;
@@
getfn(...)
{
	...
	if (!E)
(
	return ERR_PTR(-ENOMEM);
|
-	S
+	return ERR_PTR(-ENOMEM);
)
	...
}

@depends on hgo@
identifier hget.getfn, hget.E, obj.F;
@@
getfn(...)
{
	<...
-	return E;
+	return &E->F;
	...>
}

// Labels nothing jumps to any more.
@hlbl depends on hgo@
identifier hget.getfn, LBL;
@@
getfn(...) { <+... goto LBL; ...+> }

@depends on hgo@
identifier hget.getfn, LBL != hlbl.LBL;
@@
getfn(...)
{
	<...
-	LBL:
	...>
}

@depends on hgo disable decl_init@
identifier hget.getfn, hget.R;
@@
getfn(...)
{
	... when != R
-	int R;
	... when != R
}

@depends on hgo@
identifier hget.getfn, hget.M;
@@
getfn(...)
{
	<...
-	M
+	mm
	...>
}

@hcopy depends on hgo@
identifier obj.T, hget.getfn, hget.I, hget.P;
statement list SL;
@@
static struct T *getfn(struct I *P) { SL }

// ->release: the old one goes, the new one runs the callback over the
// whole address space, right after the callback.  The range is blockable
// whether or not the callback asks (a void callback of v4.9-v4.18 never
// does): ->release may sleep.
@depends on hgo@
identifier hrel.REL;
@@
- static void REL(...) { ... }

@depends on hgo@
identifier hcb.CB, hrel.REL, hrel.MN, hrel.MM;
@@
 CB(...) { ... }
+
+static void REL(struct mmu_notifier *MN, struct mm_struct *MM)
+{
+	struct mmu_notifier_range range = {
+		.mm = MM,
+		.start = 0,
+		.end = ULONG_MAX,
+		.flags = MMU_NOTIFIER_RANGE_BLOCKABLE,
+		.event = MMU_NOTIFY_UNMAP,
+	};
+
+	CB(MN, &range);
+}

@depends on hgo@
identifier hrel.D;
@@
- static void D(...) { ... }

@depends on hgo@
identifier obj.T, hget.getfn;
@@
- static struct T *getfn(...) { ... }

@depends on hgo@
identifier obj.T, hget.OPS, hget.E, hok.alloc;
statement list hcopy.SL;
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
@depends on hgo@
identifier obj.T, obj.F, hget.OPS, hok.alloc, hok.free;
@@
+static void free(struct mmu_notifier *mn)
+{
+	kfree(container_of(mn, struct T, F));
+}
+
 const struct mmu_notifier_ops OPS = {
 	...,
+	.alloc_notifier = alloc,
+	.free_notifier = free,
 };

// The holder: mmu_notifier_get() in the get's place, a put on every
// return before the store.
@depends on hgo@
identifier obj.T, obj.F, hget.OPS, hh.H, hh.E, hget.getfn;
expression hh.A;
expression hget.MX;
@@
H(...)
{
	...
-	E = getfn(A);
-	if (IS_ERR(E))
-		return PTR_ERR(E);
+	mn = mmu_notifier_get(&OPS, MX);
+	if (IS_ERR(mn))
+		return PTR_ERR(mn);
+	E = container_of(mn, struct T, F);
	...
}

@depends on hgo@
identifier obj.T, hh.H, hh.E;
@@
H(...)
{
	...
+	struct mmu_notifier *mn;
	struct T *E;
	...
}

@depends on hgo@
identifier hu.U, hget.L;
expression Y;
@@
U(...)
{
	<...
(
-	mutex_lock(&Y->L);
|
-	mutex_unlock(&Y->L);
)
	...>
}

@depends on hgo disable is_null, not_ptr1@
identifier hu.U, hu.E;
@@
U(...)
{
	...
(
-	if (E == NULL) { return; }
+	if (E == NULL)
+		return;
|
-	if (!E) { return; }
+	if (!E)
+		return;
)
	...
}

@depends on hgo@
identifier hu.U, hu.E, hh.HF, obj.F;
expression X;
@@
U(...)
{
	...
-	X->HF = NULL;
	...
+	mmu_notifier_put(&E->F);
+	X->HF = NULL;
}

// Locals that only fed the get or the lock.
@depends on hgo@
identifier fn : script:ocaml() { holder_fn fn };
identifier hget.I, V, FLD;
expression Y;
@@
fn(...)
{
	...
-	struct I *V = Y->FLD;
	... when != V
}

// Fields of the object and of the instance that nothing uses any more.
@depends on hgo@
identifier obj.T;
identifier fld : script:ocaml() { Hashtbl.mem hdrop fld };
type TY;
@@
struct T {
	...
-	TY fld;
	...
};

@depends on hgo@
identifier hget.I, hget.L;
@@
struct I {
	...
-	struct mutex L;
	...
};

@depends on hgo@
identifier hget.I;
field fd : script:ocaml() { is_table_field fd };
@@
struct I {
	...
-	fd
	...
};

@depends on hgo@
identifier hget.TBL, hget.L;
expression Y;
@@
(
- mutex_init(&Y->L);
|
- hash_init(Y->TBL);
)

