#!/bin/sh
# scripts/probe on small fixture trees, one per mmu_notifier API generation
# from v4.9 to v6.10, one with the young callbacks returning bool, and
# four vendor trees on v4.18 (headers written in tests/probe/fixtures.sh
# after real trees: v4.9.229, v4.14.67, rhel8.1, rhel8.3, v4.19.79, v4.20,
# v5.1.15, v5.3 and Debian's 5.10, 6.1 and 6.12, and after what later
# RHEL 8 trees are known to have): its whole answer, every fact and the
# step plan, and a clear stop, naming every fact, on an unknown API state.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/probe/fixtures.sh"
fixture_tmp
fail=0

# Lines generations share.
EV5="UNMAP,CLEAR,PROTECTION_VMA,PROTECTION_PAGE,SOFT_DIRTY"
EV8="$EV5,RELEASE,MIGRATE,EXCLUSIVE"
RS_VOID="step range_struct: run (old start/end callbacks and calls; void start callbacks, no blockable"
RS_BLOCKABLE="step range_struct: run (old start/end callbacks and calls, with blockable)"
RS_SKIP="step range_struct: skip (struct mmu_notifier_range already in the tree)"
# void callbacks and no _nonblock start: every range is blockable
EV_VOID="step event_tag: run (no enum mmu_notifier_event; no non-blocking start: every range is blockable)"
EV_RUN="step event_tag: run (no enum mmu_notifier_event)"
GP_LACKS="step get_put: run (core lacks mmu_notifier_get/put; drivers' own mm tables)"
GP_HAS="step get_put: run (core has mmu_notifier_get/put; drivers' own mm tables only)"
# what every tree before the interval notifier has: ->invalidate_range,
# ->change_pte, young callbacks returning int
OLD5="interval: no
range_owner: no
invalidate_range: yes
change_pte: yes
young: int"

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

# v4.9-v4.12 (v4.9.229): ->invalidate_page beside void start/end callbacks;
# no ops.flags, no _nonblock start, no only_end
answer v4.9 <<EOF2
version: 4.9.0
callbacks: noblock
kabi: no
invalidate_page: yes
ops_flags: no
start_nonblock: no
only_end: no
range_struct: no
backport: no
backport_scope: no
events: no
range_init_vma: n/a
get_put: no
secondary_tlbs: no
$OLD5
generation: v4.9-v4.12: old callbacks, void, ->invalidate_page
$RS_VOID; ->invalidate_page stays)
$EV_VOID
$GP_LACKS
steps: range_struct event_tag get_put
EOF2

# v4.13-v4.14 (v4.14.67): ->invalidate_page gone, nothing else new
answer v4.14 <<EOF2
version: 4.14.0
callbacks: noblock
kabi: no
invalidate_page: no
ops_flags: no
start_nonblock: no
only_end: no
range_struct: no
backport: no
backport_scope: no
events: no
range_init_vma: n/a
get_put: no
secondary_tlbs: no
$OLD5
generation: v4.13-v4.14: old callbacks, void
$RS_VOID)
$EV_VOID
$GP_LACKS
steps: range_struct event_tag get_put
EOF2

# v4.15-v4.18 (rhel8.1's core header): still void, but ops.flags
# (MMU_INVALIDATE_DOES_NOT_BLOCK, mm_has_blockable_invalidate_notifiers)
# and mmu_notifier_invalidate_range_only_end
answer v4.18 <<EOF2
version: 4.18.0
callbacks: noblock
kabi: no
invalidate_page: no
ops_flags: yes
start_nonblock: no
only_end: yes
range_struct: no
backport: no
backport_scope: no
events: no
range_init_vma: n/a
get_put: no
secondary_tlbs: no
$OLD5
generation: v4.15-v4.18: old callbacks, void, ops.flags
$RS_VOID)
$EV_VOID
$GP_LACKS
steps: range_struct event_tag get_put
EOF2

