#!/bin/sh
# Bad input: each case stops with a clear message on stderr and a non-zero
# exit (or, where the input is acceptable, does its job), and the user's tree
# is byte-for-byte what it was before (files hashed, git HEAD/index/status).
#   make probe on a non-kernel dir / a missing dir, a dirty git tree (refused;
#   ALLOW_DIRTY=1 warns and clones it whole), a tree that moved to another
#   commit after its sparse clone (the prefilter stops), a plain directory,
#   spatch missing, spatch too old or unreadable, sparse missing for the
#   gate, scripts/worktree interrupted by Ctrl-C, kill and kill -9, and two
#   scripts/worktree at once on one O.
# Prints the table "case | exit | message" at the end (the whole pipeline:
# tests/safety/pipeline.t; unparsable code: tests/safety/unparsable.t).
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/probe/fixtures.sh"
fixture_tmp
fail=0

# row CASE: a line of the table printed at the end, from $rc and $TMP/err
row() {
	m=$(grep -E '^[a-z]+: (error|warning): ' "$TMP/err" | head -n1)
	[ -n "$m" ] || m=$(head -n1 "$TMP/err")
	printf '%s | %s | %s\n' "$1" "$rc" "$m" >>"$TMP/table"
}

# refused NAME TEXT...: the last command ($rc, $TMP/err) failed with a message
# holding every TEXT
refused() {
	name=$1
	shift
	row "$name"
	echo "  stderr: $(sed '2,$s/^/          /' "$TMP/err")"
	[ "$rc" -ne 0 ] || bad "$name: exit status 0"
	for text; do
		grep -Fq -- "$text" "$TMP/err" || bad "$name: the message does not say '$text'"
	done
}

# snap DIR: record DIR's state in $TMP/before; same DIR: compare with it
snap() {
	{ tree_hash "$1"; [ -d "$1/.git" ] && git_state "$1"; } >"$TMP/before" 2>&1
}
same() {
	{ tree_hash "$1"; [ -d "$1/.git" ] && git_state "$1"; } >"$TMP/after" 2>&1
	if cmp -s "$TMP/before" "$TMP/after"; then
		echo "  ok: $1 unchanged"
	else
		bad "$1 changed:"; diff "$TMP/before" "$TMP/after" | sed 's/^/    /'
	fi
}

# no_leftovers DEST: no DEST.tmp.* scratch directory was left behind
no_leftovers() {
	set -- "$1".tmp.*
	[ -e "$1" ] && bad "left behind: $*"
	return 0
}

echo "== make probe KERNEL=<a directory that is not a kernel>"
mkdir -p "$TMP/notakernel/src"
printf 'all:\n\techo hello\n' >"$TMP/notakernel/Makefile"
echo 'int main(void) { return 0; }' >"$TMP/notakernel/src/main.c"
snap "$TMP/notakernel"
make -s -C "$TOP" probe KERNEL="$TMP/notakernel" O="$TMP/o" >/dev/null 2>"$TMP/err"
rc=$?
refused "not a kernel tree (make probe)" "is not a Linux kernel tree" "$TMP/notakernel"
same "$TMP/notakernel"

echo "== make probe KERNEL=<a missing directory>"
make -s -C "$TOP" probe KERNEL="$TMP/nonexistent" O="$TMP/o" >/dev/null 2>"$TMP/err"
rc=$?
refused "missing directory (make probe)" "no such directory" "$TMP/nonexistent"
[ -e "$TMP/nonexistent" ] && bad "$TMP/nonexistent was created"

echo "== scripts/probe on a tree without mm/"
fixture_tree "$TMP/nomm" v4.19
rm -r "$TMP/nomm/mm"
snap "$TMP/nomm"
"$TOP"/scripts/probe "$TMP/nomm" >/dev/null 2>"$TMP/err"
rc=$?
refused "kernel-like tree without mm/ (scripts/probe)" "is not a Linux kernel tree"
same "$TMP/nomm"

