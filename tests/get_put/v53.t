#!/bin/sh
# get_put on real v5.3 ($KERNEL_V53): the core patch applies (the first of
# patches/core/get_put/ that applies is the v5.2 one), and sgi-gru and radeon
# are converted or reported.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
[ -n "${KERNEL_V53:-}" ] || { echo "KERNEL_V53 not set"; exit 77; }
[ -f "$KERNEL_V53/mm/mmu_notifier.c" ] || { echo "$KERNEL_V53: not a kernel tree"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
mkdir -p "$tmp/include/linux" "$tmp/mm"
cp "$KERNEL_V53/include/linux/mmu_notifier.h" "$tmp/include/linux/"
cp "$KERNEL_V53/mm/mmu_notifier.c" "$tmp/mm/"
first=
for p in "$TOP"/patches/core/get_put/*.patch; do
	(cd "$tmp" && git apply --check "$p" 2>/dev/null) && { first=${p##*/}; break; }
done
[ "$first" = 10-v5.2.patch ] || { echo "core: first applying patch is '$first', not 10-v5.2.patch"; fail=1; }
(cd "$tmp" && git apply "$TOP/patches/core/get_put/10-v5.2.patch") || fail=1
grep -q '^struct mmu_notifier \*mmu_notifier_get_locked' "$tmp/mm/mmu_notifier.c" || { echo "core: no mmu_notifier_get_locked"; fail=1; }
for d in drivers/misc/sgi-gru drivers/gpu/drm/radeon; do
	mkdir -p "$tmp/$d"
	cp "$KERNEL_V53/$d"/*.[ch] "$tmp/$d/"
	out=$(cd "$tmp/$d" && "$TOP"/scripts/cocci get_put *.c *.h 2>/dev/null)
	if diff -r -q "$KERNEL_V53/$d" "$tmp/$d" 2>/dev/null | grep -q differ; then
		echo "$d: converted"
	else
		case $out in
		*": not converted: "?*) echo "$out" ;;
		*) echo "$d: neither converted nor reported"; fail=1 ;;
		esac
	fi
done
exit $fail
