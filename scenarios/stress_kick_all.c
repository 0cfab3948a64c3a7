/*
 * scenarios/stress_kick_all.c: KVM_KICK_ALL_RUNNING_VCPUS / memslot update /
 * KVM_RESUME_ALL_KICKED_VCPUS (kick_all_scenario.c) on real threads.
 *
 * Threads:
 *   vcpuN  userspace loop on KVM_RUN (kvm_vcpu_ioctl_run): after -EINTR it
 *          re-enters at once up to `retries` times, then waits for the
 *          VMM's resume on vmm_lock.  The guest takes timer and HLT exits
 *          and runs until an IPI now and then.
 *   vmm    loops: take vmm_lock, kick all, update a memslot (DELETE +
 *          CREATE), resume all, drop vmm_lock, a random delay.
 *   irq    (from 3 threads) injects interrupts (IRR + KVM_REQ_EVENT + kick)
 *          so that halted vCPUs wake up.
 *
 * Oracles (kick-all-broken unless said):
 *   1. when kick-all returns, no vCPU runs the guest and none is still in
 *      the KVM_RUN it was in when the kick started (ghost in_run/run_sess
 *      from the run_enter/run_exit hooks);
 *   2. no vCPU enters the guest between kick-all's return and the resume
 *      (guest_entry hook while the ghost `paused` is set);
 *   3. a kick-all call that has not returned after a long watchdog (100
 *      watchdogs, at least 1 s: the kick legitimately waits for preempted
 *      vCPU threads) is stuck; the monitor then makes every guest shut down
 *      once (KVM_RUN returns 0, the read side is released) so the run goes
 *      on.
 * Latency series: the duration of KVM_KICK_ALL_RUNNING_VCPUS.
 *
 * Invariants:
 *  1. vCPU i runs on pCPU i; the vmm on 16, irq on 17.
 *  2. Only the vmm thread takes the write side; it holds vmm_lock from
 *     before the kick to after the resume.
 */
#include <string.h>

#include "kick_all.h"
#include "stress.h"

#define KV 3

enum { P_RETRIES, P_DELAY, P_POLL };

struct kav {
	struct kastate *s;
	struct kvm_vcpu *vcpu;
	int tid;
	unsigned long irr;
	uint64_t in_run, run_sess, in_guest, shutdown; /* ghost */
	uint64_t rng;
};

struct kastate {
	struct stress *st;
	struct kvm *kvm;
	int nvcpus;
	long retries;
	uint64_t delay_ns;
	struct mutex vmm_lock;
	long memslot_npages;
	uint64_t kicking, paused, kick_t0, round; /* ghost */
	uint64_t rescued;                         /* the monitor's */
	struct kav v[KV];
	uint64_t vmm_rng, irq_rng;
};

static struct kav *kav_of(struct kvm_vcpu *vcpu)
{
	struct kastate *s = vcpu->kvm->ctx;
	return &s->v[vcpu->vcpu_idx];
}

static struct native_guest_step ka_guest(void *arg)
{
	struct kav *kv = arg;
	if (stress_stopping(kv->s->st) || g_load(&kv->shutdown)) {
		g_store(&kv->shutdown, 0);
		return (struct native_guest_step){0, {GUEST_EXIT_SHUTDOWN, 0}};
	}
	unsigned r = (unsigned)(stress_rand(&kv->rng) % 100);
	if (r < 30)
		return (struct native_guest_step){1, {GUEST_EXIT_HLT, 0}};
	if (r < 80)
		return (struct native_guest_step){1 + stress_rand(&kv->rng) % 2000,
						  {GUEST_EXIT_TIMER, 0}};
	return (struct native_guest_step){0, {GUEST_EXIT_INTR, 0}};
}

/* ---- hooks --------------------------------------------------------------------------- */

static bool ka_has_events(struct kvm_vcpu *vcpu)
{
	struct kav *kv = kav_of(vcpu);
	return READ_ONCE(kv->irr) != 0 || stress_stopping(kv->s->st) || g_load(&kv->shutdown);
}

static void ka_inject(struct kvm_vcpu *vcpu)
{
	struct kav *kv = kav_of(vcpu);
	if (READ_ONCE(kv->irr))
		(void)test_and_clear_bit(0, &kv->irr); /* delivered */
}

static void ka_guest_entry(struct kvm_vcpu *vcpu)
{
	struct kav *kv = kav_of(vcpu);
	if (g_load(&kv->s->paused))
		stress_violation(kv->s->st, V_KICK_ALL,
				 "vcpu%d entered the guest between KVM_KICK_ALL_RUNNING_VCPUS "
				 "and KVM_RESUME_ALL_KICKED_VCPUS, with the memslot update half "
				 "done", vcpu->vcpu_idx);
	g_store(&kv->in_guest, 1);
}

