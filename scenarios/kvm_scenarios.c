/*
 * scenarios/kvm_scenarios.c: the request-core scenarios (issue "Request
 * core I"): dekker, payload, kick_only, tlb_flush, outside_guest_mode, halt.
 *
 * Each scenario builds a VM of the real core (core/kvm_main.c, x86.c,
 * arm64.c), runs vCPU threads through KVM_RUN with a guest script, adds
 * requester threads, and checks oracles:
 *
 *   missed request  at quiescence a vCPU runs in guest mode (nothing will
 *                   make it exit: no event is left) while a request, an
 *                   injected event, or work it was asked for is pending;
 *   lost wakeup     at quiescence a vCPU sleeps while a wake condition holds
 *                   (an interrupt pending, KVM_REQ_UNBLOCK pending);
 *   stale payload   a request handler reads the payload older than the one
 *                   written before the request;
 *   WAIT not honoured  kvm_flush_remote_tlbs / KVM_REQ_OUTSIDE_GUEST_MODE
 *                   returned while a vCPU still used the old translation or
 *                   had not left guest mode;
 *   deadlock, livelock: from the simulator.
 *
 * Ghost state (made/seen counts, in_guest, sessions) is plain C written by
 * the threads themselves: it is the oracle's ground truth, outside the
 * memory model, and never read by the core.
 *
 * Invariants:
 *  1. vCPU i is thread i and runs on pCPU i; other threads follow.
 *  2. Every scenario's expected verdicts are in kvm_verdicts[] below; the
 *     tests check each cell.
 */
#include <stdio.h>
#include <string.h>

#include "kvm_host.h"
#include "scenarios.h"

#define V KVM_MAX_VCPUS
#define R KVM_REQ_TEST_COUNT

struct kstate {
	struct sim *sim;
	struct kvm *kvm;
	int nvcpus;   /* vCPUs that run the guest */
	long entries; /* finite guest slices before the guest runs until interrupted */
	int guest_exit;
	int slices[V];
	bool check_payload;
	/* ghost state */
	int made[V][R], seen[V][R];
	int kicked[V][R];   /* requests whose kick has returned */
	int irq_made[V];    /* injections started */
	int irq_kicked[V];  /* injections whose kick has returned */
	int irq_seen[V];    /* injections delivered (made count at delivery) */
	int in_guest[V], session[V];
	/* payload */
	long payload[R];
	/* interrupts (IRR) for kick_only and halt */
	unsigned long irr[V]; /* IRR: changed by atomic bitops, as in the LAPIC */
	int delivered[V];
	bool late_sync;
	/* tlb_flush */
	long pt;
	int tlb[V];
	int walking[V];
	long walk_val[V];
	int flushed;
	long walks;
	int vm_dead;        /* KVM_REQ_VM_DEAD returned */
	/* mixed */
	int mixed;
	int payload_bit[R];
	long gen, flushed_gen;
	spinlock_t mmu_lock;
};

struct targ {
	struct kstate *s;
	int idx;
};

/* Ghost bookkeeping of one request: made before, kicked after its kick. */
static int ghost_made(struct kstate *s, int v, int n)
{
	return ++s->made[v][n];
}

static void ghost_kicked(struct kstate *s, int v, int n, int mine)
{
	(void)mine;
	s->kicked[v][n]++; /* kicks completed; equal to made: none in flight */
}

static void report_here(struct kstate *s, int kind, const char *fmt, int a, int b)
{
	char msg[200];
	snprintf(msg, sizeof(msg), fmt, a, b);
	sim_report(s->sim, kind, NULL, "%s", msg);
}

/* ---- hooks ------------------------------------------------------------------------ */

static void h_on_request(struct kvm_vcpu *vcpu, int n)
{
	struct kstate *s = vcpu->kvm->ctx;
	int v = vcpu->vcpu_idx;
	s->seen[v][n] = s->made[v][n];
	if (s->check_payload || s->payload_bit[n]) {
		long p = READ_ONCE(s->payload[n]);
		if (p != 1)
			report_here(s, V_STALE_PAYLOAD,
				    "vcpu%d handled request %d but read a stale payload", v, n);
	}
}

static bool h_has_events(struct kvm_vcpu *vcpu)
{
	struct kstate *s = vcpu->kvm->ctx;
	return READ_ONCE(s->irr[vcpu->vcpu_idx]) != 0;
}

static void deliver_irq(struct kstate *s, int v)
{
	if (READ_ONCE(s->irr[v]) && test_and_clear_bit(0, &s->irr[v])) {
		s->delivered[v]++;
		s->irq_seen[v] = s->irq_made[v];
	}
}

static void h_inject(struct kvm_vcpu *vcpu)
{
	deliver_irq(vcpu->kvm->ctx, vcpu->vcpu_idx);
}

static void h_sync_after_mode(struct kvm_vcpu *vcpu)
{
	struct kstate *s = vcpu->kvm->ctx;
	if (s->late_sync) /* sync_pir_to_irr: after IN_GUEST_MODE + barrier */
		deliver_irq(s, vcpu->vcpu_idx);
}

static void h_guest_entry(struct kvm_vcpu *vcpu)
{
	struct kstate *s = vcpu->kvm->ctx;
	int v = vcpu->vcpu_idx;
	if (s->vm_dead)
		report_here(s, V_WAIT_NOT_HONOURED,
			    "vcpu%d entered the guest after KVM_REQ_VM_DEAD returned (%d)", v, 0);
	s->in_guest[v] = 1;
	s->session[v]++;
}

