#!/bin/sh
# A spatch that stops on one function stops nothing else (scripts/cocci):
# a rule that puts two lines at one place in a function with two
# parameters ("already tagged token", the exception hpc/xpmem's callback
# met) leaves that file as it was and says FILE:LINE: FUNCTION and why,
# while the file of the same group it does not stop on is converted, and
# the run exits 0 for its caller to report.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
command -v spatch >/dev/null || { echo "spatch not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
# a copy of the project with one more rule
mkdir -p "$tmp/top"
cp -R "$TOP/scripts" "$TOP/cocci" "$TOP/patches" "$tmp/top/"
cat > "$tmp/top/cocci/stop.cocci" <<'SP'
virtual patch

@r depends on patch@
identifier f, x;
@@
f(..., int x, ...) {
+ trace(x);
  ...
}
SP
mkdir "$tmp/w"
cat > "$tmp/w/one.c" <<'C'
static int helper(void);

static int one(int x)
{
	return x + helper();
}
C
cat > "$tmp/w/two.c" <<'C'
static int two(int a, int b)
{
	return a + b;
}
C
cp "$tmp/w/two.c" "$tmp/two.orig"
(cd "$tmp/w" && TOP="$tmp/top" "$tmp/top/scripts/cocci" stop one.c two.c) >"$tmp/out" 2>"$tmp/err" ||
	bad "scripts/cocci exited $?: $(cat "$tmp/err")"
# its record: the step, file, line, function, status and code, and the text
(. "$TOP/scripts/lib.sh"; records "$tmp/out" file=two.c status=skipped code=spatch-stopped) |
	awk -F'\t' '$1 == "stop" && $3 == 1 && $4 == "two" && $7 ~ /^not converted \[spatch-stopped\]: cocci\/stop.cocci: .*already tagged token/ { f = 1 } END { exit !f }' ||
	bad "no record for two(): $(cat "$tmp/out")"
cmp -s "$tmp/w/two.c" "$tmp/two.orig" || bad "two.c changed"
grep -q 'trace(x);' "$tmp/w/one.c" || bad "one.c, which spatch does not stop on, was not converted"
exit $fail
