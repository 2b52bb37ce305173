// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/get_put.cocci, which lists its parts in order: the OCaml
// helpers every part uses, and the facts: the objects, their lookups and
// their registration.

@initialize:ocaml@
@@
(* How the facts are kept.  A fact is about an object, named by its
   struct (T), and has a table of its own, declared with its type in the
   part that finds it, before the rules that do:
     a flag    (flag)          T -> (): the object has it
     a list    ('a facts)      T -> a value, several for one object
   or a table or cell of another type, said where it is declared.  Every
   one is made by table or cell below, which note it to be emptied when a
   file group ends (report.cocci): scripts/cocci may give spatch several
   groups, and the facts of one are not those of the next. *)
let resets : (unit -> unit) list ref = ref []
let table () : ('k, 'v) Hashtbl.t =
  let h = Hashtbl.create 7 in
  resets := (fun () -> Hashtbl.reset h) :: !resets;
  h
let cell v =
  let r = ref v in
  resets := (fun () -> r := v) :: !resets;
  r
let reset_group () = List.iter (fun f -> f ()) !resets

type flag = (string, unit) Hashtbl.t
type 'a facts = (string, 'a) Hashtbl.t
let set (f : flag) t = Hashtbl.replace f t ()
let holds (f : flag) t = Hashtbl.mem f t
let add (l : 'a facts) t v = if not (List.mem v (Hashtbl.find_all l t)) then Hashtbl.add l t v
(* the values of T, sorted, each once *)
let members (l : 'a facts) t = List.sort_uniq compare (Hashtbl.find_all l t)
let is_member (l : 'a facts) t v = List.mem v (Hashtbl.find_all l t)
(* v is a value of some object *)
let anyone (l : 'a facts) v = Hashtbl.fold (fun _ v' acc -> acc || v' = v) l false

(* Places, as the report and the keys of the tables name them. *)
let short file = Filename.basename file
let where p = Printf.sprintf "%s:%d" (short p.Coccilib.file) p.Coccilib.line
let pkey p = Printf.sprintf "%s:%d:%d" p.Coccilib.file p.Coccilib.line p.Coccilib.col
let ends_with s k =
  let n = String.length s and m = String.length k in
  n >= m && String.sub s (n - m) m = k

(* The objects: T -> where it is registered (the first registration). *)
let objs : (string, Coccilib.pos) Hashtbl.t = table ()
(* The lookups of T by mm: (T, place of the walk) -> (table, function),
   and the lock each is under: (T, place) -> lock. *)
let looks : (string * string, string * string) Hashtbl.t = table ()
let locks : (string * string, string) Hashtbl.t = table ()
(* The functions (or global initialisers) using T's table or lock. *)
let table_users : string facts = table ()
(* A use of the table or lock at p: the function (or the global variable)
   it is in is a user, unless it is a declaration by a declarer macro such
   as the table's own DEFINE_HASHTABLE(), which spatch names so. *)
let user t p =
  let f = p.Coccilib.current_element in
  if f <> "something_else" then add table_users t f
(* The map is a field of struct mm_struct (mm->FLD): the fields. *)
let mm_fields : string facts = table ()
(* ... counted with a kref: the functions dropping it, and the references
   taken on an object already held, "FILE:LINE (FUNCTION)". *)
let mm_kref_put_fns : string facts = table ()
let extra_refs : string facts = table ()
(* What the object records of its instance: "->FLD = P in FUNCTION". *)
let recorded_instances : string facts = table ()
(* Another structure the mm table holds, pointing to the object:
   "U in TABLE (->FLD)". *)
let indirect_holders : string facts = table ()
(* The functions unregistering the object. *)
let unregistering_fns : string facts = table ()


// ---------------------------------------------------------------------
// Facts: the objects, their lookups and their registration.
// ---------------------------------------------------------------------

@registered@
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

@table_walk depends on registered@
identifier registered.T;
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
@mm_compare depends on table_walk@
identifier registered.T;
identifier mmf =~ "^(mm|.*_mm)$";
struct T *E;
expression X;
position q;
@@
\(E->mmf@q == X\|X == E->mmf@q\|E->mmf@q != X\|X != E->mmf@q\)

// A walk with such a comparison in its function is a lookup by mm.  The
// rules about a table (its lock, its users, the instance the object
// records, the get and put around it) run only when there is one, or when
// the map is a field of the mm itself (mm_field_map): on a file with neither
// (5.10's kvm_main.c) they would cost as much as all the rest.
@script:ocaml lookup_by_mm@
t << registered.T;
tbl << table_walk.TBL;
p << table_walk.p;
q << mm_compare.q;
ok;
@@
let p = List.hd p and q = List.hd q in
if q.Coccilib.file = p.Coccilib.file && q.Coccilib.current_element = p.Coccilib.current_element then begin
  Hashtbl.replace looks (t, where p) (tbl, p.Coccilib.current_element);
  ok := make_ident "ok"
end else Coccilib.include_match false

@lookup_lock depends on lookup_by_mm exists@
identifier table_walk.fn;
expression L;
statement S;
position table_walk.p;
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
@mm_field_map depends on registered@
identifier registered.T, fn, FLD;
struct mm_struct *M;
struct T *E;
position p;
@@
fn(...) {
<+...
E@p = M->FLD;
...+>
}

@mm_field_lock depends on mm_field_map exists@
identifier mm_field_map.fn;
expression L;
expression E;
position mm_field_map.p;
@@
fn(...) {
...
\(spin_lock(L)\|mutex_lock(L)\|down_write(L)\)
... when any
E@p = ...;
...
}

// A map in the mm counted with a kref (hmm of v5.3): its put, and the
// references taken on an object already held (kref_get(), outside the get
// and the callbacks' kref_get_unless_zero()), which no get/put call takes.
@mm_field_kref_put depends on mm_field_map@
identifier registered.T, K, R, P;
struct T *E;
@@
P(...) { <+... kref_put(&E->K, R) ...+> }

@mm_field_kref_get depends on mm_field_map@
identifier registered.T, K;
struct T *E;
position p;
@@
kref_get@p(&E->K)

@script:ocaml@
t << registered.T;
p << mm_field_kref_put.P;
@@
add mm_kref_put_fns t p

@script:ocaml@
t << registered.T;
fn << mm_field_map.fn;
p << mm_field_kref_get.p;
@@
let p = List.hd p in
if p.Coccilib.current_element <> fn then
  add extra_refs t (Printf.sprintf "%s (%s)" (where p) p.Coccilib.current_element)

// The object records a value other than its mm: the instance (device,
// context) whose table it sits in, a pointer parameter of the function
// storing it.  Here and below a use is matched on its own and put in its
// function by the script that records it (position's current_element):
// matching it inside "fn(...) { <+... ...+> }" costs a pass over every
// function of the file (stores_param: 0.47 s that way on 5.10's
// intel/svm.c, 0.01 s this way).
@stores_param depends on lookup_by_mm || mm_field_map@
identifier registered.T, P, FLD;
struct T *E;
position p;
@@
E->FLD@p = P

@stores_instance depends on stores_param@
identifier stores_param.P, fn;
type PT;
@@
fn(..., PT *P, ...) { ... }

@script:ocaml@
t << registered.T;
fn << stores_instance.fn;
pt << stores_instance.PT;
par << stores_param.P;
fld << stores_param.FLD;
p << stores_param.p;
@@
if (List.hd p).Coccilib.current_element = fn && pt <> "struct mm_struct" then
  add recorded_instances t (Printf.sprintf "->%s = %s in %s" fld par fn)

// Every function (or global initialiser) using the table or its lock.
@table_use depends on lookup_by_mm || mm_field_map@
expression table_walk.TBL;
position p;
@@
TBL@p

@script:ocaml@
t << registered.T;
p << table_use.p;
@@
user t (List.hd p)

@lock_use depends on lookup_lock@
expression lookup_lock.L;
position p;
@@
L@p

@script:ocaml@
t << registered.T;
p << lock_use.p;
@@
user t (List.hd p)

// The mm table holds another structure, which points to the notifier
// object (i915: the table of struct i915_mm_struct, ->mn).
@other_table_walk@
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

@other_table_entry depends on registered && other_table_walk@
identifier registered.T, other_table_walk.U, FLD;
struct U *X;
struct T *E;
@@
\(X->FLD = E\|E = X->FLD\|E = READ_ONCE(X->FLD)\|cmpxchg(&X->FLD, NULL, E)\)

// Where the object is unregistered.
@unregistration depends on lookup_by_mm || mm_field_map@
identifier registered.T, registered.F;
struct T *E;
expression X;
position p;
@@
\(mmu_notifier_unregister@p(&E->F, X)\|mmu_notifier_unregister_no_release@p(&E->F, X)\)

@script:ocaml@
t << registered.T;
p << unregistration.p;
@@
add unregistering_fns t (List.hd p).Coccilib.current_element

