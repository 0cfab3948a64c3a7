/*
 * tests/unit_driver.h: the generic driver of the single-thread unit tests
 * (test_core, test_apf, test_kick_all, test_its).  A unit scenario checks
 * its expectations on one simulated thread and reports V_ASSERT at the end;
 * the driver runs it for every variant (a bug id, or -1 for the correct
 * core) under every model (and arch, if asked) over `runs` random schedules.
 */
#ifndef REQSIM_TESTS_UNIT_DRIVER_H
#define REQSIM_TESTS_UNIT_DRIVER_H

#include <stdio.h>

#include "scenarios.h"
#include "strategy.h"

/* If param0 is set, params[0] is the variant's index (the scenario's
 * expectations follow it).  Returns the number of failures. */
static int unit_drive(const struct scenario *sc, const int *variants, int nvariants,
		      int runs, bool param0, bool all_archs)
{
	int failures = 0, total = 0;
	for (int v = 0; v < nvariants; v++) {
		for (int a = 0; a < (all_archs ? ARCH_COUNT : 1); a++) {
			for (int m = 0; m < MODEL_COUNT; m++) {
				struct sim_config cfg;
				struct strategy st;
				struct sim_result r;
				sim_config_defaults(&cfg, sc);
				cfg.model = m;
				cfg.arch = a;
				if (param0)
					cfg.params[0] = v;
				if (variants[v] >= 0)
					cfg.bugs = 1ULL << variants[v];
				struct sim *sim = sim_new(&cfg);
				strategy_init(&st, ST_RANDOM, 3);
				for (int i = 0; i < runs; i++) {
					strategy_begin_run(&st, (uint64_t)i);
					sim_run(sim, &st, &r);
					total++;
					if (r.violated) {
						printf("FAIL %s %s %s bug %s run %d: %s: %s\n", sc->name,
						       sim_arch_name(a), sim_model_name(m),
						       variants[v] >= 0 ? sim_bug_name(variants[v]) : "-",
						       i, sim_viol_name(r.v.kind), r.v.msg);
						failures++;
						break;
					}
				}
				sim_free(sim);
			}
		}
	}
	printf("%s: %d runs, %d failure(s)\n", sc->name, total, failures);
	return failures;
}

#endif
