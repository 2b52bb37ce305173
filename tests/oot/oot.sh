# tests/oot/oot.sh - sourced by tests/oot/module.t and compat.t: Debian's
# 5.10 ($tree), the tools a module port and build need, $tmp, fail (sets
# rc=1) and state.
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
