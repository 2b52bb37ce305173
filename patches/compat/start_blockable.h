
/*
 * 93065ac753e4 ("mm, oom: distinguish blockable mode for mmu notifiers"),
 * v4.19: invalidate_range_start() returns int and may be told not to block;
 * before it, it returned nothing and could always block.
 */
#ifdef MNC_HAVE_START_BLOCKABLE
