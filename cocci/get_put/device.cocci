// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/get_put.cocci, which lists its parts in order: the third
// shape (radeon), a table per instance: its facts and the decision.

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
fact t "hget";
setv t "hgetfn" g; setv t "hinst" i; setv t "hpar" p; setv t "htbl" tbl;
setv t "hlock" l; setv t "hreg" reg; setv t "hlink" link

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
ignore p; fact t "hsem"

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
ignore p; fact t "hmxp"

@mm_from_call depends on device_get@
identifier device_get.getfn, device_get.M, fc;
expression list EL;
@@
getfn(...) { ... struct mm_struct *M = <+... fc(EL) ...+>; ... }

@script:ocaml@
t << registered.T;
fc << mm_from_call.fc;
@@
fact t ("hmxc:" ^ fc)

// What the object records of its instance and of its mm ...
@records_inst_or_mm depends on device_get@
identifier device_get.getfn, device_get.E, device_get.P, device_get.M, FLD;
@@
getfn(...) { <+... \(E->FLD = P;\|E->FLD = M;\) ...+> }

@script:ocaml@
t << registered.T;
f << records_inst_or_mm.FLD;
@@
fact t ("hset:" ^ f)

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
fact t "hrel"; setv t "hrelfn" rel; setv t "hdes" d; setv t "hwork" w

@release_in_ops depends on device_get@
identifier device_get.OPS, release_queues_work.REL;
position p;
@@
const struct mmu_notifier_ops OPS@p = { ..., .release = REL, ... };

@script:ocaml@
t << registered.T;
p << release_in_ops.p;
@@
ignore p; fact t "hrelops"

@ops_range_start depends on device_get@
identifier device_get.OPS, CB;
@@
const struct mmu_notifier_ops OPS = { ..., .invalidate_range_start = CB, ... };

@script:ocaml@
t << registered.T;
cb << ops_range_start.CB;
@@
setv t "hcb" cb

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
ignore p; fact t "hcbr"

// The range carries flags (v5.2 on): the callback asks whether it may block.
@range_start_has_flags depends on device_get@
identifier ops_range_start.CB;
expression RG;
position p;
@@
CB(...) { <+... mmu_notifier_range_blockable@p(RG) ...+> }

@script:ocaml@
t << registered.T;
p << range_start_has_flags.p;
@@
ignore p; fact t "hcbf"

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
ignore p; fact t "hcbb"

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
ignore p; fact t "hdesok"

@destroy_work_user depends on device_get@
identifier release_queues_work.D, fn;
@@
fn(...) { <+... D ...+> }

@script:ocaml@
t << registered.T;
fn << destroy_work_user.fn;
@@
fact t ("hdref:" ^ fn)

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
fact t ("hh:" ^ h); setv t "hhf" hf

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
fact t ("hargc:" ^ fc)

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
ignore p; fact t ("hmn:" ^ h)

// The function dropping the holder's pointer.
@holder_clear_fn depends on device_get exists@
identifier holder_store.HF, U, E;
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
t << registered.T;
u << holder_clear_fn.U;
@@
fact t ("hu:" ^ u)

@holder_clear depends on device_get@
identifier holder_store.HF, fn;
expression X;
@@
fn(...) { <+... X->HF = NULL ...+> }

@script:ocaml@
t << registered.T;
fn << holder_clear.fn;
@@
fact t ("hclear:" ^ fn)

@holder_other_write depends on device_get@
identifier holder_store.HF, fn;
expression Y, Z;
position p != holder_store.ps;
@@
fn(...) { <+... \(Y->HF = NULL\|Y->HF@p = Z\) ...+> }

@script:ocaml@
t << registered.T;
fn << holder_other_write.fn;
p << holder_other_write.p;
@@
ignore p; fact t ("hfw:" ^ fn)

// No return after the clear: the put goes at the end.
@return_after_clear depends on device_get exists@
identifier holder_clear_fn.U, holder_store.HF;
expression X;
position p;
@@
U(...) { ... X->HF = NULL; ... return@p; }

@script:ocaml@
t << registered.T;
u << holder_clear_fn.U;
p << return_after_clear.p;
@@
(* not the end of the function, which 'return;' also matches *)
let p = List.hd p in
if p.Coccilib.line <> p.Coccilib.current_element_line_end then fact t ("hur:" ^ u)

