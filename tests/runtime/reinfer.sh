#!/bin/sh
# tests/runtime/reinfer.sh SRC DEST - DEST: a scratch clone of the kernel tree
# SRC (v5.2 or later) whose events are the tool's, not the developers': in
# every file calling mmu_notifier_range_init(), the event of each call
# becomes MMU_NOTIFY_INFER (scripts/events strip) and cocci/event_tag.cocci
# infers it again, as 'scripts/events reinfer' does to measure agreement.
# _init_migrate() calls keep their implicit MIGRATE event (no v5.2 event to infer).
# DEST is kept between runs: a file is rewritten only when its inferred
# content changed, so a kernel built from DEST rebuilds only what changed.
# Prints the sites where the tool and the developers differ.
set -eu
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/scripts/lib.sh"

[ $# -eq 2 ] || die "usage: reinfer.sh SRC DEST"
src=$1 dest=$2
[ -d "$dest/.git" ] || QUIET=1 "$TOP/scripts/worktree" "$src" "$dest"
# The clone of a git tree is sparse: the kernel is built from it, so the
# whole tree (a no-op once it is there).
QUIET=1 checkout_all "$dest"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
git -C "$dest" grep -l 'mmu_notifier_range_init(' HEAD -- '*.c' ':!tools' \
	':!Documentation' ':!mm/mmu_notifier.c' | sed 's/^HEAD://' > "$tmp/files"
[ -s "$tmp/files" ] || die "$src: no mmu_notifier_range_init() call"
while read -r f; do
	mkdir -p "$tmp/src/${f%/*}"
	git -C "$dest" show "HEAD:$f" | "$TOP/scripts/events" strip > "$tmp/src/$f"
done < "$tmp/files"
# One spatch run per directory, as scripts/convert groups them.
sed 's|/[^/]*$||' "$tmp/files" | sort -u | while read -r d; do
	(cd "$tmp/src" && "$TOP/scripts/cocci" event_tag \
		$(grep "^$d/[^/]*$" "$tmp/files")) > /dev/null
done
left=$(cd "$tmp/src" && grep -n MMU_NOTIFY_INFER $(cat "$tmp/files") || :)
[ -z "$left" ] || die "event_tag left sites undecided:
$left"
while read -r f; do
	cmp -s "$tmp/src/$f" "$dest/$f" || cp "$tmp/src/$f" "$dest/$f"
done < "$tmp/files"
git -C "$dest" diff -U0 HEAD | sed -n 's/^\([-+]\).*\(MMU_NOTIFY_[A-Z_]*\).*/\1 \2/p; s/^+++ b\//  /p' |
	awk '/^  /{f=$1; next} /^-/{old=$2; next} /^\+/{print "  differs: " f ": developers " old ", tool " $2}'
