/*
 * tests/test_run_isolation.c: nothing of one run survives into the next run
 * of the same process (issue 21).
 *
 * A small wmm program whose threads touch their locations in an order that
 * depends on the schedule (so a location's index in the wmm tables differs
 * from run to run) and that acquires (smp_load_acquire, smp_rmb) what other
 * threads published.  Every schedule is run twice: in one long-lived sim
 * after all the schedules before it, and by replay in a fresh sim.  Both
 * runs must agree on everything (trace hash, steps, decisions, outcome,
 * verdict).  Before the fix, a history entry's view vector kept values of
 * an earlier run for locations registered later: a thread acquiring such a
 * store got a view ahead of every store of a location, dropped out of the
 * choice set, and the run ended early as if quiescent.
 *
 * Then the same check over the request-core scenarios under wmm (a few
 * hundred random and PCT schedules each), since those are what campaigns
 * run thousands of times in one process.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform.h"
#include "explore.h"
#include "scenarios.h"

#include "check.h"

struct iso {
	long a, b, c, d, e;
	long r[10];
};

static void t_pub1(void *arg)
{
	struct iso *s = arg;
	WRITE_ONCE(s->c, 1);
	WRITE_ONCE(s->c, 2);
	WRITE_ONCE(s->e, 1);
	smp_store_release(&s->a, 1);
}

static void t_pub2(void *arg)
{
	struct iso *s = arg;
	WRITE_ONCE(s->d, 1);
	WRITE_ONCE(s->d, 2);
	smp_store_release(&s->b, 1);
	WRITE_ONCE(s->c, 3);
}

static void t_acq(void *arg)
{
	struct iso *s = arg;
	s->r[0] = smp_load_acquire(&s->b);
	s->r[1] = smp_load_acquire(&s->a);
	s->r[2] = READ_ONCE(s->e);
	smp_rmb();
	s->r[3] = READ_ONCE(s->c);
	s->r[4] = READ_ONCE(s->d);
}

static void t_rmb(void *arg)
{
	struct iso *s = arg;
	s->r[5] = READ_ONCE(s->d);
	s->r[6] = READ_ONCE(s->a);
	smp_rmb();
	s->r[7] = READ_ONCE(s->e);
	s->r[8] = smp_load_acquire(&s->c);
	s->r[9] = READ_ONCE(s->b);
}

static void iso_setup(struct sim *sim, void *state)
{
	sim_spawn(sim, "pub1", 0, t_pub1, state);
	sim_spawn(sim, "pub2", 1, t_pub2, state);
	sim_spawn(sim, "acq", 2, t_acq, state);
	sim_spawn(sim, "rmb", 3, t_rmb, state);
}

static void iso_outcome(struct sim *sim, void *state, char *buf, size_t len)
{
	const struct iso *s = state;
	(void)sim;
	snprintf(buf, len, "%ld%ld%ld%ld%ld %ld%ld%ld%ld%ld", s->r[0], s->r[1], s->r[2],
		 s->r[3], s->r[4], s->r[5], s->r[6], s->r[7], s->r[8], s->r[9]);
}

static const struct scenario sc_iso = {
	.name = "run_isolation",
	.summary = "schedule-dependent location order with acquires (wmm)",
	.state_size = sizeof(struct iso),
	.setup = iso_setup,
	.outcome = iso_outcome,
};

struct run_id {
	struct sim_result r;
	char outcome[128];
};

static struct run_id run_once(struct sim *sim, struct strategy *st)
{
	struct run_id id;
	memset(&id, 0, sizeof(id));
	sim_run(sim, st, &id.r);
	sim_outcome(sim, id.outcome, sizeof(id.outcome));
	return id;
}

static bool same_run(const struct run_id *x, const struct run_id *y)
{
	return x->r.hash == y->r.hash && x->r.steps == y->r.steps &&
	       x->r.decisions == y->r.decisions && x->r.violated == y->r.violated &&
	       x->r.v.kind == y->r.v.kind && !strcmp(x->outcome, y->outcome);
}

struct iso_check {
	const struct sim_config *cfg;
	const char *what;
	uint64_t n, bad;
};

/* The run just finished in the engine's long-lived sim, replayed in a
 * fresh one. */
