#!/bin/sh
# Runtime proof on real pre-series trees, when they are at hand (never
# committed; the search tool's fetch): KERNEL_V419 (v4.19.x) and KERNEL_V414
# (v4.14.x), complete trees with their assembler sources.  Each is taken
# through all three steps (make series, GATE=0), the series is checked out
# into a clean copy, and scripts/runtime boots it: every row but THP
# collapse (khugepaged may be late) passes.  On v4.19, the same copy with
# tests/runtime/flip-mprotect.sed applied (a wrong event in mm/mprotect.c)
# fails the mprotect row and only it.  Before all that, the tree as it is
# (no events, so no recorder) boots examples/mndemo ported with COMPAT=1:
# the driver gets paired starts and ends in every row (the layer's
# trampolines) and unloads cleanly after its last put (the layer's get/put).
# Each tree takes about 6 minutes of build on 2 CPUs, under $TREES (kept
# between runs).
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
[ -n "${KERNEL_V419:-}${KERNEL_V414:-}" ] || { echo "neither KERNEL_V419 nor KERNEL_V414 set"; exit 77; }
TREES=${TREES:-${XDG_CACHE_HOME:-$HOME/.cache}/mmu-notifier-series}
export TREES
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
rc=0
always=$(printf "%s\n" munmap "mremap move" mprotect "madvise DONTNEED" "madvise FREE" \
	"THP split" "KSM merge" soft-dirty fork+COW)

. "$TOP/tests/runtime/rows.sh"

for v in V419 V414; do
	eval "tree=\${KERNEL_$v:-}"
	[ -n "$tree" ] || continue
	name=$(basename "$tree")
	# the example driver with COMPAT=1 on the tree as it is (no events: the
	# driver alone, the layer's trampolines and get/put), then unloaded
	COMPAT=1 "$TOP"/scripts/module "$TOP/examples/mndemo" "$tree" "$tmp/$v.demo" > "$tmp/$v.demo.log" 2>&1 ||
		{ cat "$tmp/$v.demo.log"; echo "$v: COMPAT=1 port of mndemo failed"; rc=1; continue; }
	RUNTIME_MODULE=$tmp/$v.demo/module "$TOP"/scripts/runtime "$tree" > "$tmp/$v.compat" 2>&1 ||
		{ echo "$v: scripts/runtime with the COMPAT mndemo failed"; rc=1; }
	echo "--- $name as it is, with examples/mndemo ported with COMPAT=1:"
	cat "$tmp/$v.compat"
	rows "$tmp/$v.compat" "$always"
	grep -q '^runtime: mndemo.ko unloaded after its last put: ok$' "$tmp/$v.compat" ||
		{ echo "$v: mndemo did not unload cleanly"; rc=1; }
	GATE=0 QUIET=1 make -s -C "$TOP" series KERNEL="$tree" O="$tmp/$v" PATCHES="$tmp/$v/patches" \
		> "$tmp/$v.log" 2>&1 || { cat "$tmp/$v.log"; echo "$v: make series failed"; rc=1; continue; }
	# a clean copy of the converted tree, under a name of its own: scripts/runtime
	# keeps its build per source directory
	conv=$TREES/runtime-src-$name
	rm -rf "$conv"
	git clone -q --no-hardlinks -b mmu-notifier-series "$tmp/$v/work" "$conv" ||
		{ echo "$v: no series branch"; rc=1; continue; }
	"$TOP"/scripts/runtime "$conv" > "$tmp/$v.good" 2>&1 || { echo "$v: scripts/runtime failed"; rc=1; }
	cat "$tmp/$v.good"
	rows "$tmp/$v.good" "$always"
	if [ "$v" = V419 ]; then
		sed -i -f "$TOP/tests/runtime/flip-mprotect.sed" "$conv/mm/mprotect.c"
		if "$TOP"/scripts/runtime "$conv" > "$tmp/$v.event" 2>&1; then
			echo "$v: scripts/runtime exited 0 with a wrong event"; rc=1
		fi
		echo "--- with mm/mprotect.c edited by flip-mprotect.sed:"
		cat "$tmp/$v.event"
		grep -q "^mprotect  *PROTECTION_VMA  *CLEAR  *ok  *ok  *FAIL\$" "$tmp/$v.event" ||
			{ echo "expected the mprotect row to fail on its event (CLEAR) alone"; rc=1; }
		rows "$tmp/$v.event" "$always" mprotect
	fi
done
exit $rc
