/*
 * core/async_pf.c: async page faults, spec section 6: the generic part of
 * virt/kvm/async_pf.c (setup, worker, completion, clear, wakeup-all) and
 * the x86 hooks (not-present / page-present / page-ready, the ACK MSR, the
 * synthetic halt, what KVM_GET_MP_STATE exports).
 *
 * A not-present page becomes a work item: the vCPU thread queues it, tells
 * the guest (a PV #PF with a token) or halts synthetically (APF_HALT), and a
 * worker faults the page in and puts the item on the done list.  The vCPU
 * thread takes items off done, maps the page and tells the guest (a
 * page-ready interrupt carrying the token, which the guest ACKs).
 *
 * Two handshakes hold it together (spec 3.6 and 3.7):
 *
 *   worker (async_pf_execute)                vCPU thread, going to sleep
 *   -------------------------                ---------------------------
 *   lock; add to done; unlock                wait.task = current
 *   set_bit(APF_READY) + kick (if first)     set_current_state()    (mb)
 *   rcuwait_wake_up: smp_mb()                check_block: done empty?
 *   if (wait.task) wake_up_process()         if so schedule()
 *
 *   worker (present_queued)                  vCPU thread, guest ACK MSR
 *   -----------------------                  --------------------------
 *   set_bit(APF_READY)                       smp_store_mb(pageready_pending,
 *   smp_mb__after_atomic()                                false)
 *   if (!READ_ONCE(pageready_pending))       kvm_check_async_pf_completion:
 *       kvm_vcpu_kick()                          done empty?
 *
 * Either the sleeper sees the done entry or the worker sees its task; either
 * the worker sees the ACK and kicks, or the ACK's completion check sees the
 * done entry.
 *
 * Invariants:
 *  1. The queue and queued belong to the vCPU thread; the worker never
 *     touches them (bug apf-worker-touches-queue breaks exactly this).
 *  2. A worker does not use its item after putting it on done; the vCPU
 *     thread frees an item only after flush_work() (or after a
 *     cancel_work_sync() that found it never ran), so never while its
 *     worker runs.
 *  3. Every item reaches the guest exactly once: through its own page-ready
 *     (PV), by unhalting the vCPU (synthetic halt), or, when
 *     kvm_clear_async_pf_completion_queue() dropped it, through the
 *     wakeup-all of the re-enable that follows.
 *  4. The synthetic halt (apf.halted) is KVM's own state: it is not
 *     mp_state and KVM_GET_MP_STATE never exports it.
 *  5. Each bug variant changes exactly one place, marked reqsim_bug().
 *
 * Deviations from the kernel, on purpose:
 *  - kvm_clear_async_pf_completion_queue() frees a cancelled item only if it
 *    is not on done.  The kernel trusts cancel_work_sync()'s "was pending"
 *    (which the simulator now returns too); the extra test keeps the free
 *    right even if a backend answered "waited for a running worker".
 *  - kvm_can_do_async_pf() (LAPIC in kernel, no pending exception,
 *    interrupts allowed) is always true; the hva is never an error.
 *  - kvm_arch_vcpu_get_mpstate() reads plainly, as if the vCPU were stopped
 *    at that instant (the real ioctl takes vcpu->mutex).
 */
#include "async_pf.h"

#define APF_OPS(vcpu) ((vcpu)->async_pf.ops)
#define APF_HOOK(vcpu, fn, ...)                                             \
	do {                                                                \
		if (APF_OPS(vcpu)->fn)                                      \
			APF_OPS(vcpu)->fn(__VA_ARGS__);                     \
	} while (0)

void kvm_async_pf_vcpu_init(struct kvm_vcpu *vcpu, const struct kvm_async_pf_ops *ops,
			    bool pv_enabled)
{
	INIT_LIST_HEAD(&vcpu->async_pf.queue);
	INIT_LIST_HEAD(&vcpu->async_pf.done);
	spin_lock_init(&vcpu->async_pf.lock);
	vcpu->async_pf.queued = 0;
	vcpu->async_pf.limit = ASYNC_PF_PER_VCPU;
	vcpu->async_pf.ops = ops;
	vcpu->apf.enabled = pv_enabled;
}