// Returns between the get and the store: each needs a put.  A return
// reached both with and without the store cannot take one.
@return_before_store depends on device_get exists@
identifier holder_store.H, holder_store.E, device_get.getfn, holder_store.HF;
expression holder_store.A;
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

@return_after_store depends on device_get exists@
identifier holder_store.H, holder_store.E, holder_store.HF;
expression X, RV;
position return_before_store.pr, p;
@@
H(...) { ... X->HF = E; ... return@pr@p RV; }

@script:ocaml@
t << registered.T;
p << return_after_store.p;
@@
fact t ("hshared:" ^ where (List.hd p))

// Every use of the instance's table and lock is in the get or the destroy
// work, around the holder's clear, or in the initialisation.
@inst_table_use depends on device_get@
identifier device_get.TBL, device_get.L;
expression Y;
position p;
@@
\(Y->TBL@p\|Y->L@p\)

@script:ocaml@
t << registered.T;
p << inst_table_use.p;
@@
let p = List.hd p in
Hashtbl.replace huses (t, pkey p) p.Coccilib.current_element

@clear_fn_locks depends on device_get@
identifier device_get.L;
expression Y;
position p;
@@
\(mutex_lock(&Y->L@p)\|mutex_unlock(&Y->L@p)\)

@script:ocaml@
t << registered.T;
p << clear_fn_locks.p;
@@
let p = List.hd p in
if List.mem p.Coccilib.current_element (tagged "hu:" t) then Hashtbl.remove huses (t, pkey p)

@lock_init depends on device_get@
identifier device_get.L;
expression Y;
position p;
@@
mutex_init(&Y->L@p);

@script:ocaml@
t << registered.T;
p << lock_init.p;
@@
Hashtbl.remove huses (t, pkey (List.hd p));
fact t "hinitl"

@table_init depends on device_get@
identifier device_get.TBL;
expression Y;
position p;
@@
hash_init(Y->TBL@p);

@script:ocaml@
t << registered.T;
p << table_init.p;
@@
Hashtbl.remove huses (t, pkey (List.hd p));
fact t "hinitt"

// The declaration of the lock and the table in struct I.
@lock_decl depends on device_get@
identifier device_get.I, device_get.L;
position p;
@@
struct I@p { ... struct mutex L; ... };

@script:ocaml@
t << registered.T;
p << lock_decl.p;
@@
ignore p; fact t "hdl"

@table_decl depends on device_get@
identifier device_get.I;
field FD;
position p;
@@
struct I { ... FD@p ... };

@script:ocaml@
t << registered.T;
tbl << device_get.TBL;
fd << table_decl.FD;
p << table_decl.p;
@@
ignore p;
if declares_table fd tbl then fact t "hdt"

// The object's fields, and where they are used (unknown types count), to
// find those only the removed code used.
@obj_field depends on device_get@
identifier registered.T, FLD;
type TY;
@@
struct T { ... TY FLD; ... };

@script:ocaml@
t << registered.T;
f << obj_field.FLD;
@@
fact t ("hfld:" ^ f)

@obj_field_use depends on device_get@
identifier registered.T, obj_field.FLD;
expression X, Y;
position p;
@@
\(Y->FLD@p\|container_of(X, struct T, FLD@p)\)

@script:ocaml@
t << registered.T;
f << obj_field.FLD;
p << obj_field_use.p;
@@
let p = List.hd p in
Hashtbl.replace hfuses (t, f, pkey p) p.Coccilib.current_element

@obj_field_use_typed depends on device_get@
identifier obj_field.FLD;
type TY;
TY Y;
position p;
@@
Y->FLD@p

@script:ocaml@
t << registered.T;
f << obj_field.FLD;
ty << obj_field_use_typed.TY;
p << obj_field_use_typed.p;
@@
if not (is_ptr_to t ty) then Hashtbl.remove hfuses (t, f, pkey (List.hd p))

// ---- decision ----

@script:ocaml device_decision depends on patch@
t << registered.T;
g << device_get.getfn;
pg << device_get.pg;
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
@device_convert@
identifier device_decision.okfn;
@@
okfn(...) { ... }

