// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/get_put.cocci, which lists its parts in order: the module
// exit of every shape.

@initialize:ocaml@
@@
(* The module exits of the group (module_exit(X)): their names. *)
let exits : string list ref = cell []
(* a converted group without a module exit said so *)
let noexit = cell false
(* The module exit's order.  A pending ->free_notifier() runs from an
   SRCU callback, and what it calls may queue work, free to a cache, ...:
   mmu_notifier_synchronize() must come before the exit destroys any of
   that, and after whatever may still drop notifiers. *)
(* calls that destroy what a free path may use: a module's shared
   resources (idr_destroy(), free_percpu(), ... are mostly an object's own,
   and not counted) *)
let teardown_api = ["destroy_workqueue"; "kmem_cache_destroy"; "mempool_destroy";
  "mempool_exit"; "dma_pool_destroy"; "cleanup_srcu_struct"; "kthread_stop";
  "kthread_destroy_worker"; "rhashtable_destroy"; "rhashtable_free_and_destroy";
  "bioset_exit"; "gen_pool_destroy"]
(* calls that may still drop notifiers: a put, or a driver unregistration,
   whose ->remove() callbacks run driver code *)
let putter_api g =
  g = "mmu_notifier_put" || ends_with g "unregister_driver" ||
  ends_with g "driver_unregister" || ends_with g "_del_driver" || g = "usb_deregister"
