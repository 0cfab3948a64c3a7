/*
 * core/async_pf.h: async page faults (spec section 6): the work item, the
 * generic functions of virt/kvm/async_pf.c, the x86 hooks, the list
 * operations they use, and the hooks a scenario plugs in.
 *
 * Who owns what (the contract every function below keeps):
 *   vcpu->async_pf.queue, .queued    the vCPU thread only, no lock
 *   vcpu->async_pf.done              under vcpu->async_pf.lock; read without
 *                                    it only through list_empty_careful()
 *   vcpu->apf.halted, .id, .gfns,    the vCPU thread only (the guest script
 *   .token_slot, .enabled            runs as that thread's guest)
 *   vcpu->apf.pageready_pending      written by the vCPU thread, read by
 *                                    workers (WRITE_ONCE/smp_store_mb/READ_ONCE)
 *   a work item                      allocated and freed by the vCPU thread;
 *                                    its worker uses it until it is on done
 *
 * List links go through READ_ONCE/WRITE_ONCE (one scheduler decision each),
 * so that a list touched by two threads without the lock that should
 * protect it really races in the simulator; a fresh object is initialised
 * with plain stores before anyone else can see it.  Unlinking is
 * list_del_init (self-linked, never poisoned): a stale or double unlink
 * leaves a wrong list that the scenario's oracles catch, not a NULL
 * dereference that would crash the simulator.
 */
#ifndef REQSIM_ASYNC_PF_H
#define REQSIM_ASYNC_PF_H
#include "kvm_host.h"

#ifndef container_of
#define container_of(ptr, type, member)                                     \
	((type *)(void *)((char *)(ptr) - offsetof(type, member)))
#endif

/* ---- list operations (include/linux/list.h names) ------------------------- */

/* Only for an object nobody else can see yet (plain stores). */
static inline void INIT_LIST_HEAD(struct list_head *h)
{
	h->next = h;
	h->prev = h;
}

static inline bool list_empty(struct list_head *h)
{
	return READ_ONCE(h->next) == h;
}

/* The lockless "careful" check: empty only if neither link has moved
 * (an append under the lock may be half done).  The acquire pairs with the
 * appender's spin_unlock() (release): an entry seen is seen complete. */
static inline bool list_empty_careful(struct list_head *h)
{
	struct list_head *next = smp_load_acquire(&h->next);
	return next == h && next == READ_ONCE(h->prev);
}

static inline void list_add_tail(struct list_head *item, struct list_head *head)
{
	struct list_head *prev = READ_ONCE(head->prev);
	WRITE_ONCE(item->next, head);
	WRITE_ONCE(item->prev, prev);
	WRITE_ONCE(prev->next, item);
	WRITE_ONCE(head->prev, item);
}

static inline void list_del_init(struct list_head *item)
{
	struct list_head *prev = READ_ONCE(item->prev);
	struct list_head *next = READ_ONCE(item->next);
	WRITE_ONCE(next->prev, prev);
	WRITE_ONCE(prev->next, next);
	WRITE_ONCE(item->next, item);
	WRITE_ONCE(item->prev, item);
}

#define list_first_entry(head, type, member)                                \
	container_of(READ_ONCE((head)->next), type, member)

/* ---- the work item ---------------------------------------------------------- */

#define ASYNC_PF_PER_VCPU KVM_APF_GFNS
#define KVM_APF_WAKEUP_ALL_TOKEN 0xffffffffu

struct kvm_async_pf {
	struct work_struct work;
	struct list_head link;   /* on vcpu->async_pf.done */
	struct list_head queue;  /* on vcpu->async_pf.queue */
	struct kvm_vcpu *vcpu;
	uint64_t gfn;            /* arch.gfn (cr2_or_gpa) */
	uint32_t token;          /* arch.token: what the guest's #PF carried */
	bool wakeup_all;         /* the dummy item of kvm_async_pf_wakeup_all */
	bool notpresent_injected;
	int ghost;               /* the scenario's bookkeeping id; never read here */
};

/*
 * What a scenario plugs in (every member optional).  The ghost hooks
 * (alloc, touch, free, worker) must not call platform primitives.
 */
