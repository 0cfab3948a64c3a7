/*
 * sim/explore.c: the exploration engine (contract in sim/explore.h).
 *
 * Each job owns a sim, a strategy and a signature set; jobs share nothing
 * but the read-only options.  random/pct/default: job j runs i = j, j + jobs,
 * ...; dfs: job j explores its share of the subtrees (dpor_opts.job).  When
 * every job is done, the caller's thread merges the sets and reports.
 *
 * Invariants:
 *  1. A job's set holds, per signature, its first violating run (the lowest
 *     run index it ran) with that run's result and decisions.
 *  2. The merged set keeps, per signature, the lowest run index over jobs
 *     (random/pct/default) or the first job's finding (dfs), so a serial
 *     exploration and a parallel one report the same findings.
 *  3. Nothing here reads the clock, prints, or touches a file.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "explore.h"

/* ---- signature set: insertion order, hash index, no cap --------------------------- */

struct sigset {
	struct explore_finding *v;
	size_t n, cap;
	size_t *slot;  /* open addressing: index + 1 into v, 0 empty */
	size_t nslot;  /* a power of two, twice cap */
};

static size_t *sigset_slot(const struct sigset *s, uint64_t sig)
{
	size_t mask = s->nslot - 1;
	for (size_t h = (size_t)(sig ^ sig >> 31) & mask;; h = (h + 1) & mask)
		if (!s->slot[h] || s->v[s->slot[h] - 1].sig == sig)
			return &s->slot[h];
}

static struct explore_finding *sigset_find(const struct sigset *s, uint64_t sig)
{
	size_t *p = s->n ? sigset_slot(s, sig) : NULL;
	return p && *p ? &s->v[*p - 1] : NULL;
}

static bool sigset_grow(struct sigset *s)
{
	size_t cap = s->cap ? s->cap * 2 : 16;
	struct explore_finding *v = realloc(s->v, cap * sizeof(*v));
	if (!v)
		return false;
	s->v = v;
	size_t *slot = calloc(cap * 2, sizeof(*slot));
	if (!slot)
		return false;
	free(s->slot);
	s->slot = slot;
	s->nslot = cap * 2;
	s->cap = cap;
	for (size_t i = 0; i < s->n; i++)
		*sigset_slot(s, v[i].sig) = i + 1;
	return true;
}

/* A zeroed entry for sig, which is not in s; NULL when out of memory. */
static struct explore_finding *sigset_add(struct sigset *s, uint64_t sig)
{
	if (s->n == s->cap && !sigset_grow(s))
		return NULL;
	struct explore_finding *f = &s->v[s->n];
	memset(f, 0, sizeof(*f));
	f->sig = sig;
	*sigset_slot(s, sig) = ++s->n;
	return f;
}

static void sigset_free(struct sigset *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i].dec);
	free(s->v);
	free(s->slot);
}

/* ---- one job ---------------------------------------------------------------------- */

struct xjob {
	pthread_t th;
	const struct explore_opts *o;
	int job;
	uint64_t pct_steps;
	uint64_t runs, tries, steps, violations;
	bool exhausted, oom;
	struct sigset found;
	struct dpor_stats st;  /* dfs */
	uint64_t *fps;         /* dfs: trace fingerprints */
	size_t nfps;
};

/* A violating run: count it, and keep it if its signature is new. */
static bool job_record(struct xjob *w, struct sim *sim, uint64_t run,
		       const struct sim_result *r)
{
	uint64_t sig = sim_signature(w->o->cfg, &r->v);
	struct explore_finding *f = sigset_find(&w->found, sig);
	w->violations++;
	if (!f) {
		size_t n = sim_decision_count(sim);
		struct sim_choice *dec = malloc((n + 1) * sizeof(*dec));
		if (!dec || !(f = sigset_add(&w->found, sig))) {
			free(dec);
			return false;
		}
		if (n)
			memcpy(dec, sim_decisions(sim), n * sizeof(*dec));
		f->run = run;
		f->job = w->job;
		f->res = *r;
		f->dec = dec;
		f->ndec = n;
	}
	f->hits++;
	return true;
}

static uint64_t div_up(uint64_t a, uint64_t b)
{
	return a / b + (a % b != 0);
}

