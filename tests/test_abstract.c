/*
 * tests/test_abstract.c: abstract schedules (sim/abstract.c) and their
 * mutator (fuzz/mutator.c).
 *
 *  - parsing: a good input round-trips through abs_encode(); malformed ones
 *    (no magic, a partial constraint, too many, an unknown kind, site 0, a
 *    reads-from constraint without its store, a preempt with one) are
 *    refused with a reason;
 *  - no constraints and seed 0 take exactly the default policy's schedule;
 *  - an abstract run repeats bit for bit (trace hash), and its recorded
 *    decisions replay (strategy replay) to the same hash;
 *  - honouring: reads-from pairs that random runs show and the default
 *    policy's run does not; a reads-from constraint naming one (the load's
 *    thread; every occurrence, or the load's per-thread occurrence) makes
 *    the run show it: on `mixed` 30 of 30 (TSO), 27 of 30 (TSO, that
 *    occurrence), 25 of 30 (PSO) when written, 8, 2 and 2 before; the
 *    thresholds leave a margin.  The constrained run takes the same
 *    schedule on a sim without track_rf;
 *  - a preempt constraint switches away from the named thread at the named
 *    step;
 *  - the harness: a malformed abstract input runs as the default policy;
 *  - the mutator: deterministic for (input, seed) whatever ran in between,
 *    every output parses, and every constraint it adds names a site (and a
 *    reads-from pair) the parent's run showed.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "harness.h"
#include "mutator.h"
#include "scenarios.h"
#include "strategy.h"

#include "check.h"
#include "replay_last.h"

static struct sim *new_sim(const char *scen, int model, bool rf)
{
	struct sim_config cfg;
	const struct scenario *sc = scenario_find(scen);
	sim_config_defaults(&cfg, sc);
	cfg.model = model;
	cfg.track_rf = rf;
	return sim_new(&cfg);
}

static void test_parse(void)
{
	struct abs_prog p = {.seed = 77, .policy = ABS_POL_PCT, .depth = 3, .k = 300, .n = 2}, q;
	p.c[0] = (struct abs_con){ABS_RF, 1, ABS_ANY, 2, 0x1234, 0x5678};
	p.c[1] = (struct abs_con){ABS_PREEMPT, 0, 1, 3, 0x9abc, 0};
	uint8_t b[ABS_HDR + ABS_MAX * ABS_REC + 16];
	char err[200];
	size_t n = abs_encode(&p, b, sizeof(b));
	CHECK(n == ABS_HDR + 2 * ABS_REC, "encoded length %zu", n);
	CHECK(abs_parse(b, n, &q, err, sizeof(err)) == 0, "round trip refused: %s", err);
	CHECK(q.n == 2 && q.seed == 77 && q.policy == ABS_POL_PCT && q.depth == 3 && q.k == 300 &&
	      !memcmp(&q.c[0], &p.c[0], sizeof(p.c[0])) &&
	      !memcmp(&q.c[1], &p.c[1], sizeof(p.c[1])), "round trip changed the program");
	CHECK(abs_parse(b, n - 1, &q, err, sizeof(err)) < 0 && strstr(err, "per constraint"),
	      "a partial constraint was accepted (%s)", err);
	CHECK(abs_parse((const uint8_t *)"RQA2\0\0\0\0\0\0\0\0", 12, &q, err, sizeof(err)) < 0,
	      "a wrong magic was accepted");
	b[8] = ABS_POL_END;
	CHECK(abs_parse(b, n, &q, err, sizeof(err)) < 0 && strstr(err, "policy"),
	      "unknown policy accepted (%s)", err);
	b[8] = ABS_POL_PCT;
	b[9] = 0;
	CHECK(abs_parse(b, n, &q, err, sizeof(err)) < 0 && strstr(err, "depth"),
	      "pct with depth 0 accepted (%s)", err);
	b[9] = 3;
	CHECK(abs_parse(b, 6, &q, err, sizeof(err)) < 0, "a short header was accepted");
	b[ABS_HDR] = 9;
	CHECK(abs_parse(b, n, &q, err, sizeof(err)) < 0 && strstr(err, "unknown kind"),
	      "unknown kind accepted (%s)", err);
	b[ABS_HDR] = ABS_RF;
	memset(b + ABS_HDR + 8, 0, 4); /* rf without its store */
	CHECK(abs_parse(b, n, &q, err, sizeof(err)) < 0 && strstr(err, "site2"),
	      "rf without a store accepted (%s)", err);
	abs_encode(&p, b, sizeof(b));
	memset(b + ABS_HDR + 4, 0, 4);
	CHECK(abs_parse(b, n, &q, err, sizeof(err)) < 0 && strstr(err, "site 0"),
	      "site 0 accepted (%s)", err);
	p.c[1].site2 = 5;
	abs_encode(&p, b, sizeof(b));
	CHECK(abs_parse(b, n, &q, err, sizeof(err)) < 0, "a preempt with a store accepted");
	p.c[1].site2 = 0;
	p.n = ABS_MAX;
	for (int k = 2; k < ABS_MAX; k++)
		p.c[k] = p.c[1];
	n = abs_encode(&p, b, sizeof(b));
	CHECK(abs_parse(b, n, &q, err, sizeof(err)) == 0 && q.n == ABS_MAX, "16 refused");
	memcpy(b + n, b + n - ABS_REC, ABS_REC);
	CHECK(abs_parse(b, n + ABS_REC, &q, err, sizeof(err)) < 0 && strstr(err, "at most"),
	      "17 constraints accepted (%s)", err);
	CHECK(!abs_is_abstract((const uint8_t *)"RQA", 3), "3 bytes are abstract");
}

