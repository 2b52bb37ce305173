#!/bin/sh
# Re-inference on Debian's 5.10 and 6.1: every event the kernel developers
# wrote is replaced by a placeholder and inferred again.  Threshold: 95%.
# Known disagreement (1 per tree): copy_hugetlb_page_range, CLEAR upstream,
# inferred PROTECTION_PAGE (fork write-protects the source, like
# copy_page_range, for which upstream chose PROTECTION_PAGE).
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
min=95
rc=0
for v in 5.10 6.1; do
	tree=$("$TOP"/scripts/provision "linux-$v" 2>/dev/null) ||
		{ echo "linux-$v: not provisioned"; exit 77; }
	out=$("$TOP"/scripts/events reinfer "$tree") || { echo "$out"; exit 1; }
	echo "linux-$v:"
	echo "$out" | sed 's/^/  /'
	last=$(echo "$out" | tail -n1)
	sites=$(echo "$last" | sed -n 's/^sites \([0-9]*\),.*/\1/p')
	agreed=$(echo "$last" | sed -n 's/.* agreed \([0-9]*\),.*/\1/p')
	[ "${sites:-0}" -ge 25 ] || { echo "linux-$v: only ${sites:-0} sites found"; rc=1; }
	[ $((100 * ${agreed:-0})) -ge $((min * ${sites:-1})) ] ||
		{ echo "linux-$v: agreement below $min%"; rc=1; }
done
exit $rc
