/*
 * sim/sim.h: the public interface of the deterministic simulator, for
 * scenarios, strategies, the command line and tests.
 *
 * Contract:
 *  1. A struct sim is a complete machine: no global state.  Many sims may run
 *     side by side in one process (on one OS thread, interleaved through
 *     sim_step(), or on several OS threads).
 *  2. A run is a function of (scenario, parameters, model, arch, bugs,
 *     schedule) and the build: the same inputs give the same trace hash.
 *  3. Scheduler callbacks (check_step, check_end, guest scripts, timers) run
 *     on the scheduler's own stack and must not call platform primitives.
 */
#ifndef REQSIM_SIM_H
#define REQSIM_SIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "platform.h"

enum sim_model { MODEL_SC, MODEL_TSO, MODEL_PSO, MODEL_WMM, MODEL_COUNT };
enum sim_arch { ARCH_X86, ARCH_ARM64, ARCH_COUNT };
enum sim_switch { SWITCH_ASM, SWITCH_UCONTEXT, SWITCH_COUNT };

const char *sim_model_name(int m);
/* Does model m let a load and a program-order later store to another
 * location complete out of order (load buffering)?  Programs that know
 * their future (litmus files) then run reordered variants (litmus/reorder.c). */
bool sim_model_load_buffering(int m);
const char *sim_arch_name(int a);
const char *sim_switch_name(int s);
int sim_model_parse(const char *s); /* -1 if unknown */
int sim_arch_parse(const char *s);
int sim_switch_parse(const char *s);
bool sim_switch_available(int s);
const char *sim_bug_name(int id);
const char *sim_bug_scope(int id);
const char *sim_bug_text(int id);
int sim_bug_parse(const char *s);

/* A scheduler choice.  Choices are listed in a canonical order. */
enum choice_kind { CH_STEP, CH_DRAIN, CH_EVENT };
#define CHF_SPIN 1 /* the step is a cpu_relax(): the thread is spin-waiting */
struct sim_choice {
	uint8_t kind;
	uint8_t flags; /* CHF_*: hints for strategies, not part of identity */
	uint16_t tid;  /* thread stepped / whose buffer drains */
	uint32_t arg;  /* step: which store a load reads (wmm; 0 = the latest);
			* drain: buffer entry index; event: event sequence number */
};

/* Violation kinds: core/violations.def, shared with reqsim-stress. */
enum viol_kind {
#define REQSIM_VIOL(id, name) id,
#include "violations.def"
#undef REQSIM_VIOL
	V_KIND_COUNT
};
const char *sim_viol_name(int kind);

#define SIM_VIOL_SITES 4
struct sim_violation {
	int kind;
	uint64_t step;
	int nsites;
	const struct platform_site *sites[SIM_VIOL_SITES];
	char msg[256];
};

/* A scenario parameter: name, default, inclusive range. */
struct scenario_param {
	const char *name;
	long def, min, max;
	const char *help;
};
#define SCENARIO_PARAMS_MAX 8

struct sim;

/* One guest execution slice, chosen by the scenario's guest script. */
struct guest_step {
	uint64_t duration_ns; /* 0: runs until an interrupt */
	struct guest_exit exit;
};

struct scen_vcpu_view {
	int mode;
	unsigned long requests;
};

struct scenario {
	const char *name;
	const char *summary;
	struct scenario_param params[SCENARIO_PARAMS_MAX];
	int nparams;
	int bugs[8]; /* applicable bug ids, terminated by -1 */
	/* The arch profiles it runs on: bit (1u << enum sim_arch) per arch; 0
	 * means every arch.  The command line and the fuzz harness refuse any
	 * other (scenario_supports_arch()); sim_new() does not check. */
	unsigned archs;
	size_t state_size;
	/* Allocate state (given, zeroed, in the arena) and spawn threads. */
	void (*setup)(struct sim *sim, void *state);
	/* Optional safety check after every step. */
	void (*check_step)(struct sim *sim, void *state);
	/* End-of-run checks at quiescence; may claim stuck threads. */
	void (*check_end)(struct sim *sim, void *state);
	/* Optional: the guest script of a vCPU thread. */
	struct guest_step (*guest)(struct sim *sim, void *state, int tid);
	/* Optional: write the final outcome ("r0=0 r1=1") for litmus tables. */
	void (*outcome)(struct sim *sim, void *state, char *buf, size_t len);
	/* Optional: the vCPUs now, for fuzz feedback: per vCPU its mode and
	 * its pending request bits as memory holds them; vCPU v runs on
	 * thread v.  Fills out[0..max-1] and returns how many. */
	int (*vcpu_view)(struct sim *sim, void *state, struct scen_vcpu_view *out, int max);
};