static uint64_t run_prog(struct sim *sim, const struct abs_prog *p, struct sim_result *r)
{
	struct strategy st;
	strategy_init(&st, ST_ABSTRACT, 0);
	strategy_set_abstract(&st, p, sim);
	strategy_begin_run(&st, 0);
	sim_run(sim, &st, r);
	strategy_free(&st);
	return r->hash;
}

static void test_default_and_replay(void)
{
	struct sim *sim = new_sim("mixed", MODEL_TSO, false);
	struct strategy st;
	struct sim_result r, r2;
	struct abs_prog empty = {0};
	strategy_init(&st, ST_DEFAULT, 0);
	strategy_begin_run(&st, 0);
	sim_run(sim, &st, &r);
	strategy_free(&st);
	CHECK(run_prog(sim, &empty, &r2) == r.hash, "no constraints: not the default schedule");

	struct abs_prog p = {.seed = 99, .policy = ABS_POL_PCT, .depth = 3, .k = 100, .n = 1};
	p.c[0] = (struct abs_con){ABS_DRAIN_LATE, ABS_ANY, ABS_ANY, 0, 1, 0}; /* no such site */
	uint64_t h1 = run_prog(sim, &p, &r);
	uint64_t h2 = run_prog(sim, &p, &r2);
	CHECK(h1 == h2 && r.steps == r2.steps, "an abstract run does not repeat");
	replay_last(sim, &r2);
	CHECK(!r2.aborted && r2.hash == h1, "the recorded decisions replay to another hash");
	sim_free(sim);
}

/* The reads-from pairs (load id, store id, occurrence of the load site) of
 * one run under st. */
struct pair {
	uint32_t l, s, occ, tid;
};
static uint64_t pairs_hash; /* the trace hash of the last pairs_of_run() */
static size_t pairs_of_run(struct sim *sim, struct strategy *st, struct pair *out, size_t max)
{
	size_t n = 0;
	uint32_t seen_site[256] = {0}, seen_n[256] = {0};
	sim_begin(sim, st);
	while (sim_step(sim)) {
		const struct sim_choice *c = sim_step_choice(sim);
		uint32_t id = abs_site_id(sim_step_site(sim));
		if (!c || c->kind != CH_STEP || !id)
			continue;
		uint32_t occ = 0, key = id ^ (uint32_t)(c->tid + 1) * 0x9e3779b9u;
		for (int k = 0; k < 256; k++)
			if (seen_site[k] == key || !seen_site[k]) {
				seen_site[k] = key;
				occ = ++seen_n[k];
				break;
			}
		const struct platform_site *ld, *sts;
		if (sim_step_reads_from(sim, &ld, &sts) && sts && abs_site_id(ld) == id &&
		    n < max && abs_site_id(sts) != id)
			out[n++] = (struct pair){id, abs_site_id(sts), occ, c->tid};
	}
	struct sim_result r;
	sim_finish(sim, &r);
	pairs_hash = r.hash;
	return n;
}

static bool has_pair(const struct pair *p, size_t n, uint32_t l, uint32_t s, uint32_t occ)
{
	for (size_t i = 0; i < n; i++)
		if (p[i].l == l && p[i].s == s && (!occ || p[i].occ == occ))
			return true;
	return false;
}


static const char *lbl(const struct platform_site *s) { return s ? s->label : "-"; }
static void diag_run(struct sim *sim, const struct abs_prog *p, uint32_t L, uint32_t S, int ltid)
{
	struct strategy a;
	strategy_init(&a, ST_ABSTRACT, 0);
	strategy_set_abstract(&a, p, sim);
	strategy_begin_run(&a, 0);
	sim_begin(sim, &a);
	int step = 0;
	while (sim_step(sim)) {
		step++;
		const struct sim_choice *c = sim_step_choice(sim);
		const struct platform_site *ss = sim_step_site(sim);
		uint32_t id = abs_site_id(ss);
		const struct platform_site *ld, *sts;
		bool rf = sim_step_reads_from(sim, &ld, &sts);
		const char *mark = id == L ? (c->tid == ltid ? "LOAD" : "load*") : id == S ? "STORE" : "";
		if (!mark[0]) continue;
		printf("   %4d %s t%u k%u %s [%s] rf=%s %s\n", step, mark, c->tid, c->kind, lbl(ss),
		       ss ? ss->func : "-", rf && sts ? lbl(sts) : "-", rf && sts ? (abs_site_id(sts) == S ? "(S)" : "") : "");
	}
	struct sim_result r;
	sim_finish(sim, &r);
	strategy_free(&a);
}

