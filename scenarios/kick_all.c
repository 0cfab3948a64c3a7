/*
 * scenarios/kick_all.c: KVM_KICK_ALL_RUNNING_VCPUS /
 * KVM_RESUME_ALL_KICKED_VCPUS (issue "Request core II", spec section 8,
 * seeds/002_dadf1e9261d50e80.txt) around a memslot update.  One source for
 * both drivers (scenarios/scen.h): the simulator's scenario `kick_all` and
 * reqsim-stress's `kick_all` on real threads.
 *
 * Threads:
 *   vcpuN  userspace loop on KVM_RUN (kvm_vcpu_ioctl_run, core/kick_all.c).
 *          KVM_RUN only ever returns -EINTR (real threads: or 0 when the
 *          guest is shut down at the end or by the monitor's rescue).  After
 *          an -EINTR the thread re-enters KVM_RUN at once up to `retries`
 *          times in a row (the busy-wait the seed warns about), then waits
 *          for the VMM's resume on vmm_lock (QEMU's vCPU threads wait for
 *          the BQL the same way) before it re-enters.  Simulator: at most
 *          rounds * (retries + 1) + 1 calls.
 *   vmm    `rounds` times (real threads: until the run stops, after a
 *          random delay): take vmm_lock, kick all, update a memslot
 *          (DELETE + CREATE), resume all, drop vmm_lock.
 *   irq    interrupts (IRR + KVM_REQ_EVENT + kick) to the vCPUs in turn,
 *          `irqs` per vCPU (real threads: until the run stops), so that
 *          halted vCPUs wake up.
 * The guest script (ka_guest): the simulator's takes timer and HLT exits in
 * turn (`entries` slices), then runs until interrupted, like a real guest;
 * on real threads a random mix (HLT, timer, until an IPI).
 *
 * Oracles (all V_KICK_ALL unless said otherwise):
 *   1. when kick-all returns, no vCPU runs the guest, and no vCPU is still in
 *      the KVM_RUN it was in when the kick started (ghost in_run / session,
 *      set and cleared by the run_enter/run_exit hooks inside the read
 *      section);
 *   2. no vCPU enters the guest between kick-all's return and the start of
 *      resume (guest_entry hook), while the ghost memslot generation is odd
 *      (DELETE done, CREATE not yet);
 *   3. simulator, at quiescence (after the last resume every vCPU runs
 *      again): the VMM has finished (kick-all returned in every round); no
 *      vCPU waits on the rwsem or on vmm_lock; no vCPU runs the guest or
 *      sleeps with USERSPACE_KICK pending; none sleeps with an interrupt
 *      pending (V_LOST_WAKEUP) or runs the guest with one
 *      (V_MISSED_REQUEST); no vCPU thread has left its bounded loop.  A vCPU
 *      in the guest, or asleep in HLT with nothing pending, is claimed.
 *      Real threads, the same in real time: a kick-all call that has not
 *      returned after 100 watchdogs (at least 1 s: the kick legitimately
 *      waits for preempted vCPU threads) is stuck; the monitor then makes
 *      every guest shut down once (KVM_RUN returns 0, the read side is
 *      released) so the run goes on.
 * Latency series (real threads): the duration of KVM_KICK_ALL_RUNNING_VCPUS.
 *
 * Busy-wait measurement.  outcome() reports kvm_run_calls, eintr (-EINTR
 * returns), eintr_while_kicked (between the kick and the end of resume),
 * busy (immediate re-entries), max_streak (most -EINTR in a row by one
 * vCPU) and kick_ns (longest kick-all call, virtual ns).  With the proposal
 * a kicked vCPU that re-enters gets -EINTR again after down_read, test_bit
 * and up_read (3 decisions): it cannot run the guest, and it cannot make
 * progress either.  Measured with `reqsim run kick_all --run 0..399`
 * (vcpus=2 rounds=1 entries=2 irqs=1, sc, random), x86 | arm64, with the
 * writer-fair rwsem (issue 21):
 *
 *   retries  eintr mean/max          busy max  max_streak  kick_ns mean (max)
 *      0       2.00 / 2 | 2.00 / 2       0          1       56.5 (93) | 61.4 (99)
 *      1       3.91 / 4 | 3.92 / 4       2          2       60.4 (96) | 65.5 (99)
 *      2       5.50 / 6 | 5.48 / 6       4          3       63.3 (100) | 67.9 (99)
 *      4       7.63 / 10 | 7.34 / 10     8          5       66.9 (103) | 70.5 (102)
 *
 * So the number of -EINTR per kicked vCPU and round still reaches the
 * userspace bound (retries + 1) in most schedules: nothing on the kernel
 * side ends the busy-wait before the resume.  The busy trips also stretch
 * the kick, by about 2.5 ns of virtual time per allowed retry: their steps
 * interleave with the VMM's.  They no longer delay down_write itself: the
 * simulated rwsem queues a new reader behind a waiting writer, as the
 * kernel's does (before issue 21 it admitted new readers while a writer
 * waited, and the figures were eintr 8.68 and kick_ns 72.7 at retries=4
 * on x86: about 4 ns per retry).  Paolo's alternative (clear
 * the request right before up_write, no resume ioctl) stops the busy-wait
 * after one -EINTR, but then userspace alone must keep its vCPUs out of
 * KVM_RUN until the update is done; a vCPU that re-enters at once runs the
 * guest during the update, as under the bug variant below (not modelled as
 * a variant).
 * eintr_while_kicked < eintr happens: a vCPU tested the request before the
 * resume cleared it and returned after (a stale, harmless -EINTR).
 *
 * Invariants:
 *  1. vCPU i is thread i and runs on pCPU i; vmm (pCPU 16) and irq (17)
 *     follow.
 *  2. Ghost state is written by the threads, never read by the core
 *     (scen.h: plain C outside the memory model in the simulator, seq_cst
 *     atomics on real threads).  The real-thread fields come after the
 *     simulator's, which keeps its layout.
 *  3. Simulator: every loop is bounded by a parameter, so a run cannot
 *     livelock by design.  Real threads: only the vmm thread takes the
 *     write side; it holds vmm_lock from before the kick to after the
 *     resume.
 */
