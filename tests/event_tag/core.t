#!/bin/sh
# Exactly one core patch of the step applies to v5.1.15 ($KERNEL_V5115) and
# to v4.20 after the range_struct core patch ($KERNEL_V420): scripts/convert
# takes the first one that applies.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
P=$TOP/patches/core/event_tag
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
ran=0
check() {	# check DIR WANTED
	for p in "$P"/*.patch; do
		if (cd "$1" && git apply --check "$p" 2>/dev/null); then
			[ "$p" = "$P/$2" ] || { echo "$1: $p applies, $2 wanted"; exit 1; }
		else
			[ "$p" != "$P/$2" ] || { echo "$1: $2 does not apply"; exit 1; }
		fi
	done
	echo "$1: $2 applies"
	ran=1
}
for f in include/linux/mmu_notifier.h mm/mmu_notifier.c; do
	if [ -n "${KERNEL_V5115:-}" ] && [ -f "$KERNEL_V5115/$f" ]; then
		mkdir -p "$d/v5.1/${f%/*}" && cp "$KERNEL_V5115/$f" "$d/v5.1/$f"
	fi
	if [ -n "${KERNEL_V420:-}" ] && [ -d "$KERNEL_V420" ]; then
		mkdir -p "$d/v4.20/${f%/*}"
		git -C "$KERNEL_V420" show "HEAD:$f" > "$d/v4.20/$f" 2>/dev/null ||
			cp "$KERNEL_V420/$f" "$d/v4.20/$f" || exit 1
	fi
done
[ -d "$d/v5.1" ] && check "$d/v5.1" v5.1-range.patch
if [ -d "$d/v4.20" ]; then
	(cd "$d/v4.20" && git apply "$TOP/patches/core/range_struct/blockable.patch") ||
		{ echo "range_struct core patch does not apply to v4.20"; exit 1; }
	check "$d/v4.20" v4.20-range_struct.patch
fi
[ "$ran" = 1 ] || { echo "neither KERNEL_V5115 nor KERNEL_V420 set"; exit 77; }
