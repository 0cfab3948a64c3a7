/*
 * scenarios/stress.h: the native stress framework (reqsim-stress).  A stress
 * scenario runs the request core's threads for real, looping, on the
 * native backend (core/native/), with the simulator scenario's oracles
 * adapted to real time:
 *
 *   missed request  a vCPU stays in one guest session, with work owed to it
 *                   whose kick has returned, no IPI pending on its pCPU and
 *                   mode not EXITING, for longer than the watchdog;
 *   lost wakeup     a vCPU sleeps (in schedule(), state not RUNNING, the same
 *                   sleep) with a wake condition true, whose waker has
 *                   finished, for longer than the watchdog;
 *   the rest        (stale payload, WAIT not honoured, kick-all, async PF,
 *                   ITS) are checked where they happen, as in the simulator.
 *
 * The monitor (the main thread) samples every watchdog/8; a condition must
 * hold at two samples a watchdog apart with nothing in between that could
 * have ended it (same guest session, same sleep), so preemption of a thread
 * by the OS cannot fake a violation: a preempted kicker has not returned
 * yet, a preempted vCPU has an IPI pending or has been woken.
 *
 * Ghost state of the drivers is C11 atomics (seq_cst unless said): real
 * threads read it, and a plain access would be a data race TSan reports.
 *
 * This file is the native driver's side of scenarios/scen.h too: the
 * families written once (families.def, ONE_SOURCE) reach it through
 * scen.h's native definitions.
 *
 * Contract of a scenario (struct stress_scenario):
 *   setup    builds the VM with the configuration in a zeroed state of
 *            state_size bytes (scen.h families), or setup_alloc allocates
 *            and returns it (no family does today); either spawns its
 *            threads with stress_spawn();
 *   monitor  (optional) runs on the monitor thread every sample: watchdog
 *            oracles;
 *   stop     (optional) called repeatedly after stress_stopping() turned
 *            true, until every thread returned: make them leave (kicks,
 *            wake-ups);
 *   every thread loops until stress_stopping() and returns.
 */
#ifndef REQSIM_STRESS_H
#define REQSIM_STRESS_H

#include <stdarg.h>
#include <stdio.h>

#include "kvm_host.h"

#define STRESS_PARAMS_MAX 8
#define STRESS_THREADS_MAX 32

/* Violation kinds: core/violations.def, the simulator's vocabulary (V_*). */
enum viol_kind {
#define REQSIM_VIOL(id, name) id,
#include "violations.def"
#undef REQSIM_VIOL
	V_KIND_COUNT
};

/* Latency series a scenario records (one per scenario). */
enum { LAT_BUCKETS = 64 * 16 };

struct stress_param {
	const char *name;
	long def, min, max;
	const char *help;
};

struct stress;

struct stress_scenario {
	const char *name;
	const char *summary;
	const char *roles;   /* how --threads splits into roles */
	const char *latency; /* what the latency series measures, or NULL */
	struct stress_param params[STRESS_PARAMS_MAX];
	int nparams;
	int bugs[12];        /* applicable bug ids, -1 terminated */
	bool x86_only;
	unsigned archs;      /* scen.h families: bit per KVM_ARCH_*; 0: see x86_only */
	size_t state_size;   /* scen.h families: the state setup gets, zeroed */
	void (*setup)(struct stress *st, void *state); /* scen.h families */
	void *(*setup_alloc)(struct stress *st);       /* the others: allocate it */
	void (*monitor)(struct stress *st, void *state, uint64_t now_ns);
	void (*stop)(struct stress *st, void *state);
};

/* The families that run on real threads (scenarios/families.def):
 * stress_fam_scenarios() each. */
#define REQSIM_IF_NATIVE(...) __VA_ARGS__
#define REQSIM_IF_SIM_ONLY(...)
#define REQSIM_FAMILY(fam, source, verdicts, native)                                       \
	REQSIM_IF_##native(const struct stress_scenario *const *stress_##fam##_scenarios(int *n);)
