#!/bin/sh
# The header of every rule is true, as the kernel's scripts/coccinelle rules
# have it: every file of cocci/ (a rule or a part of one) starts with its
# SPDX line; every rule (cocci/RULE.cocci, cocci/core/STEP.cocci) has a
# "///" description, a Confidence and a Copyright line, and one Options
# line that is what scripts/lib.sh gives spatch for it (cocci_cmdline's
# options, Coccinelle's standard.h spelt "standard.h"; coccicheck runs
# that line); it declares "virtual context" or "virtual org" only when a
# rule depends on it, and "virtual report" only when report mode does
# something of its own (a rule depends on report, or the rules that
# change code depend on patch: -D report then only prints).
set -eu
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/scripts/lib.sh"
command -v spatch >/dev/null 2>&1 || { echo "spatch not installed"; exit 77; }
std=$(standard_h)
# rules not yet held to this (none)
pending=

bad=0
no() { echo "$1: $2"; bad=1; }

for f in "$TOP"/cocci/*.cocci "$TOP"/cocci/*/*.cocci; do
	r=${f#"$TOP"/cocci/}
	r=${r%.cocci}
	case " $pending " in *" $r "*) continue ;; esac
	[ "$(head -n 1 "$f")" = "// SPDX-License-Identifier: GPL-2.0-only" ] ||
		no "$r" "the first line is not '// SPDX-License-Identifier: GPL-2.0-only'"
	case $r in */*) case $r in core/*) ;; *) continue ;; esac ;; esac

	# the header: the comment lines before the first declaration or rule
	head=$(awk '/^(virtual |@|#include )/ { exit } { print }' "$f")
	printf '%s\n' "$head" | grep -q '^/// ' || no "$r" "no /// description"
	printf '%s\n' "$head" | grep -q '^// Confidence: ' || no "$r" "no Confidence: line"
	printf '%s\n' "$head" | grep -q '^// Copyright: ' || no "$r" "no Copyright: line"
	[ "$(grep -c 'Options:' "$f")" -eq 1 ] || no "$r" "not one Options: line"
	got=$(printf '%s\n' "$head" | sed -n 's|^// Options: ||p')
	want=$(cocci_cmdline "$r" | sed -e 's/^.*--sp-file [^ ]* //' \
		-e 's/ -D patch --in-place FILES$//' -e "s|<(cat $std |<(cat standard.h |")
	[ "$got" = "$want" ] ||
		no "$r" "Options: '$got', but scripts/lib.sh passes '$want'"

	text=$(rule_text "$r")
	for v in $(printf '%s\n' "$text" | sed -n 's/^virtual \(context\|org\|report\)$/\1/p'); do
		deps="$v"
		[ "$v" != report ] || deps="report|patch"
		printf '%s\n' "$text" | grep -q -E "^@[^@]*depends on[^@]*(^|[^A-Za-z0-9_])($deps)([^A-Za-z0-9_]|\$)" ||
			no "$r" "declares virtual $v, but no rule depends on it"
	done
done
[ "$bad" -eq 0 ] || exit 1
echo ok
