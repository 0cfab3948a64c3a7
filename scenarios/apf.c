/*
 * scenarios/apf.c: async page faults (issue "Request core II", spec section
 * 6) on the real core (core/async_pf.c, x86.c).  One source for both
 * drivers (scenarios/scen.h): the simulator's scenario `async_pf` and
 * reqsim-stress's `async_pf` on real threads.
 *
 * vCPUs whose guest touches pages that are not present.  Each fault becomes
 * a work item; its worker (simulator: a kworker started by the work-item
 * event after a delay; real threads: the native kworker pool) faults the
 * page in and puts the item on the done list, so workers complete in any
 * order.  The guest either takes a PV not-present #PF and runs on (its task
 * waits for the page-ready interrupt, which it ACKs with an MSR write), or,
 * when it cannot take one, the vCPU halts synthetically (KVM_REQ_APF_HALT)
 * until the completion.  Optionally the guest re-initialises async PF after
 * `reset` faults (MSR ASYNC_PF_EN = 0, which clears the queue with items in
 * flight, then = 1, which sends a wakeup-all).
 *
 * The drivers' loop shapes: in the simulator each guest touches its pages
 * once, then runs on, and a migration thread (snapshot=1) saves mp_state at
 * any point; on real threads the guest loops in epochs (all pages done: the
 * host swaps them out again, and the reset happens again in each epoch),
 * each worker takes a random time (gup_ns) to fault a page in.
 *
 * Oracles:
 *   V_APF_DUPLICATE    a second page-ready for a token, or a page-ready for
 *                      a token the guest never saw not-present (where it
 *                      happens, both drivers);
 *   V_USE_AFTER_FREE   a work item freed twice, freed while its worker runs,
 *                      or touched (by its worker or the vCPU) after the free
 *                      (ghost flags: a freed flag set right before kfree; the
 *                      simulator never reuses memory, on real threads it is
 *                      really freed, so ASan/TSan may see it too);
 *   V_APF_LOST         simulator, at quiescence: a not-present whose task
 *                      never got its page-ready (nor a wakeup-all), or an
 *                      access that never completed (a synthetic halt that
 *                      never ended); real threads: a vCPU asleep (same
 *                      sleep) for a watchdog with accesses not done and
 *                      nothing in flight (no work item queued or running,
 *                      done list empty);
 *   V_LOST_WAKEUP      simulator, at quiescence: a vCPU sleeps with
 *                      completions on its done list; or a snapshot exported
 *                      the synthetic halt as HALTED (the destination would
 *                      halt a vCPU whose page never completes there); real
 *                      threads: a vCPU asleep (same sleep) for a watchdog
 *                      with completions on its done list and no worker
 *                      running for it.
 * After a real-thread report the monitor wakes the vCPU (lost wakeup) or
 * makes the guest abandon its epoch (lost completion), so the run goes on.
 *
 * Not covered on real threads: the migration snapshot (bug
 * apf-halt-in-snapshot).  kvm_arch_vcpu_get_mpstate() reads vCPU-owned
 * state plainly, as the real ioctl does under vcpu->mutex, which the core
 * does not model; a concurrent native snapshot would be a data race by
 * construction.
 *
 * arm64: async PF is x86-only in this core (the hooks of spec 6.2 are x86's;
 * arm64 KVM has no async PF), and without it every run would be trivially
 * clean: both drivers refuse arm64, the verdict rows are x86's.
 *
 * Invariants:
 *  1. vCPU i is thread i on pCPU i; the snapshot thread (pCPU 16) follows.
 *  2. The guest model (pages, tokens, ACK: struct apf_guest) is vCPU-thread
 *     state, touched only by the guest script and the core's hooks on that
 *     thread.  The guest script only changes it for things that already
 *     happened (an injected #PF, a page-ready in the slot); what an exit
 *     means is committed in the guest_exit hook, so an exit that an IPI
 *     pre-empts is simply asked for again.
 *  3. Item ghost state (struct apf_item) is indexed by the item's id: the
 *     simulator's ids are 1..APF_ITEMS (0 a scratch entry when they run
 *     out), real threads' ids are never reused within a run and a ring
 *     holds the last APF_ITEM_SLOTS.  Ghost state is never read by the core
 *     (scen.h: plain C in the simulator, seq_cst atomics on real threads);
 *     the real-thread fields come after the simulator's, which keeps its
 *     layout.
 *  4. Expected verdicts are in apf_verdicts[] below; tests check each cell.
 */
#include <stdio.h>
#include <string.h>

#include "async_pf.h"
#include "scen.h"

#define APF_VCPUS (SCEN_SIM ? 2 : 4)
#define AP 4 /* pages per vCPU (gfn 1..AP) */
/* tokens per vCPU: the simulator's index the table, real threads' a ring */
#define APF_TOKS (SCEN_SIM ? 64 : 1024)
#define APF_ITEMS 64 /* the simulator's work items */
#define APF_ITEM_SLOTS (SCEN_SIM ? APF_ITEMS + 1 : 4096)
#define APF_KWORKERS_MAX 8 /* real threads */
#define SNAPSHOTS_MAX 32

