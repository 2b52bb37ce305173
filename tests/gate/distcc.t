#!/bin/sh
# scripts/gate with CC="distcc gcc": the fixture series' build and sparse
# gates with their objects compiled by a distccd the test starts on
# 127.0.0.1 (a free port, stopped by the test, and by itself after 300 s
# at the latest), then with plain gcc: both pass with the same table, and
# the distccd log shows that it compiled the objects.
. "$(dirname "$0")/gate.sh"
command -v distcc >/dev/null && command -v distccd >/dev/null ||
	{ echo "distcc not installed (Debian package distcc)"; exit 77; }

port=$(awk 'BEGIN { srand(); print 20000 + int(rand() * 20000) }')
# distccd, started as root, runs as the user distccd: its log in a directory
# that user may write
dl=$(mktemp -d "${TMPDIR:-/tmp}/mmu-notifier-distccd.XXXXXX") && chmod 1777 "$dl"
timeout 300 distccd --no-detach --daemon --listen 127.0.0.1 --allow 127.0.0.1 \
	--port "$port" --jobs 2 --enable-tcp-insecure --log-file "$dl/log" &
d=$!
trap 'kill $d 2>/dev/null; rm -rf "$TMP" "$dl"' EXIT
i=0
until grep -q 'listening on' "$dl/log" 2>/dev/null || [ $i -ge 50 ]; do
	sleep 0.1; i=$((i + 1))
done

DISTCC_HOSTS=127.0.0.1:$port/2 DISTCC_FALLBACK=0 DISTCC_SKIP_LOCAL_RETRY=1 \
	QUIET=0 CC="distcc gcc" GATES="build sparse" run_gate "$O" 2>"$T/err" ||
	{ cat "$T/err" "$dl/log"; fail "the series fails the gate through distcc"; }
cp "$O/gate/table" "$T/table.distcc"
grep -q 'gate: .* s, compiler distcc gcc' "$T/err" || { cat "$T/err"; fail "the gate does not say it used distcc"; }
n=$(grep -c 'COMPILE_OK' "$dl/log" || :)
[ "${n:-0}" -gt 0 ] || { cat "$dl/log"; fail "distccd compiled nothing"; }

GATE_CCACHE=0 GATES="build sparse" run_gate "$O" 2>"$T/err" || { cat "$T/err"; fail "the series fails the gate with gcc"; }
diff -u "$O/gate/table" "$T/table.distcc" || fail "the table through distcc differs"
echo "ok: distccd compiled $n objects; tables identical"
