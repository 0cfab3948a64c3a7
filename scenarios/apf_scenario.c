/*
 * scenarios/apf_scenario.c: the async page fault scenario (issue "Request
 * core II"), spec section 6, on the real core (core/async_pf.c, x86.c).
 *
 * async_pf: vCPUs whose guest touches pages that are not present.  Each
 * fault becomes a work item; its worker (a simulated kworker, started by
 * the work-item event after a delay) faults the page in and puts the item
 * on the done list, so workers complete in any order.  The guest either
 * takes a PV not-present #PF and runs on (its task waits for the page-ready
 * interrupt, which it ACKs with an MSR write), or, when it cannot take one,
 * the vCPU halts synthetically (KVM_REQ_APF_HALT) until the completion.
 * Optionally the guest re-initialises async PF in the middle (MSR
 * ASYNC_PF_EN = 0, which clears the queue with items in flight, then = 1,
 * which sends a wakeup-all), and a migration thread snapshots the exported
 * mp_state at any point.
 *
 * Oracles:
 *   every fault is completed exactly once where the guest can see it:
 *     V_APF_LOST       at quiescence: a not-present whose task never got its
 *                      page-ready (nor a wakeup-all), or an access that never
 *                      completed (a synthetic halt that never ended);
 *     V_APF_DUPLICATE  a second page-ready for a token, or a page-ready for
 *                      a token the guest never saw not-present;
 *   V_LOST_WAKEUP      at quiescence a vCPU sleeps with completions on its
 *                      done list; or a snapshot exported the synthetic halt
 *                      as HALTED (the destination would halt a vCPU whose
 *                      page never completes there);
 *   V_USE_AFTER_FREE   a work item freed twice, freed while its worker runs,
 *                      or touched (by its worker or the vCPU) after the free.
 *                      kfree() never reuses memory in the simulator, so this
 *                      is ghost state: a freed flag set right before kfree.
 *
 * Ghost state (per-vCPU guest model, per-item flags) is plain C written by
 * the threads and the guest script: ground truth, never read by the core.
 * The guest's view of its pages (mapped) is set by the core's map hook.
 *
 * arm64: async PF is x86-only in this core (the hooks of spec 6.2 are
 * x86's; arm64 KVM has no async PF).  On arm64 the scenario runs without
 * it: the guest's pages are present, so there is nothing to fault and the
 * run is a short clean one (the snapshot thread still checks the exported
 * mp_state).  Its verdict rows are x86-only.
 *
 * Invariants:
 *  1. vCPU i is thread i on pCPU i; the snapshot thread follows.
 *  2. The guest script only changes ghost state for things that already
 *     happened (an injected #PF, a page-ready in the slot); what an exit
 *     means is committed in the guest_exit hook, so an exit that an IPI
 *     pre-empts is simply asked for again.
 *  3. Expected verdicts are in apf_verdicts[] below; tests check each cell.
 */
#include <stdio.h>
#include <string.h>

#include "async_pf.h"
#include "scenarios.h"

#define AV 2   /* vCPUs */
#define AP 4   /* pages per vCPU (gfn 1..AP) */
#define AT 64  /* tokens per vCPU */
#define AI 64  /* work items */
#define SNAPSHOTS_MAX 32

enum { PG_TODO, PG_WAIT, PG_DONE };
enum { TOK_NONE, TOK_WAITING, TOK_DONE };

struct apf_guest {
	int page[AP + 1];          /* PG_* */
	uint32_t page_token[AP + 1];
	bool mapped[AP + 1];       /* mapped into the guest (by the core's map hook) */
	int tok[AT];               /* TOK_* */
	int tok_page[AT];
	uint32_t np_token;         /* a #PF(not-present) injected, not yet taken */
	uint64_t np_gfn;
	bool ack_due;              /* a page-ready taken, its ACK not yet written */
	int faults;                /* PF exits taken */
	int reset_phase;           /* ASYNC_PF_EN writes done: 1 = disabled, 2 = re-enabled */
	bool user_mode;            /* the last fault was in user mode, no send-always */
	bool in_hlt;               /* executed HLT and has not run since */
	int stall;                 /* PF/HLT exits since the guest last made progress */
	bool finished;             /* every access done, nothing waiting */
};

