#!/bin/sh
# get_put on real v5.3 ($KERNEL_V53): the core rule (cocci/core/get_put.cocci)
# adds get/put and mmu_notifier_synchronize() (v5.3 has none); the five directories
# upstream converted in v5.4 go through scripts/prefilter and scripts/cocci
# the way scripts/convert runs them (one scratch git tree, one spatch call
# per directory's file group):
#  - sgi-gru (the "find the existing registration" shape) is converted the
#    way upstream did it, with mmu_notifier_synchronize() in its module exit;
#  - radeon (a per-device table whose objects buffers hold) is converted:
#    mmu_notifier_get() where the buffer gets its notifier, a put where it
#    drops it and on the error return between, ->release invalidating the
#    whole mm, the table and its lock gone from struct radeon_device;
#  - amdkfd and hmm (the deferred-free shape) go to mmu_notifier_put(),
#    keeping their own map; RDMA ODP is reported with what stops it.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
# shown: the rule's records (stdin) as people read them (scripts/lib.sh)
shown() { (. "$TOP/scripts/lib.sh" && records_text -); }
[ -n "${KERNEL_V53:-}" ] || { echo "KERNEL_V53 not set"; exit 77; }
[ -f "$KERNEL_V53/mm/mmu_notifier.c" ] || { echo "$KERNEL_V53: not a kernel tree"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
mkdir -p "$tmp/include/linux" "$tmp/mm"
cp "$KERNEL_V53/include/linux/mmu_notifier.h" "$tmp/include/linux/"
cp "$KERNEL_V53/mm/mmu_notifier.c" "$tmp/mm/"
(cd "$tmp" && "$TOP"/scripts/cocci core/get_put include/linux/mmu_notifier.h mm/mmu_notifier.c) ||
	{ echo "core: the core rule failed"; fail=1; }
grep -q '^void mmu_notifier_synchronize(void)' "$tmp/mm/mmu_notifier.c" || { echo "core: no mmu_notifier_synchronize"; fail=1; }
grep -q '^struct mmu_notifier \*mmu_notifier_get_locked' "$tmp/mm/mmu_notifier.c" || { echo "core: no mmu_notifier_get_locked"; fail=1; }

# The five directories in a scratch git tree; the candidates and the file
# groups as scripts/convert makes them.
w=$tmp/w
for d in drivers/misc/sgi-gru drivers/gpu/drm/radeon mm drivers/infiniband/core drivers/gpu/drm/amd/amdkfd; do
	mkdir -p "$w/$d"
	cp -R "$KERNEL_V53/$d/." "$w/$d/"
done
git -C "$w" init -q && git -C "$w" add -A &&
	git -C "$w" -c user.name=t -c user.email=t@localhost commit -q -m v5.3 || exit 1
"$TOP"/scripts/prefilter "$w" | awk -F'\t' '$1 == "get_put" { print $2 }' |
	awk '{ d = $0; sub(/\/[^\/]*$/, "", d); g[d] = g[d] " " $0 } END { for (d in g) print d "\t" g[d] }' |
	LC_ALL=C sort > "$tmp/groups"
# group DIR: the files of DIR's group, one line
group() { awk -F'\t' -v d="$1" '$1 == d { sub(/^ /, "", $2); print $2 }' "$tmp/groups"; }
# run DIR: the rule on DIR's group, from the top of the tree; prints the report
run() { (cd "$w" && "$TOP"/scripts/cocci get_put $(group "$1") 2>/dev/null) | shown; }
has() {	# has FILE PATTERN: FILE (in the tree) has a line matching PATTERN
	grep -q -e "$2" "$w/$1" || { echo "$1: no line matching '$2'"; fail=1; }
}
hasnot() {	# hasnot FILE PATTERN
	! grep -n -e "$2" "$w/$1" || { echo "$1: line(s) above match '$2'"; fail=1; }
}
# follows FILE LINE...: the lines, in this order, one after the other
follows() {
	f=$1
	shift
	printf '%s\n' "$@" > "$tmp/want"
	awk -v n=$# 'FILENAME == ARGV[1] { want[++m] = $0; next }
		$0 == want[k + 1] { k++; if (k == n) found = 1; next }
		{ k = ($0 == want[1]) }
		END { exit !found }' "$tmp/want" "$w/$f" ||
		{ echo "$f: no lines:"; sed 's/^/  /' "$tmp/want"; fail=1; }
}
reported() {	# reported OUT FRAGMENT...
	o=$1
	shift
	for w_; do
		case $o in *"$w_"*) ;; *) echo "report lacks '$w_': '$o'"; fail=1 ;; esac
	done
}

