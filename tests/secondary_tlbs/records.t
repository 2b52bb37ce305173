#!/bin/sh
# cocci/secondary_tlbs.cocci's records (scripts/lib.sh) on the triad's
# input: one a call that can sleep in ->arch_invalidate_secondary_tlbs,
# status reported, code sleeps, WHAT the callback, shown as the lines the
# module report and the commit words are made of.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
command -v spatch >/dev/null || { echo "spatch not installed"; exit 77; }
. "$TOP/scripts/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rc=0
cp "$TOP"/tests/secondary_tlbs/iommu_like.c "$tmp"/
(cd "$tmp" && MODE=report "$TOP"/scripts/cocci secondary_tlbs iommu_like.c) > "$tmp/out" 2>&1 || rc=1
got=$(records "$tmp/out" status=reported code=sleeps | cut -f1-6 | LC_ALL=C sort)
want=$(printf 'secondary_tlbs\tiommu_like.c\t27\tiox_flush_slow\treported\tsleeps\nsecondary_tlbs\tiommu_like.c\t28\tiox_flush_slow\treported\tsleeps')
[ "$got" = "$want" ] || { echo "records:"; cat "$tmp/out"; rc=1; }
records_text "$tmp/out" | LC_ALL=C sort > "$tmp/text"
cat > "$tmp/want" <<'TEXT'
iommu_like.c:27: iox_flush_slow: sleeps: mutex_lock() in ->arch_invalidate_secondary_tlbs, which the TLB flush calls where it must not sleep
iommu_like.c:28: iox_flush_slow: sleeps: kzalloc(..., GFP_KERNEL) in ->arch_invalidate_secondary_tlbs, which the TLB flush calls where it must not sleep
TEXT
diff -u "$tmp/want" "$tmp/text" || rc=1
exit $rc
