#!/bin/sh
# cocci/change_pte.cocci in report mode on called.c and shadow.c: its
# records (scripts/lib.sh) are those of records.expected (read by hand), a
# callback dropped from the ops each: status converted, code dropped, the
# callback, and the sentence the module report and commit show.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
command -v spatch >/dev/null || { echo "spatch not installed"; exit 77; }
cd "$TOP/tests/change_pte" || exit 1
MODE=report "$TOP"/scripts/cocci change_pte called.c shadow.c 2>&1 | LC_ALL=C sort |
	diff -u records.expected -
