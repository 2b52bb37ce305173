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

# git_noconf DIR ARG...: git in DIR, blind to the user's and the system's
# settings (what it writes in a scratch clone is the same for everyone)
git_noconf() {
	GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 git -C "$@"
}

# wrap_text: stdin folded at blanks into lines of at most 72 columns, kernel
# commit message style, with no trailing blanks
wrap_text() {
	fold -s -w 72 | sed 's/ *$//'
}

# spatch_version: "1.1.1", the version of the spatch on PATH (empty when it
# cannot be read)
spatch_version() {
	spatch --version 2>/dev/null | sed -n 's/^spatch version \([0-9.]*\).*/\1/p'
}

# spatch_ok: spatch present and at least the version we support (1.1.1)
SPATCH_MIN=1.1.1
spatch_ok() {
	need spatch coccinelle
	ver=$(spatch_version)
	[ -n "$ver" ] || die "cannot read the version of $(command -v spatch)"
	lowest=$(printf '%s\n%s\n' "$ver" "$SPATCH_MIN" | sort -V | head -n1)
	[ "$lowest" = "$SPATCH_MIN" ] ||
		die "spatch $ver is too old: $SPATCH_MIN or newer is needed"
}

# standard_h: Coccinelle's own builtin macro file, beside spatch
standard_h() {
	_std=$(readlink -f "$(dirname "$(readlink -f "$(command -v spatch)")")/../lib/coccinelle/standard.h")
	[ -f "$_std" ] || die "no standard.h beside spatch (Debian package coccinelle)"
	echo "$_std"
}

# once NAME SUFFIX: stdin written to ${TMPDIR:-/tmp}/mmu-notifier-series-NAME.SUM
# SUFFIX (SUM: its cksum), once for each content; prints that path
once() {
	_in=$(mktemp) && cat > "$_in" || die "cannot write a temporary file"
	_f=${TMPDIR:-/tmp}/mmu-notifier-series-$1.$(cksum < "$_in" | cut -d" " -f1)$2
	if [ -f "$_f" ]; then rm -f "$_in"; else mv "$_in" "$_f"; fi
	echo "$_f"
}

# builtins: standard.h with cocci/builtins.h after it, one file for spatch's
# --macro-file-builtins (which takes one file and replaces standard.h)
builtins() {
	cat "$(standard_h)" "$TOP/cocci/builtins.h" | once builtins .h
}

# helper NAME: scripts/NAME.c compiled for this machine, once for each
# content (the compiler is $HOSTCC, default cc)
helper() {
	_c=$TOP/scripts/$1.c
	_b=${TMPDIR:-/tmp}/mmu-notifier-series-$1.$(cksum < "$_c" | cut -d" " -f1)
	if [ ! -x "$_b" ]; then
		[ -n "${HOSTCC:-}" ] || need cc gcc
		# shellcheck disable=SC2086
		${HOSTCC:-cc} -O2 -Wall -o "$_b.$$" "$_c" && mv "$_b.$$" "$_b" ||
			die "cannot compile $_c"
	fi
	echo "$_b"
}