static void h_guest_exit(struct kvm_vcpu *vcpu, struct guest_exit e)
{
	struct kstate *s = vcpu->kvm->ctx;
	(void)e;
	s->in_guest[vcpu->vcpu_idx] = 0;
}

static void h_tlb_flush(struct kvm_vcpu *vcpu)
{
	struct kstate *s = vcpu->kvm->ctx;
	s->tlb[vcpu->vcpu_idx] = 0; /* invalid: reloaded on the next entry */
}

static void h_tlb_guest_entry(struct kvm_vcpu *vcpu)
{
	struct kstate *s = vcpu->kvm->ctx;
	int v = vcpu->vcpu_idx;
	h_guest_entry(vcpu);
	if (s->tlb[v] == 0) /* the guest walks the page tables in guest mode */
		s->tlb[v] = (int)READ_ONCE(s->pt);
	if (s->flushed && s->tlb[v] == 1)
		report_here(s, V_WAIT_NOT_HONOURED,
			    "vcpu%d entered the guest with the old translation after "
			    "kvm_flush_remote_tlbs returned (%d)", v, 0);
}

static const struct kvm_hooks hooks_plain = {
	.on_request = h_on_request,
	.guest_entry = h_guest_entry,
	.guest_exit = h_guest_exit,
};

static const struct kvm_hooks hooks_irq = {
	.on_request = h_on_request,
	.has_events = h_has_events,
	.inject_events = h_inject,
	.sync_after_mode = h_sync_after_mode,
	.guest_entry = h_guest_entry,
	.guest_exit = h_guest_exit,
};

static const struct kvm_hooks hooks_tlb = {
	.on_request = h_on_request,
	.on_tlb_flush = h_tlb_flush,
	.guest_entry = h_tlb_guest_entry,
	.guest_exit = h_guest_exit,
};

/* ---- the VM ---------------------------------------------------------------------------- */

static void vcpu_main(void *arg)
{
	kvm_arch_vcpu_ioctl_run(arg);
}

/* A vCPU of kvm, loaded on pCPU idx, with its handshake words named for
 * traces (shared with the other request-core scenario families). */
struct kvm_vcpu *kvm_scen_vcpu_create(struct sim *sim, struct kvm *kvm, int idx)
{
	struct kvm_vcpu *vcpu = sim_alloc(sim, sizeof(*vcpu));
	char name[32];
	kvm_vcpu_init(vcpu, kvm, idx);
	snprintf(name, sizeof(name), "vcpu%d->mode", idx);
	sim_name(sim, &vcpu->mode, name);
	snprintf(name, sizeof(name), "vcpu%d->requests", idx);
	sim_name(sim, &vcpu->requests, name);
	snprintf(name, sizeof(name), "vcpu%d->wait.task", idx);
	sim_name(sim, &vcpu->wait.task, name);
	return vcpu;
}

int kvm_scen_vcpu_view(const struct kvm *kvm, struct scen_vcpu_view *out, int max)
{
	int n = kvm->nr_vcpus < max ? kvm->nr_vcpus : max;
	for (int v = 0; v < n; v++) {
		out[v].mode = (int)sim_peek(&kvm->vcpus[v]->mode, sizeof(int));
		out[v].requests = (unsigned long)sim_peek(&kvm->vcpus[v]->requests, sizeof(long));
	}
	return n;
}

static int k_vcpu_view(struct sim *sim, void *state, struct scen_vcpu_view *out, int max)
{
	(void)sim;
	return kvm_scen_vcpu_view(((struct kstate *)state)->kvm, out, max);
}

/* Build the VM with n running vCPUs (threads 0..n-1). */
static void vm_setup(struct sim *sim, struct kstate *s, int n, long entries,
		     const struct kvm_hooks *hooks, int nreq, uint64_t poll_ns)
{
	s->sim = sim;
	s->kvm = sim_alloc(sim, sizeof(*s->kvm));
	s->kvm->arch = sim_arch(sim) == ARCH_ARM64 ? KVM_ARCH_ARM64 : KVM_ARCH_X86;
	s->kvm->hooks = hooks;
	s->kvm->ctx = s;
	s->kvm->nr_test_requests = nreq;
	s->kvm->max_halt_poll_ns = poll_ns;
	s->nvcpus = n;
	s->entries = entries;
	for (int i = 0; i < n; i++) {
		char name[16];
		kvm_scen_vcpu_create(sim, s->kvm, i);
		snprintf(name, sizeof(name), "vcpu%d", i);
		sim_spawn(sim, name, i, vcpu_main, s->kvm->vcpus[i]);
	}
}

static struct targ *targ(struct sim *sim, struct kstate *s, int idx)
{
	struct targ *a = sim_alloc(sim, sizeof(*a));
	a->s = s;
	a->idx = idx;
	return a;
}

static struct guest_step k_guest(struct sim *sim, void *state, int tid)
{
	struct kstate *s = state;
	(void)sim;
	int slice = s->slices[tid]++;
	if (slice < s->entries && s->mixed) /* timer and HLT exits in turn */
		return (struct guest_step){2 + (uint64_t)(slice % 3),
					   {slice % 2 ? GUEST_EXIT_HLT : GUEST_EXIT_TIMER, 0}};
	if (slice < s->entries)
		return (struct guest_step){2 + (uint64_t)(slice % 3),
					   {(enum guest_exit_reason)s->guest_exit, 0}};
	return (struct guest_step){0, {GUEST_EXIT_INTR, 0}}; /* until interrupted */
}