/* ---- the gfn hash (kvm_add/del/find_async_pf_gfn), vCPU thread ------------------ */

static void kvm_add_async_pf_gfn(struct kvm_vcpu *vcpu, uint64_t gfn)
{
	for (int i = 0; i < KVM_APF_GFNS; i++)
		if (!vcpu->apf.gfns[i]) {
			vcpu->apf.gfns[i] = gfn;
			return;
		}
}

static void kvm_del_async_pf_gfn(struct kvm_vcpu *vcpu, uint64_t gfn)
{
	for (int i = 0; i < KVM_APF_GFNS; i++)
		if (vcpu->apf.gfns[i] == gfn) {
			vcpu->apf.gfns[i] = 0;
			return;
		}
}

static bool kvm_find_async_pf_gfn(struct kvm_vcpu *vcpu, uint64_t gfn)
{
	for (int i = 0; i < KVM_APF_GFNS; i++)
		if (vcpu->apf.gfns[i] == gfn)
			return true;
	return false;
}

static void kvm_async_pf_hash_reset(struct kvm_vcpu *vcpu)
{
	for (int i = 0; i < KVM_APF_GFNS; i++)
		vcpu->apf.gfns[i] = 0;
}

/* ---- the worker ---------------------------------------------------------------------- */

/* Put work on the done list; one APF_READY per empty -> non-empty
 * transition (the consumer drains done, or the ACK re-checks it). */
static void async_pf_add_done(struct kvm_vcpu *vcpu, struct kvm_async_pf *work)
{
	spin_lock(&vcpu->async_pf.lock);
	bool first = list_empty(&vcpu->async_pf.done);
	list_add_tail(&work->link, &vcpu->async_pf.done);
	spin_unlock(&vcpu->async_pf.lock);
	if (first)
		kvm_arch_async_page_present_queued(vcpu);
}

static void async_pf_execute(struct work_struct *w)
{
	struct kvm_async_pf *work = container_of(w, struct kvm_async_pf, work);
	struct kvm_vcpu *vcpu = work->vcpu;
	int id = work->ghost;

	APF_HOOK(vcpu, worker, vcpu, id, true);
	APF_HOOK(vcpu, touch, work, "its worker starts");
	/* get_user_pages: the result is ignored, the vCPU is always told (it
	 * retries synchronously if the page is still not there). */
	APF_HOOK(vcpu, fault_in, work);

	if (reqsim_bug(BUG_APF_WORKER_TOUCHES_QUEUE))
		/* "list_move from queue to done" (the review in seed 003): the
		 * worker takes its item off the vCPU-owned queue, racing with
		 * the vCPU thread's unlocked list operations on it. */
		list_del_init(&work->queue);

	APF_HOOK(vcpu, touch, work, "its worker puts it on the done list");
	async_pf_add_done(vcpu, work);
	/* From here on the vCPU thread may take the item off done: it is not
	 * touched again (flush_work() before kfree() covers the rest of this
	 * function). */
	/* Always try to wake a blocked vCPU (a halted one, or one whose kick
	 * was skipped because a page-ready is outstanding).  The done entry
	 * above is ordered before the task read by the smp_mb() in
	 * rcuwait_wake_up(); pairs with set_current_state() in
	 * kvm_vcpu_block() (the vCPU then sees done non-empty in
	 * kvm_vcpu_check_block). */
	kvm_vcpu_wake_up(vcpu);
	APF_HOOK(vcpu, worker, vcpu, id, false);
}

/* ---- setup, completion, clear (vCPU thread) ----------------------------------------- */

static void kvm_free_async_pf(struct kvm_vcpu *vcpu, struct kvm_async_pf *work)
{
	APF_HOOK(vcpu, free, work);
	kfree(work);
}

/* The item is done: wait for its worker to return, then free it.  A
 * wakeup-all dummy never had a worker. */
