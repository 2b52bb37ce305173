// SPDX-License-Identifier: GPL-2.0-only
// Part of cocci/get_put.cocci, which lists its parts in order: the report,
// once the whole group is seen.

// ---------------------------------------------------------------------
// Report: one line per object the rule did not convert, with the reason.
// ---------------------------------------------------------------------

@script:ocaml@
t << registered.T;
p << registered.p;
@@
let p = List.hd p in
if not (Hashtbl.mem objs t) then Hashtbl.replace objs t p

@script:ocaml@
t << registered.T;
l << lookup_lock.L;
p << table_walk.p;
@@
Hashtbl.replace locks (t, where (List.hd p)) l

@script:ocaml depends on static_table@
t << registered.T;
@@
set table_is_static t

@script:ocaml depends on static_lock@
t << registered.T;
@@
set lock_is_static t

@script:ocaml@
t << registered.T;
fn << table_other_user.fn;
@@
add table_others t fn

@script:ocaml@
t << registered.T;
fn << table_other_user_kref.fn;
@@
add table_others t fn

@script:ocaml@
t << registered.T;
pf << any_kref_put.putfn;
rel << any_kref_put.rel;
@@
add kref_puts t (pf, rel)

@script:ocaml@
t << registered.T;
fn << list_other_user.f;
@@
add list_others t fn

@script:ocaml@
t << registered.T;
f << notifier_list_walker.fn;
p << walker_call.p;
@@
let p = List.hd p in
Hashtbl.replace looks (t, where p) (ignore f; "mm->mmu_notifier_mm->list", p.Coccilib.current_element);
Hashtbl.replace locks (t, where p) "mmap_sem+rcu"

@script:ocaml@
t << registered.T;
fld << mm_field_map.FLD;
p << mm_field_map.p;
@@
let p = List.hd p in
Hashtbl.replace looks (t, where p) ("mm->" ^ fld, p.Coccilib.current_element);
add mm_fields t fld

@script:ocaml@
t << registered.T;
l << mm_field_lock.L;
p << mm_field_map.p;
@@
Hashtbl.replace locks (t, where (List.hd p)) l

@script:ocaml@
t << registered.T;
u << other_table_walk.U;
tbl << other_table_walk.TBL;
fld << other_table_entry.FLD;
@@
add indirect_holders t (Printf.sprintf "%s in %s (->%s)" u (String.concat "" (String.split_on_char ' ' tbl)) fld)

