// A notifier callback reading range->blockable (v5.0/v5.1): becomes
// mmu_notifier_range_blockable(range).  The range setter is left alone.
static int gntdev_invalidate_start(struct mmu_notifier *mn,
				   const struct mmu_notifier_range *range)
{
	struct gntdev_priv *priv = container_of(mn, struct gntdev_priv, mn);

	if (range->blockable)
		mutex_lock(&priv->lock);
	else if (!mutex_trylock(&priv->lock))
		return -EAGAIN;
	unmap_if_in_range(priv, range->start, range->end, range->blockable);
	mutex_unlock(&priv->lock);
	return 0;
}

static inline void start_nonblock(struct mmu_notifier_range *range)
{
	range->blockable = false;
}
