#!/bin/sh
# The whole pipeline (make convert) on bad inputs and bad timing, on a small
# fixture tree of generation v5.4 (only get_put to run) holding one driver
# (tests/get_put/list_mutex.c).  After each case the user's tree is
# byte-for-byte what it was (files hashed, git HEAD/index/status), no process
# of the run is left (O's lock is free: every process of a run holds it),
# nothing is left in O/.mmu-notifier-tmp, and a clean run afterwards gives
# the same commit as the reference run:
#   a plain directory (works, copied), not a kernel tree, a dirty git tree,
#   Ctrl-C / kill / kill -9 in the middle of spatch, two runs at once on the
#   same O (the second stops, the first is not disturbed) and on the same
#   tree with two O (both work).
# Prints the table "case | exit | message" at the end.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/probe/fixtures.sh"
fixture_tmp
command -v spatch >/dev/null || { echo "spatch not installed"; exit 77; }
command -v flock >/dev/null || { echo "flock (util-linux) not installed"; exit 77; }
unset MMU_LOCK KERNEL O STEPS
export J=1
fail=0

# row CASE: one line of the table from $rc and the message in $TMP/err
row() {
	m=$(grep -E '^[a-z]+: (error|warning): ' "$TMP/err" | head -n1)
	[ -n "$m" ] || m=$(grep -v '^  [A-Z]' "$TMP/err" | head -n1)
	printf '%s | %s | %s\n' "$1" "$rc" "$m" >>"$TMP/table"
}

snap() {
	{ tree_hash "$1"; [ -d "$1/.git" ] && git_state "$1"; } >"$TMP/before" 2>&1
}
same() {
	{ tree_hash "$1"; [ -d "$1/.git" ] && git_state "$1"; } >"$TMP/after" 2>&1
	cmp -s "$TMP/before" "$TMP/after" || { bad "$1 changed:"; diff "$TMP/before" "$TMP/after" | sed 's/^/    /'; }
}

# settled O: no process of the run holds O's lock, no O/.mmu-notifier-tmp,
# no worktree scratch copy left
settled() {
	[ -e "$1/.mmu-notifier-lock" ] || { bad "$1/.mmu-notifier-lock missing"; return; }
	flock -n "$1/.mmu-notifier-lock" true || bad "$1: the lock is still held: $(cat "$1/.mmu-notifier-lock")"
	[ -e "$1/.mmu-notifier-tmp" ] && bad "$1/.mmu-notifier-tmp left behind: $(ls "$1/.mmu-notifier-tmp")"
	set -- "$1"/work.tmp.*
	[ -e "$1" ] && bad "left behind: $*"
	return 0
}

# convert TREE O [ENV...]: make convert, stderr in $TMP/err, status in $rc
convert() {
	ct=$1 co=$2
	shift 2
	env "$@" make -s -C "$TOP" convert KERNEL="$ct" O="$co" >/dev/null 2>"$TMP/err"
	rc=$?
}

# refused CASE WHO PATTERN: the row of CASE, a non-zero exit, and a message
# matching PATTERN (WHO names the case in failures)
refused() {
	row "$1"
	[ $rc -ne 0 ] || bad "$2: exit 0"
	grep -q "$3" "$TMP/err" || bad "$2: message: $(cat "$TMP/err")"
}

# result O: the commit the run made (deterministic: fixed identities/dates)
result() { git -C "$1/work" rev-parse HEAD^{tree} 2>&1; }

mk_tree() {
	fixture_tree "$1" v5.4
	cp "$TOP/tests/get_put/list_mutex.c" "$1/drivers/misc/gx.c"
}
tree=$TMP/linux
mk_tree "$tree"
git -C "$tree" init -q
commit_all "$tree" base

echo "== reference run on a clean git tree"
snap "$tree"
convert "$tree" "$TMP/ref"
[ $rc -eq 0 ] || { bad "reference run failed:"; cat "$TMP/err"; exit 1; }
ref=$(result "$TMP/ref")
[ "$(git -C "$TMP/ref/work" rev-list --count HEAD)" = 2 ] ||
	bad "the reference run made no get_put commit"