/* X(name, default, min, max, help, driver) */
#define APF_PARAMS(X)                                                                      \
	X("vcpus", 1, 1, 2, "vCPUs", SIM)                                                  \
	X("pages", 2, 1, AP, "non-present pages each guest touches", SIM)                  \
	X("pages", 2, 1, AP, "non-present pages each guest touches per epoch", NATIVE)     \
	X("pv", 1, 0, 2, "0: async PF off in the guest (synthetic halts); 1: every fault " \
	  "PV; 2: faults on even pages cannot take a PV #PF (synthetic halt)", SIM)        \
	X("pv", 1, 0, 2, "0: async PF off in the guest (synthetic halts); 1: every fault " \
	  "PV; 2: faults on even pages take the synthetic halt", NATIVE)                   \
	X("reset", 0, 0, AP, "after this many faults the guest writes ASYNC_PF_EN=0 then " \
	  "=1 (queue cleared mid-flight); 0: never", SIM)                                  \
	X("reset", 0, 0, AP, "after this many faults per epoch the guest writes "          \
	  "ASYNC_PF_EN=0 then =1; 0: never", NATIVE)                                       \
	X("snapshot", 1, 0, 1, "a migration thread saves mp_state", SIM)                   \
	X("gup", 1, 0, 4, "cpu_relax steps a worker takes to fault a page in", SIM)        \
	X("gup_ns", 20000, 0, 100000000, "max random time a worker takes to fault a page " \
	  "in", NATIVE)                                                                    \
	X("idle", 0, 0, 2, "a guest whose tasks all wait: 0 executes HLT; 1 runs on in "   \
	  "guest mode until a kick; 2 executes HLT and defers the page-ready ACK until "    \
	  "after it", SIM)                                                                 \
	X("limit", 0, 0, AP, "work items in flight per vCPU before a fault is handled "    \
	  "synchronously; 0: ASYNC_PF_PER_VCPU", SIM)

enum { PG_TODO, PG_WAIT, PG_DONE };
enum { TOK_NONE, TOK_WAITING, TOK_DONE };

/* The guest's model of itself (invariant 2). */
struct apf_guest {
	int page[AP + 1];          /* PG_* */
	uint32_t page_token[AP + 1];
	bool mapped[AP + 1];       /* mapped into the guest (by the core's map hook) */
	int tok[APF_TOKS];         /* TOK_* */
	int tok_page[APF_TOKS];
	uint32_t np_token;         /* a #PF(not-present) injected, not yet taken */
	uint64_t np_gfn;
	bool ack_due;              /* a page-ready taken, its ACK not yet written */
	int faults;                /* PF exits taken (real threads: this epoch) */
	int reset_phase;           /* ASYNC_PF_EN writes done: 1 = disabled, 2 = re-enabled */
	bool user_mode;            /* the last fault was in user mode, no send-always */
	bool in_hlt;               /* executed HLT and has not run since */
	int stall;                 /* PF/HLT exits since the guest last made progress */
	bool finished;             /* simulator: every access done, nothing waiting */
	bool hlt_seen;             /* idle=2: an HLT exit since the page-ready was taken */
	int pf_page;               /* the page of the last PF exit, until the next entry */
	bool halt_since_pf;        /* a synthetic halt since that PF exit */
	bool wakeup_due;           /* the simulator: re-enabled, no wakeup-all taken since */
	bool pf_new_item;          /* the simulator: that PF exit started a work item */
};

/* A work item's ghost state (invariant 3). */
struct apf_item {
	int vcpu;
	uint64_t gfn;
	bool wakeup_all, running, freed;
	bool ran; /* real threads: its worker started */
	/* the simulator's: the item, its worker has faulted the page in, the
	 * vCPU took it off done or dropped it (it is no longer in flight) */
	struct kvm_async_pf *work;
	bool faulted, done;
};

/* Real threads only: per vCPU. */
struct apf_rt_vcpu {
	struct task_struct *task;
	uint64_t outstanding;          /* ghost: pages of this epoch not done */
	uint64_t inflight;             /* ghost: items whose worker has not finished */
	uint64_t workers;              /* ghost: workers running for this vCPU */
	uint64_t rescue;               /* ghost: the monitor asks the guest to abandon */
	uint32_t tok_val[APF_TOKS];    /* the token a ring slot holds (vCPU thread) */
	SCEN_ON_NATIVE(struct stress_watch w_sleep, w_lost;) /* the monitor's */
};

/* Real threads only (invariant 3). */
struct apf_rt {
	uint64_t gup_ns;
	int kworkers;
	struct apf_rt_vcpu v[APF_VCPUS];
};

struct astate {
	scen_t *scen;
	struct kvm *kvm;
	int nvcpus, npages, pv, reset_at, gup, hlt, late_ack, limit;
	struct apf_guest g[APF_VCPUS];
	struct apf_item item[APF_ITEM_SLOTS];
	int nitems;
	struct apf_rt rt[]; /* real threads: one (see .state_size) */
};

static struct astate *st_of(struct kvm_vcpu *vcpu)
{
	return vcpu->kvm->ctx;
}

static struct apf_item *item_at(struct astate *s, int id)
{
	return &s->item[(uint32_t)id % APF_ITEM_SLOTS];
}

static struct apf_item *item_of(struct astate *s, struct kvm_async_pf *work)
{
	return item_at(s, work->ghost);
}

/* ---- the guest ---------------------------------------------------------------------- */

/* The ring slot of token t (the simulator's tokens stay below APF_TOKS). */
static int tok_index(uint32_t t)
{
	return (int)(t % APF_TOKS);
}

/* The token slot k holds (the simulator's: k itself). */
static uint32_t slot_token(const struct astate *s, int v, int k)
{
	return SCEN_SIM ? (uint32_t)k : s->rt[0].v[v].tok_val[k];
}

/* The slot of a token the guest may have seen, or -1. */
static int tok_slot(const struct astate *s, int v, uint32_t t)
{
	if (SCEN_SIM)
		return t < APF_TOKS ? (int)t : -1;
	int k = tok_index(t);
	return slot_token(s, v, k) == t ? k : -1;
}

/* Every page done, untouched, nothing waiting (real threads: the next
 * epoch, the host swapped the pages out again). */
static void new_epoch(struct astate *s, int v)
{
	struct apf_guest *g = &s->g[v];
	for (int p = 1; p <= s->npages; p++) {
		g->page[p] = PG_TODO;
		g->mapped[p] = false;
	}
	memset(g->tok, 0, sizeof(g->tok));
	g->faults = 0;
	g->reset_phase = 0;
	g->np_token = 0;
	if (!SCEN_SIM)
		ghost_store(&s->rt[0].v[v].outstanding, (uint64_t)s->npages);
}

