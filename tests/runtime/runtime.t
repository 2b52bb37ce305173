#!/bin/sh
# Runtime proof on Debian's 5.10 with the events the tool infers
# (reinfer.sh: the developers' events stripped, cocci/event_tag.cocci run
# again): booted under qemu, every operation's row passes.  Then two
# fixtures, each applied alone to the tree, must fail one row, and only it,
# and make scripts/runtime exit non-zero:
#  - flip-mprotect.sed, a wrong event (mm/mprotect.c): the mprotect row
#    fails on its event, its range and pairing ok;
#  - flip-mremap-end.sed, an end whose range differs from its start, the
#    shape range_struct gave v4.20's move_page_tables() (mm/mremap.c): the
#    mremap row fails on its pairing.
# The kernel is built once into $TREES and reused (its first build takes
# about 3.5 minutes of CPU); each fixture rebuilds one object.  About 2
# minutes after the first run.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
TREES=${TREES:-${XDG_CACHE_HOME:-$HOME/.cache}/mmu-notifier-series}
tree=$("$TOP"/scripts/provision linux-5.10 2>/dev/null) ||
	{ echo "linux-5.10: not provisioned"; exit 77; }
dest=$TREES/reinfer-linux-5.10
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
rc=0
nl='
'
# The rows every kernel the tool converted must pass (THP, KSM may be n/a).
always="munmap${nl}mremap move${nl}mprotect${nl}madvise DONTNEED${nl}madvise FREE${nl}soft-dirty${nl}fork+COW"

# The fixtures edit the shared tree: one run of this test at a time.
exec 9> "$dest.lock"
flock 9
"$TOP"/tests/runtime/reinfer.sh "$tree" "$dest" || exit 1

. "$TOP/tests/runtime/rows.sh"

# fixture SED FILE OUT: scripts/runtime on the tree with FILE edited by SED
fixture() {
	cp "$dest/$2" "$tmp/saved"
	trap "cp '$tmp/saved' '$dest/$2'; rm -rf '$tmp'" EXIT INT TERM
	sed -i -f "$TOP/tests/runtime/$1" "$dest/$2"
	if cmp -s "$tmp/saved" "$dest/$2"; then
		echo "$1 changed nothing in $2"
		rc=1
	elif "$TOP"/scripts/runtime "$dest" > "$3" 2>&1; then
		echo "$1: scripts/runtime exited 0"
		rc=1
	fi
	cp "$tmp/saved" "$dest/$2"
	trap 'rm -rf "$tmp"' EXIT INT TERM
	echo "--- with $2 edited by $1:"
	cat "$3"
}

"$TOP"/scripts/runtime "$dest" > "$tmp/good" 2>&1 ||
	{ echo "re-inferred 5.10: scripts/runtime failed"; rc=1; }
cat "$tmp/good"
rows "$tmp/good" "$always"
[ $rc -eq 0 ] || exit 1

fixture flip-mprotect.sed mm/mprotect.c "$tmp/event"
grep -q "^mprotect  *PROTECTION_VMA  *CLEAR  *ok  *ok  *FAIL\$" "$tmp/event" ||
	{ echo "expected the mprotect row to fail on its event (CLEAR) alone"; rc=1; }
rows "$tmp/event" "$always" mprotect

fixture flip-mremap-end.sed mm/mremap.c "$tmp/pairing"
grep -q "^mremap move  *UNMAP  *UNMAP  *ok  *BAD  *FAIL\$" "$tmp/pairing" ||
	{ echo "expected the mremap row to fail on its pairing alone"; rc=1; }
rows "$tmp/pairing" "$always" "mremap move"
exit $rc
