/*
 * core/kvm_host.h: the request core's data and entry points, with KVM's
 * names (include/linux/kvm_host.h, virt/kvm/kvm_main.c, arch x86 and arm64).
 *
 * The core is written from ../shared/spec/kvm-protocol.md sections 1-5 on
 * top of core/platform.h only.  What a scenario adds (what a test request
 * means, what a "pending interrupt" is, oracles) comes in through
 * struct kvm_hooks; the protocol logic never knows which backend runs it.
 */
#ifndef REQSIM_KVM_HOST_H
#define REQSIM_KVM_HOST_H

#include "platform.h"

#define KVM_MAX_VCPUS 8

/* ---- request encoding (spec 2.1) ------------------------------------------ */

#define KVM_REQUEST_MASK 0xffU
#define KVM_REQUEST_NO_WAKEUP BIT(8) /* only vCPUs in guest mode must react */
#define KVM_REQUEST_WAIT BIT(9)      /* IPI synchronously, wait for the ack */
#define KVM_REQUEST_NO_ACTION BIT(10) /* sets no bit: kick/wait side effect only */
#define KVM_REQUEST_ARCH_BASE 8

#define KVM_ARCH_REQ_FLAGS(nr, flags) (((nr) + KVM_REQUEST_ARCH_BASE) | (flags))
#define KVM_ARCH_REQ(nr) KVM_ARCH_REQ_FLAGS(nr, 0)

#define KVM_REQ_TLB_FLUSH (0 | KVM_REQUEST_WAIT | KVM_REQUEST_NO_WAKEUP)
#define KVM_REQ_VM_DEAD (1 | KVM_REQUEST_WAIT | KVM_REQUEST_NO_WAKEUP)
#define KVM_REQ_UNBLOCK 2
#define KVM_REQ_OUTSIDE_GUEST_MODE \
	(KVM_REQUEST_NO_ACTION | KVM_REQUEST_WAIT | KVM_REQUEST_NO_WAKEUP)
/* x86 */
#define KVM_REQ_EVENT KVM_ARCH_REQ(6)
/* x86's arch request 8: made from sched_in when the vCPU lands on another
 * pCPU, so that its timers follow it (the 2009 timer migration). */
#define KVM_REQ_MIGRATE_TIMER KVM_ARCH_REQ(8)
/* ---- kick-all (spec 8, core/kick_all.c) ----
 * The proposal's x86 arch request 32 with WAIT (never merged: upstream arch
 * request 32 is now KVM_REQ_HV_TLB_FLUSH).  Modelled on both arches.  Only
 * ever tested by the vCPU, never consumed: KVM_RESUME_ALL_KICKED_VCPUS
 * clears it. */
#define KVM_REQ_USERSPACE_KICK KVM_ARCH_REQ_FLAGS(32, KVM_REQUEST_WAIT)
struct kvm_vcpu;
/* kvm_test_request(KVM_REQ_USERSPACE_KICK) on a VM that uses kick-all;
 * false without a primitive on any other VM. */
bool kvm_userspace_kick_pending(struct kvm_vcpu *vcpu);
/* ---- end kick-all ---- */
/* ---- async PF (spec 6, core/async_pf.c): the kernel's x86 numbers ----
 * APF_HALT: the synthetic halt (no PV not-present could be delivered);
 * APF_READY: completions are on the done list (made by the worker that
 * found it empty).  Both are checked only on a vCPU set up for async PF. */
#define KVM_REQ_APF_HALT KVM_ARCH_REQ(7)
#define KVM_REQ_APF_READY KVM_ARCH_REQ(28)
/* ---- end async PF ---- */
/* Scenario-defined requests ("do work n"), bits 24..31; their meaning comes
 * from kvm_hooks.on_request. */
#define KVM_REQ_TEST_BASE 16
#define KVM_REQ_TEST_COUNT 8
#define KVM_REQ_TEST(n) KVM_ARCH_REQ(KVM_REQ_TEST_BASE + (n))
#define KVM_REQ_TEST_NOWAKE(n) \
	KVM_ARCH_REQ_FLAGS(KVM_REQ_TEST_BASE + (n), KVM_REQUEST_NO_WAKEUP)

/* ---- vcpu->mode (spec 2.3) -------------------------------------------------- */

enum {
	OUTSIDE_GUEST_MODE,
	IN_GUEST_MODE,
	EXITING_GUEST_MODE,
	READING_SHADOW_PAGE_TABLES,
};

enum { KVM_MP_STATE_RUNNABLE, KVM_MP_STATE_HALTED };
enum { KVM_ARCH_X86, KVM_ARCH_ARM64 };

#define EINTR 4
#define EIO 5

struct rcuwait {
	struct task_struct *task; /* published by the waiter, NULL otherwise */
};

struct kvm_vcpu;

/* ---- async PF (spec 6, core/async_pf.c) ----------------------------------- */
/* The kernel's doubly linked list (include/linux/types.h); the operations
 * are in core/async_pf.h. */
