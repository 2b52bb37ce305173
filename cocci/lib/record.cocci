// SPDX-License-Identifier: GPL-2.0-only
// record: the one way a rule says what it did to a site.  A part of every
// rule (#include "lib/record.cocci", inlined by scripts/rule), read first.
//
// A record is a line on stdout, six fields separated by a tab:
//
//	FILE  LINE  WHAT  STATUS  CODES  TEXT
//
//   FILE    the file as spatch names it ("" for none)
//   LINE    its line ("" for none: 0 given)
//   WHAT    the function or object ("" for none)
//   STATUS  converted  the rule changed it (CODES: the shape)
//           reported   found and left as it is on purpose (CODES: why)
//           left       a piece that stays and needs a person
//           skipped    the rule could not run on it
//   CODES   lowercase words, "-" inside one, "," between
//   TEXT    the sentence for people
//
// scripts/cocci puts the step in front; scripts/lib.sh (records,
// records_field, records_text) is the one reader; records_text shows a
// record as "FILE:LINE: WHAT: TEXT", without the parts that are "".

@initialize:ocaml@
@@
let record_field s =
  String.map (fun c -> if c = '\t' || c = '\n' then ' ' else c) s

let record_line file line what status codes text =
  String.concat "\t"
    (List.map record_field
       [file; (if line > 0 then string_of_int line else ""); what; status;
        String.concat "," codes; text])

(* record FILE LINE WHAT STATUS CODES TEXT *)
let record file line what status codes text =
  print_endline (record_line file line what status codes text)

(* record_once: the same, a record printed once however often it is made *)
let record_said = Hashtbl.create 64
let record_once file line what status codes text =
  let l = record_line file line what status codes text in
  if not (Hashtbl.mem record_said l) then begin
    Hashtbl.replace record_said l ();
    print_endline l
  end
