/*
 * scenarios/stress_kvm.c: the request-core scenarios of kvm_scenarios.c on
 * real threads: dekker, payload, kick_only, tlb_flush, outside_guest_mode,
 * halt and mixed.  One driver, seven flavours (what the requesters do, what
 * the guest does).
 *
 * Threads: vCPU i runs KVM_RUN on pCPU i for the whole run; its guest
 * script picks, per entry, a short slice ending in a timer exit, a slice
 * that runs until an IPI (bounded by the guest cap, 10 watchdogs), or HLT.
 * Requesters (pCPU 16..) loop: one operation, wait until it took effect (or
 * the monitor reported it), a random delay.  The guest script returns
 * GUEST_EXIT_SHUTDOWN once the run stops, and has_events() is true then, so
 * a halted vCPU wakes and leaves.
 *
 * Ghost state (per vCPU; per requester/vCPU pair for test requests):
 *   made / kicked / seen   counters of requests made, whose kick returned,
 *                          and handled (seen = made when the handler runs);
 *   session, in_guest      guest entries, and inside guest_run right now;
 *   irq_made/kicked/seen   the same for interrupts (IRR bit 0);
 *   tlb                    the translation generation the vCPU uses.
 *
 * Oracles: the monitor's missed request (work owed, kick returned, same
 * session, no IPI pending, not EXITING, for a watchdog) and lost wakeup
 * (asleep, same sleep, an interrupt or KVM_REQ_UNBLOCK pending whose kick
 * returned, for a watchdog); stale payload in the request handler; WAIT not
 * honoured after kvm_flush_remote_tlbs / KVM_REQ_OUTSIDE_GUEST_MODE return,
 * and at guest entry after a flush returned.  After a watchdog report the
 * monitor kicks (or wakes) the vCPU so that the run goes on.
 *
 * Not covered natively: dekker's dead=1 (KVM_REQ_VM_DEAD ends the VM; a
 * looping run would have to rebuild it).
 *
 * Invariants:
 *  1. Request bit j (0..6) of a vCPU belongs to requester j (mixed: request
 *     j, payload 3+j); bit 7 is the NO_WAKEUP request to all (halt, mixed).
 *  2. Ghost counters are monotonic; readers read kicked before made, so
 *     kicked == made means every request made so far has had its kick
 *     return.
 */
#include <string.h>

#include "stress.h"

#define SV 4 /* vCPUs */
#define SR 8 /* request bits */
#define NOWAKE_BIT 7

enum flavour { F_DEKKER, F_PAYLOAD, F_KICK_ONLY, F_TLB, F_OGM, F_HALT, F_MIXED };
enum { P_DELAY, P_LONG, P_X1, P_X2 }; /* params: delay_ns, long_pct, then per flavour */

struct pair {
	uint64_t made, kicked, seen;
	uint64_t made_ns, seen_ns;
	uint64_t reported; /* the monitor's: highest 'made' reported */
};

struct kvcpu {
	struct kstate *s;
	struct kvm_vcpu *vcpu;
	int tid;
	uint64_t session, in_guest, tlb;
	unsigned long irr; /* IRR: atomic bitops, as in the LAPIC */
	uint64_t irq_made, irq_kicked, irq_seen, irq_reported;
	uint64_t unblock_made, unblock_kicked;
	struct pair pair[SR];
	uint64_t rng;      /* the guest script's (vCPU thread) */
	struct stress_watch w_guest, w_sleep; /* the monitor's */
};

struct kreq {
	struct kstate *s;
	int idx;
	uint64_t rng;
};

struct kstate {
	struct stress *st;
	enum flavour f;
	struct kvm *kvm;
	int nvcpus, nreq;
	struct kvcpu v[SV];
	struct kreq req[SR];
	long payload[SR];
	long pt;               /* the page table: READ_ONCE/WRITE_ONCE */
	uint64_t gen;          /* next translation generation (under mmu_lock) */
	uint64_t flushed_gen;  /* ghost: highest generation whose flush returned */
	spinlock_t mmu_lock;
	struct kvm_vcpu *walker;
	uint64_t walking, walk_val;
	uint64_t delay_ns, long_pct, late, mask;
	uint64_t wait_ns;      /* how long a requester waits for its effect */
};

static struct kvcpu *kv_of(struct kvm_vcpu *vcpu)
{
	struct kstate *s = vcpu->kvm->ctx;
	return &s->v[vcpu->vcpu_idx];
}