static void kvm_flush_and_free_async_pf_work(struct kvm_vcpu *vcpu,
					     struct kvm_async_pf *work)
{
	if (!work->wakeup_all)
		flush_work(&work->work);
	kvm_free_async_pf(vcpu, work);
}

bool kvm_setup_async_pf(struct kvm_vcpu *vcpu, uint64_t gfn, uint32_t token)
{
	struct kvm_async_pf *work;

	if (vcpu->async_pf.queued >= vcpu->async_pf.limit)
		return false;
	/* GFP_NOWAIT: if we are going to sleep anyway, we may as well sleep
	 * faulting the page in synchronously. */
	work = kzalloc(sizeof(*work));
	if (!work)
		return false;
	work->vcpu = vcpu;
	work->gfn = gfn;
	work->token = token;
	work->wakeup_all = false;
	INIT_LIST_HEAD(&work->link);
	INIT_LIST_HEAD(&work->queue);
	INIT_WORK(&work->work, async_pf_execute);
	APF_HOOK(vcpu, alloc, work);

	list_add_tail(&work->queue, &vcpu->async_pf.queue); /* no lock: ours */
	vcpu->async_pf.queued++;

	/* Tell the guest BEFORE the worker can complete: a page-ready must
	 * never overtake its not-present. */
	work->notpresent_injected = kvm_arch_async_page_not_present(vcpu, work);

	schedule_work(&work->work);
	return true;
}

void kvm_check_async_pf_completion(struct kvm_vcpu *vcpu)
{
	struct kvm_async_pf *work;

	while (!list_empty_careful(&vcpu->async_pf.done) &&
	       kvm_arch_can_dequeue_async_page_present(vcpu)) {
		spin_lock(&vcpu->async_pf.lock);
		work = list_first_entry(&vcpu->async_pf.done, struct kvm_async_pf, link);
		APF_HOOK(vcpu, touch, work, "the vCPU takes it off the done list");
		list_del_init(&work->link);
		spin_unlock(&vcpu->async_pf.lock);

		kvm_arch_async_page_ready(vcpu, work);
		kvm_arch_async_page_present(vcpu, work);

		list_del_init(&work->queue);
		vcpu->async_pf.queued--;
		kvm_flush_and_free_async_pf_work(vcpu, work);
	}
}

/* Under the lock: is the item on done (its worker ran to completion)? */
static bool kvm_async_pf_on_done(struct kvm_vcpu *vcpu, struct kvm_async_pf *work)
{
	bool on;
	spin_lock(&vcpu->async_pf.lock);
	on = !list_empty(&work->link);
	spin_unlock(&vcpu->async_pf.lock);
	return on;
}

void kvm_clear_async_pf_completion_queue(struct kvm_vcpu *vcpu)
{
	struct kvm_async_pf *work;

	/* Items not yet done: cancel them, or wait for their worker.  The
	 * first entry is read once (list_empty + list_first_entry would read
	 * it twice; the same on a list only we touch, but a worker that
	 * wrongly touches it could empty it in between). */
	for (;;) {
		struct list_head *first = READ_ONCE(vcpu->async_pf.queue.next);
		if (first == &vcpu->async_pf.queue)
			break;
		work = container_of(first, struct kvm_async_pf, queue);
		APF_HOOK(vcpu, touch, work, "the vCPU clears the queue");
		list_del_init(&work->queue);
		/* Waits if the worker is running: afterwards the item is either
		 * never going to run, or on done (freed by the drain below). */
		if (cancel_work_sync(&work->work) && !kvm_async_pf_on_done(vcpu, work))
			kvm_free_async_pf(vcpu, work);
	}

	spin_lock(&vcpu->async_pf.lock);
	while (!list_empty(&vcpu->async_pf.done)) {
		work = list_first_entry(&vcpu->async_pf.done, struct kvm_async_pf, link);
		APF_HOOK(vcpu, touch, work, "the vCPU drains the done list");
		list_del_init(&work->link);
		spin_unlock(&vcpu->async_pf.lock);
		kvm_flush_and_free_async_pf_work(vcpu, work);
		spin_lock(&vcpu->async_pf.lock);
	}
	spin_unlock(&vcpu->async_pf.lock);

	vcpu->async_pf.queued = 0;
}

