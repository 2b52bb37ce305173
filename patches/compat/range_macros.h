
#define MNC_START(fn) fn##_compat
#define MNC_END(fn) fn##_compat
#else
#define MNC_START(fn) fn
#define MNC_END(fn) fn
#endif