# RHEL 8.1 (rhel8.1): the v4.18 core, and the range struct only in the DRM
# compatibility layer include/drm-backport/linux/mmu_notifier.h
answer rhel8 <<EOF2
version: 4.18.0
callbacks: noblock
kabi: no
invalidate_page: no
ops_flags: yes
start_nonblock: no
only_end: yes
range_struct: no
backport: include/drm-backport/linux/mmu_notifier.h
backport_scope: drivers/gpu/drm
events: no
range_init_vma: n/a
get_put: no
secondary_tlbs: no
$OLD5
generation: v4.15-v4.18: old callbacks, void, ops.flags; vendor backport of the range struct: include/drm-backport/linux/mmu_notifier.h
$RS_VOID; the range struct of include/drm-backport/linux/mmu_notifier.h gives way to the core's)
$EV_VOID
$GP_LACKS
steps: range_struct event_tag get_put
EOF2

# A vendor kABI tree on v4.18: the range struct in the core, each of the
# start/end callbacks as RH_KABI_REPLACE(old prototype, range prototype),
# the calls on the range (_nonblock and only_end too), ops.flags kept;
# range_struct runs for the drivers still on the old prototype, the core's
# pair staying
answer kabi <<EOF2
version: 4.18.0
callbacks: range
kabi: RH_KABI_REPLACE: the old start/end prototype is kept beside the new one
invalidate_page: no
ops_flags: yes
start_nonblock: yes
only_end: yes
range_struct: yes
backport: no
backport_scope: no
events: no
range_init_vma: no
get_put: no
secondary_tlbs: no
$OLD5
generation: v5.0-v5.1: range struct, no events; vendor kABI: RH_KABI_REPLACE
step range_struct: run (drivers' callbacks still on the old start/end prototype; the core keeps its kABI pair (RH_KABI_REPLACE: the old start/end prototype is kept beside the new one))
$EV_RUN
$GP_LACKS
steps: range_struct event_tag get_put
EOF2

# v4.19 (v4.19.79): int start callback with bool blockable and the
# _nonblock start call; ops.flags still there
answer v4.19 <<EOF2
version: 4.19.0
callbacks: blockable
kabi: no
invalidate_page: no
ops_flags: yes
start_nonblock: yes
only_end: yes
range_struct: no
backport: no
backport_scope: no
events: no
range_init_vma: n/a
get_put: no
secondary_tlbs: no
$OLD5
generation: v4.19: old callbacks with blockable, ops.flags
$RS_BLOCKABLE
$EV_RUN
$GP_LACKS
steps: range_struct event_tag get_put
EOF2

# v4.20 (v4.20): the same without ops.flags
answer v4.20 <<EOF2
version: 4.20.0
callbacks: blockable
kabi: no
invalidate_page: no
ops_flags: no
start_nonblock: yes
only_end: yes
range_struct: no
backport: no
backport_scope: no
events: no
range_init_vma: n/a
get_put: no
secondary_tlbs: no
$OLD5
generation: v4.20: old callbacks with blockable
$RS_BLOCKABLE
$EV_RUN
$GP_LACKS
steps: range_struct event_tag get_put
EOF2

# v5.0-v5.1 (v5.1.15): the range struct; range_init(range, mm, start, end)
answer v5.0 <<EOF2
version: 5.0.0
callbacks: range
kabi: no
invalidate_page: no
ops_flags: no
start_nonblock: yes
only_end: yes
range_struct: yes
backport: no
backport_scope: no
events: no
range_init_vma: no
get_put: no
secondary_tlbs: no
$OLD5
generation: v5.0-v5.1: range struct, no events
$RS_SKIP
$EV_RUN
$GP_LACKS
steps: event_tag get_put
EOF2

# v5.2-v5.3 (v5.3): five events, range_init with the vma
answer v5.2 <<EOF2
version: 5.2.0
callbacks: range
kabi: no
invalidate_page: no
ops_flags: no
start_nonblock: yes
only_end: yes
range_struct: yes
backport: no
backport_scope: no
events: $EV5
range_init_vma: yes
get_put: no
secondary_tlbs: no
$OLD5
generation: v5.2-v5.3: range struct and events, no get/put
$RS_SKIP
step event_tag: skip (events already in the tree: $EV5)
$GP_LACKS
steps: get_put
EOF2

# v5.4-v6.2: get/put in the core, range_init with the vma; v5.5 adds the
# interval notifier and RELEASE, v5.9 (Debian's 5.10) MIGRATE and the
# range's migrate_pgmap_owner, v5.14 (Debian's 6.1) EXCLUSIVE and its
# owner; the newest of these names the generation
for g in "v5.4|$EV5|no|no|v5.4: get/put, no interval notifiers" \
    "v5.5|$EV5,RELEASE|yes|no|v5.5-v5.8: interval notifiers" \
    "v5.9|$EV5,RELEASE,MIGRATE|yes|migrate_pgmap_owner|v5.9-v5.13: interval notifiers, range->migrate_pgmap_owner" \
    "v5.14|$EV8|yes|owner|v5.14-v6.2: range->owner, range_init with vma"; do
	IFS='|'
	# shellcheck disable=SC2086 # the fields of $g
	set -- $g
	unset IFS
	answer "$1" <<EOF2
version: ${1#v}.0
callbacks: range
kabi: no
invalidate_page: no
ops_flags: no
start_nonblock: yes
only_end: yes
range_struct: yes
backport: no
backport_scope: no
events: $2
range_init_vma: yes
get_put: yes
secondary_tlbs: no
interval: $3
range_owner: $4
invalidate_range: yes
change_pte: yes
young: int
generation: $5
$RS_SKIP
step event_tag: skip (events already in the tree: $2)
$GP_HAS
steps: get_put
EOF2
done

# v6.3-v6.5: range_init without the vma; v6.6: only_end gone,
# ->invalidate_range renamed ->arch_invalidate_secondary_tlbs; v6.10
# (Debian's 6.12): ->change_pte gone; young: the young callbacks return
# bool (in review in 2026), a suffix to the generation
for g in "v6.3|yes|no|yes|yes|int|v6.3-v6.5: range_init without vma" \
    "v6.6|no|yes|no|yes|int|v6.6-v6.9: ->arch_invalidate_secondary_tlbs, ->change_pte" \
    "v6.10|no|yes|no|no|int|v6.10+: ->arch_invalidate_secondary_tlbs, no ->change_pte" \
    "young|no|yes|no|no|bool|v6.10+: ->arch_invalidate_secondary_tlbs, no ->change_pte; young callbacks return bool"; do
	IFS='|'
	# shellcheck disable=SC2086 # the fields of $g
	set -- $g
	unset IFS
	# young: a version after 6.x
	v=${1#v}.0
	[ "$1" != young ] || v=7.0.0
	answer "$1" <<EOF2
version: $v
callbacks: range
kabi: no
invalidate_page: no
ops_flags: no
start_nonblock: yes
only_end: $2
range_struct: yes
backport: no
backport_scope: no
events: $EV8
range_init_vma: no
get_put: yes
secondary_tlbs: $3
interval: yes
range_owner: owner
invalidate_range: $4
change_pte: $5
young: $6
generation: $7
$RS_SKIP
step event_tag: skip (events already in the tree: $EV8)
$GP_HAS
steps: get_put
EOF2
done

# RHEL 8.3 (rhel8.3, 4.18.0-240): the v4.18 callbacks and calls (no
# _nonblock start), and backported beside them the range struct, the
# events up to RELEASE, get/put and the interval notifier.  No range_init
# in the header (mm/mmu_notifier.c has its own).  The range_struct step
# still runs: the callbacks and calls do not take the range yet.
answer rhel83 <<EOF2
version: 4.18.0
callbacks: noblock
kabi: no
invalidate_page: no
ops_flags: yes
start_nonblock: no
only_end: yes
range_struct: yes
backport: no
backport_scope: no
events: $EV5,RELEASE
range_init_vma: n/a
get_put: yes
secondary_tlbs: no
interval: yes
range_owner: no
invalidate_range: yes
change_pte: yes
young: int
generation: v4.15-v4.18: old callbacks, void, ops.flags; backported: range struct, events, get/put, interval notifiers (vendor hybrid)
$RS_VOID; the core's struct mmu_notifier_range stays)
step event_tag: skip (events already in the tree: $EV5,RELEASE)
$GP_HAS
steps: range_struct get_put
EOF2

# A later RHEL 8: the V1 start/end callbacks in RH_MN_V1() beside the
# range (V2) ones, an #if on RH_MMU_NOTIFIER_V2 choosing; otherwise the
# API of v5.9 (events up to MIGRATE, migrate_pgmap_owner, get/put,
# interval notifier, range_init with the vma) and ops.flags; range_struct
# runs for the drivers still on V1
answer kabi2 <<EOF2
version: 4.18.0
callbacks: range
kabi: RH_MN_V1: the old start/end prototype is kept beside the new one, as RH_MMU_NOTIFIER_V2 chooses
invalidate_page: no
ops_flags: yes
start_nonblock: yes
only_end: yes
range_struct: yes
backport: no
backport_scope: no
events: $EV5,RELEASE,MIGRATE
range_init_vma: yes
get_put: yes
secondary_tlbs: no
interval: yes
range_owner: migrate_pgmap_owner
invalidate_range: yes
change_pte: yes
young: int
generation: v5.9-v5.13: interval notifiers, range->migrate_pgmap_owner; vendor kABI: RH_MN_V1
step range_struct: run (drivers' callbacks still on the old start/end prototype; the core keeps its kABI pair (RH_MN_V1: the old start/end prototype is kept beside the new one, as RH_MMU_NOTIFIER_V2 chooses))
step event_tag: skip (events already in the tree: $EV5,RELEASE,MIGRATE)
$GP_HAS
steps: range_struct get_put
EOF2

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

# An event enum on the old blockable callbacks: no kernel ever had that.
# The message names every fact the probe found, each with its value.
refuse unknown "unknown mmu_notifier API state" "callbacks=blockable" \
	"kabi=no" "invalidate_page=no" "ops_flags=no" "start_nonblock=yes" \
	"only_end=yes" "range_struct=no" "backport=no" "events=$EV5" \
	"range_init_vma=n/a" "get_put=no" "secondary_tlbs=no" "interval=no" \
	"range_owner=no" "invalidate_range=yes" "change_pte=yes" "young=int"
# kABI pairs of other shapes on a v4.19 tree: the old void start kept for
# genksyms beside the blockable one (#ifndef __GENKSYMS__ ... #else), and
# the macro alone on the line before its two prototypes, and the old one
# wrapped in a macro in an #if branch.  The probe names the pair (kabi:)
# and its macro where there is one.
kabi_pair() {
	name=$1 sub=$2 want=$3
	fixture_tree "$TMP/$name" v4.19
	sed -i "$sub" "$TMP/$name/include/linux/mmu_notifier.h"
	got=$("$TOP"/scripts/probe "$TMP/$name" 2>&1 | sed -n 's/^kabi: //p')
	echo "== $name: kabi: $got"
	[ "$got" = "$want" ] || { echo "  FAIL: $name: expected kabi: $want"; fail=1; }
}
old='\tvoid (*invalidate_range_start)(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long start, unsigned long end);'
kabi_pair genksyms "s/^\tint (\*invalidate_range_start)(/#ifdef __GENKSYMS__\n$old\n#else\n&/; s/^\t\t\t\t       bool blockable);/&\n#endif/" \
	"two prototypes: the old start/end prototype is kept beside the new one"
kabi_pair macro_line "s/^\tint (\*invalidate_range_start)(/\tRH_KABI_REPLACE(\n${old%;},\n&/; s/^\t\t\t\t       bool blockable);/\t\t\t\t       bool blockable))/" \
	"RH_KABI_REPLACE: the old start/end prototype is kept beside the new one"
# The old one first, wrapped in RH_MN_V1(), in the branch an #if on
# RH_MMU_NOTIFIER_V2 (and genksyms) takes: the macro, and the one choosing.
v1=${old#??}
kabi_pair v1_first "s/^\tint (\*invalidate_range_start)(/#if !defined(RH_MMU_NOTIFIER_V2) || defined(__GENKSYMS__)\n\tRH_MN_V1(${v1%;});\n#else\n&/; s/^\t\t\t\t       bool blockable);/&\n#endif/" \
	"RH_MN_V1: the old start/end prototype is kept beside the new one, as RH_MMU_NOTIFIER_V2 chooses"

# A kernel tree without mmu notifiers at all.
refuse none "has no include/linux/mmu_notifier.h"

exit $fail
