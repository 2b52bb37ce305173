#!/bin/sh
# get_put on the three drivers upstream left with their own mm tables, in
# Debian's 5.10 tree (get/put already in the core).  None of them is the
# pattern, so each must be left unchanged and reported with its object, its
# table and the reason read from the 5.10 sources:
#  - intel-svm: struct intel_svm on global_svm_list has no counted put; it is
#    unregistered from intel_svm_bind_mm() (error path) and
#    intel_svm_unbind_mm() (when its device list empties);
#  - amdkfd: kfd_processes_table is also walked by pasid lookups, suspend,
#    resume and debugfs, so it cannot go;
#  - i915: the mm table (i915->mm_structs) holds struct i915_mm_struct, which
#    points to the notifier object (->mn): the notifier has no table.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
# shown: the rule's records (stdin) as people read them (scripts/lib.sh)
shown() { (. "$TOP/scripts/lib.sh" && records_text -); }
tree=$("$TOP"/scripts/provision linux-5.10 2>/dev/null) || { echo "no linux-5.10 tree (make setup)"; exit 77; }
[ -d "$tree" ] || { echo "no linux-5.10 tree"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
# check FILE OBJECT TABLE CODES REASON: unchanged, and reported with those
# reason codes and that reason
check() {
	mkdir -p "$tmp/$(dirname "$1")"
	cp "$tree/$1" "$tmp/$1"
	out=$(cd "$tmp/$(dirname "$1")" && "$TOP"/scripts/cocci get_put "$(basename "$1")" 2>/dev/null | shown)
	if ! cmp -s "$tree/$1" "$tmp/$1"; then
		echo "$1: changed, expected a report"
		fail=1
		return
	fi
	case $out in
	*": $2: table $3, "*": not converted [$4]: "*"$5"*) echo "$out" ;;
	*) echo "$1: not reported as $2/$3 with [$4] '$5': '$out'"; fail=1 ;;
	esac
}
check drivers/iommu/intel/svm.c intel_svm '&global_svm_list' no-put \
	'no put "void put(struct T *)" dropping a count: the object is unregistered in intel_svm_bind_mm, intel_svm_unbind_mm'
check drivers/gpu/drm/amd/amdkfd/kfd_process.c kfd_process kfd_processes_table table-users \
	'also used by kfd_debugfs_mqds_by_process, kfd_lookup_process_by_pasid, kfd_resume_all_processes, kfd_suspend_all_processes'
check drivers/gpu/drm/i915/gem/i915_gem_userptr.c i915_mmu_notifier none indirect-table \
	'the mm table holds struct i915_mm_struct in i915->mm_structs (->mn)'
exit $fail