static void job_loop(struct xjob *w, struct sim *sim, struct strategy *st)
{
	const struct explore_opts *o = w->o;
	bool dfs = o->kind == ST_DFS;
	uint64_t jobs = (uint64_t)o->jobs, i = dfs ? 0 : (uint64_t)w->job;
	uint64_t end = dfs ? div_up(o->budget, jobs) : o->budget;
	for (; i < end; i += dfs ? 1 : jobs) {
		struct sim_result r;
		strategy_begin_run(st, i);
		sim_run(sim, st, &r);
		w->tries++;
		w->steps += r.steps;
		w->runs += !dfs || !r.aborted; /* dfs: a cut run is not a schedule */
		if (r.violated && !job_record(w, sim, i, &r)) {
			w->oom = true;
			return;
		}
		bool stop = o->on_run && o->on_run(o->ctx, w->job, i, sim, &r);
		if (dfs && !strategy_dfs_next(st)) {
			w->exhausted = true;
			return;
		}
		if (stop || (r.violated && o->stop_on_first))
			return;
	}
}

static void *job_main(void *arg)
{
	struct xjob *w = arg;
	const struct explore_opts *o = w->o;
	struct sim *sim = sim_new(o->cfg);
	struct strategy st;
	strategy_init(&st, o->kind, o->seed);
	st.depth = o->depth;
	if (o->kind == ST_PCT)
		st.pct_steps = w->pct_steps;
	if (o->kind == ST_DFS) {
		struct dpor_opts d = o->dfs;
		d.jobs = o->jobs;
		d.job = w->job;
		strategy_set_dfs(&st, &d);
	}
	job_loop(w, sim, &st);
	if (o->kind == ST_DFS && !w->oom) {
		dpor_get_stats(st.dp, &w->st);
		w->fps = malloc((w->st.behaviours + 1) * sizeof(*w->fps));
		if (w->fps)
			w->nfps = dpor_fingerprints(st.dp, w->fps, w->st.behaviours);
		else
			w->oom = true;
	}
	strategy_free(&st);
	sim_free(sim);
	return NULL;
}

/* ---- merging the jobs ------------------------------------------------------------- */

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static int cmp_run(const void *a, const void *b)
{
	const struct explore_finding *x = a, *y = b;
	return x->run < y->run ? -1 : x->run > y->run;
}

/* Invariant 2.  Takes the decisions of the findings it keeps. */
static bool merge_found(struct sigset *all, struct xjob *w, int jobs, bool dfs)
{
	for (int j = 0; j < jobs; j++) {
		for (size_t k = 0; k < w[j].found.n; k++) {
			struct explore_finding *f = &w[j].found.v[k];
			struct explore_finding *g = sigset_find(all, f->sig);
			if (!g) {
				if (!(g = sigset_add(all, f->sig)))
					return false;
				*g = *f;
				f->dec = NULL;
			} else if (!dfs && f->run < g->run) {
				struct explore_finding old = *g;
				*g = *f;
				g->hits += old.hits;
				f->dec = old.dec;
			} else {
				g->hits += f->hits;
			}
		}
	}
	if (!dfs && all->n) /* report in run order (the index is stale from here on) */
		qsort(all->v, all->n, sizeof(*all->v), cmp_run);
	return true;
}

/* dfs: behaviours are the union of the jobs' trace fingerprints. */
static bool merge_behaviours(struct xjob *w, int jobs, uint64_t *out, bool keep,
			     uint64_t **traces, size_t *ntraces)
{
	size_t n = 0, at = 0;
	for (int j = 0; j < jobs; j++)
		n += w[j].nfps;
	uint64_t *all = malloc((n + 1) * sizeof(*all));
	if (!all)
		return false;
	for (int j = 0; j < jobs; j++) {
		if (w[j].nfps) /* random, pct, default: none */
			memcpy(all + at, w[j].fps, w[j].nfps * sizeof(*all));
		at += w[j].nfps;
	}
	qsort(all, at, sizeof(*all), cmp_u64);
	size_t u = 0;
	for (size_t i = 0; i < at; i++)
		if (i == 0 || all[i] != all[i - 1])
			all[u++] = all[i];
	*out = u;
	if (keep) {
		*traces = all;
		*ntraces = u;
	} else {
		free(all);
	}
	return true;
}