struct list_head {
	struct list_head *next, *prev;
};
struct kvm_async_pf_ops; /* the scenario's hooks, core/async_pf.h */
struct kvm_vcpu_async_pf {
	struct list_head queue; /* every item not yet freed; vCPU thread only, no lock */
	struct list_head done;  /* completed items: under lock, read locklessly
				 * with list_empty_careful() */
	spinlock_t lock;        /* protects done */
	int queued;             /* items on queue (+ wakeup-all dummies); vCPU thread */
	int limit;              /* ASYNC_PF_PER_VCPU */
	const struct kvm_async_pf_ops *ops; /* NULL: async PF not set up */
};
#define KVM_APF_GFNS 64 /* = ASYNC_PF_PER_VCPU: one slot per item in flight */
struct kvm_vcpu_arch_apf {
	bool enabled;           /* MSR_KVM_ASYNC_PF_EN: PV delivery on (vCPU thread) */
	bool halted;            /* the synthetic halt; vCPU thread; never exported */
	bool pageready_pending; /* a page-ready awaits the guest's ACK: written by
				 * the vCPU thread, read by workers (ONCE/mb) */
	uint32_t id;            /* token allocator (vCPU thread) */
	uint32_t token_slot;    /* guest memory: the page-ready token, 0 = free */
	uint64_t gfns[KVM_APF_GFNS]; /* gfns with an async PF in flight (0: free) */
};
/* ---- end async PF ---- */

/* What a scenario plugs into the core (all optional). */
struct kvm_hooks {
	/* A KVM_REQ_TEST(n) was consumed by the vCPU. */
	void (*on_request)(struct kvm_vcpu *vcpu, int n);
	/* KVM_REQ_TLB_FLUSH was consumed: the vCPU flushes its TLB. */
	void (*on_tlb_flush)(struct kvm_vcpu *vcpu);
	/* Arch runnability beyond mp_state (an interrupt pending in IRR). */
	bool (*has_events)(struct kvm_vcpu *vcpu);
	/* Consume injectable events before entry (x86 KVM_REQ_EVENT path). */
	void (*inject_events)(struct kvm_vcpu *vcpu);
	/* Late check after IN_GUEST_MODE + barrier (posted-interrupt style). */
	void (*sync_after_mode)(struct kvm_vcpu *vcpu);
	/* The guest is about to run (irqs off, IN_GUEST_MODE published) and
	 * the guest has just exited (still IN_GUEST, irqs off): oracles. */
	void (*guest_entry)(struct kvm_vcpu *vcpu);
	void (*guest_exit)(struct kvm_vcpu *vcpu, struct guest_exit e);
	/* ---- kick-all (core/kick_all.c): the vCPU holds kvm->memory_transaction
	 * for read from run_enter to run_exit (r: what KVM_RUN returns). */
	void (*run_enter)(struct kvm_vcpu *vcpu);
	void (*run_exit)(struct kvm_vcpu *vcpu, int r);
	/* ---- end kick-all ---- */
	/* ---- vCPU migration: the run loop may be preempted here (a tick, a
	 * cond_resched()); the scenario may move the vCPU thread to another
	 * pCPU (kvm_sched_out, migrate_to_cpu, kvm_sched_in).  A VM without the
	 * hook is never migrated and runs no extra primitive. */
	void (*preempt_point)(struct kvm_vcpu *vcpu);
	/* KVM_REQ_MIGRATE_TIMER was consumed: the timer now fires here. */
	void (*timer_migrated)(struct kvm_vcpu *vcpu);
};

struct kvm_vcpu {
	struct kvm *kvm;
	int vcpu_idx;
	int cpu;                 /* pCPU it is loaded on, -1 when put */
	int mode;                /* OUTSIDE/IN_GUEST/EXITING/READING_SPT */
	unsigned long requests;  /* changed only by atomic bitops */
	struct rcuwait wait;
	bool ready;
	int mp_state;            /* vCPU-thread owned */
	uint64_t halt_poll_ns;   /* vCPU-thread owned */
	/* statistics (vCPU-thread owned unless noted) */
	int stat_exits, stat_entries, stat_halts, stat_halt_wakeup;
	int stat_blocking;       /* read by others only through kvm_vcpu_is_blocking */
	/* ---- async PF (spec 6, core/async_pf.c) ----
	 * async_pf: the generic part (virt/kvm/async_pf.c); apf: x86's
	 * vcpu->arch.apf.  Zero (ops == NULL) means async PF is not set up: the
	 * run loop then executes no async-PF primitive at all. */
	struct kvm_vcpu_async_pf async_pf;
	struct kvm_vcpu_arch_apf apf;
	/* ---- end async PF ---- */
};