struct apf_item {
	int vcpu;
	uint64_t gfn;
	bool wakeup_all, running, freed;
};

struct astate {
	struct sim *sim;
	struct kvm *kvm;
	int nvcpus, npages, pv, reset_at, gup;
	bool apf;                  /* async PF set up (x86) */
	struct apf_guest g[AV];
	struct apf_item item[AI + 1];
	int nitems;
};

static struct astate *st_of(struct kvm_vcpu *vcpu)
{
	return vcpu->kvm->ctx;
}

/* ---- the guest -------------------------------------------------------------------- */

/* The guest takes a page-ready interrupt for token t (scheduler stack). */
static void guest_page_ready(struct sim *sim, struct apf_guest *g, int v, uint32_t t)
{
	if (t == KVM_APF_WAKEUP_ALL_TOKEN) { /* every waiting task retries */
		for (int k = 0; k < AT; k++) {
			if (g->tok[k] != TOK_WAITING)
				continue;
			g->tok[k] = TOK_DONE;
			int p = g->tok_page[k];
			if (g->page[p] == PG_WAIT && g->page_token[p] == (uint32_t)k)
				g->page[p] = PG_TODO;
		}
		return;
	}
	if (t >= AT || g->tok[t] == TOK_NONE) {
		sim_report(sim, V_APF_DUPLICATE, NULL,
			   "vcpu%d: page-ready for token %u, which the guest never saw "
			   "not-present", v, t);
		return;
	}
	if (g->tok[t] == TOK_DONE) {
		sim_report(sim, V_APF_DUPLICATE, NULL,
			   "vcpu%d: a second completion for token %u (page %d): its task "
			   "was already woken", v, t, g->tok_page[t]);
		return;
	}
	g->tok[t] = TOK_DONE;
	int p = g->tok_page[t];
	if (g->page[p] == PG_WAIT && g->page_token[p] == t)
		g->page[p] = PG_TODO; /* the task retries its access */
}

static struct guest_step step_exit(enum guest_exit_reason r, uint64_t arg)
{
	return (struct guest_step){1, {r, arg}};
}

/* A guest resumed twice with nothing new (a completion half-way onto the
 * done list makes the vCPU runnable before its worker kicks) waits in guest
 * mode for the kick instead of exiting again: the same behaviour, without a
 * busy loop that an unfair strategy (PCT) would never let the worker end. */
static struct guest_step stall_or(struct apf_guest *g, struct guest_step exit)
{
	if (g->stall >= 2)
		return (struct guest_step){0, {GUEST_EXIT_INTR, 0}};
	return exit;
}

static struct guest_step a_guest(struct sim *sim, void *state, int tid)
{
	struct astate *s = state;
	struct apf_guest *g = &s->g[tid];
	struct kvm_vcpu *vcpu = s->kvm->vcpus[tid];

