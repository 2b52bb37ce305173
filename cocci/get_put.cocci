// SPDX-License-Identifier: GPL-2.0-only
#spatch --no-loops
/// Use mmu_notifier_get/put for a driver's own mm -> object table
///
/// Many users of mmu notifiers keep their own table (a hash table or a
/// list, under a spinlock or a mutex) to find the one object, embedding a
/// struct mmu_notifier, that they register per mm.  Since v5.4 the core
/// does this: mmu_notifier_get(ops, mm) returns the one notifier of those
/// ops on the mm, taking a reference, and allocates it through
/// ops->alloc_notifier() the first time; mmu_notifier_put() drops the
/// reference and the last put unregisters it and frees it through
/// ops->free_notifier().  The driver's table, its lock and its
/// registration code go away.
///
/// The rule converts an object only when it can show the whole pattern:
/// a get function "struct T *get(struct mm_struct *mm)" that looks the
/// object up in a static table under a static lock, and otherwise
/// allocates it, initialises it, registers it with
/// (__)mmu_notifier_register() and adds it to the table; a put function
/// "void put(struct T *obj)" that drops a count and on the last one
/// unlinks the object, unregisters it and frees it; and no other user of
/// the table.  Or, second shape (sgi-gru): no table of the driver's own,
/// a helper walks the mm's notifier list (mm->mmu_notifier_mm) for the
/// driver's ops; the get reuses what it finds (taking an atomic count) or
/// allocates, initialises and registers a new object; the put drops the
/// count and on the last one unregisters and frees.  That get becomes
/// mmu_notifier_get() (mmu_notifier_get_locked() where it called
/// __mmu_notifier_register() under the caller's mmap_sem), the helper
/// goes, and what the put did after the kfree() moves to free_notifier().
/// Module exit: mmu_notifier_synchronize() is added when the file group
/// has exactly one module_exit(), with #include <linux/mmu_notifier.h>
/// unless the file or a local header it includes has it.  Everything else
/// is reported (MODE=report, or on stdout in patch mode), one line per
/// object:
///   FILE:LINE: OBJECT: table T, lock L, lookups at F:L,...: not converted: REASON
//
// Commit message text for the lifetime change (the series takes it from
// here; keep it in sync with the rule):
//
//   Lifetime change: the object is no longer freed by the put function
//   itself. mmu_notifier_put() drops the reference; the last one unhooks
//   the notifier and queues the free with call_srcu(), so free_notifier()
//   runs after an SRCU grace period, once no callback of the notifier can
//   still be running (before, mmu_notifier_unregister() waited for them
//   with synchronize_srcu() and the object was freed right away).  The
//   object must not be touched after mmu_notifier_put().  ->release is no
//   longer called by the put, only when the mm goes away, so the driver
//   must have stopped using the mm before its last put.  free_notifier()
//   is called from an SRCU callback and must not sleep.  Because the free
//   is asynchronous, the module calls mmu_notifier_synchronize() in its
//   exit function so no free_notifier() callback outlives the module.
//   Locking change: the get now takes the mm's mmap_sem for write
//   (mmu_notifier_get()), or expects it held (mmu_notifier_get_locked(),
//   used where the driver called __mmu_notifier_register()), instead of
//   the driver's table lock.
//
// Confidence: Moderate
// Copyright: (C) 2026 the mmu-notifier-series authors.
// Options: --no-includes --include-headers --no-loops (the #spatch line: matching
//   a whole body that returns from inside a loop otherwise never ends)
// Comments: the refcount, mm and link fields of the object are left in
//   place (unused after the conversion) for the maintainer to drop.

virtual patch
virtual context
virtual org
virtual report

// ---------------------------------------------------------------------
// Facts: the objects, their lookups and their registration.
// ---------------------------------------------------------------------

@obj@
identifier T, F;
struct T *E;
expression M;
position p;
@@
(
__mmu_notifier_register@p(&E->F, M)
|
mmu_notifier_register@p(&E->F, M)
)

@look@
identifier obj.T;
struct T *E;
expression TBL;
position p;
identifier fn, LINK;
statement S;
iterator name hash_for_each_possible, hash_for_each_possible_rcu;
iterator name list_for_each_entry, list_for_each_entry_rcu;
@@
fn(...) {
<...
(
hash_for_each_possible@p(TBL, E, LINK, ...) S
|
hash_for_each_possible_rcu@p(TBL, E, LINK, ...) S
|
list_for_each_entry@p(E, TBL, LINK) S
|
list_for_each_entry_rcu@p(E, TBL, LINK) S
)
...>
}

