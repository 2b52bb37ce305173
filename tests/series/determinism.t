#!/bin/sh
# Same input, same bytes: scripts/series run twice on one O, and on a second
# fixture built in another directory (no host path, no run date, no user
# git configuration in the output); O/base, when convert records it, gives
# the same series as finding the base from the Step: trailers.
. "$(dirname "$0")/fixture.sh"
command -v perl >/dev/null || { echo "perl not installed"; exit 77; }

fixture_init
root=$T
fixture_dirs "$root/a"
fixture_tree
fixture_convert
GATE=0 run_series "$O" "$root/out1" || fail "series (1st run)"
GATE=0 run_series "$O" "$root/out2" || fail "series (2nd run)"
diff -r "$root/out1" "$root/out2" || fail "two runs on the same O differ"

git -C "$O/work" rev-parse mmu-notifier~3 > "$O/base"
GATE=0 run_series "$O" "$root/out3" || fail "series with O/base"
diff -r "$root/out1" "$root/out3" || fail "O/base and the Step: trailers give different series"

fixture_dirs "$root/b"
fixture_tree
fixture_convert
GATE=0 run_series "$O" "$root/out4" || fail "series on the second fixture"
diff -r "$root/out1" "$root/out4" || fail "the same input in another directory gives other bytes"
[ "$(ls "$root/out1" | wc -l)" -eq 7 ] || fail "expected a cover letter and 6 patches"
echo ok
