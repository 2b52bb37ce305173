#!/bin/sh
# cocci/secondary_tlbs.cocci in report mode on iommu_like.c: its records
# (scripts/lib.sh) are those of records.expected (read by hand), a call
# that can sleep in ->arch_invalidate_secondary_tlbs each: status
# reported, code sleeps, the callback, and the sentence the module report
# and commit show.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
command -v spatch >/dev/null || { echo "spatch not installed"; exit 77; }
cd "$TOP/tests/secondary_tlbs" || exit 1
MODE=report "$TOP"/scripts/cocci secondary_tlbs iommu_like.c 2>&1 | LC_ALL=C sort |
	diff -u records.expected -