# A git fixture tree with uncommitted changes: $1 = worktree (a tracked file
# edited) or index (a change staged); an untracked file in both.
for kind in worktree index; do
	echo "== scripts/worktree on a git tree with changes in its $kind"
	tree=$TMP/dirty-$kind dest=$TMP/dest-$kind
	fixture_tree "$tree" v4.19
	git -C "$tree" init -q
	commit_all "$tree" base
	echo '/* local change */' >>"$tree/mm/mmu_notifier.c"
	[ $kind = index ] && git -C "$tree" add mm/mmu_notifier.c
	echo 'scratch' >"$tree/notes.txt"
	snap "$tree"
	"$TOP"/scripts/worktree "$tree" "$dest" >/dev/null 2>"$TMP/err"
	rc=$?
	refused "dirty git tree, $kind (scripts/worktree)" "uncommitted changes" "ALLOW_DIRTY=1" "mm/mmu_notifier.c"
	[ -e "$dest" ] && bad "dirty $kind: $dest created although refused"
	no_leftovers "$dest"
	same "$tree"

	echo "== ALLOW_DIRTY=1 scripts/worktree on the same tree"
	ALLOW_DIRTY=1 "$TOP"/scripts/worktree "$tree" "$dest" >/dev/null 2>"$TMP/err"
	rc=$?
	row "dirty git tree, $kind, ALLOW_DIRTY=1 (scripts/worktree)"
	echo "  stderr: $(cat "$TMP/err")"
	[ $rc -eq 0 ] || bad "ALLOW_DIRTY=1: exit status $rc"
	grep -q "warning: .*uncommitted changes" "$TMP/err" || bad "ALLOW_DIRTY=1: no warning"
	[ "$(git -C "$dest" symbolic-ref HEAD 2>&1)" = refs/heads/mmu-notifier ] ||
		bad "$dest is not on branch mmu-notifier"
	[ "$(git -C "$dest" rev-parse HEAD 2>&1)" = "$(git -C "$tree" rev-parse HEAD)" ] ||
		bad "$dest does not start at the tree's HEAD"
	git -C "$tree" show HEAD:mm/mmu_notifier.c | cmp -s - "$dest/mm/mmu_notifier.c" ||
		bad "$dest has the uncommitted change"
	[ -e "$dest/notes.txt" ] && bad "$dest has the untracked file"
	[ -z "$(git -C "$dest" status --porcelain 2>&1)" ] || bad "$dest is not clean"
	# the candidates come from the clone's files, not the dirty tree's
	[ "$(git -C "$dest" config --bool core.sparseCheckout)" = true ] &&
		bad "$dest is sparse although the tree was dirty"
	no_leftovers "$dest"
	same "$tree"
done

# The sparse clone of a clean tree takes its candidates from the tree's own
# files: once the tree has moved to another commit they are not the
# clone's, and the prefilter stops.
echo "== scripts/prefilter after the tree moved on"
tree=$TMP/moving dest=$TMP/dest-moving
fixture_tree "$tree" v4.19
git -C "$tree" init -q
commit_all "$tree" base
"$TOP"/scripts/worktree "$tree" "$dest" >/dev/null 2>&1 || bad "worktree of a clean tree failed"
[ "$(git -C "$dest" config --bool core.sparseCheckout)" = true ] || bad "$dest is not sparse"
"$TOP"/scripts/prefilter "$dest" >/dev/null 2>"$TMP/err" || bad "prefilter on the fresh clone: $(cat "$TMP/err")"
echo '/* next */' >>"$tree/mm/mmu_notifier.c"
commit_all "$tree" next
snap "$tree"
"$TOP"/scripts/prefilter "$dest" >/dev/null 2>"$TMP/err"
rc=$?
refused "tree moved after the clone (scripts/prefilter)" "has moved to another commit" "run again"
same "$tree"

echo "== scripts/worktree on a plain directory (not a git tree)"
tree=$TMP/plain dest=$TMP/dest-plain
fixture_tree "$tree" v4.14 3
snap "$tree"
"$TOP"/scripts/worktree "$tree" "$dest" >/dev/null 2>"$TMP/err"
rc=$?
row "plain directory, not a git tree (scripts/worktree)"
[ $rc -eq 0 ] || { bad "plain: exit status $rc:"; cat "$TMP/err"; }
[ "$(git -C "$dest" symbolic-ref HEAD 2>&1)" = refs/heads/mmu-notifier ] ||
	bad "$dest is not on branch mmu-notifier"
[ "$(git -C "$dest" rev-list --count HEAD 2>&1)" = 1 ] || bad "$dest: no single base commit"
diff -r -x .git "$tree" "$dest" >"$TMP/diff" 2>&1 || { bad "$dest differs from $tree:"; cat "$TMP/diff"; }
[ -z "$(git -C "$dest" status --porcelain --ignored 2>&1)" ] || bad "$dest: files not committed"
[ -e "$tree/.git" ] && bad "$tree became a git tree"
no_leftovers "$dest"
same "$tree"

