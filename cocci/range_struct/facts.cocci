// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/range_struct.cocci: the facts its parts share, as OCaml
// tables and the predicates on them, and say, which prints a record
// (cocci/lib/record.cocci) of a site the rule leaves or converts in a
// way worth telling, once.  The tables are emptied at the start of each
// file group.
//
// The records (STATUS: CODES): converted: crossing (a function that
// passes its range to its caller: crossing.cocci), object (an end on a
// range kept in an object: object.cocci); left: names-taken (a callback
// with both 'range' and 'nrange'), range-taken (a caller with a 'range'),
// lone-end (an end with no start in its function), pointer-shape (a start
// on pointer parameters in a shape not known), callee-unknown and
// callee=NAME (an end whose bounds the callee NAME, not known to be crossing,
// filled in: scripts/convert drops it once the callee is known),
// trampoline (a vendor layer's trampoline whose range has a field the
// core's would not carry).
//
// Writes: every table below (empty).  Each part's header names the tables
// it fills and those it reads.

@initialize:ocaml@
@@
(* callback name -> "start" | "end" *)
let cbs = Hashtbl.create 17
(* (callback, parameter) -> field of struct mmu_notifier_range *)
let params = Hashtbl.create 17
(* (callback, parameter) written in the body: gets a local copy *)
let written = Hashtbl.create 17
(* callback -> why it is left alone *)
let refused = Hashtbl.create 17
(* callback -> the name its range parameter takes, where not "range" *)
let pname = Hashtbl.create 7
let param_name f = try Hashtbl.find pname f with Not_found -> "range"
(* functions with old-API calls *)
let callers = Hashtbl.create 17
let converting_caller f = Hashtbl.mem callers f && not (Hashtbl.mem refused f)
(* trampolines whose range initialiser sets a field they cannot pass on *)
let keeps_field = Hashtbl.create 7
(* helpers that build a trampoline's range -> a field they set that the
   core's range does not get from its start *)
let fill_keeps = Hashtbl.create 3
(* crossing functions (range passed by pointer to the caller: range_struct/
   crossing.cocci), their two pointer parameters, and the lines of starts
   on such pointers not yet seen in the known shape *)
let crossing = Hashtbl.create 7
let outptr : (string, string * string) Hashtbl.t = Hashtbl.create 7
let xstarts = Hashtbl.create 7
(* (function, bound) a function starts on itself: no caller of a crossing one *)
let selfstart = Hashtbl.create 7
(* a range kept in an object (range_struct/object.cocci): struct -> member,
   struct -> (function, pointer, line) of its starts and of its ends,
   function -> lines of its old calls, function of the pair -> (pointer,
   member), end function -> start function *)
let objfld = Hashtbl.create 3
let objstarts = Hashtbl.create 3
let objends = Hashtbl.create 3
let objcalls = Hashtbl.create 17
let objpair = Hashtbl.create 3
let objpeer = Hashtbl.create 3

let is_cb f = Hashtbl.mem cbs f
let field f x = Hashtbl.find params (f, x)
let is_param f x = Hashtbl.mem params (f, x)
let copied f x fld = Hashtbl.mem written (f, x) && field f x = fld
let converting f = Hashtbl.mem params (f, "") && not (Hashtbl.mem refused f)
let is_crossing_def f =
  Hashtbl.mem crossing f && Hashtbl.mem outptr f && not (Hashtbl.mem refused f)
let note f names fields =
  Hashtbl.replace params (f, "") "";
  List.iter2 (fun x fld -> Hashtbl.replace params (f, x) fld) names fields
(* say POS FUNCTION STATUS CODES WHY: the record of a site, once *)
let say (p : Coccilib.pos) fn status codes why =
  record_once p.Coccilib.file p.Coccilib.line fn status codes why

// The facts are per file group: scripts/cocci may give spatch several groups
// (--file-groups), and this rule, binding nothing, runs at the start of each.
@script:ocaml@
@@
Hashtbl.reset cbs; Hashtbl.reset params; Hashtbl.reset written;
Hashtbl.reset refused; Hashtbl.reset callers;
Hashtbl.reset keeps_field; Hashtbl.reset fill_keeps; Hashtbl.reset pname;
Hashtbl.reset crossing; Hashtbl.reset outptr; Hashtbl.reset xstarts;
Hashtbl.reset selfstart;
Hashtbl.reset objfld; Hashtbl.reset objstarts;
Hashtbl.reset objends; Hashtbl.reset objcalls; Hashtbl.reset objpair;
Hashtbl.reset objpeer
