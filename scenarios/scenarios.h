/*
 * scenarios/scenarios.h: the registry of scenarios.
 *
 * A scenario is threads + guest behaviour + oracles + parameters, and (from
 * the request-core scenarios on) the expected verdict of every bug variant.
 */
#ifndef REQSIM_SCENARIOS_H
#define REQSIM_SCENARIOS_H

#include "sim.h"

enum verdict { NEVER, SOMETIMES, ALWAYS };

/* All scenarios, in listing order. */
int scenario_count(void);
const struct scenario *scenario_at(int i);
const struct scenario *scenario_find(const char *name);
bool scenario_has_bug(const struct scenario *s, int bug_id);

/* Litmus scenarios: the expected verdict of the exists clause per model,
 * with the listed bugs applied (bugs == 0: the correct program). */
struct litmus_expect {
	const char *scenario;
	uint64_t bugs;
	enum verdict expect[MODEL_COUNT];
};
const struct litmus_expect *litmus_expectations(int *n);
const char *verdict_name(int v);

/* Per family, for the registry. */
const struct scenario *const *litmus_scenarios(int *n);

#endif
