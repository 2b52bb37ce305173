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
/// Every site is reported on stdout as
/// "file:line: function: EVENT (confidence): evidence".  Two inputs, both
/// on the command line, both optional:
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

@initialize:ocaml@
@@
(* Facts gathered from the whole file before any site is decided. *)
let ids = Hashtbl.create 4096		(* (file, element) -> (line, ident) *)
let elems = Hashtbl.create 256		(* file -> element, functions and ops *)
let vmas = Hashtbl.create 64		(* (file, fn) -> (line, name, kind) *)
let gathers = Hashtbl.create 16		(* (file, fn): mmu_gather parameter *)
let ends = Hashtbl.create 64		(* (file, fn) -> line of _end() *)
let consts = Hashtbl.create 16	(* (file, fn, name) -> value of a const local *)

let re s = Str.regexp s
let squash x = Str.global_replace (Str.regexp "[ \t\n]+") "" x
let any res i = List.exists (fun r -> Str.string_match r i 0) res

(* Kernel page-table primitives, by what they do to the ptes. *)
let soft_dirty = [re ".*clear_soft_dirty"]
let prot_vma = [re "^\\(pte\\|pmd\\|pud\\|huge_pte\\)_modify$";
		re "^change_\\(protection\\|huge_pmd\\|huge_pud\\)$"]
let moved = [re "^move_\\(pte\\|huge_pmd\\|huge_pud\\|normal_pmd\\|normal_pud\\)$";
	     re "^\\(free_pgtables\\|free_pgd_range\\)$"]
let zapped = [re "^_*\\(zap\\|unmap\\)_"; re "^_*tlb_remove_page"]
let removed = [re ".*ptep_get_and_clear"; re "^pmdp_huge_get_and_clear";
	       re "^pte_clear\\(_not_present_full\\)?$"; re "^pmdp_collapse_flush$";
	       re "^set_pte_at_notify$"; re "^try_to_\\(unmap\\|migrate\\)";
	       re "^\\(page\\|folio\\)_remove_.*rmap";
	       re "^free_swap_and_cache$"; re "^set_pmd_migration_entry$"]
let cleared = [re ".*p[tmu]dp_\\(huge_\\)?clear_flush"; re "^pmdp_invalidate";
	       re "^huge_ptep_clear_flush"]
let prot_page = [re ".*wrprotect"; re ".*mkclean"]
let exclusive = [re ".*device_exclusive"]
let migrate_dev = [re "^MIGRATE_PFN_"; re "^migrate_pfn"]

