/*
 * tests/test_verdicts.c: the expected-verdict table of the request-core
 * scenarios (scenarios/kvm.c), checked cell by cell.  For every
 * scenario x bug x params x model x arch: a "sometimes" must be found by
 * random or PCT within a fixed budget and seed.  A "never" is first given to
 * the stateful search under a states budget, then to the stateless dfs
 * with partial-order reduction under a small budget: if either completes
 * clean the cell is proven for every schedule, else it must stay clean over
 * the random and PCT budget (sampled).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "explore.h"
#include "snapshot.h"
#include "scenarios.h"

#define BUDGET 3000

/* Under AddressSanitizer (the debug preset) this test looks for memory
 * errors on every row, not for the verdicts' strength: a Never cell
 * samples 1,000 schedules per strategy (and the stateful search stops at
 * 2,000 states), and a Sometimes cell stops at its first violation (about
 * 40% of the ASan test time otherwise). */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VERDICT_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define VERDICT_SANITIZED 1
#endif
#ifdef VERDICT_SANITIZED
#define NEVER_BUDGET 1000
#define SOMETIMES_STOPS true
#define STATES_BUDGET 2000
#else
#define NEVER_BUDGET BUDGET
#define SOMETIMES_STOPS false
#define STATES_BUDGET 50000
#endif

#define MSG_LEN 300

/* The first violation's message (findings come in run order). */
static void first_msg(void *ctx, const struct explore_finding *f)
{
	char *msg = ctx;
	if (!msg[0])
		snprintf(msg, MSG_LEN, "%s: %s", sim_viol_name(f->res.v.kind), f->res.v.msg);
}

/* Explore cfg (dfs: up to the first violation); found: the first
 * violation's message, or the error when it returns false. */
static bool run_first(const struct sim_config *cfg, int kind, uint64_t budget,
		      bool stop, struct explore_result *r, char *found)
{
	struct explore_opts o;
	char err[200];
	explore_opts_init(&o, cfg, kind);
	o.budget = budget;
	o.stop_on_first = kind == ST_DFS || stop;
	o.on_found = first_msg;
	o.ctx = found;
	found[0] = 0;
	if (!explore_run(&o, r, err, sizeof(err)))
		return true;
	snprintf(found, MSG_LEN, "explore: %s", err);
	return false;
}

static uint64_t count(const struct sim_config *cfg, int kind, bool never, char *msg,
		      size_t len)
{
	struct explore_result r;
	char found[MSG_LEN];
	bool ok = run_first(cfg, kind, never ? NEVER_BUDGET : BUDGET, !never && SOMETIMES_STOPS,
			    &r, found);
	if (found[0]) /* the last count with a hit names its first */
		snprintf(msg, len, "%s", found);
	return ok ? r.violations : 0;
}

/* The stateful search under a states budget: 1 complete and clean, 0
 * incomplete, -1 violation; *states: the states stored. */
static int prove_stateful(const struct sim_config *cfg, uint64_t states_max,
			  uint64_t *states, char *msg, size_t len)
{
	struct stateful_opts o = {.cfg = cfg, .states_max = states_max, .stop_on_first = true,
				  .on_found = first_msg, .ctx = msg};
	struct stateful_result r;
	char err[200];
	msg[0] = 0;
	if (stateful_run(&o, &r, err, sizeof(err))) {
		snprintf(msg, len, "stateful: %s", err);
		return -1;
	}
	*states = r.stored;
	if (r.violations)
		return -1;
	return r.complete;
}

/* dfs under a budget: 1 complete and clean, 0 incomplete, -1 violation;
 * *runs: the schedules tried. */
static int prove(const struct sim_config *cfg, uint64_t budget, uint64_t *runs,
		 char *msg, size_t len)
{
	struct explore_result r;
	char found[MSG_LEN];
	bool ok = run_first(cfg, ST_DFS, budget, false, &r, found);
	*runs = ok ? r.tries : 0;
	if (!ok || r.violations) {
		snprintf(msg, len, "dfs: %s", found);
		return -1;
	}
	return r.exhausted && !r.bounded;
}

