#!/bin/sh
# scripts/subject on a tree without history: the get_put patches of
# amdkfd and amdgpu are titled the way their history names them
# ("drm/amdkfd: ...", not "drm/amd: ..."); amd's other directories keep
# the amd level (drm/amd/display), and other drm drivers are unchanged.
set -eu
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
git -C "$T" init -q
git -C "$T" -c user.name=x -c user.email=x@y commit -q --allow-empty -m "root: not counted"
for f in drivers/gpu/drm/amd/amdkfd/kfd_process.c drivers/gpu/drm/amd/amdgpu/amdgpu_mn.c \
	drivers/gpu/drm/amd/display/dc/core/dc.c drivers/gpu/drm/radeon/radeon_mn.c \
	drivers/gpu/drm/drm_mm.c; do
	echo "$f $("$TOP"/scripts/subject "$T" HEAD "$f")"
done > "$T/got"
cat > "$T/exp" <<'EOF2'
drivers/gpu/drm/amd/amdkfd/kfd_process.c drm/amdkfd
drivers/gpu/drm/amd/amdgpu/amdgpu_mn.c drm/amdgpu
drivers/gpu/drm/amd/display/dc/core/dc.c drm/amd/display
drivers/gpu/drm/radeon/radeon_mn.c drm/radeon
drivers/gpu/drm/drm_mm.c drm/drm_mm
EOF2
diff -u "$T/exp" "$T/got" || { echo "scripts/subject path prefixes"; exit 1; }
# the amdkfd patch: kfd_priv.h does not outvote the .c files
p=$("$TOP"/scripts/subject "$T" HEAD drivers/gpu/drm/amd/amdkfd/kfd_module.c \
	drivers/gpu/drm/amd/amdkfd/kfd_priv.h drivers/gpu/drm/amd/amdkfd/kfd_process.c)
[ "$p" = drm/amdkfd ] || { echo "amdkfd patch: $p"; exit 1; }
