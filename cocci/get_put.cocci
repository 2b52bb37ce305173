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
/// the table.  Everything else is reported (MODE=report, or on stdout in
/// patch mode), one line per object:
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

// ---------------------------------------------------------------------
// The convertible shape.
// ---------------------------------------------------------------------

@canon@
identifier obj.T, obj.F;
identifier getfn, M, E, LINK, MMF, OPS, TBL, L, R;
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
@cp depends on patch && canon && cput && stbl && slock && !extra@
identifier obj.T, obj.F, canon.getfn, canon.M, canon.OPS, canon.E;
fresh identifier A = T ## "_alloc_notifier";
@@
- struct T *getfn(struct mm_struct *M)
+ static struct mmu_notifier *A(struct mm_struct *M)
  {
  ...
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
identifier obj.T, obj.F, cp.A, canon.M, canon.OPS, canon.E, canon.R, canon.L;
identifier canon.TBL, canon.LINK;
expression K;
statement S;
iterator name hash_for_each_possible, list_for_each_entry;
@@
A(struct mm_struct *M)
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
identifier cp.A, canon.M, canon.E, canon.TBL, canon.LINK;
expression K;
position p;
iterator name hash_for_each_possible, list_for_each_entry;
@@
A(struct mm_struct *M)
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
identifier cp.A, canon.M, canon.E, obj.F;
position p != inloop.p;
@@
A(struct mm_struct *M)
{
<...
- return@p E;
+ return &E->F;
...>
}

@depends on cp@
identifier cp.A, canon.E, canon.M;
statement S;
@@
A(struct mm_struct *M)
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
identifier cp.A, canon.R, canon.M;
@@
A(struct mm_struct *M)
{
...
- int R;
...
}

@ops depends on cp@
identifier obj.T, obj.F, canon.OPS, cp.A;
fresh identifier FR = T ## "_free_notifier";
@@
+static struct mmu_notifier *A(struct mm_struct *mm);
+
+static void FR(struct mmu_notifier *mn)
+{
+	kfree(container_of(mn, struct T, F));
+}
+
 const struct mmu_notifier_ops OPS = {
 	...,
+	.alloc_notifier = A,
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

// Module exit: wait for the free_notifier() callbacks.
@ex depends on cp@
declarer name module_exit;
identifier X;
@@
module_exit(X);

@depends on cp@
identifier ex.X;
@@
void X(void)
{
	... when != mmu_notifier_synchronize();
+	mmu_notifier_synchronize();
}

// ---------------------------------------------------------------------
// Report: one line per object the rule did not convert, with the reason.
// ---------------------------------------------------------------------

@initialize:ocaml@
@@
(* per object (struct name): where it is registered, its lookups (table,
   lock, place), and the facts the conversion needs *)
let objs = Hashtbl.create 7
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
@@
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
ignore pf;
fact t "put"

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

@finalize:ocaml@
@@
let extras t =
  Hashtbl.fold (fun (t', f) () acc ->
    if t' = t && String.length f > 6 && String.sub f 0 6 = "extra:"
    then String.sub f 6 (String.length f - 6) :: acc else acc) facts []
  |> List.sort_uniq compare in
let lines = ref [] in
Hashtbl.iter (fun t p ->
  let lk = Hashtbl.fold (fun (t', w) v acc -> if t' = t then (w, v) :: acc else acc)
      looks [] |> List.sort compare in
  let tables = List.sort_uniq compare (List.map (fun (_, (tbl, _)) -> tbl) lk) in
  let lks = List.sort_uniq compare (List.concat_map (fun (w, _) ->
      try [Hashtbl.find locks (t, w)] with Not_found -> []) lk) in
  let none l = if l = [] then "none" else String.concat ", " l in
  let nosp s = String.concat "" (String.split_on_char ' ' s) in
  let reason =
    if lk = [] then
      Some "no mm -> object table: the object is not looked up by its mm (one notifier per object)"
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