/* An interrupt owed to vCPU v: one was injected and every injection's kick
 * has returned, and IRR still holds a bit or the last delivery came before
 * the last injection.  IRR counts by itself (issue 15: stress_kvm.c's
 * owed_work() already did): a delivery sets irq_seen = irq_made, which
 * also covers an injection that has bumped irq_made but not yet set its
 * IRR bit; that bit, set after the delivery, is owed although the ghost
 * counts say all was seen.  The same predicate on real threads. */
static bool irq_owed(struct kstate *s, int v)
{
	bool irr = sim_peek(&s->irr[v], sizeof(long)) != 0;
	return (irr || s->irq_seen[v] < s->irq_made[v]) && s->irq_made[v] &&
	       s->irq_kicked[v] == s->irq_made[v];
}

/* Work pending for vCPU v that its requester has finished kicking for:
 * a request bit (or an interrupt) the vCPU must act on, with no IPI left to
 * make it exit.  Returns a short description or NULL. */
static const char *owed_work(struct kstate *s, int v, unsigned long *reqp)
{
	struct kvm_vcpu *vcpu = s->kvm->vcpus[v];
	unsigned long req = sim_peek(&vcpu->requests, sizeof(long));
	*reqp = req;
	for (int n = 0; n < R; n++) {
		bool bit = (req >> (KVM_REQUEST_ARCH_BASE + KVM_REQ_TEST_BASE + n)) & 1;
		if ((bit || s->seen[v][n] < s->made[v][n]) && s->made[v][n] &&
		    s->kicked[v][n] == s->made[v][n])
			return bit ? "a request" : "requested work (no request bit)";
	}
	if (irq_owed(s, v))
		return "an interrupt";
	return NULL;
}

/* Missed request: a vCPU in guest mode, work owed to it, its kick done,
 * and no IPI on its way: it stays in the guest until some unrelated exit
 * (or forever). Checked after every step. */
static void k_check_step(struct sim *sim, void *state)
{
	struct kstate *s = state;
	for (int v = 0; v < s->nvcpus; v++) {
		unsigned long req;
		const char *what;
		if (sim_thread_wait(sim, v) != SIM_WAIT_GUEST || sim_ipi_in_flight(sim, v))
			continue;
		/* EXITING: whoever made that transition is committed to an IPI */
		if (sim_peek(&s->kvm->vcpus[v]->mode, sizeof(int)) == EXITING_GUEST_MODE)
			continue;
		if (!(what = owed_work(s, v, &req)))
			continue;
		sim_report(sim, V_MISSED_REQUEST, sim_thread_site(sim, v),
			   "vcpu%d runs in guest mode with %s pending (requests=%#lx "
			   "irr=%d), its kick is done and no IPI is on its way",
			   v, what, req, (int)s->irr[v]);
		return;
	}
}

/* The shared end-of-run oracles. */
static void k_check_end(struct sim *sim, void *state)
{
	struct kstate *s = state;
	for (int v = 0; v < s->nvcpus && !sim_violated(sim); v++) {
		struct kvm_vcpu *vcpu = s->kvm->vcpus[v];
		unsigned long req = sim_peek(&vcpu->requests, sizeof(long));
		int irr = irq_owed(s, v);
		int wait = sim_thread_wait(sim, v);
		int owed = -1;
		for (int n = 0; n < R; n++)
			if (s->seen[v][n] < s->made[v][n])
				owed = n;
		if (wait == SIM_WAIT_GUEST) {
			/* UNBLOCK and EVENT are consumed elsewhere / re-triggers */
			unsigned long live = req & ~(BIT(KVM_REQ_UNBLOCK) |
						     BIT(KVM_REQ_EVENT & KVM_REQUEST_MASK));
			if (live || irr || owed >= 0) {
				sim_report(sim, V_MISSED_REQUEST, sim_thread_site(sim, v),
					   "vcpu%d runs in guest mode with %s pending "
					   "(requests=%#lx irr=%d) and nothing will make it exit",
					   v, live ? "a request" : irr ? "an interrupt"
					   : "requested work", req, irr);
				return;
			}
			sim_claim_stuck(sim, v);
		} else if (wait == SIM_WAIT_SLEEP) {
			if (irr || (req & BIT(KVM_REQ_UNBLOCK))) {
				sim_report(sim, V_LOST_WAKEUP, sim_thread_site(sim, v),
					   "vcpu%d sleeps in kvm_vcpu_block with %s pending "
					   "(requests=%#lx irr=%d)", v,
					   irr ? "an interrupt" : "KVM_REQ_UNBLOCK", req, irr);
				return;
			}
			sim_claim_stuck(sim, v);
		}
	}
}

/* The final state, for comparing searches (dfs with and without reduction):
 * per vCPU its request word, mode, and per request the made/seen counts. */
static void k_outcome(struct sim *sim, void *state, char *buf, size_t len)
{
	struct kstate *s = state;
	size_t at = 0;
	(void)sim;
	buf[0] = 0;
	for (int v = 0; v < s->nvcpus && at < len; v++) {
		const struct kvm_vcpu *vcpu = s->kvm->vcpus[v];
		at += (size_t)snprintf(buf + at, len - at, "v%d:req=%#lx mode=%d", v,
				       (unsigned long)sim_peek(&vcpu->requests, sizeof(long)),
				       (int)sim_peek(&vcpu->mode, sizeof(int)));
		for (int n = 0; n < R && at < len; n++)
			if (s->made[v][n])
				at += (size_t)snprintf(buf + at, len - at, " r%d=%d/%d", n,
						       s->seen[v][n], s->made[v][n]);
		at += (size_t)snprintf(buf + at, len - at, " irq=%d/%d%s", s->irq_seen[v],
				       s->irq_made[v], v + 1 < s->nvcpus ? " " : "");
	}
}