#include <stdio.h>
#include <string.h>

#include "kick_all.h"
#include "scen.h"

#define V KVM_MAX_VCPUS
#define KA_VCPUS_MAX 3

/* X(name, default, min, max, help, driver) */
#define KA_PARAMS(X)                                                                       \
	X("vcpus", 2, 1, KA_VCPUS_MAX, "vCPUs looping on KVM_RUN", SIM)                    \
	X("rounds", 1, 1, 3, "kick-all / memslot update / resume rounds", SIM)             \
	X("retries", 1, 0, 4, "immediate KVM_RUN re-entries after -EINTR before the vCPU " \
	  "thread waits for the resume", SIM)                                              \
	X("retries", 1, 0, 100, "immediate KVM_RUN re-entries after -EINTR before the "    \
	  "vCPU thread waits for the resume", NATIVE)                                      \
	X("delay_ns", 20000, 0, 100000000, "max random delay between kick-all rounds",     \
	  NATIVE)                                                                          \
	X("entries", 2, 0, 6, "guest slices (timer, HLT in turn) before the guest runs "   \
	  "until interrupted", SIM)                                                        \
	X("irqs", 1, 0, 2, "interrupts injected per vCPU", SIM)                            \
	X("poll_ns", 0, 0, 50, "halt-polling window", SIM)                                 \
	X("poll_ns", 0, 0, 10000000, "halt-polling window (ns)", NATIVE)

/* Real threads only (invariant 2). */
struct ka_rt {
	long delay_ns;
	int shutdown[KA_VCPUS_MAX];        /* the monitor's rescue: shut the guest down */
	struct task_struct *task[KA_VCPUS_MAX]; /* vCPU i's thread, woken at the stop */
	uint64_t rng[KA_VCPUS_MAX], vmm_rng, irq_rng;
	uint64_t kick_t0;                  /* 0: no kick-all call in progress */
	uint64_t round;                    /* rounds done (the monitor's key) */
	uint64_t rescued;                  /* the monitor's: round + 1 it rescued */
};

