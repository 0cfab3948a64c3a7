/*
 * scenarios/scen.h: the scenario API.  A scenario family written against it
 * is one source (its ghost state, named parameters, requester operations,
 * guest script, oracle predicates, verdict rows) compiled twice, as core/ is:
 *
 *   REQSIM_BACKEND_SIM     into reqsim_scenarios: the simulator driver.  Ghost
 *                          state is plain C outside the memory model, oracles
 *                          run at every step and at quiescence, loops run a
 *                          fixed number of rounds, delays are nothing.
 *   REQSIM_BACKEND_NATIVE  into reqsim-stress (plain and TSan): the native
 *                          driver.  Ghost state is seq_cst atomics, oracles
 *                          are checked where they happen or sampled by the
 *                          watchdog (the monitor hook), loops run until the
 *                          run stops, with random delays between rounds.
 *
 * The operations (scen_t is the driver's run: struct sim or struct stress):
 *   scen_param(s, "name")        a parameter, by its name (never by position)
 *   scen_spawn(s, name, cpu, fn, arg)  a thread; returns its task
 *   scen_alloc(s, size)          zeroed memory that lives as long as the run
 *   scen_more(s, i, n)           another round?  sim: i < n; native: until stop
 *   scen_stopping(s)             native: the run is ending; sim: never
 *   scen_delay(s, rng, max_ns)   native: a random busy delay; sim: nothing
 *   scen_report(s, V_KIND, "label", fmt, ...)  a violation (core/violations.def);
 *                                "label" names the oracle's site in signatures
 *   scen_name(s, p, "name")      name a word for traces (native: nothing)
 *   scen_vcpu_create(s, kvm, i)  a vCPU of kvm on pCPU i
 *   scen_guest_attach(s, fn, state, tid)  (in a vCPU thread) its guest script:
 *                                the family's .guest hook, which the
 *                                simulator calls by itself
 *   scen_clock_ns(s)             virtual ns (simulator), real ns (native)
 *   scen_arch(s)                 KVM_ARCH_X86 / KVM_ARCH_ARM64 (the run loop)
 *   scen_rand(&rng)              splitmix64 (real-thread guest scripts)
 *   scen_latency / scen_count_rounds / scen_count_requests / scen_roles /
 *   scen_delay                   real-time bookkeeping: nothing in the
 *                                simulator, where they evaluate no argument
 *   scen_await(s, p, target, timeout)  native: spin until *p >= target
 *   scen_start_workers(s, n)     native: n kworkers run the work items
 *                                (schedule_work); sim: nothing, a work item
 *                                is one of its events
 *   scen_await_fn(s, done, arg, timeout)  native: spin until done(arg);
 *                                sim: done(arg) now
 *   ghost_load/store/inc/dec/max(p[, v])  ghost state: plain C in the
 *                                simulator (a footprint the reduction sees),
 *                                seq_cst atomics on real threads
 *   SCEN_SIM                     1 in the simulator driver: for the few
 *                                oracles that need a stopped world (the
 *                                predicate is shared, only when it runs
 *                                differs) and for driver-only hooks
 *
 * A family registers with SCEN_FAMILY(fam, fields...): fields common to both
 * drivers (name, summary, params, bugs, archs, state_size, setup) and
 * SCEN_ON_SIM(...) / SCEN_ON_NATIVE(...) for the hooks of one driver
 * (check_step, check_end, guest, vcpu_view; monitor, stop, roles, latency).
 * SCEN_FAMILY_LIST(fam, list) registers a family of several scenarios
 * (scen_scenario_t entries, pointed to by list).
 * Parameters are one X-macro list, each entry marked BOTH, SIM or NATIVE:
 * the simulator's .sched headers list exactly its parameters.
 *
 * Invariants:
 *  1. In the simulator driver every operation here is inline or a macro and
 *     adds no platform primitive: a family's schedules, verdicts and trace
 *     hashes depend only on the primitives it calls itself.
 *  2. Nothing here keeps state: scen_t is the run.
 */
#ifndef REQSIM_SCEN_H
#define REQSIM_SCEN_H


#if defined(REQSIM_BACKEND_SIM)

#include "kvm_host.h"
#include "scenarios.h"
typedef struct sim scen_t;
#define SCEN_SIM 1
#define SCEN_ON_SIM(...) __VA_ARGS__
#define SCEN_ON_NATIVE(...)
#define SCEN_ARCHS_X86 SCEN_ARCH(ARCH_X86)

