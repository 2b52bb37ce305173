// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/get_put.cocci, which lists its parts in order: the module
// exit of every shape.

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
  Printf.printf "%s:%d: module exit: left: no module_exit() in the file group, mmu_notifier_synchronize() not added [no-exit]: if %s is built into a module, its exit must call it so that no free_notifier() outlives the module%s\n"
    p.Coccilib.file p.Coccilib.line (short p.Coccilib.file)
    (if tds = [] then "" else
       ", before it tears down what a pending free_notifier() may use (" ^ String.concat ", " tds ^ ")")
end

@script:ocaml one_exit@
x << module_exit_decl.X;
y;
@@
if List.length !exits = 1 then y := make_ident x
else begin
  if x = List.hd !exits then
    Printf.printf "module exits %s: mmu_notifier_synchronize() not added, the group has several\n"
      (String.concat ", " !exits);
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
let putfns = Hashtbl.fold (fun (_, f) () acc ->
    if String.length f > 6 && String.sub f 0 6 = "putfn:" then String.sub f 6 (String.length f - 6) :: acc else acc)
    facts [] in
let first = explan.contents = None in
let y = List.hd exits.contents in
(match exit_plan putfns with
 | `End -> zend := make_ident y; zbefore := make_ident "__exit_plan_end"
 | `Before _ -> zbefore := make_ident y; zend := make_ident "__exit_plan_before"
 | `Refuse why ->
   let p = List.hd p in
   if first && why <> "" then
     Printf.printf "%s:%d: module exit: left: mmu_notifier_synchronize() not added to %s() %s\n"
       p.Coccilib.file p.Coccilib.line y why;
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

