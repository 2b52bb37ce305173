# Fixture of tests/runtime/runtime.t: the shape range_struct gave v4.20's
# move_page_tables() (mm/mremap.c): the range re-initialised before
# invalidate_range_end() from old_addr, which the loop has moved to old_end,
# so the end no longer matches the start.  The mremap row's pairing must
# fail.
/^	mmu_notifier_invalidate_range_end(&range);$/i\
	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, vma->vm_mm,\
				old_addr, old_end);
