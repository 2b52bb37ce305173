#!/bin/sh
# get_put through make convert (a sparse scratch clone): the module exit's
# file includes <linux/mmu_notifier.h> through a header beside it
# (tests/get_put/exit_include with gxfile.c including "gx.h"), which no step
# greps for: convert checks it out with the candidates, so the rule sees
# the include and adds none; mmu_notifier_synchronize() goes in the exit.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/probe/fixtures.sh"
fixture_tmp
command -v spatch >/dev/null || { echo "spatch not installed"; exit 77; }
unset MMU_LOCK KERNEL O STEPS
fail=0
tree=$TMP/linux
fixture_tree "$tree" v5.4
d=$tree/drivers/misc/gx
mkdir -p "$d"
cp "$TOP"/tests/get_put/exit_include/*.[ch] "$d/"
sed -i 's/^#include "gxdev.h"$/#include "gx.h"\n#include "gxdev.h"/' "$d/gxfile.c"
grep -q '^#include "gx.h"$' "$d/gxfile.c" || { bad "fixture: gxfile.c does not include gx.h"; exit 1; }
git -C "$tree" init -q
commit_all "$tree" base
make -s -C "$TOP" convert KERNEL="$tree" O="$TMP/o" >"$TMP/out" 2>&1 ||
	{ bad "make convert failed:"; cat "$TMP/out"; }
w=$TMP/o/work/drivers/misc/gx
git -C "$TMP/o/work" ls-files -t drivers/misc/gx/gx.h | grep -q '^S ' &&
	bad "gx.h is not checked out"
grep -q 'mmu_notifier_synchronize();' "$w/gxfile.c" || bad "no mmu_notifier_synchronize() in the exit"
grep -q '^#include <linux/mmu_notifier.h>$' "$w/gxfile.c" &&
	bad "an include added that gx.h already brings"
exit $fail
