#!/bin/sh
# scripts/module (make series M=MODULE KERNEL=TREE) on external modules
# written against old mmu_notifier APIs, ported to Debian 5.10's:
#  - mnmirror/ (v4.19/v4.20 callbacks with blockable, its own mm table):
#    as written it does not build against 5.10; ported, it builds as an
#    external module (make -C TREE O=OBJ M=COPY modules) without a warning;
#    the patch recreates the port from the module; porting the result again
#    changes nothing; the module's directory is left as it was.
#  - mnwatch/ (v4.12: invalidate_page, void start callback, one notifier per
#    open): ported and built; ops with only invalidate_page are left, and
#    the port exits non-zero; the registration get_put keeps is kept:.
#  - examples/mndemo (v4.19, its per-mm objects counted by a kref) ported
#    to each Debian tree (5.10, 6.1, 6.12) and built there without a warning.
# OBJ, a defconfig + KVM (for MMU_NOTIFIER) build directory after
# modules_prepare (~20 s on 2 cores), is kept next to the trees and reused.
set -u
. "$(dirname "$0")/oot.sh"

# The build directory, prepared once per tree.
obj=$("$TOP"/scripts/kobj "$tree") || exit 1
tree_status=$(git -C "$tree" status --porcelain | sha256sum)

# The user's module, with stale build products that must not be copied.
src=$tmp/user/mnmirror
mkdir -p "$tmp/user"
cp -r "$TOP/tests/oot/mnmirror" "$src"
: > "$src/mnmirror_mm.o"
: > "$src/.mnmirror_mm.o.cmd"
before=$(state "$src")

# build NAME DIR [OBJ]: DIR built as an external module against 5.10 (or
# the tree of the build directory OBJ) in a copy
build() {
	rm -rf "${tmp:?}/$1"
	(cd "$2" && tar cf - --exclude=.git --exclude='*.o' --exclude='.*.cmd' .) |
		(mkdir -p "$tmp/$1" && cd "$tmp/$1" && tar xf -)
	"$TOP"/scripts/kobj -m "${3:-$obj}" M="$tmp/$1" modules > "$tmp/$1.log" 2>&1
}

if build before "$src"; then
	fail "mnmirror as written (v4.20 API) builds against 5.10: the test cannot fail"
elif ! grep -q "incompatible pointer type" "$tmp/before.log" ||
     ! grep -q "invalidate_range_start" "$tmp/before.log"; then
	fail "mnmirror as written fails against 5.10, but not on the mmu_notifier API:"
	grep -m5 'error' "$tmp/before.log"
fi

out=$tmp/out
"$TOP"/scripts/module "$src" "$tree" "$out" > "$tmp/port.log" 2>&1 ||
	{ fail "scripts/module failed:"; cat "$tmp/port.log"; exit 1; }
rep=$out/module.report
for s in range_struct event_tag get_put; do
	grep -q "^step $s: run" "$rep" || fail "$s did not run on mnmirror"
done
grep -q '^module API: v4.19-v4.20' "$rep" || fail "mnmirror not seen as written for v4.19-v4.20"
! grep '^left: ' "$rep" || fail "mnmirror: sites left (above)"
[ -z "$(find "$out/module" -name '*.o' -o -name '.*.cmd')" ] || fail "build products copied into the port"
p=$out/module.patch
grep -q '^Subject: \[PATCH\] mnmirror: port to the mmu_notifier API of Linux 5\.10' "$p" ||
	fail "patch subject: $(grep '^Subject' "$p")"
for s in range_struct event_tag get_put; do
	grep -q "^  cocci/$s.cocci " "$p" || fail "patch message does not name cocci/$s.cocci"
done
spv=$(spatch --version | sed -n 's/^spatch version \([0-9.]*\).*/\1/p')
grep -q "^Spatch-version: $spv\$" "$p" || fail "patch message lacks Spatch-version: $spv"
# the conversions themselves, one each (the build below checks they fit)
m=$out/module/mnmirror_mm.c
grep -q 'if (mmu_notifier_range_blockable(range))' "$m" || fail "blockable not converted"
grep -q 'mmm->start\[i\] >= range->end' "$m" || fail "end not read from the range"
grep -q 'mn = mmu_notifier_get(&mnm_mmu_ops, mm);' "$m" || fail "no mmu_notifier_get()"
grep -q 'mnm_table' "$m" && fail "the module's mm table is still there"
grep -A3 '^static void __exit mnm_exit' "$out/module/mnmirror_main.c" |
	grep -q 'mmu_notifier_synchronize();' || fail "module exit does not wait for free_notifier()"

# the patch applies to the module and gives the port
mkdir -p "$tmp/applied"
(cd "$src" && tar cf - --exclude='*.o' --exclude='.*.cmd' .) | (cd "$tmp/applied" && tar xf -)
(cd "$tmp/applied" && git apply "$p") || fail "module.patch does not apply to the module"
diff -r -x .git "$tmp/applied" "$out/module" || fail "module.patch does not give the port (above)"

if build after "$out/module"; then
	[ -f "$tmp/after/mnmirror.ko" ] || fail "no mnmirror.ko after the build"
	! grep -E "^$tmp/after/.*(warning|error):" "$tmp/after.log" ||
		fail "warnings building the ported mnmirror (above)"