static void merge_counts(const struct xjob *w, int jobs, struct explore_result *res)
{
	res->exhausted = true;
	for (int j = 0; j < jobs; j++) {
		res->runs += w[j].runs;
		res->tries += w[j].tries;
		res->steps += w[j].steps;
		res->violations += w[j].violations;
		res->blocked += w[j].st.blocked;
		res->exhausted &= w[j].exhausted;
		res->bounded |= w[j].st.bounded;
	}
}

/* ---- the engine ------------------------------------------------------------------- */

void explore_opts_init(struct explore_opts *o, const struct sim_config *cfg, int kind)
{
	memset(o, 0, sizeof(*o));
	o->cfg = cfg;
	o->kind = kind;
	o->budget = 1000;
	o->seed = 1;
	o->depth = 3;
	o->dfs = (struct dpor_opts){.reduce = true, .preemptions = -1};
	o->jobs = 1;
}

uint64_t explore_pct_estimate(struct sim *sim)
{
	struct strategy st;
	struct sim_result r;
	strategy_init(&st, ST_DEFAULT, 0);
	strategy_begin_run(&st, 0);
	sim_run(sim, &st, &r);
	strategy_free(&st);
	return r.decisions < 8 ? 8 : r.decisions;
}

static const char *check_opts(const struct explore_opts *o)
{
	if (o->kind < 0 || o->kind >= ST_COUNT || o->kind == ST_BYTES || o->kind == ST_REPLAY ||
	    o->kind == ST_STATEFUL || o->kind == ST_ABSTRACT)
		return "explore: strategy must be random, pct, dfs or default (stateful: "
		       "stateful_run)";
	if (o->jobs < 1 || o->jobs > EXPLORE_JOBS_MAX)
		return "explore: jobs out of range";
	if (o->jobs > 1 && o->stop_on_first && o->kind != ST_DFS)
		return "explore: several jobs with stop-on-first is only deterministic for dfs";
	return NULL;
}

/* Run every job (the last one on this thread) and wait for them. */
static int run_jobs(struct xjob *w, int jobs, char *err, size_t errlen)
{
	int started = 0, rc = 0;
	for (; started < jobs - 1; started++) {
		if (pthread_create(&w[started].th, NULL, job_main, &w[started])) {
			snprintf(err, errlen, "cannot start worker thread %d", started);
			rc = -1;
			break;
		}
	}
	if (!rc)
		job_main(&w[jobs - 1]);
	for (int j = 0; j < started; j++)
		pthread_join(w[j].th, NULL);
	for (int j = 0; j < jobs && !rc; j++)
		if (w[j].oom) {
			snprintf(err, errlen, "out of memory");
			rc = -1;
		}
	return rc;
}

static void report(const struct explore_opts *o, const struct sigset *all)
{
	for (size_t k = 0; k < all->n && o->on_found; k++)
		o->on_found(o->ctx, &all->v[k]);
}

int explore_run(const struct explore_opts *o, struct explore_result *res, char *err,
		size_t errlen)
{
	const char *bad = check_opts(o);
	memset(res, 0, sizeof(*res));
	if (bad) {
		snprintf(err, errlen, "%s", bad);
		return -1;
	}
	if (o->kind == ST_PCT && !(res->pct_steps = o->pct_steps)) {
		struct sim *sim = sim_new(o->cfg);
		res->pct_steps = explore_pct_estimate(sim);
		sim_free(sim);
	}
	struct xjob *w = calloc((size_t)o->jobs, sizeof(*w));
	struct sigset all = {0};
	if (!w) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (int j = 0; j < o->jobs; j++)
		w[j] = (struct xjob){.o = o, .job = j, .pct_steps = res->pct_steps};
	int rc = run_jobs(w, o->jobs, err, errlen);
	if (!rc && (!merge_found(&all, w, o->jobs, o->kind == ST_DFS) ||
		    !merge_behaviours(w, o->jobs, &res->behaviours,
				      o->keep_traces && o->kind == ST_DFS, &res->traces,
				      &res->ntraces))) {
		snprintf(err, errlen, "out of memory");
		rc = -1;
	}
	if (!rc) {
		merge_counts(w, o->jobs, res);
		res->distinct = all.n;
		report(o, &all);
	}
	sigset_free(&all);
	for (int j = 0; j < o->jobs; j++) {
		sigset_free(&w[j].found);
		free(w[j].fps);
	}
	free(w);
	return rc;
}
