#!/bin/sh
# make series M=DIR COMPAT=1 (scripts/module, scripts/compat): mnmirror/,
# written for v4.19 (blockable callbacks, its own mm table), moves to the
# newest API and gains mmu_notifier_compat.h/.mk; the one source then builds
# without a warning against every kernel at hand, each kernel's feature
# tests finding what that kernel has:
#   Debian 5.10, 6.1, 6.12      range struct, blockable helper, get/put
#   KERNEL_V419=DIR (v4.19.x)   old callbacks with blockable only
#   KERNEL_V414=, KERNEL_V49=   none (void start callback)
# (the fetched trees are optional; a Debian tree that is not unpacked is
# skipped with a line saying so).  Porting the port again changes nothing;
# a module reading range->event, which the layer cannot supply, is ported
# with that use listed and no layer (range->owner too); a module on
# interval notifiers (v5.5)
# is refused with the module directory untouched, a directory without C
# sources too.  examples/mndemo, the example driver, is ported the same
# way, and both build against every kernel at hand; mndemo also has
# ->invalidate_range (->arch_invalidate_secondary_tlbs in its port, the old
# name from the layer before 6.6: SECONDARY_TLBS on 6.12), ->change_pte
# (kept under CHANGE_PTE, found before 6.10) and ->clear_young (through
# MNC_YOUNG(), int on all of them).
set -u
. "$(dirname "$0")/oot.sh"

# Not a module: said so, non-zero.
mkdir -p "$tmp/notmod"
echo 'obj-y := x.o' > "$tmp/notmod/Makefile"
if COMPAT=1 "$TOP"/scripts/module "$tmp/notmod" "$tree" "$tmp/nm" > "$tmp/nm.log" 2>&1; then
	fail "a directory without C sources was ported"
else
	grep -q 'no .c file: not a module source directory' "$tmp/nm.log" || { fail "not a module:"; cat "$tmp/nm.log"; }
fi
echo 'int x;' > "$tmp/notmod/x.c"
if COMPAT=1 "$TOP"/scripts/module "$tmp/notmod" "$tree" "$tmp/nm2" > "$tmp/nm2.log" 2>&1; then
	fail "a module without mmu_notifier use was ported"
else
	grep -q "^module: error: M=$tmp/notmod: no mmu_notifier use found$" "$tmp/nm2.log" ||
		{ fail "no mmu_notifier use:"; cat "$tmp/nm2.log"; }
fi

src=$TOP/tests/oot/mnmirror
before=$(state "$src")
out=$tmp/out
COMPAT=1 "$TOP"/scripts/module "$src" "$tree" "$out" > "$tmp/port.log" 2>&1 ||
	{ fail "COMPAT=1 port failed:"; cat "$tmp/port.log"; exit 1; }
rep=$out/module.report
m=$out/module
grep -q '^step compat: run' "$rep" || fail "the compat step did not run"
! grep '^left: ' "$rep" || fail "sites left (above)"
for f in mmu_notifier_compat.h mmu_notifier_compat.mk; do
	[ -f "$m/$f" ] || fail "no $f"
	grep -q "^+++ b/$f" "$out/module.patch" || fail "module.patch does not add $f"
done
grep -q '^include \$(src)/mmu_notifier_compat.mk$' "$m/Makefile" || fail "the Makefile does not run the feature tests"
grep -q '^#include "mmu_notifier_compat.h"$' "$m/mnmirror_mm.c" || fail "the ops file does not include the layer"
grep -q 'MNC_START(mnm_invalidate_range_start),' "$m/mnmirror_mm.c" || fail "start callback not named through MNC_START"
# the source itself is on the newest API
grep -q 'mmu_notifier_get(&mnm_mmu_ops, mm)' "$m/mnmirror_mm.c" || fail "no mmu_notifier_get()"
grep -q 'if (mmu_notifier_range_blockable(range))' "$m/mnmirror_mm.c" || fail "blockable not converted"
# each shim says which upstream commit it stands in for
for c in 5d6527a784f7 93065ac753e4 4a83bfe916f3 2c7933f53f6b; do
	grep -q "^ \* $c (\"" "$m/mmu_notifier_compat.h" || fail "the layer does not name $c"
done

# The example driver too (examples/mndemo, v4.19 API, one file).
COMPAT=1 "$TOP"/scripts/module "$TOP/examples/mndemo" "$tree" "$tmp/demo" > "$tmp/demo.log" 2>&1 ||
	{ fail "COMPAT=1 port of examples/mndemo failed:"; cat "$tmp/demo.log"; }
! grep '^left: ' "$tmp/demo/module.report" || fail "mndemo: sites left (above)"
# its ->invalidate_range under the v6.6 name (the layer gives the old one
# before), ->change_pte and its entry kept for the kernels that call it,
# ->clear_young through MNC_YOUNG()
dm=$tmp/demo/module
grep -q '^	\.arch_invalidate_secondary_tlbs = mnd_invalidate_range,$' "$dm/mndemo.c" ||
	fail "mndemo: ->invalidate_range not named ->arch_invalidate_secondary_tlbs"