git -C "$TMP/ref/work" diff --stat HEAD~1 | sed 's/^/  /'
same "$tree"
settled "$TMP/ref"

echo "== a plain directory (not a git tree)"
plain=$TMP/plain
mk_tree "$plain"
snap "$plain"
convert "$plain" "$TMP/o-plain"
row "plain directory, make convert"
[ $rc -eq 0 ] || { bad "plain: exit $rc:"; cat "$TMP/err"; }
[ "$(result "$TMP/o-plain")" = "$ref" ] || bad "plain: not the reference result"
[ -e "$plain/.git" ] && bad "plain: $plain became a git tree"
same "$plain"
settled "$TMP/o-plain"

echo "== not a kernel tree"
mkdir -p "$TMP/notakernel"
printf 'all:\n' >"$TMP/notakernel/Makefile"
snap "$TMP/notakernel"
convert "$TMP/notakernel" "$TMP/o-nk"
refused "not a kernel tree, make convert" notakernel "is not a Linux kernel tree"
[ -e "$TMP/o-nk/work" ] && bad "notakernel: a work tree was made"
same "$TMP/notakernel"

echo "== a dirty git tree"
cp -r "$tree" "$TMP/dirty"
echo '/* local change */' >>"$TMP/dirty/drivers/misc/gx.c"
snap "$TMP/dirty"
convert "$TMP/dirty" "$TMP/o-dirty"
refused "dirty git tree, make convert" dirty "uncommitted changes.*ALLOW_DIRTY=1"
[ -e "$TMP/o-dirty/work" ] && bad "dirty: a work tree was made"
same "$TMP/dirty"
convert "$TMP/dirty" "$TMP/o-dirty" ALLOW_DIRTY=1
[ $rc -eq 0 ] || { bad "ALLOW_DIRTY=1: exit $rc"; cat "$TMP/err"; }
[ "$(result "$TMP/o-dirty")" = "$ref" ] || bad "ALLOW_DIRTY=1: the change went into the series"
same "$TMP/dirty"

echo "== no spatch on PATH"
snap "$tree"
convert "$tree" "$TMP/o-nospatch" PATH="$(path_without "$TMP/nospatch" spatch)"
refused "spatch missing, make convert" nospatch "'spatch' not found (Debian package coccinelle)"
same "$tree"
settled "$TMP/o-nospatch"

echo "== spatch 1.0.8 on PATH"
mkdir -p "$TMP/oldspatch"
cat >"$TMP/oldspatch/spatch" <<'SH'
#!/bin/sh
[ "$1" = --version ] && echo 'spatch version 1.0.8 compiled with OCaml version 4.11.1'
exit 0
SH
chmod +x "$TMP/oldspatch/spatch"
convert "$tree" "$TMP/o-oldspatch" PATH="$TMP/oldspatch:$PATH"
refused "spatch 1.0.8, make convert" oldspatch "spatch 1.0.8 is too old: 1.1.1 or newer is needed"
[ "$(git -C "$TMP/o-oldspatch/work" rev-list --count HEAD 2>&1)" = 1 ] ||
	bad "oldspatch: the work tree got commits"
same "$tree"
settled "$TMP/o-oldspatch"

# A spatch that, when run on a file, says so ($MARK) and waits for $GO (at
# most 30 s) before running the real one: the run is held mid-spatch.
mkdir -p "$TMP/slow"
cat >"$TMP/slow/spatch" <<SH
#!/bin/sh
[ "\$1" = --version ] || {
	echo \$\$ >>"\$PIDS"
	: >"\$MARK"
	i=0
	while [ ! -e "\$GO" ] && [ \$i -lt 300 ]; do sleep 0.1; i=\$((i + 1)); done
}
exec $(command -v spatch) "\$@"
SH
chmod +x "$TMP/slow/spatch"
export MARK=$TMP/mark GO=$TMP/go PIDS=$TMP/pids