g=drivers/misc/sgi-gru
[ "$(group $g)" = "$g/grufile.c $g/grutables.h $g/grutlbpurge.c" ] || { echo "sgi-gru group: $(group $g)"; fail=1; }
out=$(run $g)
case $out in
"$g/grutlbpurge.c:"*": gru_mm_struct: converted (own notifier list: gru_register_mmu_notifier() calls mmu_notifier_get_locked(); ms_refcnt, ms_released dropped)") ;;
*) echo "sgi-gru reported: $out"; fail=1 ;;
esac
# as upstream: the count, the released flag, their prints, the dead test
# and ->release go; alloc_notifier() takes ->release's place
hasnot $g/grutables.h 'ms_refcnt\|ms_released'
hasnot $g/grutlbpurge.c 'ms_refcnt\|ms_released\|gru_release\|if (gms)\|alloc_notifier(struct mm_struct \*mm);'
follows $g/grutlbpurge.c 'void gru_drop_mmu_notifier(struct gru_mm_struct *gms)' '{' \
	'	mmu_notifier_put(&gms->ms_notifier);' '}'
has $g/grutlbpurge.c '^	mn = mmu_notifier_get_locked(&gru_mmuops, current->mm);$'
has $g/grutlbpurge.c '^	mmu_notifier_put(&gms->ms_notifier);$'
has $g/grutlbpurge.c '^	.alloc_notifier		= gru_mm_struct_alloc_notifier,$'
has $g/grutlbpurge.c '^	STAT(gms_free);$'
has $g/grufile.c '^	mmu_notifier_synchronize();$'
hasnot $g/grufile.c 'include <linux/mmu_notifier.h>'	# grutables.h has it
! grep -q 'mmu_find_ops\|__mmu_notifier_register\|goto error' "$w/$g/grutlbpurge.c" ||
	{ echo "sgi-gru: the old lookup or registration is left"; fail=1; }

# radeon: the notifier file, the module exit, and the header and the .c
# that declare and initialise the per-device table join the group.
g=drivers/gpu/drm/radeon
[ "$(group $g)" = "$g/radeon.h $g/radeon_device.c $g/radeon_drv.c $g/radeon_mn.c" ] ||
	{ echo "radeon group: $(group $g)"; fail=1; }
out=$(run $g)
# the one line: the shape, which scripts/series words the commit message from
[ "$out" = "$g/radeon_mn.c:198: radeon_mn: converted (per-device table rdev->mn_hash, kept by its holders)" ] ||
	{ echo "radeon reported: $out"; fail=1; }
f=$g/radeon_mn.c
follows $f 'struct radeon_mn {' '	struct mmu_notifier	mn;' '' \
	'	/* objects protected by lock */' '	struct mutex		lock;' \
	'	struct rb_root_cached	objects;' '};'
follows $f 'static void radeon_mn_release(struct mmu_notifier *mn, struct mm_struct *mm)' '{' \
	'	struct mmu_notifier_range range = {' '		.mm = mm,' '		.start = 0,' \
	'		.end = ULONG_MAX,' '		.flags = MMU_NOTIFIER_RANGE_BLOCKABLE,' \
	'		.event = MMU_NOTIFY_UNMAP,' '	};' '' \
	'	radeon_mn_invalidate_range_start(mn, &range);' '}'
