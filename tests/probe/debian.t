#!/bin/sh
# scripts/probe on Debian's linux-source 5.10 and 6.1 trees (provisioned by
# `make setup`, in CI too): range callbacks, the event enum up to MIGRATE,
# range_init with a vma, get/put in the core, so only get_put is left to run.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

for name in linux-5.10 linux-6.1; do
	tree=$("$TOP"/scripts/provision "$name" 2>"$tmp/err") || {
		echo "no $name tree ($(cat "$tmp/err")): run make setup"
		exit 77
	}
	echo "== $name: $tree"
	if ! "$TOP"/scripts/probe "$tree" >"$tmp/out" 2>"$tmp/err"; then
		echo "FAIL: $name: probe failed:"; cat "$tmp/err"
		fail=1
		continue
	fi
	sed 's/^/  /' "$tmp/out"
	for line in "callbacks: range" "invalidate_page: no" "range_struct: yes" \
	    "range_init_vma: yes" "get_put: yes" \
	    "generation: v5.4-v6.2: get/put, range_init with vma" \
	    "step range_struct: skip (struct mmu_notifier_range already in the tree)" \
	    "steps: get_put"; do
		grep -Fqx -- "$line" "$tmp/out" && continue
		echo "FAIL: $name: expected '$line'"
		fail=1
	done
	# v5.4 has UNMAP..SOFT_DIRTY, RELEASE, MIGRATE; 6.1 adds EXCLUSIVE (5.14)
	events=$(sed -n 's/^events: //p' "$tmp/out")
	for ev in UNMAP CLEAR PROTECTION_VMA PROTECTION_PAGE SOFT_DIRTY RELEASE MIGRATE; do
		case ,$events, in
		*,$ev,*) ;;
		*) echo "FAIL: $name: event $ev missing from '$events'"; fail=1 ;;
		esac
	done
	case $name,$events in
	linux-5.10,*EXCLUSIVE*) echo "FAIL: $name: EXCLUSIVE came in 5.14"; fail=1 ;;
	linux-6.1,*EXCLUSIVE*) ;;
	linux-6.1,*) echo "FAIL: $name: EXCLUSIVE missing"; fail=1 ;;
	esac
	v=$(sed -n 's/^version: //p' "$tmp/out")
	case $v in
	"${name#linux-}".*) ;;
	*) echo "FAIL: $name: version '$v'"; fail=1 ;;
	esac
done
exit $fail
