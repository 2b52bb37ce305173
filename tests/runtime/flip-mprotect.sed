# Fixture of tests/runtime/runtime.t: a wrong event at the invalidation of
# mprotect() (mm/mprotect.c), CLEAR where PROTECTION_VMA is right.  Its row
# of the runtime table must fail and scripts/runtime exit non-zero.
s/MMU_NOTIFY_PROTECTION_VMA/MMU_NOTIFY_CLEAR/