static inline long scen_param(scen_t *s, const char *name) { return sim_param_named(s, name); }
static inline struct task_struct *scen_spawn(scen_t *s, const char *name, int cpu,
					     void (*fn)(void *), void *arg)
{
	return sim_task(s, sim_spawn(s, name, cpu, fn, arg));
}
static inline void *scen_alloc(scen_t *s, size_t size) { return sim_alloc(s, size); }
static inline bool scen_more(scen_t *s, long i, long n) { (void)s; return i < n; }
static inline bool scen_stopping(scen_t *s) { (void)s; return false; }
/* Real-time only: these evaluate nothing in the simulator (sizeof only
 * names its operand), so a family may pass them fields that exist on real
 * threads only. */
#define scen_delay(s, rng, max_ns) ((void)sizeof(rng), (void)sizeof(max_ns))
#define scen_latency(s, ns) ((void)sizeof(ns))
#define scen_count_rounds(s, n) ((void)sizeof(n))
#define scen_count_requests(s, n) ((void)sizeof(n))
#define scen_roles(s, ...) ((void)0)
#define scen_start_workers(s, n) ((void)sizeof(n))
static inline uint64_t scen_clock_ns(scen_t *s) { return sim_now(s); } /* virtual ns */
static inline uint64_t scen_watchdog_ns(scen_t *s) { (void)s; return 0; }
static inline int scen_threads(scen_t *s) { (void)s; return 0; }
static inline uint64_t scen_rng_seed(scen_t *s, unsigned stream) { (void)s; return stream; }
/* The simulator never waits on ghost state: is *p >= target now? */
static inline bool scen_await(scen_t *s, const long *p, long target, uint64_t timeout_ns)
{
	(void)s, (void)timeout_ns;
	return *p >= target;
}
/* The simulator never waits: is done(arg) now? */
static inline bool scen_await_fn(scen_t *s, bool (*done)(const void *), const void *arg,
				 uint64_t timeout_ns)
{
	(void)s, (void)timeout_ns;
	return done(arg);
}
/* Every thread returned (end-of-run oracles that need the whole run). */
static inline bool scen_threads_done(scen_t *s)
{
	for (int t = 0; t < sim_thread_count(s); t++)
		if (!sim_thread_done(s, t))
			return false;
	return true;
}
#define scen_peek(p, size) sim_peek((p), (size))
/* A vCPU of kvm on pCPU idx, loaded, its handshake words named. */
static inline struct kvm_vcpu *scen_vcpu_create(scen_t *s, struct kvm *kvm, int idx)
{
	return kvm_scen_vcpu_create(s, kvm, idx);
}
/* The guest script: the simulator calls the family's .guest hook itself. */
typedef struct guest_step scen_guest_t;
#define scen_guest_attach(s, fn, state, tid) ((void)0)
/* label NULL: no site of its own (the signature names the threads' sites) */
#define scen_report(s, kind, label, ...) \
	sim_report((s), (kind), (label) ? PLATFORM_SITE(label) : NULL, __VA_ARGS__)
#define scen_name(s, p, name) sim_name((s), (p), (name))

#define ghost_load(p) (*(p))
#define ghost_store(p, v) ((void)(*(p) = (v)))
#define ghost_inc(p) (++*(p))
#define ghost_dec(p) (--*(p))
#define ghost_max(p, v)                                                                    \
	do {                                                                               \
		__typeof__(*(p)) v_ = (v);                                                 \
		if (*(p) < v_)                                                             \
			*(p) = v_;                                                         \
	} while (0)
static inline int scen_arch(scen_t *s)
{
	return sim_arch(s) == ARCH_ARM64 ? KVM_ARCH_ARM64 : KVM_ARCH_X86;
}


/* Oracle helper (spec 4.1): a halted vCPU (mp_state HALTED, or the
 * async-PF synthetic halt) runs no guest code.  Reports and returns true
 * when vCPU thread tid is in the guest while halted. */
static inline bool scen_halted_in_guest(struct sim *sim, struct kvm_vcpu *vcpu, int tid)
{
	if (sim_thread_wait(sim, tid) != SIM_WAIT_GUEST)
		return false;
	int mp = (int)sim_peek(&vcpu->mp_state, sizeof(vcpu->mp_state));
	bool apf = sim_peek(&vcpu->apf.halted, sizeof(vcpu->apf.halted)) != 0;
	if (mp != KVM_MP_STATE_HALTED && !apf)
		return false;
	sim_report(sim, V_HALTED_IN_GUEST, sim_thread_site(sim, tid),
		   "vcpu%d runs guest code while %s", tid,
		   apf ? "in the async-PF synthetic halt" : "its mp_state is HALTED");
	return true;
}