// A lookup compares the object's mm field (mm, *_mm) with a value: a walk of the
// table for any other purpose is not a lookup by mm.
@mmkey@
identifier look.fn, obj.T;
identifier mmf : script:ocaml() { mmf = "mm" || (String.length mmf > 3 && String.sub mmf (String.length mmf - 3) 3 = "_mm") };
struct T *E;
expression X;
@@
fn(...) {
<+...
\(E->mmf == X\|X == E->mmf\|E->mmf != X\|X != E->mmf\)
...+>
}

@lk exists@
identifier look.fn;
expression L;
statement S;
position look.p;
iterator name hash_for_each_possible, hash_for_each_possible_rcu;
iterator name list_for_each_entry, list_for_each_entry_rcu;
@@
fn(...) {
...
\(spin_lock(L)\|spin_lock_irq(L)\|spin_lock_irqsave(L, ...)\|spin_lock_bh(L)\|mutex_lock(L)\|down_read(L)\|down_write(L)\|srcu_read_lock(L)\)
... when any
(
hash_for_each_possible@p(...) S
|
hash_for_each_possible_rcu@p(...) S
|
list_for_each_entry@p(...) S
|
list_for_each_entry_rcu@p(...) S
)
...
}

// The map is a pointer field of struct mm_struct itself (mm->FLD): the
// lookup is a read of that field, under the lock taken before it.
@mmfield@
identifier obj.T, fn, FLD;
struct mm_struct *M;
struct T *E;
position p;
@@
fn(...) {
<+...
E@p = M->FLD;
...+>
}

@mmlk exists@
identifier mmfield.fn;
expression L;
expression E;
position mmfield.p;
@@
fn(...) {
...
\(spin_lock(L)\|mutex_lock(L)\|down_write(L)\)
... when any
E@p = ...;
...
}

// The object records a value other than its mm: the instance (device,
// context) whose table it sits in.
@inst@
identifier obj.T, fn, P, FLD;
type PT;
struct T *E;
position p;
@@
fn(..., PT *P, ...) {
<+...
E->FLD@p = P;
...+>
}

// Every function using the table or its lock.
@tusers@
expression look.TBL;
identifier f;
@@
f(...) {
<+...
TBL
...+>
}

@lusers@
expression lk.L;
identifier f;
@@
f(...) {
<+...
L
...+>
}

// The mm table holds another structure, which points to the notifier
// object (i915: the table of struct i915_mm_struct, ->mn).
@ulook@
identifier U, LINK, fn;
struct U *X;
expression TBL;
statement S;
iterator name hash_for_each_possible, hash_for_each_possible_rcu;
iterator name list_for_each_entry, list_for_each_entry_rcu;
@@
fn(...) {
<+...
(
hash_for_each_possible(TBL, X, LINK, ...) S
|
hash_for_each_possible_rcu(TBL, X, LINK, ...) S
|
list_for_each_entry(X, TBL, LINK) S
|
list_for_each_entry_rcu(X, TBL, LINK) S
)
...+>
}

@holder@
identifier obj.T, ulook.U, FLD;
struct U *X;
struct T *E;
@@
\(X->FLD = E\|E = X->FLD\|E = READ_ONCE(X->FLD)\|cmpxchg(&X->FLD, NULL, E)\)

// Where the object is unregistered.
@tdown@
identifier obj.T, obj.F, fn;
struct T *E;
expression X;
position p;
@@
fn(...) {
<+...
\(mmu_notifier_unregister@p(&E->F, X)\|mmu_notifier_unregister_no_release@p(&E->F, X)\)
...+>
}

// ---------------------------------------------------------------------
// The convertible shape.
// ---------------------------------------------------------------------

@canon@
identifier obj.T, obj.F;
identifier getfn, M, E, LINK, OPS, TBL, L, R;
statement S1, S2, S3;
expression K, K2;
position pg;
iterator name hash_for_each_possible, list_for_each_entry;
@@
struct T *getfn@pg(struct mm_struct *M)
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

@cput@
identifier obj.T, obj.F, canon.LINK, canon.L;
identifier putfn, E;
expression C, X;
position pp;
@@
void putfn@pp(struct T *E)
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

// The table and the lock are static and used by the get and put only.
@stbl@
identifier canon.TBL;
declarer name DEFINE_HASHTABLE, LIST_HEAD;
expression N;
@@
(
static DEFINE_HASHTABLE(TBL, N);
|
static LIST_HEAD(TBL);
)

