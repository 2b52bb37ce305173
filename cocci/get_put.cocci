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
/// unlinks the object, unregisters it and frees it (or drops a kref with
/// kref_put() under the lock, kref_put_mutex() or kref_put_lock(), whose
/// release function does that, the release function going too); and no
/// other user of the table.  Or, second shape (sgi-gru): no table of the
/// driver's own, a helper walks the mm's notifier list
/// (mm->mmu_notifier_mm) for the driver's ops; the get reuses what it finds
/// (taking an atomic count) or allocates, initialises and registers a new
/// object; the put drops the count and on the last one unregisters and
/// frees.  That get becomes mmu_notifier_get() (mmu_notifier_get_locked()
/// where it called __mmu_notifier_register() under the caller's mmap_sem),
/// the helper goes, and what the put did after the kfree() moves to
/// free_notifier().
/// Or, third shape (radeon): the table is a hash table field of a device
/// structure (struct I, under a mutex field); the get
/// "static struct T *get(struct I *dev)" looks up, allocates, records dev
/// and the mm, registers and adds; the object has no count, ->release
/// queues a work item that unlinks, unregisters and frees it; one
/// function stores what the get returns in a holder (X->HF = obj), another
/// reads it back, returns if NULL and clears it.  Converted only if
/// nothing but the get and the work item reads the recorded dev or mm (no
/// callback asks which device an object is for), the get's only caller is
/// that holder, the holder field is cleared in one place with no return
/// after it, and the table and lock are used by nothing but the get, the
/// work item, the clearing function (the lock around it) and their
/// initialisation, which with the fields' declaration is in the file
/// group.  The holder calls mmu_notifier_get() where it called the get,
/// puts on every return between that and the store, and the clearing
/// function ends with the put and the clear; ->release runs the ops' own
/// invalidate_range_start over the whole mm (blockable); the get, the
/// work item, the table, the lock, their initialisation and the object's
/// fields nothing reads any more go.
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
//   Per-device table with holders (third shape): the devices share one
//   object per mm; each holder holds a reference, taken where it got the
//   object, dropped where it drops its pointer and on every error return
//   in between; ->release no longer detaches the holders nor frees, it
//   invalidates the whole mm through the driver's own callback with
//   MMU_NOTIFIER_RANGE_BLOCKABLE (->release may sleep; a non-blockable
//   callback may give up and invalidate nothing).  The full text is in
//   scripts/steptext (get_put unitwhy).
//
// Confidence: Moderate
// Copyright: (C) 2026 the mmu-notifier-series authors.
// Options: --no-includes --include-headers --no-loops (the #spatch line: matching
//   a whole body that returns from inside a loop otherwise never ends)
// Comments: in the first two shapes the refcount, mm and link fields of the
//   object are left in place (unused after the conversion) for the
//   maintainer to drop; the third shape drops the fields only the removed
//   code used.  The third shape removes fields of the device structure: a
//   user of them outside the file group (the directory's candidates, its
//   module exit and its hash table declarations and initialisations) is
//   not seen, and the gate builds only the objects a patch touches.

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

@look depends on obj@
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

// A lookup compares the object's mm field (mm, *_mm) with a value in the
// function of the walk: a walk of the table for any other purpose is not a
// lookup by mm.  The comparison is matched on its own and joined to the walk
// by function in the script that records the lookups: matching it inside
// "fn(...) { ... }" for an inherited fn costs a pass over every function of
// the file per walk (0.5 s of 1.4 s on 5.10's kvm_main.c).
@mmkey depends on look@
identifier obj.T;
identifier mmf =~ "^(mm|.*_mm)$";
struct T *E;
expression X;
position q;
@@
\(E->mmf@q == X\|X == E->mmf@q\|E->mmf@q != X\|X != E->mmf@q\)

// A walk with such a comparison in its function is a lookup by mm.  The
// rules about a table (its lock, its users, the instance the object
// records, the get and put around it) run only when there is one, or when
// the map is a field of the mm itself (mmfield): on a file with neither
// (5.10's kvm_main.c) they would cost as much as all the rest.
@script:ocaml bymm@
t << obj.T;
tbl << look.TBL;
p << look.p;
q << mmkey.q;
ok;
@@
let p = List.hd p and q = List.hd q in
if q.Coccilib.file = p.Coccilib.file && q.Coccilib.current_element = p.Coccilib.current_element then begin
  Hashtbl.replace looks (t, where p) (tbl, p.Coccilib.current_element);
  ok := make_ident "ok"