static void page_done(struct astate *s, struct apf_guest *g, int v, int p)
{
	g->page[p] = PG_DONE;
	g->stall = 0;
	if (!SCEN_SIM)
		ghost_dec(&s->rt[0].v[v].outstanding);
}

/* A wakeup-all: every waiting task retries. */
static void guest_wake_all(struct astate *s, struct apf_guest *g, int v)
{
	for (int k = 0; k < APF_TOKS; k++) {
		if (g->tok[k] != TOK_WAITING)
			continue;
		g->tok[k] = TOK_DONE;
		int p = g->tok_page[k];
		if (g->page[p] == PG_WAIT && g->page_token[p] == slot_token(s, v, k))
			g->page[p] = PG_TODO;
	}
}

/* The guest takes a page-ready interrupt for token t. */
static void guest_page_ready(struct astate *s, struct apf_guest *g, int v, uint32_t t)
{
	if (t == KVM_APF_WAKEUP_ALL_TOKEN) {
		g->wakeup_due = false;
		guest_wake_all(s, g, v);
		return;
	}
	int k = tok_slot(s, v, t);
	if (k < 0 || g->tok[k] == TOK_NONE) {
		scen_report(s->scen, V_APF_DUPLICATE, NULL,
			    "vcpu%d: page-ready for token %u, which the guest never saw "
			    "not-present", v, t);
		return;
	}
	if (g->tok[k] == TOK_DONE) {
		scen_report(s->scen, V_APF_DUPLICATE, NULL,
			    "vcpu%d: a second completion for token %u (page %d): its task "
			    "was already woken", v, t, g->tok_page[k]);
		return;
	}
	g->tok[k] = TOK_DONE;
	int p = g->tok_page[k];
	/* the simulator never unmaps: the completion prefaulted the page
	 * (kvm_arch_async_page_ready) before its page-ready was injected */
	if (SCEN_SIM && !g->mapped[p])
		scen_report(s->scen, V_APF_STATE, NULL,
			    "vcpu%d: page-ready for token %u (page %d), which was never "
			    "mapped into the guest", v, t, p);
	if (g->page[p] == PG_WAIT && g->page_token[p] == t)
		g->page[p] = PG_TODO; /* the task retries its access */
}

/* 1. the #PF(not-present) first (an exception before an interrupt): the
 *    faulting task sleeps, the guest runs on */
static void guest_take_not_present(struct astate *s, struct apf_guest *g, int v)
{
	if (!g->np_token)
		return;
	uint32_t t = g->np_token;
	int k = tok_index(t), p = (int)g->np_gfn;
	g->tok[k] = TOK_WAITING;
	if (!SCEN_SIM)
		s->rt[0].v[v].tok_val[k] = t;
	g->tok_page[k] = p;
	g->page[p] = PG_WAIT;
	g->page_token[p] = t;
	g->np_token = 0;
	g->stall = 0;
}

/* 2. the page-ready interrupt: read and free the slot (then ACK) */
static void guest_take_page_ready(struct astate *s, struct apf_guest *g, int v)
{
	struct kvm_vcpu *vcpu = s->kvm->vcpus[v];
	if (!vcpu->apf.token_slot)
		return;
	uint32_t t = vcpu->apf.token_slot;
	vcpu->apf.token_slot = 0;
	g->ack_due = true;
	g->stall = 0;
	guest_page_ready(s, g, v, t);
}

static scen_guest_t step_exit(enum guest_exit_reason r, uint64_t arg)
{
	return (scen_guest_t){1, {r, arg}};
}

static scen_guest_t run_on(void)
{
	return (scen_guest_t){0, {GUEST_EXIT_INTR, 0}};
}

/* The simulator: a guest resumed twice with nothing new (a completion
 * half-way onto the done list makes the vCPU runnable before its worker
 * kicks) waits in guest mode for the kick instead of exiting again: the
 * same behaviour, without a busy loop that an unfair strategy (PCT) would
 * never let the worker end. */
static scen_guest_t stall_or(struct apf_guest *g, scen_guest_t exit)
{
	if (SCEN_SIM && g->stall >= 2)
		return run_on();
	return exit;
}

/* 6. every access done: the simulator's guest runs on; real threads start
 *    the next epoch after a short run */
static scen_guest_t guest_all_done(struct astate *s, struct apf_guest *g, int v)
{
	if (SCEN_SIM) {
		g->finished = true;
		return run_on();
	}
	scen_count_rounds(s->scen, 1);
	new_epoch(s, v);
	return (scen_guest_t){1, {GUEST_EXIT_TIMER, 0}};
}

/* 4. the next access, 5. idle (tasks wait for page-ready interrupts), 6. */
static scen_guest_t guest_next_access(struct astate *s, struct apf_guest *g, int v)
{
	for (int p = 1; p <= s->npages; p++) {
		if (g->page[p] != PG_TODO)
			continue;
		if (g->mapped[p]) {
			page_done(s, g, v, p);
			continue;
		}
		return stall_or(g, step_exit(GUEST_EXIT_PF, (uint64_t)p));
	}
	for (int p = 1; p <= s->npages; p++)
		if (g->page[p] == PG_WAIT)
			return s->hlt ? stall_or(g, step_exit(GUEST_EXIT_HLT, 0)) : run_on();
	return guest_all_done(s, g, v);
}

/* Real threads: the monitor reported this vCPU's accesses lost; give the
 * epoch up. */
static void guest_rescued(struct astate *s, int v)
{
	if (SCEN_SIM || !ghost_load(&s->rt[0].v[v].rescue))
		return;
	ghost_store(&s->rt[0].v[v].rescue, 0);
	new_epoch(s, v);
}