struct kastate {
	scen_t *scen;
	struct kvm *kvm;
	int nvcpus;
	long rounds, retries, entries, irqs;
	int slices[V];
	struct mutex vmm_lock;   /* userspace: held by the VMM from before the
				  * kick to after the resume */
	unsigned long irr[V];    /* interrupts: atomic bitops, as in the LAPIC */
	long memslot_npages;     /* the memslot the VMM deletes and re-creates */
	/* ghost state */
	int in_run[V], run_sess[V]; /* inside the read section / how many */
	int in_guest[V];
	int kicking;             /* kick-all called, resume not yet returned */
	int paused;              /* kick-all returned, resume not yet called */
	int memslot_gen;         /* odd while the update is half done */
	int vmm_done;
	int exit_r[V];           /* KVM_RUN returned something else than -EINTR */
	int calls[V];            /* KVM_RUN calls */
	int eintr[V];            /* -EINTR returns */
	int eintr_kicked[V];     /* ... of which while the kick was on */
	int busy[V];             /* immediate re-entries after -EINTR */
	int streak_max;          /* most -EINTR in a row by one vCPU */
	uint64_t kick_ns_max;    /* longest kick-all call (virtual ns) */
	struct ka_rt rt[];       /* real threads: one (see .state_size) */
};

/* The guest script of vCPU tid (the simulator's .guest hook). */
static scen_guest_t ka_guest(scen_t *scen, void *state, int tid)
{
	struct kastate *s = state;
	(void)scen;
	if (SCEN_SIM) {
		int slice = s->slices[tid]++;
		if (slice < s->entries) /* timer and HLT exits in turn */
			return (scen_guest_t){2 + (uint64_t)(slice % 3),
					      {slice % 2 ? GUEST_EXIT_HLT : GUEST_EXIT_TIMER, 0}};
		return (scen_guest_t){0, {GUEST_EXIT_INTR, 0}}; /* until interrupted */
	}
	if (scen_stopping(s->scen) || ghost_load(&s->rt[0].shutdown[tid])) {
		ghost_store(&s->rt[0].shutdown[tid], 0);
		return (scen_guest_t){0, {GUEST_EXIT_SHUTDOWN, 0}};
	}
	uint64_t *rng = &s->rt[0].rng[tid];
	unsigned r = (unsigned)(scen_rand(rng) % 100);
	if (r < 30)
		return (scen_guest_t){1, {GUEST_EXIT_HLT, 0}};
	if (r < 80)
		return (scen_guest_t){1 + scen_rand(rng) % 2000, {GUEST_EXIT_TIMER, 0}};
	return (scen_guest_t){0, {GUEST_EXIT_INTR, 0}}; /* until an IPI */
}

/* ---- hooks ------------------------------------------------------------------------ */

static bool ka_has_events(struct kvm_vcpu *vcpu)
{
	struct kastate *s = vcpu->kvm->ctx;
	int v = vcpu->vcpu_idx;
	if (READ_ONCE(s->irr[v]) != 0)
		return true;
	/* real threads: the end of the run, or the rescue, wakes a halted vCPU */
	return !SCEN_SIM && (scen_stopping(s->scen) || ghost_load(&s->rt[0].shutdown[v]));
}

static void ka_inject(struct kvm_vcpu *vcpu)
{
	struct kastate *s = vcpu->kvm->ctx;
	int v = vcpu->vcpu_idx;
	if (READ_ONCE(s->irr[v]))
		(void)test_and_clear_bit(0, &s->irr[v]); /* delivered */
}

