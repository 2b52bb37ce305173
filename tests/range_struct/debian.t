#!/bin/sh
# No false positives: on Debian's 5.10, 6.1 and 6.12 trees (range struct
# already upstream) range_struct.cocci changes none of its candidate files.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rc=0
for t in linux-5.10 linux-6.1 linux-6.12; do
	tree=$("$TOP"/scripts/provision "$t" 2>/dev/null) || { echo "skip: $t not provisioned"; exit 77; }
	files=$("$TOP"/scripts/prefilter "$tree" | awk -F'\t' '$1 == "range_struct" { print $2 }')
	n=$(echo "$files" | wc -w)
	[ "$n" -gt 10 ] || { echo "$t: only $n candidate files: prefilter broken?"; exit 1; }
	rm -rf "$tmp/w"; mkdir -p "$tmp/w"
	(cd "$tree" && tar cf - $files) | (cd "$tmp/w" && tar xf -)
	cp -r "$tmp/w" "$tmp/orig"
	# one group per directory, as scripts/convert does
	for d in $(echo "$files" | xargs -n1 dirname | sort -u); do
		(cd "$tmp/w" && "$TOP"/scripts/cocci range_struct $(echo "$files" | grep "^$d/[^/]*$")) >"$tmp/out" 2>&1
	done
	if diff -r -u "$tmp/orig" "$tmp/w" >"$tmp/diff"; then
		echo "$t: $n candidate files, no change"
	else
		echo "$t: range_struct changed files:"; head -40 "$tmp/diff"; rc=1
	fi
	rm -rf "$tmp/orig"
done
exit $rc