struct kvm {
	int arch;
	int nr_vcpus;
	int nr_test_requests;    /* KVM_REQ_TEST(0..n-1) are checked on entry */
	struct kvm_vcpu *vcpus[KVM_MAX_VCPUS];
	uint64_t max_halt_poll_ns;
	const struct kvm_hooks *hooks;
	void *ctx;               /* the scenario's state */
	struct kvm_vcpu *running_vcpu[NR_CPUS]; /* kvm_running_vcpu per pCPU */
	/* ---- kick-all (core/kick_all.c) ----
	 * Taken for read around KVM_RUN, for write (and at once released) by
	 * KVM_KICK_ALL_RUNNING_VCPUS to wait until every vCPU has left KVM_RUN. */
	struct rw_semaphore memory_transaction;
	/* Setup time (kvm_kick_all_init): the VMM uses the kick-all ioctls.  A
	 * plain read, not a decision point: a VM that never uses them runs no
	 * extra primitive in its run loop. */
	bool kick_all_enabled;
	/* ---- end kick-all ---- */
	/* Setup time: the VMM forces vCPU threads out of KVM_RUN with signals
	 * (QEMU's SIG_IPI).  A plain read, not a decision point: a VM that is
	 * never signalled runs no extra primitive in its run loop. */
	bool signals_enabled;
};

/* ---- requests (kvm_host.h, spec 2.2) ---------------------------------------- */

void __kvm_make_request(int req, struct kvm_vcpu *vcpu);
void kvm_make_request(int req, struct kvm_vcpu *vcpu);
bool kvm_request_pending(struct kvm_vcpu *vcpu);
bool kvm_test_request(int req, struct kvm_vcpu *vcpu);
void kvm_clear_request(int req, struct kvm_vcpu *vcpu);
bool kvm_check_request(int req, struct kvm_vcpu *vcpu);
void kvm_make_request_and_kick(int req, struct kvm_vcpu *vcpu);
/* The generic head of both arches' request processing: a fixed sequence of
 * kvm_check_request calls (VM_DEAD -> -EIO, TLB_FLUSH, the scenario's test
 * requests); bits not yet examined when it returns early stay set. */
int kvm_check_common_requests(struct kvm_vcpu *vcpu);

/* ---- kicks and multi-vCPU requests (kvm_main.c, spec 3) --------------------- */

int kvm_vcpu_exiting_guest_mode(struct kvm_vcpu *vcpu);
bool kvm_arch_vcpu_should_kick(struct kvm_vcpu *vcpu);
bool kvm_vcpu_wake_up(struct kvm_vcpu *vcpu);
bool kvm_vcpu_is_blocking(struct kvm_vcpu *vcpu);
bool kvm_xfer_work_pending(struct kvm_vcpu *vcpu);
void __kvm_vcpu_kick(struct kvm_vcpu *vcpu, bool wait);
void kvm_vcpu_kick(struct kvm_vcpu *vcpu);
bool kvm_request_needs_ipi(struct kvm_vcpu *vcpu, unsigned int req);
bool kvm_kick_many_cpus(struct cpumask *mask, bool wait);
bool kvm_make_vcpus_request_mask(struct kvm *kvm, unsigned int req,
				 const unsigned long *vcpu_bitmap);
bool kvm_make_all_cpus_request_except(struct kvm *kvm, unsigned int req,
				      struct kvm_vcpu *except);
bool kvm_make_all_cpus_request(struct kvm *kvm, unsigned int req);
void kvm_flush_remote_tlbs(struct kvm *kvm);

/* ---- blocking (spec 3.6) ---------------------------------------------------- */

int rcuwait_wake_up(struct rcuwait *w);
int kvm_vcpu_check_block(struct kvm_vcpu *vcpu);
bool kvm_vcpu_block(struct kvm_vcpu *vcpu);
void kvm_vcpu_halt(struct kvm_vcpu *vcpu);
bool kvm_arch_vcpu_runnable(struct kvm_vcpu *vcpu);

/* ---- guest entry (spec 4 and 5) ---------------------------------------------- */

void kvm_vcpu_load(struct kvm_vcpu *vcpu, int cpu);
void kvm_sched_out(struct kvm_vcpu *vcpu);
void kvm_sched_in(struct kvm_vcpu *vcpu, int cpu);
/* Set up a zeroed vCPU as vCPU idx of kvm: outside guest mode, runnable,
 * loaded on pCPU idx and registered in kvm->vcpus (setup time, before any
 * thread runs: plain stores).  Both backends' scenarios create vCPUs so. */
void kvm_vcpu_init(struct kvm_vcpu *vcpu, struct kvm *kvm, int idx);
/* The hardware VM entry both arches make once IN_GUEST_MODE is published
 * and irqs are off: the scenario's entry/exit hooks around guest_run(). */
struct guest_exit kvm_guest_run(struct kvm_vcpu *vcpu);
/* The KVM_RUN loop: returns when the guest shuts down or the VM is dead. */
int kvm_arch_vcpu_ioctl_run(struct kvm_vcpu *vcpu);
int vcpu_run_x86(struct kvm_vcpu *vcpu);
int vcpu_run_arm64(struct kvm_vcpu *vcpu);
/* x86 lockless shadow-page walk: fn runs with mode READING_SHADOW_PAGE_TABLES. */
void walk_shadow_page_lockless(struct kvm_vcpu *vcpu, void (*fn)(struct kvm_vcpu *));

#endif