static void ka_guest_entry(struct kvm_vcpu *vcpu)
{
	struct kastate *s = vcpu->kvm->ctx;
	int v = vcpu->vcpu_idx;
	if (ghost_load(&s->paused))
		scen_report(s->scen, V_KICK_ALL, NULL,
			    "vcpu%d entered the guest between KVM_KICK_ALL_RUNNING_VCPUS "
			    "and KVM_RESUME_ALL_KICKED_VCPUS, with the memslot update "
			    "half done (generation %d)", v, ghost_load(&s->memslot_gen));
	ghost_store(&s->in_guest[v], 1);
}

static void ka_guest_exit(struct kvm_vcpu *vcpu, struct guest_exit e)
{
	struct kastate *s = vcpu->kvm->ctx;
	(void)e;
	ghost_store(&s->in_guest[vcpu->vcpu_idx], 0);
}

/* Inside the read section of kvm->memory_transaction: the session first,
 * so that run_session() never pairs in_run with an older session. */
static void ka_run_enter(struct kvm_vcpu *vcpu)
{
	struct kastate *s = vcpu->kvm->ctx;
	ghost_inc(&s->run_sess[vcpu->vcpu_idx]);
	ghost_store(&s->in_run[vcpu->vcpu_idx], 1);
}

static void ka_run_exit(struct kvm_vcpu *vcpu, int r)
{
	struct kastate *s = vcpu->kvm->ctx;
	(void)r;
	ghost_store(&s->in_run[vcpu->vcpu_idx], 0);
}

static const struct kvm_hooks ka_hooks = {
	.has_events = ka_has_events,
	.inject_events = ka_inject,
	.guest_entry = ka_guest_entry,
	.guest_exit = ka_guest_exit,
	.run_enter = ka_run_enter,
	.run_exit = ka_run_exit,
};

/* The KVM_RUN session vCPU v is in, or -1 (read twice around the session
 * on real threads: in_run and run_sess of one session). */
static int run_session(struct kastate *s, int v)
{
	if (!ghost_load(&s->in_run[v]))
		return -1;
	int sess = ghost_load(&s->run_sess[v]);
	return SCEN_SIM || ghost_load(&s->in_run[v]) ? sess : -1;
}

/* ---- threads ---------------------------------------------------------------------- */

/* The VMM's vCPU thread: KVM_RUN, again after every -EINTR. */
static void ka_vcpu_main(void *arg)
{
	struct kvm_vcpu *vcpu = arg;
	struct kastate *s = vcpu->kvm->ctx;
	int v = vcpu->vcpu_idx;
	/* Simulator: each round's kick costs at most retries+1 -EINTR before
	 * this thread waits for the resume; the last call runs the guest for
	 * good. */
	long calls_max = s->rounds * (s->retries + 1) + 1;
	int streak = 0;
	scen_guest_attach(s->scen, ka_guest, s, v);
	for (long c = 0; scen_more(s->scen, c, calls_max); c++) {
		ghost_inc(&s->calls[v]);
		int r = kvm_vcpu_ioctl_run(vcpu);
		if (r == 0 && !SCEN_SIM)
			continue; /* the guest shut down (stop, or the monitor's rescue) */
		if (r != -EINTR) {
			ghost_store(&s->exit_r[v], r); /* the guest never shuts down: a bug */
			if (!SCEN_SIM) /* the simulator: check_end reports it */
				scen_report(s->scen, V_KICK_ALL, NULL, "vcpu%d: KVM_RUN returned %d",
					    v, r);
			return;
		}
		ghost_inc(&s->eintr[v]);
		if (ghost_load(&s->kicking))
			ghost_inc(&s->eintr_kicked[v]);
		ghost_max(&s->streak_max, ++streak);
		if (streak <= s->retries) {
			ghost_inc(&s->busy[v]); /* straight back into KVM_RUN */
			continue;
		}
		/* Stop busy-waiting: wait until the VMM has resumed. */
		mutex_lock(&s->vmm_lock);
		mutex_unlock(&s->vmm_lock);
		streak = 0;
	}
	/* simulator: fell out of the bound, check_end reports it */
}

