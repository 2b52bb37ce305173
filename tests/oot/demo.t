#!/bin/sh
# make demo (scripts/demo) on Debian's 5.10, the default tree: the example
# driver examples/mndemo (v4.19 API) ported with and without COMPAT=1, both
# built, the COMPAT port booted under qemu beside the recorder.  Every row
# of the table passes, the last being the driver's own: it received as many
# starts, ends and non-blocking starts as the recorder, and its
# ->invalidate_range (named ->arch_invalidate_secondary_tlbs, the layer
# giving the old name), ->change_pte and ->clear_young were called (page
# aging through page_idle).  The example itself
# is left as it was.  The kernel is built once into $TREES (about 2 minutes
# on 2 cores) and reused.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
unset MAKEFLAGS MFLAGS MAKELEVEL KBUILD_OUTPUT COMPAT
tree=$("$TOP"/scripts/provision linux-5.10 2>/dev/null) || { echo "no linux-5.10 tree (make setup)"; exit 77; }
for t in qemu-system-x86_64 busybox spatch gcc; do
	command -v $t >/dev/null || { echo "no $t (make setup)"; exit 77; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
rc=0
fail() { echo "FAIL: $*"; rc=1; }
before=$(cd "$TOP/examples/mndemo" && find . -type f -exec sha256sum {} + | LC_ALL=C sort)

# O relative, as make demo gives it (O=build)
(cd "$tmp" && "$TOP"/scripts/demo "$tree" rel) > "$tmp/out" 2> "$tmp/err" ||
	{ fail "scripts/demo failed:"; tail -30 "$tmp/err"; cat "$tmp/out"; }
grep -q '^demo: both build against 5\.10\.[0-9]* without a warning$' "$tmp/out" || fail "the ports did not both build"
grep -q '^demo:   mmu_notifier_get/put() for mnd_mmu_ops$' "$tmp/out" || fail "COMPAT did not serve get/put"
grep -q '^+.*mmu_notifier_get(&mnd_mmu_ops, mm);' "$tmp/rel/demo/port/module.patch" || fail "the port has no mmu_notifier_get()"
grep -E -q '^mndemo S/E/N +([0-9]+)/([0-9]+)/([0-9]+) +\1/\2/\3 .* pass$' "$tmp/out" ||
	fail "the driver's row: $(grep '^mndemo' "$tmp/out")"
grep -E -q '^mndemo F/C/Y +>0/>0/>0 +[1-9][0-9]*/[1-9][0-9]*/[1-9][0-9]* .* pass$' "$tmp/out" ||
	fail "the driver's ->invalidate_range, ->change_pte, ->clear_young: $(grep '^mndemo F' "$tmp/out")"
grep -E -q '^mndemo 2 opens +one notifier +one notifier .* pass$' "$tmp/out" || fail "a second open did not share the notifier"
grep -q '^runtime: mndemo.ko unloaded after its last put: ok$' "$tmp/out" || fail "$(grep '^runtime: mndemo' "$tmp/out")"
grep -q '^runtime: 5\.10\.[0-9]*, 13 operations: [0-9]* pass, 0 FAIL' "$tmp/out" ||
	fail "runtime: $(grep '^runtime:' "$tmp/out")"
# The lifetime, counted: the plain port with the test's own count of the
# objects it allocates and frees (tests/oot/lifetime.sed), booted: two opens
# shared one object, freed once through ->free_notifier before the exit
# returned.  Without its put (a leak) the count says so and runtime fails.
cp -r "$tmp/rel/demo/port/module" "$tmp/life"
sed -i -f "$TOP/tests/oot/lifetime.sed" "$tmp/life/mndemo.c"
grep -q mnrt_frees "$tmp/life/mndemo.c" || fail "lifetime.sed did not apply to the port"
RUNTIME_MODULE=$tmp/life "$TOP"/scripts/runtime "$tree" > "$tmp/life.out" 2>&1 ||
	fail "runtime with the counting port: $(tail -n 3 "$tmp/life.out")"
grep -q '^runtime: mndemo.ko allocated 1 objects and freed 1 through ->free_notifier before its exit returned: ok$' "$tmp/life.out" ||
	fail "lifetime: $(grep '^runtime: mndemo' "$tmp/life.out")"
sed -i '/^\tmmu_notifier_put(/d' "$tmp/life/mndemo.c"
if RUNTIME_MODULE=$tmp/life "$TOP"/scripts/runtime "$tree" > "$tmp/leak.out" 2>&1; then
	fail "runtime passed a port that never puts its object"
fi
grep -q '^runtime: mndemo.ko allocated 1 objects and freed 0 .*: FAIL$' "$tmp/leak.out" ||
	fail "leak: $(grep '^runtime: mndemo' "$tmp/leak.out")"
[ "$(cd "$TOP/examples/mndemo" && find . -type f -exec sha256sum {} + | LC_ALL=C sort)" = "$before" ] ||
	fail "examples/mndemo changed"
[ $rc = 0 ] && cat "$tmp/out" "$tmp/life.out" | grep -E '^(mndemo|runtime:|demo: done)'
exit $rc