/* Reads-from constraints (thread of the load; every occurrence, or with
 * occ the load's per-thread occurrence) on pairs that random runs show and
 * the default run does not: how many of ntry the constrained run shows.
 * Each constrained run also runs on a sim without track_rf (as the fuzz
 * harness runs with feedback off) and must take the same schedule. */
static int honour_rate(const char *scen, int model, bool occ, int ntry, int *tried_out)
{
	struct sim *sim = new_sim(scen, model, true), *plain = new_sim(scen, model, false);
	static struct pair def[4096], rnd[4096], got[4096];
	struct strategy st;
	strategy_init(&st, ST_DEFAULT, 0);
	strategy_begin_run(&st, 0);
	size_t nd = pairs_of_run(sim, &st, def, 4096);
	strategy_free(&st);
	int tried = 0, honoured = 0, differ = 0;
	strategy_init(&st, ST_RANDOM, 3);
	for (uint64_t run = 0; run < 400 && tried < ntry; run++) {
		strategy_begin_run(&st, run);
		size_t nr = pairs_of_run(sim, &st, rnd, 4096);
		for (size_t i = 0; i < nr && tried < ntry; i++) {
			if (has_pair(def, nd, rnd[i].l, rnd[i].s, 0) || rnd[i].occ > 255)
				continue;
			struct abs_prog p = {.n = 1};
			p.c[0] = (struct abs_con){ABS_RF, (uint8_t)rnd[i].tid, ABS_ANY,
						  occ ? (uint8_t)rnd[i].occ : 0, rnd[i].l, rnd[i].s};
			struct strategy a;
			strategy_init(&a, ST_ABSTRACT, 0);
			strategy_set_abstract(&a, &p, sim);
			strategy_begin_run(&a, 0);
			size_t ng = pairs_of_run(sim, &a, got, 4096);
			uint64_t h = pairs_hash;
			strategy_free(&a);
			struct sim_result r;
			differ += run_prog(plain, &p, &r) != h;
			tried++;
			bool hit = false;
			for (size_t j = 0; j < ng; j++)
				hit |= got[j].l == rnd[i].l && got[j].s == rnd[i].s &&
				       (!occ || (got[j].occ == rnd[i].occ && got[j].tid == rnd[i].tid));
			honoured += hit;
			if (getenv("ABS_DEBUG") && !hit) {
				printf("miss L=%08x#%u S=%08x; got:", rnd[i].l, rnd[i].occ, rnd[i].s);
				for (size_t j = 0; j < ng; j++)
					if (got[j].l == rnd[i].l)
						printf(" #%u<-%08x", got[j].occ, got[j].s);
				printf("\n");
				if (atoi(getenv("ABS_DEBUG")) > 1)
					diag_run(sim, &p, rnd[i].l, rnd[i].s, (int)rnd[i].tid);
			}
		}
	}
	strategy_free(&st);
	printf("rf constraints on pairs the default run lacks (%s, %s, %s): %d of %d "
	       "honoured\n", scen, sim_model_name(model), occ ? "that occurrence" : "every",
	       honoured, tried);
	CHECK(differ == 0, "%d constrained runs took another schedule without track_rf", differ);
	sim_free(sim);
	sim_free(plain);
	*tried_out = tried;
	return honoured;
}

static void test_honour_rf(void)
{
	/* the default run has none of these pairs: each one seen is the
	 * constraint's doing (30, 27 and 25 of 30 when written; 8, 2 and 2
	 * before the honouring compared the load's word and its last writer) */
	static const struct {
		const char *scen;
		int model;
		bool occ;
		int min;
	} cases[] = {{"mixed", MODEL_TSO, false, 26},
		     {"mixed", MODEL_TSO, true, 23},
		     {"mixed", MODEL_PSO, false, 20}};
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		int tried, honoured = honour_rate(cases[k].scen, cases[k].model, cases[k].occ, 30,
						  &tried);
		CHECK(tried >= 30, "only %d candidate pairs", tried);
		CHECK(honoured >= cases[k].min, "only %d of %d reads-from constraints honoured "
		      "(%s, %s; at least %d expected)", honoured, tried, cases[k].scen,
		      sim_model_name(cases[k].model), cases[k].min);
	}
}

