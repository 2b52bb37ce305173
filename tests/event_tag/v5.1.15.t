#!/bin/sh
# The event_tag step on real v5.1.15 ($KERNEL_V5115): the core rule runs,
# every mmu_notifier_range_init() call gets an event, flags and vma (no
# 4-argument call is left), every site is reported, no range->blockable
# read is left.  Prints the report summary.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
[ -n "${KERNEL_V5115:-}" ] && [ -d "$KERNEL_V5115" ] ||
	{ echo "KERNEL_V5115 not set"; exit 77; }
O=$(mktemp -d)
trap 'rm -rf "$O" 2>/dev/null' EXIT
S=$TOP/scripts
export QUIET=1
"$S"/probe "$KERNEL_V5115" > "$O/probe" &&
"$S"/prefilter "$KERNEL_V5115" > "$O/candidates" 2>/dev/null ||
	"$S"/worktree "$KERNEL_V5115" "$O/work" || exit 1
[ -d "$O/work/.git" ] || "$S"/worktree "$KERNEL_V5115" "$O/work" || exit 1
# A plain directory has no git grep: take the candidates from the clone.
[ -s "$O/candidates" ] || "$S"/prefilter "$O/work" > "$O/candidates" || exit 1
STEPS=event_tag "$S"/convert "$O" || exit 1
w=$O/work
git -C "$w" log -1 --format=%B | grep -q '^Core: cocci/core/event_tag.cocci$' ||
	{ echo "core rule not run"; exit 1; }
# Calls (not the header's definitions) without an event in their first
# three lines.
left=$(git -C "$w" grep -n -A2 'mmu_notifier_range_init(' -- '*.c' |
	awk -F'[-:]' '/mmu_notifier_range_init\(/ { if (at) print at; at = $1 ":" $2 }
		/MMU_NOTIFY_/ { at = "" } END { if (at) print at }')
[ -z "$left" ] || { echo "calls left without an event:"; echo "$left"; exit 1; }
sites=$(git -C "$w" grep -c 'mmu_notifier_range_init(' -- '*.c' | awk -F: '{ n += $2 } END { print n }')
reported=$(wc -l < "$O/report/event_tag.txt")
"$S"/events report "$O" | tail -n 4
[ "$sites" -eq "$reported" ] || { echo "$sites sites, $reported reported"; exit 1; }
blk=$(git -C "$w" grep -n 'range->blockable' -- '*.c' '*.h')
[ -z "$blk" ] || { echo "range->blockable left:"; echo "$blk"; exit 1; }