static void ka_guest_exit(struct kvm_vcpu *vcpu, struct guest_exit e)
{
	(void)e;
	g_store(&kav_of(vcpu)->in_guest, 0);
}

static void ka_run_enter(struct kvm_vcpu *vcpu)
{
	struct kav *kv = kav_of(vcpu);
	g_inc(&kv->run_sess);
	g_store(&kv->in_run, 1);
}

static void ka_run_exit(struct kvm_vcpu *vcpu, int r)
{
	(void)r;
	g_store(&kav_of(vcpu)->in_run, 0);
}

static const struct kvm_hooks ka_hooks = {
	.has_events = ka_has_events,
	.inject_events = ka_inject,
	.guest_entry = ka_guest_entry,
	.guest_exit = ka_guest_exit,
	.run_enter = ka_run_enter,
	.run_exit = ka_run_exit,
};

/* ---- threads -------------------------------------------------------------------------- */

static void ka_vcpu_main(void *arg)
{
	struct kav *kv = arg;
	struct kastate *s = kv->s;
	long streak = 0;
	native_set_guest(ka_guest, kv);
	while (!stress_stopping(s->st)) {
		int r = kvm_vcpu_ioctl_run(kv->vcpu);
		if (r == 0)
			continue; /* the guest shut down (stop, or the monitor's rescue) */
		if (r != -EINTR) {
			stress_violation(s->st, V_KICK_ALL, "vcpu%d: KVM_RUN returned %d",
					 kv->vcpu->vcpu_idx, r);
			return;
		}
		if (++streak <= s->retries)
			continue; /* straight back into KVM_RUN (busy-wait) */
		mutex_lock(&s->vmm_lock); /* wait until the VMM has resumed */
		mutex_unlock(&s->vmm_lock);
		streak = 0;
	}
}

static void ka_vmm_main(void *arg)
{
	struct kastate *s = arg;
	uint64_t sess0[KV];
	while (!stress_stopping(s->st)) {
		stress_delay(&s->vmm_rng, s->delay_ns);
		mutex_lock(&s->vmm_lock);
		for (int v = 0; v < s->nvcpus; v++) {
			uint64_t a = g_load(&s->v[v].run_sess), in = g_load(&s->v[v].in_run);
			sess0[v] = in && g_load(&s->v[v].run_sess) == a ? a : 0;
		}
		uint64_t t0 = plat_now_ns();
		g_store(&s->kick_t0, t0);
		g_store(&s->kicking, 1);
		kvm_vm_ioctl_kick_all_running_vcpus(s->kvm);
		g_store(&s->kicking, 0);
		stress_latency(s->st, plat_now_ns() - t0);
		stress_add_requests(s->st, 1);
		for (int v = 0; v < s->nvcpus; v++) {
			if (g_load(&s->v[v].in_guest))
				stress_violation(s->st, V_KICK_ALL,
						 "KVM_KICK_ALL_RUNNING_VCPUS returned while vcpu%d "
						 "runs the guest", v);
			else if (sess0[v] && g_load(&s->v[v].in_run) &&
				 g_load(&s->v[v].run_sess) == sess0[v])
				stress_violation(s->st, V_KICK_ALL,
						 "KVM_KICK_ALL_RUNNING_VCPUS returned while vcpu%d "
						 "is still in the KVM_RUN it was in when the kick "
						 "started", v);
		}
		g_store(&s->paused, 1);
		WRITE_ONCE(s->memslot_npages, 0); /* DELETE */
		cpu_relax();                      /* the VMM fetches the dirty log */
		WRITE_ONCE(s->memslot_npages, 512 + (long)(g_load(&s->round) % 512)); /* CREATE */
		g_store(&s->paused, 0);
		kvm_vm_ioctl_resume_all_kicked_vcpus(s->kvm);
		mutex_unlock(&s->vmm_lock);
		g_inc(&s->round);
		stress_add_rounds(s->st, 1);
	}
}

static void ka_irq_main(void *arg)
{
	struct kastate *s = arg;
	for (uint64_t k = 0; !stress_stopping(s->st); k++) {
		struct kav *kv = &s->v[k % (uint64_t)s->nvcpus];
		set_bit(0, &kv->irr);
		kvm_make_request(KVM_REQ_EVENT, kv->vcpu);
		kvm_vcpu_kick(kv->vcpu);
		stress_delay(&s->irq_rng, 10 * s->delay_ns + 1000);
	}
}