static void test_honour_preempt(void)
{
	struct sim *sim = new_sim("mixed", MODEL_TSO, true);
	struct strategy st;
	strategy_init(&st, ST_DEFAULT, 0);
	strategy_begin_run(&st, 0);
	sim_begin(sim, &st);
	/* the 3rd step of thread 0 under the default policy: its site */
	int k = 0;
	uint32_t site = 0;
	while (sim_step(sim)) {
		const struct sim_choice *c = sim_step_choice(sim);
		if (c->kind == CH_STEP && c->tid == 0 && ++k == 3) {
			site = abs_site_id(sim_step_site(sim));
			break;
		}
	}
	struct sim_result r;
	while (sim_step(sim))
		;
	sim_finish(sim, &r);
	strategy_free(&st);
	CHECK(site != 0, "thread 0 has no third step");
	struct abs_prog p = {.n = 1};
	p.c[0] = (struct abs_con){ABS_PREEMPT, 0, ABS_ANY, 0, site, 0};
	strategy_init(&st, ST_ABSTRACT, 0);
	strategy_set_abstract(&st, &p, sim);
	strategy_begin_run(&st, 0);
	sim_begin(sim, &st);
	/* the first time thread 0 stands at the site, the next step is not
	 * thread 0's (other threads are runnable then in `mixed`) */
	bool switched = false, armed = false, decided = false;
	while (sim_step(sim)) {
		const struct sim_choice *c = sim_step_choice(sim);
		if (armed && !decided) {
			switched = !(c->kind == CH_STEP && c->tid == 0);
			decided = true;
		}
		if (!armed && abs_site_id(sim_thread_site(sim, 0)) == site)
			armed = true;
	}
	sim_finish(sim, &r);
	strategy_free(&st);
	CHECK(decided && switched, "the preempt constraint did not switch away from thread 0");
	sim_free(sim);
}

static bool site_observed(const struct reqsim_obs *o, const struct abs_con *c)
{
	const struct reqsim_obs_ev *v = c->kind == ABS_RF || c->kind == ABS_NRF ? o->rf
				       : c->kind == ABS_PREEMPT ? o->step : o->drain;
	size_t n = c->kind == ABS_RF || c->kind == ABS_NRF ? o->nrf
		   : c->kind == ABS_PREEMPT ? o->nstep : o->ndrain;
	for (size_t i = 0; i < n; i++)
		if (v[i].site == c->site && (!c->site2 || v[i].site2 == c->site2))
			return true;
	if (c->kind == ABS_DRAIN_LATE) /* stretch: an overtaken store (it may drain by a fence) */
		for (size_t i = 0; i < o->nwin; i++)
			if (o->win[i].site == c->site && o->win[i].tid == c->tid)
				return true;
	return false;
}

static bool in_prog(const struct abs_prog *p, const struct abs_con *c)
{
	for (int k = 0; k < p->n; k++)
		if (p->c[k].site == c->site && p->c[k].site2 == c->site2)
			return true; /* kept, negated or its occurrence moved */
	return false;
}

static void test_mutator(void)
{
	setenv("REQSIM_FUZZ_SCENARIO", "mixed", 1);
	setenv("REQSIM_FUZZ_MODEL", "tso", 1);
	reqsim_fuzz_init();
	reqsim_fuzz_set_abort(false);
	static struct reqsim_obs obs;
	uint8_t cur[512], a[512], b[512];
	size_t n = 0;
	char err[200];
	int checked = 0, bad = 0;
	for (unsigned i = 1; i <= 300; i++) {
		/* determinism: the same (input, seed) twice, another input between */
		memcpy(a, cur, n);
		size_t na = reqsim_mutate(a, n, sizeof(a), i);
		uint8_t junk[64] = "RQA1";
		reqsim_mutate(junk, 4, sizeof(junk), i + 1000);
		memcpy(b, cur, n);
		size_t nb = reqsim_mutate(b, n, sizeof(b), i);
		CHECK(na == nb && !memcmp(a, b, na), "mutation %u is not deterministic", i);
		struct abs_prog parent, child;
		CHECK(abs_parse(a, na, &child, err, sizeof(err)) == 0, "mutant %u: %s", i, err);
		if (abs_parse(cur, n, &parent, err, sizeof(err)))
			memset(&parent, 0, sizeof(parent));
		reqsim_fuzz_observe(cur, n, &obs);
		for (int k = 0; k < child.n; k++) {
			if (in_prog(&parent, &child.c[k]))
				continue;
			checked++;
			if (!site_observed(&obs, &child.c[k])) {
				bad++;
				printf("mutant %u constraint %d (%s %08x,%08x) names nothing the "
				       "parent's run showed\n", i, k, abs_kind_name(child.c[k].kind),
				       child.c[k].site, child.c[k].site2);
			}
		}
		memcpy(cur, a, na);
		n = na;
		reqsim_fuzz_one(cur, n); /* and it runs */
	}
	CHECK(checked > 50, "only %d new constraints in 300 mutations", checked);
	CHECK(bad == 0, "%d of %d new constraints name unobserved sites", bad, checked);
	uint8_t x[512];
	size_t nx = reqsim_crossover(a, sizeof(a) < 8 ? 0 : n, (const uint8_t *)"zz", 2, x,
				     sizeof(x), 5);
	struct abs_prog px;
	CHECK(abs_parse(x, nx, &px, err, sizeof(err)) == 0, "crossover output: %s", err);
	/* a malformed abstract input runs as the default policy, quietly */
	CHECK(reqsim_fuzz_one((const uint8_t *)"RQA1\1\2\3", 7) == 0, "malformed input");
}

