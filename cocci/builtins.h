/*
 * Macros spatch must pass over rather than expand: given to spatch as its
 * builtin macro file (--macro-file-builtins) after Coccinelle's own
 * standard.h, which scripts/lib.sh puts in front (cocci_spatch).  A macro
 * standing for a whole struct member without its semicolon parses only
 * this way; cocci/macros.h's expansions do not help there.  Keep one line
 * per macro and say where it is seen.
 */
/* RHEL 8 kABI padding: struct mmu_notifier_ops, struct mmu_notifier_mm */
#define RH_KABI_RESERVE(n)
/* RHEL 8.3: kABI slots holding new members (struct mmu_notifier_ops: get/put), an aux struct (struct mmu_notifier) */
#define RH_KABI_USE(n, _new)
#define RH_KABI_USE_AUX_PTR(n1, n2, _struct)
