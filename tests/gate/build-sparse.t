#!/bin/sh
# scripts/gate's build and sparse gates on the fixture kernel (gcc and
# sparse through the kbuild interface of its Makefile): the good series
# passes with the sparse warning it does not touch counted as old; a patch
# that breaks the build and one that adds a sparse warning are each caught
# and named.
. "$(dirname "$0")/gate.sh"

GATES="build sparse" run_gate "$O" 2> "$T/err" || { cat "$T/err"; fail "the good series fails the gate"; }
grep -q '^1/6 .* ok(4) .* ok(1 old) ' "$O/gate/table" || { cat "$O/gate/table"; fail "patch 1 row"; }

bad drivers/gpu/drm/radeon/radeon_mn.c 's/return mmu_notifier_get(&radeon_mn_ops, mm);/return radeon_mn_lookup(mm);/' \
	"drm/radeon: call a function that does not exist"
GATES="build sparse" expect_fail build
grep -q 'drivers/gpu/drm/radeon/radeon_mn.o does not build' "$T/err" || fail "the broken object is not named"

bad drivers/misc/sgi-gru/grutlbpurge.c 's/^int gru_flush_range(/int gru_debug;\n\n&/' \
	"misc/sgi-gru: add a global without a declaration"
GATES="build sparse" expect_fail sparse
grep -q "grutlbpurge.c: warning: symbol 'gru_debug' was not declared" "$O/gate/7.sparse.txt" ||
	fail "the new sparse warning is not shown"
echo ok
