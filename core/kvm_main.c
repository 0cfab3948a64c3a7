/*
 * core/kvm_main.c: requests, kicks, multi-vCPU requests, TLB flush and
 * blocking; the architecture-independent half of the request protocol.
 *
 * The Dekker handshake everything here rests on (spec 3.7):
 *
 *   vCPU thread                          requester
 *   -----------                          ---------
 *   local_irq_disable()                  set_bit(req, &vcpu->requests)
 *   mode = IN_GUEST_MODE                 smp_mb__before_atomic()
 *   smp_mb()                             cmpxchg(mode, IN_GUEST -> EXITING)
 *   if (requests) abort entry            if it was IN_GUEST: IPI vcpu->cpu
 *
 * Either the vCPU sees the request at its final check, or the requester
 * sees IN_GUEST_MODE and sends an IPI that the vCPU (irqs off) takes as an
 * immediate exit.  The sleeping side has the same shape with the task
 * pointer and set_current_state() in place of mode:
 *
 *   vCPU thread                          waker
 *   -----------                          -----
 *   wait.task = current                  make the wake condition true
 *   set_current_state(INTERRUPTIBLE)     smp_mb()          (rcuwait_wake_up)
 *   if (!condition) schedule()           if (wait.task) wake_up_process()
 *
 * Invariants:
 *  1. Only the vCPU thread consumes request bits (kvm_check_request) and
 *     moves mode to IN_GUEST or OUTSIDE; others only set bits and move
 *     IN_GUEST -> EXITING by cmpxchg.
 *  2. A kick sends an IPI only on a real IN_GUEST -> EXITING transition;
 *     vcpu->cpu is read once, after the transition.
 *  3. Each bug variant changes exactly one place, marked reqsim_bug().
 */
#include "kvm_host.h"

/* ---- requests ----------------------------------------------------------------- */

void __kvm_make_request(int req, struct kvm_vcpu *vcpu)
{
	/* Publish the payload written before the request: pairs with the
	 * smp_mb__after_atomic() in kvm_check_request() (message passing). */
	if (!reqsim_bug(BUG_NO_WMB_BEFORE_REQUEST))
		smp_wmb();
	set_bit(req & KVM_REQUEST_MASK, &vcpu->requests);
}

void kvm_make_request(int req, struct kvm_vcpu *vcpu)
{
	BUG_ON(req & KVM_REQUEST_NO_ACTION); /* only the multi-vCPU helpers take it */
	__kvm_make_request(req, vcpu);
}

bool kvm_request_pending(struct kvm_vcpu *vcpu)
{
	return READ_ONCE(vcpu->requests) != 0;
}

bool kvm_test_request(int req, struct kvm_vcpu *vcpu)
{
	return test_bit(req & KVM_REQUEST_MASK, &vcpu->requests);
}

void kvm_clear_request(int req, struct kvm_vcpu *vcpu)
{
	clear_bit(req & KVM_REQUEST_MASK, &vcpu->requests);
}

bool kvm_check_request(int req, struct kvm_vcpu *vcpu)
{
	if (!kvm_test_request(req, vcpu))
		return false; /* no barrier on the "not set" path */
	kvm_clear_request(req, vcpu);
	/* Payload reads after this see the data written before the request:
	 * pairs with the smp_wmb() in __kvm_make_request(). */
	if (!reqsim_bug(BUG_NO_MB_AFTER_CHECK))
		smp_mb__after_atomic();
	return true;
}

void kvm_make_request_and_kick(int req, struct kvm_vcpu *vcpu)
{
	kvm_make_request(req, vcpu);
	__kvm_vcpu_kick(vcpu, req & KVM_REQUEST_WAIT);
}