/* sim_step_overtook (what F7 and the stretch operator see), with the
 * barrier that forbids the reordering left out: under SC nothing is
 * reordered; under TSO loads overtake their thread's buffered stores but a
 * drain never overtakes an older entry; under PSO drains do.  With the
 * barrier, the store the bug is about is never overtaken. */
static void test_overtook(void)
{
	static const struct {
		const char *scen, *bug;
		int model;
		bool loads, stores;
	} cases[] = {{"dekker", "no-mb-after-in-guest-mode", MODEL_SC, false, false},
		     {"dekker", "no-mb-after-in-guest-mode", MODEL_TSO, true, false},
		     {"dekker", NULL, MODEL_TSO, false, false},
		     {"payload", "no-wmb-before-request", MODEL_PSO, true, true},
		     {"payload", NULL, MODEL_PSO, true, false}};
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		struct sim_config cfg;
		sim_config_defaults(&cfg, scenario_find(cases[k].scen));
		cfg.model = cases[k].model;
		cfg.track_rf = true;
		if (cases[k].bug)
			cfg.bugs = 1ull << sim_bug_parse(cases[k].bug);
		struct sim *sim = sim_new(&cfg);
		struct strategy st;
		struct sim_result r;
		int loads = 0, stores = 0;
		strategy_init(&st, ST_RANDOM, 11);
		for (uint64_t run = 0; run < 200; run++) {
			strategy_begin_run(&st, run);
			sim_begin(sim, &st);
			while (sim_step(sim)) {
				const struct platform_site *over[8];
				int n = sim_step_overtook(sim, over, 8);
				const struct sim_choice *c = sim_step_choice(sim);
				for (int i = 0; i < n; i++)
					CHECK(over[i] && abs_site_id(over[i]),
					      "an overtaken store without a site");
				if (n && c->kind == CH_DRAIN)
					stores++;
				else if (n)
					loads++;
			}
			sim_finish(sim, &r);
		}
		strategy_free(&st);
		sim_free(sim);
		const char *bug = cases[k].bug ? cases[k].bug : "no bug";
		printf("%s %s %s: %d loads and %d drains overtook a store in 200 random runs\n",
		       cases[k].scen, bug, sim_model_name(cases[k].model), loads, stores);
		CHECK((loads > 0) == cases[k].loads && (stores > 0) == cases[k].stores,
		      "%s %s %s: %d loads, %d drains overtook a store", cases[k].scen, bug,
		      sim_model_name(cases[k].model), loads, stores);
	}
}

/* An input with constraints keeps its fallback seed most of the time
 * (they were found with it); one without changes it freely. */
static void test_keep_seed(void)
{
	uint8_t in[ABS_HDR + ABS_REC], out[512];
	memcpy(in, "RQA1\x05\0\0\0\x02\x03\0\0", ABS_HDR); /* PCT seed 5, depth 3 */
	struct abs_prog parent;
	char err[200];
	CHECK(abs_parse(in, ABS_HDR, &parent, err, sizeof(err)) == 0, "parent: %s", err);
	parent.c[0] = (struct abs_con){.kind = ABS_DRAIN_LATE, .tid = ABS_ANY, .tid2 = ABS_ANY,
				       .site = 0x1234};
	int changed[2] = {0, 0};
	for (int with = 0; with < 2; with++) {
		parent.n = with;
		size_t n0 = abs_encode(&parent, in, sizeof(in));
		for (unsigned seed = 1; seed <= 400; seed++) {
			memcpy(out, in, n0);
			size_t n = reqsim_mutate(out, n0, sizeof(out), seed);
			struct abs_prog p;
			CHECK(abs_parse(out, n, &p, err, sizeof(err)) == 0, "mutant: %s", err);
			changed[with] += p.seed != parent.seed || p.policy != parent.policy;
		}
	}
	printf("keep seed: %d of 400 mutants change the fallback without constraints, %d with\n",
	       changed[0], changed[1]);
	CHECK(changed[0] > 100 && changed[1] * 2 < changed[0],
	      "fallback changed in %d of 400 mutants without constraints, %d with", changed[0],
	      changed[1]);
}

/* A default-policy input (the SC corpora's seed, tools/fuzzseeds.py) has no
 * seed to change: a mutant that only draws a new seed for it runs the same
 * schedule again.  Fewer such no-ops now: 18 in 400 on mixed TSO (add can
 * find nothing to build, new_policy can pick the default policy again),
 * where the old mutator made 50. */
