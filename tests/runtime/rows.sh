# tests/runtime/rows.sh - sourced by tests/runtime/*.t.
#
# rows OUT OPS [SKIP]: every operation of OPS (one a line) but SKIP has a
# passing row in OUT, the table of scripts/runtime; else says which has not
# and sets rc=1
rows() {
	_ifs=$IFS IFS='
'
	for _op in $2; do
		[ "$_op" = "${3:-}" ] && continue
		grep -q "^$_op  *[A-Z_+-]* .* pass\$" "$1" && continue
		echo "expected the row of '$_op' to pass"
		rc=1
	done
	IFS=$_ifs
}
