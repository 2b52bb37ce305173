#!/bin/sh
# A patch that removes a struct field from a driver's header (as get_put
# does with a per-device table) while a .c file it does not touch still
# uses the field: the gate builds that file too (the .c files beside the
# header naming an identifier the patch removes) and fails the patch; a
# gate building only the touched .c files would build nothing and pass it.
. "$(dirname "$0")/gate.sh"

git -C "$O/work" checkout -q -f --detach "$good"
cat >> "$O/work/drivers/gpu/drm/radeon/radeon.h" <<'H'

struct radeon_device {
	int	mn_lock;
	int	pm_lock;
};
H
cat > "$O/work/drivers/gpu/drm/radeon/radeon_kms.c" <<'C'
// SPDX-License-Identifier: MIT
#include "radeon.h"

int radeon_kms_locked(struct radeon_device *rdev);

int radeon_kms_locked(struct radeon_device *rdev)
{
	return rdev->mn_lock;
}
C
git -C "$O/work" add drivers/gpu/drm/radeon/radeon_kms.c
commit_on_series "drm/radeon: a device structure and a user of its lock" \
	"A fixture patch the gate must pass."
git -C "$O/work" checkout -q -f --detach mmu-notifier-series
sed -i '/int	mn_lock;/d' "$O/work/drivers/gpu/drm/radeon/radeon.h"
commit_on_series "drm/radeon: drop the device's mn_lock" \
	"A fixture patch the gate must reject: radeon_kms.c still uses the field."

if GATES=build run_gate "$O" 2> "$T/err"; then
	cat "$O/gate/table"
	fail "the gate passed a header change that breaks an untouched user"
fi
grep -q '^gate: FAIL patch 8/8 (.*): build: ' "$T/err" || { cat "$T/err"; fail "patch 8/8's build failure is not named"; }
grep -q 'drivers/gpu/drm/radeon/radeon_kms.o does not build' "$T/err" || { cat "$T/err"; fail "radeon_kms.o is not named"; }
n=$(grep -c '^gate: FAIL' "$T/err")
[ "$n" -eq 1 ] || { cat "$T/err"; fail "$n failures: patch 7/8 must pass"; }
echo ok