static void test_default_policy_mutants(void)
{
	uint8_t in[ABS_HDR], out[512];
	memcpy(in, "RQA1\0\0\0\0\0\0\0\0", ABS_HDR); /* default policy, no constraint */
	char err[200];
	int same = 0;
	for (unsigned seed = 1; seed <= 400; seed++) {
		memcpy(out, in, sizeof(in));
		size_t n = reqsim_mutate(out, sizeof(in), sizeof(out), seed);
		struct abs_prog p;
		CHECK(abs_parse(out, n, &p, err, sizeof(err)) == 0, "mutant: %s", err);
		same += p.policy == ABS_POL_DEFAULT && p.n == 0;
	}
	printf("default policy: %d of 400 mutants run the parent's schedule again\n", same);
	CHECK(same < 30, "%d of 400 mutants of a default-policy input change nothing", same);
}

/* The stretch operator: given a parent whose run shows reorderings, some
 * mutant puts drain-late on an overtaken store of the right thread first. */
static void test_stretch(void)
{
	static struct reqsim_obs obs;
	uint8_t in[ABS_HDR], out[512];
	memcpy(in, "RQA1\x05\0\0\0\x02\x03\0\0", ABS_HDR); /* PCT seed 5, depth 3 */
	reqsim_fuzz_observe(in, sizeof(in), &obs);
	CHECK(obs.nwin > 0, "the PCT run of mixed (tso) showed no reordering");
	int stretched = 0;
	for (unsigned seed = 1; seed <= 200; seed++) {
		memcpy(out, in, sizeof(in));
		size_t n = reqsim_mutate(out, sizeof(in), sizeof(out), seed);
		struct abs_prog p;
		char err[200];
		CHECK(abs_parse(out, n, &p, err, sizeof(err)) == 0, "mutant %u: %s", seed, err);
		int k = p.n > 1 && p.c[0].kind == ABS_PREEMPT; /* the closing step first */
		if (p.n <= k || p.c[k].kind != ABS_DRAIN_LATE || p.c[k].tid == ABS_ANY)
			continue;
		for (size_t i = 0; i < obs.nwin; i++)
			if (obs.win[i].site == p.c[k].site && obs.win[i].tid == p.c[k].tid) {
				stretched++;
				break;
			}
	}
	printf("stretch: %d of 200 mutants start with drain-late on an overtaken store\n",
	       stretched);
	CHECK(stretched >= 10, "only %d of 200 mutants stretched a reordering", stretched);
}

/* Reordering windows (F7 and the stretch operator): every window closed by
 * its thread's own step names a step that thread took at that site and
 * occurrence; under TSO some are closed that way (a full barrier drains
 * the store a load overtook); and stretching a window closed by a step
 * preempts that step. */
static void test_windows(void)
{
	static struct reqsim_obs obs;
	uint8_t in[ABS_HDR];
	int by_step = 0, by_drain = 0, preempted = 0;
	for (uint8_t seed = 1; seed <= 20; seed++) {
		memcpy(in, "RQA1\0\0\0\0\x02\x03\0\0", ABS_HDR); /* PCT, depth 3 */
		in[4] = seed;
		reqsim_fuzz_observe(in, sizeof(in), &obs);
		for (size_t i = 0; i < obs.nwin; i++) {
			const struct reqsim_obs_win *w = &obs.win[i];
			CHECK(w->site && w->over, "a window without its sites");
			if (!w->end) {
				by_drain++;
				continue;
			}
			bool found = false;
			for (size_t k = 0; k < obs.nstep && !found; k++)
				found = obs.step[k].tid == w->tid && obs.step[k].site == w->end &&
					obs.step[k].occ_t == w->occ_t;
			CHECK(found, "seed %u: a window closed by a step thread %u did not take",
			      seed, w->tid);
			by_step++;
		}
		for (unsigned m = 1; m <= 20 && obs.nwin; m++) {
			uint8_t out[512];
			memcpy(out, in, sizeof(in));
			size_t n = reqsim_mutate(out, sizeof(in), sizeof(out), m);
			struct abs_prog p;
			char err[200];
			CHECK(abs_parse(out, n, &p, err, sizeof(err)) == 0, "mutant: %s", err);
			for (size_t i = 0; p.n > 1 && p.c[0].kind == ABS_PREEMPT &&
					   p.c[1].kind == ABS_DRAIN_LATE && i < obs.nwin; i++)
				if (obs.win[i].end == p.c[0].site && obs.win[i].tid == p.c[0].tid &&
				    obs.win[i].occ_t == p.c[0].occ && obs.win[i].site == p.c[1].site) {
					preempted++;
					break;
				}
		}
	}
	printf("windows: %d closed by their thread's step, %d by a drain or the end; "
	       "%d of 400 mutants preempt a closing step\n", by_step, by_drain, preempted);
	CHECK(by_step > 0, "windows: none closed by a step (%d otherwise)", by_drain);
	CHECK(preempted >= 10, "only %d mutants preempt the step that closed a window", preempted);
}

