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
#   path_without DIR TOOL...    a PATH (DIR, made) with every command but TOOLs

TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 QUIET=1

fixture_tmp() {
	TMP=$(mktemp -d)
	trap 'rm -rf "$TMP"' EXIT
	trap 'exit 130' INT TERM
}

# bad MSG: a failed check; the test exits with $fail
bad() { echo "  FAIL: $*"; fail=1; }

# The version each generation's Makefile claims.
gen_version() {
	case $1 in
	v[0-9]*.[0-9]*)
		v=${1#v}
		echo "${v%%.*} ${v#*.} 0" ;;
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
# range_init and its !CONFIG_MMU_NOTIFIER stub).  GEN, in upstream order:
#   v4.12  invalidate_page still there, void start/end callbacks (<= v4.12)
#   v4.14  void callbacks, no blockable (v4.13-v4.18; v4.15 adds
#          mmu_notifier_invalidate_range_only_end)
#   v4.19  int start callback with bool blockable (v4.19-v4.20)
#   v5.0   struct mmu_notifier_range {mm, start, end, blockable}, callbacks
#          take it, range_init(range, mm, start, end) (v5.0-v5.1)
#   v5.2   enum mmu_notifier_event (5 members), range with vma/flags/event,
#          range_init(range, event, flags, vma, mm, start, end) (v5.2-v5.3)
#   v5.4   alloc_notifier/free_notifier: mmu_notifier_get/put (v5.4)
#   v5.5   MMU_NOTIFY_RELEASE (interval notifiers) (v5.5-v5.8)
#   v5.9   MMU_NOTIFY_MIGRATE, migrate_pgmap_owner, range_init_migrate
#          (v5.9-v5.13: Debian's 5.10)
#   v5.14  MMU_NOTIFY_EXCLUSIVE, owner, range_init_owner (v5.14-v6.2:
#          Debian's 6.1)
#   v6.3   the vma leaves the range and range_init (v6.3-v6.5)
#   v6.6   ->invalidate_range becomes ->arch_invalidate_secondary_tlbs,
#          mmu_notifier_invalidate_range_only_end goes (v6.6-: Debian's 6.12)
#   unknown  an event enum on the old callbacks: no such kernel
mn_header() {
	gen=$1
	# what GEN has: callbacks, range struct, events, init helper, get/put,
	# secondary TLB op and only_end
	case $gen in
	v4.12|v4.14)	cb=void ;;
	v4.19|unknown)	cb=blockable ;;
	*)		cb=range ;;
	esac
	case $gen in
	v4.12|v4.14|v4.19|unknown) rs=no ;;
	v5.0)		rs=v5.0 ;;
	v6.3|v6.6)	rs=novma ;;
	*)		rs=vma ;;
	esac
	# events: none, or the enum without the later members in $lacks
	case $gen in
	v4.12|v4.14|v4.19|v5.0) events=no ;;
	*)		events=yes ;;
	esac
	case $gen in
	v5.2|v5.4|unknown) lacks="RELEASE MIGRATE EXCLUSIVE" ;;
	v5.5)		lacks="MIGRATE EXCLUSIVE" ;;
	v5.9)		lacks=EXCLUSIVE ;;
	*)		lacks= ;;
	esac
	case $gen in
	v5.9)		owner=migrate ;;
	v5.14|v6.3|v6.6) owner=owner ;;
	*)		owner=no ;;
	esac
	case $gen in
	v4.12|v4.14|v4.19|v5.0|v5.2|unknown) getput=no ;;
	*)		getput=yes ;;
	esac
	case $gen in
	v6.6)		tlb=secondary only_end=no ;;
	v4.12|v4.14)	tlb=range only_end=no ;;
	*)		tlb=range only_end=yes ;;
	esac

	echo '/* SPDX-License-Identifier: GPL-2.0 */'
	echo '#ifndef _LINUX_MMU_NOTIFIER_H'
	echo '#define _LINUX_MMU_NOTIFIER_H'
	echo
	echo 'struct mmu_notifier;'
	echo 'struct mmu_notifier_ops;'
	echo
	if [ $events = yes ]; then
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
		# the later members, each up to the first one GEN lacks
		for e in RELEASE MIGRATE EXCLUSIVE; do
			case " $lacks " in *" $e "*) break ;; esac
			printf '\tMMU_NOTIFY_%s,\n' "$e"
		done
		printf '};\n\n#define MMU_NOTIFIER_RANGE_BLOCKABLE (1 << 0)\n\n'
	fi
	case $rs in
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
	vma|novma)
		echo 'struct mmu_notifier_range {'
		[ $rs = vma ] && printf '\tstruct vm_area_struct *vma;\n'
		printf '\tstruct mm_struct *mm;\n\tunsigned long start;\n\tunsigned long end;\n'
		printf '\tunsigned flags;\n\tenum mmu_notifier_event event;\n'
		case $owner in
		migrate) printf '\tvoid *migrate_pgmap_owner;\n' ;;
		owner)	printf '\tvoid *owner;\n' ;;
		esac
		printf '};\n\n'
		;;
	esac
	echo 'struct mmu_notifier_ops {'
	printf '\tvoid (*release)(struct mmu_notifier *mn,\n\t\t\tstruct mm_struct *mm);\n\n'
	[ "$gen" = v4.12 ] && cat <<'H'
	void (*invalidate_page)(struct mmu_notifier *mn,
				struct mm_struct *mm,
				unsigned long address);

