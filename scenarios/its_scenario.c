/*
 * scenarios/its_scenario.c: vgic ITS command queue scenarios (issue "Request core II").
 * (Being written: no scenario yet.)
 */
#include "scenarios.h"

const struct scenario *const *its_scenarios(int *n)
{
	*n = 0;
	return NULL;
}

const struct verdict_row *its_verdict_table(int *n)
{
	*n = 0;
	return NULL;
}
