# tests/series/fixture.sh - sourced by tests/series/*.t and tests/gate/*.t.
#
# Builds, in a temporary directory, what scripts/series and scripts/gate see
# after `make convert`: a small kernel-like tree with history and a
# MAINTAINERS file, its scratch clone O/work on branch mmu-notifier with one
# commit per step (as scripts/convert makes them), O/probe and O/report/, and
# a copy of the project (scripts/ plus patches/core/STEP/fixture, the
# "hand-written" new code of each step's core change).  The tree's Makefile honours the
# kbuild interface the gate uses (O=, C=2, allmodconfig, olddefconfig,
# prepare, single .o targets) with gcc and sparse.  checkpatch.pl and
# get_maintainer.pl are copied from Debian's linux-source tree when it has
# been provisioned (never committed to this project); else a stand-in
# get_maintainer.pl names THE REST.
#
#   fixture_init            a tmp dir (removed on exit), then fixture_dirs
#   fixture_dirs DIR        sets T=DIR, P=DIR/proj (project copy), O=DIR/o
#   fixture_tree            $T/linux: the base tree with history
#   fixture_convert [STEPS] $O/work with the step commits (default: all three)
#   have_kernel_scripts     true when checkpatch.pl/get_maintainer.pl were copied
#   fixture_get_maintainer [DIR]  a stand-in get_maintainer.pl (perl on stdin)

set -eu
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
unset EMAIL GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL
export QUIET=1 SIGNOFF="Fixture Tester <tester@example.org>"

fail() { echo "FAIL: $*"; exit 1; }

fixture_init() {
	TMP=$(mktemp -d)
	trap 'rm -rf "$TMP"' EXIT
	trap 'exit 130' INT TERM
	fixture_dirs "$TMP"
}