end else Coccilib.include_match false

@lk depends on bymm exists@
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
@mmfield depends on obj@
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

@mmlk depends on mmfield exists@
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
// context) whose table it sits in, a pointer parameter of the function
// storing it.  Here and below a use is matched on its own and put in its
// function by the script that records it (position's current_element):
// matching it inside "fn(...) { <+... ...+> }" costs a pass over every
// function of the file (inst: 0.47 s that way on 5.10's intel/svm.c, 0.01 s
// this way).
@inst depends on bymm || mmfield@
identifier obj.T, P, FLD;
struct T *E;
position p;
@@
E->FLD@p = P

@instp depends on inst@
identifier inst.P, fn;
type PT;
@@
fn(..., PT *P, ...) { ... }

@script:ocaml@
t << obj.T;
fn << instp.fn;
pt << instp.PT;
par << inst.P;
fld << inst.FLD;
p << inst.p;
@@
if (List.hd p).Coccilib.current_element = fn && pt <> "struct mm_struct" then
  fact t (Printf.sprintf "inst:->%s = %s in %s" fld par fn)

// Every function (or global initialiser) using the table or its lock.
@tusers depends on bymm || mmfield@
expression look.TBL;
position p;
@@
TBL@p

@script:ocaml@
t << obj.T;
p << tusers.p;
@@
user t (List.hd p)

@lusers depends on lk@
expression lk.L;
position p;
@@
L@p

@script:ocaml@
t << obj.T;
p << lusers.p;
@@
user t (List.hd p)

// The mm table holds another structure, which points to the notifier
// object (i915: the table of struct i915_mm_struct, ->mn).
@ulook@
identifier U, LINK;
struct U *X;
expression TBL;
statement S;
iterator name hash_for_each_possible, hash_for_each_possible_rcu;
iterator name list_for_each_entry, list_for_each_entry_rcu;
@@
(
hash_for_each_possible(TBL, X, LINK, ...) S
|
hash_for_each_possible_rcu(TBL, X, LINK, ...) S
|
list_for_each_entry(X, TBL, LINK) S
|
list_for_each_entry_rcu(X, TBL, LINK) S
)

@holder depends on obj && ulook@
identifier obj.T, ulook.U, FLD;
struct U *X;
struct T *E;
@@
\(X->FLD = E\|E = X->FLD\|E = READ_ONCE(X->FLD)\|cmpxchg(&X->FLD, NULL, E)\)

// Where the object is unregistered.
@tdown depends on bymm || mmfield@
identifier obj.T, obj.F;
struct T *E;
expression X;
position p;
@@
\(mmu_notifier_unregister@p(&E->F, X)\|mmu_notifier_unregister_no_release@p(&E->F, X)\)

@script:ocaml@
t << obj.T;
p << tdown.p;
@@
fact t ("tdown:" ^ (List.hd p).Coccilib.current_element)

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

// ---------------------------------------------------------------------
// Third shape (radeon): a table per instance (a field of the device
// structure), objects handed out to holders.  The get
// "static struct T *get(struct I *inst)" looks the object up by mm in
// inst->TBL under the mutex inst->L, and otherwise allocates it, records
// inst and the mm in it, initialises it, registers it and adds it to the
// table.  The object has no count: ->release queues a work item that
// destroys it (unlinks it, detaches its holders, unregisters, frees).
// One function calls the get and stores the object in a holder field
// (X->HF = obj); another reads it back (obj = X->HF), returns when it is
// NULL, and clears it (X->HF = NULL).
//
// One object per (ops, mm) shared by all instances is sound when nothing
// but the table code being removed (the get, the destroy work) reads what
// the object recorded of its instance or mm: the callbacks never ask which
// instance an object belongs to.  Each holder then holds a reference: the
// get stays where it was (mmu_notifier_get()), every return between it and
// the store gets a mmu_notifier_put(), and the function clearing the
// holder field ends with mmu_notifier_put() and the clear.  ->release no
// longer destroys anything (the holders keep the object): it runs the
// ops' own invalidate_range_start over the whole address space, blockable,
// so no holder keeps using the pages of an mm that is going away.  The
// get, the destroy work, the table and lock fields of struct I and their
// initialisation go; fields of the object nothing reads any more go too.
// ---------------------------------------------------------------------

