/*
 * scenarios/kvm.c: the request-core scenarios (issue "Request core I"):
 * dekker, payload, kick_only, tlb_flush, outside_guest_mode, halt, mixed.
 * One source for both drivers (scenarios/scen.h): the simulator's
 * scenarios and reqsim-stress's on real threads.
 *
 * Each scenario builds a VM of the real core (core/kvm_main.c, x86.c,
 * arm64.c), runs vCPU threads through KVM_RUN with a guest script, adds
 * requester threads, and checks oracles:
 *
 *   missed request  a vCPU runs in guest mode (simulator: after every step,
 *                   and at quiescence; real threads: for a watchdog, in one
 *                   guest session) while a request, an injected event, or
 *                   work it was asked for is owed to it: its kick has
 *                   returned, no IPI is on its way, mode is not EXITING
 *                   (owed_work(), irq_owed());
 *   lost wakeup     a vCPU sleeps (at quiescence; or for a watchdog, in one
 *                   sleep) while a wake condition holds: an interrupt owed,
 *                   KVM_REQ_UNBLOCK pending (wake_owed());
 *   stale payload   a request handler reads a payload older than the one
 *                   written before the request;
 *   WAIT not honoured  kvm_flush_remote_tlbs / KVM_REQ_OUTSIDE_GUEST_MODE /
 *                   KVM_REQ_VM_DEAD returned while a vCPU still used the old
 *                   translation or had not left guest mode;
 *   deadlock, livelock: from the simulator.
 * After a watchdog report on real threads the monitor kicks (or wakes) the
 * vCPU so that the run goes on.
 *
 * The drivers' loop shapes: the simulator's requesters make a fixed number
 * of operations (mostly one); real threads loop until the run stops: one
 * operation, wait (at most wait_ns) until it took effect or the monitor
 * reported it, a random delay.  Real threads' guest scripts pick, per
 * entry, a short slice ending in a timer exit, a slice that runs until an
 * IPI, or HLT; the simulator's take `entries` finite slices, then run
 * until interrupted.  Not covered natively: dekker's dead=1
 * (KVM_REQ_VM_DEAD ends the VM; a looping run would have to rebuild it).
 *
 * Ghost state (made/kicked/seen counts per vCPU and request bit, the same
 * for interrupts, in_guest, sessions, translations) is written by the
 * threads themselves and never read by the core (scen.h: plain C in the
 * simulator, seq_cst atomics on real threads).  Real-thread-only fields
 * are in struct krt, after the shared state.
 *
 * Invariants:
 *  1. vCPU i is thread i and runs on pCPU i; other threads follow.
 *  2. Request bit j of a vCPU belongs to requester j (mixed: request j,
 *     payload 4+j, the NO_WAKEUP request to all is bit 3; halt: bit 0).
 *  3. Ghost counters are monotonic, made is bumped before the request and
 *     kicked after its kick; readers read the request word, then made, then
 *     kicked, so kicked == made means every request counted (and every bit
 *     seen) had its kick return.
 *  4. Every scenario's expected verdicts are in kvm_verdicts[] below; the
 *     tests check each cell.
 */
#include <stdio.h>
#include <string.h>

#include "scen.h"

#define V KVM_MAX_VCPUS
#define R KVM_REQ_TEST_COUNT
#define KVM_VCPUS_NATIVE 4 /* real threads: at most this many vCPUs */

/* Real threads only (after the shared state). */
struct krt {
	long delay_ns, long_pct;
	int hlt_pct;                 /* guest slices that end in HLT */
	uint64_t wait_ns;            /* how long a requester waits for its effect */
	uint64_t rng[V];             /* vCPU i's guest script */
	struct task_struct *task[V]; /* vCPU i's thread */
	int reported[V][R], irq_reported[V]; /* the monitor's: highest made reported */
	uint64_t seen_ns[V][R];      /* when the handler ran (latency) */
	long pay_seq[R];             /* payload n's writes (by requester n only) */
	long pay_want[V][R];         /* the payload written before vCPU v's request n */
	SCEN_ON_NATIVE(struct stress_watch w_guest[V], w_sleep[V];)
};

struct kstate {
	scen_t *scen;
	struct kvm *kvm;
	int nvcpus;   /* vCPUs that run the guest */
	long entries; /* finite guest slices before the guest runs until interrupted */
	int guest_exit;
	int slices[V];
	bool check_payload;
	long rounds; /* dekker: requests per requester (simulator) */
	int mask;    /* dekker: the NO_WAKEUP mask path */
	int waitkick; /* dekker: kvm_make_request_and_kick(req | WAIT) */
	int migrate;  /* dekker: migrations of each vCPU thread (pCPU v <-> v + 8) */
	int migrations[V], timer_cpu[V];
	int nowake_bit;
	/* ghost state */
	int made[V][R], seen[V][R];
	int kicked[V][R];   /* requests whose kick has returned */
	int irq_made[V];    /* injections started */
	int irq_kicked[V];  /* injections whose kick has returned */
	int irq_seen[V];    /* injections delivered (made count at delivery) */
	int unblock_made[V], unblock_kicked[V];
	int in_guest[V], session[V];
	int self_kicked[V]; /* this entry's window kicked its own vCPU (no IPI) */
	int hlt_at[V];      /* after an HLT exit: delivered[v] + 1 then; else 0 */
	/* signals (halt signals=N): sent to vCPU threads, taken by "userspace"
	 * when KVM_RUN returns -EINTR */
	long signals;
	struct task_struct *task[V];
	int sig_made[V], sig_sent[V], sig_taken[V];
	/* payload */
	long payload[R];
	/* interrupts (IRR) for kick_only, halt and mixed */
	unsigned long irr[V]; /* IRR: changed by atomic bitops, as in the LAPIC */
	int delivered[V];
	bool late_sync;
	bool self_kick;
	/* tlb_flush, mixed */
	long pt;
	int tlb[V];
	int walking[V];
	long walk_val[V];
	long walks;
	int vm_dead;        /* KVM_REQ_VM_DEAD returned */
	int mixed;
	int payload_bit[R];
	long gen, flushed_gen;
	spinlock_t mmu_lock;
	struct krt rt[]; /* real threads: one (see .state_size) */
};

struct targ {
	struct kstate *s;
	int idx;
	uint64_t rng; /* real threads: the thread's delays and choices */
};

/* ---- shared predicates ------------------------------------------------------------ */

static int reported(struct kstate *s, int v, int n)
{
	return SCEN_SIM ? 0 : ghost_load(&s->rt[0].reported[v][n]);
}

static int irq_reported(struct kstate *s, int v)
{
	return SCEN_SIM ? 0 : ghost_load(&s->rt[0].irq_reported[v]);
}

/* Work counted by made/kicked/seen is owed: pending (a request bit, an IRR
 * bit) or handled before the last one was made, made at all, every kick
 * returned, and not reported yet (rep: the monitor's).  Reads made before
 * kicked (invariant 3), and only what it needs: in the simulator the
 * step oracle's reads are part of the reduction's footprints. */
static bool work_owed(bool pending, const int *seen, const int *made, const int *kicked,
		      int rep)
{
	if (!pending && ghost_load(seen) >= ghost_load(made))
		return false;
	int m = ghost_load(made);
	return m && ghost_load(kicked) == m && m > rep;
}

/* An interrupt owed to vCPU v: one was injected and every injection's kick
 * has returned, and IRR still holds a bit or the last delivery came before
 * the last injection.  IRR counts by itself: a delivery sets irq_seen =
 * irq_made, which also covers an injection that has bumped irq_made but not
 * yet set its IRR bit; that bit, set after the delivery, is owed although
 * the ghost counts say all was seen. */
static bool irq_owed(struct kstate *s, int v)
{
	bool irr = scen_peek(&s->irr[v], sizeof(long)) != 0;
	return work_owed(irr, &s->irq_seen[v], &s->irq_made[v], &s->irq_kicked[v],
			 irq_reported(s, v));
}

/* Work pending for vCPU v that its requester has finished kicking for:
 * a request bit (or an interrupt) the vCPU must act on, with no IPI left to
 * make it exit.  req: the vCPU's request word.  A short description or NULL. */
/* A signal raised for vCPU v whose signal_wake_up() has returned and that
 * its thread has not taken yet: it must leave KVM_RUN (spec 4.1). */
static bool signal_owed(struct kstate *s, int v)
{
	int made = ghost_load(&s->sig_made[v]);
	return s->signals && made && ghost_load(&s->sig_sent[v]) == made &&
	       scen_peek(&s->task[v]->sigpending, sizeof(int)) != 0;
}

static const char *owed_work(struct kstate *s, int v, unsigned long req)
{
	for (int n = 0; n < R; n++) {
		bool bit = (req >> (KVM_REQUEST_ARCH_BASE + KVM_REQ_TEST_BASE + n)) & 1;
		if (work_owed(bit, &s->seen[v][n], &s->made[v][n], &s->kicked[v][n],
			      reported(s, v, n)))
			return bit ? "a request" : "requested work (no request bit)";
	}
	if (irq_owed(s, v))
		return "an interrupt";
	if (signal_owed(s, v))
		return "a signal";
	return NULL;
}