#define KVM_SCENARIO(nm, text, setupfn, ...)                                  \
	{                                                                   \
		.name = nm, .summary = text, .state_size = sizeof(struct kstate), \
		.archs = SCEN_ARCHS_ALL, /* x86 and arm64 run loops */      \
		.setup = setupfn, .check_end = k_check_end, .guest = k_guest,  \
		.outcome = k_outcome, .vcpu_view = k_vcpu_view,   \
		.check_step = k_check_step,                                 \
		__VA_ARGS__                                                 \
	}

/* ---- dekker -------------------------------------------------------------------------- */

static void dekker_requester(void *arg)
{
	struct targ *a = arg;
	struct kstate *s = a->s;
	long rounds = sim_current_param_named("rounds");
	for (long r = 0; r < rounds; r++) {
		int v = (int)((a->idx + r) % s->nvcpus);
		struct kvm_vcpu *vcpu = s->kvm->vcpus[v];
		int mine = ghost_made(s, v, a->idx);
		if (sim_current_param_named("mask")) {
			/* the multi-vCPU path, NO_WAKEUP: no wake-up barrier first */
			unsigned long bitmap = 1UL << v;
			kvm_make_vcpus_request_mask(s->kvm, KVM_REQ_TEST_NOWAKE(a->idx),
						    &bitmap);
		} else {
			if (!reqsim_bug(BUG_KICK_WITHOUT_REQUEST))
				kvm_make_request(KVM_REQ_TEST(a->idx), vcpu);
			kvm_vcpu_kick(vcpu);
		}
		ghost_kicked(s, v, a->idx, mine);
	}
}

/* kvm_vm_dead: every vCPU leaves KVM_RUN with -EIO and never enters again */
static void dekker_killer(void *arg)
{
	struct targ *a = arg;
	struct kstate *s = a->s;
	int sess0[V];
	cpu_relax(); /* some time into the run */
	for (int v = 0; v < s->nvcpus; v++)
		sess0[v] = s->in_guest[v] ? s->session[v] : -1;
	/* an earlier kick may still be on its way (vcpu0 EXITING, IPI in
	 * flight): exactly the state a WAIT request must still wait for */
	kvm_vcpu_kick(s->kvm->vcpus[0]);
	kvm_make_all_cpus_request(s->kvm, KVM_REQ_VM_DEAD);
	s->vm_dead = 1;
	for (int v = 0; v < s->nvcpus; v++) /* WAIT: nobody is still in there */
		if (s->in_guest[v] && s->session[v] == sess0[v])
			report_here(s, V_WAIT_NOT_HONOURED,
				    "KVM_REQ_VM_DEAD returned while vcpu%d still runs the "
				    "guest (%d)", v, 0);
}

static void dekker_setup(struct sim *sim, void *state)
{
	struct kstate *s = state;
	int nreq = (int)sim_param_named(sim, "requesters");
	s->guest_exit = GUEST_EXIT_TIMER;
	vm_setup(sim, s, (int)sim_param_named(sim, "vcpus"), sim_param_named(sim, "entries"), &hooks_plain, nreq, 0);
	for (int j = 0; j < nreq; j++) {
		char name[16];
		snprintf(name, sizeof(name), "req%d", j);
		sim_spawn(sim, name, 16 + j, dekker_requester, targ(sim, s, j));
	}
	if (sim_param_named(sim, "dead"))
		sim_spawn(sim, "killer", 24, dekker_killer, targ(sim, s, 0));
}

/* ---- payload ------------------------------------------------------------------------- */

static void payload_requester(void *arg)
{
	struct targ *a = arg;
	struct kstate *s = a->s;
	int v = a->idx % s->nvcpus;
	WRITE_ONCE(s->payload[a->idx], 1);
	int mine = ghost_made(s, v, a->idx);
	kvm_make_request(KVM_REQ_TEST(a->idx), s->kvm->vcpus[v]);
	kvm_vcpu_kick(s->kvm->vcpus[v]);
	ghost_kicked(s, v, a->idx, mine);
}

static void payload_setup(struct sim *sim, void *state)
{
	struct kstate *s = state;
	int nreq = (int)sim_param_named(sim, "requesters");
	s->guest_exit = GUEST_EXIT_TIMER;
	s->check_payload = true;
	vm_setup(sim, s, (int)sim_param_named(sim, "vcpus"), sim_param_named(sim, "entries"), &hooks_plain, nreq, 0);
	for (int j = 0; j < nreq; j++) {
		char name[16];
		snprintf(name, sizeof(name), "req%d", j);
		sim_name(sim, &s->payload[j], j ? "payload1" : "payload0");
		sim_spawn(sim, name, 16 + j, payload_requester, targ(sim, s, j));
	}
}

/* kvm_apic_set_irq: IRR, then KVM_REQ_EVENT and a kick. */
static void inject_irq(struct kstate *s, int v)
{
	struct kvm_vcpu *vcpu = s->kvm->vcpus[v];
	int mine = ++s->irq_made[v];
	set_bit(0, &s->irr[v]);
	kvm_make_request(KVM_REQ_EVENT, vcpu);
	kvm_vcpu_kick(vcpu);
	(void)mine;
	s->irq_kicked[v]++;
}

