// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/get_put.cocci, which lists its parts in order: the fourth
// shape (amdkfd), which keeps the driver's table and moves the lifetime.

// ---------------------------------------------------------------------
// Deferred free: the driver keeps its own lookups (amdkfd needs its table
// on the ioctl path) but tears the object down with
//	mmu_notifier_unregister_no_release(&E->F, mm);
//	mmu_notifier_call_srcu(&E->RCU, FN);
// where "static void FN(struct rcu_head *r)" finds the object with
// container_of(r, struct T, RCU) and frees it.  The pair becomes
// mmu_notifier_put(&E->F) and FN the ops' ->free_notifier, which the core
// calls from the same kind of SRCU callback after the same grace period.
// Converted only when the two calls follow each other (what ran between
// them would run after the put, or with the notifier still hooked), FN is
// used by that call alone, reads its rcu_head only to find the object and
// is defined before the ops, and the ops, initialised in the group, have
// no ->free_notifier yet.
// ---------------------------------------------------------------------

@initialize:ocaml@
@@
(* The facts of this shape. *)
(* flags: this tree's mmu_notifier_put() puts only what
   mmu_notifier_get() allocated (-D put_needs_get); FN is defined before
   the ops, FN names something mn already; the ops have a ->free_notifier;
   the object's rcu_head is declared in the group *)
let put_needs_get_blocks : flag = table ()
let srcu_fn_before_ops : flag = table ()
let srcu_fn_has_mn : flag = table ()
let ops_have_free_notifier : flag = table ()
let rcu_head_declared : flag = table ()
(* lists: why the pair cannot become mmu_notifier_put() (the report's
   words); where FN finds the object from its rcu_head alone
   (file:line:col), FN's other uses and the rcu_head's ("FILE:LINE") *)
let deferred_blockers : string facts = table ()
let srcu_fn_finds : string facts = table ()
let srcu_fn_uses : string facts = table ()
let rcu_head_uses : string facts = table ()
(* the other unregistrations without release: T -> (file, line, function,
   file:line:col), and those followed by the object's free with no grace
   period: (T, file:line:col of the unregistration) -> "FREE() at
   FILE:LINE" *)
let dlefts : (string, string * int * string * string) Hashtbl.t = table ()
let dlfrees : (string * string, string) Hashtbl.t = table ()

// A tree whose mmu_notifier_put() puts only a notifier that
// mmu_notifier_get() allocated (RHEL 8.3: the count is in the kABI aux
// struct mmu_notifier_get_locked() adds; -D put_needs_get, from
// scripts/steps/get_put) would leave this one hooked and never free it.

@unregister_then_srcu depends on registered@
identifier registered.T, registered.F, RCU, FN;
struct T *E;
expression M;
position p, q, r;
@@
mmu_notifier_unregister_no_release@p(&E->F, M);
mmu_notifier_call_srcu(&E->RCU@r, \(FN@q\|&FN@q\));

@script:ocaml depends on put_needs_get@
t << registered.T;
p << unregister_then_srcu.p;
@@
ignore p;
set put_needs_get_blocks t

// The two calls apart: reported (ODP before v5.4 puts a pid between them).
@unregister_apart_srcu depends on registered@
identifier registered.T, registered.F, RCU;
struct T *E;
expression M, FN;
position p != unregister_then_srcu.p;
@@
mmu_notifier_unregister_no_release@p(&E->F, M);
...
mmu_notifier_call_srcu(&E->RCU, FN);

@script:ocaml@
t << registered.T;
p << unregister_apart_srcu.p;
@@
let p = List.hd p in
add deferred_blockers t (Printf.sprintf "%s() runs code between mmu_notifier_unregister_no_release() and mmu_notifier_call_srcu(), which would run after mmu_notifier_put() or with the notifier still hooked" p.Coccilib.current_element)

// FN finds the object from its rcu_head, and uses the rcu_head for nothing
// else.
@srcu_fn_container depends on unregister_then_srcu@
identifier registered.T, unregister_then_srcu.RCU, unregister_then_srcu.FN, R;
expression X;
position p;
@@
static void FN@p(struct rcu_head *R)
{
	... when != R
	X = container_of(R, struct T, RCU);
	... when != R
}

@srcu_fn_container_decl depends on unregister_then_srcu@
identifier registered.T, unregister_then_srcu.RCU, unregister_then_srcu.FN, R, X;
position p;
@@
static void FN@p(struct rcu_head *R)
{
	struct T *X = container_of(R, struct T, RCU);
	... when != R
}

// Where FN is defined, whatever its shape.
@srcu_fn_def depends on unregister_then_srcu@
identifier unregister_then_srcu.FN;
position p;
@@
FN@p(...) { ... }

// Any other use of FN, or a name mn FN already uses (the new parameter).
@srcu_fn_use depends on unregister_then_srcu@
identifier unregister_then_srcu.FN;
position p;
@@
FN@p

@srcu_fn_uses_mn depends on unregister_then_srcu@
identifier unregister_then_srcu.FN;
identifier mn =~ "^mn$";
@@
FN(...) { <+... mn ...+> }

@obj_ops depends on unregister_then_srcu@
identifier registered.T, registered.F, OPS;
struct T *E;
@@
E->F.ops = &OPS;

@obj_ops_def depends on obj_ops@
identifier obj_ops.OPS;
position p;
@@
const struct mmu_notifier_ops OPS@p = { ... };

@ops_has_free depends on obj_ops@
identifier obj_ops.OPS;
expression V;
@@
const struct mmu_notifier_ops OPS = { ..., .free_notifier = V, ... };

// Other unregistrations without release (an error path that frees at
// once), the rcu_head's other uses and its declaration.
@other_unregister depends on unregister_then_srcu@
identifier registered.T, registered.F;
struct T *E;
expression M;
position p != unregister_then_srcu.p;
@@
mmu_notifier_unregister_no_release@p(&E->F, M)

// Such an unregistration followed by the object's free with no SRCU
// grace period between (amdkfd's create_process() before v5.4): a
// callback still running on another CPU may use the freed object.  Only
// the core's SRCU would do (static in mm/mmu_notifier.c); the driver has
// no call that waits for it, and mmu_notifier_synchronize() waits for
// queued SRCU callbacks only (srcu_barrier()), not for a grace period.
@unregister_then_free depends on unregister_then_srcu@
identifier registered.T, registered.F;
struct T *E;
expression M, C;
identifier fr = {kfree, kvfree, kmem_cache_free};
position p != unregister_then_srcu.p, k;
@@
mmu_notifier_unregister_no_release@p(&E->F, M);
...
(
fr@k(E);
|
fr@k(C, E);
)

@script:ocaml@
t << registered.T;
p << unregister_then_free.p;
k << unregister_then_free.k;
fr << unregister_then_free.fr;
@@
let p = List.hd p and k = List.hd k in
Hashtbl.replace dlfrees (t, pkey p) (Printf.sprintf "%s() at %s" fr (where k))

@rcu_head_use depends on unregister_then_srcu@
identifier registered.T, unregister_then_srcu.RCU;
struct T *E;
position p != unregister_then_srcu.r;
@@
E->RCU@p

@rcu_head_decl depends on unregister_then_srcu@
identifier registered.T, unregister_then_srcu.RCU;
@@
struct T {
	...
	struct rcu_head RCU;
	...
};

@script:ocaml@
t << registered.T;
p << srcu_fn_container.p;
@@
add srcu_fn_finds t (pkey (List.hd p))

@script:ocaml@
t << registered.T;
p << srcu_fn_container_decl.p;
@@
add srcu_fn_finds t (pkey (List.hd p))

@script:ocaml@
t << registered.T;
p << srcu_fn_use.p;
q << unregister_then_srcu.q;
@@
if pkey (List.hd p) <> pkey (List.hd q) then add srcu_fn_uses t (where (List.hd p))

@script:ocaml@
t << registered.T;
p << obj_ops_def.p;
fp << srcu_fn_def.p;
@@
let p = List.hd p and fp = List.hd fp in
if p.Coccilib.file = fp.Coccilib.file && p.Coccilib.line > fp.Coccilib.line then set srcu_fn_before_ops t

@script:ocaml depends on ops_has_free@
t << registered.T;
@@
set ops_have_free_notifier t

@script:ocaml depends on srcu_fn_uses_mn@
t << registered.T;
@@
set srcu_fn_has_mn t

@script:ocaml@
t << registered.T;
p << other_unregister.p;
@@
let p = List.hd p in
Hashtbl.add dlefts t (p.Coccilib.file, p.Coccilib.line, p.Coccilib.current_element, pkey p)

@script:ocaml@
t << registered.T;
p << rcu_head_use.p;
@@
add rcu_head_uses t (where (List.hd p))

@script:ocaml depends on rcu_head_decl@
t << registered.T;
@@
set rcu_head_declared t

// ---- decision ----

@script:ocaml deferred_decision depends on patch@
t << registered.T;
fn << unregister_then_srcu.FN;
rcu << unregister_then_srcu.RCU;
p << unregister_then_srcu.p;
go;
fr;
fld;
@@
let p = List.hd p in
let b = ref [] in
let no cond s = if cond then b := s :: !b in
no (members srcu_fn_finds t = []) (fn ^ " does not find the object with container_of() on its rcu_head alone");
no (members srcu_fn_uses t <> []) (fn ^ " is also used at " ^ String.concat ", " (members srcu_fn_uses t));
no (holds srcu_fn_has_mn t) (fn ^ " already uses the name mn");
no (not (holds srcu_fn_before_ops t)) (fn ^ " is not defined before the ops, in the same file");
no (holds ops_have_free_notifier t) "the ops have a ->free_notifier already";
no (holds put_needs_get_blocks t) "this tree's mmu_notifier_put() puts only a notifier that mmu_notifier_get() allocated (the count is in the kABI aux struct), and this one is registered with mmu_notifier_register(): it would stay hooked and never be freed";
fr := make_ident (t ^ "_free_notifier");
if !b = [] then begin
  go := make_ident fn;
  let keep = members rcu_head_uses t in
  fld := make_ident (if keep = [] && holds rcu_head_declared t then rcu else "__rcu_head_kept");
  (* scripts/steps/get_put words the commit message of this shape from
     these records (converted, deferred-free; left) *)
  let say ?(status = "left") ?(codes = []) (file, line) s = record file line t status codes s in
  let here = (p.Coccilib.file, p.Coccilib.line) in
  say ~status:"converted" ~codes:["deferred-free"] here (Printf.sprintf "converted (deferred free: %s() ends with mmu_notifier_put(), %s() becomes ->free_notifier)"
    p.Coccilib.current_element fn);
  List.iter (fun (file, line, f, k) ->
      match Hashtbl.find_opt dlfrees (t, k) with
      | None ->
        say (file, line) ("left: mmu_notifier_unregister_no_release() in " ^ f ^ "() stays: no deferred free follows it, so the rule cannot tell when the object is freed")
      | Some w ->
        say ~codes:["unsynced-free"] (file, line) (Printf.sprintf "left: mmu_notifier_unregister_no_release() in %s() stays [unsynced-free]: %s frees the object with no SRCU grace period after the unregistration, so a notifier callback still running on another CPU may use it after the free; not converted: mmu_notifier_put() would free it through %s(), the release of a whole object, which the rule cannot show right for one this error path has partly undone (nor drop the unwind it would repeat), and no call of the driver's waits for that grace period (mmu_notifier_synchronize() waits only for queued SRCU callbacks); fix by hand: register the notifier last in %s(), after every step that can fail, so that no error path unregisters it (as upstream amdkfd did before its mmu_notifier_put() conversion)"
             f w (t ^ "_free_notifier") f))
    (Hashtbl.find_all dlefts t);
  if keep <> [] then say here ("left: ->" ^ rcu ^ " stays, also used at " ^ String.concat ", " keep)
  else if not (holds rcu_head_declared t) then say here ("left: ->" ^ rcu ^ " stays: the declaration of struct " ^ t ^ " is not in the file group")
end else begin
  go := make_ident "__deferred_free_blocked";
  fld := make_ident "__rcu_head_kept";
  List.iter (fun s -> add deferred_blockers t s) !b
end

// Go on only if the decision named FN.
@deferred_convert@
identifier deferred_decision.go;
@@
static void go(...) { ... }

@depends on deferred_convert@
identifier registered.T, registered.F, unregister_then_srcu.RCU, unregister_then_srcu.FN;
struct T *E;
expression M;
@@
- mmu_notifier_unregister_no_release(&E->F, M);
- mmu_notifier_call_srcu(&E->RCU, \(FN\|&FN\));
+ mmu_notifier_put(&E->F);

@depends on deferred_convert@
identifier registered.T, registered.F, unregister_then_srcu.RCU, unregister_then_srcu.FN, deferred_decision.fr, R;
@@
- static void FN(struct rcu_head *R)
+ static void fr(struct mmu_notifier *mn)
  {
  <...
- container_of(R, struct T, RCU)
+ container_of(mn, struct T, F)
  ...>
  }

@depends on deferred_convert@
identifier obj_ops.OPS, deferred_decision.fr;
@@
 const struct mmu_notifier_ops OPS = {
 	...,
+	.free_notifier = fr,
 };

@depends on deferred_convert@
identifier registered.T, deferred_decision.fld;
@@
struct T {
	...
-	struct rcu_head fld;
	...
};