/* Oracle helper (spec 3.7): with irqs on in the host, vcpu->mode is
 * OUTSIDE_GUEST_MODE as the vCPU thread tid itself sees it.  mode leaves
 * OUTSIDE only inside an irqs-off window (guest entry, lockless shadow
 * walk) and is OUTSIDE again before irqs come back on; a requester moves
 * only IN_GUEST -> EXITING.  Checked at the vCPU's own steps. */
#define scen_watch_mode(s, vcpu, tid)                                                      \
	sim_watch_irqs_on((s), (tid), &(vcpu)->mode, sizeof((vcpu)->mode), OUTSIDE_GUEST_MODE, \
			  V_MODE_INVARIANT, "vcpu->mode")
/* What thread tid itself would read at p (its own stores forwarded). */
#define scen_peek_own(s, tid, p, size) sim_peek_thread((s), (tid), (p), (size))

#elif defined(REQSIM_BACKEND_NATIVE)

#include "stress.h"
typedef struct stress scen_t;
#define SCEN_SIM 0
#define SCEN_ON_SIM(...)
#define SCEN_ON_NATIVE(...) __VA_ARGS__
#define SCEN_ARCH(a) (1u << (a))
#define SCEN_ARCHS_ALL (SCEN_ARCH(KVM_ARCH_X86) | SCEN_ARCH(KVM_ARCH_ARM64))
#define SCEN_ARCHS_X86 SCEN_ARCH(KVM_ARCH_X86)

static inline long scen_param(scen_t *s, const char *name) { return stress_param_named(s, name); }
static inline struct task_struct *scen_spawn(scen_t *s, const char *name, int cpu,
					     void (*fn)(void *), void *arg)
{
	return native_thread_task(stress_spawn(s, name, cpu, fn, arg));
}
static inline void *scen_alloc(scen_t *s, size_t size) { (void)s; return kzalloc(size); }
static inline bool scen_more(scen_t *s, long i, long n) { (void)i, (void)n; return !stress_stopping(s); }
static inline bool scen_stopping(scen_t *s) { return stress_stopping(s); }
#define scen_delay(s, rng, max_ns) ((void)(s), stress_delay((rng), (uint64_t)(max_ns)))
#define scen_latency(s, ns) stress_latency((s), (ns))
#define scen_count_rounds(s, n) stress_add_rounds((s), (n))
#define scen_count_requests(s, n) stress_add_requests((s), (n))
#define scen_roles(s, ...) stress_set_roles((s), __VA_ARGS__)
#define scen_start_workers(s, n) stress_start_workers((s), (n))
static inline uint64_t scen_clock_ns(scen_t *s) { (void)s; return plat_now_ns(); } /* real ns */
static inline uint64_t scen_watchdog_ns(scen_t *s) { return stress_watchdog_ns(s); }
static inline int scen_threads(scen_t *s) { return stress_threads(s); }
static inline uint64_t scen_rng_seed(scen_t *s, unsigned stream) { return stress_rng_seed(s, stream); }
/* Spin until *p >= target (ghost state), the run stops, or timeout_ns. */
static inline bool scen_await(scen_t *s, const long *p, long target, uint64_t timeout_ns)
{
	return stress_wait_long(s, p, target, timeout_ns);
}
/* Spin until done(arg) (ghost state), the run stops, or timeout_ns. */
static inline bool scen_await_fn(scen_t *s, bool (*done)(const void *), const void *arg,
				 uint64_t timeout_ns)
{
	uint64_t deadline = plat_now_ns() + timeout_ns;
	for (unsigned i = 0;; ) {
		if (done(arg))
			return true;
		if (stress_stopping(s) || plat_now_ns() >= deadline)
			return false;
		native_relax(&i);
	}
}
static inline bool scen_threads_done(scen_t *s) { (void)s; return false; }
static inline int scen_arch(scen_t *s) { return stress_arch(s); }
#define scen_peek(p, size) ((uint64_t)__atomic_load_n((p), __ATOMIC_RELAXED))
/* Called by thread tid itself: a relaxed load sees its own stores. */
#define scen_peek_own(s, tid, p, size) ((void)(s), (void)(tid), scen_peek((p), (size)))
#define scen_watch_mode(s, vcpu, tid) ((void)(s), (void)(vcpu), (void)(tid))
static inline struct kvm_vcpu *scen_vcpu_create(scen_t *s, struct kvm *kvm, int idx)
{
	(void)s;
	return stress_vcpu_create(kvm, idx);
}
/* The guest script: a vCPU thread attaches the family's .guest hook to
 * itself before its first KVM_RUN (the native backend asks the thread). */
