// SPDX-License-Identifier: GPL-2.0
/* A /proc line that shows the count: not a debug print, the count stays. */
#include <linux/seq_file.h>
#include "gz.h"

int gz_space_show(struct seq_file *m, struct gz_space *sp)
{
	seq_printf(m, "space %p refs %d\n", sp, atomic_read(&sp->refs));
	return 0;
}
