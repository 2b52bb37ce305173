# scripts/lib.sh - helpers shared by the scripts in scripts/ (sourced, POSIX sh)

prog=${0##*/}
TOP=${TOP:-$(cd "$(dirname "$0")/.." && pwd)}

die() {
	printf '%s: error: %s\n' "$prog" "$*" >&2
	exit 1
}

warn() {
	printf '%s: warning: %s\n' "$prog" "$*" >&2
}

# msg TAG TEXT: kbuild-style progress line, silenced by QUIET=1
msg() {
	[ "${QUIET:-0}" = 1 ] || printf '  %-9s %s\n' "$1" "$2" >&2
}

# run CMD...: run a command, echoing it first when V=1
run() {
	[ "${V:-0}" = 1 ] && printf '%s\n' "$*" >&2
	"$@"
}

# need TOOL PACKAGE: stop unless TOOL is on PATH
need() {
	command -v "$1" >/dev/null 2>&1 ||
		die "'$1' not found (Debian package $2): run 'make setup'"
}

# is_kernel_tree DIR: a Linux source tree with the mm core we work on
is_kernel_tree() {
	[ -f "$1/Makefile" ] && [ -f "$1/include/linux/mm.h" ] &&
		[ -d "$1/mm" ] && grep -q '^PATCHLEVEL' "$1/Makefile"
}

# kernel_version DIR: "4.20.0" from the top Makefile
kernel_version() {
	awk -F' *= *' '$1=="VERSION"{v=$2} $1=="PATCHLEVEL"{p=$2}
		$1=="SUBLEVEL"{s=$2} END{printf "%s.%s.%s\n", v, p, s}' "$1/Makefile"
}

# spatch_ok: spatch present and at least the version we support (1.1.1)
SPATCH_MIN=1.1.1
spatch_ok() {
	need spatch coccinelle
	ver=$(spatch --version 2>/dev/null | sed -n 's/^spatch version \([0-9.]*\).*/\1/p')
	[ -n "$ver" ] || die "cannot read the version of $(command -v spatch)"
	lowest=$(printf '%s\n%s\n' "$ver" "$SPATCH_MIN" | sort -V | head -n1)
	[ "$lowest" = "$SPATCH_MIN" ] ||
		die "spatch $ver is too old: $SPATCH_MIN or newer is needed"
}