/* ---- hooks (vCPU thread) ------------------------------------------------------------- */

static void h_on_request(struct kvm_vcpu *vcpu, int n)
{
	struct kvcpu *kv = kv_of(vcpu);
	struct kstate *s = kv->s;
	struct pair *p = &kv->pair[n];
	bool payload = (s->f == F_PAYLOAD && n < NOWAKE_BIT) ||
		       (s->f == F_MIXED && n >= 3 && n < 6);
	if (payload) {
		long got = READ_ONCE(s->payload[n]);
		uint64_t want = g_load(&p->made);
		if ((uint64_t)got < want)
			stress_violation(s->st, V_STALE_PAYLOAD,
					 "vcpu%d handled request %d (#%llu) but read the payload "
					 "of #%ld", vcpu->vcpu_idx, n, (unsigned long long)want,
					 got);
	}
	g_store(&p->seen_ns, plat_now_ns());
	g_store(&p->seen, g_load(&p->made));
}

static bool h_has_events(struct kvm_vcpu *vcpu)
{
	struct kvcpu *kv = kv_of(vcpu);
	return READ_ONCE(kv->irr) != 0 || stress_stopping(kv->s->st);
}

static void deliver_irq(struct kvcpu *kv)
{
	if (READ_ONCE(kv->irr) && test_and_clear_bit(0, &kv->irr))
		g_store(&kv->irq_seen, g_load(&kv->irq_made));
}

static void h_inject(struct kvm_vcpu *vcpu)
{
	deliver_irq(kv_of(vcpu));
}

static void h_sync_after_mode(struct kvm_vcpu *vcpu)
{
	struct kvcpu *kv = kv_of(vcpu);
	if (kv->s->late) /* sync_pir_to_irr: after IN_GUEST_MODE + barrier */
		deliver_irq(kv);
}

static void h_tlb_flush(struct kvm_vcpu *vcpu)
{
	g_store(&kv_of(vcpu)->tlb, 0); /* invalid: reloaded on the next entry */
}

static void h_guest_entry(struct kvm_vcpu *vcpu)
{
	struct kvcpu *kv = kv_of(vcpu);
	struct kstate *s = kv->s;
	if (s->f == F_TLB || s->f == F_MIXED) {
		uint64_t tlb = g_load(&kv->tlb);
		if (!tlb) { /* the guest walks the page tables in guest mode */
			tlb = (uint64_t)READ_ONCE(s->pt);
			g_store(&kv->tlb, tlb);
		}
		uint64_t flushed = g_load(&s->flushed_gen);
		if (tlb < flushed)
			stress_violation(s->st, V_WAIT_NOT_HONOURED,
					 "vcpu%d entered the guest with translation %llu after "
					 "the flush of %llu returned", vcpu->vcpu_idx,
					 (unsigned long long)tlb, (unsigned long long)flushed);
	}
	g_inc(&kv->session);
	g_store(&kv->in_guest, 1);
}

static void h_guest_exit(struct kvm_vcpu *vcpu, struct guest_exit e)
{
	(void)e;
	g_store(&kv_of(vcpu)->in_guest, 0);
}

static const struct kvm_hooks k_hooks = {
	.on_request = h_on_request,
	.on_tlb_flush = h_tlb_flush,
	.has_events = h_has_events,
	.inject_events = h_inject,
	.sync_after_mode = h_sync_after_mode,
	.guest_entry = h_guest_entry,
	.guest_exit = h_guest_exit,
};

/* ---- the guest (vCPU thread, inside guest_run) ------------------------------------------ */

static struct native_guest_step k_guest(void *arg)
{
	struct kvcpu *kv = arg;
	struct kstate *s = kv->s;
	if (stress_stopping(s->st))
		return (struct native_guest_step){0, {GUEST_EXIT_SHUTDOWN, 0}};
	unsigned r = (unsigned)(stress_rand(&kv->rng) % 100);
	unsigned hlt = s->f == F_HALT ? 60 : s->f == F_MIXED ? 30 : 0;
	if (r < hlt)
		return (struct native_guest_step){1, {GUEST_EXIT_HLT, 0}};
	if (r < hlt + (100 - hlt) * (100 - s->long_pct) / 100) /* short slice */
		return (struct native_guest_step){1 + stress_rand(&kv->rng) % 2000,
						  {GUEST_EXIT_TIMER, 0}};
	return (struct native_guest_step){0, {GUEST_EXIT_INTR, 0}}; /* until an IPI */
}