int kvm_check_common_requests(struct kvm_vcpu *vcpu)
{
	const struct kvm_hooks *h = vcpu->kvm->hooks;
	if (!kvm_request_pending(vcpu))
		return 1;
	/* kick-all (spec 8): tested, not consumed; leave KVM_RUN with -EINTR
	 * until KVM_RESUME_ALL_KICKED_VCPUS clears it (core/kick_all.c). */
	if (kvm_userspace_kick_pending(vcpu))
		return -EINTR;
	if (kvm_check_request(KVM_REQ_VM_DEAD, vcpu))
		return -EIO;
	if (kvm_check_request(KVM_REQ_TLB_FLUSH, vcpu) && h->on_tlb_flush)
		h->on_tlb_flush(vcpu);
	for (int n = 0; n < vcpu->kvm->nr_test_requests; n++)
		if (kvm_check_request(KVM_REQ_TEST(n), vcpu) && h->on_request)
			h->on_request(vcpu, n);
	/* kvm_migrate_timers(): the timers follow the vCPU to its new pCPU
	 * (only a VM whose vCPUs migrate makes the request) */
	if (h->preempt_point && kvm_check_request(KVM_REQ_MIGRATE_TIMER, vcpu) &&
	    h->timer_migrated)
		h->timer_migrated(vcpu);
	return 1;
}

/* ---- kicks -------------------------------------------------------------------------- */

int kvm_vcpu_exiting_guest_mode(struct kvm_vcpu *vcpu)
{
	/* Order the earlier set_bit of the request before the read of mode;
	 * pairs with the full barrier after the vCPU stores IN_GUEST_MODE
	 * (Dekker: either the vCPU sees the request or we see IN_GUEST). */
	if (!reqsim_bug(BUG_NO_MB_BEFORE_MODE_READ))
		smp_mb__before_atomic();
	return cmpxchg(&vcpu->mode, IN_GUEST_MODE, EXITING_GUEST_MODE);
}

bool kvm_arch_vcpu_should_kick(struct kvm_vcpu *vcpu)
{
	/* x86 and arm64: IPI only on a real IN_GUEST -> EXITING transition;
	 * an EXITING vCPU already has an IPI on its way (IPIs coalesce). */
	return kvm_vcpu_exiting_guest_mode(vcpu) == IN_GUEST_MODE;
}

int rcuwait_wake_up(struct rcuwait *w)
{
	struct task_struct *task;
	/* Pairs with the barrier in the waiter's set_current_state(): either
	 * we see the published task or the waiter sees our condition. */
	smp_mb();
	rcu_read_lock();
	task = rcu_dereference(w->task);
	int woken = task ? wake_up_process(task) : 0;
	rcu_read_unlock();
	return woken;
}

bool kvm_vcpu_wake_up(struct kvm_vcpu *vcpu)
{
	if (rcuwait_wake_up(&vcpu->wait)) {
		WRITE_ONCE(vcpu->ready, true);
		return true;
	}
	return false;
}

/* xfer-to-guest work pending (spec 4.1, 4.2 step 11): a signal for the
 * vCPU thread, which must leave KVM_RUN with -EINTR before it enters the
 * guest again (signal_wake_up() sets the flag, then wakes the task or
 * IPIs its CPU: the vCPU re-reads it after its full barrier).  Only for a
 * VM whose VMM signals its vCPU threads. */
bool kvm_xfer_work_pending(struct kvm_vcpu *vcpu)
{
	return vcpu->kvm->signals_enabled && signal_pending(current);
}

bool kvm_vcpu_is_blocking(struct kvm_vcpu *vcpu)
{
	return READ_ONCE(vcpu->wait.task) != NULL;
}

static void ack_kick(void *info)
{
	(void)info; /* empty: the IPI's only job is the VM exit */
}

void __kvm_vcpu_kick(struct kvm_vcpu *vcpu, bool wait)
{
	if (kvm_vcpu_wake_up(vcpu))
		return; /* it was blocked: woken, no IPI */
	int me = get_cpu();
	if (vcpu->kvm->running_vcpu[me] == vcpu) {
		/* Self-kick (IRQ context on the vCPU's own pCPU): a plain store
		 * is enough, only the owner ever moves the vCPU to OUTSIDE. */
		if (READ_ONCE(vcpu->mode) == IN_GUEST_MODE)
			WRITE_ONCE(vcpu->mode, EXITING_GUEST_MODE);
	} else if (kvm_arch_vcpu_should_kick(vcpu)) {
		/* Read once, after the transition: a vCPU in guest mode runs
		 * with preemption off, so it cannot migrate before it has left
		 * guest mode (and one that migrates re-checks everything before
		 * it enters again). */
		int cpu = READ_ONCE(vcpu->cpu);
		if (cpu != me && cpu >= 0)
			smp_call_function_single(cpu, ack_kick, NULL, wait);
	}
	put_cpu();
}

