# tests/oot/oot.sh - sourced by tests/oot/module.t and compat.t: Debian's
# 5.10 ($tree), the tools a module port and build need, $tmp, fail (sets
# rc=1), state and kbuild.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
unset MAKEFLAGS MFLAGS MAKELEVEL KBUILD_OUTPUT COMPAT
tree=$("$TOP"/scripts/provision linux-5.10 2>/dev/null) || { echo "no linux-5.10 tree (make setup)"; exit 77; }
for t in gcc make bison flex bc spatch; do
	command -v $t >/dev/null || { echo "no $t (make setup)"; exit 77; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rc=0
fail() { echo "FAIL: $*"; rc=1; }
# state DIR: contents, names, modes and times of everything under DIR
state() { (cd "$1" && find . -type f -exec sha256sum {} + | LC_ALL=C sort &&
	find . -printf '%p %m %T@\n' | LC_ALL=C sort) | sha256sum; }
# kbuild NAME DIR KOBJ: DIR copied to $tmp/NAME and built there as an
# external module in the kernel build directory KOBJ (scripts/kobj); the
# log in $tmp/NAME.log
kbuild() {
	rm -rf "${tmp:?}/$1"
	(cd "$2" && tar cf - --exclude=.git --exclude='*.o' --exclude='.*.cmd' .) |
		(mkdir -p "$tmp/$1" && cd "$tmp/$1" && tar xf -)
	"$TOP"/scripts/kobj -m "$3" M="$tmp/$1" modules > "$tmp/$1.log" 2>&1
}