	if (!s->apf)
		return (struct guest_step){0, {GUEST_EXIT_INTR, 0}};
	/* 1. the #PF(not-present) first (an exception before an interrupt):
	 *    the faulting task sleeps, the guest runs on */
	if (g->np_token) {
		uint32_t t = g->np_token;
		int p = (int)g->np_gfn;
		g->tok[t] = TOK_WAITING;
		g->tok_page[t] = p;
		g->page[p] = PG_WAIT;
		g->page_token[p] = t;
		g->np_token = 0;
		g->stall = 0;
	}
	/* 2. the page-ready interrupt: read and free the slot, then ACK */
	if (vcpu->apf.token_slot) {
		uint32_t t = vcpu->apf.token_slot;
		vcpu->apf.token_slot = 0;
		g->ack_due = true;
		g->stall = 0;
		guest_page_ready(sim, g, tid, t);
	}
	if (g->ack_due)
		return step_exit(GUEST_EXIT_MSR, APF_MSR_EXIT_ARG(MSR_KVM_ASYNC_PF_ACK, 1));
	/* 3. re-initialise async PF after reset_at faults */
	if (s->reset_at && g->faults >= s->reset_at && g->reset_phase < 2)
		return step_exit(GUEST_EXIT_MSR,
				 APF_MSR_EXIT_ARG(MSR_KVM_ASYNC_PF_EN,
						  g->reset_phase ? KVM_ASYNC_PF_ENABLED : 0));
	/* 4. the next access */
	for (int p = 1; p <= s->npages; p++) {
		if (g->page[p] != PG_TODO)
			continue;
		if (g->mapped[p]) {
			g->page[p] = PG_DONE;
			g->stall = 0;
			continue;
		}
		return stall_or(g, step_exit(GUEST_EXIT_PF, (uint64_t)p));
	}
	/* 5. idle: tasks wait for page-ready interrupts */
	for (int p = 1; p <= s->npages; p++)
		if (g->page[p] == PG_WAIT)
			return stall_or(g, step_exit(GUEST_EXIT_HLT, 0));
	g->finished = true;
	return (struct guest_step){0, {GUEST_EXIT_INTR, 0}}; /* runs on */
}

/* ---- kvm hooks ------------------------------------------------------------------ */

static void a_guest_entry(struct kvm_vcpu *vcpu)
{
	st_of(vcpu)->g[vcpu->vcpu_idx].in_hlt = false;
}

/* What an exit means, committed once it really happened (invariant 2). */
static void a_guest_exit(struct kvm_vcpu *vcpu, struct guest_exit e)
{
	struct astate *s = st_of(vcpu);
	struct apf_guest *g = &s->g[vcpu->vcpu_idx];
	switch (e.reason) {
	case GUEST_EXIT_PF:
		g->faults++;
		g->stall++;
		/* pv=2: faults on even pages happen in user mode without
		 * send-always: no PV delivery, the synthetic halt */
		g->user_mode = s->pv == 2 && e.arg % 2 == 0;
		break;
	case GUEST_EXIT_MSR:
		if (e.arg >> 32 == MSR_KVM_ASYNC_PF_ACK)
			g->ack_due = false;
		else
			g->reset_phase++;
		break;
	case GUEST_EXIT_HLT:
		g->in_hlt = true;
		g->stall++;
		break;
	default:
		break;
	}
}

static const struct kvm_hooks a_hooks = {
	.guest_entry = a_guest_entry,
	.guest_exit = a_guest_exit,
};

/* ---- async PF hooks ------------------------------------------------------------- */

static bool a_can_deliver(struct kvm_vcpu *vcpu)
{
	return !st_of(vcpu)->g[vcpu->vcpu_idx].user_mode;
}

static void a_inject_not_present(struct kvm_vcpu *vcpu, uint32_t token, uint64_t gfn)
{
	struct astate *s = st_of(vcpu);
	struct apf_guest *g = &s->g[vcpu->vcpu_idx];
	if (token >= AT) {
		sim_report(s->sim, V_ASSERT, NULL, "vcpu%d: token %u out of the ghost table",
			   vcpu->vcpu_idx, token);
		return;
	}
	g->np_token = token;
	g->np_gfn = gfn;
}

static void a_map(struct kvm_vcpu *vcpu, uint64_t gfn)
{
	st_of(vcpu)->g[vcpu->vcpu_idx].mapped[gfn] = true;
}

static struct apf_item *item_of(struct astate *s, struct kvm_async_pf *work)
{
	return &s->item[work->ghost];
}

static void a_alloc(struct kvm_async_pf *work)
{
	struct astate *s = st_of(work->vcpu);
	if (s->nitems == AI) {
		sim_report(s->sim, V_ASSERT, NULL, "more than %d work items", AI);
		return; /* ghost 0: shared scratch entry */
	}
	work->ghost = ++s->nitems;
	struct apf_item *it = item_of(s, work);
	it->vcpu = work->vcpu->vcpu_idx;
	it->gfn = work->gfn;
	it->wakeup_all = work->wakeup_all;
}

