# tests/probe/fixtures.sh - sourced by tests/probe/*.t, tests/safety/*.t and
# tests/bench/bench.t.
#
# Small kernel-like trees, written here (nothing copied from the kernel):
# just what scripts/lib.sh's is_kernel_tree and scripts/probe read.
#
#   fixture_tmp                 TMP=a temp dir, removed on exit
#   fixture_tree DIR GEN [N]    a tree at DIR whose mmu_notifier.h has the
#                               shape of API generation GEN (see mn_header),
#                               plus N extra driver files (default 0); rhel8
#                               also gets its DRM backport header
#   mn_header GEN               print that mmu_notifier.h on stdout
#   mn_drm_backport             print rhel8's DRM backport mmu_notifier.h
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

# The version each generation's Makefile claims (the vendor trees: 4.18).
gen_version() {
	case $1 in
	v[0-9]*.[0-9]*)
		v=${1#v}
		echo "${v%%.*} ${v#*.} 0" ;;
	rhel8*|kabi*) echo 4 18 0 ;;
	young)	echo 7 0 0 ;;
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
	if [ "$gen" = rhel8 ]; then
		mkdir -p "$dir/include/drm-backport/linux"
		mn_drm_backport >"$dir/include/drm-backport/linux/mmu_notifier.h"
		mkdir -p "$dir/drivers/gpu/drm"
		printf '# SPDX-License-Identifier: GPL-2.0\nsubdir-ccflags-y += -DRH_DRM_BACKPORT\n' >"$dir/drivers/gpu/drm/Makefile"
	fi
	i=0
	while [ "$i" -lt "$n" ]; do
		printf '// SPDX-License-Identifier: GPL-2.0\nint fixture_%d(void)\n{\n\treturn %d;\n}\n' \
			"$i" "$i" >"$dir/drivers/misc/f$i.c"
		i=$((i + 1))
	done
}