follows $f 'static struct mmu_notifier *radeon_mn_alloc_notifier(struct mm_struct *mm)' '{' \
	'	struct radeon_mn *rmn;' '' '	rmn = kzalloc(sizeof(*rmn), GFP_KERNEL);' \
	'	if (!rmn)' '		return ERR_PTR(-ENOMEM);' '	mutex_init(&rmn->lock);' \
	'	rmn->objects = RB_ROOT_CACHED;' '	return &rmn->mn;' '}' '' \
	'static void radeon_mn_free_notifier(struct mmu_notifier *mn)' '{' \
	'	kfree(container_of(mn, struct radeon_mn, mn));' '}'
follows $f '	.invalidate_range_start = radeon_mn_invalidate_range_start,' \
	'	.alloc_notifier = radeon_mn_alloc_notifier,' \
	'	.free_notifier = radeon_mn_free_notifier,' '};'
follows $f '	struct mmu_notifier *mn;' '	struct radeon_mn *rmn;'
follows $f '	mn = mmu_notifier_get(&radeon_mn_ops, current->mm);' '	if (IS_ERR(mn))' \
	'		return PTR_ERR(mn);' '	rmn = container_of(mn, struct radeon_mn, mn);'
# the reference is dropped on the kmalloc() failure, which upstream missed
follows $f '		if (!node) {' '			mutex_unlock(&rmn->lock);' \
	'			mmu_notifier_put(&rmn->mn);' '			return -ENOMEM;'
follows $f 'void radeon_mn_unregister(struct radeon_bo *bo)' '{' '	struct radeon_mn *rmn;' \
	'	struct list_head *head;' '' '	rmn = bo->mn;' '	if (rmn == NULL)' '		return;'
follows $f '	mutex_unlock(&rmn->lock);' '	mmu_notifier_put(&rmn->mn);' '	bo->mn = NULL;' '}'
hasnot $f 'radeon_mn_get\|radeon_mn_destroy\|mn_lock\|mn_hash\|INIT_WORK\|rdev\|__mmu_notifier_register\|mmu_notifier_unregister'
[ "$(grep -c 'mmu_notifier_put(&rmn->mn);' "$w/$f")" = 2 ] || { echo "$f: not two puts"; fail=1; }
hasnot $g/radeon.h 'mn_lock\|mn_hash'
has $g/radeon.h '^	struct radeon_mn		\*mn;$'
hasnot $g/radeon_device.c 'mn_lock\|mn_hash'
follows $g/radeon_drv.c '#include <linux/console.h>' '#include <linux/mmu_notifier.h>' '#include <linux/module.h>'
follows $g/radeon_drv.c '	radeon_unregister_atpx_handler();' '	mmu_notifier_synchronize();' '}'
# The fields went from the header: nothing else in the directory used them.
! git -C "$w" grep -n 'mn_lock\|mn_hash' -- $g || { echo "radeon: the table or lock is used elsewhere"; fail=1; }
# Exactly these files changed, as many lines as upstream's v5.4 commit
# touches there (3, 2 and 2), radeon_mn.c by about as much (157 there).
[ "$(git -C "$w" diff --numstat -- $g | awk '{ printf "%s %s %s;", $1, $2, $3 }')" = \
	"0 3 $g/radeon.h;0 2 $g/radeon_device.c;2 0 $g/radeon_drv.c;36 118 $g/radeon_mn.c;" ] ||
	{ echo "radeon diff: $(git -C "$w" diff --numstat -- $g)"; fail=1; }

# hmm: the deferred free in hmm_free() becomes mmu_notifier_put() and
# hmm_free_rcu() ->free_notifier; the map in struct mm_struct is reported.
out=$(run mm)
reported "$out" 'mm/hmm.c:106: hmm: converted (deferred free: hmm_free() ends with mmu_notifier_put(), hmm_free_rcu() becomes ->free_notifier)' \
	'hmm.c:106: hmm: left: ->rcu stays: the declaration of struct hmm is not in the file group' \
	'hmm.c:70: hmm: table mm->hmm, lock &mm->page_table_lock, lookups at hmm.c:51 (hmm_get_or_create): not converted [mm-field,extra-ref]: ' \
	'the field mm->hmm of struct mm_struct itself' 'kref_get() at hmm.c:899 (hmm_range_register) takes one more reference' \
	'mm/hmm.c:70: module exit: left: no module_exit() in the file group'
