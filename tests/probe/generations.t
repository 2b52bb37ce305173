#!/bin/sh
# scripts/probe on small fixture trees, one per mmu_notifier API generation
# from v4.12 to v6.6 (headers written in tests/probe/fixtures.sh after
# upstream's shapes): its whole answer, every key and the step plan, and a
# clear stop on an unknown API state.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/probe/fixtures.sh"
fixture_tmp
fail=0

# Lines every generation shares, by family.
EV5="UNMAP,CLEAR,PROTECTION_VMA,PROTECTION_PAGE,SOFT_DIRTY"
OLD_STEPS="step event_tag: run (no enum mmu_notifier_event)
step get_put: run (core lacks mmu_notifier_get/put; drivers' own mm tables)
steps: range_struct event_tag get_put"
GP_STEPS="step range_struct: skip (struct mmu_notifier_range already in the tree)"

# answer GEN: scripts/probe on a fresh fixture tree of generation GEN must
# print exactly stdin after its "tree:" line, and nothing on stderr
answer() {
	gen=$1
	tree=$TMP/$gen
	fixture_tree "$tree" "$gen"
	cat >"$TMP/want"
	echo "== $gen"
	"$TOP"/scripts/probe "$tree" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	if [ $rc -ne 0 ] || [ -s "$TMP/err" ]; then
		echo "  FAIL: $gen: probe exited $rc:"; sed "s/^/    /" "$TMP/err"
		fail=1
		return
	fi
	if [ "$(sed -n 1p "$TMP/out")" != "tree: $tree" ]; then
		echo "  FAIL: $gen: first line is not 'tree: $tree'"
		fail=1
	fi
	if sed 1d "$TMP/out" | diff -u "$TMP/want" - >"$TMP/diff"; then
		sed '1d; s/^/  ok: /' "$TMP/out"
	else
		echo "  FAIL: $gen: probe's answer differs from the expected one:"
		sed 's/^/    /' "$TMP/diff"
		fail=1
	fi
}

# <= v4.12: ->invalidate_page still there
answer v4.12 <<EOF2
version: 4.12.0
callbacks: noblock
invalidate_page: yes
range_struct: no
events: no
range_init_vma: n/a
get_put: no
only_end: no
secondary_tlbs: no
generation: v4.14-v4.18: old callbacks, void, no blockable
step range_struct: adapt (callbacks without blockable: void start callback; ->invalidate_page left as it is)
$OLD_STEPS
EOF2

# v4.13-v4.18: void callbacks without blockable
answer v4.14 <<EOF2
version: 4.14.0
callbacks: noblock
invalidate_page: no
range_struct: no
events: no
range_init_vma: n/a
get_put: no
only_end: no
secondary_tlbs: no
generation: v4.14-v4.18: old callbacks, void, no blockable
step range_struct: adapt (callbacks without blockable: void start callback)
$OLD_STEPS
EOF2

# v4.19-v4.20: int start callback with blockable
answer v4.19 <<EOF2
version: 4.19.0
callbacks: blockable
invalidate_page: no
range_struct: no
events: no
range_init_vma: n/a
get_put: no
only_end: yes
secondary_tlbs: no
generation: v4.19-v4.20: old callbacks with blockable
step range_struct: run (old start/end callbacks and calls)
$OLD_STEPS
EOF2

# v5.0-v5.1: the range struct, no events
answer v5.0 <<EOF2
version: 5.0.0
callbacks: range
invalidate_page: no
range_struct: yes
events: no
range_init_vma: no
get_put: no
only_end: yes
secondary_tlbs: no
generation: v5.0-v5.1: range struct, no events
$GP_STEPS
step event_tag: run (no enum mmu_notifier_event)
step get_put: run (core lacks mmu_notifier_get/put; drivers' own mm tables)
steps: event_tag get_put
EOF2

# v5.2-v5.3: events, range_init with the vma
answer v5.2 <<EOF2
version: 5.2.0
callbacks: range
invalidate_page: no
range_struct: yes
events: $EV5
range_init_vma: yes
get_put: no
only_end: yes
secondary_tlbs: no
generation: v5.2-v5.3: range struct and events, no get/put
$GP_STEPS
step event_tag: skip (events already in the tree: $EV5)
step get_put: run (core lacks mmu_notifier_get/put; drivers' own mm tables)
steps: get_put
EOF2

# v5.4 .. v6.12: get/put in the core; the event enum grows, the vma goes
for g in v5.4:"$EV5" v5.5:"$EV5,RELEASE" v5.9:"$EV5,RELEASE,MIGRATE" \
    v5.14:"$EV5,RELEASE,MIGRATE,EXCLUSIVE"; do
	gen=${g%%:*} ev=${g#*:}
	v=${gen#v}
	answer "$gen" <<EOF2
version: $v.0
callbacks: range
invalidate_page: no
range_struct: yes
events: $ev
range_init_vma: yes
get_put: yes
only_end: yes
secondary_tlbs: no
generation: v5.4-v6.2: get/put, range_init with vma
$GP_STEPS
step event_tag: skip (events already in the tree: $ev)
step get_put: run (core has mmu_notifier_get/put; drivers' own mm tables only)
steps: get_put
EOF2
done

# v6.3-v6.5: range_init without the vma; v6.6: ->arch_invalidate_secondary_tlbs
for g in v6.3:yes:no v6.6:no:yes; do
	gen=${g%%:*} rest=${g#*:}
	answer "$gen" <<EOF2
version: ${gen#v}.0
callbacks: range
invalidate_page: no
range_struct: yes
events: $EV5,RELEASE,MIGRATE,EXCLUSIVE
range_init_vma: no
get_put: yes
only_end: ${rest%:*}
secondary_tlbs: ${rest#*:}
generation: v6.3+: get/put, range_init without vma
$GP_STEPS
step event_tag: skip (events already in the tree: $EV5,RELEASE,MIGRATE,EXCLUSIVE)
step get_put: run (core has mmu_notifier_get/put; drivers' own mm tables only)
steps: get_put
EOF2
done

# refuse GEN TEXT...: probe stops, non-zero, with a message holding every TEXT
refuse() {
	gen=$1
	shift
	tree=$TMP/$gen
	fixture_tree "$tree" "$gen"
	echo "== $gen"
	if "$TOP"/scripts/probe "$tree" >"$TMP/out" 2>"$TMP/err"; then
		echo "  FAIL: $gen: probe accepted the tree:"; cat "$TMP/out"
		fail=1
		return
	fi
	echo "  stderr: $(cat "$TMP/err")"
	for text; do
		grep -Fq -- "$text" "$TMP/err" && continue
		echo "  FAIL: $gen: the message does not say '$text'"
		fail=1
	done
	if [ -s "$TMP/out" ]; then
		echo "  FAIL: $gen: printed a partial answer on stdout:"; cat "$TMP/out"
		fail=1
	fi
}

# An event enum on the old callbacks: no kernel ever had that.
refuse unknown "unknown mmu_notifier API state" "callbacks=blockable" \
	"range_struct=no" "events=$EV5" "get_put=no"
# A kernel tree without mmu notifiers at all.
refuse none "has no include/linux/mmu_notifier.h"

exit $fail
