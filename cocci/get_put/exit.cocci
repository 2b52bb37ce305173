// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/get_put.cocci, which lists its parts in order: the module
// exit of every shape.

// Module exit: wait for the free_notifier() callbacks.
// Only when the file group has one module exit: in a directory building
// several modules the rule cannot tell which one holds the ops.
@ex depends on cp || fcp || hgo || dgo@
declarer name module_exit;
identifier X;
@@
module_exit(X);

@script:ocaml@
x << ex.X;
@@
exits := List.sort_uniq compare (x :: !exits)

// No module exit in the group: said once, at the first object.
@script:ocaml depends on (cp || fcp || hgo || dgo) && !ex@
p << obj.p;
@@
let p = List.hd p in
if not !noexit then begin
  noexit := true;
  Printf.printf "%s:%d: module exit: left: no module_exit() in the file group, mmu_notifier_synchronize() not added: if %s is built into a module, its exit must call it so that no free_notifier() outlives the module\n"
    p.Coccilib.file p.Coccilib.line (short p.Coccilib.file)
end

@script:ocaml exone@
x << ex.X;
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
@exfn depends on cp || fcp || hgo || dgo@
identifier exone.y;
position p;
@@
void y@p(void) { ... }

@script:ocaml@
p << exfn.p;
@@
let file = (List.hd p).Coccilib.file in
if not (includes_notifier file) then incfiles := file :: !incfiles

@depends on cp || fcp || hgo || dgo@
identifier exone.y;
@@
void y(void)
{
	... when != mmu_notifier_synchronize();
+	mmu_notifier_synchronize();
}

// mmu_notifier_synchronize() is declared in <linux/mmu_notifier.h>: the
// exit's file gets the include, next to <linux/module.h>, unless it has it
// already, itself or in a header of its own directory it includes.
@depends on cp || fcp || hgo || dgo@
position q : script:ocaml() { needs_include q };
@@
+#include <linux/mmu_notifier.h>
 #include <linux/module.h>@q

