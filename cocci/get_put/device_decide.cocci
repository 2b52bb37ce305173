// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/get_put.cocci, which lists its parts in order: the third
// shape (radeon), after cocci/get_put/device.cocci: the function clearing
// the holder, the returns around the store, every use of the instance's
// table and lock, the object's fields, and the decision (device_convert).

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
add holder_droppers t u

@holder_clear depends on device_get@
identifier holder_store.HF, fn;
expression X;
@@
fn(...) { <+... X->HF = NULL ...+> }

@script:ocaml@
t << registered.T;
fn << holder_clear.fn;
@@
add holder_clearers t fn

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
ignore p; add holder_writers t fn

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
if p.Coccilib.line <> p.Coccilib.current_element_line_end then add returns_after_clear t u

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
add shared_returns t (where (List.hd p))

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
if List.mem p.Coccilib.current_element (members holder_droppers t) then Hashtbl.remove huses (t, pkey p)

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
set lock_initialised t

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
set table_initialised t

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
ignore p; set lock_declared t

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
if declares_table fd tbl then set table_declared t

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
add object_fields t f

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
  List.iter (fun f -> Hashtbl.replace hfns f ()) (List.append (members holder_fns t) (members holder_droppers t));
  htables := (dev t).tbl :: !htables;
  (* scripts/steps/get_put words the commit message of this shape from
     this record (converted, per-device-table) *)
  let pg = List.hd pg in
  record pg.Coccilib.file pg.Coccilib.line t "converted" ["per-device-table"]
    (Printf.sprintf "converted (per-device table %s->%s, kept by its holders)" (dev t).par (dev t).tbl)
end else okfn := make_ident "__holder_shape_blocked"

// Go on only if the decision named the get (include_match false would also
// drop the facts the report needs).
@device_convert@
identifier device_decision.okfn;
@@
okfn(...) { ... }

