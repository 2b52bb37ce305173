#!/bin/sh
# make bench on a small fixture tree of generation v5.4 (only get_put to
# run) holding one driver (tests/get_put/list_mutex.c): the runs succeed,
# the table has every row with numbers in it, the naive run measured on
# every directory (BENCH_SAMPLE=1) extrapolates to itself, the pipeline
# converted the driver, its work files are gone and the tree is unchanged.
# A plain directory is refused.  No timing is checked: the figures are the
# benchmark's, not the test's.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/probe/fixtures.sh"
fixture_tmp
command -v spatch >/dev/null || { echo "spatch not installed"; exit 77; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time (Debian package time) not installed"; exit 77; }
unset MMU_LOCK KERNEL O STEPS BENCH_NAIVE KEEP
export J=1
fail=0

tree=$TMP/linux
fixture_tree "$tree" v5.4
cp "$TOP/tests/get_put/list_mutex.c" "$tree/drivers/misc/gx.c"
git -C "$tree" init -q
commit_all "$tree" base
{ tree_hash "$tree"; git_state "$tree"; } >"$TMP/before"

make -s -C "$TOP" bench KERNEL="$tree" O="$TMP/o" BENCH_SAMPLE=1 >"$TMP/out" 2>"$TMP/err" ||
	{ bad "make bench failed:"; cat "$TMP/err" "$TMP/out"; exit 1; }
sed 's/^/  /' "$TMP/out"

# row LABEL: the table row LABEL has a wall and a CPU time
num='[0-9][0-9]*\.[0-9][0-9]*'
for label in pipeline 'naive (sample)' floor 'spatch start, get_put' 'clean-tree check (git status)'; do
	grep -q "^  *$label  *$num  *$num" "$TMP/out" || bad "no row \"$label\" with wall and CPU times"
done
grep -q "^  *naive (extrapolated)  *~$num  *~$num" "$TMP/out" || bad "no extrapolated naive row"
grep -q "^  *pipeline/floor  *$num   target <= 2.0  *\(PASS\|MISS\)$" "$TMP/out" || bad "no pipeline/floor ratio"
grep -q "^  *naive/pipeline  *$num   target >= 100  *\(PASS\|MISS\)$" "$TMP/out" || bad "no naive/pipeline ratio"
grep -q "least wall time of the pipeline's CPU time on [0-9]* CPUs: $num s" "$TMP/out" || bad "no CPU bound"
grep -q "^  *get_put spatch + commit  *$num$" "$TMP/out" || bad "the pipeline did not convert the driver"
grep -q "^    get_put  *drivers/misc  *1 files  *$num$" "$TMP/out" || bad "no slowest-group row for the driver's group"
grep -q '^  floor: .* 1 files parsed once$' "$TMP/out" || bad "the floor did not parse the one candidate"

# every directory sampled: the extrapolation is the sample itself
s=$(sed -n 's/^  *naive (sample)  *\([0-9.]*\) .*/\1/p' "$TMP/out")
x=$(sed -n 's/^  *naive (extrapolated)  *~\([0-9.]*\) .*/\1/p' "$TMP/out")
awk -v s="$s" -v x="$x" 'BEGIN { exit !(x - s < 0.06 && s - x < 0.06) }' ||
	bad "naive sample $s s of the whole tree extrapolated to $x s"
grep -q ', 100.0% of the ' "$TMP/out" || bad "the sample is not the whole tree"

[ -e "$TMP/o/bench" ] && bad "$TMP/o/bench left behind"
{ tree_hash "$tree"; git_state "$tree"; } >"$TMP/after"
cmp -s "$TMP/before" "$TMP/after" || { bad "the tree changed:"; diff "$TMP/before" "$TMP/after"; }

# M=: the port of a module (examples/mndemo, v4.19 API) timed, probe and port
make -s -C "$TOP" bench KERNEL="$tree" O="$TMP/o" M="$TOP/examples/mndemo" >"$TMP/mout" 2>"$TMP/err" ||
	{ bad "make bench M= failed:"; cat "$TMP/err" "$TMP/mout"; }
for r in probe port; do
	grep -q "^$r  *${num}s  *${num}s  *[0-9]* kB  *[0-9]* kB$" "$TMP/mout" || bad "M=: no $r row: $(cat "$TMP/mout")"
done
grep -q "^port of .*/examples/mndemo to 5.4.0: $num s, the probe $num s of it$" "$TMP/mout" || bad "M=: no summary"
[ -e "$TMP/o/bench" ] && bad "M=: $TMP/o/bench left behind"

plain=$TMP/plain
fixture_tree "$plain" v5.4
if make -s -C "$TOP" bench KERNEL="$plain" O="$TMP/o" BENCH_NAIVE=none >/dev/null 2>"$TMP/err"; then
	bad "bench on a plain directory: exit 0"
fi
grep -q 'is not a git tree (bench clones it; commit it first)' "$TMP/err" ||
	bad "bench on a plain directory: $(cat "$TMP/err")"
exit $fail