[ "$(awk '/^#ifdef MNC_HAVE_CHANGE_PTE$/ { on = 1; next } /^#endif/ { on = 0 }
	on && /mnd_change_pte/ { n++ } END { print n + 0 }' "$dm/mndemo.c")" = 2 ] ||
	fail "mndemo: the change_pte callback and its entry are not both under MNC_HAVE_CHANGE_PTE"
grep -q '\.clear_young.*= MNC_YOUNG(mnd_clear_young),' "$dm/mndemo.c" || fail "mndemo: ->clear_young not through MNC_YOUNG()"
for c in 1af5a8109904 997308f9ae72; do
	grep -q "^ \* $c (\"" "$dm/mmu_notifier_compat.h" || fail "mndemo's layer does not name $c"
done

# build KERNEL TREE WANT DEMO: both ports built against TREE, the -D flags of
# the feature tests exactly WANT (mnmirror) and DEMO (mndemo)
built=
build() {
	build1 mnmirror "$m" mnmirror_mm.o "$1" "$2" "$3"
	build1 mndemo "$tmp/demo/module" mndemo.o "$1" "$2" "$4"
	[ ! -d "$tmp/twoo/module" ] || build1 two "$tmp/twoo/module" two_a.o "$1" "$2" -
}
# build1 NAME DIR OBJECT KERNEL TREE WANT
build1() {
	n=$1 d=$2 ob=$3
	shift 3
	o=$("$TOP"/scripts/kobj "$2") || { fail "$1: no build directory for $2"; return; }
	if ! kbuild "b-$n-$1" "$d" "$o"; then
		fail "$n, $1: the COMPAT port does not build:"
		grep -E 'error|warning' "$tmp/b-$n-$1.log" | head -20
		return
	fi
	! grep -E "^$tmp/b-$n-$1/.*(warning|error):" "$tmp/b-$n-$1.log" || fail "$n, $1: warnings (above)"
	got=$(tr ' ' '\n' < "$tmp/b-$n-$1/.$ob.cmd" | sed -n 's/^-DMNC_HAVE_//p' | LC_ALL=C sort -u | paste -sd' ' -)
	[ "$3" = - ] || [ "$got" = "$3" ] || fail "$n, $1: feature tests found '$got', not '$3'"
	built="$built $n/$1"
}
# mndemo: ->arch_invalidate_secondary_tlbs from
# 6.6, ->change_pte before 6.10
new="GET_PUT RANGE RANGE_FLAGS"
build 5.10 "$tree" "$new" "CHANGE_PTE $new"
for v in "6.1 CHANGE_PTE $new" "6.12 $new SECONDARY_TLBS"; do
	t=$("$TOP"/scripts/provision "linux-${v%% *}" 2>/dev/null) && build "${v%% *}" "$t" "$new" "${v#* }" ||
		echo "no linux-${v%% *} tree: not built against ${v%% *}"
done
[ -z "${KERNEL_V419:-}" ] || build 4.19 "$KERNEL_V419" START_BLOCKABLE "CHANGE_PTE START_BLOCKABLE"
[ -z "${KERNEL_V414:-}" ] || build 4.14 "$KERNEL_V414" "" CHANGE_PTE
[ -z "${KERNEL_V49:-}" ] || build 4.9 "$KERNEL_V49" "" CHANGE_PTE

# Again: the port has its layer and the newest API.
COMPAT=1 "$TOP"/scripts/module "$m" "$tree" "$tmp/again" > "$tmp/again.log" 2>&1 ||
	{ fail "second COMPAT port failed:"; cat "$tmp/again.log"; }
grep -q '^step compat: skip (the module has its layer' "$tmp/again/module.report" ||
	fail "second port: the layer not recognised"
grep -q '^result: no change' "$tmp/again/module.report" || fail "porting the port changed it again"

# What the layer cannot supply: the run fails naming it, and nothing of a
# port is left (no MNC_ name without its layer, no patch).
mkdir -p "$tmp/ev"
printf 'obj-m := ev.o\n' > "$tmp/ev/Kbuild"
cat > "$tmp/ev/ev.c" <<'EOF'
#include <linux/mmu_notifier.h>

static int ev_start(struct mmu_notifier *mn,
		    const struct mmu_notifier_range *range)
{
	return range->event == MMU_NOTIFY_UNMAP ? -EAGAIN : 0;
}

static const struct mmu_notifier_ops ev_ops = {
	.invalidate_range_start = ev_start,
};

int ev_register(struct mmu_notifier *mn, struct mm_struct *mm)
{
	mn->ops = &ev_ops;
	return mmu_notifier_register(mn, mm);
}
EOF
if COMPAT=1 "$TOP"/scripts/module "$tmp/ev" "$tree" "$tmp/evo" > "$tmp/ev.log" 2>&1; then
	fail "COMPAT=1 port of a module reading range->event succeeded without a layer"
fi
grep -q 'ev.c:6 range->event: kernels before v5.2 do not give the reason' "$tmp/ev.log" ||
	{ fail "the blocker not said:"; cat "$tmp/ev.log"; }
grep -q '^blocked: ev.c:6 range->event' "$tmp/evo/module.report" || fail "the report does not name the blocker"
[ ! -f "$tmp/evo/module.patch" ] || fail "a patch written for a module the layer cannot serve"
! grep -r -l 'MNC_' "$tmp/evo/module" 2>/dev/null || fail "MNC_ names left without their layer (above)"

# The range's owner (v5.9; owner from v5.14): refused the same way.
mkdir -p "$tmp/own"
printf 'obj-m := own.o\n' > "$tmp/own/Kbuild"
sed 's/range->event == MMU_NOTIFY_UNMAP/range->owner == mn/' "$tmp/ev/ev.c" > "$tmp/own/own.c"
if COMPAT=1 "$TOP"/scripts/module "$tmp/own" "$tree" "$tmp/owno" > "$tmp/own.log" 2>&1; then
	fail "COMPAT=1 port of a module reading range->owner succeeded"
fi
grep -q "own.c:6 the range's owner: kernels before v5.9 do not pass one" "$tmp/own.log" ||
	{ fail "the owner blocker not said:"; cat "$tmp/own.log"; }

# Ops in two files, and a callback calling mmu_notifier_range_init(): one
# layer serves both files; the port builds (below, with the others).
mkdir -p "$tmp/two"
printf 'obj-m := two.o\ntwo-y := two_a.o two_b.o\n' > "$tmp/two/Kbuild"
for x in a b; do
	cat > "$tmp/two/two_$x.c" <<EOF
#include <linux/module.h>
#include <linux/mm.h>
#include <linux/mmu_notifier.h>

static void two_${x}_start(struct mmu_notifier *mn, struct mm_struct *mm,
			  unsigned long start, unsigned long end)
{
	pr_debug("%lx-%lx\\n", start, end);
}

static void two_${x}_end(struct mmu_notifier *mn, struct mm_struct *mm,
			unsigned long start, unsigned long end)
{
	pr_debug("%lx-%lx\\n", start, end);
}

static void two_${x}_page(struct mmu_notifier *mn, struct mm_struct *mm,
			 unsigned long address)
{
	two_${x}_end(mn, mm, address, address + PAGE_SIZE);
}

const struct mmu_notifier_ops two_${x}_ops = {
	.invalidate_range_start = two_${x}_start,
	.invalidate_range_end = two_${x}_end,
};

int two_${x}_register(struct mmu_notifier *mn, struct mm_struct *mm)
{
	mn->ops = &two_${x}_ops;
	two_${x}_page(mn, mm, 0);
	return mmu_notifier_register(mn, mm);
}
EOF
done
cat >> "$tmp/two/two_a.c" <<'EOF'

MODULE_LICENSE("GPL");
EOF
COMPAT=1 "$TOP"/scripts/module "$tmp/two" "$tree" "$tmp/twoo" > "$tmp/two.log" 2>&1 ||
	{ fail "COMPAT=1 port of a module with ops in two files failed:"; cat "$tmp/two.log"; }
for x in a b; do
	grep -q '^#include "mmu_notifier_compat.h"$' "$tmp/twoo/module/two_$x.c" || fail "two_$x.c does not include the layer"
	grep -q "MNC_START(two_${x}_start)" "$tmp/twoo/module/two_$x.c" || fail "two_$x.c: start not through MNC_START"
done
grep -q 'mmu_notifier_range_init(' "$tmp/twoo/module/two_a.c" || fail "two_a.c: no mmu_notifier_range_init() to serve"

# Interval notifiers: refused, said why, the directory untouched.
cp -r "$src" "$tmp/ival"
printf '\nstatic struct mmu_interval_notifier mnm_ival;\n' >> "$tmp/ival/mnmirror_mm.c"
ival=$(state "$tmp/ival")
if COMPAT=1 "$TOP"/scripts/module "$tmp/ival" "$tree" "$tmp/ivo" > "$tmp/ival.log" 2>&1; then
	fail "a module on interval notifiers was ported with COMPAT=1"
else
	grep -q 'mmu_interval_notifier (v5.5), which COMPAT=1 does not serve' "$tmp/ival.log" ||
		{ fail "no reason given for the refusal:"; cat "$tmp/ival.log"; }
fi
[ "$(state "$tmp/ival")" = "$ival" ] || fail "the refused module's directory changed"
[ "$(state "$src")" = "$before" ] || fail "tests/oot/mnmirror changed"

[ $rc = 0 ] && echo "with COMPAT, built:$built"
exit $rc
