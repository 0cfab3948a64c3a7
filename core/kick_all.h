/*
 * core/kick_all.h: the proposed KVM_KICK_ALL_RUNNING_VCPUS /
 * KVM_RESUME_ALL_KICKED_VCPUS VM ioctls and the KVM_RUN wrapper that takes
 * kvm->memory_transaction for read (spec section 8; the series "KVM: API to
 * block and resume all running vcpus in a vm", seeds/002_dadf1e9261d50e80.txt).
 * Never merged upstream; modelled here so its ordering argument and its
 * userspace contract can be explored.
 *
 * Contracts:
 *  - kvm_kick_all_init(): setup time, before any thread runs.  Turns on the
 *    run loop's USERSPACE_KICK checks (kvm->kick_all_enabled); a VM without
 *    it executes no extra primitive, and must not call the ioctls.
 *  - kvm_vcpu_ioctl_run(): the vCPU thread's KVM_RUN.  Holds
 *    kvm->memory_transaction for read for its whole duration (hooks
 *    run_enter/run_exit bracket the read section).  Returns -EINTR without
 *    entering the guest while KVM_REQ_USERSPACE_KICK is set, -EINTR when
 *    the kick makes it leave the run loop (guest exit, wake-up from a halt),
 *    0 when the guest shut down, -EIO when the VM is dead.
 *  - kvm_vm_ioctl_kick_all_running_vcpus(): when it returns, every vCPU that
 *    was inside KVM_RUN when it was called has left it, and every later
 *    KVM_RUN returns -EINTR without entering the guest until
 *    kvm_vm_ioctl_resume_all_kicked_vcpus() is called.  One caller at a time
 *    (the proposal has no serialisation between kick and resume: the VMM
 *    must provide it).
 *  - kvm_vm_ioctl_resume_all_kicked_vcpus(): clears the request on every
 *    vCPU; it wakes nobody (a vCPU is out of KVM_RUN or about to leave it).
 */
#ifndef REQSIM_KICK_ALL_H
#define REQSIM_KICK_ALL_H
#include "kvm_host.h"

void kvm_kick_all_init(struct kvm *kvm);
void kvm_clear_all_cpus_request(struct kvm *kvm, unsigned int req);
int kvm_vcpu_ioctl_run(struct kvm_vcpu *vcpu);
void kvm_vm_ioctl_kick_all_running_vcpus(struct kvm *kvm);
void kvm_vm_ioctl_resume_all_kicked_vcpus(struct kvm *kvm);

#endif