@hget depends on obj exists@
identifier obj.T, obj.F;
identifier getfn, I, P, M, E, LINK, OPS, TBL, L, R;
identifier REG = {mmu_notifier_register, __mmu_notifier_register};
expression MX, K, K2;
statement S1, S2, S3;
position pg;
iterator name hash_for_each_possible;
@@
static struct T *getfn@pg(struct I *P)
{
	...
	struct mm_struct *M = MX;
	...
	mutex_lock(&P->L);
	...
	hash_for_each_possible(P->TBL, E, LINK, K) S1
	...
	E = \(kzalloc\|kmalloc\)(sizeof(*E), GFP_KERNEL);
	if (!E) S2
	...
	E->F.ops = &OPS;
	...
	R = REG(&E->F, M);
	if (R) S3
	...
	hash_add(P->TBL, &E->LINK, K2);
	...
}

@script:ocaml@
t << obj.T;
g << hget.getfn;
i << hget.I;
p << hget.P;
tbl << hget.TBL;
l << hget.L;
reg << hget.REG;
link << hget.LINK;
@@
fact t "hget";
setv t "hgetfn" g; setv t "hinst" i; setv t "hpar" p; setv t "htbl" tbl;
setv t "hlock" l; setv t "hreg" reg; setv t "hlink" link

// __mmu_notifier_register() wants mmap_sem held: the get takes it itself,
// as mmu_notifier_get() does.
@hsem depends on hget@
identifier hget.getfn, hget.M;
position p;
@@
getfn(...) { <+... \(down_write_killable@p(&M->mmap_sem)\|down_write@p(&M->mmap_sem)\) ...+> }

@script:ocaml@
t << obj.T;
p << hsem.p;
@@
ignore p; fact t "hsem"

// The mm is found without the instance (current->mm): the holder can
// compute it in the get's place.
@hmxp depends on hget@
identifier hget.getfn, hget.P, hget.M;
position p;
@@
getfn(...) { ... struct mm_struct *M@p = <+... P ...+>; ... }

@script:ocaml@
t << obj.T;
p << hmxp.p;
@@
ignore p; fact t "hmxp"

@hmxc depends on hget@
identifier hget.getfn, hget.M, fc;
expression list EL;
@@
getfn(...) { ... struct mm_struct *M = <+... fc(EL) ...+>; ... }

@script:ocaml@
t << obj.T;
fc << hmxc.fc;
@@
fact t ("hmxc:" ^ fc)

// What the object records of its instance and of its mm ...
@hset depends on hget@
identifier hget.getfn, hget.E, hget.P, hget.M, FLD;
@@
getfn(...) { <+... \(E->FLD = P;\|E->FLD = M;\) ...+> }

@script:ocaml@
t << obj.T;
f << hset.FLD;
@@
fact t ("hset:" ^ f)

// ... and who reads it.  A read through a pointer of another known type
// is not a read of the object's field (bo->rdev); one of unknown type
// counts as one.
@hread depends on hget@
identifier hset.FLD;
expression Y;
position p;
@@
Y->FLD@p

@script:ocaml@
t << obj.T;
f << hset.FLD;
p << hread.p;
@@
let p = List.hd p in
Hashtbl.replace hreads (t, f, pkey p) p.Coccilib.current_element

@hreadk depends on hget@
identifier hset.FLD;
type TY;
TY Y;
position p;
@@
Y->FLD@p

@script:ocaml@
t << obj.T;
f << hset.FLD;
ty << hreadk.TY;
p << hreadk.p;
@@
if not (is_ptr_to t ty) then Hashtbl.remove hreads (t, f, pkey (List.hd p))

// ->release only queues the destruction.
@hrel depends on hget@
identifier obj.T, obj.F, REL, MN, MM, E, W, D;
@@
static void REL(struct mmu_notifier *MN, struct mm_struct *MM)
{
	struct T *E = container_of(MN, struct T, F);
	INIT_WORK(&E->W, D);
	schedule_work(&E->W);
}

