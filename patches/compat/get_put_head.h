
/*
 * 2c7933f53f6b ("mm/mmu_notifiers: add a get/put scheme for the
 * registration"), v5.4: one notifier per mm and ops, counted, freed through
 * ->free_notifier() after an SRCU grace period.  On older kernels this
 * module keeps the count itself; mmu_notifier_synchronize() (v3.17) waits
 * for the frees.
 */
#ifndef MNC_HAVE_GET_PUT
#include <linux/err.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/slab.h>

