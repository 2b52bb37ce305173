// SPDX-License-Identifier: GPL-2.0
/*
 * Per-device table with holders, as a v4.9-v4.18 tree has it once
 * range_struct ran: the start callback takes the range but returns void
 * and never asks whether it may block (those trees always may).  The
 * card keeps the mm -> struct hx_notifier table; ->release queues the
 * teardown; hx_object_track() stores the notifier in the object and
 * hx_object_untrack() clears it.  Converted as on v4.19 and later: the
 * new ->release calls the void callback over the whole mm (no flags: the
 * tree has none, and every invalidation there may block).
 */
#include <linux/mmu_notifier.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include "hx.h"

struct hx_notifier {
	struct mmu_notifier	mn;
	struct hx_card		*card;
	struct mm_struct	*mm;
	struct hlist_node	entry;
	struct work_struct	teardown;
	spinlock_t		objects_lock;
	struct list_head	objects;
};

void hx_card_init_notifiers(struct hx_card *card)
{
	hash_init(card->notifiers);
	mutex_init(&card->notifiers_mutex);
	card->flags = 0;
}

static void hx_notifier_teardown(struct work_struct *work)
{
	struct hx_notifier *hn = container_of(work, struct hx_notifier, teardown);
	struct hx_card *card = hn->card;
	struct hx_object *obj, *next;

	mutex_lock(&card->notifiers_mutex);
	spin_lock(&hn->objects_lock);
	hash_del(&hn->entry);
	list_for_each_entry_safe(obj, next, &hn->objects, notifier_entry) {
		obj->notifier = NULL;
		list_del_init(&obj->notifier_entry);
	}
	spin_unlock(&hn->objects_lock);
	mutex_unlock(&card->notifiers_mutex);
	mmu_notifier_unregister(&hn->mn, hn->mm);
	kfree(hn);
}

static void hx_notifier_release(struct mmu_notifier *mn, struct mm_struct *mm)
{
	struct hx_notifier *hn = container_of(mn, struct hx_notifier, mn);

	INIT_WORK(&hn->teardown, hx_notifier_teardown);
	schedule_work(&hn->teardown);
}

static void hx_notifier_range_start(struct mmu_notifier *mn,
				    const struct mmu_notifier_range *range)
{
	struct hx_notifier *hn = container_of(mn, struct hx_notifier, mn);
	unsigned long last = range->end - 1;
	struct hx_object *obj;

	spin_lock(&hn->objects_lock);
	list_for_each_entry(obj, &hn->objects, notifier_entry) {
		if (obj->addr > last ||
		    obj->addr + obj->npages * PAGE_SIZE <= range->start)
			continue;
		hx_object_unmap(obj);
	}
	spin_unlock(&hn->objects_lock);
}

static const struct mmu_notifier_ops hx_notifier_ops = {
	.release		= hx_notifier_release,
	.invalidate_range_start	= hx_notifier_range_start,
};

static struct hx_notifier *hx_notifier_lookup(struct hx_card *card)
{
	struct mm_struct *mm = current->mm;
	struct hx_notifier *hn;
	int err;

	down_write(&mm->mmap_sem);
	mutex_lock(&card->notifiers_mutex);
	hash_for_each_possible(card->notifiers, hn, entry, (unsigned long)mm)
		if (hn->mm == mm)
			goto unlock;

	hn = kzalloc(sizeof(*hn), GFP_KERNEL);
	if (!hn) {
		hn = ERR_PTR(-ENOMEM);
		goto unlock;
	}
	hn->card = card;
	hn->mm = mm;
	hn->mn.ops = &hx_notifier_ops;
	spin_lock_init(&hn->objects_lock);
	INIT_LIST_HEAD(&hn->objects);

	err = __mmu_notifier_register(&hn->mn, mm);
	if (err) {
		kfree(hn);
		hn = ERR_PTR(err);
		goto unlock;
	}
	hash_add(card->notifiers, &hn->entry, (unsigned long)mm);
unlock:
	mutex_unlock(&card->notifiers_mutex);
	up_write(&mm->mmap_sem);
	return hn;
}

int hx_object_track(struct hx_object *obj, unsigned long addr)
{
	struct hx_card *card = obj->card;
	struct hx_notifier *hn;

	hn = hx_notifier_lookup(card);
	if (IS_ERR(hn))
		return PTR_ERR(hn);

	spin_lock(&hn->objects_lock);
	obj->addr = addr;
	obj->notifier = hn;
	list_add(&obj->notifier_entry, &hn->objects);
	spin_unlock(&hn->objects_lock);
	return 0;
}

void hx_object_untrack(struct hx_object *obj)
{
	struct hx_card *card = obj->card;
	struct hx_notifier *hn;

	mutex_lock(&card->notifiers_mutex);
	hn = obj->notifier;
	if (hn == NULL) {
		mutex_unlock(&card->notifiers_mutex);
		return;
	}
	spin_lock(&hn->objects_lock);
	list_del(&obj->notifier_entry);
	obj->notifier = NULL;
	spin_unlock(&hn->objects_lock);
	mutex_unlock(&card->notifiers_mutex);
}