@script:ocaml@
t << obj.T;
rel << hrel.REL;
d << hrel.D;
w << hrel.W;
@@
fact t "hrel"; setv t "hrelfn" rel; setv t "hdes" d; setv t "hwork" w

@hrelops depends on hget@
identifier hget.OPS, hrel.REL;
position p;
@@
const struct mmu_notifier_ops OPS@p = { ..., .release = REL, ... };

@script:ocaml@
t << obj.T;
p << hrelops.p;
@@
ignore p; fact t "hrelops"

@hcb depends on hget@
identifier hget.OPS, CB;
@@
const struct mmu_notifier_ops OPS = { ..., .invalidate_range_start = CB, ... };

@script:ocaml@
t << obj.T;
cb << hcb.CB;
@@
setv t "hcb" cb

@hcbr depends on hget@
identifier hcb.CB, MN, RG;
position p;
@@
int CB@p(struct mmu_notifier *MN, const struct mmu_notifier_range *RG) { ... }

@script:ocaml@
t << obj.T;
p << hcbr.p;
@@
ignore p; fact t "hcbr"

// The range carries flags (v5.2 on): the callback asks whether it may block.
@hcbf depends on hget@
identifier hcb.CB;
expression RG;
position p;
@@
CB(...) { <+... mmu_notifier_range_blockable@p(RG) ...+> }

@script:ocaml@
t << obj.T;
p << hcbf.p;
@@
ignore p; fact t "hcbf"

@hcbb depends on hget@
identifier hcb.CB;
expression RG;
position p;
@@
CB(...) { <+... RG->blockable@p ...+> }

@script:ocaml@
t << obj.T;
p << hcbb.p;
@@
ignore p; fact t "hcbb"

// The destroy work: unlinks, unregisters and frees the object.
@hdes depends on hget exists@
identifier obj.T, obj.F, hrel.D, hrel.W, hget.LINK, WK, E;
expression X;
position p;
@@
static void D@p(struct work_struct *WK)
{
	struct T *E = container_of(WK, struct T, W);
	...
	hash_del(&E->LINK);
	...
	mmu_notifier_unregister(&E->F, X);
	kfree(E);
}

@script:ocaml@
t << obj.T;
p << hdes.p;
@@
ignore p; fact t "hdesok"

@hdref depends on hget@
identifier hrel.D, fn;
@@
fn(...) { <+... D ...+> }

@script:ocaml@
t << obj.T;
fn << hdref.fn;
@@
fact t ("hdref:" ^ fn)

// The holder: calls the get, stores the object in a field.
@hh depends on hget exists@
identifier hget.getfn, H, E, HF;
expression A;
expression X;
position ph, ps;
@@
H(...)
{
	...
	E = getfn@ph(A);
	if (IS_ERR(E))
		return PTR_ERR(E);
	...
	X->HF@ps = E;
	...
}

@script:ocaml@
t << obj.T;
h << hh.H;
hf << hh.HF;
@@
fact t ("hh:" ^ h); setv t "hhf" hf

@hcall depends on hget@
identifier hget.getfn;
position p;
@@
getfn@p(...)

@script:ocaml@
t << obj.T;
p << hcall.p;
@@
let p = List.hd p in
Hashtbl.replace hcalls (t, pkey p) p.Coccilib.current_element

// The get's argument goes with the call: it must not call anything.
@hargc depends on hget@
identifier hget.getfn, fc;
expression list EL;
@@
getfn(<+... fc(EL) ...+>)

@script:ocaml@
t << obj.T;
fc << hargc.fc;
@@
fact t ("hargc:" ^ fc)

// The holder names its new local "mn": the name must be free.
@hmn depends on hget@
identifier hh.H;
identifier N = {mn};
position p;
@@
H(...) { <+... N@p ...+> }

@script:ocaml@
t << obj.T;
h << hh.H;
p << hmn.p;
@@
ignore p; fact t ("hmn:" ^ h)

// The function dropping the holder's pointer.
@hu depends on hget exists@
identifier hh.HF, U, E;
expression X;
@@
U(...)
{
	...
	E = X->HF;
(
	if (E == NULL) { ... return; }
|
	if (!E) { ... return; }
|
	if (E == NULL) return;
|
	if (!E) return;
)
	...
	X->HF = NULL;
	...
}

@script:ocaml@
t << obj.T;
u << hu.U;
@@
fact t ("hu:" ^ u)