int kvm_async_pf_wakeup_all(struct kvm_vcpu *vcpu)
{
	struct kvm_async_pf *work;

	if (!list_empty_careful(&vcpu->async_pf.done))
		return 0;
	work = kzalloc(sizeof(*work));
	if (!work)
		return -1;
	work->vcpu = vcpu;
	work->wakeup_all = true;
	INIT_LIST_HEAD(&work->link);
	INIT_LIST_HEAD(&work->queue); /* never queued: its list_del_init is a no-op */
	APF_HOOK(vcpu, alloc, work);

	async_pf_add_done(vcpu, work);
	vcpu->async_pf.queued++;
	return 0;
}

bool kvm_async_pf_done_pending(struct kvm_vcpu *vcpu)
{
	return !list_empty_careful(&vcpu->async_pf.done);
}

/* ---- x86 hooks ------------------------------------------------------------------------- */

/* kvm_can_deliver_async_pf: PV enabled, and the guest can take it now. */
static bool kvm_can_deliver_async_pf(struct kvm_vcpu *vcpu)
{
	if (!vcpu->apf.enabled)
		return false;
	return !APF_OPS(vcpu)->can_deliver || APF_OPS(vcpu)->can_deliver(vcpu);
}

bool kvm_arch_async_page_not_present(struct kvm_vcpu *vcpu, struct kvm_async_pf *work)
{
	kvm_add_async_pf_gfn(vcpu, work->gfn);
	if (kvm_can_deliver_async_pf(vcpu)) {
		/* reason NOT_PRESENT in the guest's APF data, then #PF(token) */
		APF_HOOK(vcpu, inject_not_present, vcpu, work->token, work->gfn);
		return true;
	}
	/* No PV delivery possible: halt the vCPU (synthetically) until the
	 * page is there; an interrupt can still be delivered meanwhile. */
	kvm_make_request(KVM_REQ_APF_HALT, vcpu);
	return false;
}

void kvm_arch_async_page_present(struct kvm_vcpu *vcpu, struct kvm_async_pf *work)
{
	uint32_t token = work->wakeup_all ? KVM_APF_WAKEUP_ALL_TOKEN : work->token;

	if (!work->wakeup_all)
		kvm_del_async_pf_gfn(vcpu, work->gfn);
	/* A page-ready only for a guest that was told not-present (or for a
	 * wakeup-all): never one the guest did not expect. */
	if ((work->wakeup_all || work->notpresent_injected) && vcpu->apf.enabled) {
		vcpu->apf.token_slot = token; /* apf_put_user_ready */
		/* Read by workers in present_queued: a page-ready is now
		 * outstanding, a kick could not deliver another one. */
		WRITE_ONCE(vcpu->apf.pageready_pending, true);
		/* kvm_apic_set_irq(page-ready vector): the guest takes it on
		 * its next entry (vCPU thread, before entry) */
	}
	/* The unhalt on completion. */
	vcpu->apf.halted = false;
	vcpu->mp_state = KVM_MP_STATE_RUNNABLE;
}

void kvm_arch_async_page_present_queued(struct kvm_vcpu *vcpu)
{
	kvm_make_request(KVM_REQ_APF_READY, vcpu);
	/* The request (and the done entry before it) before the read of
	 * pageready_pending; pairs with smp_store_mb() in the ACK MSR write:
	 * we see the ACK and kick, or the ACK's completion check sees done. */
	smp_mb__after_atomic();
	if (!READ_ONCE(vcpu->apf.pageready_pending))
		kvm_vcpu_kick(vcpu);
}

