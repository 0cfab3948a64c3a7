/*
 * sim/strategy.h: who picks the next choice.
 *
 *   default  deterministic: keep running the last thread (up to a slice),
 *            then due events, then drains, then the next thread in order;
 *   random   uniform among enabled choices, PRNG seeded by (seed, run);
 *   pct      PCT with depth d (Burckhardt et al. 2010): random agent
 *            priorities, d-1 priority change points; store buffers and the
 *            event queue are agents of their own;
 *   bytes    one byte per decision (value mod choices), then default;
 *   replay   a recorded choice list; refuses a choice that is not enabled;
 *   dfs      exhaustive depth-first search (sim/dpor.c): dynamic partial-order
 *            reduction with sleep sets (or brute force), optional depth and
 *            preemption bounds, optional split into jobs;
 *   guided   a lenient replay for minimisation: takes the recorded choice
 *            when it is enabled, otherwise the default policy's, and the
 *            default policy once the list runs out;
 *   stateful exhaustive search over machine states (sim/stateful.c): it
 *            chooses itself (sim_take), so as a strategy it is the default
 *            policy; only explore_run and stateful_run run it;
 *   abstract an abstract schedule (sim/abstract.h): a few constraints it
 *            tries to honour (reads-from, preemption, drain order), the
 *            default policy (or a seeded PRNG) for everything else.
 * A strategy owns no global state; its PRNG lives in the struct.
 */
#ifndef REQSIM_STRATEGY_H
#define REQSIM_STRATEGY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim.h"

enum strat_kind { ST_DEFAULT, ST_RANDOM, ST_PCT, ST_BYTES, ST_REPLAY, ST_DFS, ST_GUIDED,
		  ST_STATEFUL, ST_ABSTRACT, ST_COUNT };
const char *strategy_name(int kind);
int strategy_parse(const char *s);

#define PCT_AGENTS 64
#define PCT_BAND_INIT (1u << 30)
#define PCT_BAND_CHANGE (1u << 29)
#define PCT_BAND_SPIN (1u << 28)
#define PCT_DEPTH_MAX 16

/* What one transition touched (sim/footprint.c fills it in). */
#define FP_LOCS 32
#define FPF_ACQUIRE 1   /* takes lock `lock` (a lock or trylock step) */
#define FPF_RELEASE 2   /* releases lock `lock` (unlock step or its drain) */
#define FPF_TRY 4       /* the acquire is a trylock: enabled while the lock is
			 * held (it fails), so it races with the release */
#define FP_KEY_ACQ (1ULL << 57) /* lock key | FP_KEY_ACQ: written by acquires */
struct sim_fp {
	uint16_t n;
	uint8_t global;        /* touches simulator state: conflicts with all */
	uint8_t flags;         /* FPF_* */
	uint64_t lock;         /* key of the lock for FPF_* */
	uint64_t loc[FP_LOCS]; /* key << 1 | write */
};

struct dpor;

struct strategy {
	int kind;
	uint64_t seed, run; /* identity of the current run */
	uint64_t rng;       /* splitmix64 state */
	uint64_t decision;  /* decisions taken in this run */
	int last_tid;
	uint32_t slice;     /* consecutive steps of last_tid (default policy) */

	/* pct */
	int depth;
	uint64_t pct_steps; /* expected decisions per run (k) */
	uint64_t change[PCT_DEPTH_MAX];
	uint32_t prio[PCT_AGENTS];
	uint32_t spin_next; /* priority the next spinning agent yields to */

	/* bytes */
	const uint8_t *bytes;
	size_t nbytes, pos;

	/* replay */
	const struct sim_choice *want;
	size_t nwant;
	bool diverged;
	char error[200];

	/* dfs */
	struct dpor *dp;
	bool observe;       /* the sim asks at every step and reports footprints */
	const uint8_t *agents; /* observe: the agent of every choice offered */
	uint64_t depth_max; /* 0: unbounded */
	bool hit_bound;

