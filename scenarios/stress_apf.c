/*
 * scenarios/stress_apf.c: async page faults (apf_scenario.c) on real
 * threads, x86.  vCPU guests touch pages that are not present, looping in
 * epochs (all pages done: the host swaps them out again); each fault is a
 * work item that a kworker of the native pool faults in after a random
 * delay; completions come back as page-ready interrupts (PV) that the guest
 * ACKs, or end a synthetic halt.  Optionally the guest re-initialises async
 * PF in each epoch after `reset` faults (the queue is cleared mid-flight,
 * then a wakeup-all).
 *
 * Oracles:
 *   apf-completion-duplicated  a second page-ready for a token, or one the
 *                              guest never saw not-present (immediate);
 *   use-after-free             a work item touched or freed after its free,
 *                              or freed while its worker runs (ghost flags;
 *                              the memory itself is really freed, so a real
 *                              use after free may also crash the run or be
 *                              reported by ASan/TSan);
 *   lost-wakeup                a vCPU asleep (same sleep) with completions on
 *                              its done list and no worker running for it,
 *                              for a watchdog;
 *   apf-completion-lost        a vCPU asleep (same sleep) with accesses not
 *                              done, nothing in flight (no work item queued
 *                              or running, done list empty), for a watchdog.
 * After a report the monitor wakes the vCPU (lost wakeup) or makes the
 * guest abandon its epoch (lost completion), so that the run goes on.
 *
 * Not covered natively: the migration snapshot (bug apf-halt-in-snapshot).
 * kvm_arch_vcpu_get_mpstate() reads vCPU-owned state plainly, as the real
 * ioctl does under vcpu->mutex, which the core does not model; a concurrent
 * native snapshot would be a data race by construction.
 *
 * Invariants:
 *  1. The guest model (pages, tokens, ACK) is vCPU-thread state, touched
 *     only by the guest script and the core's hooks on that thread.
 *  2. Item ghost state lives in a ring indexed by the item's id; ids are
 *     never reused within a run, the ring holds the last 4096.
 */
#include <string.h>

#include "async_pf.h"
#include "stress.h"

#define AV 4     /* vCPUs */
#define AP 4     /* pages per vCPU, gfn 1..AP */
#define TOKS 1024
#define ITEMS 4096

enum { P_PAGES, P_PV, P_RESET, P_GUP };
enum { PG_TODO, PG_WAIT, PG_DONE };
enum { TOK_NONE, TOK_WAITING, TOK_DONE };

struct aguest {
	int page[AP + 1];
	uint32_t page_token[AP + 1];
	bool mapped[AP + 1];
	uint8_t tok[TOKS];
	uint32_t tok_val[TOKS];
	uint8_t tok_page[TOKS];
	uint32_t np_token;
	uint64_t np_gfn;
	bool ack_due;
	int faults, reset_phase;
	bool user_mode;
};

struct avcpu {
	struct astate *s;
	struct kvm_vcpu *vcpu;
	int idx, tid;
	struct aguest g;        /* vCPU thread only */
	uint64_t outstanding;   /* ghost: pages of this epoch not done */
	uint64_t inflight;      /* ghost: items whose worker has not finished */
	uint64_t workers;       /* ghost: workers running for this vCPU */
	uint64_t rescue;        /* ghost: the monitor asks the guest to abandon */
	struct stress_watch w_sleep, w_lost; /* the monitor's */
};

struct aitem {
	uint64_t id, vcpu, freed, running, ran, wakeup_all; /* atomics */
};

struct astate {
	struct stress *st;
	struct kvm *kvm;
	int nvcpus, npages, pv, reset_at;
	uint64_t gup_ns;
	struct avcpu v[AV];
	uint64_t next_id;
	struct aitem item[ITEMS];
};

static struct astate *st_of(struct kvm_vcpu *vcpu) { return vcpu->kvm->ctx; }
static struct avcpu *av_of(struct kvm_vcpu *vcpu) { return &st_of(vcpu)->v[vcpu->vcpu_idx]; }

static struct aitem *item_of(struct astate *s, struct kvm_async_pf *work)
{
	return &s->item[(uint64_t)(uint32_t)work->ghost % ITEMS];
}

/* ---- the guest (vCPU thread) --------------------------------------------------------- */

static void new_epoch(struct avcpu *av)
{
	struct aguest *g = &av->g;
	for (int p = 1; p <= av->s->npages; p++) {
		g->page[p] = PG_TODO;
		g->mapped[p] = false; /* the host swapped it out again */
	}
	memset(g->tok, 0, sizeof(g->tok));
	g->faults = 0;
	g->reset_phase = 0;
	g->np_token = 0;
	g_store(&av->outstanding, (uint64_t)av->s->npages);
}