typedef struct native_guest_step scen_guest_t;
struct scen_guest_closure {
	scen_guest_t (*fn)(scen_t *s, void *state, int tid);
	scen_t *scen;
	void *state;
	int tid;
};
static inline scen_guest_t scen_guest_call(void *arg)
{
	const struct scen_guest_closure *c = arg;
	return c->fn(c->scen, c->state, c->tid);
}
static inline void scen_guest_attach(scen_t *s, scen_guest_t (*fn)(scen_t *, void *, int),
				     void *state, int tid)
{
	static __thread struct scen_guest_closure c; /* the thread's, for its lifetime */
	c = (struct scen_guest_closure){fn, s, state, tid};
	native_set_guest(scen_guest_call, &c);
}
#define scen_report(s, kind, label, ...) stress_violation((s), (kind), __VA_ARGS__)
#define scen_name(s, p, name) ((void)(s), (void)(p), (void)(name))

#define ghost_load(p) __atomic_load_n((p), __ATOMIC_SEQ_CST)
#define ghost_store(p, v) __atomic_store_n((p), (v), __ATOMIC_SEQ_CST)
#define ghost_inc(p) __atomic_add_fetch((p), 1, __ATOMIC_SEQ_CST)
#define ghost_dec(p) __atomic_sub_fetch((p), 1, __ATOMIC_SEQ_CST)
#define ghost_max(p, v)                                                                    \
	do {                                                                               \
		__typeof__(*(p)) cur_ = ghost_load(p), v_ = (v);                           \
		while (cur_ < v_ && !__atomic_compare_exchange_n((p), &cur_, v_, false,     \
								 __ATOMIC_SEQ_CST,          \
								 __ATOMIC_SEQ_CST))         \
			;                                                                  \
	} while (0)

#else
#error "scen.h: define REQSIM_BACKEND_SIM or REQSIM_BACKEND_NATIVE"
#endif

/* splitmix64: the random draws of real-thread guest scripts and delays. */
static inline uint64_t scen_rand(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A hook one driver does not call (no unused-function warning in the other). */
#define SCEN_HOOK __attribute__((unused))

/* Parameters: X(name, default, min, max, help, BOTH|SIM|NATIVE). */
#define SCEN_ON_BOTH(...) __VA_ARGS__
#define SCEN_PARAM(nm, d, lo, hi, h, drv) SCEN_ON_##drv({nm, d, lo, hi, h},)
#define SCEN_PARAM_COUNT(nm, d, lo, hi, h, drv) SCEN_ON_##drv(+1)

/*
 * SCEN_FAMILY(fam, fields): one scenario of family fam for this driver.
 * The simulator gets fam_scenarios() (registry.c); the native driver
 * stress_fam_scenarios() (stress_main.c); both registries list the
 * families of scenarios/families.def.
 */
#if SCEN_SIM
typedef struct scenario scen_scenario_t;
#define SCEN_FAMILY(fam, ...)                                                              \
	static const struct scenario fam##_all[] = {{__VA_ARGS__}};                        \
	static const struct scenario *const fam##_list[] = {&fam##_all[0]};                \
	const struct scenario *const *fam##_scenarios(int *n)                             \
	{                                                                                  \
		*n = 1;                                                                    \
		return fam##_list;                                                         \
	}
#else
typedef struct stress_scenario scen_scenario_t;
#define SCEN_FAMILY(fam, ...)                                                              \
	static const struct stress_scenario fam##_stress = {__VA_ARGS__};                  \
	static const struct stress_scenario *const fam##_stress_list[] = {&fam##_stress};  \
	const struct stress_scenario *const *stress_##fam##_scenarios(int *n)             \
	{                                                                                  \
		*n = 1;                                                                    \
		return fam##_stress_list;                                                  \
	}
#endif

/*
 * SCEN_FAMILY_LIST(fam, list): a family of several scenarios; list is a
 * static array of pointers to scen_scenario_t (struct scenario in the
 * simulator, struct stress_scenario on real threads), in listing order.
 */
#if SCEN_SIM
#define SCEN_FAMILY_LIST(fam, list)                                                        \
	const struct scenario *const *fam##_scenarios(int *n)                             \
	{                                                                                  \
		*n = (int)(sizeof(list) / sizeof(list[0]));                                \
		return list;                                                               \
	}
#else
#define SCEN_FAMILY_LIST(fam, list)                                                        \
	const struct stress_scenario *const *stress_##fam##_scenarios(int *n)             \
	{                                                                                  \
		*n = (int)(sizeof(list) / sizeof(list[0]));                                \
		return list;                                                               \
	}
#endif

#endif