# A file for scripts/cocci to (not) touch, and PATHs without a good spatch.
mkdir -p "$TMP/c" "$TMP/nospatch" "$TMP/oldspatch" "$TMP/badspatch"
cat >"$TMP/c/x.c" <<'C'
static void fixture_flush(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	mmu_notifier_invalidate_range_start(mm, start, end);
	mmu_notifier_invalidate_range_end(mm, start, end);
}
C
for tool in sh dirname sed sort head git cat; do
	ln -s "$(command -v $tool)" "$TMP/nospatch/$tool"
done
# fake_spatch DIR LINE: a spatch printing LINE for --version and logging any
# other call (it must never be run for real)
fake_spatch() {
	cat >"$1/spatch" <<-SH
	#!/bin/sh
	if [ "\$1" = --version ]; then echo '$2'; exit 0; fi
	echo "\$*" >>"$1/called"
	SH
	chmod +x "$1/spatch"
}
fake_spatch "$TMP/oldspatch" "spatch version 1.0.4 compiled with OCaml version 4.05.0"
fake_spatch "$TMP/badspatch" "Coccinelle, the next generation"
snap "$TMP/c"

echo "== scripts/cocci with no spatch on PATH"
(cd "$TMP/c" && PATH=$TMP/nospatch "$TOP"/scripts/cocci range_struct x.c) >/dev/null 2>"$TMP/err"
rc=$?
refused "spatch missing (scripts/cocci)" "spatch" "coccinelle"
grep -v "spatch" "$TMP/err" | grep -q . && bad "nospatch: another tool is missing"
same "$TMP/c"

echo "== scripts/cocci with spatch 1.0.4"
(cd "$TMP/c" && PATH=$TMP/oldspatch:$PATH "$TOP"/scripts/cocci range_struct x.c) >/dev/null 2>"$TMP/err"
rc=$?
refused "spatch 1.0.4 (scripts/cocci)" "1.0.4" "too old" "1.1.1"
[ -e "$TMP/oldspatch/called" ] && bad "oldspatch: spatch was run: $(cat "$TMP/oldspatch/called")"
same "$TMP/c"

echo "== scripts/cocci with a spatch whose version cannot be read"
(cd "$TMP/c" && PATH=$TMP/badspatch:$PATH "$TOP"/scripts/cocci range_struct x.c) >/dev/null 2>"$TMP/err"
rc=$?
refused "spatch version unreadable (scripts/cocci)" "cannot read the version" "$TMP/badspatch/spatch"
[ -e "$TMP/badspatch/called" ] && bad "badspatch: spatch was run: $(cat "$TMP/badspatch/called")"
same "$TMP/c"

# The gate needs sparse (GATES has sparse by default), only then: an O with
# a one-patch series, and a PATH with everything but sparse.
echo "== scripts/gate with no sparse on PATH"
o=$TMP/o-gate
fixture_tree "$o/work" v4.19 1
git -C "$o/work" init -q
commit_all "$o/work" base
git -C "$o/work" rev-parse HEAD >"$o/base"
git -C "$o/work" checkout -q -b mmu-notifier-series
sed -i 's/return 0;/return 1;/' "$o/work/drivers/misc/f0.c"
commit_all "$o/work" "misc: fixture patch"
snap "$o/work"
nosparse=$(path_without "$TMP/nosparse" sparse)
PATH=$nosparse "$TOP"/scripts/gate "$o" >/dev/null 2>"$TMP/err"
rc=$?
refused "sparse missing (scripts/gate)" "'sparse' not found (Debian package sparse)"
[ -e "$o/gate" ] && bad "nosparse: the gate started"
same "$o/work"
PATH=$nosparse GATES=checkpatch "$TOP"/scripts/gate "$o" >/dev/null 2>"$TMP/err"
grep -q sparse "$TMP/err" && bad "GATES=checkpatch asked for sparse: $(cat "$TMP/err")"
[ "$(git -C "$o/work" symbolic-ref --short HEAD)" = mmu-notifier-series ] ||
	bad "the gate left $o/work off its branch"

