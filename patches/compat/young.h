
/*
 * The young callbacks return bool on kernels of the series that made them
 * so (in review in 2026, no upstream commit yet), int before it; where the
 * kernel wants the other type, MNC_YOUNG() names a trampoline.
 */