# rule_text RULE: cocci/RULE.cocci as spatch is given it, each line
# '#include "PART"' replaced by cocci/PART (a rule in parts: spatch 1.1.1
# looks an #include up from its working directory, and an included file
# sees no rule of another, so the parts are pieces of one file)
rule_text() {
	awk -v dir="$TOP/cocci" '
	function inline(f,   l) {
		if ((getline l < f) <= 0) {
			print "no part " f > "/dev/stderr"
			exit 1
		}
		do {
			if (l ~ /^#include "[^"]+"$/)
				inline(dir "/" substr(l, 11, length(l) - 11))
			else
				print l
		} while ((getline l < f) > 0)
		close(f)
	}
	BEGIN { inline(dir "/" ARGV[1] ".cocci") }' "$1"
}

# in_parts RULE: cocci/RULE.cocci is a rule in parts
in_parts() {
	grep -q '^#include "' "$TOP/cocci/$1.cocci"
}

# rule_file RULE: the file spatch reads: cocci/RULE.cocci, or for a rule in
# parts its rule_text, written once
rule_file() {
	in_parts "$1" || { echo "$TOP/cocci/$1.cocci"; return 0; }
	_t=$(rule_text "$1") || die "cocci/$1.cocci: a part is missing"
	printf '%s\n' "$_t" | once "$(echo "$1" | tr / -)" .cocci
}

# cocci_spatch RULE ARG...: run spatch on cocci/RULE.cocci the way every
# script does; a rule with its own cocci/RULE.iso uses those isomorphisms
# instead of Coccinelle's standard.iso (spatch expands every isomorphism of
# the set for every rule at each start)
cocci_spatch() {
	_r=$1
	shift
	[ ! -f "$TOP/cocci/$_r.iso" ] || set -- --iso-file "$TOP/cocci/$_r.iso" "$@"
	_sp=$(rule_file "$_r") || exit 1
	run spatch --sp-file "$_sp" --macro-file-builtins "$(builtins)" \
		--macro-file "$TOP/cocci/macros.h" \
		--no-includes --include-headers "$@"
}

# cocci_cmdline RULE: that command as a commit message records it
cocci_cmdline() {
	if in_parts "$1"; then
		printf 'scripts/rule %s > %s.cocci && spatch --sp-file %s.cocci' "$1" "$1" "$1"
	else
		printf 'spatch --sp-file cocci/%s.cocci' "$1"
	fi
	[ ! -f "$TOP/cocci/$1.iso" ] || printf ' --iso-file cocci/%s.iso' "$1"
	printf ' --macro-file-builtins <(cat %s cocci/builtins.h)' "$(standard_h)"
	printf ' --macro-file cocci/macros.h --no-includes --include-headers -D patch --in-place FILES\n'
}

# The scratch clone of a clean git tree is sparse (scripts/worktree): it
# holds only the files the steps read or change, added as they are needed,
# and the rest of the tree when a build needs it.
#
# is_sparse WORK: WORK's checkout is sparse
is_sparse() {
	[ "$(git -C "$1" config --bool core.sparseCheckout)" = true ]
}

# checkout_paths WORK PATH...: add PATHs (files, existing or to be created)
# to WORK's checkout; nothing to do in a full checkout, nor for the paths
# already there (each "sparse-checkout add" matches every pattern against
# every file of the index: seconds on a kernel tree)
checkout_paths() {
	_w=$1
	shift
	is_sparse "$_w" || return 0
	for _p; do [ -e "$_w/$_p" ] || printf '/%s\n' "$_p"; done > "$_w/.git/mmu-notifier-paths"
	[ ! -s "$_w/.git/mmu-notifier-paths" ] ||
		git -C "$_w" sparse-checkout add --stdin < "$_w/.git/mmu-notifier-paths"
	rm -f "$_w/.git/mmu-notifier-paths"
}

# checkout_all WORK: the whole tree in WORK's checkout (a build needs it)
checkout_all() {
	is_sparse "$1" || return 0
	msg CHECKOUT "$1: the whole tree"
	git -C "$1" sparse-checkout disable
}

# uncommitted TREE: the changes to TREE's tracked files, one a line (empty
# when clean); --no-optional-locks: only read TREE, never refresh its index
uncommitted() {
	git -C "$1" --no-optional-locks status --porcelain --untracked-files=no
}

# Steps.  Each step's knowledge is in its descriptor scripts/steps/STEP
# (sourced): its order, the probe facts of its API, its plan, candidates,
# core change, rule, what runs after it and the words of its patches.
#
# all_steps: every step of the series (order=), in its order
all_steps() { steps_by order; }

# module_steps: every step of a module port (module_order=, scripts/module),
# in its order: the series' steps and those of modules only
module_steps() { steps_by module_order; }

# steps_by KEY: the descriptors setting KEY=N, by N
steps_by() {
	for _f in "$TOP"/scripts/steps/*; do
		_n=$(sed -n "s/^$1=//p" "$_f")
		[ -z "$_n" ] || printf '%s %s\n' "$_n" "${_f##*/}"
	done | sort -n | cut -d' ' -f2
}

# step_load STEP: STEP's descriptor in this shell (a subshell keeps two
# descriptors apart)
step_load() {
	[ -f "$TOP/scripts/steps/$1" ] || die "no step '$1' (scripts/steps/)"
	. "$TOP/scripts/steps/$1"
}

# The files a core change rewrites, every step alike.
CORE_FILES="include/linux/mmu_notifier.h mm/mmu_notifier.c"