static void ka_vmm_main(void *arg)
{
	struct kastate *s = arg;
	struct kvm *kvm = s->kvm;
	int sess0[V];
	for (long round = 0; scen_more(s->scen, round, s->rounds); round++) {
		scen_delay(s->scen, &s->rt[0].vmm_rng, s->rt[0].delay_ns);
		cpu_relax(); /* some time into the vCPUs' run */
		mutex_lock(&s->vmm_lock);
		for (int v = 0; v < s->nvcpus; v++)
			sess0[v] = run_session(s, v);
		ghost_store(&s->kicking, 1);
		uint64_t t0 = scen_clock_ns(s->scen);
		if (!SCEN_SIM)
			ghost_store(&s->rt[0].kick_t0, t0);
		kvm_vm_ioctl_kick_all_running_vcpus(kvm);
		uint64_t kick_ns = scen_clock_ns(s->scen) - t0;
		if (!SCEN_SIM)
			ghost_store(&s->rt[0].kick_t0, 0);
		ghost_max(&s->kick_ns_max, kick_ns);
		scen_latency(s->scen, kick_ns);
		scen_count_requests(s->scen, 1);
		for (int v = 0; v < s->nvcpus; v++) { /* oracle 1 (the site's function
						       * is part of signatures) */
			if (ghost_load(&s->in_guest[v]))
				scen_report(s->scen, V_KICK_ALL, NULL,
					    "KVM_KICK_ALL_RUNNING_VCPUS returned while vcpu%d "
					    "runs the guest", v);
			else if (run_session(s, v) == sess0[v] && sess0[v] >= 0)
				scen_report(s->scen, V_KICK_ALL, NULL,
					    "KVM_KICK_ALL_RUNNING_VCPUS returned while vcpu%d "
					    "is still in the KVM_RUN it was in when the kick "
					    "started", v);
		}
		ghost_store(&s->paused, 1);
		/* The memslot update every vCPU must see as atomic. */
		ghost_inc(&s->memslot_gen);
		WRITE_ONCE(s->memslot_npages, 0);          /* DELETE */
		cpu_relax(); /* the VMM fetches the dirty log in between */
		WRITE_ONCE(s->memslot_npages, 512 + round % 512); /* CREATE, grown */
		ghost_inc(&s->memslot_gen);
		ghost_store(&s->paused, 0);
		kvm_vm_ioctl_resume_all_kicked_vcpus(kvm);
		ghost_store(&s->kicking, 0);
		mutex_unlock(&s->vmm_lock);
		if (!SCEN_SIM)
			ghost_inc(&s->rt[0].round);
		scen_count_rounds(s->scen, 1);
	}
	ghost_store(&s->vmm_done, 1);
}

/* kvm_apic_set_irq: IRR, then KVM_REQ_EVENT and a kick, to the vCPUs in turn. */
static void ka_irq_main(void *arg)
{
	struct kastate *s = arg;
	for (long k = 0; scen_more(s->scen, k, s->irqs * s->nvcpus); k++) {
		int v = (int)(k % s->nvcpus);
		struct kvm_vcpu *vcpu = s->kvm->vcpus[v];
		set_bit(0, &s->irr[v]);
		kvm_make_request(KVM_REQ_EVENT, vcpu);
		kvm_vcpu_kick(vcpu);
		scen_delay(s->scen, &s->rt[0].irq_rng, 10 * s->rt[0].delay_ns + 1000);
	}
}

/* ---- setup ---------------------------------------------------------------------------- */