#include "families.def"
#undef REQSIM_FAMILY

/* ---- for scenarios ------------------------------------------------------------------ */

long stress_param(const struct stress *st, int idx);
int stress_threads(const struct stress *st);
int stress_arch(const struct stress *st);          /* KVM_ARCH_X86 / KVM_ARCH_ARM64 */
uint64_t stress_watchdog_ns(const struct stress *st);
bool stress_stopping(const struct stress *st);
/* The roles the threads were split into, for the configuration line. */
void stress_set_roles(struct stress *st, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Start a driver thread on pCPU cpu; it is joined at the end. */
int stress_spawn(struct stress *st, const char *name, int cpu, void (*fn)(void *),
		 void *arg); /* returns the native thread index */
/* A parameter by name (scen.h families); usage error if not declared. */
long stress_param_named(const struct stress *st, const char *name);
/* The work pool (async PF): n kworkers, stopped after every thread returned. */
void stress_start_workers(struct stress *st, int n);

/* A violation: kind, message.  Printed (the first ones), counted; the run
 * ends at the first one with --stop-on-first. */
void stress_violation(struct stress *st, int kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
uint64_t stress_violations(const struct stress *st);

/* Counters for the summary: rounds (one iteration of the scenario's main
 * loop), requests (requests/interrupts/commands made). */
void stress_add_rounds(struct stress *st, uint64_t n);
void stress_add_requests(struct stress *st, uint64_t n);
/* One latency sample (ns) of the scenario's series. */
void stress_latency(struct stress *st, uint64_t ns);

/* Per-thread randomness, from (seed, stream): every randomized delay. */
uint64_t stress_rng_seed(const struct stress *st, unsigned stream);
static inline uint64_t stress_rand(uint64_t *s)
{
	/* splitmix64 */
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}
/* Busy-wait a random time in [0, max_ns). */
void stress_delay(uint64_t *rng, uint64_t max_ns);
/* Spin (yielding when oversubscribed) until *word >= target, the run
 * stops, or timeout_ns passes; true if reached. */
bool stress_wait_long(const struct stress *st, const long *word, long target,
		      uint64_t timeout_ns);
bool stress_wait_u64(const struct stress *st, const uint64_t *word, uint64_t target,
		     uint64_t timeout_ns);

/* Ghost atomics, seq_cst. */
static inline uint64_t g_load(const uint64_t *p) { return __atomic_load_n(p, __ATOMIC_SEQ_CST); }
static inline void g_store(uint64_t *p, uint64_t v) { __atomic_store_n(p, v, __ATOMIC_SEQ_CST); }
static inline uint64_t g_inc(uint64_t *p) { return __atomic_add_fetch(p, 1, __ATOMIC_SEQ_CST); }
static inline uint64_t g_dec(uint64_t *p) { return __atomic_sub_fetch(p, 1, __ATOMIC_SEQ_CST); }
static inline void g_max(uint64_t *p, uint64_t v)
{
	uint64_t cur = g_load(p);
	while (cur < v && !__atomic_compare_exchange_n(p, &cur, v, false, __ATOMIC_SEQ_CST,
						       __ATOMIC_SEQ_CST))
		;
}

/* ---- the shared watchdog ------------------------------------------------------------- */

/* One condition tracked over time: it fires when held with the same key
 * (a guest session, a sleep count) at two samples a watchdog apart. */
struct stress_watch {
	uint64_t since_ns; /* 0: not holding */
	uint64_t key;
	bool fired;        /* reported for fired_key: never again for it */
	uint64_t fired_key;
};
/* Feed one sample; true when the condition has held for the watchdog. */
bool stress_watch(const struct stress *st, struct stress_watch *w, bool holds, uint64_t key,
		  uint64_t now_ns);

/* A vCPU of kvm on pCPU idx (calloc'ed, loaded, RUNNABLE). */
struct kvm_vcpu *stress_vcpu_create(struct kvm *kvm, int idx);

#endif