/* ---- kick_only: an interrupt flag plus a kick, no request --------------------------- */

static void kick_only_kicker(void *arg)
{
	struct targ *a = arg;
	struct kstate *s = a->s;
	int mine = ++s->irq_made[0];
	set_bit(0, &s->irr[0]);
	kvm_vcpu_kick(s->kvm->vcpus[0]); /* no request: the point of the scenario */
	(void)mine;
	s->irq_kicked[0]++;
}

static void kick_only_setup(struct sim *sim, void *state)
{
	struct kstate *s = state;
	s->guest_exit = GUEST_EXIT_TIMER;
	s->late_sync = sim_param_named(sim, "late") != 0;
	vm_setup(sim, s, 1, sim_param_named(sim, "entries"), &hooks_irq, 0, 0);
	sim_name(sim, &s->irr[0], "irr0");
	sim_spawn(sim, "kicker", 16, kick_only_kicker, targ(sim, s, 0));
}

/* ---- tlb_flush ------------------------------------------------------------------------- */

static void tlb_flusher(void *arg)
{
	struct targ *a = arg;
	struct kstate *s = a->s;
	WRITE_ONCE(s->pt, 2); /* the new translation */
	kvm_flush_remote_tlbs(s->kvm);
	for (int v = 0; v < s->kvm->nr_vcpus; v++) {
		if (s->in_guest[v] && s->tlb[v] == 1)
			report_here(s, V_WAIT_NOT_HONOURED,
				    "kvm_flush_remote_tlbs returned while vcpu%d still runs "
				    "the guest with the old translation (%d)", v, 0);
		if (s->walking[v] && s->walk_val[v] == 1)
			report_here(s, V_WAIT_NOT_HONOURED,
				    "kvm_flush_remote_tlbs returned while vcpu%d still walks "
				    "shadow pages it read before the flush (%d)", v, 0);
	}
	s->flushed = 1;
}

static void walk_fn(struct kvm_vcpu *vcpu)
{
	struct kstate *s = vcpu->kvm->ctx;
	int v = vcpu->vcpu_idx;
	s->walking[v] = 1;
	s->walk_val[v] = READ_ONCE(s->pt);
	cpu_relax(); /* the walk takes a while */
	s->walking[v] = 0;
}

static void tlb_walker(void *arg)
{
	struct kvm_vcpu *vcpu = arg;
	struct kstate *s = vcpu->kvm->ctx;
	for (long i = 0; i < s->walks; i++)
		walk_shadow_page_lockless(vcpu, walk_fn);
}

static void kicker_main(void *arg)
{
	struct targ *a = arg;
	kvm_vcpu_kick(a->s->kvm->vcpus[a->idx]); /* leaves it EXITING, IPI in flight */
}

static void tlb_setup(struct sim *sim, void *state)
{
	struct kstate *s = state;
	int n = (int)sim_param_named(sim, "vcpus");
	s->guest_exit = GUEST_EXIT_TIMER;
	s->pt = 1;
	for (int v = 0; v < V; v++)
		s->tlb[v] = 1; /* every vCPU starts with the old translation cached */
	vm_setup(sim, s, n, sim_param_named(sim, "entries"), &hooks_tlb, 0, 0);
	sim_name(sim, &s->pt, "pt");
	s->walks = sim_param_named(sim, "walks");
	if (s->walks && sim_arch(sim) == ARCH_X86) {
		/* a vCPU of the VM doing lockless shadow walks outside guest mode */
		struct kvm_vcpu *w = kvm_scen_vcpu_create(sim, s->kvm, n);
		sim_spawn(sim, "walker", n, tlb_walker, w);
	}
	if (sim_param_named(sim, "kickers"))
		sim_spawn(sim, "kicker", 17, kicker_main, targ(sim, s, 0));
	sim_spawn(sim, "flusher", 16, tlb_flusher, targ(sim, s, 0));
}

/* ---- outside_guest_mode ------------------------------------------------------------------ */

static void ogm_requester(void *arg)
{
	struct targ *a = arg;
	struct kstate *s = a->s;
	int sess0[V];
	for (int i = 0; i < 3; i++)
		cpu_relax(); /* the request comes at some point of the vCPUs' run */
	for (int v = 0; v < s->nvcpus; v++)
		sess0[v] = s->in_guest[v] ? s->session[v] : -1;
	kvm_make_all_cpus_request(s->kvm, KVM_REQ_OUTSIDE_GUEST_MODE);
	for (int v = 0; v < s->nvcpus; v++)
		if (s->in_guest[v] && s->session[v] == sess0[v])
			report_here(s, V_WAIT_NOT_HONOURED,
				    "KVM_REQ_OUTSIDE_GUEST_MODE returned while vcpu%d is still "
				    "in the guest session it was in before (%d)", v, 0);
}

static void ogm_setup(struct sim *sim, void *state)
{
	struct kstate *s = state;
	int n = (int)sim_param_named(sim, "vcpus");
	s->guest_exit = GUEST_EXIT_TIMER;
	vm_setup(sim, s, n, sim_param_named(sim, "entries"), &hooks_plain, 0, 0);
	for (int k = 0; k < sim_param_named(sim, "kickers"); k++)
		sim_spawn(sim, k ? "kicker1" : "kicker0", 17 + k, kicker_main,
			  targ(sim, s, k % n));
	sim_spawn(sim, "requester", 16, ogm_requester, targ(sim, s, 0));
}

/* ---- halt ---------------------------------------------------------------------------------- */

