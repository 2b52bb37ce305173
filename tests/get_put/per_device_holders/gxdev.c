// SPDX-License-Identifier: GPL-2.0
/* Device set-up: the table and its lock are initialised with the rest. */
#include "gx.h"

int gx_device_init(struct gx_device *gdev)
{
	mutex_init(&gdev->ring_lock);
	mutex_init(&gdev->mn_lock);
	hash_init(gdev->mn_hash);
	gdev->nr_rings = 2;
	return 0;
}
