// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/get_put.cocci, which lists its parts in order: the OCaml
// helpers every part uses, and the facts: the objects, their lookups and
// their registration.

@initialize:ocaml@
@@
(* per object (struct name): where it is registered, its lookups (table,
   lock, place), and the facts the conversion needs *)
let objs = Hashtbl.create 7
let exits = ref []
(* the get, put and kref release functions of the objects: the table's own
   users, which table_other_user(_kref) and list_other_user do not count *)
let own = ref []
(* the deferred-free shape: its other unregistrations without release *)
let dlefts = Hashtbl.create 7
(* those followed by the object's free with no grace period: (T, place of
   the unregistration) -> place of the free *)
let dlfrees = Hashtbl.create 7
(* a converted group without a module exit said so *)
let noexit = ref false

(* The module exit's order (cocci/get_put/exit.cocci).  A pending
   ->free_notifier() runs from an SRCU callback, and what it calls may
   queue work, free to a cache, ...: mmu_notifier_synchronize() must come
   before the exit destroys any of that, and after whatever may still
   drop notifiers. *)
(* calls that destroy what a free path may use: a module's shared
   resources (idr_destroy(), free_percpu(), ... are mostly an object's own,
   and not counted) *)
let teardown_api = ["destroy_workqueue"; "kmem_cache_destroy"; "mempool_destroy";
  "mempool_exit"; "dma_pool_destroy"; "cleanup_srcu_struct"; "kthread_stop";
  "kthread_destroy_worker"; "rhashtable_destroy"; "rhashtable_free_and_destroy";
  "bioset_exit"; "gen_pool_destroy"]
let ends_with s k =
  let n = String.length s and m = String.length k in
  n >= m && String.sub s (n - m) m = k
(* calls that may still drop notifiers: a put, or a driver unregistration,
   whose ->remove() callbacks run driver code *)
let putter_api g =
  g = "mmu_notifier_put" || ends_with g "unregister_driver" ||
  ends_with g "driver_unregister" || ends_with g "_del_driver" || g = "usb_deregister"
(* the exit's calls: (file, line, col, callee) *)
let exsites = ref []
(* calls made by the group's functions the exit reaches: caller -> callee *)
let excalls = Hashtbl.create 17
(* the extents of the exit's branches and loop bodies *)
let exbranches = ref []
let exhas = ref false
(* no module exit: the group's teardowns, "F() calls G()" *)
let nxtds = Hashtbl.create 7
(* the chain from g to a call satisfying leaf, through the group's
   functions (the edges excalls), or None *)
let exchain leaf g =
  let rec go seen g =
    if leaf g then Some [g]
    else if List.mem g seen then None
    else
      List.fold_left (fun acc h -> match acc with
          | Some _ -> acc
          | None -> (match go (g :: seen) h with Some c -> Some (g :: c) | None -> None))
        None (List.sort_uniq compare (Hashtbl.find_all excalls g)) in
  go [] g
let chain_text c = String.concat " -> " (List.map (fun g -> g ^ "()") c)
(* the exit's plan, decided once per group: `End (after the last
   statement, nothing there tears down), `Before (file, line, col) (before
   that top-level call, the first teardown) or `Refuse (reported) *)
let explan = ref None
let exit_plan putfns =
  match !explan with
  | Some p -> p
  | None ->
    let sites = List.sort compare !exsites in
    let leaf_put g = putter_api g || List.mem g putfns in
    let tds = List.filter_map (fun (f, l, c, g) ->
        match exchain (fun g -> List.mem g teardown_api) g with
        | Some ch -> Some ((f, l, c), ch) | None -> None) sites in
    let puts = List.filter_map (fun (f, l, c, g) ->
        match exchain leaf_put g with
        | Some ch -> Some ((f, l, c), ch) | None -> None) sites in
    let plan =
      if !exhas then `Refuse ""
      else match tds with
        | [] -> `End
        | ((f, l, c) as k, ch) :: _ ->
          let late = List.filter (fun (k', _) -> k' >= k) puts in
          let inside = List.exists (fun (l0, c0, l1, c1) -> (l0, c0) <= (l, c) && (l, c) <= (l1, c1)) !exbranches in
          match late with
          | ((_, l', _), ch') :: _ ->
            `Refuse (Printf.sprintf "[exit-order]: the exit tears down at %s:%d (%s) what a pending ->free_notifier() may use, and may still drop notifiers at %s:%d (%s), after it: no place is both after the last put and before the teardown"
                       (Filename.basename f) l (chain_text ch) (Filename.basename f) l' (chain_text ch'))
          | [] when inside ->
            `Refuse (Printf.sprintf "[exit-nested]: the exit's first teardown, at %s:%d (%s), is inside a branch or a loop: mmu_notifier_synchronize() must come before it on every path"
                       (Filename.basename f) l (chain_text ch))
          | [] -> `Before (f, l, c) in
    explan := Some plan;
    plan
(* p is the exit's first teardown, where the call goes *)
let first_teardown p =
  let p = List.hd p in
  match !explan with
  | Some (`Before k) -> (p.Coccilib.file, p.Coccilib.line, p.Coccilib.col) = k
  | _ -> false

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
(* The second shape (sgi-gru): fields only the old count and put needed
   (the count, the flag the put tested), the places each is still used
   after the conversion ((field, file:line:col) -> unit), and those that
   are only a write or a debug print. *)
let fduses = Hashtbl.create 7
let fdgone = Hashtbl.create 7
let any_fact k = Hashtbl.fold (fun (_, f) () acc -> acc || f = k) facts false
let fdcand f = any_fact ("fdcand:" ^ f)
let fdead f = any_fact ("fdead:" ^ f)
(* a debug print: pr_debug(), dev_dbg(), a driver's gru_dbg() ... (not
   debugfs_create_*(), which shows a field) *)
let is_debug_print f =
  let has k =
    let n = String.length f and m = String.length k in
    let rec at i = i + m <= n && (String.sub f i m = k || at (i + 1)) in
    at 0 in
  let debugfs = String.length f >= 7 && String.sub f 0 7 = "debugfs" in
  f = "pr_devel" || has "dbg" || (has "debug" && not debugfs)
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
fact t ("mmput:" ^ p)

@script:ocaml@
t << registered.T;
fn << mm_field_map.fn;
p << mm_field_kref_get.p;
@@
let p = List.hd p in
if p.Coccilib.current_element <> fn then
  fact t (Printf.sprintf "mmget:%s (%s)" (where p) p.Coccilib.current_element)

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
  fact t (Printf.sprintf "inst:->%s = %s in %s" fld par fn)

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
fact t ("tdown:" ^ (List.hd p).Coccilib.current_element)