/* ---- monitor, stop, setup ---------------------------------------------------------------- */

static void ka_rescue(struct kastate *s)
{
	for (int v = 0; v < s->nvcpus; v++) {
		g_store(&s->v[v].shutdown, 1);
		kvm_vcpu_kick(s->v[v].vcpu);
	}
}

static void ka_monitor(struct stress *st, void *state, uint64_t now)
{
	struct kastate *s = state;
	uint64_t limit = 100 * stress_watchdog_ns(st);
	if (limit < 1000000000ULL)
		limit = 1000000000ULL;
	uint64_t round = g_load(&s->round);
	if (!g_load(&s->kicking) || s->rescued == round + 1)
		return;
	uint64_t t0 = g_load(&s->kick_t0);
	if (round != g_load(&s->round) || !g_load(&s->kicking) || now < t0 + limit)
		return;
	s->rescued = round + 1;
	stress_violation(st, V_KICK_ALL,
			 "KVM_KICK_ALL_RUNNING_VCPUS has not returned for %.0f ms: a vCPU "
			 "stays in KVM_RUN", (double)(now - t0) / 1e6);
	ka_rescue(s);
}

static void ka_stop(struct stress *st, void *state)
{
	struct kastate *s = state;
	(void)st;
	for (int v = 0; v < s->nvcpus; v++) {
		kvm_vcpu_kick(s->v[v].vcpu);
		wake_up_process(native_thread_task(s->v[v].tid));
	}
}

static void *ka_setup(struct stress *st)
{
	struct kastate *s = kzalloc(sizeof(*s));
	int T = stress_threads(st);
	bool irq = T >= 3;
	s->st = st;
	s->retries = stress_param(st, P_RETRIES);
	s->delay_ns = (uint64_t)stress_param(st, P_DELAY);
	s->nvcpus = T - 1 - irq < 1 ? 1 : T - 1 - irq > KV ? KV : T - 1 - irq;
	s->memslot_npages = 512;
	s->vmm_rng = stress_rng_seed(st, 16);
	s->irq_rng = stress_rng_seed(st, 17);
	mutex_init(&s->vmm_lock);
	struct kvm *kvm = kzalloc(sizeof(*kvm));
	s->kvm = kvm;
	kvm->arch = stress_arch(st);
	kvm->hooks = &ka_hooks;
	kvm->ctx = s;
	kvm->max_halt_poll_ns = (uint64_t)stress_param(st, P_POLL);
	kvm_kick_all_init(kvm);
	for (int i = 0; i < s->nvcpus; i++) {
		s->v[i].s = s;
		s->v[i].vcpu = stress_vcpu_create(kvm, i);
		s->v[i].rng = stress_rng_seed(st, (unsigned)i);
	}
	stress_set_roles(st, "vcpus:%d,vmm:1,irq:%d", s->nvcpus, irq);
	for (int i = 0; i < s->nvcpus; i++) {
		char name[24];
		snprintf(name, sizeof(name), "vcpu%d", i);
		s->v[i].tid = native_thread_count();
		stress_spawn(st, name, i, ka_vcpu_main, &s->v[i]);
	}
	stress_spawn(st, "vmm", 16, ka_vmm_main, s);
	if (irq)
		stress_spawn(st, "irq", 17, ka_irq_main, s);
	return s;
}

#define P(nm, d, lo, hi, h) {nm, d, lo, hi, h}

static const struct stress_scenario kick_all = {
	.name = "kick_all",
	.summary = "KVM_KICK_ALL_RUNNING_VCPUS + memslot update + KVM_RESUME_ALL_KICKED_VCPUS "
		   "against vCPUs looping on KVM_RUN",
	.roles = "1 vmm, an irq injector from 3 threads, vCPUs the rest (max 3)",
	.latency = "kick_all: KVM_KICK_ALL_RUNNING_VCPUS call",
	.params = {P("retries", 1, 0, 100, "immediate KVM_RUN re-entries after -EINTR before "
		     "the vCPU thread waits for the resume"),
		   P("delay_ns", 20000, 0, 100000000, "max random delay between kick-all rounds"),
		   P("poll_ns", 0, 0, 10000000, "halt-polling window (ns)")},
	.nparams = 3,
	.bugs = {BUG_KICK_ALL_CLEAR_EARLY, BUG_PLAIN_MODE_READ, -1},
	.setup_alloc = ka_setup,
	.monitor = ka_monitor,
	.stop = ka_stop,
};

const struct stress_scenario *stress_kick_all_scenario(void) { return &kick_all; }