static void a_touch(struct kvm_async_pf *work, const char *where)
{
	struct astate *s = st_of(work->vcpu);
	struct apf_item *it = item_of(s, work);
	if (it->freed)
		sim_report(s->sim, V_USE_AFTER_FREE, NULL,
			   "vcpu%d: work item %d (page %d) used after it was freed: %s",
			   it->vcpu, work->ghost, (int)it->gfn, where);
}

static void a_free(struct kvm_async_pf *work)
{
	struct astate *s = st_of(work->vcpu);
	struct apf_item *it = item_of(s, work);
	if (it->freed)
		sim_report(s->sim, V_USE_AFTER_FREE, NULL,
			   "vcpu%d: work item %d (page %d) freed twice", it->vcpu,
			   work->ghost, (int)it->gfn);
	else if (it->running)
		sim_report(s->sim, V_USE_AFTER_FREE, NULL,
			   "vcpu%d: work item %d (page %d) freed while its worker runs",
			   it->vcpu, work->ghost, (int)it->gfn);
	it->freed = true;
}

static void a_worker(struct kvm_vcpu *vcpu, int id, bool running)
{
	st_of(vcpu)->item[id].running = running;
}

/* get_user_pages: takes a while */
static void a_fault_in(struct kvm_async_pf *work)
{
	struct astate *s = st_of(work->vcpu);
	for (int i = 0; i < s->gup; i++)
		cpu_relax();
	a_touch(work, "its worker faults the page in");
}

static const struct kvm_async_pf_ops a_ops = {
	.can_deliver = a_can_deliver,
	.inject_not_present = a_inject_not_present,
	.fault_in = a_fault_in,
	.map = a_map,
	.alloc = a_alloc,
	.touch = a_touch,
	.free = a_free,
	.worker = a_worker,
};

/* ---- threads --------------------------------------------------------------------- */

static void vcpu_main(void *arg)
{
	kvm_arch_vcpu_ioctl_run(arg);
}

/* KVM_GET_MP_STATE at any point, as a live migration would save it. */
static void snapshot_main(void *arg)
{
	struct astate *s = arg;
	for (int i = 0; i < SNAPSHOTS_MAX; i++) {
		bool finished = true;
		cpu_relax();
		for (int v = 0; v < s->nvcpus; v++) {
			int mp = kvm_arch_vcpu_get_mpstate(s->kvm->vcpus[v]);
			if (mp == KVM_MP_STATE_HALTED && !s->g[v].in_hlt) {
				sim_report(s->sim, V_LOST_WAKEUP, NULL,
					   "a migration snapshot saved vcpu%d as HALTED while "
					   "its guest never executed HLT: the synthetic APF halt "
					   "was exported, the destination would halt it for a "
					   "page that never completes there", v);
				return;
			}
			finished = finished && s->g[v].finished;
		}
		if (finished)
			return;
	}
}

static void a_setup(struct sim *sim, void *state)
{
	struct astate *s = state;
	s->sim = sim;
	s->nvcpus = (int)sim_param_named(sim, "vcpus");
	s->npages = (int)sim_param_named(sim, "pages");
	s->pv = (int)sim_param_named(sim, "pv");
	s->reset_at = (int)sim_param_named(sim, "reset");
	s->gup = (int)sim_param_named(sim, "gup");
	s->apf = sim_arch(sim) == ARCH_X86;
	s->kvm = sim_alloc(sim, sizeof(*s->kvm));
	s->kvm->arch = s->apf ? KVM_ARCH_X86 : KVM_ARCH_ARM64;
	s->kvm->hooks = &a_hooks;
	s->kvm->ctx = s;
	for (int i = 0; i < s->nvcpus; i++) {
		/* max_halt_poll_ns is 0 here: no halt polling */
		struct kvm_vcpu *vcpu = kvm_scen_vcpu_create(sim, s->kvm, i);
		char name[40];
		if (s->apf)
			kvm_async_pf_vcpu_init(vcpu, &a_ops, s->pv != 0);
		snprintf(name, sizeof(name), "vcpu%d->async_pf.done.next", i);
		sim_name(sim, &vcpu->async_pf.done.next, name);
		snprintf(name, sizeof(name), "vcpu%d->async_pf.done.prev", i);
		sim_name(sim, &vcpu->async_pf.done.prev, name);
		snprintf(name, sizeof(name), "vcpu%d->apf.pageready_pending", i);
		sim_name(sim, &vcpu->apf.pageready_pending, name);
		for (int p = 1; p <= AP; p++)
			s->g[i].mapped[p] = !s->apf; /* arm64: no async PF, present */
		s->g[i].finished = !s->apf;
	}
	for (int i = 0; i < s->nvcpus; i++) {
		char name[16];
		snprintf(name, sizeof(name), "vcpu%d", i);
		sim_spawn(sim, name, i, vcpu_main, s->kvm->vcpus[i]);
	}
	if (sim_param_named(sim, "snapshot"))
		sim_spawn(sim, "migration", 16, snapshot_main, s);
}

