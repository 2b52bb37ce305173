#!/bin/sh
# make series (GATE=0, STEPS=range_struct) on the fixture trees of a vendor
# kABI pair (tests/probe/fixtures.sh): kabi, the old and the new start/end
# prototype in RH_KABI_REPLACE(old, new); kabi2, the old one in RH_MN_V1()
# in one branch of an #if on RH_MMU_NOTIFIER_V2 (which the tree's own
# build defines: the code in the tree is built with the new prototype),
# the new one in the other.  Each holds two drivers
# (tests/range_struct/kabi/PATH): mnv1.c, still on the old prototype, and
# mnv2.c, on the new one.  The series is one patch that converts mnv1.c
# (as mnv1.res, read by hand) and leaves mnv2.c and the core's header as
# they are, and the cover letter says that the core keeps its kABI pair.
# The driver compiles against the tree's header as the tree builds it (gcc
# -fsyntax-only, incompatible pointers an error) after the series, and did
# not before.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/probe/fixtures.sh"
fixture_tmp
command -v spatch >/dev/null || { echo "spatch not installed"; exit 77; }
unset MMU_LOCK KERNEL O PATCHES
export J=1 GATE=0 STEPS=range_struct SIGNOFF="Kabi Tester <kabi@example.org>"
fail=0
src=$TOP/tests/range_struct/kabi
mkdir -p "$TMP/inc/linux"
: > "$TMP/inc/linux/rh_kabi.h"

# builds FILE HEADER: FILE compiles against HEADER as the tree's code sees it
builds() {
	cp "$2" "$TMP/inc/linux/mmu_notifier.h"
	gcc -fsyntax-only -Werror=incompatible-pointer-types -I"$TMP/inc" \
		-include "$src/prelude.h" "$1" 2>"$TMP/cc.err"
}

for gen in kabi kabi2; do
	tree=$TMP/$gen
	fixture_tree "$tree" "$gen"
	cp "$src/drivers/misc/mnv1.c" "$src/drivers/misc/mnv2.c" "$tree/drivers/misc/"
	mkdir -p "$tree/scripts"
	printf '#!/usr/bin/perl\nprint "Misc Maintainer <misc\\@example.org>\\n";\n' > "$tree/scripts/get_maintainer.pl"
	git -C "$tree" init -q
	commit_all "$tree" base
	h=$tree/include/linux/mmu_notifier.h
	! builds "$tree/drivers/misc/mnv1.c" "$h" || bad "$gen: mnv1.c built before the series"
	builds "$tree/drivers/misc/mnv2.c" "$h" || bad "$gen: mnv2.c does not build: $(cat "$TMP/cc.err")"

	o=$TMP/o-$gen
	make -s -C "$TOP" series KERNEL="$tree" O="$o" PATCHES="$TMP/p-$gen" >"$TMP/out" 2>&1 ||
		{ bad "$gen: make series failed:"; cat "$TMP/out"; continue; }
	w=$o/work
	diff -u "$src/drivers/misc/mnv1.res" "$w/drivers/misc/mnv1.c" || bad "$gen: drivers/misc/mnv1.c"
	cmp -s "$src/drivers/misc/mnv2.c" "$w/drivers/misc/mnv2.c" || bad "$gen: drivers/misc/mnv2.c changed"
	cmp -s "$h" "$w/include/linux/mmu_notifier.h" || bad "$gen: the core header changed"
	builds "$w/drivers/misc/mnv1.c" "$h" || bad "$gen: mnv1.c does not build after the series: $(cat "$TMP/cc.err")"
	set -- "$TMP/p-$gen"/0*.patch
	[ $# -eq 2 ] || bad "$gen: $(($# - 1)) patches, expected 1"
	grep -q '^Subject: \[PATCH 1/1\] misc/mnv1: use structure for invalidate_range_start/end$' "$TMP/p-$gen"/0001-*.patch ||
		bad "$gen: patch 1: $(grep '^Subject' "$TMP/p-$gen"/0001-*.patch)"
	grep -q '^ drivers/misc/mnv1.c ' "$TMP/p-$gen"/0001-*.patch || bad "$gen: the patch does not touch mnv1.c"
	c=$TMP/p-$gen/0000-cover-letter.patch
	grep -q "^    step range_struct: run (drivers' callbacks still on the old start/end prototype; the core keeps its kABI pair (RH_" "$c" ||
		bad "$gen: the cover letter does not say the core keeps its kABI pair: $(grep 'step range_struct' "$c")"
	grep -q "the core's kABI pair (the old prototype kept beside the" "$c" ||
		bad "$gen: the cover letter's paragraph of the step"
	grep -q 'left' "$o/report/range_struct.txt" 2>/dev/null &&
		bad "$gen: sites left: $(cat "$o/report/range_struct.txt")"
done
exit $fail
