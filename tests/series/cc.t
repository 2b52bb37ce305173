#!/bin/sh
# scripts/series and the tree's get_maintainer.pl: every patch gets its Cc
# lines from it; when it fails with git history (an exit status, or "Bad
# divisor" as on a tree of one commit, which a copied plain directory is)
# or names nobody that way, it is asked again with --no-git; when it
# names nobody at all, or the tree has none, the series is an error that
# names the patch, and no series is left behind.
. "$(dirname "$0")/fixture.sh"
command -v perl >/dev/null || { echo "perl not installed"; exit 77; }

fixture_init
fixture_tree
fixture_convert "range_struct event_tag"
out=$T/out

# gm PERL: the scratch clone's get_maintainer.pl becomes a stand-in ($git:
# asked without --no-git)
gm() { fixture_get_maintainer "$O/work"; }

# series_ok NAME: the series is written and each patch Cc's the stand-in's
# maintainer only
series_ok() {
	rm -rf "$out"
	GATE=0 run_series "$O" "$out" > "$T/log" 2>&1 || { cat "$T/log"; fail "$1: series failed"; }
	for p in "$out"/000[12]-*.patch; do
		grep -q '^Cc: No Git <nogit@example.org>$' "$p" || fail "$1: $(basename "$p") not Cc'd"
		! grep -q '^Cc: With Git' "$p" || fail "$1: $(basename "$p") Cc's what git mode said"
		! grep -q '^Cc: .*@localhost>' "$p" || fail "$1: $(basename "$p") Cc's the scratch clone"
	done
}

# series_fails NAME: the series stops, naming patch 1, and leaves no patch
series_fails() {
	rm -rf "$out"; mkdir -p "$out"
	echo stale > "$out/0001-stale.patch"
	if GATE=0 run_series "$O" "$out" > "$T/log" 2>&1; then
		fail "$1: a series without recipients was written"
	fi
	grep -q 'patch 1 (mm/mmu_notifier: use structure for invalidate_range_start/end)' "$T/log" ||
		{ cat "$T/log"; fail "$1: the error does not name the patch"; }
	! ls "$out"/[0-9]*.patch >/dev/null 2>&1 || fail "$1: patches left in $out"
}

# git history gives "Bad divisor" (and a name): not used
gm <<'EOF2'
if ($git) {
	print STDERR "Bad divisor in main::vcs_assign: 0\n";
	print "With Git <git\@example.org>\n";
} else {
	print "No Git <nogit\@example.org>\n";
}
EOF2
series_ok "Bad divisor"

# git mode dies
gm <<'EOF2'
die "git mode\n" if $git;
print "No Git <nogit\@example.org>\n";
EOF2
series_ok "git mode dies"

# git mode names nobody (or only the scratch clone's identities)
gm <<'EOF2'
if ($git) {
	print "base <base\@localhost>\n";
} else {
	print "No Git <nogit\@example.org>\n";
}
EOF2
series_ok "git mode names nobody"

# nobody, either way
gm <<'EOF2'
print "";
EOF2
series_fails "nobody named"

# dies either way
gm <<'EOF2'
die "Bad divisor in main::vcs_assign: 0\n";
EOF2
series_fails "dies"

# no get_maintainer.pl at all
rm "$O/work/scripts/get_maintainer.pl"
series_fails "no get_maintainer.pl"
grep -q 'no scripts/get_maintainer.pl' "$T/log" || fail "no get_maintainer.pl: not said"
exit 0