@hclear depends on hget@
identifier hh.HF, fn;
expression X;
@@
fn(...) { <+... X->HF = NULL ...+> }

@script:ocaml@
t << obj.T;
fn << hclear.fn;
@@
fact t ("hclear:" ^ fn)

@hfw depends on hget@
identifier hh.HF, fn;
expression Y, Z;
position p != hh.ps;
@@
fn(...) { <+... \(Y->HF = NULL\|Y->HF@p = Z\) ...+> }

@script:ocaml@
t << obj.T;
fn << hfw.fn;
p << hfw.p;
@@
ignore p; fact t ("hfw:" ^ fn)

// No return after the clear: the put goes at the end.
@hur depends on hget exists@
identifier hu.U, hh.HF;
expression X;
position p;
@@
U(...) { ... X->HF = NULL; ... return@p; }

@script:ocaml@
t << obj.T;
u << hu.U;
p << hur.p;
@@
(* not the end of the function, which 'return;' also matches *)
let p = List.hd p in
if p.Coccilib.line <> p.Coccilib.current_element_line_end then fact t ("hur:" ^ u)

// Returns between the get and the store: each needs a put.  A return
// reached both with and without the store cannot take one.
@herr depends on hget exists@
identifier hh.H, hh.E, hget.getfn, hh.HF;
expression hh.A;
expression X, RV;
position pr;
@@
H(...)
{
	...
	E = getfn(A);
	if (IS_ERR(E))
		return PTR_ERR(E);
	... when != X->HF = E
	return@pr RV;
}

@hsret depends on hget exists@
identifier hh.H, hh.E, hh.HF;
expression X, RV;
position herr.pr, p;
@@
H(...) { ... X->HF = E; ... return@pr@p RV; }

@script:ocaml@
t << obj.T;
p << hsret.p;
@@
fact t ("hshared:" ^ where (List.hd p))

// Every use of the instance's table and lock is in the get or the destroy
// work, around the holder's clear, or in the initialisation.
@huse depends on hget@
identifier hget.TBL, hget.L;
expression Y;
position p;
@@
\(Y->TBL@p\|Y->L@p\)

@script:ocaml@
t << obj.T;
p << huse.p;
@@
let p = List.hd p in
Hashtbl.replace huses (t, pkey p) p.Coccilib.current_element

@hul depends on hget@
identifier hget.L;
expression Y;
position p;
@@
\(mutex_lock(&Y->L@p)\|mutex_unlock(&Y->L@p)\)

@script:ocaml@
t << obj.T;
p << hul.p;
@@
let p = List.hd p in
if List.mem p.Coccilib.current_element (tagged "hu:" t) then Hashtbl.remove huses (t, pkey p)

@hinitl depends on hget@
identifier hget.L;
expression Y;
position p;
@@
mutex_init(&Y->L@p);

@script:ocaml@
t << obj.T;
p << hinitl.p;
@@
Hashtbl.remove huses (t, pkey (List.hd p));
fact t "hinitl"

@hinitt depends on hget@
identifier hget.TBL;
expression Y;
position p;
@@
hash_init(Y->TBL@p);

@script:ocaml@
t << obj.T;
p << hinitt.p;
@@
Hashtbl.remove huses (t, pkey (List.hd p));
fact t "hinitt"

// The declaration of the lock and the table in struct I.
@hdl depends on hget@
identifier hget.I, hget.L;
position p;
@@
struct I@p { ... struct mutex L; ... };

@script:ocaml@
t << obj.T;
p << hdl.p;
@@
ignore p; fact t "hdl"

@hdt depends on hget@
identifier hget.I;
field FD;
position p;
@@
struct I { ... FD@p ... };

@script:ocaml@
t << obj.T;
tbl << hget.TBL;
fd << hdt.FD;
p << hdt.p;
@@
ignore p;
if declares_table fd tbl then fact t "hdt"

// The object's fields, and where they are used (unknown types count), to
// find those only the removed code used.
@hfld depends on hget@
identifier obj.T, FLD;
type TY;
@@
struct T { ... TY FLD; ... };

@script:ocaml@
t << obj.T;
f << hfld.FLD;
@@
fact t ("hfld:" ^ f)

