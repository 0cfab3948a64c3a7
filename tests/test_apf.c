/*
 * tests/test_apf.c: single-thread behaviour of the async-PF core
 * (core/async_pf.c and its x86 hooks), run on one simulated thread that
 * plays the vCPU thread (the workers still run as simulated kworkers; the
 * test waits for them with flush_work).  Checked under every model and 50
 * random schedules each:
 *   - the list operations;
 *   - PV path: setup injects not-present before the worker can run, the
 *     worker puts the item on done and makes KVM_REQ_APF_READY, completion
 *     maps the page, writes the token, sets pageready_pending, frees it;
 *   - can-dequeue: a busy token slot holds the next completion back until
 *     the guest ACKs (the ACK delivers it);
 *   - synthetic-halt path: KVM_REQ_APF_HALT, no page-ready, unhalt on
 *     completion; a repeated fault halts again without a new item;
 *   - the limit: past ASYNC_PF_PER_VCPU the fault is synchronous;
 *   - wakeup-all: token ~0, not queued again while done is non-empty;
 *   - clear with items in flight: everything freed exactly once, lists
 *     empty, queued 0;
 *   - KVM_GET_MP_STATE never exports the synthetic halt (and the bug twin
 *     apf-halt-in-snapshot does).
 */
#include <stdio.h>
#include <string.h>

#include "async_pf.h"
#include "scenarios.h"
#include "strategy.h"
#include "unit_driver.h"

#define ITEMS 80

struct tstate {
	struct kvm kvm;
	struct kvm_vcpu vcpu;
	struct kvm_async_pf *last;      /* last item allocated */
	int allocs, frees[ITEMS + 1], mapped[8], worker_ran;
	uint32_t np_token;
	uint64_t np_gfn;
	bool deliver;
	int fails;
	char why[768];
};

static struct tstate *tst(struct kvm_vcpu *vcpu)
{
	return vcpu->kvm->ctx;
}

static void fail(struct tstate *s, const char *what, int line)
{
	size_t n = strlen(s->why);
	s->fails++;
	if (n < sizeof(s->why) - 1)
		snprintf(s->why + n, sizeof(s->why) - n, "line %d: %s; ", line, what);
}
#define EXPECT(s, c) do { if (!(c)) fail((s), #c, __LINE__); } while (0)

static bool t_can_deliver(struct kvm_vcpu *vcpu) { return tst(vcpu)->deliver; }
static void t_inject(struct kvm_vcpu *vcpu, uint32_t token, uint64_t gfn)
{
	tst(vcpu)->np_token = token;
	tst(vcpu)->np_gfn = gfn;
}
static void t_map(struct kvm_vcpu *vcpu, uint64_t gfn) { tst(vcpu)->mapped[gfn]++; }
static void t_alloc(struct kvm_async_pf *w)
{
	struct tstate *s = tst(w->vcpu);
	w->ghost = s->allocs < ITEMS ? ++s->allocs : 0;
	s->last = w;
}
static void t_free(struct kvm_async_pf *w) { tst(w->vcpu)->frees[w->ghost]++; }
static void t_worker(struct kvm_vcpu *vcpu, int id, bool running)
{
	(void)id;
	if (running)
		tst(vcpu)->worker_ran++;
}

static const struct kvm_async_pf_ops t_ops = {
	.can_deliver = t_can_deliver, .inject_not_present = t_inject, .map = t_map,
	.alloc = t_alloc, .free = t_free, .worker = t_worker,
};

static bool done_empty(struct kvm_vcpu *v) { return !kvm_async_pf_done_pending(v); }

