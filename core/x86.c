/*
 * core/x86.c: the x86 run loop (vcpu_run, vcpu_enter_guest, vcpu_block) and
 * the lockless shadow-page walk, spec section 4.
 *
 *   vCPU thread (vcpu_enter_guest)           requester / kicker
 *   ------------------------------           ------------------
 *   process requests
 *   local_irq_disable()
 *   smp_store_release(mode, IN_GUEST)        set_bit(req)
 *   smp_mb__after_srcu_read_unlock()         smp_mb__before_atomic()
 *   if (mode == EXITING || requests)         cmpxchg(mode, IN_GUEST, EXITING)
 *       abort: mode = OUTSIDE; smp_wmb()     IPI (irqs off here: stays pending,
 *   guest_run()                                  the entry exits at once)
 *   mode = OUTSIDE; smp_wmb()
 *   local_irq_enable()  <- a waited IPI completes here, mode already OUTSIDE
 *
 * The EXITING term of the final check catches a kick that landed between
 * the mode store and the check, including a request-less self-kick.
 */
#include "kvm_host.h"
#include "async_pf.h"

static bool has_events(struct kvm_vcpu *vcpu)
{
	const struct kvm_hooks *h = vcpu->kvm->hooks;
	/* async PF (spec 4.5, first term): completions on the done list.  Only
	 * a vCPU set up for async PF looks (its done list is never non-empty
	 * otherwise), so other vCPUs execute no extra primitive. */
	if (vcpu->async_pf.ops && kvm_async_pf_done_pending(vcpu))
		return true;
	return h->has_events && h->has_events(vcpu);
}

/* spec 4.1: RUNNABLE and not in the async-PF synthetic halt (plain reads
 * of vCPU-owned state). */
static bool kvm_vcpu_running(struct kvm_vcpu *vcpu)
{
	return vcpu->mp_state == KVM_MP_STATE_RUNNABLE && !vcpu->apf.halted;
}

bool kvm_arch_vcpu_runnable(struct kvm_vcpu *vcpu)
{
	if (vcpu->kvm->arch == KVM_ARCH_ARM64)
		return has_events(vcpu); /* IRQ line or vgic pending */
	/* x86: kvm_vcpu_running || kvm_vcpu_has_events */
	return kvm_vcpu_running(vcpu) || has_events(vcpu);
}

static int handle_exit(struct kvm_vcpu *vcpu, struct guest_exit e)
{
	switch (e.reason) {
	case GUEST_EXIT_HLT:
		/* __kvm_emulate_halt: stay runnable if an event is already pending */
		if (!has_events(vcpu))
			vcpu->mp_state = KVM_MP_STATE_HALTED;
		return 1;
	case GUEST_EXIT_SHUTDOWN:
		return 0;
	case GUEST_EXIT_PF: /* async PF (core/async_pf.c); no-op without it */
		return kvm_apf_handle_page_fault(vcpu, e.arg);
	case GUEST_EXIT_MSR: /* MSR_KVM_ASYNC_PF_EN / _ACK; no-op without it */
		return kvm_apf_handle_msr(vcpu, e.arg);
	default:
		return 1;
	}
}

