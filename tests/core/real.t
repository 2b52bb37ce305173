#!/bin/sh
# The core rules on the core files of real trees, when they are at hand
# (never committed; the search tool's fetch): KERNEL_V49, KERNEL_V414,
# KERNEL_V418 (RHEL 8.1, with its DRM backport), KERNEL_V83 (RHEL 8.3, the
# vendor hybrid), KERNEL_V419, KERNEL_V420, KERNEL_V5115, KERNEL_V53.  For
# each tree: the steps its probe says run, each core rule in turn on
# include/linux/mmu_notifier.h, mm/mmu_notifier.c and the backport's headers;
# after each the probe shows the step's API (scripts/steps/STEP: api), and
# a second run changes nothing; after
# event_tag, MMU_NOTIFIER_RANGE_BLOCKABLE is there only if the tree's
# callbacks had a blockable or a vendor layer a range with one.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
export TOP
. "$TOP/scripts/lib.sh"
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
ran=0 rc=0
for v in V49 V414 V418 V83 V419 V420 V5115 V53; do
	eval "tree=\${KERNEL_$v:-}"
	[ -n "$tree" ] || continue
	[ -d "$tree" ] || { echo "KERNEL_$v=$tree: no such directory"; rc=1; continue; }
	ran=1 c=$d/$v
	"$TOP"/scripts/probe "$tree" > "$d/$v.probe" || { rc=1; continue; }
	files=$(core_files "$d/$v.probe")
	for f in Makefile include/linux/mm.h $files; do
		mkdir -p "$c/$(dirname "$f")" && cp "$tree/$f" "$c/$f"
	done
	mkdir -p "$c/mm"
	for step in $(sed -n 's/^steps: *//p' "$d/$v.probe"); do
		[ -f "$TOP/cocci/core/$step.cocci" ] || continue
		# shellcheck disable=SC2086
		(cd "$c" && "$TOP"/scripts/cocci "core/$step" $files) > "$d/log" 2>&1 ||
			{ echo "$v: core/$step failed:"; cat "$d/log"; rc=1; break; }
		"$TOP"/scripts/probe "$c" > "$d/after" 2>&1 || { echo "$v: after $step:"; cat "$d/after"; rc=1; break; }
		# shellcheck disable=SC2046
		bad=$(step_load "$step" && facts_hold "$d/after" $api) ||
			{ echo "$v: after core/$step the tree still has '$bad'"; rc=1; break; }
		cp -R "$c" "$d/again"
		# shellcheck disable=SC2086
		(cd "$d/again" && "$TOP"/scripts/cocci "core/$step" $files) > "$d/log" 2>&1
		diff -r -u "$c" "$d/again" > "$d/diff" || { echo "$v: core/$step twice:"; cat "$d/diff"; rc=1; }
		rm -rf "$d/again"
		# the blockable flag only where a range could be non-blocking or
		# had a blockable a user reads (a vendor layer's)
		if [ "$step" = event_tag ]; then
			want=yes
			grep -q -x -e 'callbacks: noblock' "$d/$v.probe" &&
				grep -q -x -e 'backport: no' "$d/$v.probe" && want=no
			got=no
			grep -q MMU_NOTIFIER_RANGE_BLOCKABLE "$c/include/linux/mmu_notifier.h" && got=yes
			[ "$got" = "$want" ] ||
				{ echo "$v: core/event_tag: MMU_NOTIFIER_RANGE_BLOCKABLE: $got, expected $want"; rc=1; }
		fi
		echo "$v: core/$step: $(sed -n 's/^generation: //p' "$d/after")"
	done
done
[ "$ran" = 1 ] || { echo "no KERNEL_V49 ... KERNEL_V53 set"; exit 77; }
exit $rc
