// SPDX-License-Identifier: GPL-2.0-only
/// mm/mmu_notifier: pass the reason of every invalidation to the notifiers
///
/// Every mmu_notifier_range_init(range, mm, start, end) gets the event that
/// says why the range is invalidated, flags (0) and the vma, as in v5.2:
/// mmu_notifier_range_init(range, event, 0, vma, mm, start, end).  Without
/// the event every listener must treat every invalidation as munmap().
///
/// The event is inferred from what the code does between the range_init()
/// and the invalidate_range_end() of the enclosing function, following the
/// functions and the walk_page_range() ops of the same file it reaches:
///  - pte moves (move_pte, move_huge_pmd), page tables freed, or ptes zapped
///    with the caller's mmu_gather or over the whole vma: UNMAP;
///  - protections rewritten from a pgprot (pte_modify, change_protection):
///    PROTECTION_VMA;
///  - soft-dirty bits cleared: SOFT_DIRTY;
///  - ptes removed or pointed at another page (get_and_clear, rmap add or
///    remove, set_pte_at_notify, pmdp_collapse_flush, try_to_unmap, zap):
///    CLEAR;
///  - ptes only write-protected or cleaned: PROTECTION_PAGE;
///  - nothing conclusive: CLEAR, reported as "low" confidence.
/// No function or file name is looked up.  The vma is the one the mm
/// argument comes from, else a vma named by the range, else a vma
/// parameter, else a vma local initialised at its declaration, else NULL.
/// range->blockable becomes mmu_notifier_range_blockable(range).
///
/// Every site is reported on stdout as a record (cocci/lib/record.cocci):
/// converted, its codes the event and the confidence (high, medium, low,
/// or override), its text "EVENT (confidence): evidence"; people read it
/// as "file:line: function: EVENT (confidence): evidence".  Two inputs,
/// both on the command line, both optional:
///  - -D overrides=FILE: decisions pinned by a maintainer, a line
///    "file:function EVENT # reason" each (cocci/event_tag.overrides, given
///    by scripts/steps/event_tag when it pins one); without it, none;
///  - -D events=MIGRATE,EXCLUSIVE: the events of the tree's enum beyond
///    the five of v5.2 (used only for ranges that carry an owner); without
///    it, the five alone.
/// The rule reads nothing else: no environment, no file beside it.
/// Calls whose event is the placeholder MMU_NOTIFY_INFER (scripts/events
/// reinfer) get the inferred event and keep their other arguments.
//
// Confidence: Moderate
// Copyright: (C) 2026 The mmu-notifier-series authors.  GPLv2.
// Options: --macro-file-builtins <(cat standard.h cocci/builtins.h) --macro-file cocci/macros.h --no-includes --include-headers
// Narrow: -c mmu_notifier|blockable

virtual patch
virtual context
virtual org
virtual report

// The records (cocci/lib/record.cocci), the C reader and the decision, in
// parts of their own (scripts/rule inlines them): event_tag/scan.cocci
// gathers the identifiers of a file by function, event_tag/decide.cocci
// chooses a site's event from them.
#include "lib/record.cocci"
#include "event_tag/scan.cocci"
#include "event_tag/decide.cocci"

@initialize:ocaml@
@@
let vmas = Hashtbl.create 64		(* (file, fn) -> (line, name, kind) *)

(* Overrides (-D overrides=FILE), one "file:function EVENT" a line and a
 * comment (the comment sign cannot be written in this script). *)
let overrides = Hashtbl.create 8
let overrides_read = ref false
let read_overrides p =
	if not !overrides_read then begin
		overrides_read := true;
		let ic = open_in p in
		(try while true do
			let l = input_line ic in
			let body, why =
				match String.index_opt l (Char.chr 35) with
				| Some i -> String.sub l 0 i,
					    String.trim (String.sub l (i + 1)
						(String.length l - i - 1))
				| None -> l, "" in
			match Str.split (re "[ \t]+") body with
			| [key; ev] -> Hashtbl.replace overrides key (ev, why)
			| _ -> ()
		done with End_of_file -> close_in ic)
	end