void kvm_vcpu_kick(struct kvm_vcpu *vcpu)
{
	__kvm_vcpu_kick(vcpu, false);
}

/* ---- multi-vCPU requests (spec 3.4) -------------------------------------------------- */

bool kvm_request_needs_ipi(struct kvm_vcpu *vcpu, unsigned int req)
{
	int mode = kvm_vcpu_exiting_guest_mode(vcpu); /* always the cmpxchg */
	/* WAIT: anyone not OUTSIDE may still be using what we are about to
	 * change (IN_GUEST, EXITING not yet out, READING_SHADOW_PAGE_TABLES). */
	if ((req & KVM_REQUEST_WAIT) && !reqsim_bug(BUG_WAIT_IN_GUEST_PREDICATE))
		return mode != OUTSIDE_GUEST_MODE;
	return mode == IN_GUEST_MODE;
}

static void kvm_make_vcpu_request(struct kvm_vcpu *vcpu, unsigned int req,
				  struct cpumask *mask, int me)
{
	if (!(req & KVM_REQUEST_NO_ACTION))
		__kvm_make_request((int)req, vcpu);
	if (!(req & KVM_REQUEST_NO_WAKEUP) && kvm_vcpu_wake_up(vcpu))
		return;
	if (kvm_request_needs_ipi(vcpu, req)) {
		int cpu = READ_ONCE(vcpu->cpu);
		if (cpu != -1 && cpu != me)
			cpumask_set_cpu(cpu, mask);
	}
}

bool kvm_kick_many_cpus(struct cpumask *mask, bool wait)
{
	if (cpumask_empty(mask))
		return false;
	smp_call_function_many(mask, ack_kick, NULL, wait);
	return true;
}

bool kvm_make_vcpus_request_mask(struct kvm *kvm, unsigned int req,
				 const unsigned long *vcpu_bitmap)
{
	struct cpumask mask; /* the kernel's per-pCPU preallocated mask */
	int me = get_cpu();
	cpumask_clear(&mask);
	for (int i = 0; i < kvm->nr_vcpus; i++)
		if ((*vcpu_bitmap >> i) & 1)
			kvm_make_vcpu_request(kvm->vcpus[i], req, &mask, me);
	bool called = kvm_kick_many_cpus(&mask, req & KVM_REQUEST_WAIT);
	put_cpu();
	return called;
}

bool kvm_make_all_cpus_request_except(struct kvm *kvm, unsigned int req,
				      struct kvm_vcpu *except)
{
	struct cpumask mask;
	int me = get_cpu();
	cpumask_clear(&mask);
	for (int i = 0; i < kvm->nr_vcpus; i++)
		if (kvm->vcpus[i] != except)
			kvm_make_vcpu_request(kvm->vcpus[i], req, &mask, me);
	bool called = kvm_kick_many_cpus(&mask, req & KVM_REQUEST_WAIT);
	put_cpu();
	return called;
}

bool kvm_make_all_cpus_request(struct kvm *kvm, unsigned int req)
{
	return kvm_make_all_cpus_request_except(kvm, req, NULL);
}

void kvm_flush_remote_tlbs(struct kvm *kvm)
{
	/* Page-table writes before this call are ordered before each read of
	 * vcpu->mode by the barrier in kvm_vcpu_exiting_guest_mode(); pairs
	 * with the barrier after IN_GUEST_MODE and the shadow-walk barriers. */
	kvm_make_all_cpus_request(kvm, KVM_REQ_TLB_FLUSH);
}

/* ---- blocking (spec 3.6) ------------------------------------------------------------- */

int kvm_vcpu_check_block(struct kvm_vcpu *vcpu)
{
	if (kvm_arch_vcpu_runnable(vcpu))
		return -EINTR;
	if (signal_pending(current))
		return -EINTR;
	/* Consumes UNBLOCK: the one generic request that wakes a blocked vCPU. */
	if (!reqsim_bug(BUG_CHECK_BLOCK_IGNORES_REQUESTS) &&
	    kvm_check_request(KVM_REQ_UNBLOCK, vcpu))
		return -EINTR;
	/* kick-all (spec 8): a vCPU woken by KVM_KICK_ALL_RUNNING_VCPUS stays
	 * awake and leaves KVM_RUN (tested, not consumed; core/kick_all.c). */
	if (kvm_userspace_kick_pending(vcpu))
		return -EINTR;
	return 0;
}

