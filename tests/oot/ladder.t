#!/bin/sh
# scripts/module on a driver shaped like hpc/xpmem (tests/oot/mnladder):
# its kbuild file is an autoconf template (Kbuild.in, obj-m and
# NAME-objs), a configure probe (config/) and a user-space test (test/)
# sit beside it, and LINUX_VERSION_CODE ladders split the callback's
# prototype and keep ->invalidate_page for v4.12 and older.
#  - As written it covers 5.10 and 6.12: nothing to port, no site left, the
#    ladders named, the API label not "v4.12"; it builds there (what the
#    user gets).  COMPAT=1: nothing to port either.
#  - Without the prototype ladder (the old prototype only): the port is
#    named after obj-m ("mnladder: ..."), the probe and the test are listed
#    as not part of it and untouched, ->invalidate_page in its dead branch
#    is not left, mmu_notifier_range_init() has the tree's arguments (6 on
#    6.12, 7 on 5.10), and the port builds on both.
set -u
. "$(dirname "$0")/oot.sh"
src=$TOP/tests/oot/mnladder
t612=$("$TOP"/scripts/provision linux-6.12 2>/dev/null) || t612=

# build NAME DIR TREE: DIR (Kbuild.in made a Kbuild) built against TREE
build() {
	o=$("$TOP"/scripts/kobj "$3") || { fail "no build directory for $3"; return 1; }
	rm -rf "${tmp:?}/$1"
	(cd "$2" && tar cf - --exclude=.git --exclude=config --exclude=test .) | (mkdir -p "$tmp/$1" && cd "$tmp/$1" && tar xf -)
	sed 's|@top_srcdir@|.|g' "$tmp/$1/Kbuild.in" > "$tmp/$1/Kbuild"
	if "$TOP"/scripts/kobj -m "$o" M="$tmp/$1" modules > "$tmp/$1.log" 2>&1 && [ -f "$tmp/$1/mnladder.ko" ]; then
		! grep -E "^$tmp/$1/.*(warning|error):" "$tmp/$1.log" || fail "$1: warnings (above)"
	else
		fail "$1 does not build:"
		grep -E 'error|warning' "$tmp/$1.log" | head
	fi
}

for t in "$tree" $t612; do
	v=$(basename "$t")
	"$TOP"/scripts/module "$src" "$t" "$tmp/p-$v" > "$tmp/p-$v.log" 2>&1 ||
		{ fail "$v: port failed:"; cat "$tmp/p-$v.log"; continue; }
	r=$tmp/p-$v/module.report
	grep -q '^result: no change' "$r" || fail "$v: the ladders' module was changed"
	! grep '^left: ' "$r" || fail "$v: false left: lines (above)"
	grep -q 'NOCHANGE .*nothing to port' "$tmp/p-$v.log" || fail "$v: not said nothing to port"
	grep -q '^ladder: mnl_notifier.c:7: #if LINUX_VERSION_CODE < KERNEL_VERSION(5, 0, 0)' "$r" || fail "$v: prototype ladder not named"
	grep -q '^ladder: mnl_notifier.c:36: ' "$r" || fail "$v: ops ladder not named"
	grep '^module API: ' "$r" | grep -q 'v4.12' && fail "$v: $(grep '^module API' "$r")"
	build "as-$v" "$src" "$t"
done
COMPAT=1 "$TOP"/scripts/module "$src" "$tree" "$tmp/c" > "$tmp/c.log" 2>&1 || { fail "COMPAT=1 failed:"; cat "$tmp/c.log"; }
grep -q '^result: no change' "$tmp/c/module.report" || fail "COMPAT=1 changed a module whose ladders cover every kernel"
[ ! -f "$tmp/c/module/mmu_notifier_compat.h" ] || fail "COMPAT=1 wrote a layer beside the ladders"

# The old prototype only.
old=$tmp/old/mnladder
mkdir -p "$tmp/old"
cp -r "$src" "$old"
awk '/^#if LINUX_VERSION_CODE < KERNEL_VERSION\(5, 0, 0\)$/ { skip = 1; next }
	skip == 1 && /^#else$/ { skip = 2; next }
	skip == 2 { if (/^#endif$/) skip = 0; next }
	{ print }' "$src/mnl_notifier.c" > "$old/mnl_notifier.c"
before=$(state "$old")
for t in "$tree" $t612; do
	v=$(basename "$t")
	"$TOP"/scripts/module "$old" "$t" "$tmp/o-$v" > "$tmp/o-$v.log" 2>&1 ||
		{ fail "$v: port of the old prototype failed:"; cat "$tmp/o-$v.log"; continue; }
	r=$tmp/o-$v/module.report p=$tmp/o-$v/module.patch
	grep -q '^Subject: \[PATCH\] mnladder: port to the mmu_notifier API' "$p" || fail "$v: $(grep '^Subject' "$p")"
	grep -q '^files: mnl.h mnl_main.c mnl_notifier.c (obj-m of Kbuild.in: mnladder)$' "$r" || fail "$v: $(grep '^files' "$r")"
	grep -q '^not part: config/mn_range.c: ' "$r" || fail "$v: the configure probe not listed as not part"
	grep -q '^not part: test/mnl_user.c: ' "$r" || fail "$v: the user-space test not listed as not part"
	! grep -q -E '^\+\+\+ b/(config|test)/' "$p" || fail "$v: the patch touches the probe or the test"
	! grep '^left: ' "$r" || fail "$v: false left: lines (above)"
	grep -q 'const struct mmu_notifier_range \*range)' "$tmp/o-$v/module/mnl_notifier.c" || fail "$v: callback not converted"
	case $v in
	linux-6.12) n=6 ;;
	*) n=7 ;;
	esac
	got=$(awk '/mmu_notifier_range_init\(/ { on = 1; s = "" } on { s = s $0 } on && /;/ { print s; on = 0 }' \
		"$tmp/o-$v/module/mnl_notifier.c" | sed 's/.*range_init(//; s/);.*//' | tr -cd , | wc -c)
	[ "$got" = $((n - 1)) ] || fail "$v: mmu_notifier_range_init() with $((got + 1)) arguments, not $n"
	build "old-$v" "$tmp/o-$v/module" "$t"
done
EXCLUDE=mnl_main.c "$TOP"/scripts/module "$old" "$tree" "$tmp/x" > "$tmp/x.log" 2>&1 || { fail "EXCLUDE= failed"; cat "$tmp/x.log"; }
grep -q '^not part: mnl_main.c: EXCLUDE=' "$tmp/x/module.report" || fail "EXCLUDE=: $(grep 'mnl_main' "$tmp/x/module.report")"
[ "$(state "$old")" = "$before" ] || fail "the module directory changed"
[ $rc = 0 ] && echo "mnladder: nothing to port on 5.10${t612:+ and 6.12}; its old prototype ported and built there"
exit $rc