(* the exit's calls: (file, line, col, callee) *)
let exsites : (string * int * int * string) list ref = cell []
(* calls made by the group's functions the exit reaches: caller -> callee *)
let excalls : (string, string) Hashtbl.t = table ()
(* the extents of the exit's branches and loop bodies: (line, col, line
   end, col end) *)
let exbranches : (int * int * int * int) list ref = cell []
(* the exit calls mmu_notifier_synchronize() already *)
let exhas = cell false
(* no module exit: the group's teardowns, "F() calls G()" *)
let nxtds : (string, unit) Hashtbl.t = table ()
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
let explan : [ `End | `Before of string * int * int | `Refuse of string ] option ref =
  cell None
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
(* the exit's file, when it lacks that include *)
let incfiles : string list ref = cell []
let needs_include q = List.mem (List.hd q).Coccilib.file !incfiles


// Module exit: wait for the free_notifier() callbacks.
// Only when the file group has one module exit: in a directory building
// several modules the rule cannot tell which one holds the ops.
@module_exit_decl depends on static_convert || list_convert || device_convert || deferred_convert@
declarer name module_exit;
identifier X;
@@
module_exit(X);

@script:ocaml@
x << module_exit_decl.X;
@@
exits := List.sort_uniq compare (x :: !exits)

// No module exit in the group: said once, at the first object, with the
// group's functions that tear down what a free path may use (amdkfd from
// v4.20: kfd_exit(), run from amdgpu's exit, destroys its workqueue).
@group_teardown depends on (static_convert || list_convert || device_convert || deferred_convert) && !module_exit_decl@
identifier F;
identifier td : script:ocaml() { List.mem td teardown_api };
@@
F(...) { <+... td(...) ...+> }

@script:ocaml@
f << group_teardown.F;
g << group_teardown.td;
@@
Hashtbl.replace nxtds (f ^ "() calls " ^ g ^ "()") ()

@script:ocaml depends on (static_convert || list_convert || device_convert || deferred_convert) && !module_exit_decl@
p << registered.p;
@@
let p = List.hd p in
if not !noexit then begin
  noexit := true;
  let tds = List.sort compare (Hashtbl.fold (fun k () acc -> k :: acc) nxtds []) in
  record p.Coccilib.file p.Coccilib.line "module exit" "left" ["no-exit"]
    (Printf.sprintf "left: no module_exit() in the file group, mmu_notifier_synchronize() not added [no-exit]: if %s is built into a module, its exit must call it so that no free_notifier() outlives the module%s"
    (short p.Coccilib.file)
    (if tds = [] then "" else
       ", before it tears down what a pending free_notifier() may use (" ^ String.concat ", " tds ^ ")"))
end

@script:ocaml one_exit@
x << module_exit_decl.X;
y;
@@
if List.length !exits = 1 then y := make_ident x
else begin
  if x = List.hd !exits then
    record "" 0 ("module exits " ^ String.concat ", " !exits) "left" ["several-exits"]
      "mmu_notifier_synchronize() not added, the group has several";
  Coccilib.include_match false
end

// The exit's file (read before the exit changes: spatch then reparses it
// from a scratch copy).
@exit_fn depends on static_convert || list_convert || device_convert || deferred_convert@
identifier one_exit.y;
position p;
@@
void y@p(void) { ... }

@script:ocaml@
p << exit_fn.p;
@@
let file = (List.hd p).Coccilib.file in
if not (includes_notifier file) then incfiles := file :: !incfiles

// Where: a pending ->free_notifier() runs what the driver's free path
// calls (queue_work() on the driver's workqueue, kmem_cache_free(), ...),
// so mmu_notifier_synchronize() must come before the exit destroys any of
// that (destroy_workqueue(), kmem_cache_destroy(), ... : teardown_api,
// directly or through the group's functions, three calls deep), and after
// whatever may still drop notifiers (mmu_notifier_put(), the driver's put,
// a driver unregistration whose ->remove() runs driver code: putter_api).
// It goes before the exit's first teardown, a statement of the exit's
// body; at the end when nothing tears down (sgi-gru, radeon); else the
// exit is reported ("module exit: left:" with [exit-order] or
// [exit-nested]) and nothing is added.
@exit_call depends on static_convert || list_convert || device_convert || deferred_convert@
identifier one_exit.y, G;
position p;
@@
void y(void) { <+... G@p(...) ...+> }

@script:ocaml@
g << exit_call.G;
p << exit_call.p;
@@
let p = List.hd p in
exsites := (p.Coccilib.file, p.Coccilib.line, p.Coccilib.col, g) :: !exsites

@exit_callee1@
identifier exit_call.G, H;
@@
G(...) { <+... H(...) ...+> }

@script:ocaml@
g << exit_call.G;
h << exit_callee1.H;
@@
Hashtbl.add excalls g h

@exit_callee2@
identifier exit_callee1.H, I;
@@
H(...) { <+... I(...) ...+> }

@script:ocaml@
h << exit_callee1.H;
i << exit_callee2.I;
@@
Hashtbl.add excalls h i

@exit_callee3@
identifier exit_callee2.I, J;
@@
I(...) { <+... J(...) ...+> }

@script:ocaml@
i << exit_callee2.I;
j << exit_callee3.J;
@@
Hashtbl.add excalls i j

// The exit's branches and loop bodies (a teardown inside one is not on
// every path; spatch 1.1.1 cannot match a do-while body).
@exit_if@
identifier one_exit.y;
statement S;
expression E;
position s;
@@
void y(void) { <+... if (E) S@s ...+> }

@exit_if_then@
identifier one_exit.y;
statement S, S1;
expression E;
position s;
@@
void y(void) { <+... if (E) S@s else S1 ...+> }

@exit_if_else@
identifier one_exit.y;
statement S, S1;
expression E;
position s;
@@
void y(void) { <+... if (E) S1 else S@s ...+> }

@exit_while@
identifier one_exit.y;
statement S;
expression E;
position s;
@@
void y(void) { <+... while (E) S@s ...+> }

@exit_for@
identifier one_exit.y;
statement S;
position s;
@@
void y(void) { <+... for (...;...;...) S@s ...+> }

@script:ocaml@
s << exit_if.s;
@@
List.iter (fun s -> exbranches := (s.Coccilib.line, s.Coccilib.col, s.Coccilib.line_end, s.Coccilib.col_end) :: !exbranches) s

@script:ocaml@
s << exit_if_then.s;
@@
List.iter (fun s -> exbranches := (s.Coccilib.line, s.Coccilib.col, s.Coccilib.line_end, s.Coccilib.col_end) :: !exbranches) s

@script:ocaml@
s << exit_if_else.s;
@@
List.iter (fun s -> exbranches := (s.Coccilib.line, s.Coccilib.col, s.Coccilib.line_end, s.Coccilib.col_end) :: !exbranches) s

@script:ocaml@
s << exit_while.s;
@@
List.iter (fun s -> exbranches := (s.Coccilib.line, s.Coccilib.col, s.Coccilib.line_end, s.Coccilib.col_end) :: !exbranches) s

@script:ocaml@
s << exit_for.s;
@@
List.iter (fun s -> exbranches := (s.Coccilib.line, s.Coccilib.col, s.Coccilib.line_end, s.Coccilib.col_end) :: !exbranches) s

// The exit waits already (by hand, or a rule run before): nothing to do.
@exit_synchronizes depends on static_convert || list_convert || device_convert || deferred_convert@
identifier one_exit.y;
@@
void y(void) { <+... mmu_notifier_synchronize() ...+> }

@script:ocaml depends on exit_synchronizes@
@@
exhas := true

// The plan: the exit's name for the rule that places the call, or the
// report line.
@script:ocaml exit_place depends on static_convert || list_convert || device_convert || deferred_convert@
p << exit_fn.p;
zend;
zbefore;
@@
let putfns = Hashtbl.fold (fun _ f acc -> f :: acc) put_fns [] in
let first = explan.contents = None in
let y = List.hd exits.contents in
(match exit_plan putfns with
 | `End -> zend := make_ident y; zbefore := make_ident "__exit_plan_end"
 | `Before _ -> zbefore := make_ident y; zend := make_ident "__exit_plan_before"
 | `Refuse why ->
   let p = List.hd p in
   if first && why <> "" then
     record p.Coccilib.file p.Coccilib.line "module exit" "left"
       [String.sub why 1 (String.index why ']' - 1)]
       (Printf.sprintf "left: mmu_notifier_synchronize() not added to %s() %s" y why);
   Coccilib.include_match false)

@depends on static_convert || list_convert || device_convert || deferred_convert@
identifier exit_place.zend;
@@
void zend(void)
{
	... when != mmu_notifier_synchronize();
+	mmu_notifier_synchronize();
}

@depends on static_convert || list_convert || device_convert || deferred_convert@
identifier exit_place.zbefore, G;
position p : script:ocaml() { first_teardown p };
@@
void zbefore(void)
{
	... when != mmu_notifier_synchronize();
+	mmu_notifier_synchronize();
	G@p(...);
	... when any
}

// mmu_notifier_synchronize() is declared in <linux/mmu_notifier.h>: the
// exit's file gets the include, next to <linux/module.h>, unless it has it
// already, itself or in a header of its own directory it includes.
@depends on static_convert || list_convert || device_convert || deferred_convert@
position q : script:ocaml() { needs_include q };
@@
+#include <linux/mmu_notifier.h>
 #include <linux/module.h>@q

