/*
 * tests/test_dpor.c: partial-order reduction is sound.  For small programs
 * under every memory model, dfs with reduction (sim/dpor.c) and dfs without
 * (brute force, every schedule) must reach the same set of final outcomes
 * (the scenario's outcome plus the violation kind, if any) and count the
 * same behaviours (Mazurkiewicz traces).  Where brute force cannot finish
 * within its budget, every outcome it reached must be among the reduced
 * search's.  The reduction must also really reduce: the request handshake
 * and dekker take many times fewer schedules than brute force.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "explore.h"
#include "scenarios.h"

struct result {
	uint64_t *out;   /* sorted unique outcome hashes */
	size_t nout, cap;
	uint64_t schedules, behaviours;
	bool complete;
};

static int cmp64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static uint64_t hash_str(uint64_t h, const char *s)
{
	for (; *s; s++)
		h = (h ^ (uint8_t)*s) * 0x100000001b3ULL;
	return h;
}

static void unique(struct result *res)
{
	size_t u = 0;
	qsort(res->out, res->nout, sizeof(*res->out), cmp64);
	for (size_t k = 0; k < res->nout; k++)
		if (!u || res->out[u - 1] != res->out[k])
			res->out[u++] = res->out[k];
	res->nout = u;
}

/* Every schedule run to the end: its outcome and verdict, hashed. */
static bool note_outcome(void *ctx, int job, uint64_t run, struct sim *sim,
			 const struct sim_result *r)
{
	struct result *res = ctx;
	char buf[512];
	(void)job, (void)run;
	if (r->aborted)
		return false;
	sim_outcome(sim, buf, sizeof(buf));
	uint64_t h = hash_str(0xcbf29ce484222325ULL, buf);
	h = hash_str(h, r->violated ? sim_viol_name(r->v.kind) : "clean");
	if (res->nout == res->cap)
		res->out = realloc(res->out, (res->cap *= 2) * sizeof(*res->out));
	res->out[res->nout++] = h;
	if (res->nout > 4096) /* keep it unique as it grows */
		unique(res);
	return false;
}

static void search(const struct sim_config *cfg, bool reduce, uint64_t budget,
		   struct result *res)
{
	struct explore_opts o;
	struct explore_result r;
	char err[200];
	memset(res, 0, sizeof(*res));
	res->cap = 1024;
	res->out = malloc(res->cap * sizeof(*res->out));
	explore_opts_init(&o, cfg, ST_DFS);
	o.dfs.reduce = reduce;
	o.budget = budget;
	o.on_run = note_outcome;
	o.ctx = res;
	CHECK(!explore_run(&o, &r, err, sizeof(err)), "explore: %s", err);
	unique(res);
	res->complete = r.exhausted && !r.bounded;
	res->schedules = r.runs + r.blocked;
	res->behaviours = r.behaviours;
}

static bool subset(const struct result *a, const struct result *b)
{
	for (size_t i = 0; i < a->nout; i++)
		if (!bsearch(&a->out[i], b->out, b->nout, sizeof(*b->out), cmp64))
			return false;
	return true;
}

/* Compare reduced and brute-force dfs on one configuration; returns the
 * ratio of schedules (brute / reduced) when both complete, else 0. */
