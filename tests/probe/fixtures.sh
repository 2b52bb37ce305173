# tests/probe/fixtures.sh - sourced by tests/probe/*.t and tests/safety/*.t.
#
# Small kernel-like trees, written here (nothing copied from the kernel):
# just what scripts/lib.sh's is_kernel_tree and scripts/probe read.
#
#   fixture_tmp                 TMP=a temp dir, removed on exit
#   fixture_tree DIR GEN [N]    a tree at DIR whose mmu_notifier.h has the
#                               shape of API generation GEN (see mn_header),
#                               plus N extra driver files (default 0)
#   mn_header GEN               print that mmu_notifier.h on stdout
#   tree_hash DIR               one hash of every file under DIR but .git/index
#   git_state DIR               HEAD, branch, index entries and status of a git tree
#   commit_all DIR              commit everything in DIR with a fixed identity

TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 QUIET=1

fixture_tmp() {
	TMP=$(mktemp -d)
	trap 'rm -rf "$TMP"' EXIT
	trap 'exit 130' INT TERM
}

# The version each generation's Makefile claims.
gen_version() {
	case $1 in
	v4.12)	echo 4 12 0 ;;
	v4.14)	echo 4 14 0 ;;
	v4.19)	echo 4 19 0 ;;
	v5.0)	echo 5 0 0 ;;
	v5.2)	echo 5 2 0 ;;
	v5.4)	echo 5 4 0 ;;
	v6.3)	echo 6 3 0 ;;
	*)	echo 4 99 0 ;;
	esac
}

fixture_tree() {
	dir=$1 gen=$2 n=${3:-0}
	# shellcheck disable=SC2046 # three words: VERSION PATCHLEVEL SUBLEVEL
	set -- $(gen_version "$gen")
	mkdir -p "$dir/include/linux" "$dir/mm" "$dir/drivers/misc"
	cat >"$dir/Makefile" <<-MK
	# SPDX-License-Identifier: GPL-2.0
	VERSION = $1
	PATCHLEVEL = $2
	SUBLEVEL = $3
	EXTRAVERSION =
	NAME = Fixture

	all:
	MK
	cat >"$dir/include/linux/mm.h" <<-'H'
	/* SPDX-License-Identifier: GPL-2.0 */
	#ifndef _LINUX_MM_H
	#define _LINUX_MM_H

	struct mm_struct;
	struct vm_area_struct;

	#endif /* _LINUX_MM_H */
	H
	cat >"$dir/mm/mmu_notifier.c" <<-'C'
	// SPDX-License-Identifier: GPL-2.0
	#include <linux/mm.h>
	#include <linux/mmu_notifier.h>
	C
	[ "$gen" = none ] || mn_header "$gen" >"$dir/include/linux/mmu_notifier.h"
	i=0
	while [ "$i" -lt "$n" ]; do
		printf '// SPDX-License-Identifier: GPL-2.0\nint fixture_%d(void)\n{\n\treturn %d;\n}\n' \
			"$i" "$i" >"$dir/drivers/misc/f$i.c"
		i=$((i + 1))
	done
}

# mn_header GEN: include/linux/mmu_notifier.h as GEN had it, reduced to the
# declarations scripts/probe looks at (ops, range struct, event enum,
# range_init and its !CONFIG_MMU_NOTIFIER stub).  GEN: v4.12 (still has
# invalidate_page), v4.14 (void callbacks), v4.19 (blockable), v5.0 (range
# struct), v5.2 (events, vma in range_init), v5.4 (get/put), v6.3 (range_init
# without vma), unknown (an event enum on old callbacks: no such kernel).
mn_header() {
	gen=$1
	echo '/* SPDX-License-Identifier: GPL-2.0 */'
	echo '#ifndef _LINUX_MMU_NOTIFIER_H'
	echo '#define _LINUX_MMU_NOTIFIER_H'
	echo
	echo 'struct mmu_notifier;'
	echo 'struct mmu_notifier_ops;'
	echo
	case $gen in
	v5.2|v5.4|v6.3|unknown)
		cat <<'H'
/**
 * enum mmu_notifier_event - reason for the notifier callback
 * @MMU_NOTIFY_UNMAP: the range is being unmapped
 */
enum mmu_notifier_event {
	MMU_NOTIFY_UNMAP = 0,
	MMU_NOTIFY_CLEAR,
	MMU_NOTIFY_PROTECTION_VMA,
	MMU_NOTIFY_PROTECTION_PAGE,
	MMU_NOTIFY_SOFT_DIRTY,
H
		case $gen in
		v5.4)	printf '\tMMU_NOTIFY_RELEASE,\n\tMMU_NOTIFY_MIGRATE,\n' ;;
		v6.3)	printf '\tMMU_NOTIFY_RELEASE,\n\tMMU_NOTIFY_MIGRATE,\n\tMMU_NOTIFY_EXCLUSIVE,\n' ;;
		esac
		printf '};\n\n#define MMU_NOTIFIER_RANGE_BLOCKABLE (1 << 0)\n\n'
		;;
	esac
	case $gen in
	v5.0)
		cat <<'H'
struct mmu_notifier_range {
	struct mm_struct *mm;
	unsigned long start;
	unsigned long end;
	bool blockable;
};

H
		;;
	v5.2|v5.4|v6.3)
		cat <<'H'