static void vcpu_main(void *arg)
{
	struct kvcpu *kv = arg;
	native_set_guest(k_guest, kv);
	while (!stress_stopping(kv->s->st))
		if (kvm_arch_vcpu_ioctl_run(kv->vcpu) <= 0)
			break;
}

/* ---- operations (requester threads) ------------------------------------------------------- */

/* A test request (bit n) to vCPU v, and wait until it is handled.  At most
 * one request per pair is outstanding (the payload check relies on it): while
 * the last one is neither handled nor reported, this returns false and makes
 * none (a halted x86 vCPU handles requests only once an event wakes it). */
static bool op_request(struct kreq *r, int v, int n, bool payload)
{
	struct kstate *s = r->s;
	struct kvcpu *kv = &s->v[v];
	struct pair *p = &kv->pair[n];
	uint64_t last = g_load(&p->made);
	if (g_load(&p->seen) < last && g_load(&p->reported) < last)
		return false;
	uint64_t t0 = plat_now_ns();
	g_store(&p->made_ns, t0);
	uint64_t mine = g_inc(&p->made);
	if (payload)
		WRITE_ONCE(s->payload[n], (long)mine);
	if (s->mask) {
		/* the multi-vCPU path, NO_WAKEUP: no wake-up barrier first */
		unsigned long bitmap = 1UL << v;
		kvm_make_vcpus_request_mask(s->kvm, KVM_REQ_TEST_NOWAKE(n), &bitmap);
	} else {
		if (!reqsim_bug(BUG_KICK_WITHOUT_REQUEST))
			kvm_make_request(KVM_REQ_TEST(n), kv->vcpu);
		kvm_vcpu_kick(kv->vcpu);
	}
	g_inc(&p->kicked);
	stress_add_requests(s->st, 1);
	uint64_t deadline = t0 + s->wait_ns;
	unsigned i = 0;
	while (g_load(&p->seen) < mine && g_load(&p->reported) < mine &&
	       !stress_stopping(s->st) && plat_now_ns() < deadline)
		native_relax(&i);
	if (g_load(&p->seen) >= mine)
		stress_latency(s->st, g_load(&p->seen_ns) - t0);
	return true;
}

/* kvm_apic_set_irq: IRR, then KVM_REQ_EVENT and a kick (kick_only: no
 * request).  Waits until the interrupt is delivered. */
static void op_irq(struct kreq *r, int v, bool request)
{
	struct kstate *s = r->s;
	struct kvcpu *kv = &s->v[v];
	uint64_t t0 = plat_now_ns();
	uint64_t mine = g_inc(&kv->irq_made);
	set_bit(0, &kv->irr);
	if (request)
		kvm_make_request(KVM_REQ_EVENT, kv->vcpu);
	kvm_vcpu_kick(kv->vcpu);
	g_inc(&kv->irq_kicked);
	stress_add_requests(s->st, 1);
	uint64_t deadline = t0 + s->wait_ns;
	unsigned i = 0;
	while (g_load(&kv->irq_seen) < mine && g_load(&kv->irq_reported) < mine &&
	       !stress_stopping(s->st) && plat_now_ns() < deadline)
		native_relax(&i);
	if (g_load(&kv->irq_seen) >= mine && s->f != F_MIXED)
		stress_latency(s->st, plat_now_ns() - t0);
}

/* KVM_REQ_UNBLOCK + kick (x86); waits until the vCPU consumed or dropped it. */
static void op_unblock(struct kreq *r, int v)
{
	struct kstate *s = r->s;
	struct kvcpu *kv = &s->v[v];
	const unsigned long bit = BIT(KVM_REQ_UNBLOCK);
	g_inc(&kv->unblock_made);
	kvm_make_request(KVM_REQ_UNBLOCK, kv->vcpu);
	kvm_vcpu_kick(kv->vcpu);
	g_inc(&kv->unblock_kicked);
	stress_add_requests(s->st, 1);
	uint64_t deadline = plat_now_ns() + s->wait_ns;
	unsigned i = 0;
	while ((__atomic_load_n(&kv->vcpu->requests, __ATOMIC_SEQ_CST) & bit) &&
	       !stress_stopping(s->st) && plat_now_ns() < deadline)
		native_relax(&i);
}

