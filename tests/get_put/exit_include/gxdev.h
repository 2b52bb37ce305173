/* SPDX-License-Identifier: GPL-2.0 */
/* The device side of find_ops' driver: no mmu notifier in sight. */
#ifndef _GXDEV_H
#define _GXDEV_H
int gx_register_device(void);
void gx_unregister_device(void);
void gx_free_tables(void);
#endif