/* A page-ready taken: ACK it now?  idle=2: only after an
 * HLT exit, or when the guest would otherwise wait in guest mode (stall_or)
 * or finish; an outstanding page-ready suppresses the worker's kick, so a
 * vCPU halted before its ACK is woken by the worker's wake-up alone. */
static bool ack_now(const struct astate *s, const struct apf_guest *g)
{
	if (!s->late_ack || !s->hlt || g->hlt_seen || g->stall >= 2)
		return true;
	for (int p = 1; p <= s->npages; p++)
		if (g->page[p] != PG_DONE)
			return false;
	return true;
}

/* The guest script of vCPU tid (the simulator's .guest hook). */
static scen_guest_t apf_guest(scen_t *scen, void *state, int tid)
{
	struct astate *s = state;
	struct apf_guest *g = &s->g[tid];
	(void)scen;
	if (scen_stopping(s->scen))
		return (scen_guest_t){0, {GUEST_EXIT_SHUTDOWN, 0}};
	guest_rescued(s, tid);
	guest_take_not_present(s, g, tid);
	guest_take_page_ready(s, g, tid);
	if (g->ack_due && ack_now(s, g))
		return step_exit(GUEST_EXIT_MSR, APF_MSR_EXIT_ARG(MSR_KVM_ASYNC_PF_ACK, 1));
	/* 3. re-initialise async PF after reset_at faults */
	if (s->reset_at && g->faults >= s->reset_at && g->reset_phase < 2)
		return step_exit(GUEST_EXIT_MSR,
				 APF_MSR_EXIT_ARG(MSR_KVM_ASYNC_PF_EN,
						  g->reset_phase ? KVM_ASYNC_PF_ENABLED : 0));
	return guest_next_access(s, g, tid);
}

/* ---- kvm hooks ---------------------------------------------------------------------- */

/* Real threads: the end of the run, or the rescue, wakes a halted vCPU. */
static SCEN_HOOK bool apf_has_events(struct kvm_vcpu *vcpu)
{
	struct astate *s = st_of(vcpu);
	return scen_stopping(s->scen) || ghost_load(&s->rt[0].v[vcpu->vcpu_idx].rescue);
}

/* The simulator, at guest entry: never during the synthetic halt; after a
 * PF exit, only with the page mapped (synchronously or by a completion),
 * or a not-present for it injected, or after a synthetic halt (which a
 * completion, perhaps of another page, ended: the guest retries). */
static void apf_check_entry(struct astate *s, struct kvm_vcpu *vcpu, struct apf_guest *g)
{
	int v = vcpu->vcpu_idx, p = g->pf_page;
	if (vcpu->apf.halted)
		scen_report(s->scen, V_APF_STATE, NULL,
			    "vcpu%d: the guest runs while the vCPU is in the synthetic "
			    "APF halt", v);
	else if (p && !g->mapped[p] && !(g->np_token && g->np_gfn == (uint64_t)p) &&
		 !g->halt_since_pf)
		scen_report(s->scen, V_APF_STATE, NULL,
			    "vcpu%d: the guest resumed after its fault on page %d with the "
			    "page neither mapped nor reported not-present, and the vCPU "
			    "never halted for it", v, p);
	g->pf_page = 0;
	g->halt_since_pf = false;
}

static void apf_guest_entry(struct kvm_vcpu *vcpu)
{
	struct astate *s = st_of(vcpu);
	struct apf_guest *g = &s->g[vcpu->vcpu_idx];
	g->in_hlt = false;
	if (SCEN_SIM)
		apf_check_entry(s, vcpu, g);
}

/* What an exit means, committed once it really happened (invariant 2). */
static void apf_guest_exit(struct kvm_vcpu *vcpu, struct guest_exit e)
{
	struct astate *s = st_of(vcpu);
	struct apf_guest *g = &s->g[vcpu->vcpu_idx];
	switch (e.reason) {
	case GUEST_EXIT_PF:
		g->faults++;
		g->stall++;
		scen_count_requests(s->scen, 1);
		/* pv=2: faults on even pages happen in user mode without
		 * send-always: no PV delivery, the synthetic halt */
		g->user_mode = s->pv == 2 && e.arg % 2 == 0;
		g->pf_page = (int)e.arg;
		g->halt_since_pf = false;
		g->pf_new_item = false;
		break;
	case GUEST_EXIT_MSR:
		if (e.arg >> 32 == MSR_KVM_ASYNC_PF_ACK) {
			g->ack_due = false;
			g->hlt_seen = false;
		} else {
			g->reset_phase++;
			/* re-enabled after a disable that dropped the queue: the
			 * tasks still waiting are woken by a wakeup-all */
			g->wakeup_due = g->reset_phase == 2;
		}
		break;
	case GUEST_EXIT_HLT:
		g->in_hlt = true;
		g->hlt_seen = g->ack_due;
		g->stall++;
		break;
	default:
		break;
	}
}

static const struct kvm_hooks apf_hooks = {
	SCEN_ON_NATIVE(.has_events = apf_has_events,)
	.guest_entry = apf_guest_entry,
	.guest_exit = apf_guest_exit,
};

/* ---- async PF hooks ----------------------------------------------------------------- */

static bool a_can_deliver(struct kvm_vcpu *vcpu)
{
	return !st_of(vcpu)->g[vcpu->vcpu_idx].user_mode;
}

static void a_inject_not_present(struct kvm_vcpu *vcpu, uint32_t token, uint64_t gfn)
{
	struct astate *s = st_of(vcpu);
	struct apf_guest *g = &s->g[vcpu->vcpu_idx];
	if (SCEN_SIM && token >= APF_TOKS) {
		scen_report(s->scen, V_ASSERT, NULL, "vcpu%d: token %u out of the ghost table",
			    vcpu->vcpu_idx, token);
		return;
	}
	g->np_token = token;
	g->np_gfn = gfn;
}