# core_files PROBE: those, and the headers of a vendor's compatibility layer
# that defines a range of its own (PROBE's backport:), which gives way to
# the core's
core_files() {
	echo $CORE_FILES $(sed -n 's/^backport: //p' "$1" | sed 's/^no$//')
}

# facts_hold PROBE FACT...: every FACT ("key=value", "key!=value") holds in
# the probe output PROBE; the first that does not is printed
facts_hold() {
	_p=$1
	shift
	for _x; do
		case $_x in
		*!=*)	_k=${_x%%!=*} _v=${_x#*!=}
			[ "$(sed -n "s/^$_k: //p" "$_p")" != "$_v" ] || { echo "$_k: $_v"; return 1; } ;;
		*)	_k=${_x%%=*} _v=${_x#*=}
			_got=$(sed -n "s/^$_k: //p" "$_p")
			[ "$_got" = "$_v" ] || { echo "$_k: $_got"; return 1; } ;;
		esac
	done
}

# progress TAG LOG CMD...: run CMD with its output in LOG and, while it runs,
# a progress line every PROGRESS seconds (default 30): how many objects
# kbuild has compiled so far and the last one (kbuild's "  CC  file" lines)
progress() {
	_tag=$1 _log=$2
	shift 2
	"$@" > "$_log" 2>&1 &
	_pid=$!
	_n=0
	while kill -0 "$_pid" 2>/dev/null; do
		sleep 1
		_n=$((_n + 1))
		[ $((_n % ${PROGRESS:-30})) -eq 0 ] || continue
		msg "$_tag" "$(grep -c '^  CC ' "$_log") objects compiled, ${_n} s, last: $(grep '^  CC ' "$_log" | tail -n 1 | awk '{ print $NF }')"
	done
	wait "$_pid"
}

# build_config TREE CONFIG: switch off in CONFIG what an old tree cannot
# build with today's host tools and gcc (objtool, selinux's host program,
# plugins) or what only slows a check build, and RHEL's kABI size
# checks (a debug config makes the structs they check larger: RHEL 8.3's
# sched.h stops allmodconfig); used by the gate and by the
# out-of-tree tests.  The caller runs olddefconfig next.
build_config() {
	[ -x "$1/scripts/config" ] || return 0
	run "$1/scripts/config" --file "$2" \
		--disable SECURITY_SELINUX --disable RETPOLINE \
		--disable STACK_VALIDATION --disable UNWINDER_ORC \
		--enable UNWINDER_FRAME_POINTER --disable KASAN --disable UBSAN \
		--disable KCOV --disable GCOV_KERNEL --disable GCC_PLUGINS \
		--disable DEBUG_INFO --disable MODULE_SIG --disable WERROR \
		--disable RH_KABI_SIZE_ALIGN_CHECKS
}

# diff_has DIFF SIGN ERE: the unified diff in the file DIFF adds (SIGN +)
# or removes (SIGN -) a line matching ERE; false when DIFF is empty or no
# file (the words of a patch say what its diff does: scripts/steps/*)
diff_has() {
	[ -n "$1" ] && [ -f "$1" ] || return 1
	DIFF_SIGN=$2 DIFF_ERE=$3 awk '
	/^(\+\+\+|---) / { next }
	substr($0, 1, 1) == ENVIRON["DIFF_SIGN"] && substr($0, 2) ~ ENVIRON["DIFF_ERE"] { f = 1; exit }
	END { exit !f }' "$1"
}

# Records: what the rules and stages found, one site a line, seven fields
# separated by a tab (cocci/lib/record.cocci prints the last six, scripts/cocci
# puts the step in front):
#	STEP FILE LINE WHAT STATUS CODES TEXT
# STATUS is converted, reported, left or skipped; CODES a list joined by
# ",".  The one reader of them, every consumer alike:
#   records FILE [KEY=VALUE ...]          the records of FILE ("-": stdin)
#                                         matching every KEY=VALUE (KEY!=VALUE:
#                                         not matching it): KEY a
#                                         field (step file line what status
#                                         text), code=C (C among its codes),
#                                         files=LIST (its file a line of LIST)
#   records_field "FIELD..." FILE [KEY=VALUE ...]   fields of those, joined by
#                                         a tab; a FIELD code=KEY is the value
#                                         of its code KEY=VALUE
#   records_text FILE [KEY=VALUE ...]     those as people read them,
#                                         "FILE:LINE: WHAT: TEXT" without the
#                                         parts that are empty; a line of FILE
#                                         that is not a record comes out as it
#                                         is when no KEY=VALUE is given
records() { records_awk record "$@"; }
records_field() { _rf=$1; shift; records_awk "$_rf" "$@"; }
records_text() { records_awk text "$@"; }
records_awk() {
	_out=$1 _in=$2
	shift 2
	[ "$_in" = - ] || [ -f "$_in" ] || return 0
	_want=
	for _kv; do _want="$_want$_kv
"; done
	awk -F'\t' -v out="$_out" -v want="$_want" '
	BEGIN {
		split("step file line what status codes text", name, " ")
		for (i = 1; i <= 7; i++) col[name[i]] = i
		# records_field: fields, or the value of a code KEY=VALUE (code=KEY)
		nf = 0
		if (out != "record" && out != "text" && out != "keyed") {
			nf = split(out, of, " ")
			for (i = 1; i <= nf; i++)
				if (!(of[i] in col) && of[i] !~ /^code=./) {
					print "records: no field " of[i] > "/dev/stderr"; exit 2
				}
		}
		n = split(want, kv, "\n"); if (n > 0) n--
		for (i = 1; i <= n; i++) {
			k = kv[i]; v = k
			sub(/!?=.*/, "", k); sub(/^[^=]*=/, "", v)
			not[i] = kv[i] ~ /^[a-z]*!=/
			if (k == "files") {
				while ((getline l < v) > 0) listed[l] = 1
				close(v)
			} else if (k != "code" && !(k in col)) {
				print "records: no key " k > "/dev/stderr"; exit 2
			}
			key[i] = k; val[i] = v
		}
	}
	NF != 7 {
		if (out == "text" && n == 0) print
		else if (out == "keyed") print $0 "\t" $0
		next
	}
	{
		for (i = 1; i <= n; i++) {
			if (key[i] == "files") { if (($2 in listed) == not[i]) next }
			else if (key[i] == "code") {
				if ((index("," $6 ",", "," val[i] ",") > 0) == not[i]) next
			} else if (($col[key[i]] == val[i]) == not[i]) next
		}
		t = ($2 == "" ? "" : $2 ($3 == "" ? "" : ":" $3) ": ") \
		    ($4 == "" ? "" : $4 ": ") $7
		# an old-API site the coverage found (scripts/coverage), as ever
		if ($5 == "left" && index("," $6 ",", ",old-api,")) t = "left: " t
		if (out == "record") print
		else if (out == "text") print t
		else if (out == "keyed") print t "\t" $0
		else {
			l = ""
			for (i = 1; i <= nf; i++) {
				v = ""
				if (of[i] in col) v = $col[of[i]]
				else {
					m = split($6, c, ",")
					for (j = 1; j <= m; j++)
						if (index(c[j], substr(of[i], 6) "=") == 1)
							v = substr(c[j], length(of[i]) - 3)
				}
				l = l (i > 1 ? "\t" : "") v
			}
			print l
		}
	}' "$_in"
}

# records_sort FILE: FILE's lines in the order of their text (records_text),
# each once
records_sort() {
	records_awk keyed "$1" | LC_ALL=C sort -u | cut -f2-
}

# rule_words RULE SECTION: the words of a section of cocci/RULE.cocci's
# "///" header, the lines after its line "/// -- SECTION: ... --" (or
# "/// -- SECTION --") up to the next such line or the header's end,
# without their "/// " and without blank lines at the end (the words of
# the commits, in one place: the rule's header)
rule_words() {
	awk -v s="$2" '
	/^\/\/\/ -- / { on = ($3 == s || $3 == s ":"); next }
	!/^\/\/\// { on = 0 }
	on { l = substr($0, 4); sub(/^ /, "", l); t[++n] = l }
	END { while (n > 0 && t[n] == "") n--; for (i = 1; i <= n; i++) print t[i] }' "$TOP/cocci/$1.cocci"
}

# Facts, read as data.
# fact FACTS KEY: the value of KEY in FACTS, a file of "key: value" lines
# (scripts/probe's answer, which a step's plan is given; the module port's
# facts, which its module_* are given): its first line for KEY, nothing
# when FACTS has none
fact() {
	awk -v k="$2: " 'index($0, k) == 1 { print substr($0, length(k) + 1); exit }' "$1"
}