/* KVM_REQ_UNBLOCK pending, its kick returned (the simulator checks at
 * quiescence, where the unblocker has returned). */
static bool unblock_owed(struct kstate *s, int v, unsigned long req)
{
	int kicked = ghost_load(&s->unblock_kicked[v]);
	return (req & BIT(KVM_REQ_UNBLOCK)) &&
	       (SCEN_SIM || kicked == ghost_load(&s->unblock_made[v]));
}

/* A sleeping vCPU v must be woken: the description, or NULL.  irq:
 * irq_owed(s, v). */
static const char *wake_owed(struct kstate *s, int v, unsigned long req, bool irq)
{
	if (irq)
		return "an interrupt";
	if (signal_owed(s, v))
		return "a signal";
	return unblock_owed(s, v, req) ? "KVM_REQ_UNBLOCK" : NULL;
}

/* The guest session vCPU v is in, or -1 (real threads: in_guest read
 * around the session, so that both are of one session). */
static int guest_session(struct kstate *s, int v)
{
	if (!ghost_load(&s->in_guest[v]))
		return -1;
	int sess = ghost_load(&s->session[v]);
	return SCEN_SIM || ghost_load(&s->in_guest[v]) ? sess : -1;
}

/* Still in the session sess0 (-1: none; a session is never -1). */
static bool same_session(struct kstate *s, int v, int sess0)
{
	return ghost_load(&s->in_guest[v]) && ghost_load(&s->session[v]) == sess0;
}

/* The payload written before a request n to vCPU v: the simulator writes
 * 1 (each payload once, mixed's again); real threads number payload n's
 * writes (one writer: requester n), since one payload serves several vCPUs. */
static long payload_next(struct kstate *s, int v, int n)
{
	if (SCEN_SIM)
		return 1;
	long seq = ghost_inc(&s->rt[0].pay_seq[n]);
	ghost_store(&s->rt[0].pay_want[v][n], seq);
	return seq;
}

/* The oldest payload the handler of vCPU v's request n may read. */
static long payload_want(struct kstate *s, int v, int n)
{
	return SCEN_SIM ? 1 : ghost_load(&s->rt[0].pay_want[v][n]);
}

/* ---- hooks ------------------------------------------------------------------------ */

static void h_on_request(struct kvm_vcpu *vcpu, int n)
{
	struct kstate *s = vcpu->kvm->ctx;
	int v = vcpu->vcpu_idx;
	/* before seen: then the requester may make the pair's next request */
	long want = payload_want(s, v, n);
	if (!SCEN_SIM)
		ghost_store(&s->rt[0].seen_ns[v][n], scen_clock_ns(s->scen));
	ghost_store(&s->seen[v][n], ghost_load(&s->made[v][n]));
	if (s->check_payload || s->payload_bit[n]) {
		long p = READ_ONCE(s->payload[n]);
		if (p < want)
			scen_report(s->scen, V_STALE_PAYLOAD, NULL,
				    "vcpu%d handled request %d but read a stale payload (#%ld "
				    "< #%ld)", v, n, p, want);
	}
}

static bool h_has_events(struct kvm_vcpu *vcpu)
{
	struct kstate *s = vcpu->kvm->ctx;
	/* real threads: the end of the run wakes a halted vCPU */
	return READ_ONCE(s->irr[vcpu->vcpu_idx]) != 0 || scen_stopping(s->scen);
}

static void deliver_irq(struct kstate *s, int v)
{
	if (READ_ONCE(s->irr[v]) && test_and_clear_bit(0, &s->irr[v])) {
		ghost_inc(&s->delivered[v]);
		ghost_store(&s->irq_seen[v], ghost_load(&s->irq_made[v]));
	}
}

static void h_inject(struct kvm_vcpu *vcpu)
{
	deliver_irq(vcpu->kvm->ctx, vcpu->vcpu_idx);
}

static void h_sync_after_mode(struct kvm_vcpu *vcpu)
{
	struct kstate *s = vcpu->kvm->ctx;
	/* self-kick (spec 3.3): in the entry window (IN_GUEST_MODE + barrier,
	 * irqs off) the vCPU finds an interrupt this entry cannot deliver and
	 * kicks itself, from its own pCPU: the plain IN_GUEST -> EXITING
	 * store that the final check must see */
	ghost_store(&s->self_kicked[vcpu->vcpu_idx], 0);
	if (s->self_kick && READ_ONCE(s->irr[vcpu->vcpu_idx])) {
		ghost_store(&s->self_kicked[vcpu->vcpu_idx], 1);
		kvm_vcpu_kick(vcpu);
	} else if (s->late_sync) /* sync_pir_to_irr: after IN_GUEST_MODE + barrier */
		deliver_irq(s, vcpu->vcpu_idx);
}

static void h_guest_entry(struct kvm_vcpu *vcpu)
{
	struct kstate *s = vcpu->kvm->ctx;
	int v = vcpu->vcpu_idx;
	if (ghost_load(&s->vm_dead))
		scen_report(s->scen, V_WAIT_NOT_HONOURED, NULL,
			    "vcpu%d entered the guest after KVM_REQ_VM_DEAD returned", v);
	/* spec 3.6: the task is published in vcpu->wait only inside
	 * kvm_vcpu_block(); a stale one makes wakers and
	 * kvm_vcpu_is_blocking() treat the running vCPU as blocked */
	if (scen_peek_own(s->scen, v, &vcpu->wait.task, sizeof(vcpu->wait.task)))
		scen_report(s->scen, V_BLOCKING_INVARIANT, NULL,
			    "vcpu%d enters the guest with its task still published in "
			    "vcpu->wait", v);
	/* the 2009 timer migration: a vCPU that moved runs the guest only
	 * once its timer followed it (KVM_REQ_MIGRATE_TIMER handled) */
	if (s->migrate && ghost_load(&s->timer_cpu[v]) != vcpu->cpu)
		scen_report(s->scen, V_MISSED_REQUEST, NULL,
			    "vcpu%d enters the guest on pCPU %d with its timer still on pCPU %d",
			    v, vcpu->cpu, ghost_load(&s->timer_cpu[v]));
	/* spec 4.1: x86 HLT resumes only when an interrupt comes (arm64's WFI
	 * may complete at any time); the end of a real-threads run wakes all */
	int hlt = ghost_load(&s->hlt_at[v]);
	if (hlt && hlt == ghost_load(&s->delivered[v]) + 1 && !scen_stopping(s->scen) &&
	    scen_arch(s->scen) == KVM_ARCH_X86)
		scen_report(s->scen, V_HALTED_IN_GUEST, NULL,
			    "vcpu%d resumes the guest after HLT with no interrupt delivered "
			    "since", v);
	ghost_store(&s->hlt_at[v], 0);
	ghost_inc(&s->session[v]); /* the session first: see guest_session() */
	ghost_store(&s->in_guest[v], 1);
}

static void h_guest_exit(struct kvm_vcpu *vcpu, struct guest_exit e)
{
	struct kstate *s = vcpu->kvm->ctx;
	int v = vcpu->vcpu_idx;
	ghost_store(&s->in_guest[v], 0);
	if (e.reason == GUEST_EXIT_HLT)
		ghost_store(&s->hlt_at[v], ghost_load(&s->delivered[v]) + 1);
}

static void h_tlb_flush(struct kvm_vcpu *vcpu)
{
	struct kstate *s = vcpu->kvm->ctx;
	ghost_store(&s->tlb[vcpu->vcpu_idx], 0); /* invalid: reloaded on the next entry */
}

/* tlb_flush, mixed: the guest walks the page tables in guest mode; no
 * translation older than a returned flush may be used. */
static void h_tlb_guest_entry(struct kvm_vcpu *vcpu)
{
	struct kstate *s = vcpu->kvm->ctx;
	int v = vcpu->vcpu_idx;
	h_guest_entry(vcpu);
	if (ghost_load(&s->tlb[v]) == 0)
		ghost_store(&s->tlb[v], (int)READ_ONCE(s->pt));
	int tlb = ghost_load(&s->tlb[v]);
	if (tlb < ghost_load(&s->flushed_gen))
		scen_report(s->scen, V_WAIT_NOT_HONOURED, NULL,
			    "vcpu%d entered the guest with translation %d after a flush "
			    "of it returned", v, tlb);
}

static const struct kvm_hooks hooks_plain = {
	.on_request = h_on_request,
	.guest_entry = h_guest_entry,
	.guest_exit = h_guest_exit,
};

/* dekker migrate=N: at the run loop's preemption point the scheduler moves
 * the vCPU thread between pCPU v and v + 8, N times (sched out, a context
 * switch, sched in on the other pCPU). */