struct mmu_notifier_range {
	struct vm_area_struct *vma;
	struct mm_struct *mm;
	unsigned long start;
	unsigned long end;
	unsigned flags;
	enum mmu_notifier_event event;
};

H
		;;
	esac
	echo 'struct mmu_notifier_ops {'
	printf '\tvoid (*release)(struct mmu_notifier *mn,\n\t\t\tstruct mm_struct *mm);\n\n'
	case $gen in
	v4.12)
		cat <<'H'
	void (*invalidate_page)(struct mmu_notifier *mn,
				struct mm_struct *mm,
				unsigned long address);

H
		;;
	esac
	case $gen in
	v4.12|v4.14)
		cat <<'H'
	void (*invalidate_range_start)(struct mmu_notifier *mn,
				       struct mm_struct *mm,
				       unsigned long start, unsigned long end);
	void (*invalidate_range_end)(struct mmu_notifier *mn,
				     struct mm_struct *mm,
				     unsigned long start, unsigned long end);
H
		;;
	v4.19|unknown)
		cat <<'H'
	int (*invalidate_range_start)(struct mmu_notifier *mn,
				       struct mm_struct *mm,
				       unsigned long start, unsigned long end,
				       bool blockable);
	void (*invalidate_range_end)(struct mmu_notifier *mn,
				     struct mm_struct *mm,
				     unsigned long start, unsigned long end);
H
		;;
	*)
		cat <<'H'
	int (*invalidate_range_start)(struct mmu_notifier *mn,
				      const struct mmu_notifier_range *range);
	void (*invalidate_range_end)(struct mmu_notifier *mn,
				     const struct mmu_notifier_range *range);
H
		;;
	esac
	case $gen in
	v5.4|v6.3)
		cat <<'H'

	struct mmu_notifier *(*alloc_notifier)(struct mm_struct *mm);
	void (*free_notifier)(struct mmu_notifier *mn);
H
		;;
	esac
	printf '};\n\n#ifdef CONFIG_MMU_NOTIFIER\n\n'
	case $gen in
	v5.0)
		cat <<'H'
static inline void mmu_notifier_range_init(struct mmu_notifier_range *range,
					   struct mm_struct *mm,
					   unsigned long start,
					   unsigned long end)
{
	range->mm = mm;
	range->start = start;
	range->end = end;
}
H
		;;
	v5.2|v5.4)
		cat <<'H'
static inline void mmu_notifier_range_init(struct mmu_notifier_range *range,
					   enum mmu_notifier_event event,
					   unsigned flags,
					   struct vm_area_struct *vma,
					   struct mm_struct *mm,
					   unsigned long start,
					   unsigned long end)
{
	range->vma = vma;
	range->event = event;
	range->mm = mm;
	range->start = start;
	range->end = end;
	range->flags = flags;
}
H
		;;
	v6.3)
		cat <<'H'
static inline void mmu_notifier_range_init(struct mmu_notifier_range *range,
					   enum mmu_notifier_event event,
					   unsigned flags,
					   struct mm_struct *mm,
					   unsigned long start,
					   unsigned long end)
{
	range->event = event;
	range->mm = mm;
	range->start = start;
	range->end = end;
	range->flags = flags;
}

static inline void mmu_notifier_range_init_owner(
			struct mmu_notifier_range *range,
			enum mmu_notifier_event event, unsigned int flags,
			struct mm_struct *mm, unsigned long start,
			unsigned long end, void *owner)
{
	mmu_notifier_range_init(range, event, flags, mm, start, end);
}
H
		;;
	esac
	printf '\n#else /* CONFIG_MMU_NOTIFIER */\n\n'
	case $gen in
	v5.0|v5.2|v5.4|v6.3)
		cat <<'H'
struct mmu_notifier_range {
	unsigned long start;
	unsigned long end;
};

static inline void _mmu_notifier_range_init(struct mmu_notifier_range *range,
					    unsigned long start,
					    unsigned long end)
{
	range->start = start;
	range->end = end;
}

H
		;;
	esac
	case $gen in
	v5.0)	echo '#define mmu_notifier_range_init(range, mm, start, end) \' ;;
	v5.2|v5.4)
		echo '#define mmu_notifier_range_init(range,event,flags,vma,mm,start,end)  \' ;;
	v6.3)	echo '#define mmu_notifier_range_init(range,event,flags,mm,start,end) \' ;;
	esac
	case $gen in
	v5.0|v5.2|v5.4|v6.3)
		printf '\t_mmu_notifier_range_init(range, start, end)\n\n' ;;
	esac
	printf '#endif /* CONFIG_MMU_NOTIFIER */\n\n#endif /* _LINUX_MMU_NOTIFIER_H */\n'
}

tree_hash() {
	(cd "$1" && find . -type f ! -path ./.git/index -print | LC_ALL=C sort |
		xargs -d '\n' sha1sum | sha1sum)
}

git_state() {
	git -C "$1" rev-parse HEAD
	git -C "$1" symbolic-ref -q HEAD || echo detached
	git -C "$1" ls-files -s
	git -C "$1" status --porcelain
}

commit_all() {
	git -C "$1" add -A
	GIT_AUTHOR_DATE='2001-01-01T00:00:00Z' GIT_COMMITTER_DATE='2001-01-01T00:00:00Z' \
	git -C "$1" -c user.name='Fixture Dev' -c user.email=dev@example.org \
		commit -q -m "${2:-fixture}"
}
