/*
 * tests/test_core.c: single-thread behaviour of the request core, run on
 * one simulated thread (every primitive still goes through the machine):
 * request encoding, check/test/clear, NO_ACTION, the WAIT predicate table
 * of spec 3.4 (and its bug twin), kick on a non-running vCPU.
 */
#include <stdio.h>
#include <string.h>

#include "kvm_host.h"
#include "scenarios.h"
#include "strategy.h"
#include "unit_driver.h"

struct cstate {
	struct kvm kvm;
	struct kvm_vcpu vcpu[2];
	int fails;
	char why[512];
};

static void fail(struct cstate *s, const char *what)
{
	size_t n = strlen(s->why);
	s->fails++;
	snprintf(s->why + n, sizeof(s->why) - n, "%s; ", what);
}
#define EXPECT(s, c) do { if (!(c)) fail((s), #c); } while (0)

static void core_main(void *arg)
{
	struct cstate *s = arg;
	struct kvm_vcpu *v = &s->vcpu[0];
	bool bugged = sim_current_param(0);

	/* encoding */
	EXPECT(s, (KVM_REQ_TLB_FLUSH & KVM_REQUEST_MASK) == 0);
	EXPECT(s, KVM_REQ_TLB_FLUSH & KVM_REQUEST_WAIT);
	EXPECT(s, KVM_REQ_TLB_FLUSH & KVM_REQUEST_NO_WAKEUP);
	EXPECT(s, (KVM_ARCH_REQ(3) & KVM_REQUEST_MASK) == 11);

	/* make / test / check / clear */
	EXPECT(s, !kvm_request_pending(v));
	kvm_make_request(KVM_REQ_TEST(1), v);
	EXPECT(s, kvm_request_pending(v));
	EXPECT(s, kvm_test_request(KVM_REQ_TEST(1), v));
	EXPECT(s, !kvm_test_request(KVM_REQ_TEST(2), v));
	EXPECT(s, kvm_check_request(KVM_REQ_TEST(1), v));   /* consumes */
	EXPECT(s, !kvm_check_request(KVM_REQ_TEST(1), v));  /* once */
	EXPECT(s, !kvm_request_pending(v));
	kvm_make_request(KVM_REQ_UNBLOCK, v);
	kvm_clear_request(KVM_REQ_UNBLOCK, v);
	EXPECT(s, !kvm_request_pending(v));

	/* NO_ACTION: no bit, and nobody to IPI when every vCPU is OUTSIDE */
	EXPECT(s, !kvm_make_all_cpus_request(&s->kvm, KVM_REQ_OUTSIDE_GUEST_MODE));
	EXPECT(s, READ_ONCE(v->requests) == 0);
	/* a plain request to all: bits set, no IPI for OUTSIDE vCPUs */
	EXPECT(s, !kvm_make_all_cpus_request(&s->kvm, KVM_REQ_TEST(0)));
	EXPECT(s, kvm_test_request(KVM_REQ_TEST(0), &s->vcpu[1]));
	kvm_clear_request(KVM_REQ_TEST(0), v);
	kvm_clear_request(KVM_REQ_TEST(0), &s->vcpu[1]);

	/* the WAIT predicate table (spec 3.4); the cmpxchg always runs */
	static const struct { int mode; bool wait, ipi; int after; } tab[] = {
		{OUTSIDE_GUEST_MODE, false, false, OUTSIDE_GUEST_MODE},
		{IN_GUEST_MODE, false, true, EXITING_GUEST_MODE},
		{EXITING_GUEST_MODE, false, false, EXITING_GUEST_MODE},
		{READING_SHADOW_PAGE_TABLES, false, false, READING_SHADOW_PAGE_TABLES},
		{OUTSIDE_GUEST_MODE, true, false, OUTSIDE_GUEST_MODE},
		{IN_GUEST_MODE, true, true, EXITING_GUEST_MODE},
		{EXITING_GUEST_MODE, true, true, EXITING_GUEST_MODE},
		{READING_SHADOW_PAGE_TABLES, true, true, READING_SHADOW_PAGE_TABLES},
	};
	for (size_t i = 0; i < sizeof(tab) / sizeof(tab[0]); i++) {
		WRITE_ONCE(v->mode, tab[i].mode);
		bool ipi = kvm_request_needs_ipi(v, tab[i].wait ? KVM_REQ_TLB_FLUSH
							      : KVM_REQ_TEST(0));
		bool want = tab[i].ipi;
		/* the bug twin: WAIT uses the IN_GUEST predicate */
		if (bugged && tab[i].wait)
			want = tab[i].mode == IN_GUEST_MODE;
		if (ipi != want) {
			char m[80];
			snprintf(m, sizeof(m), "needs_ipi row %zu: got %d", i, ipi);
			fail(s, m);
		}
		EXPECT(s, READ_ONCE(v->mode) == tab[i].after);
	}
	WRITE_ONCE(v->mode, OUTSIDE_GUEST_MODE);

	/* a kick to a vCPU that is neither blocked nor in guest does nothing */
	kvm_vcpu_kick(v);
	EXPECT(s, READ_ONCE(v->mode) == OUTSIDE_GUEST_MODE);
	EXPECT(s, !READ_ONCE(v->ready));
}

static void core_setup(struct sim *sim, void *state)
{
	struct cstate *s = state;
	s->kvm.nr_vcpus = 2;
	for (int i = 0; i < 2; i++) {
		s->vcpu[i].kvm = &s->kvm;
		s->vcpu[i].vcpu_idx = i;
		s->kvm.vcpus[i] = &s->vcpu[i];
		kvm_vcpu_load(&s->vcpu[i], i);
	}
	sim_spawn(sim, "test", 8, core_main, s);
}

static void core_end(struct sim *sim, void *state)
{
	struct cstate *s = state;
	if (s->fails)
		sim_report(sim, V_ASSERT, NULL, "%s", s->why);
}

static const struct scenario sc_core = {
	.name = "t-core", .summary = "core unit checks",
	.params = {{"bug", 0, 0, 1, ""}}, .nparams = 1, .bugs = {-1},
	.state_size = sizeof(struct cstate), .setup = core_setup, .check_end = core_end,
};

int main(void)
{
	static const int variants[] = {-1, BUG_WAIT_IN_GUEST_PREDICATE};
	return unit_drive(&sc_core, variants, 2, 50, true, false) ? 1 : 0;
}