/* The simulator: item it is an async fault of vCPU v's page gfn still in
 * flight (neither taken off done nor dropped by a re-init). */
static bool item_in_flight(const struct apf_item *it, int v, uint64_t gfn)
{
	return it->vcpu == v && it->gfn == gfn && !it->wakeup_all && !it->freed && !it->done;
}

static void a_map(struct kvm_vcpu *vcpu, uint64_t gfn)
{
	struct astate *s = st_of(vcpu);
	int v = vcpu->vcpu_idx;
	/* the simulator: a page with a live work item is mapped only once
	 * that item's worker has faulted it in (no second, synchronous
	 * fault-in; no prefault of a page nobody faulted in) */
	bool prefault = false;
	int live = 0;
	for (int id = 1; SCEN_SIM && id <= s->nitems; id++) {
		const struct apf_item *it = item_at(s, id);
		if (it->vcpu != v || it->freed)
			continue;
		live++;
		if (it->gfn != gfn || it->wakeup_all)
			continue;
		prefault = true;
		if (!it->faulted) {
			scen_report(s->scen, V_APF_STATE, NULL,
				    "vcpu%d: page %d mapped while work item %d still "
				    "faults it in", v, (int)gfn, id);
			break;
		}
	}
	/* a synchronous fault-in only at the limit (allocation never fails
	 * here); live items are at least async_pf.queued */
	if (SCEN_SIM && !prefault && live < vcpu->async_pf.limit)
		scen_report(s->scen, V_APF_STATE, NULL,
			    "vcpu%d: page %d faulted in synchronously with %d work items "
			    "live, below the limit of %d", v, (int)gfn, live,
			    vcpu->async_pf.limit);
	s->g[v].mapped[gfn] = true;
}

/* Real threads: a ring entry is reused; counted in flight until its
 * worker finishes. */
static void item_recycle(struct astate *s, struct apf_item *it, struct kvm_async_pf *work)
{
	ghost_store(&it->freed, false);
	ghost_store(&it->running, false);
	ghost_store(&it->ran, false);
	if (!work->wakeup_all)
		ghost_inc(&s->rt[0].v[work->vcpu->vcpu_idx].inflight);
}

/* The simulator, a new item of vCPU v: no second async fault for a page
 * already in flight (kvm_find_async_pf_gfn halts instead), and at most
 * async_pf.limit faults in flight (then the fault is synchronous). */
static void alloc_check(struct astate *s, struct kvm_async_pf *work)
{
	int v = work->vcpu->vcpu_idx, n = 0;
	if (work->wakeup_all)
		return;
	for (int id = 1; id <= s->nitems; id++) {
		const struct apf_item *it = item_at(s, id);
		if (id == work->ghost || it->vcpu != v || it->wakeup_all || it->freed)
			continue;
		n++;
		if (item_in_flight(it, v, work->gfn))
			scen_report(s->scen, V_APF_STATE, NULL,
				    "vcpu%d: a second async fault (item %d) for page %d, "
				    "whose item %d is still in flight", v, work->ghost,
				    (int)work->gfn, id);
	}
	if (n + 1 > work->vcpu->async_pf.limit)
		scen_report(s->scen, V_APF_STATE, NULL,
			    "vcpu%d: %d async faults in flight, the limit is %d", v, n + 1,
			    work->vcpu->async_pf.limit);
}

static void a_alloc(struct kvm_async_pf *work)
{
	struct astate *s = st_of(work->vcpu);
	if (SCEN_SIM && s->nitems == APF_ITEMS) {
		scen_report(s->scen, V_ASSERT, NULL, "more than %d work items", APF_ITEMS);
		return; /* ghost 0: shared scratch entry */
	}
	work->ghost = ghost_inc(&s->nitems);
	struct apf_item *it = item_of(s, work);
	if (!SCEN_SIM)
		item_recycle(s, it, work);
	ghost_store(&it->vcpu, work->vcpu->vcpu_idx);
	ghost_store(&it->gfn, work->gfn);
	ghost_store(&it->wakeup_all, work->wakeup_all);
	if (SCEN_SIM) {
		it->work = work;
		alloc_check(s, work);
		if (!work->wakeup_all)
			s->g[work->vcpu->vcpu_idx].pf_new_item = true;
	}
}

static void a_touch(struct kvm_async_pf *work, const char *where)
{
	struct astate *s = st_of(work->vcpu);
	struct apf_item *it = item_of(s, work);
	/* the vCPU completes it, or drops it (re-init): no longer in flight */
	if (SCEN_SIM && (strstr(where, "the vCPU takes it off") || strstr(where, "the vCPU clears") ||
			 strstr(where, "the vCPU drains")))
		it->done = true;
	if (ghost_load(&it->freed))
		scen_report(s->scen, V_USE_AFTER_FREE, NULL,
			    "vcpu%d: work item %d (page %d) used after it was freed: %s",
			    ghost_load(&it->vcpu), work->ghost, (int)ghost_load(&it->gfn), where);
}

static void a_free(struct kvm_async_pf *work)
{
	struct astate *s = st_of(work->vcpu);
	struct apf_item *it = item_of(s, work);
	if (ghost_load(&it->freed))
		scen_report(s->scen, V_USE_AFTER_FREE, NULL,
			    "vcpu%d: work item %d (page %d) freed twice", ghost_load(&it->vcpu),
			    work->ghost, (int)ghost_load(&it->gfn));
	else if (ghost_load(&it->running))
		scen_report(s->scen, V_USE_AFTER_FREE, NULL,
			    "vcpu%d: work item %d (page %d) freed while its worker runs",
			    ghost_load(&it->vcpu), work->ghost, (int)ghost_load(&it->gfn));
	else if (!SCEN_SIM && !ghost_load(&it->ran) && !ghost_load(&it->wakeup_all))
		ghost_dec(&s->rt[0].v[work->vcpu->vcpu_idx].inflight); /* cancelled */
	ghost_store(&it->freed, true);
}

