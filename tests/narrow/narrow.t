#!/bin/sh
# scripts/narrow.c: which functions a rule is shown, the markers put back,
# a file it cannot follow left whole, and scripts/cocci running a rule
# again on the whole file when the rule touched what it was not shown.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/scripts/lib.sh"
here=$TOP/tests/narrow
nb=$(helper narrow)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0
bad() { echo "$*"; fail=1; }

# def NAME: the line of walk.c where the definition of NAME starts
def() { grep -n "^[a-z].* $1(" "$here/walk.c" | head -n1 | cut -d: -f1; }
# cut_out OUT NAME...: each NAME is replaced by markers in OUT, from its first
# line to its closing brace; kept_in OUT NAME...: each is as in walk.c
cut_out() {
	o=$1
	shift
	for n; do
		l=$(def "$n")
		e=$(awk -v l="$l" 'NR > l && /^}/ { print NR; exit }' "$here/walk.c")
		awk -v l="$l" -v e="$e" 'NR >= l && NR <= e && $0 != "/*MNS_NARROWED " NR "*/" &&
			$0 != "/*MNS_NARROWED " NR "*/ struct mns_narrowed;" { exit 1 }' "$o" ||
			bad "$o: $n (lines $l-$e) is not cut"
	done
}
kept_in() {
	o=$1
	shift
	for n; do
		l=$(def "$n")
		[ "$(sed -n "${l}p" "$o")" = "$(sed -n "${l}p" "$here/walk.c")" ] || bad "$o: $n is cut"
	done
}

# Only the functions that invalidate ...
"$nb" 'mmu_notifier' "$here/walk.c" "$tmp/plain.c" || bad "narrow failed"
[ "$(wc -l < "$tmp/plain.c")" = "$(wc -l < "$here/walk.c")" ] || bad "plain: the line count changed"
cut_out "$tmp/plain.c" count_pages clean_pte zap_one reset_cleaned
kept_in "$tmp/plain.c" clean_pre_vma protect_range
# ... and not a function that shares its last line with a declaration
kept_in "$tmp/plain.c" report_pages
grep -q "^	.pte_entry = clean_pte,$" "$tmp/plain.c" || bad "plain: the walk ops are cut"

# -c: and what they reach: a callee, the other ops of their page walk, a
# function that takes the lock they take (a macro defines it)
"$nb" -c 'mmu_notifier' "$here/walk.c" "$tmp/closure.c" || bad "narrow -c failed"
kept_in "$tmp/closure.c" clean_pre_vma protect_range zap_one clean_pte reset_cleaned
cut_out "$tmp/closure.c" count_pages

# The markers go back; a marker lost leaves the file as it is, exit 1
cp "$tmp/plain.c" "$tmp/w.c"
"$nb" -r "$here/walk.c" "$tmp/plain.c" "$tmp/w.c" && cmp -s "$tmp/w.c" "$here/walk.c" ||
	bad "restore: not the original"
grep -v "^/\*MNS_NARROWED 10\*/$" "$tmp/plain.c" > "$tmp/lost.c"
cp "$tmp/lost.c" "$tmp/lost0.c"
if "$nb" -r "$here/walk.c" "$tmp/plain.c" "$tmp/lost.c"; then
	bad "restore: a lost marker not seen"
fi
cmp -s "$tmp/lost.c" "$tmp/lost0.c" || bad "restore: rewrote a file with a lost marker"

# A conditional whose branches open different braces: the file is left whole
{ cat "$here/walk.c"; printf '#ifdef CONFIG_A\nstatic void a(void) {\n#else\nstatic void a(int x) { if (x) {\n#endif\n}\n'; } > "$tmp/cond.c"
"$nb" 'mmu_notifier' "$tmp/cond.c" "$tmp/cond.out" && cmp -s "$tmp/cond.c" "$tmp/cond.out" ||
	bad "unbalanced conditional: the file is not left whole"

# scripts/cocci: a rule that removes a function it is shown (spatch takes
# the comments before it away with it, up to a declaration) gives the result
# of the whole file ...
mkdir -p "$tmp/w" "$tmp/whole" "$tmp/cocci"
cp "$here/walk.c" "$tmp/w/walk.c"
cp "$here/walk.c" "$tmp/whole/walk.c"
ln -s "$TOP/scripts" "$tmp/scripts"
ln -s "$TOP/cocci/builtins.h" "$TOP/cocci/macros.h" "$tmp/cocci/"
printf '// Narrow: mmu_notifier\nvirtual patch\n@@\n@@\n- clean_pre_vma(...) { ... }\n' > "$tmp/cocci/drop.cocci"
(cd "$tmp/w" && TOP=$tmp "$TOP"/scripts/cocci drop walk.c) > "$tmp/drop.out" 2>&1 || bad "cocci drop failed: $(cat "$tmp/drop.out")"
grep -q "run on the whole files" "$tmp/drop.out" && bad "drop: a second run on the whole file: $(cat "$tmp/drop.out")"
(cd "$tmp/whole" && NARROW=0 TOP=$tmp "$TOP"/scripts/cocci drop walk.c) >/dev/null 2>&1 || bad "cocci drop NARROW=0 failed"
diff -u "$tmp/whole/walk.c" "$tmp/w/walk.c" || bad "drop: not the result of NARROW=0"
grep -q "^static int clean_pre_vma" "$tmp/w/walk.c" && bad "drop: clean_pre_vma is still there"
# ... and a rule that touches what it was not shown (here, the declaration
# that ends a block of markers) runs again on the whole file
cp "$here/walk.c" "$tmp/w/walk.c"
printf '// Narrow: mmu_notifier\nvirtual patch\n@@\n@@\n- struct mns_narrowed;\n' > "$tmp/cocci/touch.cocci"
(cd "$tmp/w" && TOP=$tmp "$TOP"/scripts/cocci touch walk.c) > "$tmp/touch.out" 2>&1 || bad "cocci touch failed: $(cat "$tmp/touch.out")"
grep -q "touch changed code beside the functions it was shown in walk.c: run on the whole files" "$tmp/touch.out" ||
	bad "touch: no second run on the whole file: $(cat "$tmp/touch.out")"
cmp -s "$tmp/w/walk.c" "$here/walk.c" || bad "touch: the file is not the original"
exit $fail