@slock@
identifier canon.L;
declarer name DEFINE_SPINLOCK, DEFINE_MUTEX;
@@
(
static DEFINE_SPINLOCK(L);
|
static DEFINE_MUTEX(L);
)

@extra@
identifier canon.TBL, canon.L, canon.getfn, cput.putfn;
identifier fn : script:ocaml(getfn, putfn) { not (fn = getfn || fn = putfn) };
position px;
@@
fn(...) {
<+...
\(TBL@px\|L@px\)
...+>
}


// ---------------------------------------------------------------------
// Rewrite: the get becomes mmu_notifier_get() + container_of(); a copy of
// its body, pruned to the allocation and initialisation, becomes
// alloc_notifier(); the put becomes mmu_notifier_put().
// ---------------------------------------------------------------------
@cpok depends on patch && canon && cput && stbl && slock && !extra@
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
identifier obj.T, obj.F, cp.alloc, canon.M, canon.OPS, canon.E, canon.R, canon.L;
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

@depends on cp@
identifier cp.alloc, canon.R, canon.M;
@@
alloc(struct mm_struct *M)
{
...
- int R;
...
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
statement S;
iterator name hlist_for_each_entry_rcu;
@@
struct mmu_notifier *fn(struct mm_struct *MM, const struct mmu_notifier_ops *OP)
{
	<+...
	hlist_for_each_entry_rcu(mn, &MM->mmu_notifier_mm->list, hlist) S
	...+>
}

@gfind@
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

@fput@
identifier obj.T, obj.F, putfn, E, CNT;
expression X, C;
position pp;
@@
void putfn@pp(struct T *E)
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
@fextra@
identifier finder.fn, gfind.getfn, fput.putfn, obj.T, obj.F;
identifier f : script:ocaml(getfn, putfn) { not (f = getfn || f = putfn) };
struct T *X;
position px;
@@
f(...) {
<+...
\(fn@px(...)\|mmu_notifier_unregister@px(&X->F, ...)\|kfree@px(X)\)
...+>
}

@flook@
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
@depends on fcp@
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

@depends on fcp@
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

// Module exit: wait for the free_notifier() callbacks.
// Only when the file group has one module exit: in a directory building
// several modules the rule cannot tell which one holds the ops.
@ex depends on cp || fcp@
declarer name module_exit;
identifier X;
@@
module_exit(X);

@script:ocaml@
x << ex.X;
@@
exits := List.sort_uniq compare (x :: !exits)

@script:ocaml exone@
x << ex.X;
y;
@@
if List.length !exits = 1 then y := make_ident x
else begin
  if x = List.hd !exits then
    Printf.printf "module exits %s: mmu_notifier_synchronize() not added, the group has several\n"
      (String.concat ", " !exits);
  Coccilib.include_match false
end

// The exit's file (read before the exit changes: spatch then reparses it
// from a scratch copy).
@exfn depends on cp || fcp@
identifier exone.y;
position p;
@@
void y@p(void) { ... }

@script:ocaml@
p << exfn.p;
@@
let file = (List.hd p).Coccilib.file in
if not (includes_notifier file) then incfiles := file :: !incfiles

@depends on cp || fcp@
identifier exone.y;
@@
void y(void)
{
	... when != mmu_notifier_synchronize();
+	mmu_notifier_synchronize();
}

// mmu_notifier_synchronize() is declared in <linux/mmu_notifier.h>: the
// exit's file gets the include, next to <linux/module.h>, unless it has it
// already, itself or in a header of its own directory it includes.
@depends on cp || fcp@
position q : script:ocaml() { needs_include q };
@@
+#include <linux/mmu_notifier.h>
 #include <linux/module.h>@q

// ---------------------------------------------------------------------
// Report: one line per object the rule did not convert, with the reason.
// ---------------------------------------------------------------------

@initialize:ocaml@
@@
(* per object (struct name): where it is registered, its lookups (table,
   lock, place), and the facts the conversion needs *)
let objs = Hashtbl.create 7
let exits = ref []

(* The #include lines of a file: (local, name) for #include "name" / <name>. *)
let include_lines file =
  try
    let ic = open_in file in
    let rec loop acc =
      match input_line ic with
      | exception End_of_file -> close_in ic; List.rev acc
      | s ->
        let s = String.trim s in
        let n = String.length s in
        let acc =
          if n > 10 && String.sub s 0 8 = "#include" then
            let r = String.trim (String.sub s 8 (n - 8)) in
            let m = String.length r in
            if m > 2 && (r.[0] = '"' || r.[0] = '<') then
              let close = if r.[0] = '"' then '"' else '>' in
              (match String.index_from_opt r 1 close with
               | Some k -> (r.[0] = '"', String.sub r 1 (k - 1)) :: acc
               | None -> acc)
            else acc
          else acc in
        loop acc in
    loop []
  with Sys_error _ -> []
(* file includes <linux/mmu_notifier.h>, itself or through a local header
   of its directory that does *)
let includes_notifier file =
  let direct f = List.mem (false, "linux/mmu_notifier.h") (include_lines f) in
  direct file ||
  List.exists (fun (local, h) -> local && direct (Filename.concat (Filename.dirname file) h))
    (include_lines file)
let incfiles = ref []
let needs_include q = List.mem (List.hd q).Coccilib.file !incfiles
let looks = Hashtbl.create 7
let locks = Hashtbl.create 7
let facts = Hashtbl.create 7
let fact t f = Hashtbl.replace facts (t, f) ()
let has t f = Hashtbl.mem facts (t, f)
let short file = Filename.basename file
let where p = Printf.sprintf "%s:%d" (short p.Coccilib.file) p.Coccilib.line

@script:ocaml@
t << obj.T;
p << obj.p;
@@
let p = List.hd p in
if not (Hashtbl.mem objs t) then Hashtbl.replace objs t p

@script:ocaml@
t << obj.T;
tbl << look.TBL;
p << look.p;
k << mmkey.mmf;
@@
ignore k;
let p = List.hd p in
Hashtbl.replace looks (t, where p) (tbl, p.Coccilib.current_element)

@script:ocaml@
t << obj.T;
l << lk.L;
p << look.p;
@@
Hashtbl.replace locks (t, where (List.hd p)) l

@script:ocaml@
t << obj.T;
g << canon.getfn;
@@
ignore g;
fact t "canon"

@script:ocaml@
t << obj.T;
pf << cput.putfn;
@@
fact t "put";
fact t ("putfn:" ^ pf)

@script:ocaml depends on stbl@
t << obj.T;
@@
fact t "stbl"

@script:ocaml depends on slock@
t << obj.T;
@@
fact t "slock"

@script:ocaml@
t << obj.T;
fn << extra.fn;
@@
fact t ("extra:" ^ fn)

@script:ocaml@
t << obj.T;
g << gfind.getfn;
@@
ignore g;
fact t "find"

@script:ocaml@
t << obj.T;
pf << fput.putfn;
@@
fact t "fput";
fact t ("putfn:" ^ pf)

@script:ocaml@
t << obj.T;
fn << fextra.f;
@@
fact t ("fextra:" ^ fn)

@script:ocaml@
t << obj.T;
f << finder.fn;
p << flook.p;
@@
let p = List.hd p in
Hashtbl.replace looks (t, where p) (ignore f; "mm->mmu_notifier_mm->list", p.Coccilib.current_element);
Hashtbl.replace locks (t, where p) "mmap_sem+rcu"

@script:ocaml@
t << obj.T;
fld << mmfield.FLD;
p << mmfield.p;
@@
let p = List.hd p in
Hashtbl.replace looks (t, where p) ("mm->" ^ fld, p.Coccilib.current_element);
fact t ("mmfield:" ^ fld)

@script:ocaml@
t << obj.T;
l << mmlk.L;
p << mmfield.p;
@@
Hashtbl.replace locks (t, where (List.hd p)) l

@script:ocaml@
t << obj.T;
fn << inst.fn;
pt << inst.PT;
par << inst.P;
fld << inst.FLD;
@@
if pt <> "struct mm_struct" then
  fact t (Printf.sprintf "inst:->%s = %s in %s" fld par fn)

@script:ocaml@
t << obj.T;
fn << tdown.fn;
@@
fact t ("tdown:" ^ fn)

@script:ocaml@
t << obj.T;
f << tusers.f;
@@
fact t ("user:" ^ f)

@script:ocaml@
t << obj.T;
f << lusers.f;
@@
fact t ("user:" ^ f)

@script:ocaml@
t << obj.T;
u << ulook.U;
tbl << ulook.TBL;
fld << holder.FLD;
@@
fact t (Printf.sprintf "holder:%s in %s (->%s)" u (String.concat "" (String.split_on_char ' ' tbl)) fld)

@finalize:ocaml@
@@
let tagged k t =
  let n = String.length k in
  Hashtbl.fold (fun (t', f) () acc ->
    if t' = t && String.length f > n && String.sub f 0 n = k
    then String.sub f n (String.length f - n) :: acc else acc) facts []
  |> List.sort_uniq compare in
let extras = tagged "extra:" in
let lines = ref [] in
Hashtbl.iter (fun t p ->
  let lk = Hashtbl.fold (fun (t', w) v acc -> if t' = t then (w, v) :: acc else acc)
      looks [] |> List.sort compare in
  let tables = List.sort_uniq compare (List.map (fun (_, (tbl, _)) -> tbl) lk) in
  let lks = List.sort_uniq compare (List.concat_map (fun (w, _) ->
      try [Hashtbl.find locks (t, w)] with Not_found -> []) lk) in
  let none l = if l = [] then "none" else String.concat ", " l in
  let nosp s = String.concat "" (String.split_on_char ' ' s) in
  let lookfns = List.sort_uniq compare (List.map (fun (_, (_, fn)) -> fn) lk) in
  let putfns = tagged "putfn:" t in
  let tdowns = List.filter (fun f -> not (List.mem f putfns)) (tagged "tdown:" t) in
  let others = List.filter (fun f -> not (List.mem f lookfns || List.mem f tdowns || List.mem f putfns || f = p.Coccilib.current_element))
      (tagged "user:" t) in
  let blockers = List.concat [
    List.map (fun f -> Printf.sprintf "the mm -> object map is the field mm->%s of struct mm_struct itself: dropping it changes the core's struct mm_struct and every user of the field, beyond a driver conversion" f)
      (tagged "mmfield:" t);
    List.filter_map (fun tbl ->
        let tbl = nosp tbl in
        if String.contains tbl '>' && not (String.length tbl > 4 && String.sub tbl 0 4 = "mm->") then
          Some (Printf.sprintf "the table %s is a field of a per-instance structure, not a static table: mmu_notifier_get() keys on the ops and the mm only, so all instances would share one object" tbl)
        else None) tables;
    List.map (fun s -> "the object records its instance (" ^ s ^ "), which an object shared by all instances cannot")
      (tagged "inst:" t);
    (if has t "put" || tdowns = [] then [] else
        [Printf.sprintf "no put \"void put(struct T *)\" dropping a count: the object is unregistered in %s, so each holder of it would need its own mmu_notifier_put(), which the rule cannot place"
          (String.concat ", " tdowns)]);
    (if others = [] || has t "canon" then [] else
        ["the table or its lock is also used by " ^ String.concat ", " others]) ] in
  let reason =
    if has t "find" then
      (if not (has t "fput") then
        Some "the get reuses the registration it finds on the mm's own notifier list, but there is no put \"void put(struct T *)\" that drops an atomic count and on the last one unregisters and frees"
      else match tagged "fextra:" t with
        | [] -> None
        | l -> Some ("the lookup helper is called, or the object unregistered or freed, also by " ^ String.concat ", " l))
    else if lk = [] then
      (match tagged "holder:" t with
       | [] -> Some "no mm -> object table: the object is not looked up by its mm (one notifier per object)"
       | l -> Some ("the object itself is not looked up by its mm: the mm table holds struct " ^ String.concat ", " l ^ ", which points to the object and lives on without it; mmu_notifier_get() would replace the registration, not that table"))
    else if blockers <> [] then
      Some (String.concat "; " blockers)
    else if not (has t "canon") then
      Some "the lookup and the registration are not one get function \"struct T *get(struct mm_struct *)\" that locks, looks up, allocates, registers with mmu_notifier_register() and adds to the table"
    else if not (has t "put") then
      Some "no put function \"void put(struct T *)\" that drops a count, unlinks, unregisters and frees: the object is torn down elsewhere"
    else if not (has t "stbl") then
      Some "the table is not a static DEFINE_HASHTABLE()/LIST_HEAD()"
    else if not (has t "slock") then
      Some "the lock is not a static DEFINE_SPINLOCK()/DEFINE_MUTEX()"
    else match extras t with
      | [] -> None
      | l -> Some ("the table or its lock is also used by " ^ String.concat ", " l)
  in
  match reason with
  | None -> ()
  | Some r ->
    lines := Printf.sprintf "%s:%d: %s: table %s, lock %s, lookups at %s: not converted: %s"
        p.Coccilib.file p.Coccilib.line t (none (List.map nosp tables)) (none (List.map nosp lks))
        (none (List.map (fun (w, (_, fn)) -> w ^ " (" ^ fn ^ ")") lk)) r :: !lines)
  objs;
List.iter print_endline (List.sort compare !lines)