static void halt_waker(void *arg)
{
	struct targ *a = arg;
	struct kstate *s = a->s;
	inject_irq(s, a->idx % s->nvcpus);
}

static void halt_unblocker(void *arg)
{
	struct targ *a = arg;
	struct kvm_vcpu *vcpu = a->s->kvm->vcpus[0];
	kvm_make_request(KVM_REQ_UNBLOCK, vcpu);
	kvm_vcpu_kick(vcpu);
}

static void halt_nowake(void *arg)
{
	struct targ *a = arg;
	struct kstate *s = a->s;
	int mine[V];
	for (int v = 0; v < s->nvcpus; v++)
		mine[v] = ghost_made(s, v, 0);
	/* NO_WAKEUP: must not wake a sleeper, must be handled on the next run */
	kvm_make_all_cpus_request(s->kvm, KVM_REQ_TEST_NOWAKE(0));
	for (int v = 0; v < s->nvcpus; v++)
		ghost_kicked(s, v, 0, mine[v]);
}

static void halt_setup(struct sim *sim, void *state)
{
	struct kstate *s = state;
	int n = (int)sim_param_named(sim, "vcpus");
	s->guest_exit = GUEST_EXIT_HLT;
	vm_setup(sim, s, n, sim_param_named(sim, "entries"), &hooks_irq, 1, (uint64_t)sim_param_named(sim, "poll_ns"));
	for (int v = 0; v < n; v++)
		sim_name(sim, &s->irr[v], v ? "irr1" : "irr0");
	for (int k = 0; k < sim_param_named(sim, "wakers"); k++)
		sim_spawn(sim, k ? "waker1" : "waker0", 16 + k, halt_waker, targ(sim, s, k));
	/* KVM_REQ_UNBLOCK is x86's: arm64's run loop never consumes it, so an
	 * UNBLOCK sent to a running arm64 vCPU would abort every entry. */
	if (sim_param_named(sim, "unblock") && sim_arch(sim) == ARCH_X86)
		sim_spawn(sim, "unblocker", 20, halt_unblocker, targ(sim, s, 0));
	if (sim_param_named(sim, "nowake"))
		sim_spawn(sim, "nowake", 21, halt_nowake, targ(sim, s, 0));
}

/* ---- mixed ------------------------------------------------------------------------------------ */

static void mixed_guest_entry(struct kvm_vcpu *vcpu)
{
	struct kstate *s = vcpu->kvm->ctx;
	int v = vcpu->vcpu_idx;
	h_guest_entry(vcpu);
	if (s->tlb[v] == 0)
		s->tlb[v] = (int)READ_ONCE(s->pt);
	if (s->tlb[v] < s->flushed_gen)
		report_here(s, V_WAIT_NOT_HONOURED,
			    "vcpu%d entered the guest with translation %d after a flush "
			    "of it returned", v, s->tlb[v]);
}

static const struct kvm_hooks hooks_mixed = {
	.on_request = h_on_request,
	.on_tlb_flush = h_tlb_flush,
	.has_events = h_has_events,
	.inject_events = h_inject,
	.guest_entry = mixed_guest_entry,
	.guest_exit = h_guest_exit,
};

static void mixed_op(struct kstate *s, int j, int k, int op)
{
	int v = (j + k) % s->nvcpus;
	struct kvm_vcpu *vcpu = s->kvm->vcpus[v];
	switch (op) {
	case 0: { /* a request and a kick */
		int mine = ghost_made(s, v, j);
		kvm_make_request(KVM_REQ_TEST(j), vcpu);
		kvm_vcpu_kick(vcpu);
		ghost_kicked(s, v, j, mine);
		break;
	}
	case 1: { /* a request with a payload */
		WRITE_ONCE(s->payload[4 + j], 1);
		int mine = ghost_made(s, v, 4 + j);
		kvm_make_request(KVM_REQ_TEST(4 + j), vcpu);
		kvm_vcpu_kick(vcpu);
		ghost_kicked(s, v, 4 + j, mine);
		break;
	}
	case 2: /* an interrupt */
		inject_irq(s, v);
		break;
	case 3: { /* a page-table change and a TLB flush, under mmu_lock */
		spin_lock(&s->mmu_lock);
		long g = ++s->gen;
		WRITE_ONCE(s->pt, g);
		kvm_flush_remote_tlbs(s->kvm);
		spin_unlock(&s->mmu_lock);
		for (int w = 0; w < s->nvcpus; w++)
			if (s->in_guest[w] && s->tlb[w] && s->tlb[w] < g)
				report_here(s, V_WAIT_NOT_HONOURED,
					    "kvm_flush_remote_tlbs returned while vcpu%d still "
					    "runs the guest with translation %d", w, s->tlb[w]);
		if (g > s->flushed_gen)
			s->flushed_gen = g;
		break;
	}
	default: { /* a NO_WAKEUP request to everyone */
		int mine[V];
		for (int w = 0; w < s->nvcpus; w++)
			mine[w] = ghost_made(s, w, 3);
		kvm_make_all_cpus_request(s->kvm, KVM_REQ_TEST_NOWAKE(3));
		for (int w = 0; w < s->nvcpus; w++)
			ghost_kicked(s, w, 3, mine[w]);
		break;
	}
	}
}