(* Events the tree's enum has beyond the five of v5.2 (-D events=...). *)
let extra : string list ref = ref []
let has ev = List.mem ev !extra

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

(* A bound held in a const local ("const unsigned long start =
 * vma->vm_start;") stands for its value. *)
let value file fn x =
	match Hashtbl.find_opt consts (file, fn, x) with Some v -> v | None -> x

(* The identifiers of every function body and every initialiser of a file,
 * by line, from a small C scanner (comments, strings and preprocessor lines
 * skipped).  A SmPL rule binding every identifier would do the same but
 * spatch 1.1.1 checks script bindings pairwise: quadratic in a file group.
 * Also records local initialisers "x = { ... }" (on-stack mm_walk) as
 * aliases: x stands for the identifiers between its braces. *)
let scanned = Hashtbl.create 16
let aliases = Hashtbl.create 64		(* (file, fn, x) -> ident *)
let scan file =
	if not (Hashtbl.mem scanned file) then begin
	Hashtbl.replace scanned file ();
	let s = try
		let ic = open_in_bin file in
		let n = in_channel_length ic in
		let s = really_input_string ic n in
		close_in ic; s
		with Sys_error _ -> "" in
	let n = String.length s in
	let line = ref 1 and depth = ref 0 and paren = ref 0 in
	let elem = ref "" and first_call = ref "" and before_eq = ref ""
	and eq = ref false and last = ref "" and bol = ref true in
	let toks = ref [] and member = ref "" in
	let push t = toks := (match !toks with a :: b :: _ -> [t; a; b] | l -> t :: l) in
	let locals = ref [] in		(* (x, depth) of open local inits *)
	let pending = ref "" in		(* "x =" seen inside a body *)
	let is_id c = c = '_' || (c >= 'a' && c <= 'z') ||
		      (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') in
	let i = ref 0 in
	let peek k = if !i + k < n then s.[!i + k] else ' ' in
	let skip_to_eol () =
		while !i < n && (s.[!i] <> '\n' || (!i > 0 && s.[!i - 1] = '\\')) do
			if s.[!i] = '\n' then incr line;
			incr i
		done in
	let next_nonspace () =
		let j = ref !i in
		while !j < n && (s.[!j] = ' ' || s.[!j] = '\t' || s.[!j] = '\n') do
			incr j done;
		if !j < n then s.[!j] else ' ' in
	while !i < n do
		let c = s.[!i] in
		if c = '\n' then begin incr line; bol := true; incr i end
		else if c = ' ' || c = '\t' || c = '\r' then incr i
		else if c = Char.chr 35 && !bol then skip_to_eol ()
		else begin
		bol := false;
		if c = '/' && peek 1 = '*' then begin
			i := !i + 2;
			while !i < n && not (s.[!i] = '*' && peek 1 = '/') do
				if s.[!i] = '\n' then incr line; incr i done;
			i := !i + 2
		end else if c = '/' && peek 1 = '/' then skip_to_eol ()
		else if c = Char.chr 34 || c = Char.chr 39 then begin
			incr i;
			while !i < n && s.[!i] <> c do
				if s.[!i] = '\\' then incr i;
				if !i < n && s.[!i] = '\n' then incr line;
				incr i done;
			incr i
		end else if is_id c then begin
			let j = !i in
			while !i < n && is_id s.[!i] do incr i done;
			let w = String.sub s j (!i - j) in
			push w;
			if not (c >= '0' && c <= '9') then begin
				if !depth = 0 then begin
					if !paren = 0 && next_nonspace () = '(' &&
					   !first_call = "" then first_call := w;
					last := w
				end else begin
					Hashtbl.add ids (file, !elem) (!line, w);
					if !member <> "" && next_nonspace () = ';' then
						Hashtbl.add aliases (file, !elem, !member) w;
					member := "";
					List.iter (fun (x, _) ->
						Hashtbl.add aliases (file, !elem, x) w)
						!locals;
					last := w;
					pending := ""
				end
			end
		end else begin
			(match c with
			| '(' -> incr paren
			| ')' -> decr paren
			| '=' when peek 1 <> '=' && !paren = 0 &&
				   not (List.mem (if !i > 0 then s.[!i - 1] else ' ')
					['='; '!'; '<'; '>'; '+'; '-'; '*'; '/';
					 '&'; '|'; '^'; '%']) ->
				if !depth = 0 then begin eq := true; before_eq := !last end
				else begin
					pending := !last;
					member := (match !toks with
						| _ :: ("." | "->") :: x :: _ -> x
						| _ -> "")
				end
			| '{' ->
				if !depth = 0 then begin
					elem := if !eq then !before_eq else !first_call;
					if not (Hashtbl.mem ids (file, !elem)) then
						Hashtbl.add elems file !elem
				end else if !pending <> "" then
					locals := (!pending, !depth) :: !locals;
				pending := "";
				incr depth
			| '}' ->
				decr depth;
				locals := List.filter (fun (_, d) -> d < !depth) !locals;
				if !depth <= 0 then begin
					depth := 0; first_call := ""; eq := false
				end
			| ';' ->
				pending := "";
				if !depth = 0 then begin first_call := ""; eq := false end
			| '-' when peek 1 = '>' -> push "->"; incr i
			| '.' -> push "."
			| _ -> pending := "");
			if c <> '=' && c <> '-' && c <> '.' then begin member := ""; push "" end;
			incr i
		end
		end
	done
	end

(* Identifiers reached from lines lo..hi of fn: id -> (depth, element). *)
let reach file fn lo hi siblings =
	let seen = Hashtbl.create 64 and found = Hashtbl.create 256 in
	let q = Queue.create () in
	let rec note elem depth i =
		if not (Hashtbl.mem found i) then begin
			Hashtbl.replace found i (depth, elem);
			List.iter (note elem depth)
				(Hashtbl.find_all aliases (file, elem, i))
		end;
		if Hashtbl.mem ids (file, i) && not (Hashtbl.mem seen i) then begin
			Hashtbl.replace seen i ();
			Queue.add (i, depth + 1) q
		end in
	let visit elem depth inside =
		List.iter (fun (l, i) -> if inside l then note elem depth i)
			(List.rev (Hashtbl.find_all ids (file, elem))) in
	Hashtbl.replace seen fn ();
	visit fn 0 (fun l -> l >= lo && l <= hi);
	List.iter (fun e -> Hashtbl.replace seen e (); Queue.add (e, 1) q) siblings;
	while not (Queue.is_empty q) do
		let (e, d) = Queue.pop q in
		visit e d (fun _ -> true)
	done;
	found

(* Signals of one class: sorted "ident (in elem)" strings, or []. *)
let hits found res =
	Hashtbl.fold (fun i (d, e) acc ->
		if any res i then (d, if d = 0 then i else i ^ " in " ^ e) :: acc
		else acc) found []
	|> List.sort compare |> List.map snd

let first n l = String.concat ", " (List.filteri (fun k _ -> k < n) l)

(* The decision: (EVENT, confidence, evidence). *)
let decide file fn line owner s e =
	let last = List.fold_left (fun m (l, _) -> max m l) line
			(Hashtbl.find_all ids (file, fn)) in
	let after = List.filter (fun l -> l > line) (Hashtbl.find_all ends (file, fn)) in
	let hi, siblings, note =
		match after with
		| [] ->
			(* The range ends elsewhere: look at the rest of the
			 * function and at the callbacks sharing its ops. *)
			let sib = List.filter (fun o ->
				o <> fn && List.exists (fun (_, i) -> i = fn)
					(Hashtbl.find_all ids (file, o)))
				(Hashtbl.find_all elems file) in
			last, sib, "range ended outside the function; "
		| l -> List.fold_left max 0 l, [], "" in
	let s = squash (value file fn s) and e = squash (value file fn e) in
	let found = reach file fn line hi siblings in
	let h = hits found in
	let sd = h soft_dirty and pv = h prot_vma and mv = h moved
	and zp = h zapped and rm = h removed and cl = h cleared
	and pp = h prot_page and ex = h exclusive and md = h migrate_dev in
	let whole = Str.string_match (re "^\\(.*\\)->vm_start$") s 0 &&
		    e = Str.matched_group 1 s ^ "->vm_end" in
	let gather = Hashtbl.mem gathers (file, fn) in
	let others l = List.length (List.filter (fun x -> x <> []) l) in
	let conf l = if others l = 0 then "high" else "medium" in
	let ev why l = note ^ why ^ ": " ^ first 3 l in
	if sd <> [] && pv <> [] then
		("CLEAR", "low", note ^ "conflicting signals: " ^ first 2 sd ^
			"; " ^ first 2 pv)
	else if sd <> [] then
		("SOFT_DIRTY", conf [pv], ev "soft-dirty bits cleared" sd)
	else if pv <> [] then
		("PROTECTION_VMA", conf [mv], ev "protection rewritten from a pgprot" pv)
	else if mv <> [] then
		("UNMAP", "high", ev "ptes moved or page tables freed" mv)
	else if zp <> [] && gather then
		("UNMAP", "high", ev "ptes zapped into the caller's mmu_gather" zp)
	else if zp <> [] && whole then
		("UNMAP", "high", ev ("whole vma zapped (" ^ s ^ ".." ^ e ^ ")") zp)
	else if owner && ex <> [] && has "EXCLUSIVE" then
		("EXCLUSIVE", "high", ev "device-exclusive entries, owner given" ex)
	else if owner && md <> [] && has "MIGRATE" then
		("MIGRATE", "high", ev "device migration, owner given" md)
	else if rm <> [] || zp <> [] then
		("CLEAR", conf [pp], ev "ptes removed or replaced" (List.append zp rm))
	else if pp <> [] then
		("PROTECTION_PAGE", "high", ev "pages write-protected or cleaned" pp)
	else if cl <> [] then
		("CLEAR", "medium", ev "ptes cleared and flushed" cl)
	else
		("CLEAR", "low", note ^ "no page-table change seen, conservative")

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

let decisions = Hashtbl.create 64	(* position -> report line *)

let site p owner s e =
	let q = pos p in
	let file = q.Coccilib.file and fn = q.Coccilib.current_element in
	scan file;
	let (ev, c, why) =
		match Hashtbl.find_opt overrides (file ^ ":" ^ fn) with
		| Some (ev, r) -> (ev, "override",
				   "pinned in event_tag.overrides: " ^ r)
		| None -> decide file fn q.Coccilib.line owner s e in
	let line = Printf.sprintf "%s:%d: %s: %s (%s): %s"
			file q.Coccilib.line fn ev c why in
	Hashtbl.replace decisions (file, q.Coccilib.line, q.Coccilib.col) line;
	ev

let report p =
	let q = pos p in
	match Hashtbl.find_opt decisions
		(q.Coccilib.file, q.Coccilib.line, q.Coccilib.col) with
	| Some l -> print_endline l
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

@script:ocaml@
names << virtual.events;
@@
extra := Str.split (re "[ ,]+") names

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