# fixture_dirs DIR: a (further) fixture under DIR: sets T, P and O
fixture_dirs() {
	T=$1
	P=$T/proj
	O=$T/o
	mkdir -p "$P/patches/core" "$O/report"
	cp -r "$TOP/scripts" "$P/"
	# (the words of the step texts are in the rules' "///" headers)
	mkdir -p "$P/cocci" && cp "$TOP"/cocci/*.cocci "$P/cocci/"
}

# commit DIR DATE SUBJECT: commit everything in DIR at a fixed date and identity
commit() {
	git -C "$1" add -A
	GIT_AUTHOR_DATE="$2" GIT_COMMITTER_DATE="$2" \
	git -C "$1" -c user.name="Fixture Dev" -c user.email=dev@example.org \
		commit -q -m "$3"
}

# w FILE: write stdin to FILE (relative to the current directory)
w() { mkdir -p "$(dirname "$1")"; cat > "$1"; }

have_kernel_scripts() { [ -f "$T/linux/scripts/checkpatch.pl" ]; }

fixture_tree() {
	d=$T/linux
	mkdir -p "$d"
	git -C "$d" init -q -b master
	cd "$d"
	w Makefile <<'EOF'
VERSION = 4
PATCHLEVEL = 20
SUBLEVEL = 0
EXTRAVERSION =
NAME = Fixture

# The few kbuild entry points scripts/gate uses: O=, C=2 (sparse only: the
# objects are built first), allmodconfig, olddefconfig, prepare, DIR/FILE.o
srctree := $(CURDIR)
CC = $(CROSS_COMPILE)gcc
O ?= .
CFLAGS_KERNEL := -Wall -Werror=implicit-function-declaration -I$(srctree)/include
MAKEFLAGS += -rR
Makefile: ;

.PHONY: allmodconfig olddefconfig prepare FORCE
allmodconfig:
	@mkdir -p $(O) && echo CONFIG_MMU_NOTIFIER=y > $(O)/.config
olddefconfig prepare:
	@:
%.o: FORCE
	@mkdir -p $(dir $(O)/$@)
ifeq ($(C),2)
	@sparse $(CFLAGS_KERNEL) $(srctree)/$*.c
else
	@$(CC) $(CFLAGS_KERNEL) -c -o $(O)/$@ $(srctree)/$*.c
endif
FORCE:
EOF
	w MAINTAINERS <<'EOF'
List of maintainers of the fixture tree

Descriptions of section entries:

	M: Mail patches to: FullName <address@domain>
	F: Files and directories with wildcard patterns.

HMM - HETEROGENEOUS MEMORY MANAGEMENT
M:	Hmm Maint <hmm@example.org>
L:	linux-mm@kvack.org
S:	Maintained
F:	mm/hmm*
F:	include/linux/hmm*

MEMORY MANAGEMENT
M:	Mm Maint <mm@example.org>
L:	linux-mm@kvack.org
S:	Maintained
F:	include/linux/mm.h
F:	include/linux/mmu_notifier.h
F:	mm/

RADEON DRM DRIVER
M:	Radeon Maint <radeon@example.org>
L:	dri-devel@lists.freedesktop.org
S:	Supported
F:	drivers/gpu/drm/radeon/

SGI GRU DRIVER
M:	Gru Maint <gru@example.org>
S:	Maintained
F:	drivers/misc/sgi-gru/

THE REST
M:	Top Maint <top@example.org>
L:	linux-kernel@vger.kernel.org
S:	Buried alive in reporters
F:	*
F:	*/
EOF
	w include/linux/mm.h <<'EOF'
/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#define NULL ((void *)0)

struct mm_struct {
	unsigned long flags;
};

#endif
EOF
	w include/linux/mmu_notifier.h <<'EOF'
/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MMU_NOTIFIER_H
#define _LINUX_MMU_NOTIFIER_H

#include <linux/mm.h>

struct mmu_notifier;

struct mmu_notifier_ops {
	int (*invalidate_range_start)(struct mmu_notifier *mn,
				      struct mm_struct *mm,
				      unsigned long start, unsigned long end,
				      int blockable);
};

struct mmu_notifier {
	const struct mmu_notifier_ops *ops;
};

int mmu_notifier_invalidate_range_start(struct mm_struct *mm,
					unsigned long start,
					unsigned long end);

#endif
EOF
	w mm/mmu_notifier.c <<'EOF'
// SPDX-License-Identifier: GPL-2.0
#include <linux/mmu_notifier.h>

static struct mmu_notifier *registered;

int mmu_notifier_invalidate_range_start(struct mm_struct *mm,
					unsigned long start,
					unsigned long end)
{
	if (!registered)
		return 0;
	return registered->ops->invalidate_range_start(registered, mm,
						       start, end, 1);
}
EOF
	w include/linux/hmm.h <<'EOF'
/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_HMM_H
#define _LINUX_HMM_H

#include <linux/mmu_notifier.h>

struct hmm {
	struct mmu_notifier mirror;
};

#endif
EOF
	# hmm_ops is not declared anywhere: sparse warns before and after.
	w mm/hmm.c <<'EOF'
// SPDX-License-Identifier: GPL-2.0
#include <linux/hmm.h>

static int hmm_invalidate_range_start(struct mmu_notifier *mn,
				      struct mm_struct *mm,
				      unsigned long start, unsigned long end,
				      int blockable)
{
	if (!blockable)
		return -1;
	return 0;
}

const struct mmu_notifier_ops hmm_ops = {
	.invalidate_range_start = hmm_invalidate_range_start,
};
EOF
	w drivers/gpu/drm/radeon/radeon.h <<'EOF'
/* SPDX-License-Identifier: MIT */
#ifndef __RADEON_H__
#define __RADEON_H__

#include <linux/mmu_notifier.h>

const struct mmu_notifier_ops *radeon_mn_ops_get(void);

#endif
EOF
	w drivers/gpu/drm/radeon/radeon_mn.c <<'EOF'
// SPDX-License-Identifier: MIT
#include "radeon.h"

static int radeon_mn_invalidate_range_start(struct mmu_notifier *mn,
					    struct mm_struct *mm,
					    unsigned long start,
					    unsigned long end,
					    int blockable)
{
	if (!blockable)
		return -1;
	return 0;
}

static const struct mmu_notifier_ops radeon_mn_ops = {
	.invalidate_range_start = radeon_mn_invalidate_range_start,
};

const struct mmu_notifier_ops *radeon_mn_ops_get(void)
{
	return &radeon_mn_ops;
}
EOF
	w drivers/misc/sgi-gru/grutables.h <<'EOF'
/* SPDX-License-Identifier: GPL-2.0+ */
#ifndef __GRUTABLES_H__
#define __GRUTABLES_H__

#include <linux/mmu_notifier.h>

int gru_flush_range(struct mm_struct *mm, unsigned long start,
		    unsigned long len);

#endif
EOF
	w drivers/misc/sgi-gru/grutlbpurge.c <<'EOF'
// SPDX-License-Identifier: GPL-2.0+
#include "grutables.h"

int gru_flush_range(struct mm_struct *mm, unsigned long start,
		    unsigned long len)
{
	return mmu_notifier_invalidate_range_start(mm, start, start + len);
}
EOF
	commit . 2018-12-23T12:00:00Z "Import of the fixture tree"

	# History with subject prefixes (mm/hmm.c has none: its prefix comes
	# from the path).
	echo '/* Calls the start callback of the registered notifier. */' >> mm/mmu_notifier.c
	commit . 2018-12-24T12:00:00Z "mm/mmu_notifier: document the start call"
	echo '/* radeon: the notifier ops */' >> drivers/gpu/drm/radeon/radeon_mn.c
	commit . 2018-12-25T12:00:00Z "drm/radeon: document the notifier ops"
	echo '/* radeon: blockable means the caller may sleep */' >> drivers/gpu/drm/radeon/radeon_mn.c
	commit . 2018-12-26T12:00:00Z "drm/radeon: explain blockable"
	echo '/* drm: userptr support */' >> drivers/gpu/drm/radeon/radeon_mn.c
	commit . 2018-12-27T12:00:00Z "drm: mention userptr"
	echo '/* GRU: flush a range of the mm */' >> drivers/misc/sgi-gru/grutlbpurge.c
	commit . 2018-12-28T12:00:00Z "misc/sgi-gru: document gru_flush_range"

	# Kernel scripts the series and the gate call, when a Debian tree is here.
	deb=$("$TOP"/scripts/provision linux-5.10 2>/dev/null) || deb=
	if [ -f "$deb/scripts/checkpatch.pl" ]; then
		mkdir -p scripts
		for f in checkpatch.pl get_maintainer.pl spelling.txt const_structs.checkpatch; do
			cp "$deb/scripts/$f" scripts/
		done
		# the tree stands for a v4.20, whose checkpatch.pl does not look
		# up in git the commits a message names (UNKNOWN_COMMIT_ID is
		# later's): the upstream commits each patch credits are not in it
		echo '--ignore UNKNOWN_COMMIT_ID' > .checkpatch.conf
		commit . 2018-12-29T12:00:00Z "scripts: add checkpatch.pl and get_maintainer.pl"
	else
		# without one, scripts/series stops (a patch with no recipient):
		# a stand-in that names THE REST of the fixture's MAINTAINERS
		fixture_get_maintainer <<'EOF2'
print "Top Maint <top\@example.org>\nlinux-kernel\@vger.kernel.org\n";
EOF2
		commit . 2018-12-29T12:00:00Z "scripts: add a get_maintainer.pl stand-in"
	fi
	cd - >/dev/null
}

