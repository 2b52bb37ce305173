#!/bin/sh
# The decision, confidence and evidence the rule reports for the triads'
# sites (stdout of MODE=report: records, cocci/lib/record.cocci, read through
# scripts/lib.sh), one expected line per site.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/scripts/lib.sh"
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cp "$TOP"/tests/event_tag/*.c "$d"/
cd "$d" || exit 1
for f in *.c; do
	SPFLAGS="-D events=MIGRATE" MODE=report "$TOP"/scripts/cocci event_tag "$f" || exit 1
done > records || exit 1
records_text records | cut -d: -f1-4 | sort > got
sort > want <<'WANT'
ambiguous.c:11: follow_invalidate_pte: CLEAR (low)
ambiguous.c:24: odd_rewrite: CLEAR (low)
clear.c:10: zap_page_range: CLEAR (high)
clear.c:25: copy_on_write: CLEAR (high)
placeholder.c:8: migrate_vma_collect: MIGRATE (high)
protection.c:24: change_pmd_range: PROTECTION_VMA (high)
protection.c:38: page_mkclean_one: PROTECTION_PAGE (high)
reap.c:19: reap_task_mm: UNMAP (high)
soft_dirty.c:27: clear_refs_write: SOFT_DIRTY (high)
unmap.c:25: move_page_tables: UNMAP (high)
unmap.c:39: unmap_vmas: UNMAP (high)
WANT
diff -u want got || exit 1
# The fields: the step, every site converted, codes EVENT,confidence.
[ "$(records_field step records | sort -u)" = event_tag ] &&
[ "$(records_field status records | sort -u)" = converted ] &&
[ "$(records_field codes records file=unmap.c line=25)" = UNMAP,high ] &&
[ "$(records_field codes records file=ambiguous.c line=24)" = CLEAR,low ] ||
	{ echo "records:"; cat records; exit 1; }
# An override pins a decision and is reported as such.
printf 'clear.c:zap_page_range UNMAP # test pin\n' > ov
SPFLAGS="-D overrides=$d/ov" MODE=report "$TOP"/scripts/cocci event_tag clear.c > ov.records &&
	records_text ov.records | grep -q '^clear.c:10: zap_page_range: UNMAP (override): pinned in event_tag.overrides: test pin$' &&
	[ "$(records_field codes ov.records line=10)" = UNMAP,override ] ||
	{ echo "override not applied"; cat ov.records; exit 1; }
# Without -D events the tree's enum is v5.2's five: no MIGRATE.
MODE=report "$TOP"/scripts/cocci event_tag placeholder.c |
	records_text - | grep -q '^placeholder.c:8: migrate_vma_collect: CLEAR (high): ' ||
	{ echo "MIGRATE chosen without -D events"; exit 1; }
# Without -D overrides nothing is pinned, whatever the environment says.
EVENT_TAG_OVERRIDES=$d/ov MODE=report "$TOP"/scripts/cocci event_tag clear.c |
	records_text - | grep -q '^clear.c:10: zap_page_range: CLEAR (high): ' ||
	{ echo "an override applied without -D overrides"; exit 1; }