static bool same_evs(const struct reqsim_obs_ev *a, const struct reqsim_obs_ev *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i].tid != b[i].tid || a[i].occ_g != b[i].occ_g || a[i].occ_t != b[i].occ_t ||
		    a[i].site != b[i].site || a[i].site2 != b[i].site2)
			return false;
	return true;
}

static bool same_wins(const struct reqsim_obs_win *a, const struct reqsim_obs_win *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i].tid != b[i].tid || a[i].occ_t != b[i].occ_t || a[i].len2 != b[i].len2 ||
		    a[i].store != b[i].store || a[i].site != b[i].site || a[i].over != b[i].over ||
		    a[i].end != b[i].end)
			return false;
	return true;
}

static bool same_obs(const struct reqsim_obs *a, const struct reqsim_obs *b)
{
	return a->nthreads == b->nthreads && a->violated == b->violated &&
	       a->decisions == b->decisions && a->nstep == b->nstep && a->ndrain == b->ndrain &&
	       a->nrf == b->nrf &&
	       same_evs(a->step, b->step, a->nstep) && same_evs(a->drain, b->drain, a->ndrain) &&
	       same_evs(a->rf, b->rf, a->nrf) &&
	       a->nwin == b->nwin && same_wins(a->win, b->win, a->nwin);
}

/* Observed runs (what the libFuzzer target turns on): the last run's
 * observation is the one reqsim_fuzz_observe makes on a sim of its own, it
 * belongs to that input only, and mutants are the same with or without it. */
static void test_observe_runs(void)
{
	static struct reqsim_obs own;
	reqsim_fuzz_set_observe_runs(true);
	uint8_t in[512], a[512], b[512];
	size_t n = 0;
	for (unsigned i = 1; i <= 60; i++) {
		reqsim_fuzz_one(in, n);
		const struct reqsim_obs *last = reqsim_fuzz_last_run(in, n);
		CHECK(last != NULL, "input %u: no observation of the run just made", i);
		reqsim_fuzz_observe(in, n, &own);
		CHECK(last && same_obs(last, &own),
		      "input %u: the run's observation differs from reqsim_fuzz_observe's", i);
		memcpy(a, in, n);
		size_t na = reqsim_mutate(a, n, sizeof(a), i); /* from the run's observation */
		uint8_t other[ABS_HDR];
		memcpy(other, "RQA1\x09\0\0\0\x02\x02\0\0", ABS_HDR);
		reqsim_fuzz_one(other, sizeof(other));
		CHECK(reqsim_fuzz_last_run(in, n) == NULL || (n == sizeof(other) &&
		      !memcmp(in, other, n)), "input %u: another input's observation served", i);
		const struct reqsim_obs *recent = reqsim_fuzz_recent_run(in, n);
		CHECK(recent && same_obs(recent, &own),
		      "input %u: the observation of a recent run lost or changed", i);
		memcpy(b, in, n);
		size_t nb = reqsim_mutate(b, n, sizeof(b), i); /* from an observation run */
		CHECK(na == nb && !memcmp(a, b, na), "mutant %u depends on where the observation "
		      "came from", i);
		memcpy(in, a, na);
		n = na;
	}
	reqsim_fuzz_set_observe_runs(false);
}

/* Runs longer than step[] holds (dekker, every parameter at its most):
 * reqsim_fuzz_one counts occurrences only when an observation is read,
 * or from the step that would overflow step[]; both must give what
 * reqsim_fuzz_observe counts as it goes.  Under PSO stores overtake older
 * ones, so there are windows, and some closed by a step (a fence) whose
 * occurrence is counted late. */
static void test_observe_long_runs(void)
{
	setenv("REQSIM_FUZZ_SCENARIO", "dekker", 1);
	setenv("REQSIM_FUZZ_MODEL", "pso", 1);
	setenv("REQSIM_FUZZ_PARAMS", "vcpus=4 requesters=4 rounds=4 entries=8", 1);
	reqsim_fuzz_init();
	reqsim_fuzz_set_abort(false);
	static struct reqsim_obs own;
	int full = 0, by_step = 0;
	for (unsigned i = 0; i < 8; i++) {
		uint8_t in[ABS_HDR];
		memcpy(in, "RQA1\0\0\0\0\x02\x03\0\0", ABS_HDR);
		in[4] = (uint8_t)i;
		reqsim_fuzz_set_observe_runs(true);
		reqsim_fuzz_one(in, sizeof(in));
		const struct reqsim_obs *last = reqsim_fuzz_last_run(in, sizeof(in));
		reqsim_fuzz_observe(in, sizeof(in), &own);
		CHECK(last && same_obs(last, &own), "long run %u: the run's observation differs "
		      "from reqsim_fuzz_observe's", i);
		full += own.nstep == REQSIM_OBS_MAX;
		for (size_t k = 0; k < own.nwin; k++)
			by_step += own.win[k].end != 0 && own.win[k].occ_t != 0;
	}
	CHECK(full > 0, "no long run filled step[] (the test no longer tests that)");
	CHECK(by_step > 0, "no long run had a window closed by a step (the test no longer "
	      "tests their late occurrences)");
	reqsim_fuzz_set_observe_runs(false);
}