static void mixed_requester(void *arg)
{
	struct targ *a = arg;
	struct kstate *s = a->s;
	uint64_t h = (uint64_t)sim_current_param_named("seed") * 0x9e3779b97f4a7c15ULL + (uint64_t)a->idx;
	for (int k = 0; k < sim_current_param_named("ops"); k++) {
		h = (h ^ (h >> 31)) * 0xbf58476d1ce4e5b9ULL + 0x632be59bd9b4e019ULL;
		mixed_op(s, a->idx, k, (int)((h >> 33) % 5));
	}
}

static void mixed_setup(struct sim *sim, void *state)
{
	struct kstate *s = state;
	int n = (int)sim_param_named(sim, "vcpus");
	s->mixed = 1;
	spin_lock_init(&s->mmu_lock);
	s->pt = s->gen = 1;
	for (int v = 0; v < V; v++)
		s->tlb[v] = 1;
	for (int j = 0; j < 4; j++)
		s->payload_bit[4 + j] = 1;
	vm_setup(sim, s, n, sim_param_named(sim, "entries"), &hooks_mixed, 8, 5);
	sim_name(sim, &s->pt, "pt");
	for (int j = 0; j < sim_param_named(sim, "requesters"); j++) {
		char name[16];
		snprintf(name, sizeof(name), "req%d", j);
		sim_spawn(sim, name, 16 + j, mixed_requester, targ(sim, s, j));
	}
}

/* ---- the table -------------------------------------------------------------------------------- */

#define P(nm, d, lo, hi, h) {nm, d, lo, hi, h}

static const struct scenario kvm_all[] = {
	KVM_SCENARIO("dekker", "request + kick against repeated guest entry",
		     dekker_setup,
		     .params = {P("vcpus", 1, 1, 4, "vCPUs running the guest"),
				P("requesters", 1, 1, 4, "requester threads"),
				P("rounds", 1, 1, 4, "requests per requester"),
				P("entries", 2, 0, 8, "guest slices ending in a timer exit "
				  "before the guest runs until interrupted"),
				P("mask", 0, 0, 1, "1: kvm_make_vcpus_request_mask with a "
				  "NO_WAKEUP request instead of kvm_make_request + kvm_vcpu_kick"),
				P("dead", 0, 0, 1, "1: a thread kills the VM (KVM_REQ_VM_DEAD)")},
		     .nparams = 6,
		     .bugs = {BUG_NO_MB_AFTER_IN_GUEST, BUG_NO_MB_BEFORE_MODE_READ,
			      BUG_CHECK_BEFORE_IN_GUEST, BUG_KICK_WITHOUT_REQUEST,
			      BUG_WAIT_IN_GUEST_PREDICATE, -1}),
	KVM_SCENARIO("payload", "a request with a payload written before it",
		     payload_setup,
		     .params = {P("vcpus", 1, 1, 4, "vCPUs"),
				P("requesters", 1, 1, 4, "requesters (one payload each)"),
				P("entries", 2, 0, 8, "finite guest slices")},
		     .nparams = 3,
		     .bugs = {BUG_NO_WMB_BEFORE_REQUEST, BUG_NO_MB_AFTER_CHECK,
			      BUG_NO_MB_AFTER_IN_GUEST, -1}),
	KVM_SCENARIO("kick_only", "an interrupt flag and a request-less kick",
		     kick_only_setup,
		     .params = {P("late", 0, 0, 1, "1: the vCPU also syncs the flag after "
				  "IN_GUEST_MODE + barrier (posted-interrupt style)"),
				P("entries", 2, 0, 8, "finite guest slices")},
		     .nparams = 2, .bugs = {-1}),
	KVM_SCENARIO("tlb_flush", "kvm_flush_remote_tlbs against guest, EXITING and "
		     "lockless shadow walks", tlb_setup,
		     .params = {P("vcpus", 1, 1, 3, "vCPUs running the guest"),
				P("walks", 1, 0, 3, "lockless shadow walks by another vCPU (x86)"),
				P("kickers", 1, 0, 1, "a kicker that leaves vcpu0 EXITING"),
				P("entries", 1, 0, 8, "finite guest slices")},
		     .nparams = 4,
		     .bugs = {BUG_WAIT_IN_GUEST_PREDICATE, BUG_NO_MB_AFTER_IN_GUEST,
			      BUG_CHECK_BEFORE_IN_GUEST, -1}),
	KVM_SCENARIO("outside_guest_mode", "KVM_REQ_OUTSIDE_GUEST_MODE really waits",
		     ogm_setup,
		     .params = {P("vcpus", 1, 1, 3, "vCPUs"),
				P("kickers", 1, 0, 2, "kickers leaving vCPUs EXITING"),
				P("entries", 1, 0, 8, "finite guest slices")},
		     .nparams = 3, .bugs = {BUG_WAIT_IN_GUEST_PREDICATE, -1}),
	KVM_SCENARIO("halt", "halting vCPUs against wakers, UNBLOCK and NO_WAKEUP requests",
		     halt_setup,
		     .params = {P("vcpus", 1, 1, 2, "vCPUs"),
				P("wakers", 1, 0, 2, "interrupt injectors (IRR + EVENT + kick)"),
				P("unblock", 1, 0, 1, "a KVM_REQ_UNBLOCK + kick"),
				P("nowake", 1, 0, 1, "a NO_WAKEUP request to all vCPUs"),
				P("poll_ns", 0, 0, 50, "halt-polling window"),
				P("entries", 1, 0, 4, "HLT exits before the guest runs on")},
		     .nparams = 6,
		     .bugs = {BUG_CHECK_BLOCK_IGNORES_REQUESTS, BUG_NO_MB_AFTER_IN_GUEST, -1}),
	KVM_SCENARIO("mixed", "N vCPUs and M requesters with a mix of requests, payloads, "
		     "interrupts, TLB flushes and NO_WAKEUP requests", mixed_setup,
		     .params = {P("vcpus", 2, 1, 3, "vCPUs"),
				P("requesters", 2, 1, 4, "requesters"),
				P("ops", 3, 1, 6, "operations per requester"),
				P("seed", 1, 0, 1000000, "which mix of operations"),
				P("entries", 3, 0, 8, "finite guest slices (timer, HLT in turn)")},
		     .nparams = 5,
		     .bugs = {BUG_NO_MB_AFTER_IN_GUEST, BUG_CHECK_BEFORE_IN_GUEST,
			      BUG_WAIT_IN_GUEST_PREDICATE, BUG_NO_WMB_BEFORE_REQUEST,
			      BUG_NO_MB_BEFORE_MODE_READ, -1}),
};
#define NKVM (int)(sizeof(kvm_all) / sizeof(kvm_all[0]))

