/*
 * scenarios/kick_all_scenario.c: KVM_KICK_ALL_RUNNING_VCPUS /
 * KVM_RESUME_ALL_KICKED_VCPUS (issue "Request core II", spec section 8,
 * seeds/002_dadf1e9261d50e80.txt) around a memslot update.
 *
 * Threads:
 *   vcpuN  userspace loop on KVM_RUN (kvm_vcpu_ioctl_run, core/kick_all.c).
 *          The guest takes timer and HLT exits in turn (`entries` slices),
 *          then runs until interrupted, like a real guest: KVM_RUN only ever
 *          returns -EINTR.  After an -EINTR the thread re-enters KVM_RUN at
 *          once up to `retries` times in a row (the busy-wait the seed warns
 *          about), then waits for the VMM's resume on vmm_lock (QEMU's vCPU
 *          threads wait for the BQL the same way) before it re-enters.  The
 *          loop makes at most rounds * (retries + 1) + 1 calls.
 *   vmm    `rounds` times: take vmm_lock, kick all, update a memslot
 *          (DELETE + CREATE), resume all, drop vmm_lock.
 *   irq    `irqs` interrupts per vCPU (IRR + KVM_REQ_EVENT + kick), so that
 *          halted vCPUs wake up.
 *
 * Oracles (all V_KICK_ALL unless said otherwise):
 *   1. when kick-all returns, no vCPU runs the guest, and no vCPU is still in
 *      the KVM_RUN it was in when the kick started (ghost in_run / session,
 *      set and cleared by the run_enter/run_exit hooks inside the read
 *      section);
 *   2. no vCPU enters the guest between kick-all's return and the start of
 *      resume (guest_entry hook), while the ghost memslot generation is odd
 *      (DELETE done, CREATE not yet);
 *   3. at quiescence (after the last resume every vCPU runs again): the VMM
 *      has finished (kick-all returned in every round); no vCPU waits on the
 *      rwsem or on vmm_lock; no vCPU runs the guest or sleeps with
 *      USERSPACE_KICK pending; none sleeps with an interrupt pending
 *      (V_LOST_WAKEUP) or runs the guest with one (V_MISSED_REQUEST); no
 *      vCPU thread has left its bounded loop.  A vCPU in the guest, or
 *      asleep in HLT with nothing pending, is claimed.
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
 *  1. vCPU i is thread i and runs on pCPU i; vmm and irq follow.
 *  2. Ghost state is plain C written by the threads, outside the memory
 *     model, never read by the core.
 *  3. Every loop is bounded by a parameter: a run cannot livelock by design.
 */
#include <stdio.h>
#include <string.h>

#include "kick_all.h"
#include "scenarios.h"

#define V KVM_MAX_VCPUS

enum { P_VCPUS, P_ROUNDS, P_RETRIES, P_ENTRIES, P_IRQS, P_POLL };

struct kastate {
	struct sim *sim;
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
};

static struct guest_step ka_guest(struct sim *sim, void *state, int tid)
{
	struct kastate *s = state;
	(void)sim;
	int slice = s->slices[tid]++;
	if (slice < s->entries) /* timer and HLT exits in turn */
		return (struct guest_step){2 + (uint64_t)(slice % 3),
					   {slice % 2 ? GUEST_EXIT_HLT : GUEST_EXIT_TIMER, 0}};
	return (struct guest_step){0, {GUEST_EXIT_INTR, 0}}; /* until interrupted */
}

/* ---- hooks ------------------------------------------------------------------------ */

static bool ka_has_events(struct kvm_vcpu *vcpu)
{
	struct kastate *s = vcpu->kvm->ctx;
	return READ_ONCE(s->irr[vcpu->vcpu_idx]) != 0;
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
	if (s->paused)
		sim_report(s->sim, V_KICK_ALL, NULL,
			   "vcpu%d entered the guest between KVM_KICK_ALL_RUNNING_VCPUS "
			   "and KVM_RESUME_ALL_KICKED_VCPUS, with the memslot update "
			   "half done (generation %d)", v, s->memslot_gen);
	s->in_guest[v] = 1;
}