/* A NO_WAKEUP request to every vCPU: must not wake a sleeper, must be
 * handled on the next run (not waited for: a halted vCPU may sleep on). */
static void op_nowake(struct kreq *r)
{
	struct kstate *s = r->s;
	for (int v = 0; v < s->nvcpus; v++)
		g_inc(&s->v[v].pair[NOWAKE_BIT].made);
	kvm_make_all_cpus_request(s->kvm, KVM_REQ_TEST_NOWAKE(NOWAKE_BIT));
	for (int v = 0; v < s->nvcpus; v++)
		g_inc(&s->v[v].pair[NOWAKE_BIT].kicked);
	stress_add_requests(s->st, (uint64_t)s->nvcpus);
}

/* A page-table change and kvm_flush_remote_tlbs; then nobody may still use
 * the old translation. */
static void op_flush(struct kreq *r)
{
	struct kstate *s = r->s;
	uint64_t t0 = plat_now_ns();
	spin_lock(&s->mmu_lock);
	uint64_t gen = ++s->gen;
	WRITE_ONCE(s->pt, (long)gen);
	kvm_flush_remote_tlbs(s->kvm);
	spin_unlock(&s->mmu_lock);
	if (s->f == F_TLB)
		stress_latency(s->st, plat_now_ns() - t0);
	stress_add_requests(s->st, 1);
	for (int v = 0; v < s->nvcpus; v++) {
		uint64_t ig = g_load(&s->v[v].in_guest), tlb = g_load(&s->v[v].tlb);
		if (ig && tlb && tlb < gen)
			stress_violation(s->st, V_WAIT_NOT_HONOURED,
					 "kvm_flush_remote_tlbs returned while vcpu%d still runs "
					 "the guest with translation %llu < %llu", v,
					 (unsigned long long)tlb, (unsigned long long)gen);
	}
	if (g_load(&s->walking) && g_load(&s->walk_val) < gen)
		stress_violation(s->st, V_WAIT_NOT_HONOURED,
				 "kvm_flush_remote_tlbs returned while a lockless shadow walk "
				 "still uses translation %llu < %llu",
				 (unsigned long long)g_load(&s->walk_val), (unsigned long long)gen);
	g_max(&s->flushed_gen, gen);
}

/* KVM_REQ_OUTSIDE_GUEST_MODE: when it returns, every vCPU that was in the
 * guest has left that guest session. */
static void op_ogm(struct kreq *r)
{
	struct kstate *s = r->s;
	uint64_t sess0[SV];
	for (int v = 0; v < s->nvcpus; v++) {
		uint64_t a = g_load(&s->v[v].session), ig = g_load(&s->v[v].in_guest);
		sess0[v] = ig && g_load(&s->v[v].session) == a ? a : 0;
	}
	uint64_t t0 = plat_now_ns();
	kvm_make_all_cpus_request(s->kvm, KVM_REQ_OUTSIDE_GUEST_MODE);
	stress_latency(s->st, plat_now_ns() - t0);
	stress_add_requests(s->st, 1);
	for (int v = 0; v < s->nvcpus; v++)
		if (sess0[v] && g_load(&s->v[v].in_guest) && g_load(&s->v[v].session) == sess0[v])
			stress_violation(s->st, V_WAIT_NOT_HONOURED,
					 "KVM_REQ_OUTSIDE_GUEST_MODE returned while vcpu%d is "
					 "still in the guest session it was in before (#%llu)", v,
					 (unsigned long long)sess0[v]);
}

static void requester_main(void *arg)
{
	struct kreq *r = arg;
	struct kstate *s = r->s;
	for (uint64_t k = 0; !stress_stopping(s->st); k++) {
		int v = (int)((r->idx + k) % (uint64_t)s->nvcpus);
		switch (s->f) {
		case F_DEKKER:
		case F_PAYLOAD:
			(void)op_request(r, v, r->idx, s->f == F_PAYLOAD);
			break;
		case F_KICK_ONLY:
			op_irq(r, 0, false);
			break;
		case F_TLB:
			op_flush(r);
			break;
		case F_OGM:
			op_ogm(r);
			break;
		case F_HALT: {
			unsigned op = (unsigned)(stress_rand(&r->rng) % 10);
			if (op < 8 || (op == 8 && stress_arch(s->st) != KVM_ARCH_X86))
				op_irq(r, v, true);
			else if (op == 8) /* UNBLOCK is x86's (arm64 never consumes it) */
				op_unblock(r, v);
			else
				op_nowake(r);
			break;
		}
		case F_MIXED:
			switch (stress_rand(&r->rng) % 5) {
			case 0:
				if (!op_request(r, v, r->idx, false))
					op_irq(r, v, true); /* wake it: it may be halted */
				break;
			case 1:
				if (!op_request(r, v, 3 + r->idx, true))
					op_irq(r, v, true);
				break;
			case 2: op_irq(r, v, true); break;
			case 3: op_flush(r); break;
			default: op_nowake(r); break;
			}
			break;
		}
		stress_add_rounds(s->st, 1);
		stress_delay(&r->rng, s->delay_ns);
	}
}

