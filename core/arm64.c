/*
 * core/arm64.c: the arm64 KVM_RUN loop (kvm_arch_vcpu_ioctl_run), spec
 * section 5.
 *
 *   vCPU thread                              requester
 *   -----------                              ---------
 *   check_vcpu_requests()
 *   local_irq_disable()
 *   smp_store_mb(mode, IN_GUEST)             set_bit(req); smp_mb__before_atomic()
 *   if (requests pending) abort              cmpxchg(mode, IN_GUEST, EXITING) -> IPI
 *   guest_run()
 *   mode = OUTSIDE (plain, no wmb)
 *   local_irq_enable()
 *
 * Unlike x86 the final check has no EXITING term: a request-less kick that
 * lands after the mode store is caught only because its IPI makes the
 * entry exit at once, and one that lands before the store is lost.  That is
 * why every arm64 kick must come with a request.
 */
#include "kvm_host.h"

static int check_vcpu_requests(struct kvm_vcpu *vcpu)
{
	int r = kvm_check_common_requests(vcpu);
	if (r <= 0)
		return r;
	/* IRQ_PENDING-like requests (KVM_REQ_EVENT here) only force a re-flush.
	 * Check, not clear: an unconditional clear_bit orders nothing and can
	 * land after a waker's set_bit, losing it (found by reqsim, PSO). */
	(void)kvm_check_request(KVM_REQ_EVENT, vcpu);
	return 1;
}

/* kvm_vcpu_wfi: halt with polling until something is pending. */
static void kvm_vcpu_wfi(struct kvm_vcpu *vcpu)
{
	if (kvm_arch_vcpu_runnable(vcpu))
		return;
	kvm_vcpu_halt(vcpu);
}

static int handle_exit(struct kvm_vcpu *vcpu, struct guest_exit e)
{
	switch (e.reason) {
	case GUEST_EXIT_HLT:
		kvm_vcpu_wfi(vcpu);
		return 1;
	case GUEST_EXIT_SHUTDOWN:
		return 0;
	default:
		return 1;
	}
}

int vcpu_run_arm64(struct kvm_vcpu *vcpu)
{
	const struct kvm_hooks *h = vcpu->kvm->hooks;
	int ret = 1;
	while (ret > 0) {
		if (h->preempt_point)
			h->preempt_point(vcpu); /* preemptible: may migrate */
		/* xfer_to_guest_mode_handle_work(): a signal ends KVM_RUN */
		if (kvm_xfer_work_pending(vcpu)) {
			ret = -EINTR;
			break;
		}
		ret = check_vcpu_requests(vcpu);
		local_irq_disable();
		if (h->inject_events)
			h->inject_events(vcpu); /* vgic flush_hwstate */
		bool pending_early = reqsim_bug(BUG_CHECK_BEFORE_IN_GUEST) &&
				     kvm_request_pending(vcpu);
		/* Store plus full barrier: mode before the read of requests;
		 * pairs with smp_mb__before_atomic() in the requester. */
		if (reqsim_bug(BUG_NO_MB_AFTER_IN_GUEST))
			WRITE_ONCE(vcpu->mode, IN_GUEST_MODE);
		else
			smp_store_mb(vcpu->mode, IN_GUEST_MODE);
		if (h->sync_after_mode)
			h->sync_after_mode(vcpu);
		if (ret <= 0 || pending_early ||
		    (!reqsim_bug(BUG_CHECK_BEFORE_IN_GUEST) && kvm_request_pending(vcpu)) ||
		    kvm_xfer_work_pending(vcpu)) {
			WRITE_ONCE(vcpu->mode, OUTSIDE_GUEST_MODE);
			local_irq_enable();
			continue;
		}
		struct guest_exit e = kvm_guest_run(vcpu);
		WRITE_ONCE(vcpu->mode, OUTSIDE_GUEST_MODE); /* irqs still off */
		local_irq_enable(); /* an IRQ-caused exit takes its interrupt here */
		ret = handle_exit(vcpu, e);
	}
	return ret;
}
