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
type RT;
position p;
@@
RT CB@p(struct mmu_notifier *MN, const struct mmu_notifier_range *RG) { ... }

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