@hfuse depends on hget@
identifier obj.T, hfld.FLD;
expression X, Y;
position p;
@@
\(Y->FLD@p\|container_of(X, struct T, FLD@p)\)

@script:ocaml@
t << obj.T;
f << hfld.FLD;
p << hfuse.p;
@@
let p = List.hd p in
Hashtbl.replace hfuses (t, f, pkey p) p.Coccilib.current_element

@hfusek depends on hget@
identifier hfld.FLD;
type TY;
TY Y;
position p;
@@
Y->FLD@p

@script:ocaml@
t << obj.T;
f << hfld.FLD;
ty << hfusek.TY;
p << hfusek.p;
@@
if not (is_ptr_to t ty) then Hashtbl.remove hfuses (t, f, pkey (List.hd p))

// ---- decision ----

@script:ocaml hok depends on patch@
t << obj.T;
g << hget.getfn;
pg << hget.pg;
alloc;
free;
okfn;
@@
alloc := make_ident (t ^ "_alloc_notifier");
free := make_ident (t ^ "_free_notifier");
if holder_blockers t = [] then begin
  okfn := make_ident g;
  List.iter (fun f -> Hashtbl.replace hdrop f ()) (holder_dropped t);
  List.iter (fun f -> Hashtbl.replace hfns f ()) (List.append (tagged "hh:" t) (tagged "hu:" t));
  htables := getv t "htbl" :: !htables;
  (* scripts/series words the commit message of this shape from this line *)
  let pg = List.hd pg in
  Printf.printf "%s:%d: %s: converted (per-device table %s->%s, kept by its holders)\n"
    pg.Coccilib.file pg.Coccilib.line t (getv t "hpar") (getv t "htbl")
end else okfn := make_ident "__holder_shape_blocked"

// Go on only if the decision named the get (include_match false would also
// drop the facts the report needs).
@hgo@
identifier hok.okfn;
@@
okfn(...) { ... }

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
// whole address space, right after the callback.
@depends on hgo@
identifier hrel.REL;
@@
- static void REL(...) { ... }

@depends on hgo && hcbf@
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

@depends on hgo && !hcbf@
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

// Module exit: wait for the free_notifier() callbacks.
// Only when the file group has one module exit: in a directory building
// several modules the rule cannot tell which one holds the ops.
@ex depends on cp || fcp || hgo@
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
@exfn depends on cp || fcp || hgo@
identifier exone.y;
position p;
@@
void y@p(void) { ... }

@script:ocaml@
p << exfn.p;
@@
let file = (List.hd p).Coccilib.file in
if not (includes_notifier file) then incfiles := file :: !incfiles

@depends on cp || fcp || hgo@
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
@depends on cp || fcp || hgo@
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
(* the get, put and kref release functions of the objects: the table's own
   users, which extra, kextra and fextra do not count *)
