// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/get_put.cocci, which lists its parts in order: the rewrite
// of the third shape.

// ---- rewrite ----

// Every return between the get and the store drops the reference (first:
// the places found above hold only until something changes).
@depends on device_convert@
identifier holder_store.H, holder_store.E, registered.F;
position return_before_store.pr;
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
@depends on device_convert disable decl_init@
identifier registered.T, device_get.getfn, device_get.M, device_get.P, device_get.E, device_get.L, device_get.TBL, device_get.LINK;
identifier registered.F, device_get.OPS, FLD;
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
@device_register_goto depends on device_convert@
identifier device_get.getfn, device_get.E, registered.F, device_get.M, device_get.R, device_get.REG, LBL;
@@
getfn(...)
{
	<...
	R = REG(&E->F, M);
	if (R)
		goto LBL;
	...>
}

@depends on device_convert@
identifier device_get.getfn, device_get.E, registered.F, device_get.M, device_get.R, device_get.REG, device_register_goto.LBL;
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

@depends on device_convert@
identifier device_get.getfn, device_get.E, registered.F, device_get.M, device_get.R, device_get.REG;
statement S;
@@
getfn(...)
{
	<...
-	R = REG(&E->F, M);
-	if (R) S
	...>
}

@depends on device_convert@
identifier device_get.getfn, device_get.E;
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

@depends on device_convert@
identifier device_get.getfn, device_get.E, registered.F;
@@
getfn(...)
{
	<...
-	return E;
+	return &E->F;
	...>
}

// Labels nothing jumps to any more.
@device_label_used depends on device_convert@
identifier device_get.getfn, LBL;
@@
getfn(...) { <+... goto LBL; ...+> }

@depends on device_convert@
identifier device_get.getfn, LBL != device_label_used.LBL;
@@
getfn(...)
{
	<...
-	LBL:
	...>
}

@depends on device_convert disable decl_init@
identifier device_get.getfn, device_get.R;
@@
getfn(...)
{
	... when != R
-	int R;
	... when != R
}

@depends on device_convert@
identifier device_get.getfn, device_get.M;
@@
getfn(...)
{
	<...
-	M
+	mm
	...>
}

@device_get_body depends on device_convert@
identifier registered.T, device_get.getfn, device_get.I, device_get.P;
statement list SL;
@@
static struct T *getfn(struct I *P) { SL }

// ->release: the old one goes, the new one runs the callback over the
// whole address space, right after the callback.
@depends on device_convert@
identifier release_queues_work.REL;
@@
- static void REL(...) { ... }

@depends on device_convert && range_start_has_flags@
identifier ops_range_start.CB, release_queues_work.REL, release_queues_work.MN, release_queues_work.MM;
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

@depends on device_convert && !range_start_has_flags@
identifier ops_range_start.CB, release_queues_work.REL, release_queues_work.MN, release_queues_work.MM;
@@
 CB(...) { ... }
+
+static void REL(struct mmu_notifier *MN, struct mm_struct *MM)
+{
+	struct mmu_notifier_range range = {
+		.mm = MM,
+		.start = 0,
+		.end = ULONG_MAX,
+	};
+
+	CB(MN, &range);
+}

@depends on device_convert@
identifier release_queues_work.D;
@@
- static void D(...) { ... }

@depends on device_convert@
identifier registered.T, device_get.getfn;
@@
- static struct T *getfn(...) { ... }

@depends on device_convert@
identifier registered.T, device_get.OPS, device_get.E, device_decision.alloc;
statement list device_get_body.SL;
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
@depends on device_convert@
identifier registered.T, registered.F, device_get.OPS, device_decision.alloc, device_decision.free;
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
@depends on device_convert@
identifier registered.T, registered.F, device_get.OPS, holder_store.H, holder_store.E, device_get.getfn;
expression holder_store.A;
expression device_get.MX;
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

@depends on device_convert@
identifier registered.T, holder_store.H, holder_store.E;
@@
H(...)
{
	...
+	struct mmu_notifier *mn;
	struct T *E;
	...
}

@depends on device_convert@
identifier holder_clear_fn.U, device_get.L;
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

@depends on device_convert disable is_null, not_ptr1@
identifier holder_clear_fn.U, holder_clear_fn.E;
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

@depends on device_convert@
identifier holder_clear_fn.U, holder_clear_fn.E, holder_store.HF, registered.F;
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
@depends on device_convert@
identifier fn : script:ocaml() { holder_fn fn };
identifier device_get.I, V, FLD;
expression Y;
@@
fn(...)
{
	...
-	struct I *V = Y->FLD;
	... when != V
}

// Fields of the object and of the instance that nothing uses any more.
@depends on device_convert@
identifier registered.T;
identifier fld : script:ocaml() { Hashtbl.mem hdrop fld };
type TY;
@@
struct T {
	...
-	TY fld;
	...
};

@depends on device_convert@
identifier device_get.I, device_get.L;
@@
struct I {
	...
-	struct mutex L;
	...
};

@depends on device_convert@
identifier device_get.I;
field fd : script:ocaml() { is_table_field fd };
@@
struct I {
	...
-	fd
	...
};

@depends on device_convert@
identifier device_get.TBL, device_get.L;
expression Y;
@@
(
- mutex_init(&Y->L);
|
- hash_init(Y->TBL);
)

