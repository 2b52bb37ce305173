#!/bin/sh
# Adding a step to the module port is one descriptor and its rule: a copy of
# the tool gains scripts/steps/tidy_young (module_order=9, a plan, the words
# of its change) and cocci/tidy_young.cocci, nothing else is edited, and a
# port of examples/mndemo to Debian's 5.10 runs it after the others: the
# report has its step line, the commit names its rule and words, the code
# has its change.  The tree's series does not see it (no order=): the probe
# lists the same steps as before.
set -u
. "$(dirname "$0")/oot.sh"
top=$tmp/top
mkdir -p "$top"
(cd "$TOP" && tar cf - scripts cocci patches) | (cd "$top" && tar xf -)
cat > "$top/scripts/steps/tidy_young" <<'STEP'
# scripts/steps/tidy_young - a test's step of the module port only.
rule=tidy_young
module_order=9
module_what="the young count added to, not incremented"
module_plan() {
	[ -z "$(fact "$1" nothing)" ] || return 0
	sets clear_young && echo "run ->clear_young counts with atomic_add()"
}
STEP
cat > "$top/cocci/tidy_young.cocci" <<'RULE'
// SPDX-License-Identifier: GPL-2.0
/// tidy_young: a test's rule.
// Options: --no-includes --include-headers
virtual patch

@depends on patch@
expression E;
@@
- atomic_inc(&E->young);
+ atomic_add(1, &E->young);
RULE
TOP=$top "$top"/scripts/module "$TOP/examples/mndemo" "$tree" "$tmp/o" > "$tmp/o.log" 2>&1 ||
	{ fail "the port with the new step failed:"; cat "$tmp/o.log"; }
grep -q '^step tidy_young: run (->clear_young counts with atomic_add())$' "$tmp/o/module.report" ||
	fail "no step line: $(grep '^step' "$tmp/o/module.report")"
[ "$(grep '^step ' "$tmp/o/module.report" | tail -n 1 | cut -d: -f1)" = "step tidy_young" ] ||
	fail "the step did not run last"
grep -q '^  cocci/tidy_young.cocci *the young count added to, not incremented$' "$tmp/o/module.patch" ||
	fail "the commit does not name the step"
grep -q '^+	atomic_add(1, &mmm->young);$' "$tmp/o/module.patch" || fail "the rule's change is not in the patch"
TOP=$top "$top"/scripts/probe "$tree" | grep '^steps:' > "$tmp/steps.new"
"$TOP"/scripts/probe "$tree" | grep '^steps:' > "$tmp/steps.old"
cmp -s "$tmp/steps.new" "$tmp/steps.old" || fail "the series' steps changed: $(cat "$tmp/steps.new")"
[ $rc = 0 ] && echo "a step added with one descriptor and one rule: ran, named, applied"
exit $rc
