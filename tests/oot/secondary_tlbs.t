#!/bin/sh
# make series M= on tests/oot/mniotlb, a driver written for v4.19 whose
# device TLB follows the process through ->invalidate_range (renamed
# ->arch_invalidate_secondary_tlbs in v6.6, cocci/secondary_tlbs.cocci):
#  - as written it does not build on Debian 6.12 ("has no member named
#    'invalidate_range'"); ported there it does, without a warning;
#  - ported to 6.1, which still has the old name, the member stays;
#  - a callback that takes a mutex is named in the report and the patch
#    (it must not sleep there);
#  - COMPAT=1 names it ->arch_invalidate_secondary_tlbs in the source and
#    the layer gives the old name before v6.6: one source builds on both.
set -u
. "$(dirname "$0")/oot.sh"
t612=$("$TOP"/scripts/provision linux-6.12 2>/dev/null) || { echo "no linux-6.12 tree (make setup)"; exit 77; }
t61=$("$TOP"/scripts/provision linux-6.1 2>/dev/null) || { echo "no linux-6.1 tree (make setup)"; exit 77; }
src=$TOP/tests/oot/mniotlb
o612=$("$TOP"/scripts/kobj "$t612") || exit 1

if kbuild before "$src" "$o612"; then
	fail "mniotlb as written builds on 6.12: the test cannot fail"
elif ! grep -q "has no member named .invalidate_range." "$tmp/before.log"; then
	fail "mniotlb as written fails on 6.12, but not on ->invalidate_range:"; grep -m5 error "$tmp/before.log"
fi

"$TOP"/scripts/module "$src" "$t612" "$tmp/p612" > "$tmp/p612.log" 2>&1 ||
	{ fail "port to 6.12 failed:"; cat "$tmp/p612.log"; }
grep -q '^+	\.arch_invalidate_secondary_tlbs = mnt_flush,' "$tmp/p612/module.patch" ||
	fail "6.12: the member not renamed: $(cat "$tmp/p612/module.patch")"
! grep -q ': sleeps: ' "$tmp/p612/module.report" || fail "6.12: mnt_flush, which takes a spinlock only, said to sleep"
if kbuild p612b "$tmp/p612/module" "$o612"; then
	! grep -E "^$tmp/p612b/.*(warning|error):" "$tmp/p612b.log" || fail "6.12: warnings (above)"
else
	fail "mniotlb ported to 6.12 does not build:"; grep -E "error|warning" "$tmp/p612b.log" | head
fi

"$TOP"/scripts/module "$src" "$t61" "$tmp/p61" > "$tmp/p61.log" 2>&1 ||
	{ fail "port to 6.1 failed:"; cat "$tmp/p61.log"; }
! grep -q 'arch_invalidate_secondary_tlbs' "$tmp/p61/module.patch" 2>/dev/null ||
	fail "6.1 (before v6.6) got the new name"

mkdir -p "$tmp/slow"
cp "$src"/* "$tmp/slow/"
sed -i 's/spin_lock(&ctx->lock);/mutex_lock(\&ctx->mutex);/; s/spin_unlock(&ctx->lock);/mutex_unlock(\&ctx->mutex);/; s/^\tspinlock_t lock;/\tspinlock_t lock;\n\tstruct mutex mutex;/' "$tmp/slow/mniotlb.c"
grep -q 'mutex_lock(&ctx->mutex);' "$tmp/slow/mniotlb.c" || fail "the test's mutex variant was not made"
"$TOP"/scripts/module "$tmp/slow" "$t612" "$tmp/ps" > "$tmp/ps.log" 2>&1 ||
	{ fail "port of the mutex variant failed:"; cat "$tmp/ps.log"; }
grep -q '^rule secondary_tlbs: mniotlb.c:[0-9]*: mnt_flush: sleeps: mutex_lock()' "$tmp/ps/module.report" ||
	fail "the mutex in ->arch_invalidate_secondary_tlbs not reported: $(grep secondary "$tmp/ps/module.report")"
grep -q '^  mniotlb.c:[0-9]*: mnt_flush: mutex_lock()$' "$tmp/ps/module.patch" ||
	fail "the patch does not name the mutex"

# COMPAT=1: the v6.6 name in the source, the old one from the layer before
# v6.6; one source builds on 6.12 and on 6.1, each kernel's feature test
# saying which it has.
o61=$("$TOP"/scripts/kobj "$t61") || exit 1
COMPAT=1 "$TOP"/scripts/module "$src" "$t612" "$tmp/pc" > "$tmp/pc.log" 2>&1 ||
	{ fail "COMPAT=1 port failed:"; cat "$tmp/pc.log"; }
grep -q '^	\.arch_invalidate_secondary_tlbs = mnt_flush,' "$tmp/pc/module/mniotlb.c" ||
	fail "COMPAT=1: the member not renamed in the source"
grep -q '^#define arch_invalidate_secondary_tlbs invalidate_range$' "$tmp/pc/module/mmu_notifier_compat.h" ||
	fail "COMPAT=1: the layer does not give the old name"
for k in 612:"$o612" 61:"$o61"; do
	if kbuild "pc${k%%:*}" "$tmp/pc/module" "${k#*:}"; then
		! grep -E "^$tmp/pc${k%%:*}/.*(warning|error):" "$tmp/pc${k%%:*}.log" || fail "COMPAT, ${k%%:*}: warnings (above)"
		got=$(tr ' ' '\n' < "$tmp/pc${k%%:*}/.mniotlb.o.cmd" | grep -c '^-DMNC_HAVE_SECONDARY_TLBS$')
		[ "$got" = "$([ "${k%%:*}" = 612 ] && echo 1 || echo 0)" ] ||
			fail "COMPAT, ${k%%:*}: the feature test found the wrong member"
	else
		fail "COMPAT port does not build on ${k%%:*}:"; grep -E "error|warning" "$tmp/pc${k%%:*}.log" | head
	fi
done
[ $rc = 0 ] && echo "mniotlb: built on 6.12 after the rename, left as is for 6.1, the mutex reported; COMPAT=1 builds on both"
exit $rc
