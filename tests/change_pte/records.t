#!/bin/sh
# cocci/change_pte.cocci's records (scripts/lib.sh) on the triads'
# inputs: one a callback dropped from the ops, status converted, code
# dropped, WHAT the callback, shown as the line the module report and the
# commit words are made of.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
command -v spatch >/dev/null || { echo "spatch not installed"; exit 77; }
. "$TOP/scripts/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rc=0
cp "$TOP"/tests/change_pte/called.c "$TOP"/tests/change_pte/shadow.c "$tmp"/
(cd "$tmp" && MODE=report "$TOP"/scripts/cocci change_pte called.c shadow.c) > "$tmp/out" 2>&1 || rc=1
got=$(records "$tmp/out" status=converted code=dropped | cut -f1-6 | LC_ALL=C sort)
want=$(printf 'change_pte\tcalled.c\t12\tcal_set_pte\tconverted\tdropped\nchange_pte\tshadow.c\t31\tshd_change_pte\tconverted\tdropped')
[ "$got" = "$want" ] || { echo "records:"; cat "$tmp/out"; rc=1; }
records_text "$tmp/out" | grep -q -x -F 'called.c:12: cal_set_pte: dropped: ->change_pte is gone since v6.10 (997308f9ae72); the secondary mapping is invalidated by invalidate_range_start/end around the change and faulted back in, no longer handed the new PTE' ||
	{ echo "the line people read:"; records_text "$tmp/out"; rc=1; }
[ "$(records "$tmp/out" | wc -l)" = "$(wc -l < "$tmp/out")" ] || { echo "a line that is not a record:"; cat "$tmp/out"; rc=1; }
exit $rc
