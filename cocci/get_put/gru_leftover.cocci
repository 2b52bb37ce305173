// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/get_put.cocci, which lists its parts in order: the second
// shape (sgi-gru), after cocci/get_put/gru.cocci converted the get and the
// put: what the driver's own count and put left behind (fields only they
// used, a ->release that only set a dead flag), the record of the
// conversion, and alloc_notifier()/free_notifier() put in place.

// Every use left of a candidate field ...
@count_field_use depends on list_convert@
identifier fld : script:ocaml() { fdcand fld };
expression Y;
position p;
@@
Y->fld@p

@script:ocaml@
f << count_field_use.fld;
p << count_field_use.p;
@@
let p = List.hd p in
Hashtbl.replace fduses (f, pkey p) (Printf.sprintf "%s (%s)" (where p) p.Coccilib.current_element)

// ... and those that are only a write of a constant, or a read in a debug
// print (the put's "refcnt %d, released %d").  Through a pointer of
// another type, or of one spatch cannot tell, a use stays.
@count_field_write depends on list_convert@
identifier registered.T;
identifier fld : script:ocaml() { fdcand fld };
struct T *Y;
constant V;
position p;
@@
(
Y->fld@p = V;
|
atomic_set(&Y->fld@p, V);
|
atomic_inc(&Y->fld@p);
|
atomic_dec(&Y->fld@p);
)

@script:ocaml@
f << count_field_write.fld;
p << count_field_write.p;
@@
let p = List.hd p in
Hashtbl.replace fdgone (f, pkey p) ();
set count_field_writers p.Coccilib.current_element

@count_field_print depends on list_convert@
identifier registered.T;
identifier fld : script:ocaml() { fdcand fld };
identifier dbg : script:ocaml() { is_debug_print dbg };
struct T *Y;
position p;
@@
dbg(..., <+... Y->fld@p ...+>, ...);

@script:ocaml@
f << count_field_print.fld;
p << count_field_print.p;
@@
Hashtbl.replace fdgone (f, pkey (List.hd p)) ()

@count_field_decl depends on list_convert@
identifier registered.T;
identifier fld : script:ocaml() { fdcand fld };
type TY;
@@
struct T { ... TY fld; ... };

// Dead: declared in the group, and nothing but writes and debug prints
// left.
@script:ocaml@
t << registered.T;
f << count_field_decl.fld;
@@
add count_fields_declared t f;
if Hashtbl.fold (fun (f', k) _ ok -> ok && (f' <> f || Hashtbl.mem fdgone (f', k))) fduses true
then add count_fields_dead t f

// The record scripts/steps/get_put words the commit from (converted,
// own-notifier-list, and dropped when fields go), and what stays (left).
@script:ocaml depends on list_convert@
t << registered.T;
g << list_get.getfn;
pg << list_get.pg;
@@
let pg = List.hd pg in
let dead = members count_fields_dead t in
let live = List.filter (fun f -> not (List.mem f dead)) (members count_fields t) in
record pg.Coccilib.file pg.Coccilib.line t "converted"
  ("own-notifier-list" :: (if dead = [] then [] else ["dropped"]))
  (Printf.sprintf "converted (own notifier list: %s() calls mmu_notifier_get_locked()%s)" g
     (if dead = [] then "" else "; " ^ String.concat ", " dead ^ " dropped"));
List.iter (fun f ->
  let why =
    if not (is_member count_fields_declared t f) then
      Printf.sprintf "the declaration of struct %s is not in the file group" t
    else
      "still read at " ^ String.concat ", "
        (Hashtbl.fold (fun (f', k) w acc -> if f' = f && not (Hashtbl.mem fdgone (f', k)) then w :: acc else acc)
           fduses [] |> List.sort_uniq compare) in
  record pg.Coccilib.file pg.Coccilib.line t "left" [] (Printf.sprintf "left: ->%s stays: %s" f why))
  live

// (first: the test around a print that goes, its only statement)
@depends on list_convert@
identifier registered.T;
identifier fld : script:ocaml() { fdead fld };
identifier dbg : script:ocaml() { is_debug_print dbg };
struct T *Y;
expression Y2;
@@
- if (Y2)
-	dbg(..., <+... Y->fld ...+>, ...);

@depends on list_convert@
identifier registered.T;
identifier fld : script:ocaml() { fdead fld };
identifier dbg : script:ocaml() { is_debug_print dbg };
struct T *Y;
constant V;
@@
(
- Y->fld = V;
|
- atomic_set(&Y->fld, V);
|
- atomic_inc(&Y->fld);
|
- atomic_dec(&Y->fld);
|
- dbg(..., <+... Y->fld ...+>, ...);
)

@depends on list_convert@
identifier registered.T;
identifier fld : script:ocaml() { fdead fld };
type TY;
@@
struct T {
	...
-	TY fld;
	...
};

// A ->release that did nothing but set a dead flag (and print) goes.
@release_op depends on list_convert@
identifier list_get.OPS, rel : script:ocaml() { holds count_field_writers rel };
@@
const struct mmu_notifier_ops OPS = { ..., .release = rel, ... };

@release_sets_flag_only depends on release_op@
identifier release_op.rel, registered.T, registered.F, MN, MM, E;
identifier dbg : script:ocaml() { is_debug_print dbg };
@@
(
void rel(struct mmu_notifier *MN, struct mm_struct *MM)
{
	struct T *E = container_of(MN, struct T, F);
}
|
void rel(struct mmu_notifier *MN, struct mm_struct *MM)
{
	struct T *E = container_of(MN, struct T, F);

	dbg(...);
}
)

@depends on release_sets_flag_only@
identifier list_get.OPS, release_op.rel;
@@
 const struct mmu_notifier_ops OPS = {
 	...,
-	.release = rel,
 	...
 };

// alloc_notifier() goes before the ops, with free_notifier(): no forward
// declaration.
@depends on list_convert disable decl_init@
identifier registered.T, list_convert.alloc, list_get.E;
@@
 alloc(...)
 {
-	struct T *E;
 	...
 }

@alloc_body depends on list_convert@
identifier list_convert.alloc;
statement list SL;
@@
static struct mmu_notifier *alloc(struct mm_struct *mm) { SL }

@depends on list_convert@
identifier list_convert.alloc;
@@
- static struct mmu_notifier *alloc(...) { ... }

// In the place of the ->release that went, as upstream's sgi-gru did,
// else before the ops.
@depends on release_sets_flag_only@
identifier release_op.rel, registered.T, list_get.E, list_convert.alloc;
statement list alloc_body.SL;
@@
+static struct mmu_notifier *alloc(struct mm_struct *mm)
+{
+	struct T *E;
+
+	SL
+}
  void rel(...) { ... }

@depends on release_sets_flag_only@
identifier release_op.rel;
@@
- void rel(...) { ... }

@depends on list_convert && !release_sets_flag_only@
identifier registered.T, list_get.OPS, list_get.E, list_convert.alloc;
statement list alloc_body.SL;
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
@depends on list_convert && !put_tail@
identifier registered.T, registered.F, list_get.OPS, list_convert.alloc;
fresh identifier FR = T ## "_free_notifier";
@@
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

// What the put did after the kfree() moves along.
@depends on list_convert && put_tail@
identifier put_tail.FN;
expression list put_tail.EL;
identifier registered.T, registered.F, list_get.OPS, list_convert.alloc;
fresh identifier FR = T ## "_free_notifier";
@@
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

