// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/get_put.cocci, which lists its parts in order: the first
// shape, a static table, and its rewrite.

// ---------------------------------------------------------------------
// The convertible shape.
// ---------------------------------------------------------------------

@canon depends on bymm || mmfield@
identifier obj.T, obj.F;
identifier getfn, M, E, LINK, OPS, TBL, L, R;
statement S1, S2, S3;
expression K, K2;
iterator name hash_for_each_possible, list_for_each_entry;
@@
struct T *getfn(struct mm_struct *M)
{
	...
(
	spin_lock(&L);
|
	mutex_lock(&L);
)
(
	hash_for_each_possible(TBL, E, LINK, K) S1
|
	list_for_each_entry(E, &TBL, LINK) S1
)
	...
	E = \(kzalloc\|kmalloc\)(sizeof(*E), GFP_KERNEL);
	if (!E) S2
	... when != E->F.ops = &OPS;
	E->F.ops = &OPS;
	R = mmu_notifier_register(&E->F, M);
	if (R) S3
	...
(
	hash_add(TBL, &E->LINK, K2);
|
	list_add(&E->LINK, &TBL);
|
	list_add_tail(&E->LINK, &TBL);
)
	...
}

@cput depends on canon@
identifier obj.T, obj.F, canon.LINK, canon.L;
identifier putfn, E;
expression C, X;
@@
void putfn(struct T *E)
{
(
	spin_lock(&L);
|
	mutex_lock(&L);
)
	if (C) {
		...
		return;
	}
(
	hash_del(&E->LINK);
|
	list_del(&E->LINK);
|
	list_del_init(&E->LINK);
)
(
	spin_unlock(&L);
|
	mutex_unlock(&L);
)
	mmu_notifier_unregister(&E->F, X);
	kfree(E);
}

// Or the count is a kref: the put drops it with kref_put() under the lock
// (or kref_put_mutex()/kref_put_lock(), which take the lock on the last
// drop), and the release function unlinks, unlocks if it was handed the
// lock, unregisters and frees.
@krel depends on canon@
identifier obj.T, obj.F, canon.LINK, canon.L;
identifier relfn, K, E, RF;
expression X;
@@
void relfn(struct kref *K)
{
	struct T *E = container_of(K, struct T, RF);

(
	hash_del(&E->LINK);
|
	list_del(&E->LINK);
|
	list_del_init(&E->LINK);
)
(
	\(mutex_unlock\|spin_unlock\)(&L);
	mmu_notifier_unregister(&E->F, X);
|
	mmu_notifier_unregister(&E->F, X);
)
	kfree(E);
}

@kput depends on krel@
identifier obj.T, krel.relfn, krel.RF, canon.L;
identifier putfn, E;
@@
void putfn(struct T *E)
{
(
	\(kref_put_mutex\|kref_put_lock\)(&E->RF, relfn, &L);
|
	\(mutex_lock\|spin_lock\)(&L);
	kref_put(&E->RF, relfn);
	\(mutex_unlock\|spin_unlock\)(&L);
)
}

// Any put dropping a kref of the object, to name it in the report when
// krel/kput do not match.
@kany depends on canon@
identifier obj.T, putfn, E, RF, rel;
expression L;
@@
void putfn(struct T *E)
{
	<+...
(
	kref_put(&E->RF, rel)
|
	\(kref_put_mutex\|kref_put_lock\)(&E->RF, rel, L)
)
	...+>
}

// The table and the lock are static and used by the get and put only.
// What the get, put and release functions are: the table's own users,
// not "other users" (extra, kextra, fextra).
@script:ocaml@
t << obj.T;
g << canon.getfn;
@@
own := g :: own.contents;
fact t "canon"

@script:ocaml@
t << obj.T;
pf << cput.putfn;
@@
own := pf :: own.contents;
fact t "put";
fact t ("putfn:" ^ pf)

@script:ocaml@
t << obj.T;
pf << kput.putfn;
rel << krel.relfn;
@@
own := pf :: rel :: own.contents;
fact t "put";
fact t ("putfn:" ^ pf);
fact t ("putfn:" ^ rel)

@stbl depends on canon@
identifier canon.TBL;
declarer name DEFINE_HASHTABLE, LIST_HEAD;
expression N;
@@
(
static DEFINE_HASHTABLE(TBL, N);
|
static LIST_HEAD(TBL);
)

@slock depends on canon@
identifier canon.L;
declarer name DEFINE_SPINLOCK, DEFINE_MUTEX;
@@
(
static DEFINE_SPINLOCK(L);
|
static DEFINE_MUTEX(L);
)

@extra depends on cput@
identifier canon.TBL, canon.L;
identifier fn : script:ocaml() { not (List.mem fn own.contents) };
@@
fn(...) {
<+...
\(TBL\|L\)
...+>
}

@kextra depends on kput@
identifier canon.TBL, canon.L;
identifier fn : script:ocaml() { not (List.mem fn own.contents) };
@@
fn(...) {
<+...
\(TBL\|L\)
...+>
}


// ---------------------------------------------------------------------
// Rewrite: the get becomes mmu_notifier_get() + container_of(); a copy of
// its body, pruned to the allocation and initialisation, becomes
// alloc_notifier(); the put becomes mmu_notifier_put().
// ---------------------------------------------------------------------
@cpok depends on patch && canon && (cput || kput) && stbl && slock && !extra && !kextra@
identifier obj.T, canon.getfn;
@@
struct T *getfn(...) { ... }