# fixture_get_maintainer [DIR]: DIR/scripts/get_maintainer.pl (default: the
# current directory's) is a stand-in running the perl on stdin; it knows
# --no-tree, as get_maintainer.pl does since v4.15
fixture_get_maintainer() {
	mkdir -p "${1:-.}/scripts"
	{
		echo '#!/usr/bin/perl'
		echo "# 'tree!' (a stand-in for scripts/get_maintainer.pl)"
		echo 'my $git = !grep { $_ eq "--no-git" } @ARGV;'
		cat
	} > "${1:-.}/scripts/get_maintainer.pl"
}

# step NAME DATE: commit the work tree as scripts/convert does, after the
# caller wrote the core files and ran "core NAME"
step() {
	{
		echo "$1"
		echo
		echo "Step: $1"
		echo "Core: cocci/core/$1.cocci"
		echo "Core-spatch: spatch --sp-file cocci/core/$1.cocci -D patch --in-place $(cat "$T/core.$1")"
		echo "Core-code: patches/core/$1/fixture"
		echo "Rule: cocci/$1.cocci"
		echo "Spatch: spatch --sp-file cocci/$1.cocci -D patch --macro-file cocci/macros.h --no-includes --include-headers --in-place FILES"
		echo "Spatch-version: 1.1.1"
	} > "$T/stepmsg"
	git add -A
	GIT_AUTHOR_DATE="$2" GIT_COMMITTER_DATE="$2" \
	git -c user.name=mmu-notifier-series -c user.email=mmu-notifier-series@localhost \
		commit -q -F "$T/stepmsg"
}

