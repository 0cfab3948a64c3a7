/*
 * scenarios/registry.c: every scenario, by name, in listing order.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenarios.h"

typedef const struct scenario *const *(*family_fn)(int *n);

/* One entry per scenario family (families.def); constant, so no state to
 * race on. */
static const family_fn families[] = {
#define REQSIM_FAMILY(fam, source, verdicts, native) fam##_scenarios,
#include "families.def"
#undef REQSIM_FAMILY
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

bool scenario_supports_arch(const struct scenario *s, int arch)
{
	if (arch < 0 || arch >= ARCH_COUNT)
		return false;
	return !s->archs || (s->archs >> arch) & 1;
}

const char *scenario_archs_str(const struct scenario *s, char *buf, size_t len)
{
	size_t n = 0;
	if (len)
		buf[0] = 0;
	for (int a = 0; a < ARCH_COUNT && n < len; a++)
		if (scenario_supports_arch(s, a))
			n += (size_t)snprintf(buf + n, len - n, "%s%s", n ? "," : "",
					      sim_arch_name(a));
	return buf;
}

int scenario_check_arch(const struct scenario *s, int arch, char *err, size_t len)
{
	char archs[64];
	if (scenario_supports_arch(s, arch))
		return 0;
	scenario_archs_str(s, archs, sizeof(archs));
	snprintf(err, len, "scenario '%s' is %s only, not %s", s->name, archs,
		 arch >= 0 && arch < ARCH_COUNT ? sim_arch_name(arch) : "that arch");
	return -1;
}

const char *verdict_name(int v)
{
	return v == NEVER ? "Never" : v == SOMETIMES ? "Sometimes" : "Always";
}

int scenario_apply_params(struct sim_config *cfg, const char *params, char *err,
			  size_t len)
{
	const struct scenario *sc = cfg->scenario;
	char buf[256];
	if (strlen(params) >= sizeof(buf)) {
		snprintf(err, len, "parameters too long (limit %zu characters)", sizeof(buf) - 1);
		return -1;
	}
	snprintf(buf, sizeof(buf), "%s", params);
	for (char *save = NULL, *tok = strtok_r(buf, " ", &save); tok;
	     tok = strtok_r(NULL, " ", &save)) {
		char *eq = strchr(tok, '='), *end;
		int k;
		if (!eq) {
			snprintf(err, len, "'%s': expected NAME=VALUE", tok);
			return -1;
		}
		*eq = 0;
		for (k = 0; k < sc->nparams && strcmp(sc->params[k].name, tok); k++)
			;
		if (k == sc->nparams) {
			snprintf(err, len, "scenario '%s' has no parameter '%s'", sc->name, tok);
			return -1;
		}
		errno = 0;
		long v = strtol(eq + 1, &end, 0);
		if (end == eq + 1 || *end || (errno && errno != ERANGE)) {
			snprintf(err, len, "parameter %s: '%s' is not a number", tok, eq + 1);
			return -1;
		}
		if (errno == ERANGE || v < sc->params[k].min || v > sc->params[k].max) {
			snprintf(err, len, "parameter %s: '%s' is out of range [%ld, %ld]", tok,
				 eq + 1, sc->params[k].min, sc->params[k].max);
			return -1;
		}
		cfg->params[k] = v;
	}
	return 0;
}

typedef const struct verdict_row *(*verdict_fn)(int *n);

/* Every scenario family's expected-verdict table, in listing order. */
static const verdict_fn verdict_tables[] = {
#define REQSIM_FAMILY(fam, source, verdicts, native) REQSIM_IF_##verdicts(fam##_verdict_table,)
#include "families.def"
#undef REQSIM_FAMILY
};
#define NTABLES (int)(sizeof(verdict_tables) / sizeof(verdict_tables[0]))

int verdict_count(void)
{
	int total = 0, n;
	for (int t = 0; t < NTABLES; t++) {
		verdict_tables[t](&n);
		total += n;
	}
	return total;
}

const struct verdict_row *verdict_at(int i)
{
	int n;
	for (int t = 0; t < NTABLES; t++) {
		const struct verdict_row *r = verdict_tables[t](&n);
		if (i < n)
			return &r[i];
		i -= n;
	}
	return NULL;
}
