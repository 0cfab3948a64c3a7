/*
 * scenarios/apf_scenario.c: async page fault scenarios (issue "Request core II").
 * (Being written: no scenario yet.)
 */
#include "scenarios.h"

const struct scenario *const *apf_scenarios(int *n)
{
	*n = 0;
	return NULL;
}

const struct verdict_row *apf_verdict_table(int *n)
{
	*n = 0;
	return NULL;
}
