#!/bin/sh
# scripts/provision on a fake linux-source tarball (SRCDIR, TREES in a temp
# dir): missing package, two provisions of one tree at once (the second waits
# and both print the same tree, unpacked once), and an unpack killed half way
# (nothing left; the next one works).
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/probe/fixtures.sh"
fixture_tmp
fail=0
export SRCDIR=$TMP/src TREES=$TMP/trees QUIET=0

echo "== no tarball"
mkdir -p "$SRCDIR"
"$TOP"/scripts/provision linux-6.12 >"$TMP/out" 2>"$TMP/err"
rc=$?
echo "  stderr: $(cat "$TMP/err")"
[ $rc -ne 0 ] || bad "no tarball: exit 0"
grep -q "linux-source-6.12.tar.xz missing: run 'make setup' (package linux-source-6.12)" "$TMP/err" ||
	bad "no tarball: message"
echo "provision, package missing | $rc | $(cat "$TMP/err")"

fixture_tree "$TMP/linux-source-6.12" v6.6 3
tar -C "$TMP" -cJf "$SRCDIR/linux-source-6.12.tar.xz" linux-source-6.12
# a tar that says it started ($MARK) and takes 2 s
mkdir -p "$TMP/slow"
cat >"$TMP/slow/tar" <<SH
#!/bin/sh
: >"\$MARK"
sleep 2
exec $(command -v tar) "\$@"
SH
chmod +x "$TMP/slow/tar"
export MARK=$TMP/mark

# clean: no scratch copy, no lock left in $TREES
clean() {
	set -- "$TREES"/*.tmp.* "$TREES"/*.lock
	for f; do [ -e "$f" ] && bad "left behind: $f"; done
	return 0
}

echo "== an unpack killed half way"
PATH=$TMP/slow:$PATH "$TOP"/scripts/provision linux-6.12 >"$TMP/out" 2>"$TMP/err" &
pid=$!
i=0
while [ ! -e "$MARK" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
kill -TERM $pid
wait $pid
rc=$?
echo "  exit status $rc"
[ $rc -ne 0 ] || bad "killed: exit 0"
[ -e "$TREES/linux-6.12" ] && bad "killed: the tree exists"
clean

echo "== two at once"
rm -f "$MARK"
PATH=$TMP/slow:$PATH "$TOP"/scripts/provision linux-6.12 >"$TMP/out1" 2>"$TMP/err1" &
pid=$!
i=0
while [ ! -e "$MARK" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
"$TOP"/scripts/provision linux-6.12 >"$TMP/out2" 2>"$TMP/err2"
rc=$?
wait $pid || bad "the first provision failed: $(cat "$TMP/err1")"
sed 's/^/  first: /' "$TMP/err1"
sed 's/^/  second: /' "$TMP/err2"
[ $rc -eq 0 ] || bad "the second provision failed"
for n in 1 2; do
	[ "$(cat "$TMP/out$n")" = "$TREES/linux-6.12" ] || bad "run $n printed '$(cat "$TMP/out$n")'"
done
[ "$(cat "$TMP/err1" "$TMP/err2" | grep -c UNPACK)" = 1 ] ||
	bad "not unpacked exactly once"
grep -q "WAIT" "$TMP/err2" || bad "the second run did not wait for the first"
[ "$(git -C "$TREES/linux-6.12" rev-list --count HEAD 2>&1)" = 1 ] || bad "not one base commit"
diff -r -x .git "$TMP/linux-source-6.12" "$TREES/linux-6.12" || bad "the tree is not the tarball's"
[ -z "$(git -C "$TREES/linux-6.12" status --porcelain 2>&1)" ] || bad "the tree is not clean"
clean
exit $fail