let pos p = List.hd p
let key (q : Coccilib.pos) = (q.Coccilib.file, q.Coccilib.current_element)

(* The vma argument; see the header. *)
let pick_vma file fn line m s e =
	let m = squash m and s = squash (value file fn s)
	and e = squash (value file fn e) in
	if Str.string_match (re "^\\(.*\\)->vm_mm$") m 0 then
		Str.matched_group 1 m
	else begin
		let c = List.rev (Hashtbl.find_all vmas (file, fn)) in
		let words x = Str.split (re "[^A-Za-z0-9_]+") x in
		let named = List.filter (fun (_, v, _) ->
			List.mem v (words s) || List.mem v (words e)) c in
		let kind k = List.filter (fun (l, _, k') -> k = k' && l <= line) c in
		match named, kind "param", kind "init" with
		| (_, v, _) :: _, _, _ | [], (_, v, _) :: _, _
		| [], [], (_, v, _) :: _ -> v
		| [], [], [] -> "NULL"
	end


(* "a, f(b, c), d" -> ["a"; "f(b, c)"; "d"] *)
let split_args s =
	let out = ref [] and depth = ref 0 and b = Buffer.create 16 in
	String.iter (fun c ->
		match c with
		| '(' | '[' -> incr depth; Buffer.add_char b c
		| ')' | ']' -> decr depth; Buffer.add_char b c
		| ',' when !depth = 0 ->
			out := String.trim (Buffer.contents b) :: !out;
			Buffer.clear b
		| _ -> Buffer.add_char b c) s;
	List.rev (String.trim (Buffer.contents b) :: !out)

let decisions = Hashtbl.create 64	(* position -> (fn, event, confidence, evidence) *)

let site p owner s e =
	let q = pos p in
	let file = q.Coccilib.file and fn = q.Coccilib.current_element in
	scan file;
	let (ev, c, why) =
		match Hashtbl.find_opt overrides (file ^ ":" ^ fn) with
		| Some (ev, r) -> (ev, "override",
				   "pinned in event_tag.overrides: " ^ r)
		| None -> decide file fn q.Coccilib.line owner s e in
	Hashtbl.replace decisions (file, q.Coccilib.line, q.Coccilib.col)
		(fn, ev, c, why);
	ev

(* The record of a site (see the header). *)
let report p =
	let q = pos p in
	match Hashtbl.find_opt decisions
		(q.Coccilib.file, q.Coccilib.line, q.Coccilib.col) with
	| Some (fn, ev, c, why) ->
		record q.Coccilib.file q.Coccilib.line fn "converted" [ev; c]
			(Printf.sprintf "%s (%s): %s" ev c why)
	| None -> ()

// Facts: vma parameters and locals, mmu_gather parameters, range ends.

// The facts are per file (keyed by it); dropped at the start of each file group
// (scripts/cocci may give spatch several, --file-groups): this rule, binding
// nothing, runs once per group.
@script:ocaml@
@@
Hashtbl.reset ids; Hashtbl.reset elems; Hashtbl.reset vmas; Hashtbl.reset gathers;
Hashtbl.reset ends; Hashtbl.reset consts; Hashtbl.reset scanned;
Hashtbl.reset aliases; Hashtbl.reset decisions

// The maintainer's decisions (-D overrides=FILE), read at the first group.
@script:ocaml@
file << virtual.overrides;
@@
read_overrides file

@vparam@
identifier fn, v;
position p;
@@
fn(..., struct vm_area_struct *v@p, ...) { ... }

@script:ocaml@
v << vparam.v;
p << vparam.p;
@@
let q = pos p in
Hashtbl.add vmas (key q) (q.Coccilib.line, v, "param")

@vlocal@
identifier v;
position p;
@@
struct vm_area_struct *v@p;

@script:ocaml@
v << vlocal.v;
p << vlocal.p;
@@
let q = pos p in
Hashtbl.add vmas (key q) (q.Coccilib.line, v, "local")

@vinit@
identifier v;
position p;
expression E;
@@
struct vm_area_struct *v@p = E;

@script:ocaml@
v << vinit.v;
p << vinit.p;
@@
let q = pos p in
Hashtbl.add vmas (key q) (q.Coccilib.line, v, "init")

@cinit@
identifier x;
type T;
expression E;
position p;
@@
const T x@p = E;

@script:ocaml@
x << cinit.x;
e << cinit.E;
p << cinit.p;
@@
let (file, fn) = key (pos p) in
Hashtbl.replace consts (file, fn, x) e

@gparam@
identifier fn, t;
position p;
@@
fn(..., struct mmu_gather *t@p, ...) { ... }

@script:ocaml@
p << gparam.p;
@@
Hashtbl.replace gathers (key (pos p)) ()

@rend@
expression R;
position p;
@@
(
mmu_notifier_invalidate_range_end@p(R)
|
mmu_notifier_invalidate_range_only_end@p(R)
)

@script:ocaml@
p << rend.p;
@@
let q = pos p in
Hashtbl.add ends (key q) q.Coccilib.line

// Sites of the v5.0/v5.1 API: mmu_notifier_range_init(range, mm, start, end).

@site4@
expression R, M, S, E;
position p;
@@
mmu_notifier_range_init@p(R, M, S, E)

@script:ocaml dec4@
p << site4.p;
m << site4.M;
s << site4.S;
e << site4.E;
ev;
vma;
@@
let q = pos p in
ev := make_ident ("MMU_NOTIFY_" ^ site p false s e);
vma := make_expr (pick_vma q.Coccilib.file q.Coccilib.current_element
			q.Coccilib.line m s e)

@depends on patch@
position site4.p;
expression R, M, S, E;
identifier dec4.ev;
expression dec4.vma;
@@
mmu_notifier_range_init@p(R,
- M
+ ev, 0, vma, M
  , S, E)

// Placeholder sites (scripts/events reinfer): the event is MMU_NOTIFY_INFER.

@siteph@
expression R;
expression list es;
identifier init = { mmu_notifier_range_init, mmu_notifier_range_init_owner };
position p, q;
@@
init@p(R, MMU_NOTIFY_INFER@q, es)

@script:ocaml decph@
p << siteph.p;
init << siteph.init;
es << siteph.es;
ev;
@@
(* es: flags, [vma,] mm, start, end[, owner]; no vma from v6.3 on *)
let args = split_args es in
let owner = init = "mmu_notifier_range_init_owner" in
let n = List.length args - (if owner then 1 else 0) in
let s = List.nth args (n - 2) and e = List.nth args (n - 1) in
ev := make_ident ("MMU_NOTIFY_" ^ site p owner s e)

@depends on patch@
position siteph.q;
identifier decph.ev;
@@
- MMU_NOTIFY_INFER@q
+ ev

// range->blockable gave way to flags in v5.2.

@blockable depends on patch@
struct mmu_notifier_range *r;
const struct mmu_notifier_range *cr;
expression X;
@@
(
r->blockable = X
|
cr->blockable = X
|
- r->blockable
+ mmu_notifier_range_blockable(r)
|
- cr->blockable
+ mmu_notifier_range_blockable(cr)
)

// Report, context and org modes.

@script:ocaml depends on patch || report@
p << site4.p;
@@
report p

@script:ocaml depends on patch || report@
p << siteph.p;
@@
report p

@depends on context@
expression R, M, S, E;
@@
* mmu_notifier_range_init(R, M, S, E)

@script:ocaml depends on org@
p << site4.p;
@@
Coccilib.print_main "mmu_notifier_range_init() without an event" p

