// scripts/events reinfer: the event was replaced by MMU_NOTIFY_INFER; only
// the event changes.  Device migration with an owner is MIGRATE when the
// tree's enum has it (-D events), else the ptes-cleared evidence wins.
static void migrate_vma_collect(struct migrate_vma *migrate)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init_owner(&range, MMU_NOTIFY_INFER, 0, migrate->vma,
		migrate->vma->vm_mm, migrate->start, migrate->end,
		migrate->pgmap_owner);
	mmu_notifier_invalidate_range_start(&range);
	if (migrate->src[0] & MIGRATE_PFN_MIGRATE)
		ptep_get_and_clear(migrate->vma->vm_mm, migrate->start, ptep);
	mmu_notifier_invalidate_range_end(&range);
}
