// SPDX-License-Identifier: GPL-2.0-only
/* Input of narrow.t: a file of mm/ shaped like those the rules read. */
#include <linux/mm.h>
#include <linux/mmu_notifier.h>
#include <linux/pagewalk.h>

static unsigned long nr_cleaned;

static int count_pages(unsigned long start, unsigned long end)
{
	return (end - start) >> PAGE_SHIFT;
}

static int clean_pte(pte_t *pte, unsigned long addr, unsigned long next,
		     struct mm_walk *walk)
{
	ptep_set_wrprotect(walk->mm, addr, pte);
	nr_cleaned++;
	return 0;
}

static int clean_pre_vma(unsigned long start, unsigned long end,
			 struct mm_walk *walk)
{
	mmu_notifier_invalidate_range_start(walk->mm, start, end);
	return 0;
}

static const struct mm_walk_ops clean_ops = {
	.pte_entry = clean_pte,
	.pre_vma = clean_pre_vma,
};

static void zap_one(struct vm_area_struct *vma, unsigned long addr)
{
	zap_page_range(vma, addr, PAGE_SIZE);
}

static DEFINE_SPINLOCK(clean_lock);

static void reset_cleaned(void)
{
	spin_lock(&clean_lock);
	nr_cleaned = 0;
	spin_unlock(&clean_lock);
}

void protect_range(struct vm_area_struct *vma, unsigned long start,
		   unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;

	mmu_notifier_invalidate_range_start(mm, start, end);
	spin_lock(&clean_lock);
	zap_one(vma, start);
	spin_unlock(&clean_lock);
	mmu_notifier_invalidate_range_end(mm, start, end);
}

int report_pages(unsigned long start, unsigned long end)
{
#ifdef CONFIG_DEBUG_VM
	pr_info("%d pages\n", count_pages(start, end));
#endif
	return 0;
} int after_brace;
