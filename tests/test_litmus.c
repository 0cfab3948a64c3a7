/*
 * tests/test_litmus.c: every litmus scenario, enumerated exhaustively (dfs,
 * with reduction) under every model, must give its expected verdict.  One
 * generic driver over the table in scenarios/litmus.c.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "explore.h"
#include "scenarios.h"

struct count {
	uint64_t runs, hits;
};

/* Count the schedules and the ones the litmus condition flags; stop at
 * any other violation. */
static bool tally(void *ctx, int job, uint64_t run, struct sim *sim,
		  const struct sim_result *r)
{
	struct count *c = ctx;
	(void)job, (void)run;
	c->runs++;
	if (r->violated && r->v.kind != V_LITMUS) {
		fprintf(stderr, "unexpected violation in %s: %s\n", sim_config(sim)->scenario->name,
			r->v.msg);
		c->hits = UINT64_MAX;
		return true;
	}
	c->hits += r->violated;
	return false;
}

static struct count enumerate(const struct scenario *sc, int model, uint64_t bugs)
{
	struct sim_config cfg;
	struct explore_opts o;
	struct explore_result r;
	struct count c = {0, 0};
	char err[200];
	sim_config_defaults(&cfg, sc);
	cfg.model = model;
	cfg.bugs = bugs;
	explore_opts_init(&o, &cfg, ST_DFS);
	o.budget = 2000000;
	o.on_run = tally;
	o.ctx = &c;
	if (explore_run(&o, &r, err, sizeof(err))) {
		fprintf(stderr, "%s: explore: %s\n", sc->name, err);
		c.hits = UINT64_MAX;
	}
	return c;
}

int main(void)
{
	int n, failures = 0;
	const struct litmus_expect *e = litmus_expectations(&n);
	for (int i = 0; i < n; i++) {
		const struct scenario *sc = scenario_find(e[i].scenario);
		if (!sc) {
			printf("FAIL %s: no such scenario\n", e[i].scenario);
			failures++;
			continue;
		}
		for (int m = 0; m < MODEL_COUNT; m++) {
			struct count c = enumerate(sc, m, e[i].bugs);
			int got = c.hits == 0 ? NEVER : c.hits == c.runs ? ALWAYS : SOMETIMES;
			bool ok = c.hits != UINT64_MAX && got == (int)e[i].expect[m];
			printf("%s %-28s %-4s bugs=%-3" PRIx64 " %-9s (expected %-9s) "
			       "%" PRIu64 "/%" PRIu64 " schedules\n",
			       ok ? "ok  " : "FAIL", e[i].scenario, sim_model_name(m), e[i].bugs,
			       verdict_name(got), verdict_name(e[i].expect[m]), c.hits, c.runs);
			failures += !ok;
		}
	}
	printf("%d failure(s)\n", failures);
	return failures ? 1 : 0;
}
