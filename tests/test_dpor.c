/*
 * tests/test_dpor.c: partial-order reduction is sound.  For small programs
 * under every memory model, dfs with reduction (sim/dpor.c) and dfs without
 * (brute force, every schedule) must reach the same set of final outcomes
 * (the scenario's outcome plus the violation kind, if any), the same set of
 * final machine states (sim_fingerprint) and the same set of behaviours
 * (Mazurkiewicz traces: their fingerprints, not only their number).  Where
 * brute force cannot finish within its budget, every outcome, final state
 * and trace it reached must be among the reduced search's.  The reduction
 * must also really reduce: the request handshake and dekker take many times
 * fewer schedules than brute force.
 *
 * sim_fingerprint hashes pointers into the sim's arena and stacks, which are
 * the same on every path of one sim but not across two sims in one process;
 * so each search runs in a child forked from the same parent state, where
 * the sim's mappings land at the same addresses, and sends its sets back
 * through a pipe.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "explore.h"
#include "scenarios.h"
#include "snapshot.h"

struct set {
	uint64_t *v;     /* sorted unique */
	size_t n, cap;
};

struct result {
	struct set out;    /* outcome hashes */
	struct set state;  /* final machine states */
	struct set trace;  /* trace fingerprints */
	uint64_t schedules, behaviours, violations;
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

static void unique(struct set *st)
{
	size_t u = 0;
	qsort(st->v, st->n, sizeof(*st->v), cmp64);
	for (size_t k = 0; k < st->n; k++)
		if (!u || st->v[u - 1] != st->v[k])
			st->v[u++] = st->v[k];
	st->n = u;
}

static void add(struct set *st, uint64_t h)
{
	if (st->n == st->cap) {
		st->cap = st->cap ? st->cap * 2 : 1024;
		st->v = realloc(st->v, st->cap * sizeof(*st->v));
		if (!st->v)
			abort();
	}
	st->v[st->n++] = h;
	if (st->n > 4096 && st->n == st->cap) /* keep it unique as it grows */
		unique(st);
}

/* Every schedule run to the end: its outcome and verdict, hashed, and its
 * final machine state. */
static bool note_outcome(void *ctx, int job, uint64_t run, struct sim *sim,
			 const struct sim_result *r)
{
	struct result *res = ctx;
	char buf[512];
	uint64_t fp[2];
	(void)job, (void)run;
	if (r->aborted)
		return false;
	sim_outcome(sim, buf, sizeof(buf));
	uint64_t h = hash_str(0xcbf29ce484222325ULL, buf);
	h = hash_str(h, r->violated ? sim_viol_name(r->v.kind) : "clean");
	add(&res->out, h);
	if (!r->violated) {
		sim_fingerprint(sim, fp);
		add(&res->state, fp[0] ^ (fp[1] * 0x9e3779b97f4a7c15ULL));
	}
	return false;
}

static void put(int fd, const void *p, size_t n)
{
	for (const char *c = p; n;) {
		ssize_t k = write(fd, c, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			_exit(3);
		c += k, n -= (size_t)k;
	}
}

static bool get(int fd, void *p, size_t n)
{
	for (char *c = p; n;) {
		ssize_t k = read(fd, c, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return false;
		c += k, n -= (size_t)k;
	}
	return true;
}

static void put_set(int fd, const struct set *st)
{
	put(fd, &st->n, sizeof(st->n));
	put(fd, st->v, st->n * sizeof(*st->v));
}

static bool get_set(int fd, struct set *st)
{
	if (!get(fd, &st->n, sizeof(st->n)))
		return false;
	st->v = malloc((st->n + 1) * sizeof(*st->v));
	return st->v && get(fd, st->v, st->n * sizeof(*st->v));
}

static void search_here(const struct sim_config *cfg, bool reduce, uint64_t budget,
			struct result *res)
{
	struct explore_opts o;
	struct explore_result r;
	char err[200];
	memset(res, 0, sizeof(*res));
	explore_opts_init(&o, cfg, ST_DFS);
	o.dfs.reduce = reduce;
	o.budget = budget;
	o.keep_traces = true;
	o.on_run = note_outcome;
	o.ctx = res;
	if (explore_run(&o, &r, err, sizeof(err))) {
		fprintf(stderr, "explore: %s\n", err);
		_exit(3);
	}
	unique(&res->out);
	unique(&res->state);
	res->trace.v = r.traces;
	res->trace.n = res->trace.cap = r.ntraces;
	res->complete = r.exhausted && !r.bounded;
	res->schedules = r.runs + r.blocked;
	res->behaviours = r.behaviours;
	res->violations = r.violations;
}

/* A search in a child; it starts when a byte comes on go (-1: at once). */
static pid_t spawn(const struct sim_config *cfg, bool reduce, uint64_t budget, int go,
		   int fd[2])
{
	pid_t pid = fork();
	CHECK(pid >= 0, "fork");
	if (pid != 0)
		return pid;
	struct result r;
	char c;
	close(fd[0]);
	if (go >= 0 && !get(go, &c, 1))
		_exit(3);
	search_here(cfg, reduce, budget, &r);
	put(fd[1], &r.schedules, sizeof(r.schedules));
	put(fd[1], &r.behaviours, sizeof(r.behaviours));
	put(fd[1], &r.violations, sizeof(r.violations));
	put(fd[1], &r.complete, sizeof(r.complete));
	put_set(fd[1], &r.out);
	put_set(fd[1], &r.state);
	put_set(fd[1], &r.trace);
	close(fd[1]);
	_exit(0);
}

static void collect(pid_t pid, int fd, struct result *res)
{
	bool ok = pid > 0 && get(fd, &res->schedules, sizeof(res->schedules)) &&
		  get(fd, &res->behaviours, sizeof(res->behaviours)) &&
		  get(fd, &res->violations, sizeof(res->violations)) &&
		  get(fd, &res->complete, sizeof(res->complete)) &&
		  get_set(fd, &res->out) && get_set(fd, &res->state) &&
		  get_set(fd, &res->trace);
	close(fd);
	int status = 0;
	if (pid > 0)
		waitpid(pid, &status, 0);
	CHECK(ok && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "the search's child failed (status %d)", status);
}

/* The reduced and the brute-force search, each in a child forked from this
 * one state (both forks before anything is allocated for the results, so
 * both sims get the same addresses: see the top); the second waits for
 * the first, one search at a time. */
static void search_pair(const struct sim_config *cfg, uint64_t brute_budget,
			struct result *red, struct result *all)
{
	int a[2], b[2], go[2];
	memset(red, 0, sizeof(*red));
	memset(all, 0, sizeof(*all));
	fflush(stdout);
	fflush(stderr);
	if (pipe(a) || pipe(b) || pipe(go)) {
		CHECK(false, "pipe");
		return;
	}
	pid_t pa = spawn(cfg, true, 5000000, -1, a);
	close(a[1]);
	pid_t pb = spawn(cfg, false, brute_budget, go[0], b);
	close(b[1]);
	close(go[0]);
	collect(pa, a[0], red);
	put(go[1], "g", 1);
	close(go[1]);
	collect(pb, b[0], all);
}

static bool subset(const struct set *a, const struct set *b)
{
	for (size_t i = 0; i < a->n; i++)
		if (!bsearch(&a->v[i], b->v, b->n, sizeof(*b->v), cmp64))
			return false;
	return true;
}

static bool same(const struct set *a, const struct set *b)
{
	return a->n == b->n && subset(a, b);
}

static void result_free(struct result *r)
{
	free(r->out.v);
	free(r->state.v);
	free(r->trace.v);
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
	search_pair(&cfg, brute_budget, &red, &all);
	const char *m = sim_model_name(model);
	/* Final states: of the runs that ended clean (a violating run stops at
	 * its violation, and which independent steps ran before that depends
	 * on the order), and not under wmm (its locations are numbered in the
	 * order they are first touched, and a store's view vector covers the
	 * locations numbered by then: two orders of one trace leave equal
	 * states that hash apart).  Traces: only without violations, for the
	 * same reason; their number is compared anyway (it always matched). */
	bool states = model != MODEL_WMM;
	bool traces = !red.violations && !all.violations;
	CHECK(red.complete, "%s %s %s: the reduced search did not complete", name, params, m);
	if (all.complete) {
		CHECK(same(&all.out, &red.out), "%s %s %s: %zu outcomes with reduction, %zu "
		      "without", name, params, m, red.out.n, all.out.n);
		CHECK(!states || same(&all.state, &red.state), "%s %s %s: %zu final states "
		      "with reduction, %zu without", name, params, m, red.state.n, all.state.n);
		CHECK(red.behaviours == all.behaviours && (!traces || same(&all.trace, &red.trace)),
		      "%s %s %s: %" PRIu64 " behaviours with reduction, %" PRIu64 " without",
		      name, params, m, red.behaviours, all.behaviours);
	} else {
		CHECK(subset(&all.out, &red.out), "%s %s %s: brute force reached an outcome "
		      "the reduced search did not", name, params, m);
		CHECK(!states || subset(&all.state, &red.state), "%s %s %s: brute force "
		      "reached a final state the reduced search did not", name, params, m);
		CHECK(!traces || subset(&all.trace, &red.trace), "%s %s %s: brute force ran "
		      "a trace the reduced search did not", name, params, m);
	}
	printf("%-10s %-28s %s %-3s reduced %8" PRIu64 " schedules %7" PRIu64
	       " behaviours %4zu outcomes %4zu states | brute force %8" PRIu64 "%s %7" PRIu64
	       " behaviours %4zu outcomes %4zu states%s\n", name, params, bug ? bug : "-", m,
	       red.schedules, red.behaviours, red.out.n, red.state.n, all.schedules,
	       all.complete ? "" : "+", all.behaviours, all.out.n, all.state.n,
	       states ? (traces ? "" : " (traces: by number)")
		      : (traces ? " (states: not compared)" : " (states: no, traces: by number)"));
	double ratio = all.complete && red.schedules ? (double)all.schedules / (double)red.schedules
						      : 0;
	result_free(&red);
	result_free(&all);
	return ratio;
}

static double compare(const char *name, const char *params, int model,
		      uint64_t brute_budget)
{
	return compare_bug(name, params, model, brute_budget, NULL);
}

int main(int argc, char **argv)
{
	/* --long: also the cases that take most of the time (dekker under PSO:
	 * 627,094 reduced schedules, about 37 s), ctest dpor_soundness_long
	 * (label soak) */
	bool long_run = argc > 1 && !strcmp(argv[1], "--long");
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
	if (long_run)
		compare("dekker", "vcpus=1 requesters=1 rounds=1 entries=0 mask=1", MODEL_PSO, b);
	else /* PSO on a request core with an IPI, in 27,075 reduced schedules */
		compare("kick_only", "entries=0", MODEL_PSO, b);
	compare("payload", "vcpus=1 requesters=1 entries=0", MODEL_TSO, b);
	/* an IPI: sending it reads the clock (it is due ipi_latency_ns steps
	 * later), so a send commutes with no step; the reduction lost traces
	 * (47 of 64 behaviours under SC) while its footprint said otherwise */
	compare("kick_only", "entries=0", MODEL_SC, 2000000);
	compare("kick_only", "entries=0 late=1", MODEL_SC, 2000000);
	compare("kick_only", "entries=0", MODEL_TSO, b);
	/* with a bug: the violation is an outcome both searches must reach */
	compare_bug("dekker", "vcpus=1 requesters=1 rounds=1 entries=0", MODEL_TSO, b,
		    "no-mb-after-in-guest-mode");
	compare_bug("dekker", "vcpus=1 requesters=1 rounds=1 entries=0", MODEL_SC, b,
		    "check-before-in-guest-mode");
	printf("%d failure(s)\n", failures);
	return failures ? 1 : 0;
}