static void apf_main(void *arg)
{
	struct tstate *s = arg;
	struct kvm_vcpu *v = &s->vcpu;
	bool bugged = sim_current_param(0);
	struct kvm_async_pf *w;

	/* lists */
	struct list_head *q = &v->async_pf.queue;
	EXPECT(s, list_empty(q) && list_empty_careful(q));

	/* PV path: not-present before the worker, then done + APF_READY */
	s->deliver = true;
	EXPECT(s, kvm_setup_async_pf(v, 1, 7));
	w = s->last;
	EXPECT(s, s->np_token == 7 && s->np_gfn == 1 && w->notpresent_injected);
	EXPECT(s, v->async_pf.queued == 1 && !list_empty(q));
	EXPECT(s, !kvm_test_request(KVM_REQ_APF_HALT, v));
	flush_work(&w->work);
	EXPECT(s, s->worker_ran == 1 && !done_empty(v));
	EXPECT(s, kvm_check_request(KVM_REQ_APF_READY, v));
	kvm_check_async_pf_completion(v);
	EXPECT(s, s->mapped[1] == 1 && v->apf.token_slot == 7);
	EXPECT(s, READ_ONCE(v->apf.pageready_pending));
	EXPECT(s, v->async_pf.queued == 0 && list_empty(q) && done_empty(v));
	EXPECT(s, s->frees[1] == 1);

	/* a busy slot holds the next completion back; the ACK delivers it */
	EXPECT(s, kvm_setup_async_pf(v, 2, 8));
	w = s->last;
	flush_work(&w->work);
	kvm_check_async_pf_completion(v);
	EXPECT(s, !done_empty(v) && s->mapped[2] == 0 && s->frees[2] == 0);
	v->apf.token_slot = 0; /* the guest consumed token 7 */
	kvm_apf_handle_msr(v, APF_MSR_EXIT_ARG(MSR_KVM_ASYNC_PF_ACK, 1));
	EXPECT(s, done_empty(v) && s->mapped[2] == 1 && v->apf.token_slot == 8);
	EXPECT(s, READ_ONCE(v->apf.pageready_pending) && s->frees[2] == 1);
	v->apf.token_slot = 0;
	kvm_apf_handle_msr(v, APF_MSR_EXIT_ARG(MSR_KVM_ASYNC_PF_ACK, 1));
	EXPECT(s, !READ_ONCE(v->apf.pageready_pending));
	kvm_clear_request(KVM_REQ_APF_READY, v);

	/* synthetic halt: APF_HALT, no page-ready, unhalt on completion */
	s->deliver = false;
	s->np_token = 0;
	kvm_apf_handle_page_fault(v, 3);
	w = s->last;
	EXPECT(s, !w->notpresent_injected && s->np_token == 0);
	EXPECT(s, kvm_check_request(KVM_REQ_APF_HALT, v));
	EXPECT(s, kvm_arch_async_pf_halt(v) == 1 && v->apf.halted);
	EXPECT(s, v->mp_state == KVM_MP_STATE_RUNNABLE);
	/* KVM_GET_MP_STATE does not export it (the bug twin does) */
	EXPECT(s, kvm_arch_vcpu_get_mpstate(v) ==
		  (bugged ? KVM_MP_STATE_HALTED : KVM_MP_STATE_RUNNABLE));
	/* a repeated fault on the same gfn: halt again, no new item */
	int before = s->allocs;
	kvm_apf_handle_page_fault(v, 3);
	EXPECT(s, s->allocs == before && kvm_check_request(KVM_REQ_APF_HALT, v));
	flush_work(&w->work);
	kvm_check_async_pf_completion(v);
	EXPECT(s, !v->apf.halted && s->mapped[3] == 1 && v->apf.token_slot == 0);
	EXPECT(s, kvm_arch_vcpu_get_mpstate(v) == KVM_MP_STATE_RUNNABLE);
	kvm_clear_request(KVM_REQ_APF_READY, v);

	/* the limit: synchronous past it */
	v->async_pf.limit = 0;
	kvm_apf_handle_page_fault(v, 4);
	EXPECT(s, s->mapped[4] == 1 && s->allocs == before);
	v->async_pf.limit = ASYNC_PF_PER_VCPU;

	/* wakeup-all: token ~0, once while done is non-empty */
	s->deliver = true;
	EXPECT(s, kvm_async_pf_wakeup_all(v) == 0 && !done_empty(v));
	before = s->allocs;
	EXPECT(s, kvm_async_pf_wakeup_all(v) == 0 && s->allocs == before);
	kvm_check_async_pf_completion(v);
	EXPECT(s, v->apf.token_slot == KVM_APF_WAKEUP_ALL_TOKEN && done_empty(v));
	EXPECT(s, v->async_pf.queued == 0);
	v->apf.token_slot = 0;
	kvm_apf_handle_msr(v, APF_MSR_EXIT_ARG(MSR_KVM_ASYNC_PF_ACK, 1));

	/* clear with items in flight (some may have run, some not) */
	for (int g = 5; g < 8; g++)
		EXPECT(s, kvm_setup_async_pf(v, (uint64_t)g, (uint32_t)(10 + g)));
	cpu_relax();
	kvm_apf_handle_msr(v, APF_MSR_EXIT_ARG(MSR_KVM_ASYNC_PF_EN, 0));
	EXPECT(s, !v->apf.enabled && v->async_pf.queued == 0);
	EXPECT(s, list_empty(q) && done_empty(v));
	for (int i = 1; i <= s->allocs; i++)
		EXPECT(s, s->frees[i] == 1);
	/* re-enable: a wakeup-all for whatever the guest still waits for */
	kvm_apf_handle_msr(v, APF_MSR_EXIT_ARG(MSR_KVM_ASYNC_PF_EN, KVM_ASYNC_PF_ENABLED));
	EXPECT(s, v->apf.enabled && !done_empty(v) && v->async_pf.queued == 1);
	EXPECT(s, kvm_test_request(KVM_REQ_APF_READY, v));
}

static void apf_setup(struct sim *sim, void *state)
{
	static const struct kvm_hooks hooks;
	struct tstate *s = state;
	s->kvm.arch = KVM_ARCH_X86;
	s->kvm.nr_vcpus = 1;
	s->kvm.hooks = &hooks;
	s->kvm.ctx = s;
	s->kvm.vcpus[0] = &s->vcpu;
	s->vcpu.kvm = &s->kvm;
	s->vcpu.mode = OUTSIDE_GUEST_MODE;
	s->vcpu.mp_state = KVM_MP_STATE_RUNNABLE;
	kvm_vcpu_load(&s->vcpu, 0);
	kvm_async_pf_vcpu_init(&s->vcpu, &t_ops, true);
	sim_spawn(sim, "vcpu0", 0, apf_main, s);
}

static void apf_end(struct sim *sim, void *state)
{
	struct tstate *s = state;
	if (s->fails)
		sim_report(sim, V_ASSERT, NULL, "%s", s->why);
}

static const struct scenario sc_apf = {
	.name = "t-apf", .summary = "async PF core unit checks",
	.params = {{"bug", 0, 0, 1, ""}}, .nparams = 1, .bugs = {-1},
	.state_size = sizeof(struct tstate), .setup = apf_setup, .check_end = apf_end,
};

int main(void)
{
	static const int variants[] = {-1, BUG_APF_HALT_IN_SNAPSHOT};
	return unit_drive(&sc_apf, variants, 2, 50, true, false) ? 1 : 0;
}
