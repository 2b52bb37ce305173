int lookup_entry(struct mm_struct *mm, unsigned long addr,
		 unsigned long *start, unsigned long *end,
		 pte_t **ptepp, pmd_t **pmdpp, spinlock_t **ptlp);
int lookup_other(struct mm_struct *mm, unsigned long *pfn);
