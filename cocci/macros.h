/*
 * Extra macro definitions for spatch (--macro-file), on top of Coccinelle's
 * standard.h: kernel constructs its parser otherwise trips over, so that no
 * function holding an mmu_notifier call is skipped.  Keep one line per macro
 * and say where it is seen.
 */
#define __must_hold(x)
#define __acquires(x)
#define __releases(x)
#define __rcu
#define __user
#define __iomem
#define __percpu
#define __always_inline inline
#define __maybe_unused
#define __ref
#define __init
#define __exit
