/*
 * tests/replay_last.h: replay the decisions the last run of a simulation
 * recorded, in the same simulation (test_determinism, test_abstract).
 */
#ifndef REQSIM_TESTS_REPLAY_LAST_H
#define REQSIM_TESTS_REPLAY_LAST_H

#include <stdlib.h>
#include <string.h>

#include "sim.h"
#include "strategy.h"

/* Run sim again by the decisions its last run recorded; the result in out. */
static void replay_last(struct sim *sim, struct sim_result *out)
{
	struct strategy rp;
	size_t n = sim_decision_count(sim);
	struct sim_choice *c = malloc(n * sizeof(*c) + 1);
	memcpy(c, sim_decisions(sim), n * sizeof(*c));
	strategy_init(&rp, ST_REPLAY, 0);
	strategy_set_replay(&rp, c, n);
	strategy_begin_run(&rp, 0);
	sim_run(sim, &rp, out);
	strategy_free(&rp);
	free(c);
}

#endif
