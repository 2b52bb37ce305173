#!/bin/sh
# scripts/gate's checkpatch gate (checkpatch.pl of Debian's linux-source):
# the generated series is clean; a patch with a checkpatch error is caught
# and named; an error already on the lines a patch rewrites is not held
# against it.
. "$(dirname "$0")/gate.sh"
have_kernel_scripts || { echo "no Debian linux-source tree (scripts/provision linux-5.10): no checkpatch.pl"; exit 77; }

run_gate "$O" 2> "$T/err" || { cat "$T/err" "$O/gate/report.txt"; fail "the good series fails the gate"; }

bad drivers/gpu/drm/radeon/radeon_mn.c 's/if (!range->blockable)/if(!range->blockable)/' \
	"drm/radeon: break the coding style"
expect_fail checkpatch
grep -q 'ERROR:SPACING drivers/gpu/drm/radeon/radeon_mn.c' "$O/gate/7.checkpatch.txt" ||
	fail "the checkpatch error is not shown"

# Patch 8 rewrites the bad line but keeps the error: not new.
git -C "$O/work" checkout -q -f --detach mmu-notifier-series
sed -i 's/if(!range->blockable)/if(!range->blockable || !start)/' "$O/work/drivers/gpu/drm/radeon/radeon_mn.c"
commit_on_series "drm/radeon: keep an old error" "The line had the error before."
GATES=checkpatch run_gate "$O" 2> "$T/err" && fail "patch 7 should still fail"
grep -q '^8/8  ok(1 old) ' "$O/gate/table" || { cat "$O/gate/table"; fail "an old error counted as new"; }
echo ok
