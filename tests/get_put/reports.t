#!/bin/sh
# The fixtures the rule must leave alone are also reported, each with the
# reason that stops the conversion (the triads only check the file is
# unchanged).
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
# check FIXTURE REPORT-FRAGMENT...
check() {
	f=$1
	shift
	cp "$TOP/tests/get_put/$f" "$tmp/$f"
	out=$(cd "$tmp" && "$TOP"/scripts/cocci get_put "$f" 2>/dev/null)
	for want; do
		case $out in
		*"$want"*) ;;
		*) echo "$f: report lacks '$want': '$out'"; fail=1 ;;
		esac
	done
}
check extra_users.c \
	': gx_mm: table gx_mm_table, lock &gx_mm_lock, lookups at extra_users.c:45 (gx_mm_get): not converted: ' \
	'the table or its lock is also used by gx_exit'
check per_device.c \
	': gx_mn: table gdev->mn_hash, lock &gdev->mn_lock, lookups at per_device.c:' \
	'the table gdev->mn_hash is a field of a per-instance structure' \
	'the object records its instance (->gdev = gdev in gx_mn_get)' \
	'the object is unregistered in gx_mn_destroy' \
	'also used by gx_bo_unregister'
exit $fail
