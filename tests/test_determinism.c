/*
 * tests/test_determinism.c: a run is a function of its inputs.
 *
 *  1. The same (scenario, model, seed, run) gives the same trace hash twice.
 *  2. ... with the asm switch and with the ucontext switch.
 *  3. Replaying the recorded decisions gives the same hash.
 *  4. Two simulations interleaved step by step on one OS thread, and two on
 *     two OS threads, give the hashes they give alone (no global state).
 *  5. Different schedules do give different hashes (the hash is not blind).
 *  6. The exploration engine gives every run index the same hash with 3
 *     jobs (worker threads) as with one.
 */
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "explore.h"
#include "scenarios.h"

#include "check.h"
#include "replay_last.h"

#define RUNS 300

struct cfgdesc {
	const char *scenario;
	int model;
};
static const struct cfgdesc cfgs[] = {
	{"sb", MODEL_TSO}, {"iriw", MODEL_PSO}, {"2+2w", MODEL_PSO},
	{"sb+mbs", MODEL_SC}, {"mp+wmb", MODEL_PSO}, {"iriw", MODEL_WMM},
	{"mixed", MODEL_WMM},
};
#define NCFG (int)(sizeof(cfgs) / sizeof(cfgs[0]))

static struct sim *make(const struct cfgdesc *d, int sw)
{
	struct sim_config c;
	sim_config_defaults(&c, scenario_find(d->scenario));
	c.model = d->model;
	c.switch_impl = sw;
	return sim_new(&c);
}

static bool note_hash(void *ctx, int job, uint64_t run, struct sim *sim,
		      const struct sim_result *r)
{
	uint64_t *out = ctx; /* run i is in exactly one job: no two threads write out[i] */
	(void)job, (void)sim;
	out[run] = r->hash;
	return false;
}

/* Hashes of runs 0..RUNS-1 of random seed 11, explored by `jobs` jobs. */
static void hashes_jobs(const struct cfgdesc *d, int sw, int jobs, uint64_t *out)
{
	struct sim_config c;
	struct explore_opts o;
	struct explore_result r;
	char err[200];
	sim_config_defaults(&c, scenario_find(d->scenario));
	c.model = d->model;
	c.switch_impl = sw;
	explore_opts_init(&o, &c, ST_RANDOM);
	o.seed = 11;
	o.budget = RUNS;
	o.jobs = jobs;
	o.on_run = note_hash;
	o.ctx = out;
	CHECK(!explore_run(&o, &r, err, sizeof(err)), "explore: %s", err);
	CHECK(r.runs == RUNS, "%s: %" PRIu64 " of %d runs", d->scenario, r.runs, RUNS);
}

static void hashes(const struct cfgdesc *d, int sw, uint64_t *out)
{
	hashes_jobs(d, sw, 1, out);
}

struct job {
	const struct cfgdesc *d;
	uint64_t h[RUNS];
};

static void *job_main(void *arg)
{
	struct job *j = arg;
	hashes(j->d, SWITCH_ASM, j->h);
	return NULL;
}

int main(void)
{
	static uint64_t a[NCFG][RUNS], b[RUNS], u[RUNS];

	for (int k = 0; k < NCFG; k++) {
		const struct cfgdesc *d = &cfgs[k];
		hashes(d, SWITCH_ASM, a[k]);
		hashes(d, SWITCH_ASM, b);
		CHECK(!memcmp(a[k], b, sizeof(b)), "%s/%s: same seed, different hash",
		      d->scenario, sim_model_name(d->model));
		hashes_jobs(d, SWITCH_ASM, 3, b);
		CHECK(!memcmp(a[k], b, sizeof(b)), "%s/%s: 3 explore jobs give other hashes",
		      d->scenario, sim_model_name(d->model));
		if (sim_switch_available(SWITCH_UCONTEXT)) {
			hashes(d, SWITCH_UCONTEXT, u);
			CHECK(!memcmp(a[k], u, sizeof(u)), "%s/%s: asm and ucontext differ",
			      d->scenario, sim_model_name(d->model));
		}
		int distinct = 0;
		for (int i = 1; i < RUNS; i++)
			distinct += a[k][i] != a[k][0];
		CHECK(distinct > 0, "%s: every schedule has the same hash", d->scenario);

		/* replay of recorded decisions */
		struct sim *sim = make(d, SWITCH_ASM);
		struct strategy st;
		struct sim_result r1, r2;
		strategy_init(&st, ST_RANDOM, 11);
		for (int i = 0; i < 20; i++) {
			strategy_begin_run(&st, (uint64_t)i);
			sim_run(sim, &st, &r1);
			replay_last(sim, &r2);
			CHECK(!r2.aborted && r1.hash == r2.hash && r1.hash == a[k][i],
			      "%s run %d: replay hash %016" PRIx64 " vs %016" PRIx64, d->scenario,
			      i, r2.hash, r1.hash);
		}
		sim_free(sim);
	}

	/* Interleaved on one OS thread: A and B advance one step at a time. */
	{
		struct sim *sa = make(&cfgs[0], SWITCH_ASM), *sb = make(&cfgs[1], SWITCH_ASM);
		struct strategy ta, tb;
		struct sim_result ra, rb;
		strategy_init(&ta, ST_RANDOM, 11);
		strategy_init(&tb, ST_RANDOM, 11);
		for (int i = 0; i < RUNS; i++) {
			strategy_begin_run(&ta, (uint64_t)i);
			strategy_begin_run(&tb, (uint64_t)i);
			sim_begin(sa, &ta);
			sim_begin(sb, &tb);
			bool ma = true, mb = true;
			while (ma || mb) {
				if (ma)
					ma = sim_step(sa);
				if (mb)
					mb = sim_step(sb);
			}
			sim_finish(sa, &ra);
			sim_finish(sb, &rb);
			CHECK(ra.hash == a[0][i] && rb.hash == a[1][i],
			      "interleaved run %d differs from the run alone", i);
		}
		sim_free(sa);
		sim_free(sb);
	}

	/* On several OS threads at once. */
	{
		struct job jobs[NCFG];
		pthread_t th[NCFG];
		for (int k = 0; k < NCFG; k++) {
			jobs[k].d = &cfgs[k];
			pthread_create(&th[k], NULL, job_main, &jobs[k]);
		}
		for (int k = 0; k < NCFG; k++) {
			pthread_join(th[k], NULL);
			CHECK(!memcmp(jobs[k].h, a[k], sizeof(a[k])),
			      "%s on its own OS thread differs", cfgs[k].scenario);
		}
	}

	printf("%d failure(s)\n", failures);
	return failures ? 1 : 0;
}
