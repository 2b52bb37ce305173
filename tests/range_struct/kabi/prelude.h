/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test fixture (tests/range_struct/kabi.t): what the fixture trees'
 * include/linux/mmu_notifier.h needs of the kernel to compile a driver
 * against it (gcc -fsyntax-only -include prelude.h): the types it names
 * and the vendor's kABI macros, as the tree's own code sees them (built
 * with the new prototype).  Written for the tests, not the real code.
 */
#include <stddef.h>
#include <stdbool.h>
struct mm_struct;
struct vm_area_struct;
struct hlist_node { struct hlist_node *next, **pprev; };
struct interval_tree_node { unsigned long start, last; };
typedef struct { unsigned long pte; } pte_t;
struct mmu_notifier_ops;
struct mmu_notifier {
	struct hlist_node hlist;
	const struct mmu_notifier_ops *ops;
};
#define container_of(p, t, m) ((t *)((char *)(p) - offsetof(t, m)))
#define RH_KABI_RESERVE(n)		unsigned long rh_reserved##n;
#define RH_KABI_USE(n, _new)		union { _new; unsigned long rh_reserved##n; };
#define RH_KABI_REPLACE(_orig, _new)	union { _new; };
#define RH_MN_V1(_orig)			_orig
#define RH_MMU_NOTIFIER_V2
#define CONFIG_MMU_NOTIFIER
