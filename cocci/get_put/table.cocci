// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/get_put.cocci, which lists its parts in order: the first
// shape, a static table, and its rewrite.

@initialize:ocaml@
@@
(* The facts of this shape. *)
(* the get looks up, allocates, registers and adds (static_get) *)
let has_static_get : flag = table ()
(* a put dropping a count that unlinks, unregisters and frees, itself or
   through a kref release (and list_put, gru.cocci) *)
let has_put : flag = table ()
(* the functions that are that put, or the release (gru.cocci's put too:
   the module exit must not tear down before them) *)
let put_fns : string facts = table ()
(* the get, put and kref release functions of the objects, of every
   shape: the table's own users, which table_other_user(_kref) and
   list_other_user do not count *)
let own : string list ref = cell []
(* the table is a static DEFINE_HASHTABLE()/LIST_HEAD(), the lock a static
   DEFINE_SPINLOCK()/DEFINE_MUTEX() *)
let table_is_static : flag = table ()
let lock_is_static : flag = table ()
(* the other functions using the table or the lock *)
let table_others : string facts = table ()
(* a put dropping a kref of the object: (put, release function) *)
let kref_puts : (string * string) facts = table ()

// ---------------------------------------------------------------------
// The convertible shape.
// ---------------------------------------------------------------------

@static_get depends on lookup_by_mm || mm_field_map@
identifier registered.T, registered.F;
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

@static_put depends on static_get@
identifier registered.T, registered.F, static_get.LINK, static_get.L;
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
@kref_release depends on static_get@
identifier registered.T, registered.F, static_get.LINK, static_get.L;
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

@kref_put_locked depends on kref_release@
identifier registered.T, kref_release.relfn, kref_release.RF, static_get.L;
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
// kref_release/kref_put_locked do not match.
@any_kref_put depends on static_get@
identifier registered.T, putfn, E, RF, rel;
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
// not "other users" (table_other_user, table_other_user_kref,
// list_other_user).
@script:ocaml@
t << registered.T;
g << static_get.getfn;
@@
own := g :: own.contents;
set has_static_get t

@script:ocaml@
t << registered.T;
pf << static_put.putfn;
@@
own := pf :: own.contents;
set has_put t;
add put_fns t pf

@script:ocaml@
t << registered.T;
pf << kref_put_locked.putfn;
rel << kref_release.relfn;
@@
own := pf :: rel :: own.contents;
set has_put t;
add put_fns t pf;
add put_fns t rel

@static_table depends on static_get@
identifier static_get.TBL;
declarer name DEFINE_HASHTABLE, LIST_HEAD;
expression N;
@@
(
static DEFINE_HASHTABLE(TBL, N);
|
static LIST_HEAD(TBL);
)

@static_lock depends on static_get@
identifier static_get.L;
declarer name DEFINE_SPINLOCK, DEFINE_MUTEX;
@@
(
static DEFINE_SPINLOCK(L);
|
static DEFINE_MUTEX(L);
)

@table_other_user depends on static_put@
identifier static_get.TBL, static_get.L;
identifier fn : script:ocaml() { not (List.mem fn own.contents) };
@@
fn(...) {
<+...
\(TBL\|L\)
...+>
}

@table_other_user_kref depends on kref_put_locked@
identifier static_get.TBL, static_get.L;
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
@static_convertible depends on patch && static_get && (static_put || kref_put_locked) && static_table && static_lock && !table_other_user && !table_other_user_kref@
identifier registered.T, static_get.getfn;
@@
struct T *getfn(...) { ... }

@script:ocaml static_convert depends on static_convertible@
t << registered.T;
alloc;
@@
alloc := make_ident (t ^ "_alloc_notifier")

// The get becomes alloc_notifier() and a new get wraps mmu_notifier_get();
// a static get stays static (the first rule), any other keeps its linkage.
@depends on static_convert@
identifier registered.T, registered.F, static_get.getfn, static_get.M, static_get.OPS, static_convert.alloc;
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

@depends on static_convert@
identifier registered.T, registered.F, static_get.getfn, static_get.M, static_get.OPS, static_convert.alloc;
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
@static_prune depends on static_convert@
identifier registered.F, static_convert.alloc, static_get.M, static_get.OPS, static_get.E, static_get.R, static_get.L;
identifier static_get.TBL, static_get.LINK;
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

@return_in_walk depends on static_convert@
identifier static_convert.alloc, static_get.M, static_get.E, static_get.TBL, static_get.LINK;
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

@depends on static_convert@
identifier static_convert.alloc, static_get.M, static_get.E, registered.F;
position p != return_in_walk.p;
@@
alloc(struct mm_struct *M)
{
<...
- return@p E;
+ return &E->F;
...>
}

@depends on static_convert@
identifier static_convert.alloc, static_get.E, static_get.M;
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

@depends on static_convert disable decl_init@
identifier static_convert.alloc, static_get.R, static_get.M;
@@
alloc(struct mm_struct *M)
{
	... when != R
-	int R;
	... when != R
}

@static_ops depends on static_convert@
identifier registered.T, registered.F, static_get.OPS, static_convert.alloc;
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

@static_put_rewrite depends on static_convert@
identifier registered.T, registered.F, static_put.putfn, static_put.E, static_get.LINK, static_get.L;
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
@depends on static_convert && kref_put_locked@
identifier registered.T, registered.F, kref_put_locked.putfn, kref_put_locked.E, kref_release.RF, kref_release.relfn, static_get.L;
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

@depends on static_convert && kref_put_locked@
identifier kref_release.relfn, K;
@@
- void relfn(struct kref *K) { ... }

@depends on static_convert@
identifier static_get.TBL, static_get.L;
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