/* ---- end of run ------------------------------------------------------------------- */

static int a_vcpu_view(struct sim *sim, void *state, struct scen_vcpu_view *out, int max)
{
	(void)sim;
	return kvm_scen_vcpu_view(((struct astate *)state)->kvm, out, max);
}

static void a_check_end(struct sim *sim, void *state)
{
	struct astate *s = state;
	for (int v = 0; v < s->nvcpus && !sim_violated(sim); v++) {
		struct kvm_vcpu *vcpu = s->kvm->vcpus[v];
		struct apf_guest *g = &s->g[v];
		int wait = sim_thread_wait(sim, v);
		bool done = sim_peek(&vcpu->async_pf.done.next, sizeof(void *)) !=
			    (uint64_t)(uintptr_t)&vcpu->async_pf.done;
		if (wait == SIM_WAIT_SLEEP && done) {
			sim_report(sim, V_LOST_WAKEUP, sim_thread_site(sim, v),
				   "vcpu%d sleeps (%s) with completions on its done list",
				   v, vcpu->apf.halted ? "synthetic APF halt" : "halted");
			return;
		}
		for (uint32_t t = 1; t < AT; t++)
			if (g->tok[t] == TOK_WAITING) {
				sim_report(sim, V_APF_LOST, sim_thread_site(sim, v),
					   "vcpu%d: the guest took not-present for page %d "
					   "(token %u) and never got its page-ready", v,
					   g->tok_page[t], t);
				return;
			}
		for (int p = 1; p <= s->npages; p++)
			if (g->page[p] == PG_TODO && !g->mapped[p]) {
				sim_report(sim, V_APF_LOST, sim_thread_site(sim, v),
					   "vcpu%d: the guest's access to page %d never "
					   "completed (%s)", v, p,
					   vcpu->apf.halted ? "the synthetic halt never ended"
							    : "the vCPU is stuck");
				return;
			}
		if (wait == SIM_WAIT_SLEEP || wait == SIM_WAIT_GUEST)
			sim_claim_stuck(sim, v);
	}
}

/* ---- the table ---------------------------------------------------------------------- */

#define P(nm, d, lo, hi, h) {nm, d, lo, hi, h}

static const struct scenario apf_all[] = {
	{
		.name = "async_pf",
		.summary = "async page faults: PV not-present / synthetic halt, workers "
			   "completing in any order, page-ready + ACK, APF re-init with "
			   "items in flight, migration snapshots",
		.params = {P("vcpus", 1, 1, AV, "vCPUs"),
			   P("pages", 2, 1, AP, "non-present pages each guest touches"),
			   P("pv", 1, 0, 2, "0: async PF off in the guest (synthetic halts); "
			     "1: every fault PV; 2: faults on even pages cannot take a PV "
			     "#PF (synthetic halt)"),
			   P("reset", 0, 0, AP, "after this many faults the guest writes "
			     "ASYNC_PF_EN=0 then =1 (queue cleared mid-flight); 0: never"),
			   P("snapshot", 1, 0, 1, "a migration thread saves mp_state"),
			   P("gup", 1, 0, 4, "cpu_relax steps a worker takes to fault a page in")},
		.nparams = 6,
		.bugs = {BUG_APF_HALT_NO_RECHECK, BUG_APF_HALT_IN_SNAPSHOT,
			 BUG_APF_DROP_ON_RESET, BUG_APF_WORKER_TOUCHES_QUEUE, -1},
		/* async PF is x86's here: on arm64 no fault would be async and
		 * every run would be trivially clean (as the stress twin) */
		.archs = SCEN_ARCH(ARCH_X86),
		.state_size = sizeof(struct astate),
		.setup = a_setup,
		.check_end = a_check_end,
		.vcpu_view = a_vcpu_view,
		.guest = a_guest,
	},
};
#define NAPF (int)(sizeof(apf_all) / sizeof(apf_all[0]))