static void ka_setup(scen_t *scen, void *state)
{
	struct kastate *s = state;
	struct kvm *kvm = scen_alloc(scen, sizeof(*kvm));
	bool irq;
	s->scen = scen;
	s->kvm = kvm;
	s->retries = scen_param(scen, "retries");
	if (SCEN_SIM) {
		s->nvcpus = (int)scen_param(scen, "vcpus");
		s->rounds = scen_param(scen, "rounds");
		s->entries = scen_param(scen, "entries");
		s->irqs = scen_param(scen, "irqs");
		irq = s->irqs != 0;
	} else { /* --threads: 1 vmm, an irq injector from 3, vCPUs the rest */
		int T = scen_threads(scen);
		irq = T >= 3;
		s->nvcpus = T - 1 - irq < 1 ? 1 : T - 1 - irq > KA_VCPUS_MAX ? KA_VCPUS_MAX
										 : T - 1 - irq;
		s->rt[0].delay_ns = scen_param(scen, "delay_ns");
		for (int i = 0; i < KA_VCPUS_MAX; i++)
			s->rt[0].rng[i] = scen_rng_seed(scen, (unsigned)i);
		s->rt[0].vmm_rng = scen_rng_seed(scen, 16);
		s->rt[0].irq_rng = scen_rng_seed(scen, 17);
		scen_roles(scen, "vcpus:%d,vmm:1,irq:%d", s->nvcpus, irq);
	}
	s->memslot_npages = 512;
	mutex_init(&s->vmm_lock);
	kvm->arch = scen_arch(scen);
	kvm->hooks = &ka_hooks;
	kvm->ctx = s;
	kvm->max_halt_poll_ns = (uint64_t)scen_param(scen, "poll_ns");
	kvm_kick_all_init(kvm);
	scen_name(scen, &s->memslot_npages, "memslot.npages");
	for (int i = 0; i < s->nvcpus; i++) {
		char name[32];
		scen_vcpu_create(scen, kvm, i);
		snprintf(name, sizeof(name), "irr%d", i);
		scen_name(scen, &s->irr[i], name);
	}
	for (int i = 0; i < s->nvcpus; i++) {
		char name[16];
		snprintf(name, sizeof(name), "vcpu%d", i);
		struct task_struct *task = scen_spawn(scen, name, i, ka_vcpu_main, kvm->vcpus[i]);
		if (!SCEN_SIM)
			s->rt[0].task[i] = task;
	}
	scen_spawn(scen, "vmm", 16, ka_vmm_main, s);
	if (irq)
		scen_spawn(scen, "irq", 17, ka_irq_main, s);
}

/* ---- real threads: the monitor and the stop ----------------------------------------------- */

/* Make every guest shut down once (KVM_RUN returns 0, the read side is
 * released), so that a stuck kick-all returns and the run goes on. */
static void ka_rescue(struct kastate *s)
{
	for (int v = 0; v < s->nvcpus; v++) {
		ghost_store(&s->rt[0].shutdown[v], 1);
		kvm_vcpu_kick(s->kvm->vcpus[v]);
	}
}

/* Oracle 3 in real time: a kick-all call that does not return. */
static SCEN_HOOK void ka_monitor(scen_t *scen, void *state, uint64_t now)
{
	struct kastate *s = state;
	struct ka_rt *rt = &s->rt[0];
	uint64_t limit = 100 * scen_watchdog_ns(scen);
	if (limit < 1000000000ULL)
		limit = 1000000000ULL;
	uint64_t round = ghost_load(&rt->round);
	uint64_t t0 = ghost_load(&rt->kick_t0);
	if (!t0 || rt->rescued == round + 1)
		return;
	if (round != ghost_load(&rt->round) || !ghost_load(&rt->kick_t0) || now < t0 + limit)
		return;
	rt->rescued = round + 1;
	scen_report(scen, V_KICK_ALL, NULL,
		    "KVM_KICK_ALL_RUNNING_VCPUS has not returned for %.0f ms: a vCPU "
		    "stays in KVM_RUN", (double)(now - t0) / 1e6);
	ka_rescue(s);
}

static SCEN_HOOK void ka_stop(scen_t *scen, void *state)
{
	struct kastate *s = state;
	(void)scen;
	for (int v = 0; v < s->nvcpus; v++) {
		kvm_vcpu_kick(s->kvm->vcpus[v]);
		wake_up_process(s->rt[0].task[v]);
	}
}

/* ---- the simulator: end-of-run oracles, outcome, fuzz feedback ----------------------------- */

