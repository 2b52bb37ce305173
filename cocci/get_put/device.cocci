// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/get_put.cocci, which lists its parts in order: the third
// shape (radeon), a table per instance: its facts, the get and the holder
// storing the object (cocci/get_put/device_decide.cocci goes on).

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

@initialize:ocaml@
@@
(* The facts of this shape. *)
(* What the get and the ops name, per object (T -> the record; "" where
   no rule found it). *)
type device_names = {
  mutable getfn : string;  (* the get (device_get) *)
  mutable inst : string;   (* struct I, the instance *)
  mutable par : string;    (* the get's parameter, P *)
  mutable tbl : string;    (* the table field, P->TBL *)
  mutable lock : string;   (* the mutex field, P->L *)
  mutable reg : string;    (* mmu_notifier_register or __mmu_notifier_register *)
  mutable link : string;   (* the object's table link *)
  mutable relfn : string;  (* ->release (release_queues_work) *)
  mutable des : string;    (* the destroy work function it queues *)
  mutable work : string;   (* the object's work_struct field *)
  mutable cb : string;     (* ->invalidate_range_start *)
  mutable hf : string;     (* the holder field, X->HF *)
}
let names_of : (string, device_names) Hashtbl.t = table ()
let dev t =
  match Hashtbl.find_opt names_of t with
  | Some d -> d
  | None ->
    let d = { getfn = ""; inst = ""; par = ""; tbl = ""; lock = ""; reg = "";
              link = ""; relfn = ""; des = ""; work = ""; cb = ""; hf = "" } in
    Hashtbl.replace names_of t d;
    d
(* flags: the get (device_get) matched; it takes mmap_sem; it finds the mm
   through its instance; ->release only queues the destroy work, and is
   the ops'; the range start callback takes a range, and reads
   range->blockable; the destroy work unlinks, unregisters and frees; the
   lock and the table are declared, and initialised, in the group *)
let has_device_get : flag = table ()
let takes_mmap_sem : flag = table ()
let mm_via_instance : flag = table ()
let release_queues : flag = table ()
let release_is_the_ops : flag = table ()
let start_takes_range : flag = table ()
let start_reads_blockable : flag = table ()
let destroy_tears_down : flag = table ()
let lock_declared : flag = table ()
let table_declared : flag = table ()
let lock_initialised : flag = table ()
let table_initialised : flag = table ()
(* lists: the calls computing the get's mm; the fields the get sets to
   the instance or the mm; the functions using the destroy work; the
   holders (storing what the get returns), those naming a local mn, and
   the calls in the get's argument; the functions dropping the holder's
   pointer (read, return if NULL, clear), all that clear it, those that
   set it otherwise, and those that return after the clear; the returns
   reached both before and after the store; the object's fields *)
let mm_calls : string facts = table ()
let recorded_fields : string facts = table ()
let destroy_work_refs : string facts = table ()
let holder_fns : string facts = table ()
let holders_with_mn : string facts = table ()
let get_arg_callees : string facts = table ()
let holder_droppers : string facts = table ()
let holder_clearers : string facts = table ()
let holder_writers : string facts = table ()
let returns_after_clear : string facts = table ()
let shared_returns : string facts = table ()
let object_fields : string facts = table ()
(* Places the checks compare (file:line:col keys). *)
let hreads : (string * string * string, string) Hashtbl.t = table ()	(* (T, field, place) -> function reading it *)
let hcalls : (string * string, string) Hashtbl.t = table ()	(* (T, place) -> function calling the get *)
let huses : (string * string, string) Hashtbl.t = table ()	(* (T, place) -> function using table or lock *)
let hfuses : (string * string * string, string) Hashtbl.t = table ()	(* (T, field, place) -> function using it *)
(* What the conversion changes, for the rewrite (device_rewrite.cocci):
   the tables that go, the fields of the object that go, the holder
   functions. *)
let htables : string list ref = cell []
let hdrop : (string, unit) Hashtbl.t = table ()
let hfns : (string, unit) Hashtbl.t = table ()
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
  let g = (dev t).getfn and d = (dev t).des and rel = (dev t).relfn in
  let cb = (dev t).cb and hf = (dev t).hf in
  let i = (dev t).inst and tbl = (dev t).tbl and l = (dev t).lock in
  let hs = members holder_fns t and us = members holder_droppers t in
  let h = match hs with [h] -> h | _ -> "" in
  let clears = List.filter (( <> ) d) (members holder_clearers t) in
  let callers = values hcalls t in
  let users = List.filter (fun f -> f <> g && f <> d) (values huses t) in
  let readers = List.filter (fun (_, fn) -> fn <> g && fn <> d) (fields_read t) in
  let b = ref [] in
  let no cond s = if cond then b := s :: !b in
  no ((dev t).reg = "__mmu_notifier_register" && not (holds takes_mmap_sem t))
    (g ^ " calls __mmu_notifier_register() without taking mmap_sem itself");
  no (holds mm_via_instance t) (g ^ " finds the mm through its instance argument");
  List.iter (fun fc -> no true (Printf.sprintf "%s computes the mm with %s(), which the holder would call instead" g fc))
    (members mm_calls t);
  no (not (holds release_queues t) || not (holds release_is_the_ops t))
    "->release does not just queue a work item that destroys the object";
  no (holds release_queues t && not (holds destroy_tears_down t))
    (Printf.sprintf "the work item %s does not unlink (hash_del), unregister and free the object" d);
  List.iter (fun f -> no (f <> rel && f <> d) (Printf.sprintf "the destroy work %s is also used by %s" d f))
    (members destroy_work_refs t);
  no (cb = "") "no invalidate_range_start for ->release to run over the whole mm";
  no (cb <> "" && not (holds start_takes_range t))
    (cb ^ " takes no struct mmu_notifier_range (run the range_struct step first)");
  no (holds start_reads_blockable t) (cb ^ " reads range->blockable (run the event_tag step first)");
  List.iter (fun (f, fn) -> no true (Printf.sprintf "%s reads ->%s, the instance or mm the object was made for" fn f))
    readers;
  no (hs = []) ("no function assigns what " ^ g ^ " returns (obj = " ^ g ^ "(...); if (IS_ERR(obj)) return PTR_ERR(obj);) and then stores it in a holder field");
  no (List.length hs > 1) ("several holders store what " ^ g ^ " returns: " ^ String.concat ", " hs);
  no (h <> "" && (callers <> [h] || List.length (values hcalls t) <> 1 ||
                  Hashtbl.fold (fun (t', _) _ n -> if t' = t then n + 1 else n) hcalls 0 <> 1))
    (Printf.sprintf "%s is called by %s, not once by the holder %s" g (String.concat ", " callers) h);
  no (h <> "" && List.mem h (members holders_with_mn t)) (h ^ " already uses the name mn");
  List.iter (fun fc -> no true (Printf.sprintf "the argument of %s calls %s(), which would go with the call" g fc))
    (members get_arg_callees t);
  no (h <> "" && clears = [])
    (Printf.sprintf "nothing but the destroy work clears the holder field ->%s: no place for the holder's mmu_notifier_put()" hf);
  no (clears <> [] && us = [])
    (Printf.sprintf "%s clears ->%s without first reading the object from it and returning when it is NULL"
       (String.concat ", " clears) hf);
  no (us <> [] && clears <> us)
    (Printf.sprintf "->%s is cleared by %s" hf (String.concat ", " clears));
  List.iter (fun f -> no true (Printf.sprintf "->%s is also set by %s" hf f)) (members holder_writers t);
  List.iter (fun f -> no true (Printf.sprintf "%s returns after clearing ->%s" f hf)) (members returns_after_clear t);
  List.iter (fun w -> no true (Printf.sprintf "the return at %s is reached both before and after the store to ->%s" w hf))
    (members shared_returns t);
  no (users <> []) (Printf.sprintf "the table or its lock is also used by %s" (String.concat ", " users));
  no (not (holds lock_declared t) || not (holds table_declared t))
    (Printf.sprintf "the declaration of struct %s (%s, %s) is not in the file group" i l tbl);
  no (not (holds lock_initialised t) || not (holds table_initialised t))
    (Printf.sprintf "the initialisation of ->%s and ->%s is not in the file group" l tbl);
  List.rev !b

(* Fields of the object only the removed code (the get, the destroy work,
   the old ->release) used. *)
let holder_dropped t =
  let gone = [(dev t).getfn; (dev t).des; (dev t).relfn] in
  let cands = (dev t).work :: (dev t).link :: members recorded_fields t in
  List.filter (fun f ->
    is_member object_fields t f &&
    Hashtbl.fold (fun (t', f', _) fn ok -> ok && (t' <> t || f' <> f || List.mem fn gone)) hfuses true)
    cands
  |> List.sort_uniq compare



@device_get depends on registered exists@
identifier registered.T, registered.F;
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
t << registered.T;
g << device_get.getfn;
i << device_get.I;
p << device_get.P;
tbl << device_get.TBL;
l << device_get.L;
reg << device_get.REG;
link << device_get.LINK;
@@
set has_device_get t;
(dev t).getfn <- g; (dev t).inst <- i; (dev t).par <- p; (dev t).tbl <- tbl;
(dev t).lock <- l; (dev t).reg <- reg; (dev t).link <- link

// __mmu_notifier_register() wants mmap_sem held: the get takes it itself,
// as mmu_notifier_get() does.
@get_takes_mmap_sem depends on device_get@
identifier device_get.getfn, device_get.M;
position p;
@@
getfn(...) { <+... \(down_write_killable@p(&M->mmap_sem)\|down_write@p(&M->mmap_sem)\) ...+> }

@script:ocaml@
t << registered.T;
p << get_takes_mmap_sem.p;
@@
ignore p; set takes_mmap_sem t

// The mm is found without the instance (current->mm): the holder can
// compute it in the get's place.
@mm_from_instance depends on device_get@
identifier device_get.getfn, device_get.P, device_get.M;
position p;
@@
getfn(...) { ... struct mm_struct *M@p = <+... P ...+>; ... }

@script:ocaml@
t << registered.T;
p << mm_from_instance.p;
@@
ignore p; set mm_via_instance t

@mm_from_call depends on device_get@
identifier device_get.getfn, device_get.M, fc;
expression list EL;
@@
getfn(...) { ... struct mm_struct *M = <+... fc(EL) ...+>; ... }

@script:ocaml@
t << registered.T;
fc << mm_from_call.fc;
@@
add mm_calls t fc

// What the object records of its instance and of its mm ...
@records_inst_or_mm depends on device_get@
identifier device_get.getfn, device_get.E, device_get.P, device_get.M, FLD;
@@
getfn(...) { <+... \(E->FLD = P;\|E->FLD = M;\) ...+> }

@script:ocaml@
t << registered.T;
f << records_inst_or_mm.FLD;
@@
add recorded_fields t f

// ... and who reads it.  A read through a pointer of another known type
// is not a read of the object's field (bo->rdev); one of unknown type
// counts as one.
@recorded_read depends on device_get@
identifier records_inst_or_mm.FLD;
expression Y;
position p;
@@
Y->FLD@p

@script:ocaml@
t << registered.T;
f << records_inst_or_mm.FLD;
p << recorded_read.p;
@@
let p = List.hd p in
Hashtbl.replace hreads (t, f, pkey p) p.Coccilib.current_element

@recorded_read_typed depends on device_get@
identifier records_inst_or_mm.FLD;
type TY;
TY Y;
position p;
@@
Y->FLD@p

@script:ocaml@
t << registered.T;
f << records_inst_or_mm.FLD;
ty << recorded_read_typed.TY;
p << recorded_read_typed.p;
@@
if not (is_ptr_to t ty) then Hashtbl.remove hreads (t, f, pkey (List.hd p))

// ->release only queues the destruction.
@release_queues_work depends on device_get@
identifier registered.T, registered.F, REL, MN, MM, E, W, D;
@@
static void REL(struct mmu_notifier *MN, struct mm_struct *MM)
{
	struct T *E = container_of(MN, struct T, F);
	INIT_WORK(&E->W, D);
	schedule_work(&E->W);
}

@script:ocaml@
t << registered.T;
rel << release_queues_work.REL;
d << release_queues_work.D;
w << release_queues_work.W;
@@
set release_queues t; (dev t).relfn <- rel; (dev t).des <- d; (dev t).work <- w

@release_in_ops depends on device_get@
identifier device_get.OPS, release_queues_work.REL;
position p;
@@
const struct mmu_notifier_ops OPS@p = { ..., .release = REL, ... };

@script:ocaml@
t << registered.T;
p << release_in_ops.p;
@@
ignore p; set release_is_the_ops t

@ops_range_start depends on device_get@
identifier device_get.OPS, CB;
@@
const struct mmu_notifier_ops OPS = { ..., .invalidate_range_start = CB, ... };

@script:ocaml@
t << registered.T;
cb << ops_range_start.CB;
@@
(dev t).cb <- cb

@range_start_takes_range depends on device_get@
identifier ops_range_start.CB, MN, RG;
type RT;
position p;
@@
RT CB@p(struct mmu_notifier *MN, const struct mmu_notifier_range *RG) { ... }

@script:ocaml@
t << registered.T;
p << range_start_takes_range.p;
@@
ignore p; set start_takes_range t

// The range carries flags (v5.2 on): the callback asks whether it may block.
@range_start_has_flags depends on device_get@
identifier ops_range_start.CB;
expression RG;
position p;
@@
CB(...) { <+... mmu_notifier_range_blockable@p(RG) ...+> }

@range_start_reads_blockable depends on device_get@
identifier ops_range_start.CB;
expression RG;
position p;
@@
CB(...) { <+... RG->blockable@p ...+> }

@script:ocaml@
t << registered.T;
p << range_start_reads_blockable.p;
@@
ignore p; set start_reads_blockable t

// The destroy work: unlinks, unregisters and frees the object.
@destroy_work depends on device_get exists@
identifier registered.T, registered.F, release_queues_work.D, release_queues_work.W, device_get.LINK, WK, E;
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
t << registered.T;
p << destroy_work.p;
@@
ignore p; set destroy_tears_down t

@destroy_work_user depends on device_get@
identifier release_queues_work.D, fn;
@@
fn(...) { <+... D ...+> }

@script:ocaml@
t << registered.T;
fn << destroy_work_user.fn;
@@
add destroy_work_refs t fn

// The holder: calls the get, stores the object in a field.
@holder_store depends on device_get exists@
identifier device_get.getfn, H, E, HF;
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
t << registered.T;
h << holder_store.H;
hf << holder_store.HF;
@@
add holder_fns t h; (dev t).hf <- hf

@get_call depends on device_get@
identifier device_get.getfn;
position p;
@@
getfn@p(...)

@script:ocaml@
t << registered.T;
p << get_call.p;
@@
let p = List.hd p in
Hashtbl.replace hcalls (t, pkey p) p.Coccilib.current_element

// The get's argument goes with the call: it must not call anything.
@get_arg_calls depends on device_get@
identifier device_get.getfn, fc;
expression list EL;
@@
getfn(<+... fc(EL) ...+>)

@script:ocaml@
t << registered.T;
fc << get_arg_calls.fc;
@@
add get_arg_callees t fc

// The holder names its new local "mn": the name must be free.
@holder_uses_mn depends on device_get@
identifier holder_store.H;
identifier N = {mn};
position p;
@@
H(...) { <+... N@p ...+> }

@script:ocaml@
t << registered.T;
h << holder_store.H;
p << holder_uses_mn.p;
@@
ignore p; add holders_with_mn t h