/* Its worker starts (running) or has returned: the item may be freed by
 * then, so only ghost state by id. */
static void a_worker(struct kvm_vcpu *vcpu, int id, bool running)
{
	struct astate *s = st_of(vcpu);
	struct apf_item *it = item_at(s, id);
	struct apf_rt_vcpu *rt = SCEN_SIM ? NULL : &s->rt[0].v[vcpu->vcpu_idx];
	if (!SCEN_SIM && running) {
		ghost_inc(&rt->workers);
		ghost_store(&it->ran, true);
	}
	ghost_store(&it->running, running);
	if (!SCEN_SIM && !running) {
		ghost_dec(&rt->inflight);
		ghost_dec(&rt->workers);
	}
}

/* get_user_pages: takes a while (the simulator: gup steps; real threads: a
 * random time from the worker's own randomness, the seed and the item id) */
static void a_fault_in(struct kvm_async_pf *work)
{
	struct astate *s = st_of(work->vcpu);
	for (int i = 0; i < s->gup; i++)
		cpu_relax();
	a_touch(work, "its worker faults the page in");
	if (SCEN_SIM)
		item_of(s, work)->faulted = true;
	if (!SCEN_SIM) {
		uint64_t rng = scen_rng_seed(s->scen, 1000u + (unsigned)work->ghost);
		scen_delay(s->scen, &rng, s->rt[0].gup_ns);
	}
}

/* The simulator: the synthetic halt for a new async fault only when the
 * guest cannot take the PV not-present (pv=0, async PF disabled, or a
 * user-mode fault with pv=2). */
static void a_halt(struct kvm_vcpu *vcpu)
{
	struct astate *s = st_of(vcpu);
	struct apf_guest *g = &s->g[vcpu->vcpu_idx];
	if (SCEN_SIM && g->pf_new_item && s->pv && g->reset_phase != 1 && !g->user_mode)
		scen_report(s->scen, V_APF_STATE, NULL,
			    "vcpu%d: synthetic halt for page %d, whose not-present the guest "
			    "could have taken", vcpu->vcpu_idx, g->pf_page);
	g->pf_new_item = false;
	g->halt_since_pf = true;
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
	.halt = a_halt,
};

/* ---- threads ------------------------------------------------------------------------ */

/* KVM_RUN (real threads: again, until the run stops or the guest shuts down). */
static void vcpu_main(void *arg)
{
	struct kvm_vcpu *vcpu = arg;
	struct astate *s = st_of(vcpu);
	scen_guest_attach(s->scen, apf_guest, s, vcpu->vcpu_idx);
	for (long i = 0; scen_more(s->scen, i, 1); i++)
		if (kvm_arch_vcpu_ioctl_run(vcpu) <= 0)
			break;
}

/* KVM_GET_MP_STATE at any point, as a live migration would save it
 * (simulator only: see the header). */