# no_spatch: none of the spatch processes started so far is still running
no_spatch() {
	for p in $(cat "$PIDS" 2>/dev/null); do
		case $(sed 's/.*) //' "/proc/$p/stat" 2>/dev/null) in
		""|Z*) ;;
		*) bad "spatch $p of the interrupted run still runs" ;;
		esac
	done
}

# start O: make convert in the background, in a process group of its own
# (as a shell runs a job), held mid-spatch; sets $pid
start() {
	rm -f "$MARK" "$GO"
	PATH=$TMP/slow:$PATH setsid env --default-signal=INT,TERM \
		make -s -C "$TOP" convert KERNEL="$tree" O="$1" >/dev/null 2>"$TMP/err.bg" &
	pid=$!
	i=0
	while [ ! -e "$MARK" ] && [ $i -lt 300 ] && kill -0 $pid 2>/dev/null; do
		sleep 0.1
		i=$((i + 1))
	done
	[ -e "$MARK" ] || { bad "the run did not reach spatch:"; cat "$TMP/err.bg"; }
}

# interrupt NAME SIGNAL GROUP|PID
interrupt() {
	o=$TMP/o-$1
	echo "== $1: SIG$2 to the make's $3 in the middle of spatch"
	snap "$tree"
	start "$o"
	if [ "$3" = GROUP ]; then kill -"$2" -$pid; else kill -"$2" $pid; fi
	wait $pid
	rc=$?
	cp "$TMP/err.bg" "$TMP/err"
	[ "$2" = KILL ] || row "$1 (SIG$2 to the $3) mid-spatch"
	[ $rc -ne 0 ] || bad "$1: exit status 0"
	if [ "$2" = KILL ]; then
		# the run's own processes are left (nothing can catch SIGKILL);
		# the next run stops them, says so, and works
		convert "$tree" "$o"
		row "$1 (SIGKILL to the $3) mid-spatch, then the next run"
		grep -q "was interrupted; stopping what is left of its run" "$TMP/err" ||
			bad "$1: the next run did not say it stopped the leftovers: $(cat "$TMP/err")"
	else
		settled "$o"
		no_spatch
		same "$tree"
		convert "$tree" "$o"
	fi
	[ $rc -eq 0 ] || { bad "$1: the next run failed:"; cat "$TMP/err"; }
	[ "$(result "$o")" = "$ref" ] || bad "$1: the next run did not give the reference result"
	settled "$o"
	no_spatch
	same "$tree"
}
interrupt ctrl-c INT GROUP
interrupt kill TERM PID
interrupt kill-9 KILL GROUP

echo "== two runs at once on the same tree and O"
snap "$tree"
o=$TMP/o-two
start "$o"
first=$pid
convert "$tree" "$o"
row "second run on the same O while the first runs"
[ $rc -ne 0 ] || bad "the second run on the same O was let in"
grep -q "is in use by another run" "$TMP/err" || bad "two: message: $(cat "$TMP/err")"
: >"$GO"
wait $first
rc=$?
[ $rc -eq 0 ] || { bad "the first run failed:"; cat "$TMP/err.bg"; }
[ "$(result "$o")" = "$ref" ] || bad "the first run's result was disturbed"
[ -z "$(git -C "$o/work" status --porcelain 2>&1)" ] || bad "$o/work is not clean"
settled "$o"
same "$tree"

echo "== two runs at once on the same tree, each with its own O"
start "$TMP/o-a"
first=$pid
convert "$tree" "$TMP/o-b"
[ $rc -eq 0 ] || { bad "the run with another O failed:"; cat "$TMP/err"; }
: >"$GO"
wait $first || { bad "the first run failed:"; cat "$TMP/err.bg"; }
[ "$(result "$TMP/o-a")" = "$ref" ] || bad "o-a: not the reference result"
[ "$(result "$TMP/o-b")" = "$ref" ] || bad "o-b: not the reference result"
settled "$TMP/o-a"
settled "$TMP/o-b"
same "$tree"

echo
echo "case | exit | message"
cat "$TMP/table"
exit $fail