/* One line for a Never cell that an exhaustive search settled. */
static void print_proof(bool ok, const struct scenario *sc, const struct verdict_row *r, int a,
			int m, const char *how, uint64_t count, const char *unit, const char *msg)
{
	printf("%s %-19s %-28s %-22s %-5s %-3s %-9s %s %s (%" PRIu64 " %s)%s%s\n",
	       ok ? "ok  " : "FAIL", sc->name, r->bug >= 0 ? sim_bug_name(r->bug) : "-",
	       r->params, sim_arch_name(a), sim_model_name(m), verdict_name(r->expect[m]), how,
	       ok ? "proven" : "found a violation", count, unit, ok ? "" : "  <- ",
	       ok ? "" : msg);
}

/* --shard K/N: check only the cells (row, arch, model) whose (row, arch)
 * index in table order plus model number is K modulo N: the shards are
 * disjoint, their union is the table, and every shard holds every model
 * (with the plain cell index, shard 0/4 was SC alone, and 0/2 SC and PSO).
 * The sanitizer build's default run checks shard 0/4, its soak label the
 * other three (tests/CMakeLists.txt). */
static bool parse_shard(int argc, char **argv, unsigned *k, unsigned *n)
{
	*k = 0;
	*n = 1;
	if (argc == 1)
		return true;
	char *end;
	if (argc == 3 && !strcmp(argv[1], "--shard")) {
		unsigned long kk = strtoul(argv[2], &end, 10);
		if (end != argv[2] && *end == '/') {
			char *num = end + 1;
			unsigned long nn = strtoul(num, &end, 10);
			if (end != num && !*end && nn >= 1 && nn <= 1000 && kk < nn) {
				*k = (unsigned)kk;
				*n = (unsigned)nn;
				return true;
			}
		}
	}
	fprintf(stderr, "usage: test_verdicts [--shard K/N]  (0 <= K < N <= 1000)\n");
	return false;
}

int main(int argc, char **argv)
{
	int failures = 0, cells = 0, proven = 0, proven_stateful = 0, nevers = 0;
	unsigned shard, shards, pair = 0; /* (row, arch) index */
	if (!parse_shard(argc, argv, &shard, &shards))
		return 2;
	uint64_t states_budget = STATES_BUDGET;
	if (getenv("REQSIM_VERDICT_STATES"))
		states_budget = strtoull(getenv("REQSIM_VERDICT_STATES"), NULL, 0);
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
				if ((pair + (unsigned)m) % shards != shard)
					continue;
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
					uint64_t runs, states = 0;
					int ps = prove_stateful(&cfg, states_budget, &states, msg,
								sizeof(msg));
					nevers++;
					if (ps != 0) {
						proven_stateful += ps > 0;
						failures += ps < 0;
						print_proof(ps > 0, sc, r, a, m, "stateful", states,
							    "states", msg);
						continue;
					}
					int pv = prove(&cfg, dfs_budget, &runs, msg, sizeof(msg));
					if (pv != 0) {
						proven += pv > 0;
						failures += pv < 0;
						print_proof(pv > 0, sc, r, a, m, "dfs", runs, "schedules",
							    msg);
						continue;
					}
				}
				bool never = r->expect[m] == NEVER;
				uint64_t hr = count(&cfg, ST_RANDOM, never, msg, sizeof(msg));
				uint64_t hp = count(&cfg, ST_PCT, never, msg, sizeof(msg));
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
			pair++;
		}
	}
	if (shards > 1)
		printf("shard %u/%u: ", shard, shards);
	printf("%d cells, %d failure(s); %d of %d never cells proven: %d by the stateful "
	       "search (budget %" PRIu64 " states), %d by dfs (budget %" PRIu64 " schedules); "
	       "the rest sampled\n", cells, failures, proven_stateful + proven, nevers,
	       proven_stateful, states_budget, proven, dfs_budget);
	return failures ? 1 : 0;
}