# core NAME: the uncommitted change so far is the step's core change: its
# files (as the core rule's command names them, and one a line in
# O/report/NAME.corefiles, as scripts/convert lists them) and its new code
core() {
	mkdir -p "$P/patches/core/$1"
	git diff --name-only | paste -sd' ' - > "$T/core.$1"
	git diff --name-only > "$O/report/$1.corefiles"
	git diff > "$P/patches/core/$1/fixture"
}

step_range_struct() {
	w include/linux/mmu_notifier.h <<'EOF'
/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MMU_NOTIFIER_H
#define _LINUX_MMU_NOTIFIER_H

#include <linux/mm.h>

struct mmu_notifier;

struct mmu_notifier_range {
	struct mm_struct *mm;
	unsigned long start;
	unsigned long end;
	int blockable;
};

struct mmu_notifier_ops {
	int (*invalidate_range_start)(struct mmu_notifier *mn,
				      const struct mmu_notifier_range *range);
};

struct mmu_notifier {
	const struct mmu_notifier_ops *ops;
};

int mmu_notifier_invalidate_range_start(struct mmu_notifier_range *range);

static inline void mmu_notifier_range_init(struct mmu_notifier_range *range,
					   struct mm_struct *mm,
					   unsigned long start,
					   unsigned long end)
{
	range->mm = mm;
	range->start = start;
	range->end = end;
	range->blockable = 1;
}

#endif
EOF
	w mm/mmu_notifier.c <<'EOF'
// SPDX-License-Identifier: GPL-2.0
#include <linux/mmu_notifier.h>

static struct mmu_notifier *registered;

int mmu_notifier_invalidate_range_start(struct mmu_notifier_range *range)
{
	if (!registered)
		return 0;
	return registered->ops->invalidate_range_start(registered, range);
}
/* Calls the start callback of the registered notifier. */
EOF
	core range_struct
	sed -i -e '/struct mm_struct \*mm,$/d' \
		-e 's/unsigned long start, unsigned long end,$/const struct mmu_notifier_range *range)/' \
		-e '/^				      int blockable)$/d' \
		-e 's/!blockable/!range->blockable/' mm/hmm.c
	sed -i -e '/struct mm_struct \*mm,$/d' -e '/unsigned long start,$/d' \
		-e 's/unsigned long end,$/const struct mmu_notifier_range *range)/' \
		-e '/int blockable)$/d' -e 's/!blockable/!range->blockable/' \
		drivers/gpu/drm/radeon/radeon_mn.c
	w drivers/misc/sgi-gru/grutlbpurge.c <<'EOF'
// SPDX-License-Identifier: GPL-2.0+
#include "grutables.h"

int gru_flush_range(struct mm_struct *mm, unsigned long start,
		    unsigned long len)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, mm, start, start + len);
	return mmu_notifier_invalidate_range_start(&range);
}
/* GRU: flush a range of the mm */
EOF
	step range_struct 2019-01-01T00:00:00Z
}

