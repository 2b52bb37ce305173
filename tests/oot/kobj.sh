# tests/oot/kobj.sh - sourced by the out-of-tree tests.
#
# kobj TREE: print the path of TREE's build directory for external modules,
# preparing it once (defconfig + KVM, which selects MMU_NOTIFIER, then
# modules_prepare: ~20 s to a minute on 2 cores).  It is kept beside the
# trees in $TREES and reused while TREE's HEAD is the same.  Trees older
# than 5.10 get the host flags gcc 12 needs, every tree the config of the
# gate (build_config).  Logs go to $tmp/kobj-NAME.log.
# kmake OBJ ARG...: make in OBJ's tree, quietly, 2 jobs; without vmlinux
# (modules_prepare only) modpost can only warn about unresolved symbols
kmake() {
	_o=$1
	shift
	nice make -s -j2 -C "$(cat "$_o/.kobj-tree")" O="$_o" HOSTCFLAGS="$(cat "$_o/.kobj-hostcflags")" \
		KBUILD_MODPOST_WARN=1 "$@"
}
kobj() {
	_t=$(cd "$1" && pwd -P)
	_n=$(basename "$_t")-$(printf %s "$_t" | cksum | cut -d' ' -f1)
	_o=${TREES:-${XDG_CACHE_HOME:-$HOME/.cache}/mmu-notifier-series}/obj-$_n
	_s="$(git -C "$_t" rev-parse HEAD) defconfig VIRTUALIZATION KVM build_config"
	if [ "$(cat "$_o/.oot-stamp" 2>/dev/null)" != "$_s" ]; then
		rm -rf "$_o"
		mkdir -p "$_o"
		echo "$_t" > "$_o/.kobj-tree"
		_v=$(make -s -C "$_t" kernelversion 2>/dev/null)
		if [ "$(printf '%s\n5.10\n' "$_v" | sort -V | head -n1)" = 5.10 ]; then
			: > "$_o/.kobj-hostcflags"
		else
			echo "-Wno-error=use-after-free -fcommon" > "$_o/.kobj-hostcflags"
		fi
		{ kmake "$_o" defconfig &&
		  "$_t"/scripts/config --file "$_o/.config" --enable VIRTUALIZATION --enable KVM &&
		  (. "$TOP"/scripts/lib.sh && build_config "$_t" "$_o/.config") &&
		  kmake "$_o" olddefconfig && kmake "$_o" modules_prepare; } > "$tmp/kobj-$_n.log" 2>&1 ||
			{ echo "modules_prepare of $_t in $_o failed:" >&2; tail -20 "$tmp/kobj-$_n.log" >&2; return 1; }
		grep -q '^CONFIG_MMU_NOTIFIER=y' "$_o/.config" ||
			{ echo "$_o/.config: KVM did not select MMU_NOTIFIER" >&2; return 1; }
		echo "$_s" > "$_o/.oot-stamp"
	fi
	echo "$_o"
}
