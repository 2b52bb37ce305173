
/*
 * 997308f9ae72 ("mmu_notifier: remove the .change_pte() callback"), v6.10:
 * no ->change_pte.  The module's ->change_pte callback and its entry in
 * the ops stand under MNC_HAVE_CHANGE_PTE, for the kernels that call it.
 */
