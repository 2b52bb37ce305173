#!/bin/sh
# scripts/gate on an unchanged series takes each patch's cells and reports
# from O/gate-cache: the second run judges nothing again (no checkout, no
# build), prints the same table and fails the same way on a bad patch;
# GATE_CACHE=0 judges again, and another compiler is another judge.
. "$(dirname "$0")/gate.sh"

QUIET=0 run_gate "$O" 2> "$T/err1" || { cat "$T/err1"; fail "the fixture series fails the gate"; }
cp "$O/gate/table" "$T/table1"
npatch=$(($(wc -l < "$T/table1") - 1))	# the patches, under the header line
QUIET=0 run_gate "$O" 2> "$T/err2" || { cat "$T/err2"; fail "the second gate fails"; }
diff -u "$T/table1" "$O/gate/table" || fail "the second gate's table differs"
[ "$(grep -c 'as judged before' "$T/err2")" = "$npatch" ] || { cat "$T/err2"; fail "not every patch of $npatch taken from the cache"; }
! grep -q 'PREPARE\|CONFIG\|build + sparse' "$T/err2" || { cat "$T/err2"; fail "the second gate built"; }

GATE_CACHE=0 QUIET=0 run_gate "$O" 2> "$T/err3" || fail "the gate with GATE_CACHE=0"
! grep -q 'as judged before' "$T/err3" || fail "GATE_CACHE=0 took a patch from the cache"
diff -u "$T/table1" "$O/gate/table" || fail "GATE_CACHE=0: the table differs"
GATES=checkpatch CC="gcc -O2" QUIET=0 run_gate "$O" 2> "$T/err4" || fail "the gate with another CC"
! grep -q 'as judged before' "$T/err4" || fail "another compiler took a patch from the cache"

# A bad patch fails from the cache as it failed the first time.
bad drivers/gpu/drm/radeon/radeon_mn.c 's/return mmu_notifier_get(&radeon_mn_ops, mm);/return radeon_mn_lookup(mm);/' \
	"drm/radeon: a patch that does not build"
GATES=build expect_fail build
QUIET=0 GATES=build expect_fail build
grep -q 'patch 7/7: as judged before' "$T/err" || fail "the bad patch was judged again"
[ -f "$O/gate/7.build.txt" ] || fail "the bad patch's build report not restored from the cache"
echo "ok: $npatch patches from the cache, the same table; the bad patch fails again from it"
exit 0
