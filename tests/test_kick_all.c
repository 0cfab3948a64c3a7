/*
 * tests/test_kick_all.c: single-thread behaviour of the kick-all core
 * (core/kick_all.c, spec section 8), run on one simulated thread under
 * every model and both archs:
 *  - KVM_REQ_USERSPACE_KICK encoding (arch request 32, WAIT, wakes);
 *  - kick-all with nobody in KVM_RUN returns at once, sets the request on
 *    every vCPU and leaves memory_transaction free;
 *  - while kicked, KVM_RUN returns -EINTR without entering the guest, the
 *    run loop's request processing and kvm_vcpu_check_block return -EINTR,
 *    and a halted x86 vCPU leaves KVM_RUN instead of sleeping; the request
 *    is never consumed by the vCPU;
 *  - resume clears it everywhere, and KVM_RUN then runs the guest;
 *  - the bug twin (kick-all-clear-before-wait): the request is already
 *    clear when kick-all returns, so KVM_RUN enters the guest at once.
 */
#include <stdio.h>
#include <string.h>

#include "kick_all.h"
#include "scenarios.h"
#include "strategy.h"
#include "unit_driver.h"

struct kstate {
	struct kvm kvm;
	struct kvm_vcpu vcpu[2];
	int entries, run_enter, run_exit, last_r;
	int fails;
	char why[512];
};

static void fail(struct kstate *s, const char *what)
{
	size_t n = strlen(s->why);
	s->fails++;
	snprintf(s->why + n, sizeof(s->why) - n, "%s; ", what);
}
#define EXPECT(s, c) do { if (!(c)) fail((s), #c); } while (0)

static void h_entry(struct kvm_vcpu *vcpu)
{
	((struct kstate *)vcpu->kvm->ctx)->entries++;
}

static void h_run_enter(struct kvm_vcpu *vcpu)
{
	((struct kstate *)vcpu->kvm->ctx)->run_enter++;
}

static void h_run_exit(struct kvm_vcpu *vcpu, int r)
{
	struct kstate *s = vcpu->kvm->ctx;
	s->run_exit++;
	s->last_r = r;
}

static const struct kvm_hooks hooks = {
	.guest_entry = h_entry, .run_enter = h_run_enter, .run_exit = h_run_exit,
};

/* The guest shuts down at once: KVM_RUN returns 0 after one entry. */
static struct guest_step t_guest(struct sim *sim, void *state, int tid)
{
	(void)sim, (void)state, (void)tid;
	return (struct guest_step){1, {GUEST_EXIT_SHUTDOWN, 0}};
}

static void ka_main(void *arg)
{
	struct kstate *s = arg;
	struct kvm *kvm = &s->kvm;
	struct kvm_vcpu *v = &s->vcpu[0];
	bool bugged = sim_current_param(0);
	const int kick = KVM_REQ_USERSPACE_KICK;

	/* encoding: arch request 32, WAIT, not NO_WAKEUP (it must wake sleepers) */
	EXPECT(s, (kick & KVM_REQUEST_MASK) == KVM_REQUEST_ARCH_BASE + 32);
	EXPECT(s, kick & KVM_REQUEST_WAIT);
	EXPECT(s, !(kick & KVM_REQUEST_NO_WAKEUP));

	/* nobody in KVM_RUN: returns at once, request on every vCPU */
	kvm_vm_ioctl_kick_all_running_vcpus(kvm);
	for (int i = 0; i < 2; i++)
		EXPECT(s, kvm_test_request(kick, &s->vcpu[i]) == !bugged);
	EXPECT(s, down_read_trylock(&kvm->memory_transaction)); /* write side free */
	up_read(&kvm->memory_transaction);

	if (!bugged) {
		/* kicked: -EINTR at entry, no guest entry, one read section */
		EXPECT(s, kvm_vcpu_ioctl_run(v) == -EINTR);
		EXPECT(s, s->entries == 0);
		EXPECT(s, s->run_enter == 1 && s->run_exit == 1 && s->last_r == -EINTR);
		/* the run loop's request processing and check_block */
		EXPECT(s, kvm_check_common_requests(v) == -EINTR);
		v->mp_state = KVM_MP_STATE_HALTED; /* no events: would sleep */
		EXPECT(s, kvm_vcpu_check_block(v) == -EINTR);
		/* x86: a halted vCPU leaves the loop instead of blocking again;
		 * arm64: the request head of its loop returns -EINTR */
		EXPECT(s, kvm_arch_vcpu_ioctl_run(v) == -EINTR);
		EXPECT(s, s->entries == 0);
		EXPECT(s, kvm_test_request(kick, v)); /* tested, never consumed */
		v->mp_state = KVM_MP_STATE_RUNNABLE;

		kvm_vm_ioctl_resume_all_kicked_vcpus(kvm);
		for (int i = 0; i < 2; i++)
			EXPECT(s, !kvm_request_pending(&s->vcpu[i]));
		EXPECT(s, kvm_check_common_requests(v) == 1);
	}
	/* resumed (or never kicked, with the bug): the guest runs */
	EXPECT(s, kvm_vcpu_ioctl_run(v) == 0);
	EXPECT(s, s->entries == 1);
	EXPECT(s, s->run_enter == s->run_exit && s->last_r == 0);
	EXPECT(s, down_read_trylock(&kvm->memory_transaction));
	up_read(&kvm->memory_transaction);
}

static void ka_setup(struct sim *sim, void *state)
{
	struct kstate *s = state;
	s->kvm.arch = sim_arch(sim) == ARCH_ARM64 ? KVM_ARCH_ARM64 : KVM_ARCH_X86;
	s->kvm.hooks = &hooks;
	s->kvm.ctx = s;
	s->kvm.nr_vcpus = 2;
	kvm_kick_all_init(&s->kvm);
	for (int i = 0; i < 2; i++) {
		s->vcpu[i].kvm = &s->kvm;
		s->vcpu[i].vcpu_idx = i;
		s->vcpu[i].mode = OUTSIDE_GUEST_MODE;
		s->vcpu[i].mp_state = KVM_MP_STATE_RUNNABLE;
		s->kvm.vcpus[i] = &s->vcpu[i];
		kvm_vcpu_load(&s->vcpu[i], i);
	}
	sim_spawn(sim, "test", 0, ka_main, s);
}

static void ka_end(struct sim *sim, void *state)
{
	struct kstate *s = state;
	if (s->fails)
		sim_report(sim, V_ASSERT, NULL, "%s", s->why);
}

static const struct scenario sc_kick_all = {
	.name = "t-kick-all", .summary = "kick-all unit checks",
	.params = {{"bug", 0, 0, 1, ""}}, .nparams = 1, .bugs = {-1},
	.state_size = sizeof(struct kstate), .setup = ka_setup, .check_end = ka_end,
	.guest = t_guest,
};

int main(void)
{
	static const int variants[] = {-1, BUG_KICK_ALL_CLEAR_EARLY};
	return unit_drive(&sc_kick_all, variants, 2, 50, true, true) ? 1 : 0;
}
