/*
 * tests/test_explore.c: the contract of the exploration engine (sim/explore.h).
 *
 *  1. random and pct: 1 and 3 jobs give the same counts and the same
 *     findings (signature, run index, hits, decisions), in run order.
 *  2. dfs: 1, 2 and 3 jobs complete, find the same signatures and count
 *     the same behaviours (traces), on a configuration small enough for
 *     builds without exact footprints.
 *  3. stop_on_first stops at the first violating run.
 *  4. Bad options come back as -1 with a message: bytes/replay strategies,
 *     jobs out of range, several random jobs with stop_on_first.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "explore.h"
#include "scenarios.h"

#include "check.h"

#define FOUND_MAX 32

struct seen {
	size_t n;
	struct explore_finding f[FOUND_MAX];
	uint64_t dec_hash[FOUND_MAX];
};

static void keep(void *ctx, const struct explore_finding *f)
{
	struct seen *s = ctx;
	uint64_t h = 0xcbf29ce484222325ULL;
	const unsigned char *p = (const unsigned char *)f->dec;
	for (size_t i = 0; i < f->ndec * sizeof(*f->dec); i++)
		h = (h ^ p[i]) * 0x100000001b3ULL;
	if (s->n < FOUND_MAX) {
		s->f[s->n] = *f;
		s->f[s->n].dec = NULL; /* freed after the call */
		s->dec_hash[s->n++] = h;
	}
}

static struct explore_result run(const struct sim_config *cfg, int kind, int jobs,
				 uint64_t budget, struct seen *s)
{
	struct explore_opts o;
	struct explore_result r;
	char err[200];
	memset(s, 0, sizeof(*s));
	explore_opts_init(&o, cfg, kind);
	o.budget = budget;
	o.jobs = jobs;
	o.on_found = keep;
	o.ctx = s;
	CHECK(!explore_run(&o, &r, err, sizeof(err)), "explore: %s", err);
	return r;
}

static void config(struct sim_config *cfg, const char *scen, const char *bug, int model,
		   const char *params)
{
	char err[200];
	sim_config_defaults(cfg, scenario_find(scen));
	cfg->model = model;
	cfg->bugs = 1ULL << sim_bug_parse(bug);
	CHECK(!scenario_apply_params(cfg, params, err, sizeof(err)), "%s", err);
}

static void same_for_jobs(const struct sim_config *cfg, int kind, const char *what)
{
	static struct seen a, b;
	struct explore_result ra = run(cfg, kind, 1, 600, &a);
	struct explore_result rb = run(cfg, kind, 3, 600, &b);
	CHECK(ra.violations > 0, "%s: nothing found, the check is blind", what);
	CHECK(ra.runs == rb.runs && ra.steps == rb.steps && ra.violations == rb.violations &&
	      ra.distinct == rb.distinct && a.n == b.n, "%s: 1 and 3 jobs differ: %" PRIu64
	      "/%" PRIu64 " violations, %zu/%zu findings", what, ra.violations, rb.violations,
	      a.n, b.n);
	for (size_t k = 0; k < a.n && k < b.n; k++) {
		CHECK(a.f[k].sig == b.f[k].sig && a.f[k].run == b.f[k].run &&
		      a.f[k].hits == b.f[k].hits && a.dec_hash[k] == b.dec_hash[k],
		      "%s: finding %zu differs (run %" PRIu64 " vs %" PRIu64 ")", what, k,
		      a.f[k].run, b.f[k].run);
		CHECK(k == 0 || a.f[k - 1].run < a.f[k].run, "%s: findings not in run order",
		      what);
	}
}

/* The signatures of b are those of a. */
static bool same_sigs(const struct seen *a, const struct seen *b)
{
	bool same = a->n == b->n;
	for (size_t k = 0; k < a->n && same; k++) {
		bool in = false;
		for (size_t q = 0; q < b->n; q++)
			in |= a->f[k].sig == b->f[q].sig;
		same &= in;
	}
	return same;
}

static void dfs_for_jobs(const struct sim_config *cfg)
{
	static struct seen s[3];
	struct explore_result r[3];
	for (int j = 0; j < 3; j++) {
		r[j] = run(cfg, ST_DFS, j + 1, 100000, &s[j]);
		CHECK(r[j].exhausted && !r[j].bounded, "dfs, %d jobs: did not complete", j + 1);
		CHECK(same_sigs(&s[0], &s[j]), "dfs: 1 and %d jobs find other signatures", j + 1);
	}
	CHECK(s[0].n > 0, "dfs: nothing found, the check is blind");
	/* Equal.  dekker check-before-in-guest-mode rounds=1 entries=0 under
	 * tso used to count 549 traces with 3 jobs against 546 with 1 or 2:
	 * the reduction lost traces (an IPI's send was taken as commuting with
	 * other threads' steps, but it reads the clock), and the jobs' top
	 * levels, explored in full, found some of them.  Now 2841 with 1 or 3
	 * jobs (see README, "Exhaustive search"). */
	for (int j = 1; j < 3; j++)
		CHECK(r[0].behaviours == r[j].behaviours, "dfs: 1 and %d jobs: %" PRIu64 "/%" PRIu64
		      " behaviours", j + 1, r[0].behaviours, r[j].behaviours);
}

static void stop_on_first(const struct sim_config *cfg)
{
	static struct seen s;
	struct explore_opts o;
	struct explore_result r;
	char err[200];
	memset(&s, 0, sizeof(s));
	explore_opts_init(&o, cfg, ST_RANDOM);
	o.stop_on_first = true;
	o.on_found = keep;
	o.ctx = &s;
	CHECK(!explore_run(&o, &r, err, sizeof(err)), "explore: %s", err);
	CHECK(r.violations == 1 && s.n == 1 && r.runs == s.f[0].run + 1,
	      "stop_on_first: %" PRIu64 " violations, %" PRIu64 " runs", r.violations, r.runs);
}

static void refused(const struct sim_config *cfg, int kind, int jobs, bool stop)
{
	struct explore_opts o;
	struct explore_result r;
	char err[200] = "";
	explore_opts_init(&o, cfg, kind);
	o.jobs = jobs;
	o.stop_on_first = stop;
	CHECK(explore_run(&o, &r, err, sizeof(err)) == -1 && err[0],
	      "kind %d jobs %d stop %d: accepted", kind, jobs, stop);
}

int main(void)
{
	struct sim_config cfg;
	config(&cfg, "dekker", "check-before-in-guest-mode", MODEL_PSO, "");
	same_for_jobs(&cfg, ST_RANDOM, "dekker random");
	same_for_jobs(&cfg, ST_PCT, "dekker pct");
	stop_on_first(&cfg);
	refused(&cfg, ST_BYTES, 1, false);
	refused(&cfg, ST_REPLAY, 1, false);
	refused(&cfg, ST_RANDOM, 0, false);
	refused(&cfg, ST_RANDOM, EXPLORE_JOBS_MAX + 1, false);
	refused(&cfg, ST_RANDOM, 2, true);
	config(&cfg, "sb+mbs", "sb-no-mb", MODEL_TSO, "");
	dfs_for_jobs(&cfg);
	printf("%d failure(s)\n", failures);
	return failures ? 1 : 0;
}
