/*
 * sim/explore.h: the exploration engine, as a library.
 *
 * explore_run() runs many schedules of one configuration under one strategy
 * (random, pct, default or dfs), on one or more worker threads, and groups
 * the violations it finds by signature (sim_signature).  explore_pct_estimate()
 * is the PCT length estimate; sim_minimize() (sim/minimize.c) shrinks a
 * failing schedule by ddmin.  The command line (cli/reqsim.c) parses options,
 * prints and writes files; tests call the same functions.
 *
 * Contract:
 *  1. Deterministic: what is explored, and every finding and count in the
 *     result, is a function of the options and the build.  The wall clock is
 *     never read; the caller times the call if it wants a speed.
 *  2. The same for any jobs: random, pct and default deal run i to job
 *     i mod jobs, so runs, steps, violations and findings do not depend on
 *     jobs.  dfs deals out subtrees; behaviours are the union of the jobs'
 *     trace fingerprints, and a complete search finds every signature
 *     whatever jobs is; runs, steps and blocked depend on jobs (every job
 *     runs the top levels), and so does which schedule shows a signature
 *     first.  (tests/test_explore.c: one configuration counts 3 traces more
 *     with 3 jobs than with 1 or 2, as the CLI always did.)
 *  3. No global state, no output, no files.  The findings go to on_found;
 *     errors (out of memory, no thread) come back as -1 with one line in err.
 *  4. No cap: every distinct signature is a finding, however many there are.
 *  5. A job runs all its schedules in one sim and one strategy (a run
 *     depends on nothing of the runs before it: see "run isolation").
 */
#ifndef REQSIM_EXPLORE_H
#define REQSIM_EXPLORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim.h"
#include "strategy.h"

#define EXPLORE_JOBS_MAX 64

/* The first schedule that showed one violation signature. */
struct explore_finding {
	uint64_t sig;
	uint64_t run;              /* run index: strategy_begin_run(st, run) */
	int job;                   /* the job that ran it (dfs: names the subtree) */
	uint64_t hits;             /* violating schedules with this signature */
	struct sim_result res;     /* its result (res.v: the violation) */
	struct sim_choice *dec;    /* its decisions: a .sched replays them */
	size_t ndec;
};

/* Called after every schedule, on the worker thread that ran it (the
 * caller's thread when jobs == 1, in run order).  sim holds the run just
 * finished (sim_decisions, sim_outcome).  Return true to stop this job. */
typedef bool (*explore_run_fn)(void *ctx, int job, uint64_t run, struct sim *sim,
			       const struct sim_result *r);
/* Called once per distinct signature, on the caller's thread, after every
 * job has finished.  Order: random/pct/default by run index; dfs by job,
 * then run index.  f and its decisions live until explore_run returns. */
typedef void (*explore_found_fn)(void *ctx, const struct explore_finding *f);

struct explore_opts {
	const struct sim_config *cfg; /* the configuration explored (not copied) */
	int kind;                  /* ST_RANDOM, ST_PCT, ST_DEFAULT or ST_DFS (ST_GUIDED:
				    * no list, so the default policy); not bytes or
				    * replay, which need an input */
	uint64_t budget;           /* schedules: in all, dfs: ceil(budget/jobs) per job */
	uint64_t seed;             /* random, pct */
	int depth;                 /* pct depth */
	uint64_t pct_steps;        /* pct: expected decisions, 0: explore_pct_estimate */
	struct dpor_opts dfs;      /* dfs: reduce, preemptions, depth (jobs, job: ours) */
	int jobs;                  /* 1..EXPLORE_JOBS_MAX worker threads */
	bool stop_on_first;        /* a job stops at its first violation; random, pct
				    * and default refuse it with jobs > 1 */
	bool keep_traces;          /* dfs: hand back the trace fingerprints
				    * (explore_result.traces) */
	explore_run_fn on_run;     /* optional */
	explore_found_fn on_found; /* optional */
	void *ctx;                 /* passed to both */
};

struct explore_result {
	uint64_t runs;       /* schedules run (dfs: run to the end, not cut) */
	uint64_t tries;      /* sim_run calls, cut ones included */
	uint64_t steps;      /* steps of every schedule */
	uint64_t violations; /* violating schedules */
	uint64_t distinct;   /* distinct signatures: the findings */
	uint64_t pct_steps;  /* pct: the k used */
	/* dfs */
	uint64_t blocked;    /* cut as equivalent */
	uint64_t behaviours; /* distinct traces, the union over jobs */
	bool exhausted;      /* every job ran out of schedules */
	bool bounded;        /* a depth or preemption bound cut something off */
	/* dfs with keep_traces: the behaviours' trace fingerprints, sorted,
	 * distinct (ntraces == behaviours); malloc'd, the caller frees them.
	 * NULL otherwise. */
	uint64_t *traces;
	size_t ntraces;
};

/* Defaults: cfg, kind; budget 1000, seed 1, depth 3, DPOR without bounds,
 * 1 job, no callbacks. */
void explore_opts_init(struct explore_opts *o, const struct sim_config *cfg, int kind);

/* Explore.  0 and *res filled in, or -1 with one line in err (bad options,
 * out of memory, a worker thread that did not start); then on_found was
 * not called.  A dfs search is complete when exhausted && !bounded. */
int explore_run(const struct explore_opts *o, struct explore_result *res, char *err,
		size_t errlen);

/* PCT needs the expected number of decisions per run: the decisions of one
 * run of the default strategy on sim, at least 8. */
uint64_t explore_pct_estimate(struct sim *sim);

/* ---- minimisation (sim/minimize.c) ------------------------------------------------ */

/* Shape of a schedule: preemptions are steps of a thread other than the
 * last stepped one while that one could still have run; out-of-order
 * drains drain an entry that is not its buffer's oldest (PSO, wmm). */
struct sched_shape {
	size_t decisions, preemptions, ooo_drains;
	uint64_t steps;
};

struct minimize_result {
	struct sched_shape before, after;
	size_t forced;             /* choices left in the list: the guided run's input */
	uint64_t sig;              /* the signature kept */
	uint64_t test_runs;        /* guided runs tried */
	struct sim_result res;     /* the final run */
};

/* Shrink choices[0..n) by ddmin while a guided run (strategy guided) still
 * shows the violation that the replay of choices[0..n) shows, with the same
 * signature.  choices is reduced in place to out->forced entries.  On
 * success (0) sim holds the final guided run: its complete decision list
 * (sim_decisions) is a strict schedule that replays bit for bit.  -1 with
 * one line in err: the replay does not fit, shows no violation, out of
 * memory. */
int sim_minimize(struct sim *sim, struct sim_choice *choices, size_t n,
		 struct minimize_result *out, char *err, size_t errlen);

#endif