[ "$(echo "$out" | grep -c 'not converted')" = 1 ] || { echo "mm: more than the hmm report: $out"; fail=1; }
f=mm/hmm.c
follows $f 'static void hmm_free_notifier(struct mmu_notifier *mn)' '{' \
	'	struct hmm *hmm = container_of(mn, struct hmm, mmu_notifier);' '' \
	'	mmdrop(hmm->mm);' '	kfree(hmm);' '}'
follows $f '	spin_unlock(&hmm->mm->page_table_lock);' '' '	mmu_notifier_put(&hmm->mmu_notifier);' '}'
follows $f '	.invalidate_range_end	= hmm_invalidate_range_end,' '	.free_notifier		= hmm_free_notifier,' '};'
hasnot $f 'mmu_notifier_call_srcu\|mmu_notifier_unregister_no_release\|hmm_free_rcu'
[ "$(git -C "$w" diff --numstat -- mm | awk '{ printf "%s %s %s;", $1, $2, $3 }')" = "4 4 $f;" ] ||
	{ echo "hmm diff: $(git -C "$w" diff --numstat -- mm)"; fail=1; }

# amdkfd keeps its table (upstream too): the deferred free goes to
# mmu_notifier_put(), the rcu_head goes from kfd_priv.h; the unregistration
# on create_process()'s error path and the module exit, in amdgpu, are left
# and said so.
g=drivers/gpu/drm/amd/amdkfd
out=$(run $g)
reported "$out" "$g/kfd_process.c:537: kfd_process: converted (deferred free: kfd_process_notifier_release() ends with mmu_notifier_put(), kfd_process_destroy_delayed() becomes ->free_notifier)" \
	"$g/kfd_process.c:680: kfd_process: left: mmu_notifier_unregister_no_release() in create_process() stays [unsynced-free]: kfree() at " \
	"$g/kfd_process.c:638: module exit: left: no module_exit() in the file group, mmu_notifier_synchronize() not added" \
	"$g/kfd_process.c:638: kfd_process: table kfd_processes_table, "
f=$g/kfd_process.c
follows $f 'static void kfd_process_free_notifier(struct mmu_notifier *mn)' '{' \
	'	struct kfd_process *p = container_of(mn, struct kfd_process,' \
	'					     mmu_notifier);' '' '	kfd_unref_process(p);' '}'
follows $f '	mutex_unlock(&p->mutex);' '' '	mmu_notifier_put(&p->mmu_notifier);' '}' '' \
	'static const struct mmu_notifier_ops kfd_process_mmu_notifier_ops = {' \
	'	.release = kfd_process_notifier_release,' \
	'	.free_notifier = kfd_process_free_notifier,' '};'
hasnot $g/kfd_priv.h 'rcu_head'
# upstream's v5.4 commit: 3 lines from kfd_priv.h (its kfd_process.c change
# also moves the registration to the end of create_process)
[ "$(git -C "$w" diff --numstat -- $g | awk '{ printf "%s %s %s;", $1, $2, $3 }')" = \
	"0 3 $g/kfd_priv.h;5 4 $f;" ] || { echo "amdkfd diff: $(git -C "$w" diff --numstat -- $g)"; fail=1; }

# ODP: unregistered, a pid put, then the deferred free: reported.
out=$(run drivers/infiniband/core)
reported "$out" 'umem_odp.c:250: ib_ucontext_per_mm: table &ctx->per_mm_list, lock &ctx->per_mm_list_lock, lookups at umem_odp.c:276 (get_per_mm): not converted [per-instance-table,records-instance,no-put,table-users,deferred-free]: ' \
	'per-instance structure' '(->context = ctx in alloc_per_mm)' 'unregistered in put_per_mm' \
	'the deferred free: put_per_mm() runs code between mmu_notifier_unregister_no_release() and mmu_notifier_call_srcu()'
[ "$(echo "$out" | wc -l)" = 1 ] || { echo "infiniband/core: more than the ODP report: $out"; fail=1; }
[ -z "$(git -C "$w" status --porcelain -- drivers/infiniband)" ] || { echo "ODP changed"; fail=1; }
exit $fail
