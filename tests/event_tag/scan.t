#!/bin/sh
# The C reader of cocci/event_tag.cocci on its own: a test rule made of
# its part cocci/event_tag/scan.cocci and a rule that dumps what the
# scanner found in a small C file (elements in file order, then each
# element's identifiers by line, then the aliases), against a dump read
# and checked by hand.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
command -v spatch >/dev/null 2>&1 || { echo "spatch not installed"; exit 77; }
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cd "$d" || exit 1
{ cat "$TOP/cocci/event_tag/scan.cocci"; cat <<'RULE'

// The dump: what scan found in -D file=FILE, elements in file order, then
// each element's identifiers by line, then the aliases.
@script:ocaml@
file << virtual.file;
@@
let name e = if e = "" then "(none)" else e in
scan file;
let es = List.rev (Hashtbl.find_all elems file) in
Printf.printf "elements: %s\n" (String.concat " " (List.map name es));
let seen = Hashtbl.create 16 in
List.iter (fun e ->
	if not (Hashtbl.mem seen e) then begin
		Hashtbl.replace seen e ();
		let by = ref [] in
		List.iter (fun (l, i) ->
			match !by with
			| (l', is) :: rest when l' = l -> by := (l, i :: is) :: rest
			| _ -> by := (l, [i]) :: !by)
			(List.rev (Hashtbl.find_all ids (file, e)));
		List.iter (fun (l, is) ->
			Printf.printf "%s %d: %s\n" (name e) l
				(String.concat " " (List.rev is)))
			(List.rev !by)
	end) es;
let keys = Hashtbl.fold (fun (f, e, x) _ acc ->
	if f = file && not (List.mem (e, x) acc) then (e, x) :: acc else acc)
	aliases [] in
List.iter (fun (e, x) ->
	Printf.printf "alias %s %s: %s\n" (name e) x
		(String.concat " " (List.rev (Hashtbl.find_all aliases (file, e, x)))))
	(List.sort compare keys)
RULE
} > scan.cocci
rc=0
# check NAME: NAME.c's dump is NAME.want
check() {
	spatch --very-quiet --sp-file scan.cocci -D file="$1.c" "$1.c" > "$1.got" 2>&1 &&
		diff -u "$1.want" "$1.got" || { echo "$1: the dump differs (above)"; rc=1; }
}

# Comments, strings and character constants with braces, preprocessor
# lines (one continued), a prototype, a function defined twice under
# #ifdef (one element, both bodies), an initialiser at file scope (an
# element named by its object), a struct definition (an element with no
# name), and members assigned: a lone identifier is an alias, an
# expression is not.
cat > lexical.c <<'C'
#include <linux/mm.h>
#define OPEN {
#define CALL(x) \
	do { x(); } while (0)
/* a comment: { not_an_element() } */
static int proto(int);

static int lexical(int a)
{
	// a { line comment, not_seen()
	const char *s = "a { string \" } not_seen";
	char c = '{';
	int n = a == 1 ? 2 : 3; /* not_seen
	   } still a comment */
	if (n != 0)
		n += helper(s, c);
	return n;
}

#ifdef CONFIG_X
static void twice(void) { one(); }
#else
static void twice(void) { other(); }
#endif

static struct ops ops_init = { .cb = lexical };

struct priv { int field; };

static void member_ops(struct mm_walk *wp)
{
	wp->pte_entry = pte_cb;
	wp->private = priv + 1;
}
C
cat > lexical.want <<'DUMP'
elements: lexical twice ops_init (none) member_ops
lexical 11: const char s
lexical 12: char c
lexical 13: int n a
lexical 15: if n
lexical 16: n helper s c
lexical 17: return n
twice 21: one
twice 23: other
ops_init 26: cb lexical
(none) 28: int field
member_ops 32: wp pte_entry pte_cb
member_ops 33: wp private priv
alias member_ops wp: pte_cb
DUMP
check lexical

# walk_page_range()'s ops: a callback named in a file-scope ops, an
# on-stack struct mm_walk initialised with braces (it stands for every
# identifier between them) then given one more callback by a member
# assignment, and an ops passed by address (no alias: the decision
# follows file_ops itself, an element).
cat > walk.c <<'C'
static int pte_cb(pte_t *pte, unsigned long addr)
{
	return ptep_test(pte);
}

static const struct mm_walk_ops file_ops = {
	.pte_entry = pte_cb,
};

static void walk_stack(struct mm_struct *mm)
{
	struct mm_walk w = { .pmd_entry = pmd_cb, .mm = mm };
	w.pte_entry = pte_cb;
	walk_page_range(0, 1, &w);
}

static void walk_member(struct mm_struct *mm)
{
	struct mm_walk walk;
	walk.ops = &file_ops;
	walk_page_range(0, 1, &walk);
}
C
cat > walk.want <<'DUMP'
elements: pte_cb file_ops walk_stack walk_member
pte_cb 3: return ptep_test pte
file_ops 7: pte_entry pte_cb
walk_stack 12: struct mm_walk w pmd_entry pmd_cb mm mm
walk_stack 13: w pte_entry pte_cb
walk_stack 14: walk_page_range w
walk_member 19: struct mm_walk walk
walk_member 20: walk ops file_ops
walk_member 21: walk_page_range walk
alias walk_stack w: pmd_entry pmd_cb mm mm pte_cb
DUMP
check walk
exit $rc
