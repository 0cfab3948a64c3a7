/*
 * scenarios/registry.c: every scenario, by name, in listing order.
 */
#include <string.h>

#include "scenarios.h"

typedef const struct scenario *const *(*family_fn)(int *n);

/* One entry per scenario family; constant, so no state to race on. */
static const family_fn families[] = {
	litmus_scenarios,
};
#define NFAMILIES (int)(sizeof(families) / sizeof(families[0]))

int scenario_count(void)
{
	int total = 0, n;
	for (int f = 0; f < NFAMILIES; f++) {
		families[f](&n);
		total += n;
	}
	return total;
}

const struct scenario *scenario_at(int i)
{
	int n;
	for (int f = 0; f < NFAMILIES; f++) {
		const struct scenario *const *l = families[f](&n);
		if (i < n)
			return l[i];
		i -= n;
	}
	return NULL;
}

const struct scenario *scenario_find(const char *name)
{
	for (int i = 0, n = scenario_count(); i < n; i++)
		if (!strcmp(scenario_at(i)->name, name))
			return scenario_at(i);
	return NULL;
}

bool scenario_has_bug(const struct scenario *s, int bug_id)
{
	for (int i = 0; i < 8 && s->bugs[i] >= 0; i++)
		if (s->bugs[i] == bug_id)
			return true;
	return false;
}

const char *verdict_name(int v)
{
	return v == NEVER ? "Never" : v == SOMETIMES ? "Sometimes" : "Always";
}