	/* index log (strategy_log_indices): the index taken at every choice,
	 * which is what the bytes strategy reads; too_wide when a choice had
	 * more than 256 options (no byte can name it) */
	uint8_t *idx_log;
	size_t idx_n, idx_cap;
	bool idx_on, idx_too_wide;

	/* abstract (sim/abstract.c): the program, its per-run state, the sim
	 * it asks for sites; every_step: the sim calls strategy_choose for
	 * forced steps too (n == 1), so that occurrences are counted */
	const struct abs_prog *abs;
	struct abs_run *abs_run;
	const struct sim *abs_sim;
	bool every_step;
	/* the sim keeps the writer of every word (sim_last_writer) even
	 * without cfg.track_rf: abstract programs with reads-from constraints */
	bool track_writers;
};

void strategy_init(struct strategy *st, int kind, uint64_t seed);
void strategy_free(struct strategy *st);
void strategy_set_bytes(struct strategy *st, const uint8_t *b, size_t n);
void strategy_set_replay(struct strategy *st, const struct sim_choice *c, size_t n);
/* Record the index taken at every choice (from the next run on), so any run
 * can be written out as fuzzer bytes: strategy "bytes" fed st->idx_log makes
 * the same decisions.  strategy_free() releases the log. */
void strategy_log_indices(struct strategy *st);
/* The default policy's choice (what strategy "default" takes). */
int strategy_default_choice(struct strategy *st, const struct sim_choice *c, int n);
/* PCT's run setup (priorities, change points from st->rng, st->depth and
 * st->pct_steps) and its choice, for strategies that use PCT underneath. */
void strategy_pct_begin(struct strategy *st);
int strategy_pct_choice(struct strategy *st, const struct sim_choice *c, int n);
/* Start run number `run` (seeds the per-run PRNG). */
void strategy_begin_run(struct strategy *st, uint64_t run);
/* Index into c[0..n-1], or -1 to abort the run (replay diverged). */
int strategy_choose(struct strategy *st, const struct sim_choice *c, int n);
/* dfs: (re)configure the search; strategy_init gives DPOR, no bounds. */
struct dpor_opts;
void strategy_set_dfs(struct strategy *st, const struct dpor_opts *o);
/* dfs: advance to the next unexplored schedule; false when exhausted. */
bool strategy_dfs_next(struct strategy *st);
/* The transition chosen last has run; fp is what it touched. */
void strategy_step_done(struct strategy *st, const struct sim_fp *fp);

/* ---- dfs (sim/dpor.c) ---------------------------------------------------- */

struct dpor_opts {
	bool reduce;          /* DPOR + sleep sets; false: every schedule */
	int preemptions;      /* bound on preemptions, -1: none */
	uint64_t depth;       /* steps explored per schedule, 0: all */
	int jobs, job;        /* explore the subtrees of job `job` of `jobs` */
};
struct dpor_stats {
	uint64_t complete;    /* schedules run to the end */
	uint64_t blocked;     /* cut short: equivalent to one explored before */
	uint64_t skipped;     /* belong to another job */
	uint64_t behaviours;  /* distinct Mazurkiewicz traces among complete runs */
	bool bounded;         /* a depth or preemption bound cut something off */
};
struct dpor *dpor_new(const struct dpor_opts *o);
void dpor_free(struct dpor *dp);
/* ag[k]: the agent of choice k (dpor_agents fills it in). */
int dpor_choose(struct dpor *dp, const struct sim_choice *c, const uint8_t *ag, int n);
int dpor_drain_agent(struct dpor *dp, int tid, uint64_t key);
void dpor_step_done(struct dpor *dp, const struct sim_fp *fp);
/* End of a run: find races, pick the next schedule; false when done. */
bool dpor_next(struct dpor *dp);
void dpor_get_stats(const struct dpor *dp, struct dpor_stats *s);
/* The trace fingerprints seen (for merging jobs' behaviour counts). */
size_t dpor_fingerprints(const struct dpor *dp, uint64_t *out, size_t max);
/* Two transitions commute (footprints disjoint or read-only overlap). */
bool fp_independent(const struct sim_fp *a, const struct sim_fp *b);

uint64_t splitmix64(uint64_t *state);

#endif