/* A kicker that leaves vCPUs EXITING with an IPI in flight. */
static void kicker_main(void *arg)
{
	struct kreq *r = arg;
	struct kstate *s = r->s;
	for (uint64_t k = 0; !stress_stopping(s->st); k++) {
		kvm_vcpu_kick(s->v[(r->idx + k) % (uint64_t)s->nvcpus].vcpu);
		stress_delay(&r->rng, s->delay_ns);
	}
}

static void walk_fn(struct kvm_vcpu *vcpu)
{
	struct kstate *s = vcpu->kvm->ctx;
	g_store(&s->walk_val, (uint64_t)READ_ONCE(s->pt));
	g_store(&s->walking, 1);
	for (int i = 0; i < 20; i++) /* the walk takes a while */
		cpu_relax();
	g_store(&s->walking, 0);
}

/* A vCPU of the VM doing lockless shadow-page walks outside guest mode (x86). */
static void walker_main(void *arg)
{
	struct kreq *r = arg;
	struct kstate *s = r->s;
	while (!stress_stopping(s->st)) {
		walk_shadow_page_lockless(s->walker, walk_fn);
		stress_delay(&r->rng, s->delay_ns);
	}
}

/* ---- the monitor ------------------------------------------------------------------------------ */

/* Work owed to kv whose kick has returned (reads kicked before made). */
static bool owed_work(struct kvcpu *kv, unsigned long req, bool *irq)
{
	bool owed = false;
	*irq = false;
	for (int n = 0; n < SR; n++) {
		struct pair *p = &kv->pair[n];
		uint64_t kicked = g_load(&p->kicked), made = g_load(&p->made);
		uint64_t seen = g_load(&p->seen);
		bool bit = (req >> (KVM_REQUEST_ARCH_BASE + KVM_REQ_TEST_BASE + n)) & 1;
		if ((bit || seen < made) && made && kicked == made && made > g_load(&p->reported))
			owed = true;
	}
	uint64_t kicked = g_load(&kv->irq_kicked), made = g_load(&kv->irq_made);
	if ((__atomic_load_n(&kv->irr, __ATOMIC_SEQ_CST) || g_load(&kv->irq_seen) < made) &&
	    made && kicked == made && made > g_load(&kv->irq_reported))
		owed = *irq = true;
	return owed;
}

static void mark_reported(struct kvcpu *kv)
{
	for (int n = 0; n < SR; n++)
		g_max(&kv->pair[n].reported, g_load(&kv->pair[n].made));
	g_max(&kv->irq_reported, g_load(&kv->irq_made));
}

static void check_in_guest(struct kstate *s, struct kvcpu *kv, int v, uint64_t now)
{
	struct kvm_vcpu *vcpu = kv->vcpu;
	uint64_t s1 = g_load(&kv->session);
	bool holds = g_load(&kv->in_guest) != 0;
	bool irq = false;
	unsigned long req = 0;
	if (holds) {
		req = __atomic_load_n(&vcpu->requests, __ATOMIC_SEQ_CST);
		holds = native_cpu_ipis_pending(vcpu->cpu) == 0 &&
			__atomic_load_n(&vcpu->mode, __ATOMIC_SEQ_CST) != EXITING_GUEST_MODE &&
			owed_work(kv, req, &irq) && g_load(&kv->in_guest) &&
			g_load(&kv->session) == s1;
	}
	if (!stress_watch(s->st, &kv->w_guest, holds, s1, now))
		return;
	stress_violation(s->st, V_MISSED_REQUEST,
			 "vcpu%d has run in guest mode for %.1f ms with %s pending "
			 "(requests=%#lx), its kick returned, no IPI on its way",
			 v, (double)stress_watchdog_ns(s->st) / 1e6,
			 irq ? "an interrupt" : "a request", req);
	mark_reported(kv);
	kvm_vcpu_kick(vcpu); /* so that the run goes on */
}