# mn_header GEN: include/linux/mmu_notifier.h as GEN had it, reduced to the
# declarations scripts/probe looks at (ops, range struct, event enum,
# interval notifier, the calls whose presence tells a generation,
# range_init and its !CONFIG_MMU_NOTIFIER stub), after the real trees
# named.  Every ops has ->clear_flush_young, ->clear_young and ->test_young
# returning int, ->change_pte and ->invalidate_range unless said.  GEN:
#   v4.9   ->invalidate_page beside void start/end callbacks (v4.9-v4.12;
#          v4.9.229)
#   v4.14  void start/end callbacks only (v4.13-v4.14; v4.14.67)
#   v4.18  void callbacks; ops.flags with MMU_INVALIDATE_DOES_NOT_BLOCK,
#          mm_has_blockable_invalidate_notifiers(), and
#          mmu_notifier_invalidate_range_only_end (v4.15-v4.18)
#   v4.19  int start callback with bool blockable, still ops.flags;
#          mmu_notifier_invalidate_range_start_nonblock (v4.19.79)
#   v4.20  the same without ops.flags (v4.20)
#   v5.0   struct mmu_notifier_range {mm, start, end, blockable}, callbacks
#          and calls take it, range_init(range, mm, start, end) (v5.0-v5.1;
#          v5.1.15)
#   v5.2   enum mmu_notifier_event (5 members), range with vma/flags/event,
#          range_init(range, event, flags, vma, mm, start, end) (v5.2-v5.3;
#          v5.3)
#   v5.4   alloc_notifier/free_notifier: mmu_notifier_get/put (v5.4)
#   v5.5   struct mmu_interval_notifier, MMU_NOTIFY_RELEASE (v5.5-v5.8)
#   v5.9   MMU_NOTIFY_MIGRATE, migrate_pgmap_owner, range_init_migrate
#          (v5.9-v5.13: Debian's 5.10)
#   v5.14  MMU_NOTIFY_EXCLUSIVE, owner, range_init_owner (v5.14-v6.2:
#          Debian's 6.1)
#   v6.3   the vma leaves the range and range_init (v6.3-v6.5)
#   v6.6   ->invalidate_range becomes ->arch_invalidate_secondary_tlbs,
#          mmu_notifier_invalidate_range_only_end goes (v6.6-v6.9)
#   v6.10  ->change_pte goes (v6.10-: Debian's 6.12)
#   young  v6.10 with the young callbacks returning bool (a series in
#          review in 2026; no tree has it)
# and vendor trees on a v4.18 base:
#   rhel8  the v4.18 header with RH_KABI_RESERVE slots (rhel8.1); the range
#          struct is only in the DRM compatibility layer fixture_tree adds
#          (mn_drm_backport)
#   rhel83 the v4.18 ops and calls, and backported beside them: the range
#          struct (no vma, no range_init: mm/mmu_notifier.c keeps its own),
#          the events up to RELEASE, get/put in RH_KABI_USE slots, the
#          interval notifier; a __GENKSYMS__ block (RHEL 8.3, 4.18.0-240)
#   kabi   the range struct backported into the core header: the start and
#          end callbacks each keep the old prototype beside the new one in
#          RH_KABI_REPLACE(old, new), the calls take the range, ops.flags stays
#   kabi2  a later RHEL 8: the old (V1) start/end callbacks in RH_MN_V1()
#          beside the range (V2) ones, #if on RH_MMU_NOTIFIER_V2 and not
#          __GENKSYMS__; the calls on the range (with the vma), the events
#          up to MIGRATE, migrate_pgmap_owner, get/put in RH_KABI_USE slots,
#          the interval notifier, ops.flags
# and states no kernel had:
#   unknown  an event enum on the old blockable callbacks
#   none     (fixture_tree only) no mmu_notifier.h at all
mn_header() {
	gen=$1
	# the start/end callbacks: void (mm, start, end), blockable (int, and
	# bool blockable), range (the struct), kabi (old and range, in a
	# macro), kabi2 (old in RH_MN_V1, range, in #if branches); the calls
	# take the old arguments with void and blockable callbacks
	case $gen in
	v4.9|v4.14|v4.18|rhel8|rhel83)	cb=void ;;
	v4.19|v4.20|unknown)		cb=blockable ;;
	kabi|kabi2)			cb=$gen ;;
	*)				cb=range ;;
	esac
	case $cb in
	void|blockable)			calls=old ;;
	*)				calls=range ;;
	esac
	# ops.flags (MMU_INVALIDATE_DOES_NOT_BLOCK), the non-blocking start
	# call, the only_end call
	case $gen in
	v4.18|v4.19|rhel8*|kabi*)	flags=yes ;;
	*)				flags=no ;;
	esac
	case $gen in
	v4.9|v4.14|v4.18|rhel8*)	nonblock=no ;;
	*)				nonblock=yes ;;
	esac
	case $gen in
	v4.9|v4.14|v6.6|v6.10|young)	only_end=no ;;
	*)				only_end=yes ;;
	esac
	# the range struct: no, v5.0 (with bool blockable), vma, novma; and
	# range_init's parameters, the same but where the header has none
	case $gen in
	v4.*|rhel8|unknown)		rs=no ;;
	v5.0|kabi)			rs=v5.0 ;;
	v6.*|young|rhel83)		rs=novma ;;
	*)				rs=vma ;;
	esac
	init=$rs
	[ "$gen" != rhel83 ] || init=no
	# events: none, or the enum without the later members in $lacks
	case $gen in
	v4.*|v5.0|rhel8|kabi)		events=no ;;
	*)				events=yes ;;
	esac
	case $gen in
	v5.2|v5.4|unknown)		lacks="RELEASE MIGRATE EXCLUSIVE" ;;
	v5.5|rhel83)			lacks="MIGRATE EXCLUSIVE" ;;
	v5.9|kabi2)			lacks=EXCLUSIVE ;;
	*)				lacks= ;;
	esac
	case $gen in
	v5.9|kabi2)			owner=migrate ;;
	v5.14|v6.*|young)		owner=owner ;;
	*)				owner=no ;;
	esac
	# get/put: no, yes, kabi (in RH_KABI_USE slots)
	case $gen in
	v5.4|v5.5|v5.9|v5.14|v6.*|young) getput=yes ;;
	rhel83|kabi2)			getput=kabi ;;
	*)				getput=no ;;
	esac
	case $gen in
	v5.5|v5.9|v5.14|v6.*|young|rhel83|kabi2) interval=yes ;;
	*)				interval=no ;;
	esac
	case $gen in
	v6.6|v6.10|young)		tlb=secondary ;;
	*)				tlb=range ;;
	esac
	case $gen in
	v6.10|young)			change_pte=no ;;
	*)				change_pte=yes ;;
	esac
	case $gen in
	young)				young=bool ;;
	*)				young=int ;;
	esac
	case $gen in
	rhel8*|kabi*)			vendor=yes ;;
	*)				vendor=no ;;
	esac

	echo '/* SPDX-License-Identifier: GPL-2.0 */'
	echo '#ifndef _LINUX_MMU_NOTIFIER_H'
	echo '#define _LINUX_MMU_NOTIFIER_H'
	echo
	[ $vendor = no ] || printf '#include <linux/rh_kabi.h>\n\n'
	echo 'struct mmu_notifier;'
	echo 'struct mmu_notifier_ops;'
	[ $interval = no ] || echo 'struct mmu_interval_notifier;'
	echo
	[ "$gen" != rhel83 ] || cat <<'H'