static void snapshot_main(void *arg)
{
	struct astate *s = arg;
	for (int i = 0; i < SNAPSHOTS_MAX; i++) {
		bool finished = true;
		cpu_relax();
		for (int v = 0; v < s->nvcpus; v++) {
			int mp = kvm_arch_vcpu_get_mpstate(s->kvm->vcpus[v]);
			if (mp == KVM_MP_STATE_HALTED && !s->g[v].in_hlt) {
				scen_report(s->scen, V_LOST_WAKEUP, NULL,
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

/* ---- setup -------------------------------------------------------------------------- */

static void apf_params(scen_t *scen, struct astate *s)
{
	s->npages = (int)scen_param(scen, "pages");
	s->pv = (int)scen_param(scen, "pv");
	s->reset_at = (int)scen_param(scen, "reset");
	if (SCEN_SIM) {
		s->nvcpus = (int)scen_param(scen, "vcpus");
		s->gup = (int)scen_param(scen, "gup");
		s->hlt = scen_param(scen, "idle") != 1;
		s->late_ack = scen_param(scen, "idle") == 2;
		s->limit = (int)scen_param(scen, "limit");
		return;
	}
	s->hlt = 1;
	/* --threads: vCPUs T/2 (max 4), kworkers the rest (max 8) */
	int T = scen_threads(scen), k;
	s->nvcpus = T / 2 < 1 ? 1 : T / 2 > APF_VCPUS ? APF_VCPUS : T / 2;
	k = T - s->nvcpus;
	s->rt[0].kworkers = k < 1 ? 1 : k > APF_KWORKERS_MAX ? APF_KWORKERS_MAX : k;
	s->rt[0].gup_ns = (uint64_t)scen_param(scen, "gup_ns");
	scen_roles(scen, "vcpus:%d,kworkers:%d", s->nvcpus, s->rt[0].kworkers);
}

/* vCPU i with async PF set up (max_halt_poll_ns is 0: no halt polling). */
static void apf_vcpu_init(scen_t *scen, struct astate *s, int i)
{
	struct kvm_vcpu *vcpu = scen_vcpu_create(scen, s->kvm, i);
	char name[40];
	kvm_async_pf_vcpu_init(vcpu, &a_ops, s->pv != 0);
	if (s->limit)
		vcpu->async_pf.limit = s->limit; /* setup time: plain */
	snprintf(name, sizeof(name), "vcpu%d->async_pf.done.next", i);
	scen_name(scen, &vcpu->async_pf.done.next, name);
	snprintf(name, sizeof(name), "vcpu%d->async_pf.done.prev", i);
	scen_name(scen, &vcpu->async_pf.done.prev, name);
	snprintf(name, sizeof(name), "vcpu%d->apf.pageready_pending", i);
	scen_name(scen, &vcpu->apf.pageready_pending, name);
	new_epoch(s, i);
}

static void apf_setup(scen_t *scen, void *state)
{
	struct astate *s = state;
	s->scen = scen;
	apf_params(scen, s);
	s->kvm = scen_alloc(scen, sizeof(*s->kvm));
	s->kvm->arch = KVM_ARCH_X86; /* .archs: async PF is x86's */
	s->kvm->hooks = &apf_hooks;
	s->kvm->ctx = s;
	for (int i = 0; i < s->nvcpus; i++)
		apf_vcpu_init(scen, s, i);
	if (!SCEN_SIM)
		scen_start_workers(scen, s->rt[0].kworkers);
	for (int i = 0; i < s->nvcpus; i++) {
		char name[16];
		snprintf(name, sizeof(name), "vcpu%d", i);
		struct task_struct *task = scen_spawn(scen, name, i, vcpu_main, s->kvm->vcpus[i]);
		if (!SCEN_SIM)
			s->rt[0].v[i].task = task;
	}
	if (SCEN_SIM && scen_param(scen, "snapshot"))
		scen_spawn(scen, "migration", 16, snapshot_main, s);
}

/* Real threads, while stopping: every vCPU leaves KVM_RUN. */
static SCEN_HOOK void apf_stop(scen_t *scen, void *state)
{
	struct astate *s = state;
	(void)scen;
	for (int v = 0; v < s->nvcpus; v++) {
		kvm_vcpu_kick(s->kvm->vcpus[v]);
		wake_up_process(s->rt[0].v[v].task);
	}
}

/* ---- real threads: the watchdog oracles --------------------------------------------- */

#if !SCEN_SIM
static bool done_nonempty(struct kvm_vcpu *vcpu)
{
	return __atomic_load_n(&vcpu->async_pf.done.next, __ATOMIC_SEQ_CST) !=
	       &vcpu->async_pf.done;
}

/* vCPU v asleep (the same sleep) with completions done and no worker
 * running: a lost wakeup; with accesses waiting and nothing in flight: a
 * lost completion. */
static void apf_watch_vcpu(struct stress *st, struct astate *s, int v, uint64_t now)
{
	struct apf_rt_vcpu *rt = &s->rt[0].v[v];
	struct kvm_vcpu *vcpu = s->kvm->vcpus[v];
	uint64_t n1 = 0, n2 = 0;
	bool asleep = native_task_asleep(rt->task, &n1);
	bool done = asleep && done_nonempty(vcpu);
	bool idle = asleep && ghost_load(&rt->workers) == 0;
	bool lost = idle && !done && ghost_load(&rt->inflight) == 0 &&
		    ghost_load(&rt->outstanding) > 0;
	bool again = native_task_asleep(rt->task, &n2) && n1 == n2;
	if (stress_watch(st, &rt->w_sleep, done && idle && again, n1, now)) {
		scen_report(st, V_LOST_WAKEUP, NULL,
			    "vcpu%d has slept for %.1f ms with completions on its done list "
			    "and no worker running", v, (double)stress_watchdog_ns(st) / 1e6);
		wake_up_process(rt->task);
	}
	if (stress_watch(st, &rt->w_lost, lost && again, n1, now)) {
		scen_report(st, V_APF_LOST, NULL,
			    "vcpu%d has slept for %.1f ms while %llu of its guest's accesses "
			    "wait and no completion is queued, running or done", v,
			    (double)stress_watchdog_ns(st) / 1e6,
			    (unsigned long long)ghost_load(&rt->outstanding));
		ghost_store(&rt->rescue, 1);
		kvm_vcpu_kick(vcpu);
		wake_up_process(rt->task);
	}
}

static void apf_monitor(struct stress *st, void *state, uint64_t now)
{
	struct astate *s = state;
	for (int v = 0; v < s->nvcpus; v++)
		apf_watch_vcpu(st, s, v, now);
}
#endif

/* ---- the simulator: end-of-run oracles ---------------------------------------------- */

#if SCEN_SIM
static int apf_vcpu_view(struct sim *sim, void *state, struct scen_vcpu_view *out, int max)
{
	(void)sim;
	return kvm_scen_vcpu_view(((struct astate *)state)->kvm, out, max);
}

/* vCPU v's guest at quiescence: a not-present without its page-ready, or
 * an access that never completed; false if it reported. */
static bool apf_check_guest(struct sim *sim, struct astate *s, int v)
{
	struct kvm_vcpu *vcpu = s->kvm->vcpus[v];
	struct apf_guest *g = &s->g[v];
	for (uint32_t t = 1; t < APF_TOKS; t++)
		if (g->tok[t] == TOK_WAITING) {
			sim_report(sim, V_APF_LOST, sim_thread_site(sim, v),
				   "vcpu%d: the guest took not-present for page %d "
				   "(token %u) and never got its page-ready", v,
				   g->tok_page[t], t);
			return false;
		}
	if (g->wakeup_due) {
		sim_report(sim, V_APF_LOST, sim_thread_site(sim, v),
			   "vcpu%d: async PF was disabled and re-enabled, and the guest "
			   "never got the wakeup-all", v);
		return false;
	}
	for (int p = 1; p <= s->npages; p++)
		if (g->page[p] == PG_TODO && !g->mapped[p]) {
			sim_report(sim, V_APF_LOST, sim_thread_site(sim, v),
				   "vcpu%d: the guest's access to page %d never "
				   "completed (%s)", v, p,
				   vcpu->apf.halted ? "the synthetic halt never ended"
						    : "the vCPU is stuck");
			return false;
		}
	return true;
}

/* vCPU v at quiescence: every work item freed, or still on its queue or
 * done list (an item off both lists and never freed leaked); and the gfn
 * table (kvm_find_async_pf_gfn) lists exactly the pages of the items still
 * in flight.  False if it reported. */
static bool apf_check_items(struct sim *sim, struct astate *s, int v)
{
	struct kvm_vcpu *vcpu = s->kvm->vcpus[v];
	int want[AP + 1] = {0}, have[AP + 1] = {0};
	for (int id = 1; id <= s->nitems; id++) {
		const struct apf_item *it = item_at(s, id);
		if (it->vcpu != v || it->freed)
			continue;
		struct kvm_async_pf *w = it->work;
		bool off_queue = sim_peek(&w->queue.next, sizeof(void *)) ==
				 (uint64_t)(uintptr_t)&w->queue;
		bool off_done = sim_peek(&w->link.next, sizeof(void *)) ==
				(uint64_t)(uintptr_t)&w->link;
		if (off_queue && off_done) {
			sim_report(sim, V_APF_LEAK, sim_thread_site(sim, v),
				   "vcpu%d: work item %d (page %d) is on neither the queue nor "
				   "the done list and was never freed", v, id, (int)it->gfn);
			return false;
		}
		if (item_in_flight(it, v, it->gfn) && it->gfn <= AP)
			want[it->gfn]++;
	}
	for (int i = 0; i < KVM_APF_GFNS; i++) {
		uint64_t gfn = vcpu->apf.gfns[i];
		if (gfn > AP) {
			sim_report(sim, V_APF_STATE, sim_thread_site(sim, v),
				   "vcpu%d: gfn table slot %d holds %llu, never faulted", v, i,
				   (unsigned long long)gfn);
			return false;
		}
		have[gfn]++;
	}
	for (int p = 1; p <= AP; p++)
		if (have[p] != want[p]) {
			sim_report(sim, V_APF_STATE, sim_thread_site(sim, v),
				   "vcpu%d: the gfn table lists page %d %d time(s), %d async "
				   "fault(s) for it in flight", v, p, have[p], want[p]);
			return false;
		}
	return true;
}

/* vCPU v at quiescence; false if it reported. */
static bool apf_check_vcpu(struct sim *sim, struct astate *s, int v)
{
	struct kvm_vcpu *vcpu = s->kvm->vcpus[v];
	int wait = sim_thread_wait(sim, v);
	bool done = sim_peek(&vcpu->async_pf.done.next, sizeof(void *)) !=
		    (uint64_t)(uintptr_t)&vcpu->async_pf.done;
	if (wait == SIM_WAIT_SLEEP && done) {
		sim_report(sim, V_LOST_WAKEUP, sim_thread_site(sim, v),
			   "vcpu%d sleeps (%s) with completions on its done list",
			   v, vcpu->apf.halted ? "synthetic APF halt" : "halted");
		return false;
	}
	if (!apf_check_guest(sim, s, v) || !apf_check_items(sim, s, v))
		return false;
	if (wait == SIM_WAIT_SLEEP || wait == SIM_WAIT_GUEST)
		sim_claim_stuck(sim, v);
	return true;
}

static void apf_check_end(struct sim *sim, void *state)
{
	struct astate *s = state;
	for (int v = 0; v < s->nvcpus && !sim_violated(sim); v++)
		if (!apf_check_vcpu(sim, s, v))
			return;
}
#endif

/* ---- the registration and the verdicts ---------------------------------------------- */

SCEN_FAMILY(apf,
	.name = "async_pf",
	.params = {APF_PARAMS(SCEN_PARAM)},
	.nparams = 0 APF_PARAMS(SCEN_PARAM_COUNT),
	/* async PF is x86's here: on arm64 no fault would be async and every
	 * run would be trivially clean */
	.archs = SCEN_ARCHS_X86,
	.state_size = sizeof(struct astate) + (SCEN_SIM ? 0 : sizeof(struct apf_rt)),
	.setup = apf_setup,
	SCEN_ON_SIM(.summary = "async page faults: PV not-present / synthetic halt, workers "
			       "completing in any order, page-ready + ACK, APF re-init with "
			       "items in flight, migration snapshots",
		    .bugs = {BUG_APF_HALT_NO_RECHECK, BUG_APF_HALT_IN_SNAPSHOT,
			     BUG_APF_DROP_ON_RESET, BUG_APF_WORKER_TOUCHES_QUEUE, -1},
		    .check_end = apf_check_end,
		    .vcpu_view = apf_vcpu_view,
		    .guest = apf_guest,)
	/* real threads: no snapshot (see the header), but the data race TSan sees */
	SCEN_ON_NATIVE(.summary = "async page faults: PV not-present / synthetic halt, "
				  "kworkers completing in any order, page-ready + ACK, APF "
				  "re-init with items in flight",
		       .bugs = {BUG_APF_HALT_NO_RECHECK, BUG_APF_DROP_ON_RESET,
				BUG_APF_WORKER_TOUCHES_QUEUE, BUG_PLAIN_MODE_READ, -1},
		       .x86_only = true,
		       .roles = "vCPUs T/2 (max 4), kworkers the rest (max 8)",
		       .monitor = apf_monitor,
		       .stop = apf_stop,))

#if SCEN_SIM
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
	/* the idle guest waits in guest mode: only a kick (the worker's, or
	 * the ACK's re-check) gets a completion to it */
	{"async_pf", -1, "idle=1 pages=4 gup=0", ARCH_X86, {N, N, N, N}},
	/* the guest halts before its ACK: an outstanding page-ready skips the
	 * worker's kick, its wake-up alone ends the halt */
	{"async_pf", -1, "idle=2 pages=3", ARCH_X86, {N, N, N, N}},
	/* one item in flight: the other faults are synchronous */
	{"async_pf", -1, "limit=1 pv=2 pages=3", ARCH_X86, {N, N, N, N}},
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
#endif
