// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/range_struct.cocci: a range kept in an object that the
// start's function and the end's share.
//
// A walk that fires the start in one callback and the end in another,
// both reaching one object through a pointer of the same type, whose
// struct already has a struct mmu_notifier_range member (RHEL 8.3's
// mm/mapping_dirty_helpers.c: struct wp_walk, reached through
// walk->private in wp_clean_pre_vma() and wp_clean_post_vma()):
//
//	struct wp_walk *wpwalk = walk->private;
//	...
//	mmu_notifier_invalidate_range_start(walk->mm, start, end);
//
// keeps the range in that member, as upstream's code of the same file
// does: the start sets it up and fires on it, the end fires on it.  A
// range of the start's own would be gone by the end, and one of the end's
// own would not be the range the start saw.
//
// Only when the member is unambiguous: one struct of the file has one such
// member, one function of the file starts (and does not end) and one ends
// (and does not start), each through a local pointer to that struct.
// That nothing else sets the member is proven after the conversion, on the
// whole file (this rule is shown only the functions naming the notifier):
// cocci/pairing.cocci reports such an end as unstarted, which stops the run.
// The end is given the start's bounds, whatever its own arguments were;
// the record (status converted, code object) says which they were:
//	FILE:LINE: FUNCTION: converted (object): ...
//
// Writes: objfld, objstarts, objends, objcalls, objpair, objpeer (see
// range_struct/facts.cocci), refused (the pair's two functions, which
// calls.cocci then leaves to this part).

@obj_struct@
identifier T, fld;
@@
struct T { ... struct mmu_notifier_range fld; ... };

@script:ocaml@
t << obj_struct.T;
fld << obj_struct.fld;
@@
Hashtbl.replace objfld t fld

// The functions that start or end through a local pointer to the struct.
@obj_start exists@
identifier obj_struct.T;
identifier f, p;
expression X, M, S, E;
position q;
@@
f(...) {
  ... when any
  struct T *p = X;
  ... when any
  mmu_notifier_invalidate_range_start@q(M, S, E);
  ... when any
}

@script:ocaml@
t << obj_struct.T;
f << obj_start.f;
p << obj_start.p;
q << obj_start.q;
@@
Hashtbl.add objstarts t (f, p, (List.hd q).Coccilib.line)

@obj_end exists@
identifier obj_struct.T;
identifier f, p;
expression X, M, S, E;
position q;
@@
f(...) {
  ... when any
  struct T *p = X;
  ... when any
(
  mmu_notifier_invalidate_range_end@q(M, S, E);
|
  mmu_notifier_invalidate_range_only_end@q(M, S, E);
)
  ... when any
}

@script:ocaml@
t << obj_struct.T;
f << obj_end.f;
p << obj_end.p;
q << obj_end.q;
@@
Hashtbl.add objends t (f, p, (List.hd q).Coccilib.line)

// Every start and end of the file, by function.
@obj_calls exists@
identifier f;
expression M, S, E;
position q;
@@
f(...) {
  ... when any
(
  mmu_notifier_invalidate_range_start@q(M, S, E)
|
  mmu_notifier_invalidate_range_end@q(M, S, E)
|
  mmu_notifier_invalidate_range_only_end@q(M, S, E)
|
  mmu_notifier_invalidate_range_start_nonblock@q(M, S, E)
)
  ... when any
}

@script:ocaml@
f << obj_calls.f;
q << obj_calls.q;
@@
Hashtbl.add objcalls f (List.hd q).Coccilib.line

// The pair, decided once: the starting and the ending function each have
// that one call, through the one struct.
@script:ocaml obj_decide@
@@
(match Hashtbl.fold (fun t fld acc -> (t, fld) :: acc) objfld [] with
 | [(t, fld)] ->
   let uniq l = List.sort_uniq compare l in
   (match uniq (Hashtbl.find_all objstarts t), uniq (Hashtbl.find_all objends t) with
    | [(fs, ps, ls)], [(fe, pe, le)]
      when fs <> fe && Hashtbl.find_all objcalls fs = [ls]
           && Hashtbl.find_all objcalls fe = [le] ->
      Hashtbl.replace objpair fs (ps, fld);
      Hashtbl.replace objpair fe (pe, fld);
      Hashtbl.replace objpeer fe fs;
      Hashtbl.replace refused fs ();
      Hashtbl.replace refused fe ()
    | _ -> ())
 | _ -> ())

@obj_rs depends on patch@
identifier f : script:ocaml () { Hashtbl.mem objpair f };
expression M, S, E;
position q;
@@
f(...) {
  <...
  mmu_notifier_invalidate_range_start@q(M, S, E);
  ...>
}

@script:ocaml obj_rsn@
f << obj_rs.f;
p;
fld;
@@
let (ptr, m) = Hashtbl.find objpair f in
p := make_ident ptr;
fld := make_ident m

@depends on patch@
expression obj_rs.M, obj_rs.S, obj_rs.E;
position obj_rs.q;
identifier obj_rsn.p, obj_rsn.fld;
@@
+ mmu_notifier_range_init(&p->fld, M, S, E);
- mmu_notifier_invalidate_range_start@q(M, S, E);
+ mmu_notifier_invalidate_range_start(&p->fld);

@obj_re depends on patch@
identifier f : script:ocaml () { Hashtbl.mem objpeer f };
expression M, S, E;
position q;
@@
f(...) {
  <...
(
  mmu_notifier_invalidate_range_end@q(M, S, E);
|
  mmu_notifier_invalidate_range_only_end@q(M, S, E);
)
  ...>
}

@script:ocaml obj_ren@
f << obj_re.f;
q << obj_re.q;
s << obj_re.S;
e << obj_re.E;
p;
fld;
@@
let (ptr, m) = Hashtbl.find objpair f in
let tidy x = Str.global_replace (Str.regexp " *-> *") "->" x in
p := make_ident ptr;
fld := make_ident m;
say (List.hd q) f "converted" ["object"]
  (Printf.sprintf "converted (object): the end fires on the range %s() set up in %s->%s, with its bounds; it had bounds of its own (%s, %s)"
     (Hashtbl.find objpeer f) ptr m (tidy s) (tidy e))

@depends on patch@
expression obj_re.M, obj_re.S, obj_re.E;
position obj_re.q;
identifier obj_ren.p, obj_ren.fld;
@@
(
- mmu_notifier_invalidate_range_end@q(M, S, E);
+ mmu_notifier_invalidate_range_end(&p->fld);
|
- mmu_notifier_invalidate_range_only_end@q(M, S, E);
+ mmu_notifier_invalidate_range_only_end(&p->fld);
)