static void check_asleep(struct kstate *s, struct kvcpu *kv, int v, uint64_t now)
{
	struct task_struct *t = native_thread_task(kv->tid);
	uint64_t sleeps1 = 0, sleeps2 = 0;
	bool holds = native_task_asleep(t, &sleeps1);
	bool irq = false;
	if (holds) {
		unsigned long req = __atomic_load_n(&kv->vcpu->requests, __ATOMIC_SEQ_CST);
		uint64_t kicked = g_load(&kv->irq_kicked), made = g_load(&kv->irq_made);
		irq = __atomic_load_n(&kv->irr, __ATOMIC_SEQ_CST) && kicked == made;
		uint64_t ukicked = g_load(&kv->unblock_kicked);
		bool unblock = (req & BIT(KVM_REQ_UNBLOCK)) &&
			       ukicked == g_load(&kv->unblock_made);
		holds = (irq || unblock) && native_task_asleep(t, &sleeps2) && sleeps1 == sleeps2;
	}
	if (!stress_watch(s->st, &kv->w_sleep, holds, sleeps1, now))
		return;
	stress_violation(s->st, V_LOST_WAKEUP,
			 "vcpu%d has slept in kvm_vcpu_block for %.1f ms with %s pending "
			 "(its kick returned)", v, (double)stress_watchdog_ns(s->st) / 1e6,
			 irq ? "an interrupt" : "KVM_REQ_UNBLOCK");
	mark_reported(kv);
	wake_up_process(t); /* so that the run goes on */
}

static void k_monitor(struct stress *st, void *state, uint64_t now)
{
	struct kstate *s = state;
	(void)st;
	for (int v = 0; v < s->nvcpus; v++) {
		check_in_guest(s, &s->v[v], v, now);
		check_asleep(s, &s->v[v], v, now);
	}
}

static void k_stop(struct stress *st, void *state)
{
	struct kstate *s = state;
	(void)st;
	for (int v = 0; v < s->nvcpus; v++) {
		kvm_vcpu_kick(s->v[v].vcpu);
		wake_up_process(native_thread_task(s->v[v].tid));
	}
}

/* ---- setup -------------------------------------------------------------------------------------- */

