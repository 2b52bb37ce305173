extern const struct mmu_notifier_ops qux_ops;
int qux_start(struct mmu_notifier *mn, struct mm_struct *mm,
	      unsigned long start, unsigned long end, bool blockable);
void qux_end(struct mmu_notifier *mn, struct mm_struct *mm,
	     unsigned long start, unsigned long end);
