#!/bin/sh
# scripts/probe on the real trees at hand (never committed; the search
# tool's fetch): KERNEL_V49, KERNEL_V414, KERNEL_V418 (RHEL 8.1),
# KERNEL_V419, KERNEL_V420, KERNEL_V5115, KERNEL_V53 as tests/core/real.t
# takes them, and KERNEL_RHEL83 (RHEL 8.3, 4.18.0-240: the hybrid).  Each
# answer must be the one of the fixture of its generation (whose whole
# answer tests/probe/generations.t spells), apart from the tree and the
# version, which must be the tree's.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/probe/fixtures.sh"
fixture_tmp
fail=0 ran=

# VARIABLE:FIXTURE:VERSION-PREFIX
for t in V49:v4.9:4.9. V414:v4.14:4.14. V418:rhel8:4.18. V419:v4.19:4.19. \
    V420:v4.20:4.20. V5115:v5.0:5.1. V53:v5.2:5.3. RHEL83:rhel83:4.18.; do
	var=KERNEL_${t%%:*} rest=${t#*:}
	gen=${rest%%:*} prefix=${rest#*:}
	eval "tree=\${$var:-}"
	[ -n "$tree" ] || continue
	ran="$ran $var"
	echo "== $var=$tree ($gen)"
	if ! "$TOP"/scripts/probe "$tree" >"$TMP/out" 2>"$TMP/err"; then
		bad "$var: probe failed: $(cat "$TMP/err")"
		continue
	fi
	sed -n 's/^generation: /  /p' "$TMP/out"
	[ "$(sed -n 1p "$TMP/out")" = "tree: $tree" ] || bad "$var: $(sed -n 1p "$TMP/out")"
	v=$(sed -n 's/^version: //p' "$TMP/out")
	case $v in
	"$prefix"*) ;;
	*)	bad "$var: version $v, not $prefix*" ;;
	esac
	fixture_tree "$TMP/$gen" "$gen"
	"$TOP"/scripts/probe "$TMP/$gen" | sed 1,2d >"$TMP/want"
	sed 1,2d "$TMP/out" | diff -u "$TMP/want" - >"$TMP/diff" ||
		{ bad "$var: not the answer of fixture $gen:"; sed 's/^/    /' "$TMP/diff"; }
done
[ -n "$ran" ] || { echo "no KERNEL_V49 ... KERNEL_V53 or KERNEL_RHEL83 set"; exit 77; }
exit $fail