static const struct scenario *const kvm_list[NKVM] = {
	&kvm_all[0], &kvm_all[1], &kvm_all[2], &kvm_all[3], &kvm_all[4], &kvm_all[5],
	&kvm_all[6],
};

const struct scenario *const *kvm_scenarios(int *n)
{
	*n = NKVM;
	return kvm_list;
}

/* Expected verdicts (default parameters unless given), per model SC/TSO/PSO/WMM;
 * both archs unless arch >= 0.  "never" under PSO for a bug that needs loads
 * to reorder is recorded as such: the weak model will turn it into a finding. */
#define S SOMETIMES
#define N NEVER
static const struct verdict_row kvm_verdicts[] = {
	{"dekker", -1, "", -1, {N, N, N, N}},
	{"dekker", BUG_NO_MB_AFTER_IN_GUEST, "", -1, {N, S, S, S}},
	/* kvm_vcpu_kick starts with kvm_vcpu_wake_up, whose smp_mb() hides
	 * the missing barrier; the NO_WAKEUP mask path has no such luck */
	{"dekker", BUG_NO_MB_BEFORE_MODE_READ, "", -1, {N, N, N, N}},
	{"dekker", BUG_NO_MB_BEFORE_MODE_READ, "mask=1", -1, {N, N, S, S}},
	{"dekker", -1, "mask=1", -1, {N, N, N, N}},
	{"dekker", -1, "dead=1", -1, {N, N, N, N}},
	{"dekker", BUG_WAIT_IN_GUEST_PREDICATE, "dead=1", -1, {S, S, S, S}},
	{"dekker", BUG_CHECK_BEFORE_IN_GUEST, "dead=1", -1, {S, S, S, S}},
	{"dekker", BUG_CHECK_BEFORE_IN_GUEST, "", -1, {S, S, S, S}},
	{"dekker", BUG_KICK_WITHOUT_REQUEST, "", -1, {S, S, S, S}},
	{"dekker", -1, "vcpus=2 requesters=2", -1, {N, N, N, N}},
	{"payload", -1, "", -1, {N, N, N, N}},
	{"payload", BUG_NO_WMB_BEFORE_REQUEST, "", -1, {N, N, S, S}},
	/* loads must reorder: only the view-based model shows it */
	{"payload", BUG_NO_MB_AFTER_CHECK, "", -1, {N, N, N, S}},
	{"payload", BUG_NO_MB_AFTER_IN_GUEST, "", -1, {N, S, S, S}},
	{"kick_only", -1, "", -1, {S, S, S, S}},
	{"kick_only", -1, "late=1", -1, {N, N, N, N}},
	{"tlb_flush", -1, "", -1, {N, N, N, N}},
	{"tlb_flush", BUG_WAIT_IN_GUEST_PREDICATE, "", -1, {S, S, S, S}},
	{"tlb_flush", BUG_NO_MB_AFTER_IN_GUEST, "", -1, {N, S, S, S}},
	{"tlb_flush", BUG_CHECK_BEFORE_IN_GUEST, "", -1, {S, S, S, S}},
	{"outside_guest_mode", -1, "", -1, {N, N, N, N}},
	{"outside_guest_mode", BUG_WAIT_IN_GUEST_PREDICATE, "", -1, {S, S, S, S}},
	{"halt", -1, "", -1, {N, N, N, N}},
	{"halt", -1, "poll_ns=10", -1, {N, N, N, N}},
	{"halt", BUG_CHECK_BLOCK_IGNORES_REQUESTS, "", ARCH_X86, {S, S, S, S}},
	{"halt", BUG_CHECK_BLOCK_IGNORES_REQUESTS, "", ARCH_ARM64, {N, N, N, N}},
	{"halt", BUG_NO_MB_AFTER_IN_GUEST, "", -1, {N, S, S, S}},
	{"mixed", -1, "", -1, {N, N, N, N}},
	{"mixed", -1, "seed=2", -1, {N, N, N, N}},
	{"mixed", -1, "seed=3 vcpus=3", -1, {N, N, N, N}},
	{"mixed", BUG_NO_MB_AFTER_IN_GUEST, "", -1, {N, S, S, S}},
	{"mixed", BUG_CHECK_BEFORE_IN_GUEST, "", -1, {S, S, S, S}},
};
#undef S
#undef N

const struct verdict_row *kvm_verdict_table(int *n)
{
	*n = (int)(sizeof(kvm_verdicts) / sizeof(kvm_verdicts[0]));
	return kvm_verdicts;
}