static const struct scenario *const apf_list[NAPF] = {&apf_all[0]};

const struct scenario *const *apf_scenarios(int *n)
{
	*n = NAPF;
	return apf_list;
}

/* Expected verdicts per model SC/TSO/PSO/WMM, x86 only (async PF is x86's
 * here; the scenario's archs refuse arm64, where it would have no async PF
 * and be trivially clean). */
#define S SOMETIMES
#define N NEVER
static const struct verdict_row apf_verdicts[] = {
	{"async_pf", -1, "", ARCH_X86, {N, N, N, N}},
	{"async_pf", -1, "pv=0", ARCH_X86, {N, N, N, N}},
	{"async_pf", -1, "pv=2 pages=3", ARCH_X86, {N, N, N, N}},
	{"async_pf", -1, "reset=1 pages=3", ARCH_X86, {N, N, N, N}},
	{"async_pf", -1, "reset=3 pages=4", ARCH_X86, {N, N, N, N}},
	{"async_pf", -1, "vcpus=2", ARCH_X86, {N, N, N, N}},
	{"async_pf", -1, "pv=2 reset=2 pages=3", ARCH_X86, {N, N, N, N}},
	{"async_pf", BUG_APF_HALT_NO_RECHECK, "pv=0", ARCH_X86, {S, S, S, S}},
	/* every fault is delivered as a PV #PF: no synthetic halt to get wrong */
	{"async_pf", BUG_APF_HALT_NO_RECHECK, "", ARCH_X86, {N, N, N, N}},
	{"async_pf", BUG_APF_HALT_IN_SNAPSHOT, "pv=0", ARCH_X86, {S, S, S, S}},
	/* no synthetic halt, nothing to leak into the snapshot */
	{"async_pf", BUG_APF_HALT_IN_SNAPSHOT, "", ARCH_X86, {N, N, N, N}},
	{"async_pf", BUG_APF_DROP_ON_RESET, "reset=1", ARCH_X86, {S, S, S, S}},
	/* no reset: nothing is dropped */
	{"async_pf", BUG_APF_DROP_ON_RESET, "", ARCH_X86, {N, N, N, N}},
	/* the corrupted queue shows when the re-init walks it: a freed item
	 * still on it (use-after-free), an item lost from it whose completion
	 * comes after the wakeup-all (duplicate), or a walk that never ends
	 * (livelock).  wmm hits far more often: a kworker starts with an empty
	 * view there, so its first unlocked reads of the queue links may be
	 * older than what the vCPU wrote before schedule_work() (the kernel
	 * orders those; the simulator does not, see the report) */
	{"async_pf", BUG_APF_WORKER_TOUCHES_QUEUE, "reset=3 pages=4", ARCH_X86, {S, S, S, S}},
	/* the queue gets corrupted, but without a reset nobody walks it:
	 * completions go through done, which the worker still locks */
	{"async_pf", BUG_APF_WORKER_TOUCHES_QUEUE, "pages=3", ARCH_X86, {N, N, N, N}},
};
#undef S
#undef N

const struct verdict_row *apf_verdict_table(int *n)
{
	*n = (int)(sizeof(apf_verdicts) / sizeof(apf_verdicts[0]));
	return apf_verdicts;
}