#if SCEN_SIM
static const char *wait_name(int w)
{
	switch (w) {
	case SIM_WAIT_GUEST: return "in the guest";
	case SIM_WAIT_SLEEP: return "asleep";
	case SIM_WAIT_LOCK: return "waiting on a lock";
	case SIM_WAIT_IPI: return "waiting for an IPI";
	default: return "stopped";
	}
}

static void ka_check_end(struct sim *sim, void *state)
{
	struct kastate *s = state;
	int vmm = s->nvcpus; /* thread id */
	const unsigned long kick = BIT(KVM_REQ_USERSPACE_KICK & KVM_REQUEST_MASK);
	if (!s->vmm_done) {
		int holder = -1;
		for (int v = 0; v < s->nvcpus; v++)
			if (s->in_run[v])
				holder = v;
		if (holder >= 0)
			sim_report(sim, V_KICK_ALL, sim_thread_site(sim, vmm),
				   "KVM_KICK_ALL_RUNNING_VCPUS never returned: vcpu%d stays "
				   "in KVM_RUN (holds memory_transaction for read, %s, "
				   "requests=%#lx)", holder, wait_name(sim_thread_wait(sim, holder)),
				   (unsigned long)sim_peek(&s->kvm->vcpus[holder]->requests,
							   sizeof(long)));
		else
			sim_report(sim, V_KICK_ALL, sim_thread_site(sim, vmm),
				   "the VMM never finished its kick-all rounds (no vCPU is "
				   "in KVM_RUN)");
		return;
	}
	for (int v = 0; v < s->nvcpus; v++) {
		unsigned long req = sim_peek(&s->kvm->vcpus[v]->requests, sizeof(long));
		unsigned long irr = sim_peek(&s->irr[v], sizeof(long));
		if (sim_thread_done(sim, v)) {
			sim_report(sim, V_KICK_ALL, NULL,
				   "vcpu%d's userspace left its KVM_RUN loop after %d calls "
				   "(%d -EINTR, last return %d): no progress", v, s->calls[v],
				   s->eintr[v], s->exit_r[v]);
			return;
		}
		switch (sim_thread_wait(sim, v)) {
		case SIM_WAIT_GUEST:
			if (req & kick) {
				sim_report(sim, V_KICK_ALL, sim_thread_site(sim, v),
					   "vcpu%d runs the guest with KVM_REQ_USERSPACE_KICK "
					   "pending (requests=%#lx) and nothing will make it exit",
					   v, req);
				return;
			}
			if (irr) {
				sim_report(sim, V_MISSED_REQUEST, sim_thread_site(sim, v),
					   "vcpu%d runs the guest with an interrupt pending and "
					   "nothing will make it exit", v);
				return;
			}
			sim_claim_stuck(sim, v); /* the guest runs on: resumed */
			break;
		case SIM_WAIT_SLEEP:
			if (req & kick) {
				sim_report(sim, V_KICK_ALL, sim_thread_site(sim, v),
					   "vcpu%d sleeps in KVM_RUN with KVM_REQ_USERSPACE_KICK "
					   "pending (requests=%#lx)", v, req);
				return;
			}
			if (irr) {
				sim_report(sim, V_LOST_WAKEUP, sim_thread_site(sim, v),
					   "vcpu%d sleeps in KVM_RUN with an interrupt pending",
					   v);
				return;
			}
			sim_claim_stuck(sim, v); /* the guest halted, nothing will come */
			break;
		case SIM_WAIT_LOCK:
			sim_report(sim, V_KICK_ALL, sim_thread_site(sim, v),
				   "vcpu%d never runs again after the resume: it waits on a "
				   "lock forever (in_run=%d)", v, s->in_run[v]);
			return;
		default:
			sim_report(sim, V_KICK_ALL, sim_thread_site(sim, v),
				   "vcpu%d is stuck (%s, requests=%#lx)", v,
				   wait_name(sim_thread_wait(sim, v)), req);
			return;
		}
	}
}

