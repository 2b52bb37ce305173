# tests/gate/gate.sh - sourced by tests/gate/*.t: the fixture series
# (tests/series/fixture.sh) and bad patches added on top of it.
. "$(dirname "$0")/../series/fixture.sh"
command -v perl >/dev/null || { echo "perl not installed"; exit 77; }
command -v sparse >/dev/null || { echo "sparse not installed"; exit 77; }
command -v gcc >/dev/null || { echo "gcc not installed"; exit 77; }

fixture_init
fixture_tree
fixture_convert
GATE=0 run_series "$O" "$T/out" >/dev/null || fail "series"
good=$(git -C "$O/work" rev-parse mmu-notifier-series)

# bad FILE SED-SCRIPT SUBJECT: the good series plus one patch editing FILE
bad() {
	git -C "$O/work" checkout -q -f --detach "$good"
	sed -i "$2" "$O/work/$1"
	commit_on_series "$3" "A fixture patch the gate must reject."
}

# commit_on_series SUBJECT BODY: commit the work tree on top of the detached
# series head, make that the series, and go back to the converted branch
commit_on_series() {
	git -C "$O/work" -c user.name="Fixture Tester" -c user.email=tester@example.org \
		commit -q -a -m "$1" -m "$2" \
		-m "Signed-off-by: Fixture Tester <tester@example.org>"
	git -C "$O/work" branch -q -f mmu-notifier-series HEAD
	git -C "$O/work" checkout -q -f mmu-notifier
}

# expect_fail GATE: the gate fails on patch 7/7, naming GATE and no other
expect_fail() {
	if run_gate "$O" 2> "$T/err"; then
		fail "gate passed a patch that breaks $1"
	fi
	grep -q "^gate: FAIL patch 7/7 (.*): $1: " "$T/err" || { cat "$T/err"; fail "the $1 failure is not named"; }
	n=$(grep -c '^gate: FAIL' "$T/err")
	[ "$n" -eq 1 ] || { cat "$T/err"; fail "$n failures for one bad patch"; }
	[ "$(git -C "$O/work" symbolic-ref --short HEAD)" = mmu-notifier ] ||
		fail "the gate did not put O/work back on mmu-notifier"
}