let own = ref []

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
(* A use of the table or lock at p: the function (or the global variable)
   it is in is a user, unless it is a declaration by a declarer macro such
   as the table's own DEFINE_HASHTABLE(), which spatch names so. *)
let user t p =
  let f = p.Coccilib.current_element in
  if f <> "something_else" then fact t ("user:" ^ f)
let short file = Filename.basename file
let where p = Printf.sprintf "%s:%d" (short p.Coccilib.file) p.Coccilib.line
let tagged k t =
  let n = String.length k in
  Hashtbl.fold (fun (t', f) () acc ->
    if t' = t && String.length f > n && String.sub f 0 n = k
    then String.sub f n (String.length f - n) :: acc else acc) facts []
  |> List.sort_uniq compare

(* The per-instance shape with holders: named values, and the places the
   checks compare (file:line:col keys). *)
let hvals = Hashtbl.create 7
let setv t k v = Hashtbl.replace hvals (t, k) v
let getv t k = try Hashtbl.find hvals (t, k) with Not_found -> ""
let pkey p = Printf.sprintf "%s:%d:%d" p.Coccilib.file p.Coccilib.line p.Coccilib.col
let hreads = Hashtbl.create 7	(* (T, field, place) -> function reading it *)
let hcalls = Hashtbl.create 7	(* (T, place) -> function calling the get *)
let huses = Hashtbl.create 7	(* (T, place) -> function using table or lock *)
let hfuses = Hashtbl.create 7	(* (T, field, place) -> function using it *)
let htables = ref []	(* the tables that go *)
let hdrop = Hashtbl.create 7	(* fields of the object that go *)
let hfns = Hashtbl.create 7	(* the holder functions *)
let holder_fn f = Hashtbl.mem hfns f
let is_ptr_to t ty = String.concat "" (String.split_on_char ' ' ty) = "struct" ^ t ^ "*"
(* " DECLARE_HASHTABLE ( mn_hash , 7 ) ;" declares the table tbl *)
let declares_table fd tbl =
  let s = String.concat "" (String.split_on_char ' ' fd) in
  let k = "DECLARE_HASHTABLE(" ^ tbl ^ "," in
  String.length s > String.length k && String.sub s 0 (String.length k) = k
let is_table_field fd = List.exists (declares_table fd) !htables
let values tbl t =
  Hashtbl.fold (fun k v acc -> if fst k = t then v :: acc else acc) tbl []
  |> List.sort_uniq compare
let fields_read t =
  Hashtbl.fold (fun (t', f, _) fn acc -> if t' = t then (f, fn) :: acc else acc) hreads []
  |> List.sort_uniq compare

(* Why the per-instance shape cannot be converted; [] when it can. *)
let holder_blockers t =
  let g = getv t "hgetfn" and d = getv t "hdes" and rel = getv t "hrelfn" in
  let cb = getv t "hcb" and hf = getv t "hhf" in
  let i = getv t "hinst" and tbl = getv t "htbl" and l = getv t "hlock" in
  let hs = tagged "hh:" t and us = tagged "hu:" t in
  let h = match hs with [h] -> h | _ -> "" in
  let clears = List.filter (( <> ) d) (tagged "hclear:" t) in
  let callers = values hcalls t in
  let users = List.filter (fun f -> f <> g && f <> d) (values huses t) in
  let readers = List.filter (fun (_, fn) -> fn <> g && fn <> d) (fields_read t) in
  let b = ref [] in
  let no cond s = if cond then b := s :: !b in
  no (getv t "hreg" = "__mmu_notifier_register" && not (has t "hsem"))
    (g ^ " calls __mmu_notifier_register() without taking mmap_sem itself");
  no (has t "hmxp") (g ^ " finds the mm through its instance argument");
  List.iter (fun fc -> no true (Printf.sprintf "%s computes the mm with %s(), which the holder would call instead" g fc))
    (tagged "hmxc:" t);
  no (not (has t "hrel") || not (has t "hrelops"))
    "->release does not just queue a work item that destroys the object";
  no (has t "hrel" && not (has t "hdesok"))
    (Printf.sprintf "the work item %s does not unlink (hash_del), unregister and free the object" d);
  List.iter (fun f -> no (f <> rel && f <> d) (Printf.sprintf "the destroy work %s is also used by %s" d f))
    (tagged "hdref:" t);
  no (cb = "") "no invalidate_range_start for ->release to run over the whole mm";
  no (cb <> "" && not (has t "hcbr"))
    (cb ^ " takes no struct mmu_notifier_range (run the range_struct step first)");
  no (has t "hcbb") (cb ^ " reads range->blockable (run the event_tag step first)");
  List.iter (fun (f, fn) -> no true (Printf.sprintf "%s reads ->%s, the instance or mm the object was made for" fn f))
    readers;
  no (hs = []) ("no function assigns what " ^ g ^ " returns (obj = " ^ g ^ "(...); if (IS_ERR(obj)) return PTR_ERR(obj);) and then stores it in a holder field");
  no (List.length hs > 1) ("several holders store what " ^ g ^ " returns: " ^ String.concat ", " hs);
  no (h <> "" && (callers <> [h] || List.length (values hcalls t) <> 1 ||
                  Hashtbl.fold (fun (t', _) _ n -> if t' = t then n + 1 else n) hcalls 0 <> 1))
    (Printf.sprintf "%s is called by %s, not once by the holder %s" g (String.concat ", " callers) h);
  no (h <> "" && List.mem h (tagged "hmn:" t)) (h ^ " already uses the name mn");
  List.iter (fun fc -> no true (Printf.sprintf "the argument of %s calls %s(), which would go with the call" g fc))
    (tagged "hargc:" t);
  no (h <> "" && clears = [])
    (Printf.sprintf "nothing but the destroy work clears the holder field ->%s: no place for the holder's mmu_notifier_put()" hf);
  no (clears <> [] && us = [])
    (Printf.sprintf "%s clears ->%s without first reading the object from it and returning when it is NULL"
       (String.concat ", " clears) hf);
  no (us <> [] && clears <> us)
    (Printf.sprintf "->%s is cleared by %s" hf (String.concat ", " clears));
  List.iter (fun f -> no true (Printf.sprintf "->%s is also set by %s" hf f)) (tagged "hfw:" t);
  List.iter (fun f -> no true (Printf.sprintf "%s returns after clearing ->%s" f hf)) (tagged "hur:" t);
  List.iter (fun w -> no true (Printf.sprintf "the return at %s is reached both before and after the store to ->%s" w hf))
    (tagged "hshared:" t);
  no (users <> []) (Printf.sprintf "the table or its lock is also used by %s" (String.concat ", " users));
  no (not (has t "hdl") || not (has t "hdt"))
    (Printf.sprintf "the declaration of struct %s (%s, %s) is not in the file group" i l tbl);
  no (not (has t "hinitl") || not (has t "hinitt"))
    (Printf.sprintf "the initialisation of ->%s and ->%s is not in the file group" l tbl);
  List.rev !b

(* Fields of the object only the removed code (the get, the destroy work,
   the old ->release) used. *)
let holder_dropped t =
  let gone = [getv t "hgetfn"; getv t "hdes"; getv t "hrelfn"] in
  let cands = getv t "hwork" :: getv t "hlink" :: tagged "hset:" t in
  List.filter (fun f ->
    has t ("hfld:" ^ f) &&
    Hashtbl.fold (fun (t', f', _) fn ok -> ok && (t' <> t || f' <> f || List.mem fn gone)) hfuses true)
    cands
  |> List.sort_uniq compare

@script:ocaml@
t << obj.T;
p << obj.p;
@@
let p = List.hd p in
if not (Hashtbl.mem objs t) then Hashtbl.replace objs t p

@script:ocaml@
t << obj.T;
l << lk.L;
p << look.p;
@@
Hashtbl.replace locks (t, where (List.hd p)) l

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
fn << kextra.fn;
@@
fact t ("extra:" ^ fn)

@script:ocaml@
t << obj.T;
pf << kany.putfn;
rel << kany.rel;
@@
fact t ("kref:" ^ pf ^ " " ^ rel)

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
u << ulook.U;
tbl << ulook.TBL;
fld << holder.FLD;
@@
fact t (Printf.sprintf "holder:%s in %s (->%s)" u (String.concat "" (String.split_on_char ' ' tbl)) fld)

// The report, once the whole group is seen; then the facts are dropped:
// scripts/cocci may give spatch several groups (--file-groups), and this
// rule, binding nothing, runs at the end of each.
@script:ocaml@
@@
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
    (match tagged "kref:" t with
     | k :: _ when not (has t "put") ->
       let pf, rel = match String.split_on_char ' ' k with [a; b] -> a, b | _ -> k, k in
       [Printf.sprintf "%s drops a kref with the release function %s, which does more than unlink, unlock, unregister and free (or %s does more than kref_put() under the table lock): what else it does has no place in free_notifier()" pf rel pf]
     | _ -> []);
    (if has t "put" || tagged "kref:" t <> [] || tdowns = [] then [] else
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
    else if has t "hget" then
      (match holder_blockers t with
       | [] -> None
       | l -> Some (Printf.sprintf "the table %s->%s is a field of a per-instance structure: mmu_notifier_get() keys on the ops and the mm only, so all instances would share one object per mm, which needs holders that each keep a reference and nothing reading the instance or mm the object was made for; here %s"
                      (getv t "hpar") (getv t "htbl") (String.concat "; " l)))
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
List.iter print_endline (List.sort compare !lines);
Hashtbl.reset objs; exits := []; own := []; Hashtbl.reset looks; Hashtbl.reset locks;
Hashtbl.reset facts; incfiles := []; htables := [];
Hashtbl.reset hvals; Hashtbl.reset hreads; Hashtbl.reset hcalls; Hashtbl.reset huses;
Hashtbl.reset hfuses; Hashtbl.reset hdrop; Hashtbl.reset hfns