static int ka_vcpu_view(struct sim *sim, void *state, struct scen_vcpu_view *out, int max)
{
	(void)sim;
	return kvm_scen_vcpu_view(((struct kastate *)state)->kvm, out, max);
}

static void ka_outcome(struct sim *sim, void *state, char *buf, size_t len)
{
	struct kastate *s = state;
	int eintr = 0, kicked = 0, busy = 0, calls = 0;
	(void)sim;
	for (int v = 0; v < s->nvcpus; v++) {
		eintr += s->eintr[v];
		kicked += s->eintr_kicked[v];
		busy += s->busy[v];
		calls += s->calls[v];
	}
	snprintf(buf, len, "kvm_run_calls=%d eintr=%d eintr_while_kicked=%d busy=%d "
		 "max_streak=%d kick_ns=%llu", calls, eintr, kicked, busy, s->streak_max,
		 (unsigned long long)s->kick_ns_max);
}
#endif

/* ---- the registration and the verdicts ---------------------------------------------------- */

SCEN_FAMILY(kick_all,
	.name = "kick_all",
	.summary = "KVM_KICK_ALL_RUNNING_VCPUS + memslot update + "
		   "KVM_RESUME_ALL_KICKED_VCPUS against vCPUs looping on KVM_RUN",
	.params = {KA_PARAMS(SCEN_PARAM)},
	.nparams = 0 KA_PARAMS(SCEN_PARAM_COUNT),
	.archs = SCEN_ARCHS_ALL, /* x86 and arm64 run loops */
	.state_size = sizeof(struct kastate) + (SCEN_SIM ? 0 : sizeof(struct ka_rt)),
	.setup = ka_setup,
	SCEN_ON_SIM(.bugs = {BUG_KICK_ALL_CLEAR_EARLY, -1},
		    .check_end = ka_check_end,
		    .guest = ka_guest,
		    .outcome = ka_outcome,
		    .vcpu_view = ka_vcpu_view,)
	/* real threads: also the data race TSan sees (no simulator oracle) */
	SCEN_ON_NATIVE(.bugs = {BUG_KICK_ALL_CLEAR_EARLY, BUG_PLAIN_MODE_READ, -1},
		       .roles = "1 vmm, an irq injector from 3 threads, vCPUs the rest (max 3)",
		       .latency = "kick_all: KVM_KICK_ALL_RUNNING_VCPUS call",
		       .monitor = ka_monitor,
		       .stop = ka_stop,))

#if SCEN_SIM
/* Expected verdicts, per model SC/TSO/PSO/WMM; both archs unless arch >= 0. */
#define S SOMETIMES
#define N NEVER
static const struct verdict_row ka_verdicts[] = {
	{"kick_all", -1, "", -1, {N, N, N, N}},
	{"kick_all", -1, "vcpus=3 rounds=2 retries=0 irqs=2", -1, {N, N, N, N}},
	{"kick_all", -1, "vcpus=1 rounds=3 retries=4 entries=4 poll_ns=10", -1, {N, N, N, N}},
	/* The bug needs no reordering: a vCPU that reads the request after
	 * the early clear runs on (kick-all waits forever for it, or it is
	 * halted and goes back to sleep), or re-enters KVM_RUN after up_write
	 * and runs the guest during the memslot update; every model shows it. */
	{"kick_all", BUG_KICK_ALL_CLEAR_EARLY, "", -1, {S, S, S, S}},
	{"kick_all", BUG_KICK_ALL_CLEAR_EARLY, "retries=0", -1, {S, S, S, S}},
	{"kick_all", BUG_KICK_ALL_CLEAR_EARLY, "vcpus=1 entries=0 irqs=0 retries=0", -1,
	 {S, S, S, S}},
};
#undef S
#undef N

const struct verdict_row *kick_all_verdict_table(int *n)
{
	*n = (int)(sizeof(ka_verdicts) / sizeof(ka_verdicts[0]));
	return ka_verdicts;
}
#endif
