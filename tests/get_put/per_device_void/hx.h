/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-device shape with holders on a v4.9-v4.18 tree after range_struct
 * (see hxmn.c): the device keeps the mm -> notifier table and its mutex.
 */
#ifndef HX_H
#define HX_H

#include <linux/hashtable.h>
#include <linux/list.h>
#include <linux/mutex.h>

struct hx_notifier;

struct hx_object {
	struct hx_card		*card;
	unsigned long		addr;
	unsigned long		npages;
	struct hx_notifier	*notifier;
	struct list_head	notifier_entry;
};

struct hx_card {
	DECLARE_HASHTABLE(notifiers, 5);
	struct mutex		notifiers_mutex;
	unsigned int		flags;
};

void hx_card_init_notifiers(struct hx_card *card);
int hx_object_track(struct hx_object *obj, unsigned long addr);
void hx_object_untrack(struct hx_object *obj);
void hx_object_unmap(struct hx_object *obj);

#endif