// The report, once the whole group is seen; then the facts are dropped:
// scripts/cocci may give spatch several groups (--file-groups), and this
// rule, binding nothing, runs at the end of each.
@script:ocaml@
@@
let extras = members table_others in
let lines = ref [] in
Hashtbl.iter (fun t p ->
  let lk = Hashtbl.fold (fun (t', w) v acc -> if t' = t then (w, v) :: acc else acc)
      looks [] |> List.sort compare in
  let tables = List.sort_uniq compare (List.map (fun (_, (tbl, _)) -> tbl) lk) in
  let lks = List.sort_uniq compare (List.concat_map (fun (w, _) ->
      try [Hashtbl.find locks (t, w)] with Not_found -> []) lk) in
  let none l = if l = [] then "none" else String.concat ", " l in
  let nosp s = String.concat "" (String.split_on_char ' ' s) in
  let lookfns = List.sort_uniq compare (List.map (fun (_, (_, fn)) -> fn) lk) in
  let putfns = members put_fns t in
  let tdowns = List.filter (fun f -> not (List.mem f putfns)) (members unregistering_fns t) in
  let others = List.filter (fun f -> not (List.mem f lookfns || List.mem f tdowns || List.mem f putfns || f = p.Coccilib.current_element))
      (members table_users t) in
  let blockers = List.concat [
    List.map (fun f -> "mm-field", Printf.sprintf "the mm -> object map is the field mm->%s of struct mm_struct itself: dropping it changes the core (struct mm_struct and its initialisation, outside the file group) and every user of the field" f)
      (members mm_fields t);
    List.map (fun g -> "extra-ref", "kref_get() at " ^ g ^ " takes one more reference on an object already held: the notifier's count is taken only by mmu_notifier_get() on the mm, under mmap_sem, so the conversion needs that reference gone first (it is redundant where a holder of the object keeps it alive)")
      (members extra_refs t);
    List.filter_map (fun tbl ->
        let tbl = nosp tbl in
        if String.contains tbl '>' && not (String.length tbl > 4 && String.sub tbl 0 4 = "mm->") then
          Some ("per-instance-table", Printf.sprintf "the table %s is a field of a per-instance structure, not a static table: mmu_notifier_get() keys on the ops and the mm only, so all instances would share one object" tbl)
        else None) tables;
    List.map (fun s -> "records-instance", "the object records its instance (" ^ s ^ "), which an object shared by all instances cannot")
      (members recorded_instances t);
    (match members kref_puts t with
     | (pf, rel) :: _ when not (holds has_put t) ->
       [("kref-release", Printf.sprintf "%s drops a kref with the release function %s, which does more than unlink, unlock, unregister and free (or %s does more than kref_put() under the table lock): what else it does has no place in free_notifier()" pf rel pf)]
     | _ -> []);
    (if holds has_put t || members kref_puts t <> [] || members mm_kref_put_fns t <> [] || tdowns = [] then [] else
        [("no-put", Printf.sprintf "no put \"void put(struct T *)\" dropping a count: the object is unregistered in %s, so each holder of it would need its own mmu_notifier_put(), which the rule cannot place"
          (String.concat ", " tdowns))]);
    (if others = [] || holds has_static_get t then [] else
        [("table-users", "the table or its lock is also used by " ^ String.concat ", " others)]) ] in
  let reason =
    if holds has_list_get t then
      (if not (holds has_list_put t) then
        Some ("find-no-put", "the get reuses the registration it finds on the mm's own notifier list, but there is no put \"void put(struct T *)\" that drops an atomic count and on the last one unregisters and frees")
      else match members list_others t with
        | [] -> None
        | l -> Some ("find-users", "the lookup helper is called, or the object unregistered or freed, also by " ^ String.concat ", " l))
    else if holds has_device_get t then
      (match holder_blockers t with
       | [] -> None
       | l -> Some ("per-instance-holders", Printf.sprintf "the table %s->%s is a field of a per-instance structure: mmu_notifier_get() keys on the ops and the mm only, so all instances would share one object per mm, which needs holders that each keep a reference and nothing reading the instance or mm the object was made for; here %s"
                      ((dev t).par) ((dev t).tbl) (String.concat "; " l)))
    else if lk = [] then
      (match members indirect_holders t with
       | [] -> Some ("no-table", "no mm -> object table: the object is not looked up by its mm (one notifier per object)")
       | l -> Some ("indirect-table", "the object itself is not looked up by its mm: the mm table holds struct " ^ String.concat ", " l ^ ", which points to the object and lives on without it; mmu_notifier_get() would replace the registration, not that table"))
    else if blockers <> [] then
      Some (String.concat "," (List.map fst blockers), String.concat "; " (List.map snd blockers))
    else if not (holds has_static_get t) then
      Some ("no-get", "the lookup and the registration are not one get function \"struct T *get(struct mm_struct *)\" that locks, looks up, allocates, registers with mmu_notifier_register() and adds to the table")
    else if not (holds has_put t) then
      Some ("no-put", "no put function \"void put(struct T *)\" that drops a count, unlinks, unregisters and frees: the object is torn down elsewhere")
    else if not (holds table_is_static t) then
      Some ("table-not-static", "the table is not a static DEFINE_HASHTABLE()/LIST_HEAD()")
    else if not (holds lock_is_static t) then
      Some ("lock-not-static", "the lock is not a static DEFINE_SPINLOCK()/DEFINE_MUTEX()")
    else match extras t with
      | [] -> None
      | l -> Some ("table-users", "the table or its lock is also used by " ^ String.concat ", " l)
  in
  let reason = match reason, members deferred_blockers t with
    | r, [] -> r
    | None, l -> Some ("deferred-free", "the deferred free: " ^ String.concat "; " l)
    | Some (c, r), l -> Some (c ^ ",deferred-free", r ^ "; the deferred free: " ^ String.concat "; " l) in
  match reason with
  | None -> ()
  | Some (codes, r) ->
    let text = Printf.sprintf "table %s, lock %s, lookups at %s: not converted [%s]: %s"
        (none (List.map nosp tables)) (none (List.map nosp lks))
        (none (List.map (fun (w, (_, fn)) -> w ^ " (" ^ fn ^ ")") lk)) codes r in
    (* in the order of the lines people read *)
    let shown = Printf.sprintf "%s:%d: %s: %s" p.Coccilib.file p.Coccilib.line t text in
    lines := (shown, (p, t, String.split_on_char ',' codes, text)) :: !lines)
  objs;
List.iter (fun (_, (p, t, codes, text)) -> record p.Coccilib.file p.Coccilib.line t "reported" codes text)
  (List.sort compare !lines);
reset_group ()
