// SPDX-License-Identifier: GPL-2.0-only
#spatch --no-loops
/// Use mmu_notifier_get/put for a driver's own mm -> object table
///
/// Many users of mmu notifiers keep their own table (a hash table or a
/// list, under a spinlock or a mutex) to find the one object, embedding a
/// struct mmu_notifier, that they register per mm.  Since v5.4 the core
/// does this: mmu_notifier_get(ops, mm) returns the one notifier of those
/// ops on the mm, taking a reference, and allocates it through
/// ops->alloc_notifier() the first time; mmu_notifier_put() drops the
/// reference and the last put unregisters it and frees it through
/// ops->free_notifier().  The driver's table, its lock and its
/// registration code go away.
///
/// The rule converts an object only when it can show the whole pattern:
/// a get function "struct T *get(struct mm_struct *mm)" that looks the
/// object up in a static table under a static lock, and otherwise
/// allocates it, initialises it, registers it with
/// (__)mmu_notifier_register() and adds it to the table; a put function
/// "void put(struct T *obj)" that drops a count and on the last one
/// unlinks the object, unregisters it and frees it (or drops a kref with
/// kref_put() under the lock, kref_put_mutex() or kref_put_lock(), whose
/// release function does that, the release function going too); and no
/// other user of the table.  Or, second shape (sgi-gru): no table of the
/// driver's own, a helper walks the mm's notifier list
/// (mm->mmu_notifier_mm) for the driver's ops; the get reuses what it finds
/// (taking an atomic count) or allocates, initialises and registers a new
/// object; the put drops the count and on the last one unregisters and
/// frees.  That get becomes mmu_notifier_get() (mmu_notifier_get_locked()
/// where it called __mmu_notifier_register() under the caller's mmap_sem),
/// the helper goes, and what the put did after the kfree() moves to
/// free_notifier(), which with alloc_notifier() goes before the ops (in
/// the place of a ->release that goes).  The count and the flag the put
/// tested go from the object when nothing but writes of constants and
/// debug prints (a function whose name has "dbg", or "debug" and is not
/// debugfs_*()) uses them any more, with those writes and prints, a test
/// whose only statement was such a print, and a ->release that did
/// nothing but set the flag (and print); a field still read elsewhere
/// stays, listed ("left:").
/// Or, third shape (radeon): the table is a hash table field of a device
/// structure (struct I, under a mutex field); the get
/// "static struct T *get(struct I *dev)" looks up, allocates, records dev
/// and the mm, registers and adds; the object has no count, ->release
/// queues a work item that unlinks, unregisters and frees it; one
/// function stores what the get returns in a holder (X->HF = obj), another
/// reads it back, returns if NULL and clears it.  Converted only if
/// nothing but the get and the work item reads the recorded dev or mm (no
/// callback asks which device an object is for), the get's only caller is
/// that holder, the holder field is cleared in one place with no return
/// after it, and the table and lock are used by nothing but the get, the
/// work item, the clearing function (the lock around it) and their
/// initialisation, which with the fields' declaration is in the file
/// group.  The holder calls mmu_notifier_get() where it called the get,
/// puts on every return between that and the store, and the clearing
/// function ends with the put and the clear; ->release runs the ops' own
/// invalidate_range_start over the whole mm (blockable); the get, the
/// work item, the table, the lock, their initialisation and the object's
/// fields nothing reads any more go.
/// Or, fourth shape (amdkfd, hmm of v5.3): the driver keeps its own table,
/// but tears the object down with mmu_notifier_unregister_no_release()
/// directly followed by mmu_notifier_call_srcu(&obj->rcu, fn), fn finding
/// the object from its rcu_head: the pair becomes mmu_notifier_put(), fn
/// the ops' ->free_notifier, and the rcu_head goes when nothing else uses
/// it.  Other mmu_notifier_unregister_no_release() calls of the object
/// (an error path) stay and are listed ("left:"), with [unsynced-free]
/// when the object is freed after one with no SRCU grace period.
/// Module exit: mmu_notifier_synchronize() is added when the file group
/// has exactly one module_exit(), before the exit's first teardown
/// (destroy_workqueue(), kmem_cache_destroy(), ..., directly or through
/// the group's functions: what a pending ->free_notifier() may use), at
/// its end when nothing tears down, with #include <linux/mmu_notifier.h>
/// unless the file or a local header it includes has it; not added, and
/// the exit listed ("module exit: left:"), when something that may still
/// drop notifiers comes after that teardown ([exit-order]) or the
/// teardown is inside a branch ([exit-nested]).  Everything else
/// is reported (MODE=report, or on stdout in patch mode), one record per
/// object (cocci/record.cocci: status reported, the CODES as its codes),
/// which records_text (scripts/lib.sh) shows as:
///   FILE:LINE: OBJECT: table T, lock L, lookups at F:L,...: not converted [CODES]: REASON
/// CODES, one for each blocker, comma-separated, stay the same from one
/// version to the next (the reasons' words may not): mm-field (the map is a
/// field of struct mm_struct), per-instance-table, per-instance-holders,
/// records-instance, no-table, indirect-table, no-get, no-put, find-no-put,
/// find-users, kref-release, table-users, table-not-static,
/// lock-not-static, extra-ref (a reference taken on an object already
/// held), deferred-free (the deferred free cannot become
/// mmu_notifier_put()) (cocci/get_put/report.cocci); vendor-layer
/// (scripts/convert: code a vendor's compatibility layer serves).
/// A conversion the series words its commit from (status converted, its
/// shape in the codes: deferred-free, per-device-table, own-notifier-list
/// and dropped), and what a conversion left for the maintainer (status
/// left), have a record each:
///   FILE:LINE: OBJECT: converted (SHAPE ...)
///   FILE:LINE: OBJECT: left: WHAT
///
/// The words of the commits.  scripts/steps/get_put prints the lines of
/// each section below, from its line "/// -- NAME: ... --" to the next,
/// as they stand (scripts/lib.sh: rule_words): the messages of the
/// series' patches and of a module port are these lines.
///
/// -- why: the body of the core patch --
/// Many mmu notifier users want a single refcounted object per mm, keyed to
/// their use, and each keeps its own list or hash table from mm_struct to
/// that object, with the locking and lifetime rules that go with it.
///
/// Add mmu_notifier_get(), which returns the notifier already registered
/// with the same ops on the mm or allocates one through the new
/// .alloc_notifier op, and mmu_notifier_put(), which drops a reference and
/// frees the notifier through .free_notifier once no callback can still
/// run.  The drivers are converted in the following patches.
///
/// -- cover: the step in the cover letter --
/// get_put: the core gains mmu_notifier_get()/mmu_notifier_put(), then one
/// patch per driver replaces the driver's own mm -> object table with them.
/// The core change is additive, so every patch builds on its own.
///
/// -- unit: the body of a driver's patch --
/// This driver keeps its own table from mm_struct to its per-mm object.
/// The mmu notifier core now keeps that mapping: use mmu_notifier_get() and
/// mmu_notifier_put(), with .alloc_notifier and .free_notifier, and drop
/// the table and the code that manages its lifetime.
///
/// Lifetime change: the object is no longer freed by the driver itself.
/// mmu_notifier_put() drops a reference; the last one unhooks the notifier
/// and queues the free with call_srcu(), so free_notifier() runs after an
/// SRCU grace period, once no callback of the notifier can still run
/// (before, mmu_notifier_unregister() waited with synchronize_srcu() and
/// the object was freed at once).  The object must not be touched after
/// mmu_notifier_put(); ->release is only called when the mm goes away;
/// free_notifier() runs from an SRCU callback and must not sleep.  The
/// module exit calls mmu_notifier_synchronize() so that no free_notifier()
/// outlives the module.  Locking: the get takes mmap_sem for write inside
/// mmu_notifier_get(), or expects it held (mmu_notifier_get_locked(), used
/// where the driver called __mmu_notifier_register() under its caller's
/// mmap_sem), instead of the driver's own lock.
///
/// -- unit-device: then, a per-device table converted --
/// Where the table was per device (a field of the device structure), the
/// object had no count and was handed to holders (a buffer object's pointer
/// to it), and ->release queued a work item that unlinked the object,
/// cleared the holders' pointers, unregistered and freed it: the devices
/// now share one object per mm.  That is sound because nothing but the
/// removed table code read the device or the mm the object recorded; no
/// callback asks which device an object belongs to.  Each holder now holds
/// a reference: mmu_notifier_get() stays where the holder got the object,
/// and mmu_notifier_put() goes where the holder drops it, after its last
/// use of the object and just before its pointer is cleared, and on every
/// error return between the get and the store into the holder, which the
/// old code, counting nothing, did not need (the v5.4 conversion of radeon
/// missed the one after its kmalloc() failure and leaked the reference).
///
/// -- unit-device-blockable: then, where the callback takes flags --
/// ->release no longer detaches the holders nor frees the object, which
/// the holders keep alive until they drop it: it runs the driver's own
/// invalidate_range_start() over the whole address space, as an unmap, so
/// no holder keeps using the pages of an mm that is going away.  The range
/// is marked MMU_NOTIFIER_RANGE_BLOCKABLE: ->release may sleep, and a
/// callback told it may not block may give up instead (-EAGAIN as soon as
/// it finds something to invalidate) and invalidate nothing; the v5.4
/// conversion of radeon passed no flags, so its ->release invalidated
/// nothing.  The table, its lock and their initialisation go from the
/// device, and the object loses the fields only the removed code used (the
/// device and mm it recorded, the work item, the table link).
///
/// -- unit-device-plain: or, where it takes none --
/// ->release no longer detaches the holders nor frees the object, which
/// the holders keep alive until they drop it: it runs the driver's own
/// invalidate_range_start() over the whole address space, as an unmap, so
/// no holder keeps using the pages of an mm that is going away.  The table,
/// its lock and their initialisation go from the device, and the object
/// loses the fields only the removed code used (the device and mm it
/// recorded, the work item, the table link).
///
/// -- unit-list-dropped: or, the own notifier list shape, fields dropped --
/// The driver found its object on the mm's own list of notifiers, as
/// mmu_notifier_get() now does: the helper that walked it goes.  The count,
/// and the flag ->release set so that the put skipped
/// mmu_notifier_unregister() once the mm was gone, served only the old get
/// and put: they go from the object, with the writes and the debug prints
/// that were all that still used them, and so does a ->release that did
/// nothing else.
///
/// -- unit-fields-left: or else --
/// Other fields that only served the old table or count (a refcount, a
/// released flag, the table link) are left in place for the maintainer to
/// drop.
///
/// -- unit-deferred: the body of a driver's patch, deferred-free shape only --
/// This driver keeps its own table from mm_struct to its per-mm object,
/// which it needs for its other lookups, and tears the object down with
/// mmu_notifier_unregister_no_release() and a free deferred with
/// mmu_notifier_call_srcu().  mmu_notifier_put() does both: the last
/// reference, here the registration's own, unhooks the notifier and frees
/// it through the new ->free_notifier after an SRCU grace period, from an
/// SRCU callback as before.  Use it, turn the deferred free into
/// ->free_notifier, and drop its rcu_head where nothing else needs it.
///
/// The lifetime is unchanged: the object is freed after the same grace
/// period, by the core instead of the driver's own call_srcu().  Where the
/// driver's directory has its module exit, the exit calls
/// mmu_notifier_synchronize() so that no free_notifier() outlives the
/// module.
///
/// -- module: a module port's message, after its list of rules --
/// Lifetime change: the object is no longer freed by the put function
/// itself. mmu_notifier_put() drops the reference; the last one unhooks
/// the notifier and queues the free with call_srcu(), so free_notifier()
/// runs after an SRCU grace period, once no callback of the notifier can
/// still be running (before, mmu_notifier_unregister() waited for them
/// with synchronize_srcu() and the object was freed right away).  The
/// object must not be touched after mmu_notifier_put().  ->release is no
/// longer called by the put, only when the mm goes away, so the driver
/// must have stopped using the mm before its last put.  free_notifier()
/// is called from an SRCU callback and must not sleep.  Because the free
/// is asynchronous, the module calls mmu_notifier_synchronize() in its
/// exit function so no free_notifier() callback outlives the module.
/// Locking change: the get now takes the mm's mmap_sem for write
/// (mmu_notifier_get()), or expects it held (mmu_notifier_get_locked(),
/// used where the driver called __mmu_notifier_register()), instead of
/// the driver's table lock.
//
// Confidence: Moderate
// Copyright: (C) 2026 The mmu-notifier-series authors.  GPLv2.
// Options: --iso-file cocci/get_put.iso --macro-file-builtins <(cat standard.h cocci/builtins.h) --macro-file cocci/macros.h --no-includes --include-headers
// Comments: the #spatch line adds --no-loops (matching a whole body that
//   returns from inside a loop otherwise never ends).  In the first shape
//   the refcount, mm and link fields of the object are left in place
//   (unused after the conversion) for the maintainer to drop; the second
//   drops the count and the flag it no longer needs, the third the fields
//   only the removed code used.  The second shape removes fields of its
//   object's structure, the third of the device structure: a user of them
//   outside the file group (the directory's candidates, its module exit
//   and its headers declaring a struct mmu_notifier or a hash table) is
//   not seen, and the gate builds only the objects a patch touches.

virtual patch
virtual report
// -D put_needs_get: the tree's mmu_notifier_put() puts only what
// mmu_notifier_get() allocated (cocci/get_put/defer.cocci)
virtual put_needs_get

// The rule is in parts, cocci/get_put/*.cocci, read in this order as one
// file (scripts/rule inlines them: spatch 1.1.1 looks an #include up from
// its working directory, and an included file sees no rule of another).
#include "lib/record.cocci"
#include "get_put/facts.cocci"
#include "get_put/table.cocci"
#include "get_put/gru.cocci"
#include "get_put/gru_leftover.cocci"
#include "get_put/device.cocci"
#include "get_put/device_decide.cocci"
#include "get_put/device_rewrite.cocci"
#include "get_put/defer.cocci"
#include "get_put/exit.cocci"
#include "get_put/report.cocci"
