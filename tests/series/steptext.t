#!/bin/sh
# scripts/steptext: a patch's words say what its diff does on this tree.
# range_struct names a blockable argument only where the callbacks had one,
# and never claims that a split would not build; event_tag says what
# became of blockable (a flag set and cleared, a flag always set, or no
# flag where the tree had no blockable).
set -eu
TOP=$(cd "$(dirname "$0")/../.." && pwd)
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
st() { "$TOP"/scripts/steptext "$@"; }
has() { tr '\n' ' ' < "$d/out" | sed 's/  */ /g' | grep -q -F "$1"; }

# range_struct on v4.14 (void callbacks) and v4.19 (bool blockable)
printf '%s\n' '--- a/include/linux/mmu_notifier.h' '+++ b/include/linux/mmu_notifier.h' \
	'-				       unsigned long start, unsigned long end);' > "$d/noblock.diff"
printf '%s\n' '--- a/include/linux/mmu_notifier.h' '+++ b/include/linux/mmu_notifier.h' \
	'-				      unsigned long start, unsigned long end, bool blockable);' > "$d/block.diff"
st range_struct why "$d/noblock.diff" > "$d/out"
has "take the mm and the start and end addresses as separate arguments" || fail "range_struct, v4.14: $(cat "$d/out")"
! grep -q blockable "$d/out" || fail "range_struct names a blockable the tree has not"
! grep -q -i unbuildable "$d/out" || fail "range_struct claims a split would not build"
has "This is one treewide patch for the callbacks and their callers." || fail "range_struct: one patch"
st range_struct why "$d/block.diff" > "$d/out"
has "and, for start, a blockable flag as separate arguments" || fail "range_struct, v4.19: blockable not named"
st range_struct cover "$d/noblock.diff" > "$d/out"
! grep -q blockable "$d/out" || fail "range_struct cover names a blockable the tree has not"

# event_tag on v4.14 (no flag), v4.19 (set and cleared), RHEL 8.1 (always set)
printf '%s\n' '--- a/include/linux/mmu_notifier.h' '+++ b/include/linux/mmu_notifier.h' \
	'+enum mmu_notifier_event {' > "$d/noflag.diff"
cat "$d/noflag.diff" - > "$d/always.diff" <<'EOF2'
+#define MMU_NOTIFIER_RANGE_BLOCKABLE (1 << 0)
+		range->flags |= MMU_NOTIFIER_RANGE_BLOCKABLE;
EOF2
cat "$d/always.diff" - > "$d/flag.diff" <<'EOF2'
+		range->flags &= ~MMU_NOTIFIER_RANGE_BLOCKABLE;
EOF2
st event_tag why "$d/noflag.diff" > "$d/out"
has "This tree has no blockable to turn" || fail "event_tag, v4.14: $(cat "$d/out")"
! grep -q -e 'oom reaper' -e EAGAIN -e 'mmu_notifier_range_blockable()' "$d/out" ||
	fail "event_tag, v4.14: promises what the tree has not"
st event_tag why "$d/flag.diff" > "$d/out"
has "and the non-blocking start (the oom reaper's) clears it" || fail "event_tag, v4.19: $(cat "$d/out")"
st event_tag why "$d/always.diff" > "$d/out"
has "This tree has no non-blocking start" || fail "event_tag, RHEL 8.1: $(cat "$d/out")"
! grep -q 'oom reaper' "$d/out" || fail "event_tag, RHEL 8.1: an oom reaper start it has not"
exit 0