static void page_done(struct avcpu *av, int p)
{
	av->g.page[p] = PG_DONE;
	g_dec(&av->outstanding);
}

static void guest_page_ready(struct avcpu *av, uint32_t t)
{
	struct aguest *g = &av->g;
	struct stress *st = av->s->st;
	if (t == KVM_APF_WAKEUP_ALL_TOKEN) { /* every waiting task retries */
		for (int k = 0; k < TOKS; k++) {
			if (g->tok[k] != TOK_WAITING)
				continue;
			g->tok[k] = TOK_DONE;
			int p = g->tok_page[k];
			if (g->page[p] == PG_WAIT && g->page_token[p] == g->tok_val[k])
				g->page[p] = PG_TODO;
		}
		return;
	}
	unsigned k = t % TOKS;
	if (g->tok[k] == TOK_NONE || g->tok_val[k] != t) {
		stress_violation(st, V_APF_DUPLICATE, "vcpu%d: page-ready for token %u, which "
				 "the guest never saw not-present", av->idx, t);
		return;
	}
	if (g->tok[k] == TOK_DONE) {
		stress_violation(st, V_APF_DUPLICATE, "vcpu%d: a second completion for token "
				 "%u (page %d): its task was already woken", av->idx, t,
				 g->tok_page[k]);
		return;
	}
	g->tok[k] = TOK_DONE;
	int p = g->tok_page[k];
	if (g->page[p] == PG_WAIT && g->page_token[p] == t)
		g->page[p] = PG_TODO; /* the task retries its access */
}

static struct native_guest_step step_exit(enum guest_exit_reason r, uint64_t arg)
{
	return (struct native_guest_step){1, {r, arg}};
}

static struct native_guest_step a_guest(void *arg)
{
	struct avcpu *av = arg;
	struct astate *s = av->s;
	struct aguest *g = &av->g;
	struct kvm_vcpu *vcpu = av->vcpu;

	if (stress_stopping(s->st))
		return (struct native_guest_step){0, {GUEST_EXIT_SHUTDOWN, 0}};
	if (g_load(&av->rescue)) { /* reported lost: give the epoch up */
		g_store(&av->rescue, 0);
		new_epoch(av);
	}
	/* 1. the #PF(not-present) first: the faulting task sleeps */
	if (g->np_token) {
		uint32_t t = g->np_token;
		unsigned k = t % TOKS;
		int p = (int)g->np_gfn;
		g->tok[k] = TOK_WAITING;
		g->tok_val[k] = t;
		g->tok_page[k] = (uint8_t)p;
		g->page[p] = PG_WAIT;
		g->page_token[p] = t;
		g->np_token = 0;
	}
	/* 2. the page-ready interrupt: read and free the slot, then ACK */
	if (vcpu->apf.token_slot) {
		uint32_t t = vcpu->apf.token_slot;
		vcpu->apf.token_slot = 0;
		g->ack_due = true;
		guest_page_ready(av, t);
	}
	if (g->ack_due)
		return step_exit(GUEST_EXIT_MSR, APF_MSR_EXIT_ARG(MSR_KVM_ASYNC_PF_ACK, 1));
	/* 3. re-initialise async PF after reset_at faults (each epoch) */
	if (s->reset_at && g->faults >= s->reset_at && g->reset_phase < 2)
		return step_exit(GUEST_EXIT_MSR,
				 APF_MSR_EXIT_ARG(MSR_KVM_ASYNC_PF_EN,
						  g->reset_phase ? KVM_ASYNC_PF_ENABLED : 0));
	/* 4. the next access */
	bool waiting = false;
	for (int p = 1; p <= s->npages; p++) {
		if (g->page[p] == PG_WAIT)
			waiting = true;
		if (g->page[p] != PG_TODO)
			continue;
		if (g->mapped[p]) {
			page_done(av, p);
			continue;
		}
		return step_exit(GUEST_EXIT_PF, (uint64_t)p);
	}
	/* 5. idle: tasks wait for page-ready interrupts */
	if (waiting)
		return step_exit(GUEST_EXIT_HLT, 0);
	/* 6. every page done: the next epoch, after a short run */
	stress_add_rounds(s->st, 1);
	new_epoch(av);
	return (struct native_guest_step){1 + g->faults % 1000, {GUEST_EXIT_TIMER, 0}};
}

/* ---- kvm hooks ---------------------------------------------------------------------------- */

static bool a_has_events(struct kvm_vcpu *vcpu)
{
	return stress_stopping(st_of(vcpu)->st) || g_load(&av_of(vcpu)->rescue);
}