else
	fail "ported mnmirror does not build against 5.10:"
	grep -E 'error|warning' "$tmp/after.log" | head -20
fi

"$TOP"/scripts/module "$out/module" "$tree" "$tmp/again" > "$tmp/again.log" 2>&1 ||
	{ fail "second port failed:"; cat "$tmp/again.log"; }
grep -q '^result: no change' "$tmp/again/module.report" || fail "porting the port changed it again"
[ -f "$tmp/again/module.patch" ] && fail "second port wrote a patch"

[ "$(state "$src")" = "$before" ] || fail "the module directory changed"
[ "$(git -C "$tree" status --porcelain | sha256sum)" = "$tree_status" ] || fail "$tree changed"

# mnwatch (v4.12): its void start callback returns int (0), its
# ->invalidate_page, whose pages the core now brackets with start/end, goes
# from the ops with its function; the port builds.  What no rule converts is
# reported: the per-open registration get_put keeps (kept:), and, in a copy
# whose ops have only ->invalidate_page, that member (left:), when the port
# would not build and exits non-zero.
"$TOP"/scripts/module "$TOP/tests/oot/mnwatch" "$tree" "$tmp/watch" > "$tmp/watch.log" 2>&1 ||
	{ fail "scripts/module failed on mnwatch:"; cat "$tmp/watch.log"; }
rep=$tmp/watch/module.report
grep -q '^module API: v4.12 or older' "$rep" || fail "mnwatch not seen as written for v4.12"
grep -q '^+static int mnw_invalidate_range_start(struct mmu_notifier \*mn,' "$tmp/watch/module.patch" ||
	fail "mnwatch's void start callback does not return int"
grep -q '^+	return 0;' "$tmp/watch/module.patch" || fail "mnwatch's start callback does not return 0"
grep -q '^-	\.invalidate_page' "$tmp/watch/module.patch" || fail "mnwatch's .invalidate_page stays"
! grep -q '^[ +].*mnw_invalidate_page' "$tmp/watch/module.patch" || fail "mnw_invalidate_page stays"
grep -q '^kept: mnwatch.c:[0-9]*: mnw_file: .*not converted \[no-table\]: no mm -> object table' "$rep" ||
	fail "per-open notifier not reported by get_put"
! grep '^left: ' "$rep" || fail "mnwatch: sites left (above)"
if build watch-b "$tmp/watch/module" "$obj"; then
	! grep -E "^$tmp/watch-b/.*(warning|error):" "$tmp/watch-b.log" || fail "mnwatch: warnings (above)"
else
	fail "mnwatch ported does not build:"; grep -E "error|warning" "$tmp/watch-b.log" | head
fi
mkdir -p "$tmp/pageonly"
cp "$TOP"/tests/oot/mnwatch/* "$tmp/pageonly/"
sed -i '/\.invalidate_range_start[[:space:]]*=/d' "$tmp/pageonly/mnwatch.c"
! "$TOP"/scripts/module "$tmp/pageonly" "$tree" "$tmp/po" > "$tmp/po.log" 2>&1 ||
	{ fail "scripts/module exited 0 on ops with only .invalidate_page, which do not build:"; cat "$tmp/po.log"; }
grep -q '^left: mnwatch.c:[0-9]*: \.invalidate_page: struct mmu_notifier_ops of 5\.10\.[0-9]* has no invalidate_page' "$tmp/po/module.report" ||
	fail "invalidate_page alone not reported: $(cat "$tmp/po/module.report")"
grep -q 'old-API sites left' "$tmp/po.log" || fail "no message about the sites left"



# examples/mndemo, counted by a kref, ported to each Debian tree's own API
# and built there.
demo=
for v in 5.10 6.1 6.12; do
	t=$("$TOP"/scripts/provision "linux-$v" 2>/dev/null) || { echo "no linux-$v tree: mndemo not ported to it"; continue; }
	"$TOP"/scripts/module "$TOP/examples/mndemo" "$t" "$tmp/demo-$v" > "$tmp/demo-$v.log" 2>&1 ||
		{ fail "mndemo: port to $v failed:"; cat "$tmp/demo-$v.log"; continue; }
	! grep "^left: " "$tmp/demo-$v/module.report" || fail "mndemo, $v: sites left (above)"
	grep -q "^+.*mmu_notifier_put(" "$tmp/demo-$v/module.patch" || fail "mndemo, $v: the kref put not converted"
	o=$("$TOP"/scripts/kobj "$t") || { fail "no build directory for $v"; continue; }
	if build "demo-$v-b" "$tmp/demo-$v/module" "$o"; then
		! grep -E "^$tmp/demo-$v-b/.*(warning|error):" "$tmp/demo-$v-b.log" || fail "mndemo, $v: warnings (above)"
		demo="$demo $v"
	else
		fail "mndemo ported to $v does not build there:"
		grep -E "error|warning" "$tmp/demo-$v-b.log" | head
	fi
done
[ $rc = 0 ] && echo "mnmirror: ported and built against $(basename "$tree"); mnwatch: ported and built, 1 kept; mndemo (kref) ported and built on:$demo"
exit $rc
