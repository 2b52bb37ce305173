#!/bin/sh
# scripts/split: the most specific MAINTAINERS section per file (deepest
# pattern, globs at their own depth, X: excludes, never "THE REST", path
# fallback); scripts/subject's path prefixes on a tree without history.
set -eu
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cat > "$T/MAINTAINERS" <<'EOF2'
Header text
	F: Files and directories (not a section)

DRM DRIVERS
M:	Drm <drm@example.org>
F:	drivers/gpu/drm/
X:	drivers/gpu/drm/i915/

HMM
F:	mm/hmm*
F:	include/linux/hmm*

MEMORY MANAGEMENT
F:	mm/

RADEON
F:	drivers/gpu/drm/radeon

THE REST
F:	*
F:	*/
EOF2
"$TOP"/scripts/split "$T" mm/hmm.c mm/memory.c include/linux/hmm.h mm/sub/hmm.c \
	drivers/gpu/drm/radeon/radeon_mn.c drivers/gpu/drm/drm_mm.c \
	drivers/gpu/drm/i915/i915_gem_userptr.c fs/proc/task_mmu.c > "$T/got"
cat > "$T/exp" <<'EOF2'
HMM	mm/hmm.c
MEMORY MANAGEMENT	mm/memory.c
HMM	include/linux/hmm.h
MEMORY MANAGEMENT	mm/sub/hmm.c
RADEON	drivers/gpu/drm/radeon/radeon_mn.c
DRM DRIVERS	drivers/gpu/drm/drm_mm.c
drivers/gpu	drivers/gpu/drm/i915/i915_gem_userptr.c
fs/proc	fs/proc/task_mmu.c
EOF2
diff -u "$T/exp" "$T/got" || fail "scripts/split"

git -C "$T" init -q
git -C "$T" -c user.name=x -c user.email=x@y commit -q --allow-empty -m "root: not counted"
for f in mm/hmm.c drivers/gpu/drm/radeon/radeon_mn.c drivers/misc/sgi-gru/grufile.c \
	drivers/infiniband/hw/hfi1/mmu_rb.c virt/kvm/kvm_main.c arch/x86/kvm/mmu.c \
	fs/proc/task_mmu.c include/rdma/ib_umem_odp.h; do
	echo "$f $("$TOP"/scripts/subject "$T" HEAD "$f")"
done > "$T/got"
cat > "$T/exp" <<'EOF2'
mm/hmm.c mm/hmm
drivers/gpu/drm/radeon/radeon_mn.c drm/radeon
drivers/misc/sgi-gru/grufile.c misc/sgi-gru
drivers/infiniband/hw/hfi1/mmu_rb.c infiniband/hfi1
virt/kvm/kvm_main.c kvm/kvm_main
arch/x86/kvm/mmu.c x86/kvm
fs/proc/task_mmu.c fs/proc
include/rdma/ib_umem_odp.h rdma
EOF2
diff -u "$T/exp" "$T/got" || fail "scripts/subject path prefixes"
# .c files outvote headers
[ "$("$TOP"/scripts/subject "$T" HEAD include/rdma/ib_umem_odp.h drivers/infiniband/core/umem_odp.c)" = infiniband/core ] ||
	fail "scripts/subject: a .c file should decide over a header"
echo ok