/* kABI: genksyms sees the structure as it was, the kernel only its name */
#ifdef __GENKSYMS__
struct mmu_notifier_mm {
	struct hlist_head list;
	spinlock_t lock;
};
#else
struct mmu_notifier_mm;
#endif

H
	[ $flags = no ] || cat <<'H'
/* ops.flags: the callbacks never sleep */
#define MMU_INVALIDATE_DOES_NOT_BLOCK	(0x01)

H
	if [ $events = yes ]; then
		cat <<'H'
/**
 * enum mmu_notifier_event - why the range is invalidated
 * @MMU_NOTIFY_UNMAP: munmap() or mremap() of the range
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
	[ $flags = no ] || printf '\t/* MMU_INVALIDATE_DOES_NOT_BLOCK or 0 */\n'
	[ $flags = no ] || printf '\tint flags;\n\n'
	printf '\tvoid (*release)(struct mmu_notifier *mn,\n\t\t\tstruct mm_struct *mm);\n\n'
	# the young callbacks, and ->change_pte
	for m in clear_flush_young clear_young; do
		printf '\t%s (*%s)(struct mmu_notifier *mn, struct mm_struct *mm,\n' $young $m
		printf '\t\t\tunsigned long start, unsigned long end);\n'
	done
	printf '\t%s (*test_young)(struct mmu_notifier *mn, struct mm_struct *mm,\n' $young
	printf '\t\t\tunsigned long address);\n'
	[ $change_pte = no ] || cat <<'H'
	void (*change_pte)(struct mmu_notifier *mn, struct mm_struct *mm,
			   unsigned long address, pte_t pte);
H
	echo
	[ "$gen" = v4.9 ] && cat <<'H'
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
	kabi)
		# RH_KABI_REPLACE(old, new) adds the semicolon itself
		cat <<'H'
	RH_KABI_REPLACE(void (*invalidate_range_start)(struct mmu_notifier *mn,
				struct mm_struct *mm,
				unsigned long start, unsigned long end),
			int (*invalidate_range_start)(struct mmu_notifier *mn,
				const struct mmu_notifier_range *range))
	RH_KABI_REPLACE(void (*invalidate_range_end)(struct mmu_notifier *mn,
				struct mm_struct *mm,
				unsigned long start, unsigned long end),
			void (*invalidate_range_end)(struct mmu_notifier *mn,
				const struct mmu_notifier_range *range))
H
		;;
	kabi2)
		cat <<'H'
	/*
	 * kABI: a module built before the range struct sets the V1 start/end
	 * callbacks, RH_MN_V1(): the core calls them with the old arguments.
	 * Code built with RH_MMU_NOTIFIER_V2 (the core's own drivers) sets the
	 * V2 ones, on the range.  genksyms sees V1.
	 */
#if defined(RH_MMU_NOTIFIER_V2) && !defined(__GENKSYMS__)
	int (*invalidate_range_start)(struct mmu_notifier *mn,
				      const struct mmu_notifier_range *range);
	void (*invalidate_range_end)(struct mmu_notifier *mn,
				     const struct mmu_notifier_range *range);
#else
	RH_MN_V1(void (*invalidate_range_start)(struct mmu_notifier *mn,
				struct mm_struct *mm,
				unsigned long start, unsigned long end));
	RH_MN_V1(void (*invalidate_range_end)(struct mmu_notifier *mn,
				struct mm_struct *mm,
				unsigned long start, unsigned long end));
#endif
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
	case $getput in
	yes)
		cat <<'H'

	struct mmu_notifier *(*alloc_notifier)(struct mm_struct *mm);
	void (*free_notifier)(struct mmu_notifier *mn);
H
		[ $vendor = no ] || printf '\n\tRH_KABI_RESERVE(1)\n\tRH_KABI_RESERVE(2)\n' ;;
	kabi)
		cat <<'H'

	RH_KABI_USE(1, struct mmu_notifier *(*alloc_notifier)(struct mm_struct *mm))
	RH_KABI_USE(2, void (*free_notifier)(struct mmu_notifier *mn))
	RH_KABI_RESERVE(3)
	RH_KABI_RESERVE(4)
H
		;;
	no)	[ $vendor = no ] || printf '\n\tRH_KABI_RESERVE(1)\n\tRH_KABI_RESERVE(2)\n' ;;
	esac
	printf '};\n\n'
	[ $interval = no ] || cat <<'H'
struct mmu_interval_notifier_ops {
	bool (*invalidate)(struct mmu_interval_notifier *interval_sub,
			   const struct mmu_notifier_range *range,
			   unsigned long cur_seq);
};

struct mmu_interval_notifier {
	struct interval_tree_node interval_tree;
	const struct mmu_interval_notifier_ops *ops;
	struct mm_struct *mm;
	struct hlist_node deferred_item;
	unsigned long invalidate_seq;
};

