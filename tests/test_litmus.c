/*
 * tests/test_litmus.c: every litmus scenario, enumerated exhaustively (dfs,
 * no reduction) under every model, must give its expected verdict.  One
 * generic driver over the table in scenarios/litmus.c.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "scenarios.h"
#include "strategy.h"

struct count {
	uint64_t runs, hits;
};

static struct count enumerate(const struct scenario *sc, int model, uint64_t bugs)
{
	struct sim_config cfg;
	struct strategy st;
	struct sim_result r;
	struct count c = {0, 0};
	sim_config_defaults(&cfg, sc);
	cfg.model = model;
	cfg.bugs = bugs;
	struct sim *sim = sim_new(&cfg);
	strategy_init(&st, ST_DFS, 0);
	do {
		strategy_begin_run(&st, c.runs);
		sim_run(sim, &st, &r);
		c.runs++;
		if (r.violated && r.v.kind != V_LITMUS) {
			fprintf(stderr, "unexpected violation in %s: %s\n", sc->name, r.v.msg);
			c.hits = UINT64_MAX;
			break;
		}
		c.hits += r.violated;
	} while (strategy_dfs_next(&st) && c.runs < 2000000);
	strategy_free(&st);
	sim_free(sim);
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
