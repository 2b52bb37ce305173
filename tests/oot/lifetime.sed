# tests/oot/lifetime.sed - the test's own count of the objects the ported
# mndemo allocates (->alloc_notifier) and frees (->free_notifier), printed
# by its exit after mmu_notifier_synchronize() for scripts/runtime to check
# (every object freed, each once, before the module is gone).
/^#include <linux\/slab.h>$/a\
\
static atomic_t mnrt_allocs = ATOMIC_INIT(0), mnrt_frees = ATOMIC_INIT(0);
/^static struct mmu_notifier \*mnd_mm_alloc_notifier(struct mm_struct \*mm)$/,/^}$/{
	/^	if (!mmm)$/i\
	if (mmm)\
		atomic_inc(&mnrt_allocs);
}
/^static void mnd_mm_free_notifier(struct mmu_notifier \*mn)$/,/^}$/{
	/^	kfree(/i\
	atomic_inc(&mnrt_frees);
}
/^static void __exit mnd_exit(void)$/,/^}$/{
	/^	mmu_notifier_synchronize();$/a\
	pr_info("mnrt-lifetime allocated %d freed %d\\n",\
		atomic_read(&mnrt_allocs), atomic_read(&mnrt_frees));
}