static void a_guest_exit(struct kvm_vcpu *vcpu, struct guest_exit e)
{
	struct astate *s = st_of(vcpu);
	struct aguest *g = &av_of(vcpu)->g;
	switch (e.reason) {
	case GUEST_EXIT_PF:
		g->faults++;
		stress_add_requests(s->st, 1);
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
	default:
		break;
	}
}

static const struct kvm_hooks a_hooks = {
	.has_events = a_has_events,
	.guest_exit = a_guest_exit,
};

/* ---- async PF hooks -------------------------------------------------------------------------- */

static bool a_can_deliver(struct kvm_vcpu *vcpu)
{
	return !av_of(vcpu)->g.user_mode;
}

static void a_inject_not_present(struct kvm_vcpu *vcpu, uint32_t token, uint64_t gfn)
{
	struct aguest *g = &av_of(vcpu)->g;
	g->np_token = token;
	g->np_gfn = gfn;
}

static void a_map(struct kvm_vcpu *vcpu, uint64_t gfn)
{
	av_of(vcpu)->g.mapped[gfn] = true;
}

static void a_alloc(struct kvm_async_pf *work)
{
	struct astate *s = st_of(work->vcpu);
	uint64_t id = g_inc(&s->next_id);
	work->ghost = (int)(uint32_t)id;
	struct aitem *it = item_of(s, work);
	g_store(&it->freed, 0);
	g_store(&it->running, 0);
	g_store(&it->ran, 0);
	g_store(&it->vcpu, (uint64_t)work->vcpu->vcpu_idx);
	g_store(&it->wakeup_all, work->wakeup_all);
	g_store(&it->id, id);
	if (!work->wakeup_all)
		g_inc(&av_of(work->vcpu)->inflight);
}

static void a_touch(struct kvm_async_pf *work, const char *where)
{
	struct astate *s = st_of(work->vcpu);
	struct aitem *it = item_of(s, work);
	if (g_load(&it->freed))
		stress_violation(s->st, V_USE_AFTER_FREE,
				 "vcpu%d: work item %d used after it was freed: %s",
				 (int)g_load(&it->vcpu), work->ghost, where);
}

static void a_free(struct kvm_async_pf *work)
{
	struct astate *s = st_of(work->vcpu);
	struct aitem *it = item_of(s, work);
	if (g_load(&it->freed))
		stress_violation(s->st, V_USE_AFTER_FREE, "vcpu%d: work item %d freed twice",
				 (int)g_load(&it->vcpu), work->ghost);
	else if (g_load(&it->running))
		stress_violation(s->st, V_USE_AFTER_FREE,
				 "vcpu%d: work item %d freed while its worker runs",
				 (int)g_load(&it->vcpu), work->ghost);
	else if (!g_load(&it->ran) && !g_load(&it->wakeup_all))
		g_dec(&av_of(work->vcpu)->inflight); /* cancelled before it ran */
	g_store(&it->freed, 1);
}

static void a_worker(struct kvm_vcpu *vcpu, int id, bool running)
{
	struct astate *s = st_of(vcpu);
	struct aitem *it = &s->item[(uint64_t)(uint32_t)id % ITEMS];
	struct avcpu *av = &s->v[vcpu->vcpu_idx];
	if (running) {
		g_inc(&av->workers);
		g_store(&it->ran, 1);
		g_store(&it->running, 1);
	} else {
		/* the item may be freed by now: only ghost state by id */
		g_store(&it->running, 0);
		g_dec(&av->inflight);
		g_dec(&av->workers);
	}
}

/* get_user_pages: takes a random while (the worker's own randomness: the
 * seed and the item id) */