struct sim_config {
	const struct scenario *scenario;
	long params[SCENARIO_PARAMS_MAX];
	int model;
	int arch;
	uint64_t bugs; /* bit per enum reqsim_bug_id */
	int switch_impl;
	uint64_t steps_max;   /* livelock budget (decisions per run) */
	uint64_t ipi_latency_ns;
	uint64_t work_delay_ns;
	bool trace;           /* record a step trace (slower) */
	bool track_rf;        /* note which store each load reads (fuzz feedback) */
};
void sim_config_defaults(struct sim_config *c, const struct scenario *s);

struct sim_result {
	bool violated;
	struct sim_violation v;
	uint64_t steps;     /* executed choices */
	uint64_t decisions; /* choices with more than one option */
	uint64_t vtime_ns;
	uint64_t hash;      /* trace hash */
	bool aborted;       /* strategy gave up (replay diverged) */
};

struct strategy;

/* Lifetime. */
struct sim *sim_new(const struct sim_config *cfg);
void sim_free(struct sim *sim);
const struct sim_config *sim_config(const struct sim *sim);

/* One complete run under strategy st.  Returns res->violated. */
bool sim_run(struct sim *sim, struct strategy *st, struct sim_result *res);
/* Incremental form: begin, then sim_step() until it returns false. */
void sim_begin(struct sim *sim, struct strategy *st);
bool sim_step(struct sim *sim);
void sim_finish(struct sim *sim, struct sim_result *res);
/* The scenario's final outcome ("0:r0=0 1:r0=1 x=1") of the last run, if
 * it reached quiescence; empty otherwise. */
void sim_outcome(struct sim *sim, char *buf, size_t len);

/* The scenario's vCPUs now (0 when it has none); call it between steps.
 * Reads memory without recording anything. */
int sim_vcpu_view(struct sim *sim, struct scen_vcpu_view *out, int max);

/* Plain accesses of the core are observed (instrumented build). */
bool sim_footprints_exact(void);

/* With cfg.track_rf: the first load of the last step and the call site of
 * the store it read (NULL: the initial value).  False if it loaded nothing. */
bool sim_step_reads_from(const struct sim *sim, const struct platform_site **load,
			 const struct platform_site **store);
/* With cfg.track_rf: the sites of the stores the last step made visible, in
 * the order it drained them (at most max; returns how many): a drain
 * choice's one store; the buffered stores a fence, a store-with-barrier or
 * an RMW of the thread drained; the oldest entry a full buffer pushed out. */
int sim_step_flushed(const struct sim *sim, const struct platform_site **out, int max);
/* With cfg.track_rf: the call site of the operation the last step ran (a
 * drain: the site of the store it drained; an event: NULL). */
const struct platform_site *sim_step_site(const struct sim *sim);
/* With cfg.track_rf: the stores the last step overtook, oldest first (at
 * most max; returns how many).  After a step whose first load read a
 * location: its thread's stores to other locations still in its buffer
 * (store->load order broken while they stay there).  After a drain: the
 * same thread's older entries still buffered (store->store, PSO).  Else 0. */
int sim_step_overtook(const struct sim *sim, const struct platform_site **out, int max);
/* With cfg.track_rf: the choice the last step took (NULL before the first). */
const struct sim_choice *sim_step_choice(const struct sim *sim);

/* The recorded decisions of the last run (choices with n > 1). */
size_t sim_decision_count(const struct sim *sim);
const struct sim_choice *sim_decisions(const struct sim *sim);
const uint16_t *sim_decision_widths(const struct sim *sim);

/* For scenarios (setup and callbacks). */
void *sim_state(struct sim *sim);
long sim_param(const struct sim *sim, int idx);
/* From a simulated thread: a parameter of the simulation it runs in. */
long sim_current_param(int idx);
/* The same by the parameter's name (what scenarios/ use: a position means
 * another parameter in another scenario).  A name the scenario does not
 * declare is a bug of the scenario: one line on stderr, abort(). */
long sim_param_named(const struct sim *sim, const char *name);
long sim_current_param_named(const char *name);
int sim_model(const struct sim *sim);
int sim_arch(const struct sim *sim);
bool sim_bug(const struct sim *sim, int bug_id);
void *sim_alloc(struct sim *sim, size_t size); /* zeroed, deterministic */
/* Name the object at p (size bytes) in traces and stories.  sim_name() takes
 * the size from p's type; an access names the object it falls inside. */
void sim_name_sized(struct sim *sim, const volatile void *p, size_t size, const char *name);
#define sim_name(sim, p, name) sim_name_sized((sim), (p), sizeof(*(p)), (name))
int sim_spawn(struct sim *sim, const char *name, int cpu, void (*fn)(void *),
	      void *arg);
int sim_thread_count(const struct sim *sim);
const char *sim_thread_name(const struct sim *sim, int tid);
bool sim_thread_done(const struct sim *sim, int tid);
/* Thread tid is stuck (blocked forever) at quiescence; why: short text. */
bool sim_thread_stuck(const struct sim *sim, int tid, const char **why);
/* What a thread is blocked in (at quiescence: forever). */
enum sim_wait { SIM_WAIT_NONE, SIM_WAIT_GUEST, SIM_WAIT_SLEEP, SIM_WAIT_LOCK,
		SIM_WAIT_IPI, SIM_WAIT_WORK, SIM_WAIT_OTHER };
