// SPDX-License-Identifier: GPL-2.0
/*
 * A per-context table: each user context keeps its own list of the mms it
 * mirrors, and the object records the context it was made for.  The rule
 * must leave it alone and say so (reports.t): mmu_notifier_get() would
 * share one object between all contexts.
 */
#include <linux/list.h>
#include <linux/mmu_notifier.h>
#include <linux/mutex.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>

struct gx_ctx {
	struct list_head per_mm_list;
	struct mutex per_mm_lock;
};

struct gx_per_mm {
	struct mmu_notifier mn;
	struct gx_ctx *ctx;
	struct mm_struct *mm;
	struct list_head link;
	unsigned int users;
};

static void gx_per_mm_release(struct mmu_notifier *mn, struct mm_struct *mm)
{
}

static const struct mmu_notifier_ops gx_per_mm_ops = {
	.release = gx_per_mm_release,
};

static struct gx_per_mm *gx_alloc_per_mm(struct gx_ctx *ctx,
					 struct mm_struct *mm)
{
	struct gx_per_mm *per_mm;
	int ret;

	per_mm = kzalloc(sizeof(*per_mm), GFP_KERNEL);
	if (!per_mm)
		return ERR_PTR(-ENOMEM);

	per_mm->ctx = ctx;
	per_mm->mm = mm;
	per_mm->users = 1;
	per_mm->mn.ops = &gx_per_mm_ops;
	ret = mmu_notifier_register(&per_mm->mn, mm);
	if (ret) {
		kfree(per_mm);
		return ERR_PTR(ret);
	}
	list_add(&per_mm->link, &ctx->per_mm_list);
	return per_mm;
}

static struct gx_per_mm *gx_get_per_mm(struct gx_ctx *ctx)
{
	struct mm_struct *mm = current->mm;
	struct gx_per_mm *per_mm;

	mutex_lock(&ctx->per_mm_lock);
	list_for_each_entry(per_mm, &ctx->per_mm_list, link) {
		if (per_mm->mm == mm) {
			per_mm->users++;
			goto out;
		}
	}
	per_mm = gx_alloc_per_mm(ctx, mm);
out:
	mutex_unlock(&ctx->per_mm_lock);
	return per_mm;
}

static void gx_put_per_mm(struct gx_per_mm *per_mm)
{
	struct gx_ctx *ctx = per_mm->ctx;

	mutex_lock(&ctx->per_mm_lock);
	if (--per_mm->users) {
		mutex_unlock(&ctx->per_mm_lock);
		return;
	}
	list_del(&per_mm->link);
	mutex_unlock(&ctx->per_mm_lock);
	mmu_notifier_unregister(&per_mm->mn, per_mm->mm);
	kfree(per_mm);
}

int gx_ctx_map(struct gx_ctx *ctx)
{
	struct gx_per_mm *per_mm = gx_get_per_mm(ctx);

	if (IS_ERR(per_mm))
		return PTR_ERR(per_mm);
	gx_put_per_mm(per_mm);
	return 0;
}