static int clampi(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static void *k_setup_flavour(struct stress *st, enum flavour f)
{
	struct kstate *s = kzalloc(sizeof(*s));
	int T = stress_threads(st), kickers = 0, walkers = 0;
	s->st = st;
	s->f = f;
	s->delay_ns = (uint64_t)stress_param(st, P_DELAY);
	s->long_pct = (uint64_t)stress_param(st, P_LONG);
	/* mixed: a halted vCPU handles a request only after an event, so do
	 * not wait long (the next request to the pair waits instead) */
	s->wait_ns = f == F_MIXED ? 200000 : 4 * stress_watchdog_ns(st);
	spin_lock_init(&s->mmu_lock);
	s->pt = 1;
	s->gen = 1;
	switch (f) {
	case F_DEKKER:
	case F_PAYLOAD:
	case F_HALT:
		s->nvcpus = clampi(T / 2, 1, SV);
		s->nreq = clampi(T - s->nvcpus, 1, NOWAKE_BIT);
		break;
	case F_MIXED:
		s->nvcpus = clampi(T / 2, 1, SV);
		s->nreq = clampi(T - s->nvcpus, 1, 3);
		break;
	case F_KICK_ONLY:
		s->nvcpus = 1;
		s->nreq = clampi(T - 1, 1, 4);
		break;
	case F_TLB:
		kickers = T >= 3;
		walkers = T >= 4 && stress_arch(st) == KVM_ARCH_X86;
		s->nreq = 1;
		s->nvcpus = clampi(T - 1 - kickers - walkers, 1, SV);
		break;
	case F_OGM:
		kickers = clampi(T - 2, 0, 2);
		s->nreq = 1;
		s->nvcpus = clampi(T - 1 - kickers, 1, SV);
		break;
	}
	if (f == F_DEKKER)
		s->mask = (uint64_t)stress_param(st, P_X1);
	if (f == F_KICK_ONLY)
		s->late = (uint64_t)stress_param(st, P_X1);

	struct kvm *kvm = kzalloc(sizeof(*kvm));
	s->kvm = kvm;
	kvm->arch = stress_arch(st);
	kvm->hooks = &k_hooks;
	kvm->ctx = s;
	kvm->nr_test_requests = SR;
	kvm->max_halt_poll_ns = (f == F_HALT || f == F_MIXED) ? (uint64_t)stress_param(st, P_X1) : 0;
	for (int i = 0; i < s->nvcpus; i++) {
		s->v[i].s = s;
		s->v[i].vcpu = stress_vcpu_create(kvm, i);
		s->v[i].tlb = 1; /* every vCPU starts with translation 1 cached */
		s->v[i].rng = stress_rng_seed(st, (unsigned)i);
	}
	/* a vCPU of the VM (kvm_make_all_cpus_request waits for it), but no
	 * requester targets it and it never runs the guest */
	if (walkers)
		s->walker = stress_vcpu_create(kvm, s->nvcpus);
	for (int j = 0; j < SR; j++) {
		s->req[j].s = s;
		s->req[j].idx = j;
		s->req[j].rng = stress_rng_seed(st, 16u + (unsigned)j);
	}
	stress_set_roles(st, "vcpus:%d,%s:%d%s%s", s->nvcpus,
			 f == F_TLB ? "flushers" : f == F_KICK_ONLY ? "kickers"
			 : f == F_HALT ? "wakers" : "requesters", s->nreq,
			 kickers ? (kickers == 2 ? ",kickers:2" : ",kickers:1") : "",
			 walkers ? ",walkers:1" : "");
	for (int i = 0; i < s->nvcpus; i++) {
		char name[24];
		snprintf(name, sizeof(name), "vcpu%d", i);
		/* thread index: the task oracles watch */
		s->v[i].tid = native_thread_count();
		stress_spawn(st, name, i, vcpu_main, &s->v[i]);
	}
	for (int j = 0; j < s->nreq; j++) {
		char name[24];
		snprintf(name, sizeof(name), "req%d", j);
		stress_spawn(st, name, 16 + j, requester_main, &s->req[j]);
	}
	for (int k = 0; k < kickers; k++) {
		char name[24];
		snprintf(name, sizeof(name), "kicker%d", k);
		stress_spawn(st, name, 24 + k, kicker_main, &s->req[NOWAKE_BIT - k]);
	}
	if (walkers)
		stress_spawn(st, "walker", s->nvcpus, walker_main, &s->req[5]);
	return s;
}

static void *dekker_setup(struct stress *st) { return k_setup_flavour(st, F_DEKKER); }
static void *payload_setup(struct stress *st) { return k_setup_flavour(st, F_PAYLOAD); }
static void *kick_only_setup(struct stress *st) { return k_setup_flavour(st, F_KICK_ONLY); }
static void *tlb_setup(struct stress *st) { return k_setup_flavour(st, F_TLB); }
static void *ogm_setup(struct stress *st) { return k_setup_flavour(st, F_OGM); }
static void *halt_setup(struct stress *st) { return k_setup_flavour(st, F_HALT); }
static void *mixed_setup(struct stress *st) { return k_setup_flavour(st, F_MIXED); }

#define P(nm, d, lo, hi, h) {nm, d, lo, hi, h}
#define COMMON_PARAMS                                                          \
	P("delay_ns", 2000, 0, 100000000, "max random delay between operations"), \
	P("long_pct", 25, 0, 100, "percent of guest slices (not HLT) that run "   \
	  "until an IPI instead of ending in a timer exit within 2 us")

#define KSCEN(nm, text, roles_, lat, setupfn, np, ...)                      \
	{                                                                   \
		.name = nm, .summary = text, .roles = roles_, .latency = lat, \
		.setup_alloc = setupfn, .monitor = k_monitor, .stop = k_stop,     \
		.nparams = np, __VA_ARGS__                                  \
	}

static const struct stress_scenario k_all[] = {
	KSCEN("dekker", "request + kick against vCPUs entering the guest",
	      "vCPUs T/2 (max 4), requesters the rest (max 7)",
	      "request: kvm_make_request + kick until the handler runs", dekker_setup, 3,
	      .params = {COMMON_PARAMS,
			 P("mask", 0, 0, 1, "1: kvm_make_vcpus_request_mask with a NO_WAKEUP "
			   "request instead of kvm_make_request + kvm_vcpu_kick")},
	      .bugs = {BUG_NO_MB_AFTER_IN_GUEST, BUG_NO_MB_BEFORE_MODE_READ,
		       BUG_CHECK_BEFORE_IN_GUEST, BUG_KICK_WITHOUT_REQUEST, BUG_PLAIN_MODE_READ,
		       -1}),
	KSCEN("payload", "a request with a payload written before it",
	      "vCPUs T/2 (max 4), requesters the rest (max 7)",
	      "request: kvm_make_request + kick until the handler runs", payload_setup, 2,
	      .params = {COMMON_PARAMS},
	      .bugs = {BUG_NO_WMB_BEFORE_REQUEST, BUG_NO_MB_AFTER_CHECK,
		       BUG_NO_MB_AFTER_IN_GUEST, BUG_PLAIN_MODE_READ, -1}),
	KSCEN("kick_only", "an interrupt flag and a request-less kick (late=0 is broken "
	      "by design)", "1 vCPU, kickers the rest (max 4)",
	      "interrupt: IRR set to delivered", kick_only_setup, 3,
	      .params = {COMMON_PARAMS,
			 P("late", 0, 0, 1, "1: the vCPU also syncs the flag after "
			   "IN_GUEST_MODE + barrier (posted-interrupt style)")},
	      .bugs = {BUG_PLAIN_MODE_READ, -1}),
	KSCEN("tlb_flush", "kvm_flush_remote_tlbs against guest, EXITING and lockless "
	      "shadow walks", "1 flusher, a kicker from 3 threads, a walker from 4 (x86), "
	      "vCPUs the rest (max 4)", "flush: kvm_flush_remote_tlbs call", tlb_setup, 2,
	      .params = {COMMON_PARAMS},
	      .bugs = {BUG_WAIT_IN_GUEST_PREDICATE, BUG_NO_MB_AFTER_IN_GUEST,
		       BUG_CHECK_BEFORE_IN_GUEST, BUG_PLAIN_MODE_READ, -1}),
	KSCEN("outside_guest_mode", "KVM_REQ_OUTSIDE_GUEST_MODE really waits",
	      "1 requester, kickers T-2 (max 2), vCPUs the rest (max 4)",
	      "ogm: kvm_make_all_cpus_request(OUTSIDE_GUEST_MODE) call", ogm_setup, 2,
	      .params = {COMMON_PARAMS},
	      .bugs = {BUG_WAIT_IN_GUEST_PREDICATE, BUG_PLAIN_MODE_READ, -1}),
	KSCEN("halt", "halting vCPUs against interrupt injectors, UNBLOCK (x86) and "
	      "NO_WAKEUP requests", "vCPUs T/2 (max 4), wakers the rest",
	      "wakeup: interrupt injected to delivered", halt_setup, 3,
	      .params = {COMMON_PARAMS,
			 P("poll_ns", 0, 0, 10000000, "halt-polling window (ns)")},
	      .bugs = {BUG_CHECK_BLOCK_IGNORES_REQUESTS, BUG_NO_MB_AFTER_IN_GUEST,
		       BUG_PLAIN_MODE_READ, -1}),
	KSCEN("mixed", "vCPUs and requesters with a mix of requests, payloads, interrupts, "
	      "TLB flushes and NO_WAKEUP requests", "vCPUs T/2 (max 4), requesters the "
	      "rest (max 3)", "request: kvm_make_request + kick until the handler runs",
	      mixed_setup, 3,
	      .params = {COMMON_PARAMS,
			 P("poll_ns", 0, 0, 10000000, "halt-polling window (ns)")},
	      .bugs = {BUG_NO_MB_AFTER_IN_GUEST, BUG_CHECK_BEFORE_IN_GUEST,
		       BUG_WAIT_IN_GUEST_PREDICATE, BUG_NO_WMB_BEFORE_REQUEST,
		       BUG_NO_MB_BEFORE_MODE_READ, BUG_PLAIN_MODE_READ, -1}),
};
#define NK (int)(sizeof(k_all) / sizeof(k_all[0]))

static const struct stress_scenario *const k_list[NK] = {
	&k_all[0], &k_all[1], &k_all[2], &k_all[3], &k_all[4], &k_all[5], &k_all[6],
};

const struct stress_scenario *const *stress_kvm_scenarios(int *n)
{
	*n = NK;
	return k_list;
}