static void ka_guest_exit(struct kvm_vcpu *vcpu, struct guest_exit e)
{
	struct kastate *s = vcpu->kvm->ctx;
	(void)e;
	s->in_guest[vcpu->vcpu_idx] = 0;
}

/* Inside the read section of kvm->memory_transaction. */
static void ka_run_enter(struct kvm_vcpu *vcpu)
{
	struct kastate *s = vcpu->kvm->ctx;
	s->in_run[vcpu->vcpu_idx] = 1;
	s->run_sess[vcpu->vcpu_idx]++;
}

static void ka_run_exit(struct kvm_vcpu *vcpu, int r)
{
	struct kastate *s = vcpu->kvm->ctx;
	(void)r;
	s->in_run[vcpu->vcpu_idx] = 0;
}

static const struct kvm_hooks ka_hooks = {
	.has_events = ka_has_events,
	.inject_events = ka_inject,
	.guest_entry = ka_guest_entry,
	.guest_exit = ka_guest_exit,
	.run_enter = ka_run_enter,
	.run_exit = ka_run_exit,
};

/* ---- threads ---------------------------------------------------------------------- */

/* The VMM's vCPU thread: KVM_RUN, again after every -EINTR, bounded. */
static void ka_vcpu_main(void *arg)
{
	struct kvm_vcpu *vcpu = arg;
	struct kastate *s = vcpu->kvm->ctx;
	int v = vcpu->vcpu_idx;
	/* Each round's kick costs at most retries+1 -EINTR before this thread
	 * waits for the resume; the last call runs the guest for good. */
	long calls_max = s->rounds * (s->retries + 1) + 1;
	int streak = 0;
	for (long c = 0; c < calls_max; c++) {
		s->calls[v]++;
		int r = kvm_vcpu_ioctl_run(vcpu);
		if (r != -EINTR) {
			s->exit_r[v] = r; /* the guest never shuts down: a bug */
			return;
		}
		s->eintr[v]++;
		if (s->kicking)
			s->eintr_kicked[v]++;
		if (++streak > s->streak_max)
			s->streak_max = streak;
		if (streak <= s->retries) {
			s->busy[v]++; /* straight back into KVM_RUN */
			continue;
		}
		/* Stop busy-waiting: wait until the VMM has resumed. */
		mutex_lock(&s->vmm_lock);
		mutex_unlock(&s->vmm_lock);
		streak = 0;
	}
	/* fell out of the bound: check_end reports it */
}

static void ka_vmm_main(void *arg)
{
	struct kastate *s = arg;
	struct kvm *kvm = s->kvm;
	int sess0[V];
	for (long round = 0; round < s->rounds; round++) {
		cpu_relax(); /* some time into the vCPUs' run */
		mutex_lock(&s->vmm_lock);
		for (int v = 0; v < s->nvcpus; v++)
			sess0[v] = s->in_run[v] ? s->run_sess[v] : -1;
		s->kicking = 1;
		uint64_t t0 = sim_now(s->sim);
		kvm_vm_ioctl_kick_all_running_vcpus(kvm);
		if (sim_now(s->sim) - t0 > s->kick_ns_max)
			s->kick_ns_max = sim_now(s->sim) - t0;
		for (int v = 0; v < s->nvcpus; v++) {
			if (s->in_guest[v])
				sim_report(s->sim, V_KICK_ALL, NULL,
					   "KVM_KICK_ALL_RUNNING_VCPUS returned while vcpu%d "
					   "runs the guest", v);
			else if (s->in_run[v] && s->run_sess[v] == sess0[v])
				sim_report(s->sim, V_KICK_ALL, NULL,
					   "KVM_KICK_ALL_RUNNING_VCPUS returned while vcpu%d "
					   "is still in the KVM_RUN it was in when the kick "
					   "started", v);
		}
		s->paused = 1;
		/* The memslot update every vCPU must see as atomic. */
		s->memslot_gen++;
		WRITE_ONCE(s->memslot_npages, 0);          /* DELETE */
		cpu_relax(); /* the VMM fetches the dirty log in between */
		WRITE_ONCE(s->memslot_npages, 512 + round); /* CREATE, grown */
		s->memslot_gen++;
		s->paused = 0;
		kvm_vm_ioctl_resume_all_kicked_vcpus(kvm);
		s->kicking = 0;
		mutex_unlock(&s->vmm_lock);
	}
	s->vmm_done = 1;
}