H
	case $cb in
	void)
		cat <<'H'
	void (*invalidate_range_start)(struct mmu_notifier *mn,
				       struct mm_struct *mm,
				       unsigned long start, unsigned long end);
	void (*invalidate_range_end)(struct mmu_notifier *mn,
				     struct mm_struct *mm,
				     unsigned long start, unsigned long end);
H
		;;
	blockable)
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
	range)
		cat <<'H'
	int (*invalidate_range_start)(struct mmu_notifier *mn,
				      const struct mmu_notifier_range *range);
	void (*invalidate_range_end)(struct mmu_notifier *mn,
				     const struct mmu_notifier_range *range);
H
		;;
	esac
	echo
	case $tlb in
	range)
		cat <<'H'
	void (*invalidate_range)(struct mmu_notifier *mn, struct mm_struct *mm,
				 unsigned long start, unsigned long end);
H
		;;
	secondary)
		cat <<'H'
	void (*arch_invalidate_secondary_tlbs)(
					struct mmu_notifier *subscription,
					struct mm_struct *mm,
					unsigned long start,
					unsigned long end);
H
		;;
	esac
	[ $getput = yes ] && cat <<'H'

	struct mmu_notifier *(*alloc_notifier)(struct mm_struct *mm);
	void (*free_notifier)(struct mmu_notifier *mn);
H
	printf '};\n\n#ifdef CONFIG_MMU_NOTIFIER\n\n'
	if [ $only_end = yes ]; then
		case $rs in
		no)	cat <<'H'
static inline void
mmu_notifier_invalidate_range_only_end(struct mm_struct *mm,
				       unsigned long start, unsigned long end)
{
}

H
			;;
		*)	cat <<'H'
static inline void
mmu_notifier_invalidate_range_only_end(struct mmu_notifier_range *range)
{
}

H
			;;
		esac
	fi
	case $rs in
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
	vma)
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
	novma)
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
H
		;;
	esac
	case $owner/$rs in
	migrate/*)
		cat <<'H'

static inline void mmu_notifier_range_init_migrate(
			struct mmu_notifier_range *range, unsigned int flags,
			struct vm_area_struct *vma, struct mm_struct *mm,
			unsigned long start, unsigned long end, void *pgmap)
{
	mmu_notifier_range_init(range, MMU_NOTIFY_MIGRATE, flags, vma, mm,
				start, end);
	range->migrate_pgmap_owner = pgmap;
}
H
		;;
	owner/vma)
		cat <<'H'

static inline void mmu_notifier_range_init_owner(
			struct mmu_notifier_range *range,
			enum mmu_notifier_event event, unsigned int flags,
			struct vm_area_struct *vma, struct mm_struct *mm,
			unsigned long start, unsigned long end, void *owner)
{
	mmu_notifier_range_init(range, event, flags, vma, mm, start, end);
	range->owner = owner;
}
H
		;;
	owner/novma)
		cat <<'H'

static inline void mmu_notifier_range_init_owner(
			struct mmu_notifier_range *range,
			enum mmu_notifier_event event, unsigned int flags,
			struct mm_struct *mm, unsigned long start,
			unsigned long end, void *owner)
{
	mmu_notifier_range_init(range, event, flags, mm, start, end);
	range->owner = owner;
}
H
		;;
	esac
	printf '\n#else /* CONFIG_MMU_NOTIFIER */\n\n'
	[ $rs = no ] || cat <<'H'
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
	case $rs in
	v5.0)	echo '#define mmu_notifier_range_init(range, mm, start, end) \' ;;
	vma)	echo '#define mmu_notifier_range_init(range,event,flags,vma,mm,start,end)  \' ;;
	novma)	echo '#define mmu_notifier_range_init(range,event,flags,mm,start,end) \' ;;
	esac
	[ $rs = no ] || printf '\t_mmu_notifier_range_init(range, start, end)\n\n'
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

# path_without DIR TOOL...: fill DIR with links to every command on PATH but
# the TOOLs, and print a PATH of DIR alone
path_without() {
	pdir=$1
	shift
	mkdir -p "$pdir"
	for d in $(echo "$PATH" | tr : ' '); do
		# the first of each name wins, as on PATH
		ln -s "$d"/* "$pdir"/ 2>/dev/null || :
	done
	for t; do rm -f "$pdir/$t"; done
	echo "$pdir"
}