static int vcpu_enter_guest(struct kvm_vcpu *vcpu)
{
	const struct kvm_hooks *h = vcpu->kvm->hooks;
	int r = kvm_check_common_requests(vcpu);
	if (r <= 0)
		return r;
	/* async PF requests (spec 4.2), only on a vCPU set up for async PF
	 * (others execute no extra primitive): APF_HALT is the synthetic halt,
	 * return without entering; APF_READY delivers completions. */
	if (vcpu->async_pf.ops && kvm_request_pending(vcpu)) {
		if (kvm_check_request(KVM_REQ_APF_HALT, vcpu))
			return kvm_arch_async_pf_halt(vcpu);
		if (kvm_check_request(KVM_REQ_APF_READY, vcpu))
			kvm_check_async_pf_completion(vcpu);
	}
	/* kvm_check_and_inject_events: runs on every entry here; the scenario
	 * decides what is pending (KVM_REQ_EVENT only re-triggers it). */
	(void)kvm_check_request(KVM_REQ_EVENT, vcpu);
	if (h->inject_events)
		h->inject_events(vcpu);

	/* Before IN_GUEST_MODE: an IPI from now on is taken in the guest (or
	 * right after the exit), never consumed uselessly in the host. */
	local_irq_disable();
	if (reqsim_bug(BUG_CHECK_BEFORE_IN_GUEST) && kvm_request_pending(vcpu))
		goto cancel;
	/* Release: earlier vCPU state (apicv_active, ...) before the mode. */
	smp_store_release(&vcpu->mode, IN_GUEST_MODE);
	/* srcu_read_unlock() + upgrade to a full barrier: mode before the read
	 * of requests; pairs with smp_mb__before_atomic() in
	 * kvm_vcpu_exiting_guest_mode() (Dekker) and with the flusher. */
	if (!reqsim_bug(BUG_NO_MB_AFTER_IN_GUEST))
		smp_mb__after_srcu_read_unlock();
	if (h->sync_after_mode)
		h->sync_after_mode(vcpu); /* sync_pir_to_irr */
	int mode;
	if (reqsim_bug(BUG_PLAIN_MODE_READ))
		mode = vcpu->mode; /* the pre-2024 plain read: a data race */
	else
		mode = READ_ONCE(vcpu->mode);
	if (mode == EXITING_GUEST_MODE ||
	    (!reqsim_bug(BUG_CHECK_BEFORE_IN_GUEST) && kvm_request_pending(vcpu)) ||
	    kvm_xfer_work_pending(vcpu)) {
		WRITE_ONCE(vcpu->mode, OUTSIDE_GUEST_MODE);
		smp_wmb();
		goto cancel;
	}

	struct guest_exit e = kvm_guest_run(vcpu);
	WRITE_ONCE(vcpu->mode, OUTSIDE_GUEST_MODE);
	/* OUTSIDE is visible before irqs come back on and a waited kick IPI
	 * completes: the sender knows we have really left guest mode. */
	smp_wmb();
	local_irq_enable();
	return handle_exit(vcpu, e);

cancel:
	local_irq_enable();
	return 1;
}

static int vcpu_block(struct kvm_vcpu *vcpu)
{
	if (!kvm_arch_vcpu_runnable(vcpu)) {
		if (vcpu->mp_state == KVM_MP_STATE_HALTED)
			kvm_vcpu_halt(vcpu);
		else
			kvm_vcpu_block(vcpu);
		/* Woken by something else (a signal, UNBLOCK): go round again
		 * without changing mp_state. */
		if (!kvm_arch_vcpu_runnable(vcpu))
			return 1;
	}
	if (vcpu->mp_state == KVM_MP_STATE_HALTED)
		vcpu->mp_state = KVM_MP_STATE_RUNNABLE;
	vcpu->apf.halted = false; /* spec 4.4 step 4: runnable ends the synthetic halt */
	return 1;
}

int vcpu_run_x86(struct kvm_vcpu *vcpu)
{
	const struct kvm_hooks *h = vcpu->kvm->hooks;
	int r;
	for (;;) {
		if (h->preempt_point)
			h->preempt_point(vcpu); /* preemptible: may migrate */
		if (kvm_vcpu_running(vcpu))
			r = vcpu_enter_guest(vcpu);
		else {
			r = vcpu_block(vcpu);
			/* kick-all (spec 8, core/kick_all.c): a halted vCPU woken
			 * by the kick keeps mp_state HALTED; leave KVM_RUN instead
			 * of blocking again.  A running vCPU is caught by
			 * kvm_check_common_requests() on its next entry. */
			if (kvm_userspace_kick_pending(vcpu))
				r = -EINTR;
		}
		if (r <= 0)
			break;
		kvm_clear_request(KVM_REQ_UNBLOCK, vcpu); /* drop a stale UNBLOCK */
		/* xfer-to-guest work (spec 4.1): a signal ends KVM_RUN (a
		 * halted vCPU woken by it stays halted, see vcpu_block) */
		if (kvm_xfer_work_pending(vcpu)) {
			r = -EINTR;
			break;
		}
	}
	return r;
}

void walk_shadow_page_lockless(struct kvm_vcpu *vcpu, void (*fn)(struct kvm_vcpu *))
{
	local_irq_disable();
	/* Mode before the SPTE reads; pairs with the barrier before the
	 * flusher reads mode: it sees us and waits, or we see its changes. */
	smp_store_mb(vcpu->mode, READING_SHADOW_PAGE_TABLES);
	fn(vcpu);
	/* SPTE reads before OUTSIDE: the flusher may free once it sees it. */
	smp_store_release(&vcpu->mode, OUTSIDE_GUEST_MODE);
	local_irq_enable();
}
