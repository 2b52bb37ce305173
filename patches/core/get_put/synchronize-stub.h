
static inline void mmu_notifier_synchronize(void)
{
}