static void h_preempt_point(struct kvm_vcpu *vcpu)
{
	struct kstate *s = vcpu->kvm->ctx;
	int v = vcpu->vcpu_idx;
	if (ghost_load(&s->migrations[v]) >= s->migrate)
		return;
	int to = vcpu->cpu == v ? v + 8 : v;
	kvm_sched_out(vcpu);
	SCEN_ON_SIM(migrate_to_cpu(to);)
	kvm_sched_in(vcpu, to);
	ghost_inc(&s->migrations[v]);
}

static void h_timer_migrated(struct kvm_vcpu *vcpu)
{
	struct kstate *s = vcpu->kvm->ctx;
	ghost_store(&s->timer_cpu[vcpu->vcpu_idx], vcpu->cpu);
}

static const struct kvm_hooks hooks_migrate = {
	.on_request = h_on_request,
	.guest_entry = h_guest_entry,
	.guest_exit = h_guest_exit,
	.preempt_point = h_preempt_point,
	.timer_migrated = h_timer_migrated,
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

static const struct kvm_hooks hooks_mixed = {
	.on_request = h_on_request,
	.on_tlb_flush = h_tlb_flush,
	.has_events = h_has_events,
	.inject_events = h_inject,
	.guest_entry = h_tlb_guest_entry,
	.guest_exit = h_guest_exit,
};

/* ---- the guest and the vCPU threads ------------------------------------------------- */

/* The guest script of vCPU tid (the simulator's .guest hook). */
static scen_guest_t k_guest(scen_t *scen, void *state, int tid)
{
	struct kstate *s = state;
	if (SCEN_SIM) {
		int slice = s->slices[tid]++;
		if (slice < s->entries && s->mixed) /* timer and HLT exits in turn */
			return (scen_guest_t){2 + (uint64_t)(slice % 3),
					      {slice % 2 ? GUEST_EXIT_HLT : GUEST_EXIT_TIMER, 0}};
		if (slice < s->entries)
			return (scen_guest_t){2 + (uint64_t)(slice % 3),
					      {(enum guest_exit_reason)s->guest_exit, 0}};
		return (scen_guest_t){0, {GUEST_EXIT_INTR, 0}}; /* until interrupted */
	}
	if (scen_stopping(scen))
		return (scen_guest_t){0, {GUEST_EXIT_SHUTDOWN, 0}};
	struct krt *rt = &s->rt[0];
	unsigned r = (unsigned)(scen_rand(&rt->rng[tid]) % 100);
	unsigned hlt = (unsigned)rt->hlt_pct;
	if (r < hlt)
		return (scen_guest_t){1, {GUEST_EXIT_HLT, 0}};
	if (r < hlt + (100 - hlt) * (100 - (unsigned)rt->long_pct) / 100) /* short slice */
		return (scen_guest_t){1 + scen_rand(&rt->rng[tid]) % 2000, {GUEST_EXIT_TIMER, 0}};
	return (scen_guest_t){0, {GUEST_EXIT_INTR, 0}}; /* until an IPI */
}

/* KVM_RUN (the simulator: once; real threads: until the run stops). */
/* "Userspace" after KVM_RUN returned -EINTR: take the pending signal
 * (its handler runs), then KVM_RUN again.  False if there was none. */
static bool take_signal(struct kstate *s, struct kvm_vcpu *vcpu)
{
	if (!s->signals || !READ_ONCE(current->sigpending))
		return false;
	WRITE_ONCE(current->sigpending, 0);
	ghost_inc(&s->sig_taken[vcpu->vcpu_idx]);
	return true;
}

static void vcpu_main(void *arg)
{
	struct kvm_vcpu *vcpu = arg;
	struct kstate *s = vcpu->kvm->ctx;
	scen_guest_attach(s->scen, k_guest, s, vcpu->vcpu_idx);
	for (long c = 0; scen_more(s->scen, c, 1); c++) {
		int r;
		while ((r = kvm_arch_vcpu_ioctl_run(vcpu)) == -EINTR && take_signal(s, vcpu))
			;
		/* spec 4.1: KVM_RUN's -EINTR means a signal is pending (this
		 * family has no kick-all): userspace would re-enter at once, for
		 * ever */
		if (r == -EINTR)
			scen_report(s->scen, V_SPURIOUS_EINTR, NULL,
				    "vcpu%d: KVM_RUN returned -EINTR with no signal pending",
				    vcpu->vcpu_idx);
		if (r <= 0)
			break;
	}
}

/* ---- operations (requester threads) -------------------------------------------------- */

/* Real threads: wait (at most wait_ns from t0) until done(arg) or the run
 * stops; true if done.  The simulator never waits. */
static bool took_effect(struct kstate *s, bool (*done)(const void *), const void *arg,
			uint64_t t0)
{
	if (SCEN_SIM)
		return false;
	uint64_t now = scen_clock_ns(s->scen), end = t0 + s->rt[0].wait_ns;
	return scen_await_fn(s->scen, done, arg, end > now ? end - now : 0);
}

struct kwait {
	struct kstate *s;
	int v, n, mine;
};

static bool request_done(const void *arg)
{
	const struct kwait *w = arg;
	return ghost_load(&w->s->seen[w->v][w->n]) >= w->mine;
}

/* Handled, or reported by the monitor (then waiting longer is pointless). */
static bool request_given_up(const void *arg)
{
	const struct kwait *w = arg;
	return request_done(arg) || reported(w->s, w->v, w->n) >= w->mine;
}

/* Real threads: at most one request per pair outstanding (the payload check
 * relies on it): the last one neither handled nor reported. */
static bool pair_busy(struct kstate *s, int v, int n)
{
	if (SCEN_SIM)
		return false;
	int last = ghost_load(&s->made[v][n]);
	return ghost_load(&s->seen[v][n]) < last && reported(s, v, n) < last;
}

/* A test request (bit n) to vCPU v and its kick (dekker mask=1: the
 * multi-vCPU NO_WAKEUP path), then (real threads) wait until it is handled.
 * Real threads: false, and none made, while the last one to the pair is
 * outstanding (a halted x86 vCPU handles requests only once an event wakes
 * it). */
static bool op_request(struct kstate *s, int v, int n)
{
	struct kvm_vcpu *vcpu = s->kvm->vcpus[v];
	if (pair_busy(s, v, n))
		return false;
	uint64_t t0 = SCEN_SIM ? 0 : scen_clock_ns(s->scen);
	if (s->check_payload || s->payload_bit[n])
		WRITE_ONCE(s->payload[n], payload_next(s, v, n));
	int mine = ghost_inc(&s->made[v][n]);
	if (s->mask) {
		/* the multi-vCPU path, NO_WAKEUP: no wake-up barrier first */
		unsigned long bitmap = 1UL << v;
		kvm_make_vcpus_request_mask(s->kvm, KVM_REQ_TEST_NOWAKE(n), &bitmap);
	} else if (s->waitkick) {
		/* the single-vCPU helper with a waited kick: an IPI, if one is
		 * sent, completes only once the vCPU has left the guest */
		kvm_make_request_and_kick(KVM_REQ_TEST(n) | KVM_REQUEST_WAIT, vcpu);
	} else {
		if (!reqsim_bug(BUG_KICK_WITHOUT_REQUEST))
			kvm_make_request(KVM_REQ_TEST(n), vcpu);
		kvm_vcpu_kick(vcpu);
	}
	ghost_inc(&s->kicked[v][n]); /* kicks completed; equal to made: none in flight */
	scen_count_requests(s->scen, 1);
	struct kwait w = {s, v, n, mine};
	if (took_effect(s, request_given_up, &w, t0) && request_done(&w))
		scen_latency(s->scen, ghost_load(&s->rt[0].seen_ns[v][n]) - t0);
	return true;
}

static bool irq_given_up(const void *arg)
{
	const struct kwait *w = arg;
	return ghost_load(&w->s->irq_seen[w->v]) >= w->mine || irq_reported(w->s, w->v) >= w->mine;
}

/* kvm_apic_set_irq: IRR, then KVM_REQ_EVENT and a kick (kick_only: no
 * request, the point of the scenario); real threads wait until delivered. */
static void inject_irq(struct kstate *s, int v, bool request)
{
	struct kvm_vcpu *vcpu = s->kvm->vcpus[v];
	uint64_t t0 = SCEN_SIM ? 0 : scen_clock_ns(s->scen);
	int mine = ghost_inc(&s->irq_made[v]);
	set_bit(0, &s->irr[v]);
	if (request)
		kvm_make_request(KVM_REQ_EVENT, vcpu);
	kvm_vcpu_kick(vcpu);
	ghost_inc(&s->irq_kicked[v]);
	scen_count_requests(s->scen, 1);
	struct kwait w = {s, v, 0, mine};
	if (took_effect(s, irq_given_up, &w, t0) && ghost_load(&s->irq_seen[v]) >= mine &&
	    !s->mixed)
		scen_latency(s->scen, scen_clock_ns(s->scen) - t0);
}

static bool unblock_gone(const void *arg)
{
	const struct kwait *w = arg;
	return !(scen_peek(&w->s->kvm->vcpus[w->v]->requests, sizeof(long)) &
		 BIT(KVM_REQ_UNBLOCK));
}

/* KVM_REQ_UNBLOCK + kick (x86); real threads wait until the vCPU consumed
 * or dropped it. */
static void op_unblock(struct kstate *s, int v)
{
	struct kvm_vcpu *vcpu = s->kvm->vcpus[v];
	uint64_t t0 = SCEN_SIM ? 0 : scen_clock_ns(s->scen);
	ghost_inc(&s->unblock_made[v]);
	kvm_make_request(KVM_REQ_UNBLOCK, vcpu);
	kvm_vcpu_kick(vcpu);
	ghost_inc(&s->unblock_kicked[v]);
	scen_count_requests(s->scen, 1);
	struct kwait w = {s, v, 0, 0};
	(void)took_effect(s, unblock_gone, &w, t0);
}

/* A NO_WAKEUP request to every vCPU: must not wake a sleeper, must be
 * handled on the next run (not waited for: a halted vCPU may sleep on). */
static void op_nowake(struct kstate *s)
{
	int bit = s->nowake_bit;
	for (int v = 0; v < s->nvcpus; v++)
		ghost_inc(&s->made[v][bit]);
	kvm_make_all_cpus_request(s->kvm, KVM_REQ_TEST_NOWAKE(bit));
	for (int v = 0; v < s->nvcpus; v++)
		ghost_inc(&s->kicked[v][bit]);
	scen_count_requests(s->scen, (uint64_t)s->nvcpus);
}

/* After kvm_flush_remote_tlbs of generation g returned: nobody may still
 * use an older translation, in the guest or in a lockless shadow walk. */
static void check_flushed(struct kstate *s, long g)
{
	for (int v = 0; v < s->kvm->nr_vcpus; v++) {
		int tlb;
		if (ghost_load(&s->in_guest[v]) && (tlb = ghost_load(&s->tlb[v])) && tlb < g)
			scen_report(s->scen, V_WAIT_NOT_HONOURED, NULL,
				    "kvm_flush_remote_tlbs returned while vcpu%d still runs "
				    "the guest with translation %d < %ld", v, tlb, g);
		long seen;
		if (!s->mixed && ghost_load(&s->walking[v]) &&
		    (seen = ghost_load(&s->walk_val[v])) && seen < g)
			scen_report(s->scen, V_WAIT_NOT_HONOURED, NULL,
				    "kvm_flush_remote_tlbs returned while vcpu%d still walks "
				    "shadow pages of translation %ld < %ld", v, seen, g);
	}
	ghost_max(&s->flushed_gen, g);
}

/* A page-table change and kvm_flush_remote_tlbs (mixed: under mmu_lock,
 * several requesters flush). */
static void op_flush(struct kstate *s)
{
	uint64_t t0 = SCEN_SIM ? 0 : scen_clock_ns(s->scen);
	if (s->mixed)
		spin_lock(&s->mmu_lock);
	long g = ++s->gen;
	WRITE_ONCE(s->pt, g); /* the new translation */
	kvm_flush_remote_tlbs(s->kvm);
	if (s->mixed)
		spin_unlock(&s->mmu_lock);
	else if (!SCEN_SIM)
		scen_latency(s->scen, scen_clock_ns(s->scen) - t0);
	scen_count_requests(s->scen, 1);
	check_flushed(s, g);
}

/* KVM_REQ_OUTSIDE_GUEST_MODE: when it returns, every vCPU that was in the
 * guest has left that guest session. */
static void op_ogm(struct kstate *s)
{
	int sess0[V];
	for (int i = 0; i < 3; i++)
		cpu_relax(); /* the request comes at some point of the vCPUs' run */
	for (int v = 0; v < s->nvcpus; v++)
		sess0[v] = guest_session(s, v);
	uint64_t t0 = SCEN_SIM ? 0 : scen_clock_ns(s->scen);
	kvm_make_all_cpus_request(s->kvm, KVM_REQ_OUTSIDE_GUEST_MODE);
	if (!SCEN_SIM)
		scen_latency(s->scen, scen_clock_ns(s->scen) - t0);
	scen_count_requests(s->scen, 1);
	for (int v = 0; v < s->nvcpus; v++)
		if (same_session(s, v, sess0[v]))
			scen_report(s->scen, V_WAIT_NOT_HONOURED, NULL,
				    "KVM_REQ_OUTSIDE_GUEST_MODE returned while vcpu%d is still "
				    "in the guest session it was in before (#%d)", v, sess0[v]);
}

/* One round of a requester thread is done (real threads: a random delay). */
static void pace(struct targ *a)
{
	scen_count_rounds(a->s->scen, 1);
	scen_delay(a->s->scen, &a->rng, a->s->rt[0].delay_ns);
}

/* ---- threads --------------------------------------------------------------------------- */

static void dekker_requester(void *arg)
{
	struct targ *a = arg;
	struct kstate *s = a->s;
	for (long r = 0; scen_more(s->scen, r, s->rounds); r++) {
		(void)op_request(s, (int)((a->idx + r) % s->nvcpus), a->idx);
		pace(a);
	}
}

/* kvm_vm_dead (simulator): every vCPU leaves KVM_RUN with -EIO and never
 * enters again */
static void dekker_killer(void *arg)
{
	struct targ *a = arg;
	struct kstate *s = a->s;
	int sess0[V];
	cpu_relax(); /* some time into the run */
	for (int v = 0; v < s->nvcpus; v++)
		sess0[v] = guest_session(s, v);
	/* an earlier kick may still be on its way (vcpu0 EXITING, IPI in
	 * flight): exactly the state a WAIT request must still wait for */
	kvm_vcpu_kick(s->kvm->vcpus[0]);
	kvm_make_all_cpus_request(s->kvm, KVM_REQ_VM_DEAD);
	ghost_store(&s->vm_dead, 1);
	for (int v = 0; v < s->nvcpus; v++) /* WAIT: nobody is still in there */
		if (same_session(s, v, sess0[v]))
			scen_report(s->scen, V_WAIT_NOT_HONOURED, NULL,
				    "KVM_REQ_VM_DEAD returned while vcpu%d still runs the guest",
				    v);
}

/* payload: one request per requester (simulator), to vCPUs in turn. */
static void payload_requester(void *arg)
{
	struct targ *a = arg;
	struct kstate *s = a->s;
	for (long k = 0; scen_more(s->scen, k, 1); k++) {
		(void)op_request(s, (int)((a->idx + k) % s->nvcpus), a->idx);
		pace(a);
	}
}

/* kick_only: an interrupt flag plus a kick, no request. */
static void kick_only_kicker(void *arg)
{
	struct targ *a = arg;
	for (long k = 0; scen_more(a->s->scen, k, 1); k++) {
		inject_irq(a->s, 0, false);
		pace(a);
	}
}

static void tlb_flusher(void *arg)
{
	struct targ *a = arg;
	for (long k = 0; scen_more(a->s->scen, k, 1); k++) {
		op_flush(a->s);
		pace(a);
	}
}

static void walk_fn(struct kvm_vcpu *vcpu)
{
	struct kstate *s = vcpu->kvm->ctx;
	int v = vcpu->vcpu_idx;
	ghost_store(&s->walking[v], 1);
	ghost_store(&s->walk_val[v], READ_ONCE(s->pt));
	for (int i = 0; i < (SCEN_SIM ? 1 : 20); i++)
		cpu_relax(); /* the walk takes a while */
	ghost_store(&s->walking[v], 0);
	if (!SCEN_SIM) /* the next walk's flag may come before its value */
		ghost_store(&s->walk_val[v], 0);
}

/* A vCPU of the VM doing lockless shadow walks outside guest mode (x86). */
static void tlb_walker(void *arg)
{
	struct targ *a = arg;
	struct kstate *s = a->s;
	for (long i = 0; scen_more(s->scen, i, s->walks); i++) {
		walk_shadow_page_lockless(s->kvm->vcpus[a->idx], walk_fn);
		scen_delay(s->scen, &a->rng, s->rt[0].delay_ns);
	}
}

/* Kicks that leave vCPUs EXITING with an IPI in flight. */
static void kicker_main(void *arg)
{
	struct targ *a = arg;
	struct kstate *s = a->s;
	for (long k = 0; scen_more(s->scen, k, 1); k++) {
		kvm_vcpu_kick(s->kvm->vcpus[(a->idx + k) % s->nvcpus]);
		scen_delay(s->scen, &a->rng, s->rt[0].delay_ns);
	}
}

static void ogm_requester(void *arg)
{
	struct targ *a = arg;
	for (long k = 0; scen_more(a->s->scen, k, 1); k++) {
		op_ogm(a->s);
		pace(a);
	}
}

/* halt: interrupt injections (simulator: one each); real threads also make
 * UNBLOCK (x86) and NO_WAKEUP requests, one in ten each. */
static void halt_waker(void *arg)
{
	struct targ *a = arg;
	struct kstate *s = a->s;
	for (long k = 0; scen_more(s->scen, k, 1); k++) {
		int v = (int)((a->idx + k) % s->nvcpus);
		unsigned op = SCEN_SIM ? 0 : (unsigned)(scen_rand(&a->rng) % 10);
		if (op < 8 || (op == 8 && scen_arch(s->scen) != KVM_ARCH_X86))
			inject_irq(s, v, true);
		else if (op == 8) /* UNBLOCK is x86's (arm64 never consumes it) */
			op_unblock(s, v);
		else
			op_nowake(s);
		pace(a);
	}
}

static void halt_unblocker(void *arg)
{
	struct targ *a = arg;
	op_unblock(a->s, 0);
}

static void halt_nowake(void *arg)
{
	struct targ *a = arg;
	op_nowake(a->s);
}

/* signal_wake_up(): the flag, then wake the task if it sleeps
 * interruptibly, else kick_process() (a reschedule IPI to its CPU, which
 * forces a VM exit).  wake_up_process() starts with a full barrier. */
static void halt_signaller(void *arg)
{
	struct targ *a = arg;
	struct kstate *s = a->s;
	struct task_struct *t = s->task[0];
	for (long k = 0; k < s->signals; k++) {
		ghost_inc(&s->sig_made[0]);
		WRITE_ONCE(t->sigpending, 1);
		if (!wake_up_process(t))
			smp_send_reschedule(READ_ONCE(s->kvm->vcpus[0]->cpu));
		ghost_inc(&s->sig_sent[0]);
	}
}

/* mixed: the next operation of a requester (0..4) from its hash state. */
static int mixed_next(uint64_t *h)
{
	*h = (*h ^ (*h >> 31)) * 0xbf58476d1ce4e5b9ULL + 0x632be59bd9b4e019ULL;
	return (int)((*h >> 33) % 5);
}

static void mixed_op(struct kstate *s, int j, long k, int op)
{
	int v = (int)((j + k) % s->nvcpus);
	switch (op) {
	case 0: /* a request and a kick */
		if (!op_request(s, v, j))
			inject_irq(s, v, true); /* real threads: wake it, it may be halted */
		break;
	case 1: /* a request with a payload */
		if (!op_request(s, v, 4 + j))
			inject_irq(s, v, true);
		break;
	case 2: /* an interrupt */
		inject_irq(s, v, true);
		break;
	case 3: /* a page-table change and a TLB flush, under mmu_lock */
		op_flush(s);
		break;
	default: /* a NO_WAKEUP request to everyone */
		op_nowake(s);
		break;
	}
}

/* Which mix: the simulator's from the seed parameter, real threads' from
 * the run's seed; the same operations either way. */
static void mixed_requester(void *arg)
{
	struct targ *a = arg;
	struct kstate *s = a->s;
	long ops = SCEN_SIM ? scen_param(s->scen, "ops") : 0;
	uint64_t h = SCEN_SIM ? (uint64_t)scen_param(s->scen, "seed") * 0x9e3779b97f4a7c15ULL +
					(uint64_t)a->idx
			      : a->rng;
	for (long k = 0; scen_more(s->scen, k, ops); k++) {
		mixed_op(s, a->idx, k, mixed_next(&h));
		pace(a);
	}
}

/* ---- setup ------------------------------------------------------------------------------- */

static int clampi(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Build the VM with n running vCPUs (threads 0..n-1). */
static void vm_setup(scen_t *scen, struct kstate *s, int n, const struct kvm_hooks *hooks,
		     int nreq, uint64_t poll_ns)
{
	s->scen = scen;
	s->kvm = scen_alloc(scen, sizeof(*s->kvm));
	s->kvm->arch = scen_arch(scen);
	s->kvm->hooks = hooks;
	s->kvm->ctx = s;
	s->kvm->nr_test_requests = nreq;
	s->kvm->max_halt_poll_ns = poll_ns;
	s->nvcpus = n;
	s->entries = SCEN_SIM ? scen_param(scen, "entries") : 0;
	if (!SCEN_SIM) {
		struct krt *rt = &s->rt[0];
		rt->delay_ns = scen_param(scen, "delay_ns");
		rt->long_pct = scen_param(scen, "long_pct");
		/* mixed: a halted vCPU handles a request only after an event, so
		 * do not wait long (the next request to the pair waits instead) */
		rt->wait_ns = s->mixed ? 200000 : 4 * scen_watchdog_ns(scen);
		rt->hlt_pct = s->guest_exit == GUEST_EXIT_HLT ? 60 : s->mixed ? 30 : 0;
	}
	for (int i = 0; i < n; i++) {
		char name[16];
		scen_vcpu_create(scen, s->kvm, i);
		snprintf(name, sizeof(name), "vcpu%d", i);
		if (!SCEN_SIM)
			s->rt[0].rng[i] = scen_rng_seed(scen, (unsigned)i);
		struct task_struct *t = scen_spawn(scen, name, i, vcpu_main, s->kvm->vcpus[i]);
		s->task[i] = t;
		scen_watch_mode(scen, s->kvm->vcpus[i], i);
		if (!SCEN_SIM)
			s->rt[0].task[i] = t;
	}
}

/* A thread of the scenario (not a vCPU) on pCPU cpu; its stream is cpu. */
static struct task_struct *spawn(struct kstate *s, const char *name, int cpu,
				 void (*fn)(void *), int idx)
{
	struct targ *a = scen_alloc(s->scen, sizeof(*a));
	a->s = s;
	a->idx = idx;
	a->rng = scen_rng_seed(s->scen, (unsigned)cpu);
	return scen_spawn(s->scen, name, cpu, fn, a);
}

/* nreq threads fn named prefix0.. on pCPUs 16.. */
static void spawn_n(struct kstate *s, const char *prefix, int nreq, void (*fn)(void *))
{
	for (int j = 0; j < nreq; j++) {
		char name[16];
		snprintf(name, sizeof(name), "%s%d", prefix, j);
		spawn(s, name, 16 + j, fn, j);
	}
}

/* Real threads: vCPUs T/2 (at most 4), requesters the rest (at most max). */
static void split_half(scen_t *scen, int *n, int *nreq, int max)
{
	int T = scen_threads(scen);
	*n = clampi(T / 2, 1, KVM_VCPUS_NATIVE);
	*nreq = clampi(T - *n, 1, max);
}

static void roles(scen_t *scen, int n, const char *role, int nreq, int kickers, int walkers)
{
	scen_roles(scen, "vcpus:%d,%s:%d%s%s", n, role, nreq,
		   kickers ? (kickers == 2 ? ",kickers:2" : ",kickers:1") : "",
		   walkers ? ",walkers:1" : "");
	(void)scen, (void)n, (void)role, (void)nreq, (void)kickers, (void)walkers;
}

/* vCPUs and the other role's threads: the parameters "vcpus" and `role`
 * in the simulator; on real threads split_half(max), and the roles line. */
static void vcpus_and(scen_t *scen, const char *role, int max, int *n, int *other)
{
	if (SCEN_SIM) {
		*n = (int)scen_param(scen, "vcpus");
		*other = (int)scen_param(scen, role);
	} else {
		split_half(scen, n, other, max);
		roles(scen, *n, role, *other, 0, 0);
	}
}

static void dekker_setup(scen_t *scen, void *state)
{
	struct kstate *s = state;
	int n, nreq;
	vcpus_and(scen, "requesters", 7, &n, &nreq);
	if (SCEN_SIM)
		s->rounds = scen_param(scen, "rounds");
	s->mask = (int)scen_param(scen, "mask");
	s->waitkick = (int)scen_param(scen, "waitkick");
	s->migrate = SCEN_SIM ? (int)scen_param(scen, "migrate") : 0;
	for (int v = 0; v < V; v++)
		s->timer_cpu[v] = v; /* where vCPU v starts (vm_setup) */
	s->guest_exit = GUEST_EXIT_TIMER;
	vm_setup(scen, s, n, s->migrate ? &hooks_migrate : &hooks_plain, nreq, 0);
	spawn_n(s, "req", nreq, dekker_requester);
	if (SCEN_SIM && scen_param(scen, "dead"))
		spawn(s, "killer", 24, dekker_killer, 0);
}

static void payload_setup(scen_t *scen, void *state)
{
	struct kstate *s = state;
	int n, nreq;
	vcpus_and(scen, "requesters", 7, &n, &nreq);
	s->guest_exit = GUEST_EXIT_TIMER;
	s->check_payload = true;
	vm_setup(scen, s, n, &hooks_plain, nreq, 0);
	for (int j = 0; j < nreq; j++) {
		char name[16];
		snprintf(name, sizeof(name), "req%d", j);
		scen_name(scen, &s->payload[j], j ? "payload1" : "payload0");
		spawn(s, name, 16 + j, payload_requester, j);
	}
}

static void kick_only_setup(scen_t *scen, void *state)
{
	struct kstate *s = state;
	int nreq = SCEN_SIM ? 1 : clampi(scen_threads(scen) - 1, 1, 4);
	s->guest_exit = GUEST_EXIT_TIMER;
	s->late_sync = scen_param(scen, "late") != 0;
	s->self_kick = SCEN_SIM && scen_param(scen, "selfkick") != 0;
	vm_setup(scen, s, 1, &hooks_irq, 0, 0);
	scen_name(scen, &s->irr[0], "irr0");
	if (nreq == 1)
		spawn(s, "kicker", 16, kick_only_kicker, 0);
	else
		spawn_n(s, "kicker", nreq, kick_only_kicker);
	roles(scen, 1, "kickers", nreq, 0, 0);
}

static void tlb_setup(scen_t *scen, void *state)
{
	struct kstate *s = state;
	int n, kickers, walkers;
	bool x86 = scen_arch(scen) == KVM_ARCH_X86;
	if (SCEN_SIM) {
		n = (int)scen_param(scen, "vcpus");
		s->walks = scen_param(scen, "walks");
		kickers = scen_param(scen, "kickers") != 0;
		walkers = s->walks && x86;
	} else {
		int T = scen_threads(scen);
		kickers = T >= 3;
		walkers = T >= 4 && x86;
		n = clampi(T - 1 - kickers - walkers, 1, KVM_VCPUS_NATIVE);
		roles(scen, n, "flushers", 1, kickers, walkers);
	}
	s->guest_exit = GUEST_EXIT_TIMER;
	s->pt = s->gen = 1;
	for (int v = 0; v < V; v++)
		s->tlb[v] = 1; /* every vCPU starts with the old translation cached */
	vm_setup(scen, s, n, &hooks_tlb, 0, 0);
	scen_name(scen, &s->pt, "pt");
	if (walkers) {
		/* a vCPU of the VM doing lockless shadow walks outside guest mode:
		 * kvm_make_all_cpus_request waits for it, no requester targets it,
		 * it never runs the guest */
		scen_vcpu_create(scen, s->kvm, n);
		struct task_struct *w = spawn(s, "walker", n, tlb_walker, n);
		scen_watch_mode(scen, s->kvm->vcpus[n], w->tid);
	}
	if (kickers)
		spawn(s, "kicker", 17, kicker_main, 0);
	spawn(s, "flusher", 16, tlb_flusher, 0);
}

static void ogm_setup(scen_t *scen, void *state)
{
	struct kstate *s = state;
	int n, kickers;
	if (SCEN_SIM) {
		n = (int)scen_param(scen, "vcpus");
		kickers = (int)scen_param(scen, "kickers");
	} else {
		int T = scen_threads(scen);
		kickers = clampi(T - 2, 0, 2);
		n = clampi(T - 1 - kickers, 1, KVM_VCPUS_NATIVE);
		roles(scen, n, "requesters", 1, kickers, 0);
	}
	s->guest_exit = GUEST_EXIT_TIMER;
	vm_setup(scen, s, n, &hooks_plain, 0, 0);
	for (int k = 0; k < kickers; k++)
		spawn(s, k ? "kicker1" : "kicker0", 17 + k, kicker_main, k % n);
	spawn(s, "requester", 16, ogm_requester, 0);
}

static void halt_setup(scen_t *scen, void *state)
{
	struct kstate *s = state;
	int n, wakers;
	vcpus_and(scen, "wakers", 7, &n, &wakers);
	s->guest_exit = GUEST_EXIT_HLT;
	s->nowake_bit = 0;
	vm_setup(scen, s, n, &hooks_irq, 1, (uint64_t)scen_param(scen, "poll_ns"));
	for (int v = 0; v < n; v++)
		scen_name(scen, &s->irr[v], v ? "irr1" : "irr0");
	spawn_n(s, "waker", wakers, halt_waker);
	if (!SCEN_SIM)
		return; /* the wakers make UNBLOCK and NO_WAKEUP requests too */
	/* KVM_REQ_UNBLOCK is x86's: arm64's run loop never consumes it, so an
	 * UNBLOCK sent to a running arm64 vCPU would abort every entry. */
	if (scen_param(scen, "unblock") && scen_arch(scen) == KVM_ARCH_X86)
		spawn(s, "unblocker", 20, halt_unblocker, 0);
	if (scen_param(scen, "nowake"))
		spawn(s, "nowake", 21, halt_nowake, 0);
	s->signals = scen_param(scen, "signals");
	if (s->signals) {
		s->kvm->signals_enabled = true;
		spawn(s, "signaller", 22, halt_signaller, 0);
	}
}

static void mixed_setup(scen_t *scen, void *state)
{
	struct kstate *s = state;
	int n, nreq;
	vcpus_and(scen, "requesters", 3, &n, &nreq);
	s->mixed = 1;
	s->nowake_bit = 3;
	spin_lock_init(&s->mmu_lock);
	s->pt = s->gen = 1;
	for (int v = 0; v < V; v++)
		s->tlb[v] = 1;
	for (int j = 0; j < 4; j++)
		s->payload_bit[4 + j] = 1;
	vm_setup(scen, s, n, &hooks_mixed, 8, SCEN_SIM ? 5 : (uint64_t)scen_param(scen, "poll_ns"));
	scen_name(scen, &s->pt, "pt");
	spawn_n(s, "req", nreq, mixed_requester);
}

/* ---- real threads: the monitor and the stop ---------------------------------------------- */

#if !SCEN_SIM
static void mark_reported(struct kstate *s, int v)
{
	for (int n = 0; n < R; n++)
		ghost_max(&s->rt[0].reported[v][n], ghost_load(&s->made[v][n]));
	ghost_max(&s->rt[0].irq_reported[v], ghost_load(&s->irq_made[v]));
}

/* Missed request in real time: owed work, in one guest session, for a watchdog. */
static void check_in_guest(struct kstate *s, int v, uint64_t now)
{
	struct kvm_vcpu *vcpu = s->kvm->vcpus[v];
	int s1 = ghost_load(&s->session[v]);
	bool holds = ghost_load(&s->in_guest[v]) != 0;
	const char *what = NULL;
	unsigned long req = 0;
	if (holds) {
		req = __atomic_load_n(&vcpu->requests, __ATOMIC_SEQ_CST);
		holds = native_cpu_ipis_pending(vcpu->cpu) == 0 &&
			__atomic_load_n(&vcpu->mode, __ATOMIC_SEQ_CST) != EXITING_GUEST_MODE &&
			(what = owed_work(s, v, req)) && same_session(s, v, s1);
	}
	if (!stress_watch(s->scen, &s->rt[0].w_guest[v], holds, (uint64_t)s1, now))
		return;
	scen_report(s->scen, V_MISSED_REQUEST, NULL,
		    "vcpu%d has run in guest mode for %.1f ms with %s pending "
		    "(requests=%#lx), its kick returned, no IPI on its way",
		    v, (double)scen_watchdog_ns(s->scen) / 1e6, what, req);
	mark_reported(s, v);
	kvm_vcpu_kick(vcpu); /* so that the run goes on */
}

/* Lost wakeup in real time: a wake condition, in one sleep, for a watchdog. */
static void check_asleep(struct kstate *s, int v, uint64_t now)
{
	struct task_struct *t = s->rt[0].task[v];
	uint64_t sleeps1 = 0, sleeps2 = 0;
	bool holds = native_task_asleep(t, &sleeps1);
	const char *what = NULL;
	if (holds) {
		unsigned long req = __atomic_load_n(&s->kvm->vcpus[v]->requests, __ATOMIC_SEQ_CST);
		holds = (what = wake_owed(s, v, req, irq_owed(s, v))) && native_task_asleep(t, &sleeps2) &&
			sleeps1 == sleeps2;
	}
	if (!stress_watch(s->scen, &s->rt[0].w_sleep[v], holds, sleeps1, now))
		return;
	scen_report(s->scen, V_LOST_WAKEUP, NULL,
		    "vcpu%d has slept in kvm_vcpu_block for %.1f ms with %s pending "
		    "(its kick returned)", v, (double)scen_watchdog_ns(s->scen) / 1e6, what);
	mark_reported(s, v);
	wake_up_process(t); /* so that the run goes on */
}

static void k_monitor(scen_t *scen, void *state, uint64_t now)
{
	struct kstate *s = state;
	(void)scen;
	for (int v = 0; v < s->nvcpus; v++) {
		check_in_guest(s, v, now);
		check_asleep(s, v, now);
	}
}

static void k_stop(scen_t *scen, void *state)
{
	struct kstate *s = state;
	(void)scen;
	for (int v = 0; v < s->nvcpus; v++) {
		kvm_vcpu_kick(s->kvm->vcpus[v]);
		wake_up_process(s->rt[0].task[v]);
	}
}
#endif

/* ---- the simulator: oracles at every step and at the end, outcome, views ----------------- */

#if SCEN_SIM
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

/* Invariant (spec 3.7): vcpu->mode leaves OUTSIDE_GUEST_MODE only inside
 * the entry window, with irqs off; the vCPU thread stores OUTSIDE again
 * before irqs come back on.  So a vCPU thread asleep in the host (its
 * set_current_state() barrier has drained its stores) or back from
 * KVM_RUN has mode OUTSIDE in memory.  A requester moves only IN_GUEST ->
 * EXITING, never an OUTSIDE vCPU.  `where`: "sleeps" or "has left KVM_RUN". */
static bool mode_not_outside(struct sim *sim, struct kstate *s, int v, const char *where)
{
	int mode = (int)sim_peek(&s->kvm->vcpus[v]->mode, sizeof(int));
	if (mode == OUTSIDE_GUEST_MODE)
		return false;
	sim_report(sim, V_MODE_INVARIANT, sim_thread_site(sim, v),
		   "vcpu%d %s with vcpu->mode=%d, not OUTSIDE_GUEST_MODE: a "
		   "requester will treat it as in the guest", v, where, mode);
	return true;
}

/* Missed request: a vCPU in guest mode, work owed to it, its kick done,
 * and no IPI on its way: it stays in the guest until some unrelated exit
 * (or forever).  And the mode invariant of a sleeping vCPU.  Checked after
 * every step. */
static void k_check_step(struct sim *sim, void *state)
{
	struct kstate *s = state;
	for (int v = 0; v < s->nvcpus; v++) {
		if (sim_thread_wait(sim, v) == SIM_WAIT_SLEEP &&
		    mode_not_outside(sim, s, v, "sleeps in the host"))
			return;
		if (scen_halted_in_guest(sim, s->kvm->vcpus[v], v))
			return;
	}
	for (int v = 0; v < s->nvcpus; v++) {
		unsigned long req;
		const char *what;
		if (sim_thread_wait(sim, v) != SIM_WAIT_GUEST ||
		    sim_ipi_in_flight(sim, sim_thread_cpu(sim, v)))
			continue;
		/* EXITING: whoever made that transition is committed to an IPI,
		 * unless it was the vCPU's own self-kick in this entry's window
		 * (no IPI: the final check had to see it) */
		if (sim_peek(&s->kvm->vcpus[v]->mode, sizeof(int)) == EXITING_GUEST_MODE &&
		    !ghost_load(&s->self_kicked[v]))
			continue;
		req = sim_peek(&s->kvm->vcpus[v]->requests, sizeof(long));
		if (!(what = owed_work(s, v, req)))
			continue;
		sim_report(sim, V_MISSED_REQUEST, sim_thread_site(sim, v),
			   "vcpu%d runs in guest mode with %s pending (requests=%#lx "
			   "irr=%d), its kick is done and no IPI is on its way",
			   v, what, req, (int)s->irr[v]);
		return;
	}
}

/* A vCPU in the guest at quiescence: nothing will make it exit.  irr:
 * irq_owed(). */
static bool end_in_guest(struct sim *sim, struct kstate *s, int v, unsigned long req, int irr)
{
	int owed = -1;
	for (int n = 0; n < R; n++)
		if (s->seen[v][n] < s->made[v][n])
			owed = n;
	/* UNBLOCK and EVENT are consumed elsewhere / re-triggers */
	unsigned long live = req & ~(BIT(KVM_REQ_UNBLOCK) | BIT(KVM_REQ_EVENT & KVM_REQUEST_MASK));
	if (!live && !irr && owed < 0)
		return false;
	sim_report(sim, V_MISSED_REQUEST, sim_thread_site(sim, v),
		   "vcpu%d runs in guest mode with %s pending (requests=%#lx irr=%d) and "
		   "nothing will make it exit", v,
		   live ? "a request" : irr ? "an interrupt" : "requested work", req, irr);
	return true;
}

/* The shared end-of-run oracles (the oracle reads every vCPU's request word
 * and IRR, in that order, whatever its state). */
static void k_check_end(struct sim *sim, void *state)
{
	struct kstate *s = state;
	for (int v = 0; v < s->nvcpus && !sim_violated(sim); v++) {
		unsigned long req = sim_peek(&s->kvm->vcpus[v]->requests, sizeof(long));
		int irr = irq_owed(s, v);
		int wait = sim_thread_wait(sim, v);
		const char *what;
		if (sim_thread_done(sim, v) && mode_not_outside(sim, s, v, "has left KVM_RUN"))
			return;
		if (wait == SIM_WAIT_GUEST) {
			if (end_in_guest(sim, s, v, req, irr))
				return;
			sim_claim_stuck(sim, v);
		} else if (wait == SIM_WAIT_SLEEP) {
			if ((what = wake_owed(s, v, req, irr))) {
				sim_report(sim, V_LOST_WAKEUP, sim_thread_site(sim, v),
					   "vcpu%d sleeps in kvm_vcpu_block with %s pending "
					   "(requests=%#lx irr=%d)", v, what, req, irr);
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
#endif

/* ---- the registration ---------------------------------------------------------------------- */

/* X(name, default, min, max, help, driver) */
#define K_COMMON(X)                                                                        \
	X("delay_ns", 2000, 0, 100000000, "max random delay between operations", NATIVE)   \
	X("long_pct", 25, 0, 100, "percent of guest slices (not HLT) that run until an "   \
	  "IPI instead of ending in a timer exit within 2 us", NATIVE)
#define K_MASK(X)                                                                          \
	X("mask", 0, 0, 1, "1: kvm_make_vcpus_request_mask with a NO_WAKEUP request "      \
	  "instead of kvm_make_request + kvm_vcpu_kick", BOTH)
#define K_LATE(X)                                                                          \
	X("late", 0, 0, 1, "1: the vCPU also syncs the flag after IN_GUEST_MODE + barrier " \
	  "(posted-interrupt style)", BOTH)
#define K_POLL_NATIVE(X) X("poll_ns", 0, 0, 10000000, "halt-polling window (ns)", NATIVE)

#define DEKKER_PARAMS(X)                                                                   \
	K_COMMON(X)                                                                        \
	X("vcpus", 1, 1, 4, "vCPUs running the guest", SIM)                                \
	X("requesters", 1, 1, 4, "requester threads", SIM)                                 \
	X("rounds", 1, 1, 4, "requests per requester", SIM)                                \
	X("entries", 2, 0, 8, "guest slices ending in a timer exit before the guest runs " \
	  "until interrupted", SIM)                                                        \
	K_MASK(X)                                                                          \
	X("waitkick", 0, 0, 1, "1: requests made with kvm_make_request_and_kick(req | "    \
	  "KVM_REQUEST_WAIT), a waited single kick", BOTH)                                 \
	X("dead", 0, 0, 1, "1: a thread kills the VM (KVM_REQ_VM_DEAD)", SIM)             \
	X("migrate", 0, 0, 4, "times each vCPU thread is moved between pCPU v and v + 8 " \
	  "at its run loop's preemption point", SIM)
#define PAYLOAD_PARAMS(X)                                                                  \
	K_COMMON(X)                                                                        \
	X("vcpus", 1, 1, 4, "vCPUs", SIM)                                                  \
	X("requesters", 1, 1, 4, "requesters (one payload each)", SIM)                     \
	X("entries", 2, 0, 8, "finite guest slices", SIM)
#define KICK_ONLY_PARAMS(X)                                                                \
	K_COMMON(X)                                                                        \
	K_LATE(X)                                                                          \
	X("selfkick", 0, 0, 1, "1: a vCPU that finds the flag in its entry window kicks "  \
	  "itself (kvm_vcpu_kick on its own pCPU) instead of syncing it", SIM)              \
	X("entries", 2, 0, 8, "finite guest slices", SIM)
#define TLB_PARAMS(X)                                                                      \
	K_COMMON(X)                                                                        \
	X("vcpus", 1, 1, 3, "vCPUs running the guest", SIM)                                \
	X("walks", 1, 0, 3, "lockless shadow walks by another vCPU (x86)", SIM)            \
	X("kickers", 1, 0, 1, "a kicker that leaves vcpu0 EXITING", SIM)                   \
	X("entries", 1, 0, 8, "finite guest slices", SIM)
#define OGM_PARAMS(X)                                                                      \
	K_COMMON(X)                                                                        \
	X("vcpus", 1, 1, 3, "vCPUs", SIM)                                                  \
	X("kickers", 1, 0, 2, "kickers leaving vCPUs EXITING", SIM)                        \
	X("entries", 1, 0, 8, "finite guest slices", SIM)
#define HALT_PARAMS(X)                                                                     \
	K_COMMON(X)                                                                        \
	X("vcpus", 1, 1, 2, "vCPUs", SIM)                                                  \
	X("wakers", 1, 0, 2, "interrupt injectors (IRR + EVENT + kick)", SIM)              \
	X("unblock", 1, 0, 1, "a KVM_REQ_UNBLOCK + kick", SIM)                             \
	X("nowake", 1, 0, 1, "a NO_WAKEUP request to all vCPUs", SIM)                      \
	X("poll_ns", 0, 0, 50, "halt-polling window", SIM)                                 \
	X("signals", 0, 0, 2, "signals sent to vcpu0's thread (KVM_RUN returns -EINTR, "  \
	  "userspace takes the signal and runs again)", SIM)                                \
	K_POLL_NATIVE(X)                                                                   \
	X("entries", 1, 0, 4, "HLT exits before the guest runs on", SIM)
#define MIXED_PARAMS(X)                                                                    \
	K_COMMON(X)                                                                        \
	X("vcpus", 2, 1, 3, "vCPUs", SIM)                                                  \
	X("requesters", 2, 1, 4, "requesters", SIM)                                        \
	X("ops", 3, 1, 16, "operations per requester", SIM)                                \
	X("seed", 1, 0, 1000000, "which mix of operations", SIM)                           \
	X("entries", 3, 0, 8, "finite guest slices (timer, HLT in turn)", SIM)             \
	K_POLL_NATIVE(X)

/* Real threads: also the data race only TSan sees (no simulator oracle). */
#define K_BUGS(...) .bugs = {__VA_ARGS__ SCEN_ON_NATIVE(, BUG_PLAIN_MODE_READ), -1}
#define K_LAT_REQUEST "request: kvm_make_request + kick until the handler runs"

#define KVM_SCENARIO(nm, setupfn, PARAMS, ...)                                             \
	{                                                                                  \
		.name = nm, .params = {PARAMS(SCEN_PARAM)},                                \
		.nparams = 0 PARAMS(SCEN_PARAM_COUNT),                                     \
		.archs = SCEN_ARCHS_ALL, /* x86 and arm64 run loops */                     \
		.state_size = sizeof(struct kstate) + (SCEN_SIM ? 0 : sizeof(struct krt)), \
		.setup = setupfn,                                                          \
		SCEN_ON_SIM(.check_step = k_check_step, .check_end = k_check_end,          \
			    .guest = k_guest, .outcome = k_outcome,                        \
			    .vcpu_view = k_vcpu_view,)                                     \
		SCEN_ON_NATIVE(.monitor = k_monitor, .stop = k_stop,)                      \
		__VA_ARGS__                                                                \
	}

static const scen_scenario_t kvm_all[] = {
	KVM_SCENARIO("dekker", dekker_setup, DEKKER_PARAMS,
		SCEN_ON_SIM(.summary = "request + kick against repeated guest entry",
			    .bugs = {BUG_NO_MB_AFTER_IN_GUEST, BUG_NO_MB_BEFORE_MODE_READ,
				     BUG_CHECK_BEFORE_IN_GUEST, BUG_KICK_WITHOUT_REQUEST,
				     BUG_WAIT_IN_GUEST_PREDICATE, -1},)
		SCEN_ON_NATIVE(.summary = "request + kick against vCPUs entering the guest",
			       .roles = "vCPUs T/2 (max 4), requesters the rest (max 7)",
			       .latency = K_LAT_REQUEST,
			       K_BUGS(BUG_NO_MB_AFTER_IN_GUEST, BUG_NO_MB_BEFORE_MODE_READ,
				      BUG_CHECK_BEFORE_IN_GUEST, BUG_KICK_WITHOUT_REQUEST),)),
	KVM_SCENARIO("payload", payload_setup, PAYLOAD_PARAMS,
		.summary = "a request with a payload written before it",
		K_BUGS(BUG_NO_WMB_BEFORE_REQUEST, BUG_NO_MB_AFTER_CHECK, BUG_NO_MB_AFTER_IN_GUEST),
		SCEN_ON_NATIVE(.roles = "vCPUs T/2 (max 4), requesters the rest (max 7)",
			       .latency = K_LAT_REQUEST,)),
	KVM_SCENARIO("kick_only", kick_only_setup, KICK_ONLY_PARAMS,
		SCEN_ON_SIM(.summary = "an interrupt flag and a request-less kick",
			    .bugs = {-1},)
		SCEN_ON_NATIVE(.summary = "an interrupt flag and a request-less kick (late=0 "
				          "is broken by design)",
			       .roles = "1 vCPU, kickers the rest (max 4)",
			       .latency = "interrupt: IRR set to delivered",
			       .bugs = {BUG_PLAIN_MODE_READ, -1},)),
	KVM_SCENARIO("tlb_flush", tlb_setup, TLB_PARAMS,
		.summary = "kvm_flush_remote_tlbs against guest, EXITING and lockless shadow walks",
		K_BUGS(BUG_WAIT_IN_GUEST_PREDICATE, BUG_NO_MB_AFTER_IN_GUEST,
		       BUG_CHECK_BEFORE_IN_GUEST),
		SCEN_ON_NATIVE(.roles = "1 flusher, a kicker from 3 threads, a walker from 4 "
				        "(x86), vCPUs the rest (max 4)",
			       .latency = "flush: kvm_flush_remote_tlbs call",)),
	KVM_SCENARIO("outside_guest_mode", ogm_setup, OGM_PARAMS,
		.summary = "KVM_REQ_OUTSIDE_GUEST_MODE really waits",
		K_BUGS(BUG_WAIT_IN_GUEST_PREDICATE),
		SCEN_ON_NATIVE(.roles = "1 requester, kickers T-2 (max 2), vCPUs the rest (max 4)",
			       .latency = "ogm: kvm_make_all_cpus_request(OUTSIDE_GUEST_MODE) "
					  "call",)),
	KVM_SCENARIO("halt", halt_setup, HALT_PARAMS,
		K_BUGS(BUG_CHECK_BLOCK_IGNORES_REQUESTS, BUG_NO_MB_AFTER_IN_GUEST),
		SCEN_ON_SIM(.summary = "halting vCPUs against wakers, UNBLOCK and NO_WAKEUP "
				       "requests",)
		SCEN_ON_NATIVE(.summary = "halting vCPUs against interrupt injectors, UNBLOCK "
					  "(x86) and NO_WAKEUP requests",
			       .roles = "vCPUs T/2 (max 4), wakers the rest",
			       .latency = "wakeup: interrupt injected to delivered",)),
	KVM_SCENARIO("mixed", mixed_setup, MIXED_PARAMS,
		K_BUGS(BUG_NO_MB_AFTER_IN_GUEST, BUG_CHECK_BEFORE_IN_GUEST,
		       BUG_WAIT_IN_GUEST_PREDICATE, BUG_NO_WMB_BEFORE_REQUEST,
		       BUG_NO_MB_BEFORE_MODE_READ),
		SCEN_ON_SIM(.summary = "N vCPUs and M requesters with a mix of requests, "
				       "payloads, interrupts, TLB flushes and NO_WAKEUP requests",)
		SCEN_ON_NATIVE(.summary = "vCPUs and requesters with a mix of requests, payloads, "
					  "interrupts, TLB flushes and NO_WAKEUP requests",
			       .roles = "vCPUs T/2 (max 4), requesters the rest (max 3)",
			       .latency = K_LAT_REQUEST,)),
};

static const scen_scenario_t *const kvm_list[] = {
	&kvm_all[0], &kvm_all[1], &kvm_all[2], &kvm_all[3], &kvm_all[4], &kvm_all[5], &kvm_all[6],
};
SCEN_FAMILY_LIST(kvm, kvm_list)

/* ---- the verdicts ----------------------------------------------------------------------------- */

#if SCEN_SIM
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
	{"dekker", -1, "waitkick=1", -1, {N, N, N, N}},
	{"dekker", -1, "waitkick=1 vcpus=2 requesters=2", -1, {N, N, N, N}},
	{"dekker", -1, "migrate=2", -1, {N, N, N, N}},
	{"dekker", -1, "migrate=2 vcpus=2 requesters=2", -1, {N, N, N, N}},
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
	/* x86 only: arm64's final check has no EXITING term (core/arm64.c), so
	 * a request-less self-kick in its window would be lost by design */
	{"kick_only", -1, "selfkick=1", ARCH_X86, {N, N, N, N}},
	{"tlb_flush", -1, "", -1, {N, N, N, N}},
	{"tlb_flush", BUG_WAIT_IN_GUEST_PREDICATE, "", -1, {S, S, S, S}},
	{"tlb_flush", BUG_NO_MB_AFTER_IN_GUEST, "", -1, {N, S, S, S}},
	{"tlb_flush", BUG_CHECK_BEFORE_IN_GUEST, "", -1, {S, S, S, S}},
	{"outside_guest_mode", -1, "", -1, {N, N, N, N}},
	{"outside_guest_mode", BUG_WAIT_IN_GUEST_PREDICATE, "", -1, {S, S, S, S}},
	{"halt", -1, "", -1, {N, N, N, N}},
	{"halt", -1, "poll_ns=10", -1, {N, N, N, N}},
	{"halt", -1, "signals=1", -1, {N, N, N, N}},
	{"halt", -1, "signals=2 wakers=0 unblock=0 nowake=0", -1, {N, N, N, N}},
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
#endif
