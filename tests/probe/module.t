#!/bin/sh
# probe --module DIR reads an external module's API with the classification
# probe TREE gives a tree's ops (start_kind): the modules of tests/oot and
# examples/ as written, one ported to 5.10's API, and a module whose
# callbacks are written exactly as each tree generation declares the ops
# member gets that generation's kind.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rc=0
fail() { echo "FAIL: $*"; rc=1; }
key() { sed -n "s/^$1: //p" "$tmp/out"; }
# expect DIR KEY VALUE...
probe() { "$TOP"/scripts/probe --module "$1" > "$tmp/out" 2> "$tmp/err" || { fail "$1: $(cat "$tmp/err")"; return 1; }; }

probe "$TOP/tests/oot/mnmirror" && {
	[ "$(key callbacks)" = blockable ] || fail "mnmirror: callbacks $(key callbacks)"
	[ "$(key generation)" = "v4.19-v4.20: old callbacks with blockable" ] || fail "mnmirror: $(key generation)"
	grep -q '^callback: start mnm_invalidate_range_start mnmirror_mm.c:19 int blockable$' "$tmp/out" ||
		fail "mnmirror: $(grep '^callback: start' "$tmp/out")"
	grep -q '^callback: end mnm_invalidate_range_end mnmirror_mm.c:42 void old$' "$tmp/out" ||
		fail "mnmirror: $(grep '^callback: end' "$tmp/out")"
}
probe "$TOP/tests/oot/mnwatch" && {
	[ "$(key invalidate_page)" = yes ] || fail "mnwatch: invalidate_page $(key invalidate_page)"
	[ "$(key callbacks)" = noblock ] || fail "mnwatch: callbacks $(key callbacks)"
}
probe "$TOP/examples/mndemo" && [ "$(key register)/$(key get_put)" = yes/no ] ||
	fail "mndemo: register/get_put $(key register)/$(key get_put)"

# member GEN TEXT: a module whose start callback is TEXT (a tree's member
# with the name of a function) is read as GEN
member() {
	rm -rf "$tmp/m"
	mkdir -p "$tmp/m"
	printf '%s\n{\n\treturn 0;\n}\n\nstatic const struct mmu_notifier_ops o = {\n\t.invalidate_range_start = f,\n};\n' \
		"$2" > "$tmp/m/m.c"
	probe "$tmp/m" && [ "$(key callbacks)" = "$1" ] || fail "'$2': $(key callbacks), not $1"
}
member noblock 'static void f(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long start, unsigned long end)'
member blockable 'static int f(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long start, unsigned long end, bool blockable)'
member range 'static int f(struct mmu_notifier *mn, const struct mmu_notifier_range *range)'

# Not a module: said so, non-zero.
mkdir -p "$tmp/empty"
if "$TOP"/scripts/probe --module "$tmp/empty" > /dev/null 2> "$tmp/err"; then
	fail "a directory without C sources was probed"
else
	grep -q 'no .c file: not a module source directory' "$tmp/err" || fail "empty: $(cat "$tmp/err")"
fi
exit $rc