/* Stretch on a run with store->store windows (PSO): the drain-late a
 * mutation adds goes on the overtaken store of such a window, hardly ever on
 * a store only a load overtook, and half the other picks become stretch.
 * With both rules 136 of 400 mutants add one (1 on a load-only store);
 * without the second 28 (0), without the first 13 (279). */
static void test_stretch_store(void)
{
	static struct reqsim_obs obs;
	uint8_t in[512], out[512];
	size_t nin = 0;
	int parents = 0, stretched = 0, on_load_only = 0, tried = 0;
	/* PCT runs show no store->store window: parents are mutants (chains
	 * from PCT seed inputs) whose runs show both kinds */
	for (unsigned i = 0; i < 400 && parents < 4; i++) {
		if (i % 20 == 0) {
			memcpy(in, "RQA1\0\0\0\0\x02\x03\0\0", ABS_HDR);
			in[4] = (uint8_t)(i / 20);
			nin = ABS_HDR;
		}
		nin = reqsim_mutate(in, nin, sizeof(in), 7000 + i);
		reqsim_fuzz_observe(in, nin, &obs);
		bool store = false, load_only = false;
		for (size_t w = 0; w < obs.nwin; w++) {
			store |= obs.win[w].store;
			bool shared = false;
			for (size_t v = 0; v < obs.nwin && !obs.win[w].store; v++)
				shared |= obs.win[v].store && obs.win[v].site == obs.win[w].site &&
					  obs.win[v].tid == obs.win[w].tid;
			load_only |= !obs.win[w].store && !shared;
		}
		struct abs_prog parent;
		char perr[200];
		if (!store || !load_only || abs_parse(in, nin, &parent, perr, sizeof(perr)))
			continue; /* this test needs both kinds */
		parents++;
		for (unsigned seed = 1; seed <= 100; seed++, tried++) {
			memcpy(out, in, nin);
			size_t n = reqsim_mutate(out, nin, sizeof(out), seed);
			struct abs_prog p;
			char err[200];
			CHECK(abs_parse(out, n, &p, err, sizeof(err)) == 0, "mutant %u: %s", seed, err);
			bool hit = false;
			for (int c = 0; c < p.n; c++) {
				/* what the mutation added: a constraint new to the
				 * parent, or one it moved to the front (stretch
				 * pushes its drain-late there, after at most a
				 * preempt) */
				bool inherited = c > 1;
				for (int q = 0; q < parent.n && !inherited; q++)
					inherited = !memcmp(&parent.c[q], &p.c[c], sizeof(p.c[c])) &&
						    q <= c;
				if (inherited || p.c[c].kind != ABS_DRAIN_LATE || p.c[c].tid == ABS_ANY)
					continue;
				bool st = false, ld = false;
				for (size_t w = 0; w < obs.nwin; w++)
					if (obs.win[w].site == p.c[c].site && obs.win[w].tid == p.c[c].tid)
						*(obs.win[w].store ? &st : &ld) = true;
				hit |= st;
				on_load_only += ld && !st;
			}
			stretched += hit;
		}
	}
	printf("stretch (pso): %d parents with both kinds of window, %d of %d mutants add a "
	       "drain-late on a store->store window, %d on a store only a load overtook\n",
	       parents, stretched, tried, on_load_only);
	CHECK(parents > 0, "no mutant of a PCT input of mixed (pso) showed both kinds of window");
	CHECK(stretched * 4 > tried, "only %d of %d mutants stretched a store->store window",
	      stretched, tried);
	CHECK(on_load_only * 10 < tried, "%d of %d mutants put drain-late on a store only a load "
	      "overtook", on_load_only, tried);
}

static int verdict(const char *what)
{
	if (failures)
		printf("%d failure(s)\n", failures);
	else
		printf("%s: all checks passed\n", what);
	return failures ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "pso")) { /* a third configuration */
		setenv("REQSIM_FUZZ_SCENARIO", "mixed", 1);
		setenv("REQSIM_FUZZ_MODEL", "pso", 1);
		setenv("REQSIM_FUZZ_BUGS", "no-wmb-before-request", 1);
		reqsim_fuzz_init();
		reqsim_fuzz_set_abort(false);
		test_stretch_store();
		return verdict("abstract schedules (pso stretch)");
	}
	if (argc > 1 && !strcmp(argv[1], "long")) { /* another configuration: its own process */
		test_observe_long_runs();
		return verdict("abstract schedules (long runs)");
	}
	test_parse();
	test_default_and_replay();
	test_honour_rf();
	test_honour_preempt();
	test_mutator();
	test_overtook();
	test_stretch();
	test_keep_seed();
	test_default_policy_mutants();
	test_windows();
	test_observe_runs();
	return verdict("abstract schedules");
}