# Interrupted scripts/worktree.  A git wrapper holds the run just after the
# clone (git tree) or the base commit (plain tree), once DEST.tmp.PID exists,
# and says so by creating $MARK; the signal comes then.  Ctrl-C is SIGINT to
# the whole process group, `kill PID` is SIGTERM to the script alone.
mkdir -p "$TMP/slowgit"
cat >"$TMP/slowgit/git" <<SH
#!/bin/sh
$(command -v git) "\$@"
rc=\$?
case " \$* " in
*" clone "*|*" commit "*) : >"\$MARK"; sleep 2 ;;
esac
exit \$rc
SH
chmod +x "$TMP/slowgit/git"
fixture_tree "$TMP/big" v4.19 200
cp -r "$TMP/big" "$TMP/biggit"
git -C "$TMP/biggit" init -q
commit_all "$TMP/biggit" base

# interrupt TREE SIG GROUP|PID KIND: run scripts/worktree TREE, send SIG when held
interrupt() {
	tree=$1 dest=$TMP/dest-int
	export MARK="$TMP/mark"
	rm -rf "$dest" "$MARK"
	snap "$tree"
	PATH=$TMP/slowgit:$PATH setsid env --default-signal=INT,TERM \
		"$TOP"/scripts/worktree "$tree" "$dest" >/dev/null 2>"$TMP/err" &
	pid=$!
	i=0
	while [ ! -e "$MARK" ] && [ $i -lt 200 ] && kill -0 $pid 2>/dev/null; do
		sleep 0.05
		i=$((i + 1))
	done
	if [ ! -e "$MARK" ]; then
		bad "$tree: worktree did not reach the clone"; cat "$TMP/err"
		kill -KILL $pid 2>/dev/null
		wait $pid
		return
	fi
	if [ "$3" = GROUP ]; then kill -"$2" -$pid; else kill -"$2" $pid; fi
	wait $pid
	rc=$?
	echo "  SIG$2 to the $3: exit status $rc"
	[ $rc -ne 0 ] || bad "SIG$2: exit status 0"
	# SIGKILL cannot be caught: what the killed process started goes on
	# (and holds the lock) until the next run stops it
	if [ "$2" != KILL ]; then
		row "worktree of a $4 interrupted (SIG$2 to the $3)"
		[ -e "$dest" ] && bad "SIG$2: $dest exists after an interrupted run"
		no_leftovers "$dest"
	fi
	same "$tree"
	# (a new file: what the killed run left running still writes to the old one)
	"$TOP"/scripts/worktree "$tree" "$dest" >/dev/null 2>"$TMP/err.next"
	rc=$?
	mv "$TMP/err.next" "$TMP/err"
	[ "$2" != KILL ] || row "worktree of a $4 killed (SIGKILL to the $3), then the next run"
	[ $rc = 0 ] || { bad "the run after the interrupted one failed:"; cat "$TMP/err"; }
	no_leftovers "$dest"
	[ "$(git -C "$dest" symbolic-ref HEAD 2>&1)" = refs/heads/mmu-notifier ] ||
		bad "the run after the interrupted one made no mmu-notifier branch"
	rm -rf "$dest" "$dest".tmp.*
}

echo "== Ctrl-C during scripts/worktree of a git tree"
interrupt "$TMP/biggit" INT GROUP "git tree"
echo "== kill during scripts/worktree of a git tree"
interrupt "$TMP/biggit" TERM PID "git tree"
echo "== Ctrl-C during scripts/worktree of a plain directory"
interrupt "$TMP/big" INT GROUP "plain directory"
echo "== kill during scripts/worktree of a plain directory"
interrupt "$TMP/big" TERM PID "plain directory"
echo "== kill -9 during scripts/worktree of a git tree"
interrupt "$TMP/biggit" KILL GROUP "git tree"

echo "== two scripts/worktree at once into the same directory"
dest=$TMP/dest-two
export MARK="$TMP/mark"
rm -f "$MARK"
snap "$TMP/biggit"
PATH=$TMP/slowgit:$PATH "$TOP"/scripts/worktree "$TMP/biggit" "$dest" >/dev/null 2>"$TMP/err.first" &
first=$!
i=0
while [ ! -e "$MARK" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
"$TOP"/scripts/worktree "$TMP/big" "$dest" >/dev/null 2>"$TMP/err"
rc=$?
refused "second scripts/worktree into the same directory" "is in use by another run"
wait $first || { bad "the first run failed:"; cat "$TMP/err.first"; }
[ "$(git -C "$dest" rev-parse HEAD 2>&1)" = "$(git -C "$TMP/biggit" rev-parse HEAD)" ] ||
	bad "$dest is not the first run's clone"
no_leftovers "$dest"
same "$TMP/biggit"

echo
echo "case | exit | message"
cat "$TMP/table"
exit $fail
