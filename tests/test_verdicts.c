/*
 * tests/test_verdicts.c: the expected-verdict table of the request-core
 * scenarios (scenarios/kvm_scenarios.c), checked cell by cell.  For every
 * scenario x bug x params x model x arch: a "sometimes" must be found by
 * random or PCT within a fixed budget and seed.  A "never" is first given to
 * the exhaustive search (dfs with partial-order reduction) under a small
 * budget: if the search completes it is proven for every schedule, else it
 * must stay clean over the random and PCT budget (sampled).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "scenarios.h"
#include "strategy.h"

#define BUDGET 3000

static uint64_t count(const struct sim_config *cfg, int kind, char *msg, size_t len)
{
	struct sim *sim = sim_new(cfg);
	struct strategy st;
	struct sim_result r;
	uint64_t hits = 0;
	strategy_init(&st, kind, 1);
	if (kind == ST_PCT) { /* expected length from one default run */
		struct strategy d;
		strategy_init(&d, ST_DEFAULT, 0);
		strategy_begin_run(&d, 0);
		sim_run(sim, &d, &r);
		st.pct_steps = r.decisions < 8 ? 8 : r.decisions;
	}
	for (uint64_t i = 0; i < BUDGET; i++) {
		strategy_begin_run(&st, i);
		sim_run(sim, &st, &r);
		if (r.violated) {
			if (!hits)
				snprintf(msg, len, "%s: %s", sim_viol_name(r.v.kind), r.v.msg);
			hits++;
		}
	}
	sim_free(sim);
	return hits;
}

/* dfs under a budget: 1 complete and clean, 0 incomplete, -1 violation. */
static int prove(const struct sim_config *cfg, uint64_t budget, uint64_t *runs,
		 char *msg, size_t len)
{
	struct sim *sim = sim_new(cfg);
	struct strategy st;
	struct sim_result r;
	int verdict = 0;
	strategy_init(&st, ST_DFS, 0);
	for (*runs = 0; *runs < budget; ++*runs) {
		strategy_begin_run(&st, *runs);
		sim_run(sim, &st, &r);
		if (r.violated) {
			snprintf(msg, len, "dfs: %s: %s", sim_viol_name(r.v.kind), r.v.msg);
			verdict = -1;
			break;
		}
		if (!strategy_dfs_next(&st)) {
			verdict = st.hit_bound ? 0 : 1;
			break;
		}
	}
	strategy_free(&st);
	sim_free(sim);
	return verdict;
}

int main(void)
{
	int failures = 0, cells = 0, proven = 0, nevers = 0;
	/* without exact footprints (sanitizer builds) the reduction is weaker */
	uint64_t dfs_budget = sim_footprints_exact() ? 4000 : 400;
	int n = verdict_count();
	for (int i = 0; i < n; i++) {
		const struct verdict_row *r = verdict_at(i);
		const struct scenario *sc = scenario_find(r->scenario);
		if (!sc) {
			printf("FAIL no scenario %s\n", r->scenario);
			failures++;
			continue;
		}
		for (int a = 0; a < ARCH_COUNT; a++) {
			if (r->arch >= 0 && r->arch != a)
				continue;
			for (int m = 0; m < MODEL_COUNT; m++) {
				struct sim_config cfg;
				char err[200], msg[300] = "";
				sim_config_defaults(&cfg, sc);
				cfg.model = m;
				cfg.arch = a;
				cfg.steps_max = 20000;
				if (r->bug >= 0)
					cfg.bugs = 1ULL << r->bug;
				if (scenario_apply_params(&cfg, r->params, err, sizeof(err))) {
					printf("FAIL %s: %s\n", sc->name, err);
					failures++;
					continue;
				}
				cells++;
				if (r->expect[m] == NEVER) {
					uint64_t runs;
					int pv = prove(&cfg, dfs_budget, &runs, msg, sizeof(msg));
					nevers++;
					if (pv != 0) {
						bool ok = pv > 0;
						proven += ok;
						failures += !ok;
						printf("%s %-19s %-28s %-22s %-5s %-3s %-9s dfs %s in "
						       "%" PRIu64 " schedules%s%s\n",
						       ok ? "ok  " : "FAIL", sc->name,
						       r->bug >= 0 ? sim_bug_name(r->bug) : "-",
						       r->params, sim_arch_name(a), sim_model_name(m),
						       verdict_name(r->expect[m]),
						       ok ? "proven" : "found a violation", runs + 1,
						       ok ? "" : "  <- ", ok ? "" : msg);
						continue;
					}
				}
				uint64_t hr = count(&cfg, ST_RANDOM, msg, sizeof(msg));
				uint64_t hp = count(&cfg, ST_PCT, msg, sizeof(msg));
				bool found = hr + hp > 0;
				bool ok = found == (r->expect[m] != NEVER);
				failures += !ok;
				printf("%s %-19s %-28s %-22s %-5s %-3s %-9s random %4" PRIu64
				       " pct %4" PRIu64 "/%d%s%s\n",
				       ok ? "ok  " : "FAIL", sc->name,
				       r->bug >= 0 ? sim_bug_name(r->bug) : "-", r->params,
				       sim_arch_name(a), sim_model_name(m),
				       verdict_name(r->expect[m]), hr, hp, BUDGET,
				       ok ? "" : "  <- ", ok ? "" : msg);
			}
		}
	}
	printf("%d cells, %d failure(s); %d of %d never cells proven by dfs (budget %"
	       PRIu64 " schedules), the rest sampled\n", cells, failures, proven, nevers,
	       dfs_budget);
	return failures ? 1 : 0;
}
