// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/event_tag.cocci: the identifiers of a file, by function
// and by line, that the decision follows (event_tag/decide.cocci).
//
// A small C scanner, in OCaml: comments, strings, character constants and
// preprocessor lines are skipped.  For every function body and every
// initialiser at file scope (an element, named by the function, or by the
// object before the "="), it records each identifier with its line:
//	ids	(file, element) -> (line, identifier), in file order
//	elems	file -> element, in file order
// and, in a body, what a name stands for (an alias):
//	struct mm_walk w = { .pmd_entry = f };	(file, element, "w") -> "f"
//	w.pte_entry = g;			(file, element, "w") -> "g"
// a local initialised with braces stands for the identifiers between
// them; a variable whose member is assigned a lone identifier, for that
// identifier.  The decision follows an identifier that is an element of
// the same file (a function it calls, the ops it passes) and what an
// alias stands for.
//
// Why not a SmPL rule binding every identifier: it would find the same,
// but spatch 1.1.1 checks script bindings pairwise, which is quadratic
// in a file group.  Its own tests: tests/event_tag/scan.t.

@initialize:ocaml@
@@
let ids = Hashtbl.create 4096		(* (file, element) -> (line, ident) *)
let elems = Hashtbl.create 256		(* file -> element, functions and ops *)
let aliases = Hashtbl.create 64		(* (file, element, x) -> ident *)
let scanned = Hashtbl.create 16		(* file: scanned already *)

(* scan FILE: the facts above for FILE, once a file group *)
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
