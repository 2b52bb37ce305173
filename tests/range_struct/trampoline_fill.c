// The trampolines of a vendor's compatibility layer (RHEL 8.3's
// drivers/gpu/drm/drm_backport.c): old-prototype callbacks, put in the
// ops through a macro, that build their range with a helper of the file
// (the bounds and MMU_NOTIFIER_RANGE_BLOCKABLE) for the callbacks of the
// code the layer serves.  With the range in the core they pass its range
// on, and the helper goes.  ->invalidate_range keeps its prototype.
#define to_shim(mn) container_of(mn, struct shim_notifier, base)

static inline struct mmu_notifier_range
fill_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	return (struct mmu_notifier_range) {
		.mm = mm,
		.start = start,
		.end = end,
		.flags = MMU_NOTIFIER_RANGE_BLOCKABLE,
	};
}

static void shim_invalidate_range_start(struct mmu_notifier *mn,
					struct mm_struct *mm,
					unsigned long start,
					unsigned long end)
{
	struct shim_notifier *shim = to_shim(mn);
	struct mmu_notifier_range range = fill_range(mm, start, end);

	shim->ops->invalidate_range_start(shim, &range);
}

static void shim_invalidate_range_end(struct mmu_notifier *mn,
				      struct mm_struct *mm,
				      unsigned long start,
				      unsigned long end)
{
	struct shim_notifier *shim = to_shim(mn);
	struct mmu_notifier_range range = fill_range(mm, start, end);

	shim->ops->invalidate_range_end(shim, &range);
}

static void shim_invalidate_range(struct mmu_notifier *mn,
				  struct mm_struct *mm,
				  unsigned long start, unsigned long end)
{
	struct shim_notifier *shim = to_shim(mn);

	shim->ops->invalidate_range(shim, mm, start, end);
}

int shim_register(struct shim_notifier *shim, struct mm_struct *mm)
{
#define C(callback) \
	if (shim->ops->callback) \
		shim->base_ops.callback = shim_ ## callback
	C(invalidate_range);
	C(invalidate_range_start);
	C(invalidate_range_end);
#undef C
	shim->base.ops = &shim->base_ops;
	return mmu_notifier_register(&shim->base, mm);
}
