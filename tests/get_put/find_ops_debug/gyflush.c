// SPDX-License-Identifier: GPL-2.0
/*
 * The sgi-gru shape as v4.19 has it, after range_struct: the count and
 * the released flag are only set and shown in debug prints once the
 * lookup and the put go; the get prints the count behind a test that the
 * allocation path makes always true; ->release only sets the flag and
 * prints.  The fields, the prints, the test and ->release all go.
 */
#include <linux/mmu_notifier.h>
#include <linux/rculist.h>
#include <linux/slab.h>
#include "gy.h"

static int gy_range_start(struct mmu_notifier *mn,
			  const struct mmu_notifier_range *range)
{
	struct gy_ctx *ctx = container_of(mn, struct gy_ctx, notifier);

	atomic_inc(&ctx->flushing);
	gy_flush(ctx, range->start, range->end);
	return 0;
}

static void gy_range_end(struct mmu_notifier *mn,
			 const struct mmu_notifier_range *range)
{
	struct gy_ctx *ctx = container_of(mn, struct gy_ctx, notifier);

	atomic_dec(&ctx->flushing);
	wake_up_all(&ctx->flush_wait);
}

static void gy_release(struct mmu_notifier *mn, struct mm_struct *mm)
{
	struct gy_ctx *ctx = container_of(mn, struct gy_ctx, notifier);

	ctx->released = 1;
	gy_dbg("ctx %p released\n", ctx);
}


static const struct mmu_notifier_ops gy_ops = {
	.invalidate_range_start	= gy_range_start,
	.invalidate_range_end	= gy_range_end,
	.release		= gy_release,
};

/* the one notifier with these ops on the mm, if any */
static struct mmu_notifier *gy_lookup(struct mm_struct *mm,
				      const struct mmu_notifier_ops *ops)
{
	struct mmu_notifier *mn, *hit = NULL;

	if (mm->mmu_notifier_mm) {
		rcu_read_lock();
		hlist_for_each_entry_rcu(mn, &mm->mmu_notifier_mm->list, hlist) {
			if (mn->ops == ops) {
				hit = mn;
				break;
			}
		}
		rcu_read_unlock();
	}
	return hit;
}

struct gy_ctx *gy_ctx_get(void)
{
	struct gy_ctx *ctx;
	struct mmu_notifier *mn;
	int ret;

	mn = gy_lookup(current->mm, &gy_ops);
	if (mn) {
		ctx = container_of(mn, struct gy_ctx, notifier);
		atomic_inc(&ctx->users);
	} else {
		ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
		if (!ctx)
			return ERR_PTR(-ENOMEM);
		spin_lock_init(&ctx->asid_lock);
		ctx->notifier.ops = &gy_ops;
		atomic_set(&ctx->users, 1);
		init_waitqueue_head(&ctx->flush_wait);
		ret = __mmu_notifier_register(&ctx->notifier, current->mm);
		if (ret)
			goto fail;
	}
	if (ctx)
		gy_dbg("ctx %p, users %d\n", ctx, atomic_read(&ctx->users));
	return ctx;
fail:
	kfree(ctx);
	return ERR_PTR(ret);
}

void gy_ctx_put(struct gy_ctx *ctx)
{
	gy_dbg("ctx %p, users %d, released %d\n", ctx,
	       atomic_read(&ctx->users), ctx->released);
	if (atomic_dec_and_test(&ctx->users)) {
		if (!ctx->released)
			mmu_notifier_unregister(&ctx->notifier, current->mm);
		kfree(ctx);
	}
}