static void a_fault_in(struct kvm_async_pf *work)
{
	struct astate *s = st_of(work->vcpu);
	uint64_t rng = stress_rng_seed(s->st, 1000u + (unsigned)work->ghost);
	a_touch(work, "its worker faults the page in");
	stress_delay(&rng, s->gup_ns);
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

/* ---- threads, monitor ---------------------------------------------------------------------- */

static void vcpu_main(void *arg)
{
	struct avcpu *av = arg;
	native_set_guest(a_guest, av);
	while (!stress_stopping(av->s->st))
		if (kvm_arch_vcpu_ioctl_run(av->vcpu) <= 0)
			break;
}

static bool done_nonempty(struct kvm_vcpu *vcpu)
{
	return __atomic_load_n(&vcpu->async_pf.done.next, __ATOMIC_SEQ_CST) !=
	       &vcpu->async_pf.done;
}

static void a_monitor(struct stress *st, void *state, uint64_t now)
{
	struct astate *s = state;
	for (int v = 0; v < s->nvcpus; v++) {
		struct avcpu *av = &s->v[v];
		struct task_struct *t = native_thread_task(av->tid);
		uint64_t n1 = 0, n2 = 0;
		bool asleep = native_task_asleep(t, &n1);
		bool done = asleep && done_nonempty(av->vcpu);
		bool idle = asleep && g_load(&av->workers) == 0;
		bool lost = idle && !done && g_load(&av->inflight) == 0 &&
			    g_load(&av->outstanding) > 0;
		bool again = native_task_asleep(t, &n2) && n1 == n2;
		if (stress_watch(st, &av->w_sleep, done && idle && again, n1, now)) {
			stress_violation(st, V_LOST_WAKEUP,
					 "vcpu%d has slept for %.1f ms with completions on its "
					 "done list and no worker running", v,
					 (double)stress_watchdog_ns(st) / 1e6);
			wake_up_process(t);
		}
		if (stress_watch(st, &av->w_lost, lost && again, n1, now)) {
			stress_violation(st, V_APF_LOST,
					 "vcpu%d has slept for %.1f ms while %llu of its guest's "
					 "accesses wait and no completion is queued, running or "
					 "done", v, (double)stress_watchdog_ns(st) / 1e6,
					 (unsigned long long)g_load(&av->outstanding));
			g_store(&av->rescue, 1);
			kvm_vcpu_kick(av->vcpu);
			wake_up_process(t);
		}
	}
}

static void a_stop(struct stress *st, void *state)
{
	struct astate *s = state;
	(void)st;
	for (int v = 0; v < s->nvcpus; v++) {
		kvm_vcpu_kick(s->v[v].vcpu);
		wake_up_process(native_thread_task(s->v[v].tid));
	}
}

static void *a_setup(struct stress *st)
{
	struct astate *s = kzalloc(sizeof(*s));
	int T = stress_threads(st);
	s->st = st;
	s->npages = (int)stress_param(st, P_PAGES);
	s->pv = (int)stress_param(st, P_PV);
	s->reset_at = (int)stress_param(st, P_RESET);
	s->gup_ns = (uint64_t)stress_param(st, P_GUP);
	s->nvcpus = T / 2 < 1 ? 1 : T / 2 > AV ? AV : T / 2;
	int workers = T - s->nvcpus < 1 ? 1 : T - s->nvcpus > 8 ? 8 : T - s->nvcpus;
	stress_set_roles(st, "vcpus:%d,kworkers:%d", s->nvcpus, workers);
	s->kvm = kzalloc(sizeof(*s->kvm));
	s->kvm->arch = KVM_ARCH_X86;
	s->kvm->hooks = &a_hooks;
	s->kvm->ctx = s;
	for (int i = 0; i < s->nvcpus; i++) {
		struct avcpu *av = &s->v[i];
		av->s = s;
		av->idx = i;
		av->vcpu = stress_vcpu_create(s->kvm, i);
		kvm_async_pf_vcpu_init(av->vcpu, &a_ops, s->pv != 0);
		new_epoch(av);
	}
	stress_start_workers(st, workers);
	for (int i = 0; i < s->nvcpus; i++) {
		char name[24];
		snprintf(name, sizeof(name), "vcpu%d", i);
		s->v[i].tid = native_thread_count();
		stress_spawn(st, name, i, vcpu_main, &s->v[i]);
	}
	return s;
}

#define P(nm, d, lo, hi, h) {nm, d, lo, hi, h}

static const struct stress_scenario apf = {
	.name = "async_pf",
	.summary = "async page faults: PV not-present / synthetic halt, kworkers completing "
		   "in any order, page-ready + ACK, APF re-init with items in flight",
	.roles = "vCPUs T/2 (max 4), kworkers the rest (max 8)",
	.latency = NULL,
	.params = {P("pages", 2, 1, AP, "non-present pages each guest touches per epoch"),
		   P("pv", 1, 0, 2, "0: async PF off in the guest (synthetic halts); 1: "
		     "every fault PV; 2: faults on even pages take the synthetic halt"),
		   P("reset", 0, 0, AP, "after this many faults per epoch the guest writes "
		     "ASYNC_PF_EN=0 then =1; 0: never"),
		   P("gup_ns", 20000, 0, 100000000, "max random time a worker takes to "
		     "fault a page in")},
	.nparams = 4,
	.bugs = {BUG_APF_HALT_NO_RECHECK, BUG_APF_DROP_ON_RESET, BUG_APF_WORKER_TOUCHES_QUEUE,
		 BUG_PLAIN_MODE_READ, -1},
	.x86_only = true,
	.setup_alloc = a_setup,
	.monitor = a_monitor,
	.stop = a_stop,
};

static const struct stress_scenario *const apf_list[] = {&apf};

const struct stress_scenario *const *stress_apf_scenarios(int *n)
{
	*n = 1;
	return apf_list;
}