void kvm_arch_async_page_ready(struct kvm_vcpu *vcpu, struct kvm_async_pf *work)
{
	if (work->wakeup_all)
		return;
	APF_HOOK(vcpu, map, vcpu, work->gfn); /* prefault the gfn */
}

bool kvm_arch_can_dequeue_async_page_present(struct kvm_vcpu *vcpu)
{
	if (!vcpu->apf.enabled)
		return true;
	return vcpu->apf.token_slot == 0; /* the guest has consumed the last one */
}

int kvm_arch_async_pf_halt(struct kvm_vcpu *vcpu)
{
	APF_HOOK(vcpu, halt, vcpu);
	vcpu->apf.halted = true;
	if (reqsim_bug(BUG_APF_HALT_NO_RECHECK)) {
		/* Halt right here in the fast path, trusting the completion to
		 * wake us, without re-checking the done list after publishing
		 * the task: a completion that arrived in between has spent its
		 * wake-up already. */
		rcu_assign_pointer(vcpu->wait.task, current);
		/* full barrier, pairs with rcuwait_wake_up()'s smp_mb(); but
		 * nothing is checked after it */
		set_current_state(TASK_INTERRUPTIBLE);
		schedule();
		rcu_assign_pointer(vcpu->wait.task, NULL);
		__set_current_state(TASK_RUNNING);
	}
	/* Not running now: vcpu_run goes to vcpu_block, whose runnability
	 * check (kvm_vcpu_has_events: done non-empty) ends the halt. */
	return 1;
}

int kvm_apf_handle_page_fault(struct kvm_vcpu *vcpu, uint64_t gfn)
{
	if (!APF_OPS(vcpu))
		return 1;
	/* The guest touched a page whose async fault is still in flight (the
	 * retry after a synthetic halt ended early): halt again. */
	if (kvm_find_async_pf_gfn(vcpu, gfn)) {
		kvm_make_request(KVM_REQ_APF_HALT, vcpu);
		return 1;
	}
	/* kvm_arch_setup_async_pf: a fresh token for the guest */
	if (kvm_setup_async_pf(vcpu, gfn, ++vcpu->apf.id))
		return 1;
	/* Synchronous: fault it in right here on the vCPU thread. */
	APF_HOOK(vcpu, map, vcpu, gfn);
	return 1;
}

/* MSR_KVM_ASYNC_PF_EN (kvm_pv_enable_async_pf) */
static void kvm_pv_enable_async_pf(struct kvm_vcpu *vcpu, uint32_t data)
{
	vcpu->apf.enabled = data & KVM_ASYNC_PF_ENABLED;
	if (!vcpu->apf.enabled) {
		kvm_clear_async_pf_completion_queue(vcpu);
		kvm_async_pf_hash_reset(vcpu);
		return;
	}
	/* The guest may still wait for items the disable dropped: wake all. */
	if (!reqsim_bug(BUG_APF_DROP_ON_RESET))
		kvm_async_pf_wakeup_all(vcpu);
}

int kvm_apf_handle_msr(struct kvm_vcpu *vcpu, uint64_t arg)
{
	uint32_t msr = (uint32_t)(arg >> 32), data = (uint32_t)arg;

	if (!APF_OPS(vcpu))
		return 1;
	if (msr == MSR_KVM_ASYNC_PF_EN) {
		kvm_pv_enable_async_pf(vcpu, data);
	} else if (msr == MSR_KVM_ASYNC_PF_ACK && (data & 1)) {
		/* pageready_pending = false before the re-check of done; pairs
		 * with smp_mb__after_atomic() in
		 * kvm_arch_async_page_present_queued(). */
		smp_store_mb(vcpu->apf.pageready_pending, false);
		kvm_check_async_pf_completion(vcpu);
	}
	return 1;
}

int kvm_arch_vcpu_get_mpstate(struct kvm_vcpu *vcpu)
{
	if (reqsim_bug(BUG_APF_HALT_IN_SNAPSHOT) && vcpu->apf.halted)
		return KVM_MP_STATE_HALTED; /* the synthetic halt leaks out */
	return vcpu->mp_state;
}