H
	printf '#ifdef CONFIG_MMU_NOTIFIER\n\n'
	[ $flags = no ] || cat <<'H'
extern bool mm_has_blockable_invalidate_notifiers(struct mm_struct *mm);

H
	# the calls, bodies left out: old arguments, or the range
	case $calls in
	old)
		[ "$gen" = v4.9 ] && cat <<'H'
static inline void mmu_notifier_invalidate_page(struct mm_struct *mm,
						unsigned long address)
{
}

H
		cat <<'H'
static inline void mmu_notifier_invalidate_range_start(struct mm_struct *mm,
				unsigned long start, unsigned long end)
{
}

H
		[ $nonblock = yes ] && cat <<'H'
static inline int
mmu_notifier_invalidate_range_start_nonblock(struct mm_struct *mm,
				unsigned long start, unsigned long end)
{
	return 0;
}

H
		cat <<'H'
static inline void mmu_notifier_invalidate_range_end(struct mm_struct *mm,
				unsigned long start, unsigned long end)
{
}

H
		[ $only_end = yes ] && cat <<'H'
static inline void
mmu_notifier_invalidate_range_only_end(struct mm_struct *mm,
				unsigned long start, unsigned long end)
{
}

H
		;;
	range)
		cat <<'H'
static inline void
mmu_notifier_invalidate_range_start(struct mmu_notifier_range *range)
{
}

static inline int
mmu_notifier_invalidate_range_start_nonblock(struct mmu_notifier_range *range)
{
	return 0;
}

static inline void
mmu_notifier_invalidate_range_end(struct mmu_notifier_range *range)
{
}

H
		[ $only_end = yes ] && cat <<'H'
static inline void
mmu_notifier_invalidate_range_only_end(struct mmu_notifier_range *range)
{
}

H
		;;
	esac
	case $init in
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
	case $owner/$init in
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
	[ $flags = no ] || cat <<'H'
static inline bool mm_has_blockable_invalidate_notifiers(struct mm_struct *mm)
{
	return false;
}

H
	[ $init = no ] || cat <<'H'
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
	case $init in
	v5.0)	echo '#define mmu_notifier_range_init(range, mm, start, end) \' ;;
	vma)	echo '#define mmu_notifier_range_init(range,event,flags,vma,mm,start,end)  \' ;;
	novma)	echo '#define mmu_notifier_range_init(range,event,flags,mm,start,end) \' ;;
	esac
	[ $init = no ] || printf '\t_mmu_notifier_range_init(range, start, end)\n\n'
	printf '#endif /* CONFIG_MMU_NOTIFIER */\n\n#endif /* _LINUX_MMU_NOTIFIER_H */\n'
}

# mn_drm_backport: include/drm-backport/linux/mmu_notifier.h of the rhel8
# tree, reduced: a compatibility layer that gives the DRM drivers built
# with RH_DRM_BACKPORT the v5.0 range struct and callbacks over the core's
# old ones, under its own names
mn_drm_backport() {
	cat <<'H'
/* SPDX-License-Identifier: GPL-2.0 */
/* The v5.0 range callbacks for backported DRM drivers, over the old core. */
#ifndef __FIXTURE_DRM_BACKPORT_MMU_NOTIFIER_H__
#define __FIXTURE_DRM_BACKPORT_MMU_NOTIFIER_H__

#include_next <linux/mmu_notifier.h>

#if defined(RH_DRM_BACKPORT) && defined(CONFIG_MMU_NOTIFIER)

struct mmu_notifier_range {
	struct mm_struct *mm;
	unsigned long start;
	unsigned long end;
	bool blockable;
};

struct __rh_drm_mmu_notifier;
struct __rh_drm_mmu_notifier_ops {
	int flags;
	void (*release)(struct __rh_drm_mmu_notifier *mn,
			struct mm_struct *mm);
	int (*invalidate_range_start)(struct __rh_drm_mmu_notifier *mn,
				      const struct mmu_notifier_range *range);
	void (*invalidate_range_end)(struct __rh_drm_mmu_notifier *mn,
				     const struct mmu_notifier_range *range);
};

struct __rh_drm_mmu_notifier {
	struct mmu_notifier base;
	struct mmu_notifier_ops base_ops;
	const struct __rh_drm_mmu_notifier_ops *ops;
};

#define mmu_notifier		__rh_drm_mmu_notifier
#define mmu_notifier_ops	__rh_drm_mmu_notifier_ops

#endif /* RH_DRM_BACKPORT && CONFIG_MMU_NOTIFIER */
#endif /* __FIXTURE_DRM_BACKPORT_MMU_NOTIFIER_H__ */
H
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
