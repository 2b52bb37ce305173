#!/bin/sh
# scripts/probe on Debian's linux-source 5.10, 6.1 and 6.12 trees (installed
# by `make setup`, unpacked by scripts/provision, in CI too): range callbacks,
# get/put and the interval notifier in the core everywhere, so only get_put
# is left to run; the event enum grows (MIGRATE in 5.9, EXCLUSIVE in 5.14),
# the range's migrate_pgmap_owner (5.9) becomes owner (5.14), and 6.12 lost
# the vma of mmu_notifier_range_init (6.3), only_end and ->invalidate_range
# (6.6: ->arch_invalidate_secondary_tlbs), and ->change_pte (6.10).
# Each answer must also equal the one for the fixture header of the same
# generation (tests/probe/fixtures.sh), so the fixtures follow real trees.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/probe/fixtures.sh"
fixture_tmp
fail=0

EV="UNMAP,CLEAR,PROTECTION_VMA,PROTECTION_PAGE,SOFT_DIRTY,RELEASE,MIGRATE"

# want NAME: the expected answer for Debian tree NAME, after "version:"
want() {
	case $1 in
	linux-5.10)	ev=$EV vma=yes owner=migrate_pgmap_owner later=yes
			gen="v5.9-v5.13: interval notifiers, range->migrate_pgmap_owner" ;;
	linux-6.1)	ev=$EV,EXCLUSIVE vma=yes owner=owner later=yes
			gen="v5.14-v6.2: range->owner, range_init with vma" ;;
	linux-6.12)	ev=$EV,EXCLUSIVE vma=no owner=owner later=no
			gen="v6.10+: ->arch_invalidate_secondary_tlbs, no ->change_pte" ;;
	esac
	# only_end, ->invalidate_range and ->change_pte in 6.1,
	# ->arch_invalidate_secondary_tlbs and none of those in 6.12
	if [ $later = yes ]; then tlbs=no; else tlbs=yes; fi
	cat <<W
callbacks: range
kabi: no
invalidate_page: no
ops_flags: no
start_nonblock: yes
only_end: $later
range_struct: yes
backport: no
backport_scope: no
events: $ev
range_init_vma: $vma
get_put: yes
secondary_tlbs: $tlbs
interval: yes
range_owner: $owner
invalidate_range: $later
change_pte: $later
young: int
generation: $gen
step range_struct: skip (struct mmu_notifier_range already in the tree)
step event_tag: skip (events already in the tree: $ev)
step get_put: run (core has mmu_notifier_get/put; drivers' own mm tables only)
steps: get_put
W
}

for pair in linux-5.10:v5.9 linux-6.1:v5.14 linux-6.12:v6.10; do
	name=${pair%:*} fgen=${pair#*:}
	tree=$("$TOP"/scripts/provision "$name" 2>"$TMP/err") || {
		echo "no $name tree ($(cat "$TMP/err")): run make setup"
		exit 77
	}
	echo "== $name: $tree"
	if ! "$TOP"/scripts/probe "$tree" >"$TMP/out" 2>"$TMP/err"; then
		echo "FAIL: $name: probe failed:"; cat "$TMP/err"
		fail=1
		continue
	fi
	sed 's/^/  /' "$TMP/out"
	[ "$(sed -n 1p "$TMP/out")" = "tree: $tree" ] || { echo "FAIL: $name: tree line"; fail=1; }
	v=$(sed -n 's/^version: //p' "$TMP/out")
	case $v in
	"${name#linux-}".[0-9]*) ;;
	*) echo "FAIL: $name: version '$v'"; fail=1 ;;
	esac
	want "$name" >"$TMP/want"
	sed 1,2d "$TMP/out" | diff -u "$TMP/want" - ||
		{ echo "FAIL: $name: not the expected answer"; fail=1; }
	# the fixture of the same generation answers the same
	fixture_tree "$TMP/$fgen" "$fgen"
	"$TOP"/scripts/probe "$TMP/$fgen" | sed 1,2d | diff -u "$TMP/want" - ||
		{ echo "FAIL: fixture $fgen does not answer as $name"; fail=1; }
done
exit $fail
