/*
 * core/kick_all.c: KVM_KICK_ALL_RUNNING_VCPUS and KVM_RESUME_ALL_KICKED_VCPUS
 * (spec section 8), proposed so that a VMM can make a sequence of memslot
 * changes (DELETE + CREATE) look atomic to its vCPUs.  Not merged upstream.
 *
 *   VMM (kick all)                         vCPU (KVM_RUN)
 *   --------------                         --------------
 *                                          down_read(memory_transaction)
 *   for each vCPU:                         if (test USERSPACE_KICK) -EINTR
 *     set_bit(USERSPACE_KICK)              run loop: enter guest / block
 *     wake it if it is blocked               (check_block tests the request)
 *     cmpxchg(mode IN_GUEST -> EXITING)      (entry: final request check)
 *   waited IPI to every vCPU not OUTSIDE   guest exit -> request processing
 *   down_write(memory_transaction)           tests USERSPACE_KICK: -EINTR
 *     ... waits for every reader ...       up_read(memory_transaction)
 *   up_write(memory_transaction)
 *   <- every vCPU that was in KVM_RUN      down_read     (userspace retries)
 *      has left it                         test USERSPACE_KICK: set, -EINTR
 *   (VMM edits memslots)                   up_read
 *   clear_bit(USERSPACE_KICK) on each      ...
 *   (resume)                               down_read; bit clear: runs the guest
 *
 * Ordering: a vCPU inside KVM_RUN when the kick starts holds the rwsem for
 * read, so down_write waits for it; that it leaves is the request protocol
 * of kvm_main.c (Dekker on mode vs requests for a vCPU entering the guest,
 * rcuwait for a blocked one: the request is not NO_WAKEUP).  A vCPU that
 * takes the rwsem for read after up_write sees the request: up_write is a
 * release after the set_bit (program order), down_read an acquire.
 *
 * Invariants:
 *  1. Only kvm_vm_ioctl_resume_all_kicked_vcpus() clears the request; the
 *     vCPU only tests it (kvm_userspace_kick_pending: kvm_test_request on a
 *     VM set up with kvm_kick_all_init), at KVM_RUN entry, in the run loop's
 *     request processing (kvm_check_common_requests), after a halt (x86
 *     vcpu_run) and in kvm_vcpu_check_block.
 *  2. The read section brackets the whole of kvm_arch_vcpu_ioctl_run(); the
 *     hooks run_enter/run_exit run inside it (ghost in_run state).
 *  3. BUG_KICK_ALL_CLEAR_EARLY changes one place: the request is cleared
 *     before down_write, so a vCPU may re-enter KVM_RUN and the guest while
 *     the VMM believes every vCPU is out.
 */
#include "kick_all.h"

void kvm_kick_all_init(struct kvm *kvm)
{
	init_rwsem(&kvm->memory_transaction);
	kvm->kick_all_enabled = true;
}

bool kvm_userspace_kick_pending(struct kvm_vcpu *vcpu)
{
	/* kick_all_enabled is setup-time state: a plain read, no primitive */
	return vcpu->kvm->kick_all_enabled &&
	       kvm_test_request(KVM_REQ_USERSPACE_KICK, vcpu);
}

void kvm_clear_all_cpus_request(struct kvm *kvm, unsigned int req)
{
	for (int i = 0; i < kvm->nr_vcpus; i++)
		kvm_clear_request((int)req, kvm->vcpus[i]);
}

int kvm_vcpu_ioctl_run(struct kvm_vcpu *vcpu)
{
	const struct kvm_hooks *h = vcpu->kvm->hooks;
	int r;
	/* Acquire: pairs with up_write() in the kick; a vCPU entering after
	 * the write section sees USERSPACE_KICK set before it. */
	down_read(&vcpu->kvm->memory_transaction);
	if (h->run_enter)
		h->run_enter(vcpu);
	if (kvm_userspace_kick_pending(vcpu))
		r = -EINTR; /* kicked: back to userspace at once */
	else
		r = kvm_arch_vcpu_ioctl_run(vcpu);
	if (h->run_exit)
		h->run_exit(vcpu, r);
	/* Release: everything this KVM_RUN did is before the VMM's down_write. */
	up_read(&vcpu->kvm->memory_transaction);
	return r;
}

void kvm_vm_ioctl_kick_all_running_vcpus(struct kvm *kvm)
{
	BUG_ON(!kvm->kick_all_enabled); /* its vCPUs would never look */
	/* Sets the bit, wakes blocked vCPUs, and (WAIT) IPIs every vCPU not
	 * OUTSIDE_GUEST_MODE and waits until it has left guest mode. */
	kvm_make_all_cpus_request(kvm, KVM_REQ_USERSPACE_KICK);
	/* The bug: clearing here, before down_write (Paolo's alternative
	 * clears right before up_write, when every vCPU is already out). */
	if (reqsim_bug(BUG_KICK_ALL_CLEAR_EARLY))
		kvm_clear_all_cpus_request(kvm, KVM_REQ_USERSPACE_KICK);
	/* Wait for every reader (every vCPU inside KVM_RUN) to leave. */
	down_write(&kvm->memory_transaction);
	/* Release: the set_bit above is before any later down_read. */
	up_write(&kvm->memory_transaction);
}

void kvm_vm_ioctl_resume_all_kicked_vcpus(struct kvm *kvm)
{
	/* No barrier of its own: the VMM publishes "resumed" to its vCPU
	 * threads with its own release (a mutex, a condition variable) after
	 * this returns, and a vCPU that re-enters early just sees -EINTR. */
	kvm_clear_all_cpus_request(kvm, KVM_REQ_USERSPACE_KICK);
}
