// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/event_tag.cocci: the event of a site, from what the code
// does between its range_init() and its invalidate_range_end().
//
// decide FILE FN LINE OWNER START END gives (EVENT, confidence, evidence)
// for the site at LINE of FN: it follows, from the identifiers of FN's
// lines LINE..end (event_tag/scan.cocci), the elements of the file they
// name, breadth first, and classes what it reaches among the kernel's
// page-table primitives below (the header of cocci/event_tag.cocci says
// which class gives which event).  It reads the facts the rules of
// cocci/event_tag.cocci gather (ends, gathers, consts) and the events of
// the tree's enum beyond v5.2's five (-D events=MIGRATE,EXCLUSIVE; none
// without it).  Its own tests: tests/event_tag/decide.t.

@initialize:ocaml@
@@
(* Facts of the file, gathered by the rules before any site is decided. *)
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

(* A bound held in a const local ("const unsigned long start =
 * vma->vm_start;") stands for its value. *)
let value file fn x =
	match Hashtbl.find_opt consts (file, fn, x) with Some v -> v | None -> x

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

@script:ocaml@
names << virtual.events;
@@
extra := Str.split (re "[ ,]+") names