struct kvm_async_pf_ops {
	/* x86: the guest can take a PV #PF right now (CPL, send-always). */
	bool (*can_deliver)(struct kvm_vcpu *vcpu);
	/* x86: a #PF carrying token (reason NOT_PRESENT) is injected. */
	void (*inject_not_present)(struct kvm_vcpu *vcpu, uint32_t token, uint64_t gfn);
	/* The worker faults the page in (get_user_pages); may use primitives. */
	void (*fault_in)(struct kvm_async_pf *work);
	/* vCPU thread: the page is mapped into the guest (prefault after a
	 * completion, or a synchronous fault when async PF is not possible). */
	void (*map)(struct kvm_vcpu *vcpu, uint64_t gfn);
	/* Ghost: allocated; accessed at 'where'; about to be freed; its worker
	 * starts (true) or has returned (false: id is work->ghost, copied
	 * before the item was published on done). */
	void (*alloc)(struct kvm_async_pf *work);
	void (*touch)(struct kvm_async_pf *work, const char *where);
	void (*free)(struct kvm_async_pf *work);
	void (*worker)(struct kvm_vcpu *vcpu, int id, bool running);
	/* Ghost: the vCPU enters the synthetic halt (KVM_REQ_APF_HALT). */
	void (*halt)(struct kvm_vcpu *vcpu);
};

/* Setup time (before any thread runs): plain stores.  pv_enabled: the
 * guest has written MSR_KVM_ASYNC_PF_EN at boot. */
void kvm_async_pf_vcpu_init(struct kvm_vcpu *vcpu, const struct kvm_async_pf_ops *ops,
			    bool pv_enabled);

/* ---- generic (virt/kvm/async_pf.c), vCPU thread unless noted ------------------ */

/* Queue an async fault of gfn with token; false: do it synchronously. */
bool kvm_setup_async_pf(struct kvm_vcpu *vcpu, uint64_t gfn, uint32_t token);
/* Deliver completions while the guest can take one (KVM_REQ_APF_READY, ACK). */
void kvm_check_async_pf_completion(struct kvm_vcpu *vcpu);
/* Drop every item (APF disabled, reset): cancel or wait for each worker,
 * free everything, queued = 0. */
void kvm_clear_async_pf_completion_queue(struct kvm_vcpu *vcpu);
/* Queue a "wake up all" completion (token ~0) unless done is non-empty. */
int kvm_async_pf_wakeup_all(struct kvm_vcpu *vcpu);
/* kvm_vcpu_has_events' first term: the done list is not empty (any thread). */
bool kvm_async_pf_done_pending(struct kvm_vcpu *vcpu);

/* ---- x86 hooks (arch/x86/kvm/x86.c) ---------------------------------------------- */

bool kvm_arch_async_page_not_present(struct kvm_vcpu *vcpu, struct kvm_async_pf *work);
void kvm_arch_async_page_present(struct kvm_vcpu *vcpu, struct kvm_async_pf *work);
/* Worker: KVM_REQ_APF_READY, and a kick unless a page-ready is outstanding. */
void kvm_arch_async_page_present_queued(struct kvm_vcpu *vcpu);
void kvm_arch_async_page_ready(struct kvm_vcpu *vcpu, struct kvm_async_pf *work);
bool kvm_arch_can_dequeue_async_page_present(struct kvm_vcpu *vcpu);

/* KVM_REQ_APF_HALT was consumed in vcpu_enter_guest: the synthetic halt.
 * Returns 1 (go round the run loop without entering the guest). */
int kvm_arch_async_pf_halt(struct kvm_vcpu *vcpu);
/* GUEST_EXIT_PF: the guest touched gfn, which is not mapped.  1: go on. */
int kvm_apf_handle_page_fault(struct kvm_vcpu *vcpu, uint64_t gfn);
/* GUEST_EXIT_MSR with arg APF_MSR_EXIT_ARG(msr, data).  1: go on. */
int kvm_apf_handle_msr(struct kvm_vcpu *vcpu, uint64_t arg);
/* What KVM_GET_MP_STATE exports (read by a migration snapshot). */
int kvm_arch_vcpu_get_mpstate(struct kvm_vcpu *vcpu);

#define MSR_KVM_ASYNC_PF_EN 0x4b564d02u
#define MSR_KVM_ASYNC_PF_ACK 0x4b564d07u
#define KVM_ASYNC_PF_ENABLED 1u
#define APF_MSR_EXIT_ARG(msr, data) (((uint64_t)(msr) << 32) | (uint32_t)(data))

#endif
