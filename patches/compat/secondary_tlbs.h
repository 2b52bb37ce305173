
/*
 * 1af5a8109904 ("mmu_notifiers: rename invalidate_range notifier"), v6.6:
 * the callback that keeps a secondary TLB in step is
 * ->arch_invalidate_secondary_tlbs, called from the TLB flush, where it must
 * not sleep; before v6.6 the same callback is ->invalidate_range.
 */
#ifndef MNC_HAVE_SECONDARY_TLBS
#define arch_invalidate_secondary_tlbs invalidate_range
#endif