bool kvm_vcpu_block(struct kvm_vcpu *vcpu)
{
	bool waited = false;
	vcpu->stat_blocking = 1;
	/* prepare_to_rcuwait: publish the task for rcuwait_wake_up(). */
	rcu_assign_pointer(vcpu->wait.task, current);
	for (;;) {
		/* Full barrier: pairs with the smp_mb() in rcuwait_wake_up(). */
		set_current_state(TASK_INTERRUPTIBLE);
		if (kvm_vcpu_check_block(vcpu) < 0)
			break;
		waited = true;
		schedule();
	}
	/* finish_rcuwait */
	rcu_assign_pointer(vcpu->wait.task, NULL);
	__set_current_state(TASK_RUNNING);
	vcpu->stat_blocking = 0;
	return waited;
}

void kvm_vcpu_halt(struct kvm_vcpu *vcpu)
{
	uint64_t poll_ns = vcpu->halt_poll_ns;
	if (poll_ns > vcpu->kvm->max_halt_poll_ns)
		poll_ns = vcpu->kvm->max_halt_poll_ns;
	vcpu->stat_halts++;
	if (poll_ns) {
		/* Polling: RUNNING and not published, so a kick sends nothing
		 * and wakes nothing; every wake source must leave state that
		 * check_block sees. */
		uint64_t stop = ktime_get_ns() + poll_ns;
		do {
			if (kvm_vcpu_check_block(vcpu) < 0)
				return; /* successful poll, never scheduled out */
			cpu_relax();
		} while (ktime_get_ns() < stop);
	}
	if (kvm_vcpu_block(vcpu))
		vcpu->stat_halt_wakeup++;
}

struct guest_exit kvm_guest_run(struct kvm_vcpu *vcpu)
{
	const struct kvm_hooks *h = vcpu->kvm->hooks;
	if (h->guest_entry)
		h->guest_entry(vcpu);
	vcpu->stat_entries++;
	struct guest_exit e = guest_run();
	vcpu->stat_exits++;
	if (h->guest_exit)
		h->guest_exit(vcpu, e);
	return e;
}

void kvm_vcpu_load(struct kvm_vcpu *vcpu, int cpu)
{
	/* Setup-time (before any requester runs): plain stores. */
	vcpu->cpu = cpu;
	vcpu->kvm->running_vcpu[cpu] = vcpu;
}

/* Preemption notifiers (vcpu_put / vcpu_load from the scheduler): the
 * vCPU thread leaves its pCPU and comes back on cpu, outside guest mode
 * and preemptible.  kvm_running_vcpu is per pCPU and read only there
 * (plain).  vcpu->cpu is read by kickers after their IN_GUEST -> EXITING
 * transition (see __kvm_vcpu_kick). */
void kvm_sched_out(struct kvm_vcpu *vcpu)
{
	vcpu->kvm->running_vcpu[vcpu->cpu] = NULL;
}

void kvm_sched_in(struct kvm_vcpu *vcpu, int cpu)
{
	vcpu->kvm->running_vcpu[cpu] = vcpu;
	if (vcpu->cpu != cpu) { /* only this thread writes it */
		/* kvm_arch_vcpu_load(): a new pCPU, the timers must follow */
		kvm_make_request(KVM_REQ_MIGRATE_TIMER, vcpu);
		WRITE_ONCE(vcpu->cpu, cpu);
	}
}

int kvm_arch_vcpu_ioctl_run(struct kvm_vcpu *vcpu)
{
	return vcpu->kvm->arch == KVM_ARCH_ARM64 ? vcpu_run_arm64(vcpu)
						   : vcpu_run_x86(vcpu);
}

void kvm_vcpu_init(struct kvm_vcpu *vcpu, struct kvm *kvm, int idx)
{
	vcpu->kvm = kvm;
	vcpu->vcpu_idx = idx;
	vcpu->mode = OUTSIDE_GUEST_MODE;
	vcpu->mp_state = KVM_MP_STATE_RUNNABLE;
	vcpu->halt_poll_ns = kvm->max_halt_poll_ns;
	kvm_vcpu_load(vcpu, idx);
	kvm->vcpus[idx] = vcpu;
	if (kvm->nr_vcpus < idx + 1)
		kvm->nr_vcpus = idx + 1;
}
