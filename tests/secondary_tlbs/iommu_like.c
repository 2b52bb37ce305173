// An IOMMU-style driver written for v4.19: its secondary TLB is flushed
// from ->invalidate_range, and one of its two ops tables' callbacks takes
// a mutex there (reported: ->arch_invalidate_secondary_tlbs must not sleep).
struct iox_dev {
	struct mmu_notifier mn;
	struct mutex lock;
	spinlock_t tlb_lock;
	u32 pasid;
};

static void iox_flush(struct mmu_notifier *mn, struct mm_struct *mm,
		      unsigned long start, unsigned long end)
{
	struct iox_dev *dev = container_of(mn, struct iox_dev, mn);

	spin_lock(&dev->tlb_lock);
	iox_flush_iotlb(dev, start, end - start);
	spin_unlock(&dev->tlb_lock);
}

static void iox_flush_slow(struct mmu_notifier *mn, struct mm_struct *mm,
			   unsigned long start, unsigned long end)
{
	struct iox_dev *dev = container_of(mn, struct iox_dev, mn);
	struct iox_req *req;

	mutex_lock(&dev->lock);
	req = kzalloc(sizeof(*req), GFP_KERNEL);
	iox_queue(dev, req, start, end);
	mutex_unlock(&dev->lock);
}

static void iox_release(struct mmu_notifier *mn, struct mm_struct *mm)
{
	iox_detach(container_of(mn, struct iox_dev, mn));
}

static const struct mmu_notifier_ops iox_mn_ops = {
	.release		= iox_release,
	.invalidate_range	= iox_flush,
};

static const struct mmu_notifier_ops iox_slow_ops = {
	.release		= iox_release,
	.invalidate_range	= iox_flush_slow,
};