static double compare_bug(const char *name, const char *params, int model,
			  uint64_t brute_budget, const char *bug)
{
	const struct scenario *sc = scenario_find(name);
	struct sim_config cfg;
	char err[200];
	CHECK(sc != NULL, "no scenario %s", name);
	if (!sc)
		return 0;
	sim_config_defaults(&cfg, sc);
	cfg.model = model;
	cfg.steps_max = 20000;
	CHECK(!scenario_apply_params(&cfg, params, err, sizeof(err)), "%s", err);
	if (bug)
		cfg.bugs = 1ULL << sim_bug_parse(bug);
	struct result red, all;
	search(&cfg, true, 5000000, &red);
	search(&cfg, false, brute_budget, &all);
	CHECK(red.complete, "%s %s %s: the reduced search did not complete", name, params,
	      sim_model_name(model));
	if (all.complete) {
		CHECK(red.nout == all.nout && subset(&all, &red),
		      "%s %s %s: %zu outcomes with reduction, %zu without", name, params,
		      sim_model_name(model), red.nout, all.nout);
		CHECK(red.behaviours == all.behaviours,
		      "%s %s %s: %" PRIu64 " behaviours with reduction, %" PRIu64 " without",
		      name, params, sim_model_name(model), red.behaviours, all.behaviours);
	} else {
		CHECK(subset(&all, &red), "%s %s %s: brute force reached an outcome the "
		      "reduced search did not", name, params, sim_model_name(model));
	}
	printf("%-10s %-28s %s %-3s reduced %8" PRIu64 " schedules %7" PRIu64
	       " behaviours %4zu outcomes | brute force %8" PRIu64 "%s %7" PRIu64
	       " behaviours %4zu outcomes\n", name, params, bug ? bug : "-",
	       sim_model_name(model),
	       red.schedules, red.behaviours, red.nout, all.schedules,
	       all.complete ? "" : "+", all.behaviours, all.nout);
	double ratio = all.complete && red.schedules ? (double)all.schedules / (double)red.schedules
						      : 0;
	free(red.out);
	free(all.out);
	return ratio;
}

static double compare(const char *name, const char *params, int model,
		      uint64_t brute_budget)
{
	return compare_bug(name, params, model, brute_budget, NULL);
}

int main(void)
{
	int n;
	const struct litmus_expect *e = litmus_expectations(&n);
	const char *done[64];
	int ndone = 0;
	for (int i = 0; i < n; i++) {
		bool seen = false;
		for (int k = 0; k < ndone; k++)
			seen |= !strcmp(done[k], e[i].scenario);
		if (seen || ndone == 64)
			continue;
		done[ndone++] = e[i].scenario;
		for (int m = 0; m < MODEL_COUNT; m++)
			compare(e[i].scenario, "", m, 2000000);
	}
	if (!sim_footprints_exact()) {
		/* sanitizer builds: plain accesses unseen, every thread step
		 * conflicts; the reduction is sound but weak, so only the small
		 * programs, for memory safety of the search itself */
		for (int m = 0; m < MODEL_COUNT; m++)
			compare("handshake", "vcpus=1 requesters=2 mb=0", m, 2000000);
		printf("%d failure(s) (coarse footprints: the large cases are skipped)\n",
		       failures);
		return failures ? 1 : 0;
	}
	for (int m = 0; m < MODEL_COUNT; m++) {
		compare("handshake", "vcpus=1 requesters=1", m, 2000000);
		compare("handshake", "vcpus=1 requesters=2 mb=0", m, 2000000);
		double r = compare("handshake", "vcpus=2 requesters=1", m, 2000000);
		CHECK(m == MODEL_WMM || r >= 10, "handshake 2x1 %s: reduction only %.1fx",
		      sim_model_name(m), r);
	}
	/* dekker, 1 vCPU and 1 requester: brute force cannot finish; every
	 * outcome it reaches in its budget must be among the reduced ones */
	uint64_t b = sim_footprints_exact() ? 200000 : 20000;
	compare("dekker", "vcpus=1 requesters=1 rounds=1 entries=0", MODEL_SC, b);
	compare("dekker", "vcpus=1 requesters=1 rounds=1 entries=0", MODEL_TSO, b);
	compare("dekker", "vcpus=1 requesters=1 rounds=1 entries=0 mask=1", MODEL_PSO, b);
	compare("payload", "vcpus=1 requesters=1 entries=0", MODEL_TSO, b);
	/* with a bug: the violation is an outcome both searches must reach */
	compare_bug("dekker", "vcpus=1 requesters=1 rounds=1 entries=0", MODEL_TSO, b,
		    "no-mb-after-in-guest-mode");
	compare_bug("dekker", "vcpus=1 requesters=1 rounds=1 entries=0", MODEL_SC, b,
		    "check-before-in-guest-mode");
	printf("%d failure(s)\n", failures);
	return failures ? 1 : 0;
}
