/* SPDX-License-Identifier: GPL-2.0 */
#ifndef MNSVM_H
#define MNSVM_H

struct mm_struct;
struct vm_area_struct;
struct mnsvm_dev;
struct mnsvm_range;

struct mnsvm_range *mnsvm_mirror(struct mnsvm_dev *dev, struct mm_struct *mm,
				 unsigned long start, unsigned long length);
void mnsvm_unmirror(struct mnsvm_range *r);
void mnsvm_evict(struct mnsvm_range *r, struct vm_area_struct *vma,
		 unsigned long start, unsigned long end);

#endif /* MNSVM_H */