@script:ocaml cp depends on cpok@
t << obj.T;
alloc;
@@
alloc := make_ident (t ^ "_alloc_notifier")

// The get becomes alloc_notifier() and a new get wraps mmu_notifier_get();
// a static get stays static (the first rule), any other keeps its linkage.
@depends on cp@
identifier obj.T, obj.F, canon.getfn, canon.M, canon.OPS, cp.alloc;
@@
- static struct T *getfn(struct mm_struct *M)
+ static struct mmu_notifier *alloc(struct mm_struct *M)
  {
  ...
  }
+static struct T *getfn(struct mm_struct *M)
+{
+	struct mmu_notifier *mn;
+
+	mn = mmu_notifier_get(&OPS, M);
+	if (IS_ERR(mn))
+		return ERR_CAST(mn);
+	return container_of(mn, struct T, F);
+}

@depends on cp@
identifier obj.T, obj.F, canon.getfn, canon.M, canon.OPS, cp.alloc;
@@
- struct T *getfn(struct mm_struct *M)
+ static struct mmu_notifier *alloc(struct mm_struct *M)
  {
  <+... mmu_notifier_register(...) ...+>
  }
+struct T *getfn(struct mm_struct *M)
+{
+	struct mmu_notifier *mn;
+
+	mn = mmu_notifier_get(&OPS, M);
+	if (IS_ERR(mn))
+		return ERR_CAST(mn);
+	return container_of(mn, struct T, F);
+}

// Prune the old get, now alloc_notifier(), to allocation and initialisation.
@prune depends on cp@
identifier obj.F, cp.alloc, canon.M, canon.OPS, canon.E, canon.R, canon.L;
identifier canon.TBL, canon.LINK;
expression K;
statement S;
iterator name hash_for_each_possible, list_for_each_entry;
@@
alloc(struct mm_struct *M)
{
<...
(
- spin_lock(&L);
|
- spin_unlock(&L);
|
- mutex_lock(&L);
|
- mutex_unlock(&L);
|
- hash_for_each_possible(TBL, E, LINK, K) S
|
- list_for_each_entry(E, &TBL, LINK) S
|
- E->F.ops = &OPS;
|
- R = mmu_notifier_register(&E->F, M);
- if (R) S
|
- hash_add(TBL, &E->LINK, K);
|
- list_add(&E->LINK, &TBL);
|
- list_add_tail(&E->LINK, &TBL);
)
...>
}

@inloop depends on cp@
identifier cp.alloc, canon.M, canon.E, canon.TBL, canon.LINK;
expression K;
position p;
iterator name hash_for_each_possible, list_for_each_entry;
@@
alloc(struct mm_struct *M)
{
<...
(
hash_for_each_possible(TBL, E, LINK, K) { <... return@p E; ...> }
|
list_for_each_entry(E, &TBL, LINK) { <... return@p E; ...> }
)
...>
}

@depends on cp@
identifier cp.alloc, canon.M, canon.E, obj.F;
position p != inloop.p;
@@
alloc(struct mm_struct *M)
{
<...
- return@p E;
+ return &E->F;
...>
}

@depends on cp@
identifier cp.alloc, canon.E, canon.M;
statement S;
@@
alloc(struct mm_struct *M)
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

@depends on cp disable decl_init@
identifier cp.alloc, canon.R, canon.M;
@@
alloc(struct mm_struct *M)
{
	... when != R
-	int R;
	... when != R
}

@ops depends on cp@
identifier obj.T, obj.F, canon.OPS, cp.alloc;
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

@put depends on cp@
identifier obj.T, obj.F, cput.putfn, cput.E, canon.LINK, canon.L;
expression C, X;
@@
void putfn(struct T *E)
{
(
-	spin_lock(&L);
|
-	mutex_lock(&L);
)
-	if (C) {
-		...
-		return;
-	}
(
-	hash_del(&E->LINK);
|
-	list_del(&E->LINK);
|
-	list_del_init(&E->LINK);
)
(
-	spin_unlock(&L);
|
-	mutex_unlock(&L);
)
-	mmu_notifier_unregister(&E->F, X);
-	kfree(E);
+	mmu_notifier_put(&E->F);
}

// A kref put: its body becomes mmu_notifier_put(), the release function goes.
@depends on cp && kput@
identifier obj.T, obj.F, kput.putfn, kput.E, krel.RF, krel.relfn, canon.L;
@@
void putfn(struct T *E)
{
(
-	\(kref_put_mutex\|kref_put_lock\)(&E->RF, relfn, &L);
|
-	\(mutex_lock\|spin_lock\)(&L);
-	kref_put(&E->RF, relfn);
-	\(mutex_unlock\|spin_unlock\)(&L);
)
+	mmu_notifier_put(&E->F);
}

@depends on cp && kput@
identifier krel.relfn, K;
@@
- void relfn(struct kref *K) { ... }

@depends on cp@
identifier canon.TBL, canon.L;
declarer name DEFINE_HASHTABLE, LIST_HEAD, DEFINE_SPINLOCK, DEFINE_MUTEX;
expression N;
@@
(
- static DEFINE_HASHTABLE(TBL, N);
|
- static LIST_HEAD(TBL);
|
- static DEFINE_SPINLOCK(L);
|
- static DEFINE_MUTEX(L);
)

