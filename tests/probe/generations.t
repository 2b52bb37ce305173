#!/bin/sh
# scripts/probe on small fixture trees, one per mmu_notifier API generation
# (headers written in tests/probe/fixtures.sh after upstream's shapes): every
# key it prints, the step plan, and a clear stop on an unknown API state.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/probe/fixtures.sh"
fixture_tmp
fail=0

# probe GEN: run scripts/probe on a fresh fixture tree of generation GEN
probe() {
	gen=$1
	tree=$TMP/$gen
	fixture_tree "$tree" "$gen"
	echo "== $gen"
	"$TOP"/scripts/probe "$tree" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	ok=1
	if [ $rc -ne 0 ] || [ -s "$TMP/err" ]; then
		echo "  FAIL: $gen: probe exited $rc:"; sed "s/^/    /" "$TMP/err"
		fail=1 ok=0
	fi
}

# expect LINE...: each LINE is printed by the last probe, exactly
expect() {
	[ $ok = 1 ] || return 0
	for line; do
		if grep -Fqx -- "$line" "$TMP/out"; then
			echo "  ok: $line"
		else
			echo "  FAIL: $gen: expected '$line', probe said:"
			sed 's/^/    /' "$TMP/out"
			fail=1
		fi
	done
}

# v4.12-v4.18 (void callbacks): scripts/probe matched "void*" against the
# member line with its leading tab, so a real header gave "callbacks=unknown";
# see the report for the fix (match "void (*invalidate_range_start)").
probe v4.12
expect "version: 4.12.0" "callbacks: noblock" "invalidate_page: yes" \
	"range_struct: no" "events: no" "range_init_vma: n/a" "get_put: no" \
	"generation: v4.14-v4.18: old callbacks, void, no blockable" \
	"step range_struct: adapt (callbacks without blockable: void start callback)" \
	"step event_tag: run (no enum mmu_notifier_event)" \
	"steps: range_struct event_tag get_put"

probe v4.14
expect "version: 4.14.0" "callbacks: noblock" "invalidate_page: no" \
	"range_struct: no" "events: no" "range_init_vma: n/a" "get_put: no" \
	"generation: v4.14-v4.18: old callbacks, void, no blockable" \
	"step range_struct: adapt (callbacks without blockable: void start callback)" \
	"steps: range_struct event_tag get_put"

probe v4.19
expect "version: 4.19.0" "callbacks: blockable" "invalidate_page: no" \
	"range_struct: no" "events: no" "range_init_vma: n/a" "get_put: no" \
	"generation: v4.19-v4.20: old callbacks with blockable" \
	"step range_struct: run (old start/end callbacks and calls)" \
	"step get_put: run (core lacks mmu_notifier_get/put; drivers' own mm tables)" \
	"steps: range_struct event_tag get_put"

probe v5.0
expect "version: 5.0.0" "callbacks: range" "invalidate_page: no" \
	"range_struct: yes" "events: no" "range_init_vma: no" "get_put: no" \
	"generation: v5.0-v5.1: range struct, no events" \
	"step range_struct: skip (struct mmu_notifier_range already in the tree)" \
	"step event_tag: run (no enum mmu_notifier_event)" \
	"steps: event_tag get_put"

probe v5.2
expect "version: 5.2.0" "callbacks: range" "invalidate_page: no" \
	"range_struct: yes" "events: UNMAP,CLEAR,PROTECTION_VMA,PROTECTION_PAGE,SOFT_DIRTY" \
	"range_init_vma: yes" "get_put: no" \
	"generation: v5.2-v5.3: range struct and events, no get/put" \
	"step event_tag: skip (events already in the tree: UNMAP,CLEAR,PROTECTION_VMA,PROTECTION_PAGE,SOFT_DIRTY)" \
	"steps: get_put"

probe v5.4
expect "version: 5.4.0" "callbacks: range" "invalidate_page: no" \
	"range_struct: yes" \
	"events: UNMAP,CLEAR,PROTECTION_VMA,PROTECTION_PAGE,SOFT_DIRTY,RELEASE,MIGRATE" \
	"range_init_vma: yes" "get_put: yes" \
	"generation: v5.4-v6.2: get/put, range_init with vma" \
	"step get_put: run (core has mmu_notifier_get/put; drivers' own mm tables only)" \
	"steps: get_put"

probe v6.3
expect "version: 6.3.0" "callbacks: range" "invalidate_page: no" \
	"range_struct: yes" \
	"events: UNMAP,CLEAR,PROTECTION_VMA,PROTECTION_PAGE,SOFT_DIRTY,RELEASE,MIGRATE,EXCLUSIVE" \
	"range_init_vma: no" "get_put: yes" \
	"generation: v6.3+: get/put, range_init without vma" \
	"steps: get_put"

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
	"range_struct=no" "events=UNMAP,CLEAR,PROTECTION_VMA,PROTECTION_PAGE,SOFT_DIRTY" \
	"get_put=no"
# A kernel tree without mmu notifiers at all.
refuse none "has no include/linux/mmu_notifier.h"

exit $fail