int sim_thread_wait(const struct sim *sim, int tid);
/* The pCPU thread tid runs on now (it changes only by its own migration). */
int sim_thread_cpu(const struct sim *sim, int tid);
/* What thread tid would read at p: its own buffered stores forwarded over
 * memory (an oracle on what a thread believes, e.g. its own vcpu->mode). */
uint64_t sim_peek_thread(const struct sim *sim, int tid, const volatile void *p,
			 unsigned size);
/* An invariant of thread tid while its pCPU has irqs on: the word at p
 * (size bytes, holding value when the watch is set) was last stored by
 * tid with value.  Checked at tid's own steps: when tid turns irqs on,
 * and when it stores to p with irqs on.  A break is reported as violation
 * kind, naming what.  One watch per thread; set after sim_spawn. */
void sim_watch_irqs_on(struct sim *sim, int tid, const volatile void *p, unsigned size,
		       uint64_t value, int kind, const char *what);
/* The call site a thread is stopped at (its pending primitive), or NULL. */
const struct platform_site *sim_thread_site(const struct sim *sim, int tid);
/* The call site of the store a drain choice (kind CH_DRAIN, its tid and
 * arg) would make visible. */
const struct platform_site *sim_drain_site(const struct sim *sim, int tid, uint32_t arg);
/* The location a choice writes (a store, store-with-barrier or RMW step,
 * whether or not it is buffered; a drain of a store), or NULL.  For
 * comparing, never for ordering. */
const volatile void *sim_choice_writes(const struct sim *sim, const struct sim_choice *c);
/* The location a step choice's operation reads first (the word whose
 * writer sim_step_reads_from reports): a load's or an RMW's location; for
 * an op that drains its thread's buffer, the first buffered store's; or
 * NULL.  For comparing, never for ordering. */
const volatile void *sim_choice_reads(const struct sim *sim, const struct sim_choice *c);
/* The step choice's operation drains its thread's store buffer (a full
 * fence, a store-with-barrier, an RMW or lock that drains under the model)
 * and that buffer holds a write to p: the step makes p visible. */
bool sim_choice_flushes(const struct sim *sim, const struct sim_choice *c,
			const volatile void *p);
/* The call site of the step or drain that last wrote p's word to memory in
 * this run (a store drained by a fence: the fence's site, as
 * sim_step_reads_from reports it), or NULL (not written, or forgotten: a
 * small table).  Only while writers are tracked: cfg.track_rf, or a
 * strategy with track_writers set. */
const struct platform_site *sim_last_writer(const struct sim *sim, const volatile void *p);
/* An IPI to pCPU cpu is on its way or pending there (not yet handled). */
bool sim_ipi_in_flight(const struct sim *sim, int cpu);
/* Claim a stuck thread so the generic deadlock check ignores it. */
void sim_claim_stuck(struct sim *sim, int tid);
struct task_struct *sim_task(struct sim *sim, int tid);
uint64_t sim_now(const struct sim *sim);
void sim_add_timer(struct sim *sim, uint64_t delay_ns,
		   void (*fn)(struct sim *, void *), void *arg);
/* Report a violation from a scheduler callback (first one wins). */
void sim_report(struct sim *sim, int kind, const struct platform_site *site,
		const char *fmt, ...) __attribute__((format(printf, 4, 5)));
bool sim_violated(const struct sim *sim);
/* Read memory as it is now (no buffers): for end-of-run oracles. */
uint64_t sim_peek(const volatile void *p, unsigned size);

/* Signature: what a violation is, stable across edits.  A 64-bit FNV-1a
 * hash of the violation kind's name, the scenario's name, and for each
 * reported site in order its function name and label (the primitive and its
 * argument text, "READ_ONCE(vcpu->mode)").  File names and line numbers are
 * left out: a comment or code moved above a site, a file renamed or split,
 * keep it.  Renaming the function that holds a site, changing a site's
 * label (its argument text), the kind, the scenario name or the order of
 * the sites changes it.  Two sites with the same label in one function are
 * not told apart.  (The trace hash of a run, by contrast, does include line
 * numbers: it is for bit-exact replay on one build.) */
uint64_t sim_signature(const struct sim_config *cfg, const struct sim_violation *v);
void sim_site_str(const struct platform_site *s, char *buf, size_t len);

/* Traces of the last run (requires cfg.trace). */
enum trace_format { TRACE_TEXT, TRACE_JSONL, TRACE_PERFETTO, TRACE_FORMAT_COUNT };
int trace_format_parse(const char *s);
void sim_trace_write(struct sim *sim, FILE *out, int format);
size_t sim_trace_length(const struct sim *sim);

#endif
