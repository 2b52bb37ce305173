
struct mnc_subscription {
	struct list_head link;
	struct mmu_notifier *mn;
	struct mm_struct *mm;
	unsigned int users;
	struct rcu_head rcu;
};

static LIST_HEAD(mnc_subscriptions);
static DEFINE_MUTEX(mnc_lock);

static void mnc_free(struct rcu_head *rcu)
{
	struct mnc_subscription *sub =
		container_of(rcu, struct mnc_subscription, rcu);

	mnc_free_notifier(sub->mn);
	kfree(sub);
}

static inline struct mmu_notifier *
mnc_get(const struct mmu_notifier_ops *ops, struct mm_struct *mm)
{
	struct mnc_subscription *sub;
	struct mmu_notifier *mn;
	int ret;

	mutex_lock(&mnc_lock);
	list_for_each_entry(sub, &mnc_subscriptions, link) {
		if (sub->mm == mm && sub->mn->ops == ops) {
			sub->users++;
			mn = sub->mn;
			goto out;
		}
	}
	mn = ERR_PTR(-ENOMEM);
	sub = kzalloc(sizeof(*sub), GFP_KERNEL);
	if (!sub)
		goto out;
	mn = mnc_alloc_notifier(ops, mm);
	if (IS_ERR(mn)) {
		kfree(sub);
		goto out;
	}
	mn->ops = ops;
	ret = mmu_notifier_register(mn, mm);
	if (ret) {
		sub->mn = mn;
		mnc_free(&sub->rcu);
		mn = ERR_PTR(ret);
		goto out;
	}
	sub->mn = mn;
	sub->mm = mm;
	sub->users = 1;
	list_add(&sub->link, &mnc_subscriptions);
out:
	mutex_unlock(&mnc_lock);
	return mn;
}

static inline void mnc_put(struct mmu_notifier *mn)
{
	struct mnc_subscription *sub;

	mutex_lock(&mnc_lock);
	list_for_each_entry(sub, &mnc_subscriptions, link) {
		if (sub->mn == mn)
			break;
	}
	if (WARN_ON(&sub->link == &mnc_subscriptions) || --sub->users) {
		mutex_unlock(&mnc_lock);
		return;
	}
	list_del(&sub->link);
	mutex_unlock(&mnc_lock);

	mmu_notifier_unregister_no_release(mn, sub->mm);
	mmu_notifier_call_srcu(&sub->rcu, mnc_free);
}

#define mmu_notifier_get mnc_get
#define mmu_notifier_put mnc_put
#endif