step_event_tag() {
	sed -i -e 's/^struct mmu_notifier;$/struct mmu_notifier;\
\
enum mmu_notifier_event {\
	MMU_NOTIFY_UNMAP = 0,\
	MMU_NOTIFY_CLEAR,\
};/' -e 's/^	struct mm_struct \*mm;$/	struct mm_struct *mm;\
	enum mmu_notifier_event event;/' \
		-e 's/^					   struct mm_struct \*mm,$/					   enum mmu_notifier_event event,\
					   struct mm_struct *mm,/' \
		-e 's/^	range->mm = mm;$/	range->event = event;\
	range->mm = mm;/' include/linux/mmu_notifier.h
	core event_tag
	sed -i 's/mmu_notifier_range_init(&range, mm,/mmu_notifier_range_init(\&range, MMU_NOTIFY_CLEAR, mm,/' \
		drivers/misc/sgi-gru/grutlbpurge.c
	step event_tag 2019-01-02T00:00:00Z
}

step_get_put() {
	sed -i 's/^#endif$/struct mmu_notifier *mmu_notifier_get(const struct mmu_notifier_ops *ops,\
				      struct mm_struct *mm);\
\
#endif/' include/linux/mmu_notifier.h
	cat >> mm/mmu_notifier.c <<'EOF'

struct mmu_notifier *mmu_notifier_get(const struct mmu_notifier_ops *ops,
				      struct mm_struct *mm)
{
	if (registered && registered->ops == ops)
		return registered;
	return NULL;
}
EOF
	core get_put
	sed -i 's/^#endif$/struct hmm *hmm_get(struct mm_struct *mm);\
\
#endif/' include/linux/hmm.h
	cat >> mm/hmm.c <<'EOF'

struct hmm *hmm_get(struct mm_struct *mm)
{
	struct mmu_notifier *mn = mmu_notifier_get(&hmm_ops, mm);

	return mn ? (struct hmm *)mn : NULL;
}
EOF
	sed -i 's/^#endif$/struct mmu_notifier *radeon_mn_get(struct mm_struct *mm);\
\
#endif/' drivers/gpu/drm/radeon/radeon.h
	cat >> drivers/gpu/drm/radeon/radeon_mn.c <<'EOF'

struct mmu_notifier *radeon_mn_get(struct mm_struct *mm)
{
	return mmu_notifier_get(&radeon_mn_ops, mm);
}
EOF
	sed -i 's/^#endif$/struct mmu_notifier *gru_mn_get(struct mm_struct *mm,\
				const struct mmu_notifier_ops *ops);\
\
#endif/' drivers/misc/sgi-gru/grutables.h
	cat >> drivers/misc/sgi-gru/grutlbpurge.c <<'EOF'

struct mmu_notifier *gru_mn_get(struct mm_struct *mm,
				const struct mmu_notifier_ops *ops)
{
	return mmu_notifier_get(ops, mm);
}
EOF
	step get_put 2019-01-03T00:00:00Z
}

fixture_convert() {
	git clone -q "$T/linux" "$O/work"
	git -C "$O/work" checkout -q -b mmu-notifier
	cd "$O/work"
	for s in ${1:-range_struct event_tag get_put}; do
		"step_$s"
	done
	cd - >/dev/null
	cat > "$O/probe" <<EOF
tree: $T/linux
version: 4.20.0
callbacks: blockable
range_struct: no
events: no
steps: range_struct event_tag get_put
EOF
	# the rules' records (scripts/lib.sh)
	printf 'range_struct\tdrivers/misc/sgi-gru/grutlbpurge.c\t7\t\treported\t\tnot converted: start call inside a macro\n' > "$O/report/range_struct.records"
	printf 'event_tag\tdrivers/misc/sgi-gru/grutlbpurge.c\t9\tgru_flush_tlb_range\tconverted\tCLEAR,override\tCLEAR (override): pinned in event_tag.overrides: GRU flush is a clear, not an unmap\n' > "$O/report/event_tag.records"
	: > "$O/report/get_put.records"
	for s in range_struct event_tag get_put; do
		(. "$TOP/scripts/lib.sh"; records_text "$O/report/$s.records") > "$O/report/$s.txt"
	done
}

# The project copy's scripts, with TOP pointing at the copy.
run_series() { TOP=$P "$P/scripts/series" "$@"; }
run_gate() { TOP=$P "$P/scripts/gate" "$@"; }