/* kvm_apic_set_irq: IRR, then KVM_REQ_EVENT and a kick. */
static void ka_irq_main(void *arg)
{
	struct kastate *s = arg;
	for (long k = 0; k < s->irqs; k++) {
		for (int v = 0; v < s->nvcpus; v++) {
			struct kvm_vcpu *vcpu = s->kvm->vcpus[v];
			set_bit(0, &s->irr[v]);
			kvm_make_request(KVM_REQ_EVENT, vcpu);
			kvm_vcpu_kick(vcpu);
		}
	}
}

/* ---- setup and end-of-run oracles ------------------------------------------------ */

static void ka_setup(struct sim *sim, void *state)
{
	struct kastate *s = state;
	struct kvm *kvm = sim_alloc(sim, sizeof(*kvm));
	int n = (int)sim_param(sim, P_VCPUS);
	s->sim = sim;
	s->kvm = kvm;
	s->nvcpus = n;
	s->rounds = sim_param(sim, P_ROUNDS);
	s->retries = sim_param(sim, P_RETRIES);
	s->entries = sim_param(sim, P_ENTRIES);
	s->irqs = sim_param(sim, P_IRQS);
	s->memslot_npages = 512;
	mutex_init(&s->vmm_lock);
	kvm->arch = sim_arch(sim) == ARCH_ARM64 ? KVM_ARCH_ARM64 : KVM_ARCH_X86;
	kvm->hooks = &ka_hooks;
	kvm->ctx = s;
	kvm->max_halt_poll_ns = (uint64_t)sim_param(sim, P_POLL);
	kvm_kick_all_init(kvm);
	sim_name(sim, &s->memslot_npages, "memslot.npages");
	for (int i = 0; i < n; i++) {
		char name[32];
		kvm_scen_vcpu_create(sim, kvm, i);
		snprintf(name, sizeof(name), "irr%d", i);
		sim_name(sim, &s->irr[i], name);
	}
	for (int i = 0; i < n; i++) {
		char name[16];
		snprintf(name, sizeof(name), "vcpu%d", i);
		sim_spawn(sim, name, i, ka_vcpu_main, kvm->vcpus[i]);
	}
	sim_spawn(sim, "vmm", 16, ka_vmm_main, s);
	if (s->irqs)
		sim_spawn(sim, "irq", 17, ka_irq_main, s);
}

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

/* ---- the table -------------------------------------------------------------------- */

#define P(nm, d, lo, hi, h) {nm, d, lo, hi, h}

static const struct scenario ka_all[] = {
	{
		.name = "kick_all",
		.summary = "KVM_KICK_ALL_RUNNING_VCPUS + memslot update + "
			   "KVM_RESUME_ALL_KICKED_VCPUS against vCPUs looping on KVM_RUN",
		.params = {P("vcpus", 2, 1, 3, "vCPUs looping on KVM_RUN"),
			   P("rounds", 1, 1, 3, "kick-all / memslot update / resume rounds"),
			   P("retries", 1, 0, 4, "immediate KVM_RUN re-entries after -EINTR "
			     "before the vCPU thread waits for the resume"),
			   P("entries", 2, 0, 6, "guest slices (timer, HLT in turn) before "
			     "the guest runs until interrupted"),
			   P("irqs", 1, 0, 2, "interrupts injected per vCPU"),
			   P("poll_ns", 0, 0, 50, "halt-polling window")},
		.nparams = 6,
		.bugs = {BUG_KICK_ALL_CLEAR_EARLY, -1},
		.archs = SCEN_ARCHS_ALL, /* x86 and arm64 run loops */
		.state_size = sizeof(struct kastate),
		.setup = ka_setup,
		.check_end = ka_check_end,
		.guest = ka_guest,
		.outcome = ka_outcome,
		.vcpu_view = ka_vcpu_view,
	},
};

static const struct scenario *const ka_list[] = {&ka_all[0]};

const struct scenario *const *kick_all_scenarios(int *n)
{
	*n = (int)(sizeof(ka_list) / sizeof(ka_list[0]));
	return ka_list;
}

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
