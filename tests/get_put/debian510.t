#!/bin/sh
# get_put on the three drivers upstream left with their own mm tables, in
# Debian's 5.10 tree (get/put already in the core): each must be converted
# or reported with its object and table, in a scratch copy.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
tree=$("$TOP"/scripts/provision linux-5.10 2>/dev/null) || { echo "no linux-5.10 tree (make setup)"; exit 77; }
[ -d "$tree" ] || { echo "no linux-5.10 tree"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
# FILE OBJECT TABLE: the object and table read from the 5.10 sources
check() {
	mkdir -p "$tmp/$(dirname "$1")"
	cp "$tree/$1" "$tmp/$1"
	out=$(cd "$tmp/$(dirname "$1")" && "$TOP"/scripts/cocci get_put "$(basename "$1")" 2>/dev/null)
	if ! cmp -s "$tree/$1" "$tmp/$1"; then
		echo "$1: converted"
		return
	fi
	case $out in
	*": $2: table $3, "*": not converted: "?*) echo "$out" ;;
	*) echo "$1: neither converted nor reported as $2/$3: '$out'"; fail=1 ;;
	esac
}
check drivers/iommu/intel/svm.c intel_svm '&global_svm_list'
check drivers/gpu/drm/amd/amdkfd/kfd_process.c kfd_process kfd_processes_table
# i915 keeps the mm table for struct i915_mm_struct, which only points to its
# notifier: the notifier object itself has no table.
check drivers/gpu/drm/i915/gem/i915_gem_userptr.c i915_mmu_notifier none
exit $fail
