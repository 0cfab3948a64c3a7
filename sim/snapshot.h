/*
 * sim/snapshot.h: the simulated machine's state as data (sim/snapshot.c),
 * and the stateful exhaustive search built on it (sim/stateful.c).
 *
 * Contract:
 *  1. sim_fingerprint() is a function of the machine's state at a decision
 *     point (between steps), not of the path that reached it: what it reads
 *     and leaves out is listed in sim/snapshot.c.  Equal states reached by
 *     two paths hash alike (tests/test_stateful.c shows it); unequal states
 *     hash alike with probability about 2^-64 per pair.
 *  2. sim_snap_save() then any number of steps then sim_snap_restore() puts
 *     the machine back exactly (same fingerprint, same future, same step
 *     count, trace hash and decision list) in the same sim.
 *  3. The search is deterministic: its counts and findings are a function of
 *     the options and the build.
 */
#ifndef REQSIM_SNAPSHOT_H
#define REQSIM_SNAPSHOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "explore.h"
#include "sim.h"

/* Whether checkpoints work for this sim (asm switch, no ASan fake stacks);
 * false with the reason in why. */
bool sim_snap_supported(const struct sim *sim, char *why, size_t len);
/* 128 bits: out[0], out[1]. */
void sim_fingerprint(const struct sim *sim, uint64_t out[2]);

struct sim_snap {
	unsigned char *buf;
	size_t n, cap;
};
void sim_snap_save(const struct sim *sim, struct sim_snap *s);
void sim_snap_restore(struct sim *sim, const struct sim_snap *s);
void sim_snap_free(struct sim_snap *s);

/* ---- the stateful search (sim/stateful.c) -------------------------------------- */

struct stateful_opts {
	const struct sim_config *cfg;
	uint64_t mem_max;      /* bytes for the state table and checkpoints; 0: 4 GiB */
	uint64_t states_max;   /* stop after storing this many states; 0: no limit */
	bool stop_on_first;    /* stop at the first violation */
	bool no_reduction;     /* take every choice of every state (no local-step
				* reduction, sim/stateful.c) */
	explore_run_fn on_run;     /* optional: after every path that ended */
	explore_found_fn on_found; /* optional: once per signature, at the end */
	void *ctx;
};

struct stateful_result {
	uint64_t stored;       /* distinct states (decision points) stored */
	uint64_t matched;      /* arrivals at a state already stored: cut */
	uint64_t transitions;  /* steps executed */
	uint64_t ends;         /* paths that ended (quiescence or violation) */
	uint64_t violations;   /* paths that ended in a violation */
	uint64_t distinct;     /* distinct signatures */
	uint64_t cycles;       /* arrivals at a state on the current path */
	uint64_t max_depth;    /* deepest path, in decision points */
	uint64_t restores;     /* checkpoints restored */
	uint64_t reductions;   /* states where only a local step was taken */
	uint64_t clock_restarts; /* searches begun again without the reduction
				  * because a thread read the clock */
	bool reduced;          /* the local-step reduction was on */
	size_t table_bytes;    /* the state table */
	size_t peak_bytes;     /* table + checkpoints, at most */
	double omission;       /* bound on P(some state wrongly taken as stored) */
	bool complete;         /* every reachable state was expanded */
	char incomplete[160];  /* why not, when !complete */
};

/* 0 with *res filled in; -1 with one line in err (checkpoints unsupported,
 * bad options).  Hitting the memory cap or states_max is not an error: the
 * result says incomplete, and why. */
int stateful_run(const struct stateful_opts *o, struct stateful_result *res, char *err,
		 size_t errlen);

#endif