static bool compare_fresh(void *ctx, int job, uint64_t i, struct sim *shared,
			  const struct sim_result *r)
{
	struct iso_check *x = ctx;
	struct run_id a;
	(void)job;
	memset(&a, 0, sizeof(a));
	a.r = *r;
	sim_outcome(shared, a.outcome, sizeof(a.outcome));
	size_t nd = sim_decision_count(shared);
	struct sim_choice *dec = malloc((nd ? nd : 1) * sizeof(*dec));
	memcpy(dec, sim_decisions(shared), nd * sizeof(*dec));

	struct sim *fresh = sim_new(x->cfg);
	struct strategy rp;
	strategy_init(&rp, ST_REPLAY, 0);
	strategy_set_replay(&rp, dec, nd);
	strategy_begin_run(&rp, 0);
	struct run_id b = run_once(fresh, &rp);
	bool ok = same_run(&a, &b) && !rp.diverged && !b.r.aborted;
	if (!ok && x->bad++ < 3)
		CHECK(ok, "%s run %" PRIu64 ": after %" PRIu64 " runs in one process: hash %016" PRIx64
		      " steps %" PRIu64 " outcome '%s' violated %d; fresh: hash %016" PRIx64
		      " steps %" PRIu64 " outcome '%s' violated %d%s%s", x->what, i, i, a.r.hash,
		      a.r.steps, a.outcome, a.r.violated, b.r.hash, b.r.steps, b.outcome,
		      b.r.violated, rp.diverged ? " (replay diverged: " : "",
		      rp.diverged ? rp.error : "");
	strategy_free(&rp);
	sim_free(fresh);
	free(dec);
	x->n++;
	return false;
}

/* Every schedule of `kind` run in one long-lived sim (the engine runs a
 * job's schedules in one) equals its replay in a fresh sim.  Returns the
 * number of runs compared. */
static uint64_t check_isolation(const struct sim_config *cfg, int kind, uint64_t budget,
				const char *what)
{
	struct iso_check x = {cfg, what, 0, 0};
	struct explore_opts o;
	struct explore_result r;
	char err[200];
	explore_opts_init(&o, cfg, kind);
	o.seed = 11;
	o.pct_steps = 80;
	o.budget = budget;
	o.on_run = compare_fresh;
	o.ctx = &x;
	CHECK(!explore_run(&o, &r, err, sizeof(err)), "%s: explore: %s", what, err);
	CHECK(x.bad == 0, "%s: %" PRIu64 " of %" PRIu64 " runs differ from a fresh process", what,
	      x.bad, x.n);
	return x.n;
}

int main(void)
{
	struct sim_config cfg;
	sim_config_defaults(&cfg, &sc_iso);
	cfg.model = MODEL_WMM;
	uint64_t n = check_isolation(&cfg, ST_RANDOM, 3000, "run_isolation random");
	n += check_isolation(&cfg, ST_PCT, 1000, "run_isolation pct");
	CHECK(n == 4000, "ran %" PRIu64 " of 4000 runs", n);

	/* Every row of the verdict table (its bug applied) under wmm: the
	 * configurations campaigns run thousands of times in one process. */
	int count = 0;
	for (int i = 0; i < verdict_count(); i++) {
		const struct verdict_row *row = verdict_at(i);
		const struct scenario *sc = scenario_find(row->scenario);
		struct sim_config c;
		char err[200], what[160];
		sim_config_defaults(&c, sc);
		c.model = MODEL_WMM;
		if (row->bug >= 0)
			c.bugs |= 1ULL << row->bug;
		CHECK(scenario_apply_params(&c, row->params ? row->params : "", err,
					    sizeof(err)) == 0, "%s: %s", row->scenario, err);
		snprintf(what, sizeof(what), "%s %s %s random", row->scenario,
			 row->bug >= 0 ? sim_bug_name(row->bug) : "-", row->params ? row->params : "");
		check_isolation(&c, ST_RANDOM, 40, what);
		snprintf(what, sizeof(what), "%s %s %s pct", row->scenario,
			 row->bug >= 0 ? sim_bug_name(row->bug) : "-", row->params ? row->params : "");
		check_isolation(&c, ST_PCT, 40, what);
		count++;
	}
	CHECK(count >= 60, "only %d verdict rows checked", count);
	if (failures)
		printf("%d failure(s)\n", failures);
	else
		printf("run isolation: %" PRIu64 " crafted runs and %d verdict rows agree with fresh processes\n",
		       n, count);
	return failures != 0;
}
