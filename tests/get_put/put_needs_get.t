#!/bin/sh
# -D put_needs_get (scripts/steps/get_put: RHEL 8.3's mmu_notifier_put()
# puts only a notifier that mmu_notifier_get() allocated): the
# deferred-free fixture (tests/get_put/deferred_free/, converted without
# the flag) is left unchanged and reported, deferred-free, with the reason;
# and spflags gives the flag on a tree whose mmu_notifier_put() returns for
# a notifier without the kABI aux struct (tests/core/rhel8.3), and not on
# upstream's (v5.4), whose put counts in struct mmu_notifier itself.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
export TOP
command -v spatch >/dev/null || { echo "spatch not installed"; exit 77; }
. "$TOP/scripts/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
src=$TOP/tests/get_put/deferred_free
cp "$src"/*.c "$src"/*.h "$tmp/"
(cd "$tmp" && SPFLAGS="-D put_needs_get" "$TOP"/scripts/cocci get_put dxmod.c dxproc.c dx.h) > "$tmp/out" 2>/dev/null ||
	{ echo "spatch failed"; fail=1; }
for f in dxmod.c dxproc.c dx.h; do
	cmp -s "$src/$f" "$tmp/$f" || { echo "$f changed:"; diff -u "$src/$f" "$tmp/$f"; fail=1; }
done
grep -q 'not converted \[.*deferred-free.*\]: .*this tree.s mmu_notifier_put() puts only a notifier that mmu_notifier_get() allocated' "$tmp/out" ||
	{ echo "no deferred-free report: $(cat "$tmp/out")"; fail=1; }
mkdir -p "$tmp/rhel8.3/mm" "$tmp/v5.4/mm"
cp "$TOP/tests/core/rhel8.3/mmu_notifier.c" "$tmp/rhel8.3/mm/"
cat > "$tmp/v5.4/mm/mmu_notifier.c" <<'C'
void mmu_notifier_put(struct mmu_notifier *mn)
{
	struct mm_struct *mm = mn->mm;

	spin_lock(&mm->mmu_notifier_mm->lock);
	if (WARN_ON(!mn->users) || --mn->users)
		goto out_unlock;
	hlist_del_init_rcu(&mn->hlist);
	spin_unlock(&mm->mmu_notifier_mm->lock);

	call_srcu(&srcu, &mn->rcu, mmu_notifier_free_rcu);
	return;

out_unlock:
	spin_unlock(&mm->mmu_notifier_mm->lock);
}
C
for gen in rhel8.3 v5.4; do
	got=$(step_load get_put && spflags "$tmp/$gen")
	want=
	[ $gen = v5.4 ] || want="-D put_needs_get"
	[ "$got" = "$want" ] || { echo "$gen: spflags '$got', expected '$want'"; fail=1; }
done
exit $fail
