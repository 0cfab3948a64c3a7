/*
 * sim/strategy.c: the strategies of strategy.h.
 *
 * Invariants:
 *  1. A strategy's answer depends only on its own state and the choice list
 *     (never on addresses or time), so a (strategy, seed, run) triple names
 *     a schedule.
 *  2. Replay never guesses: a recorded choice that is not enabled aborts the
 *     run with a message saying where the schedule diverged.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "strategy.h"

static const char *const names[ST_COUNT] = {
	[ST_DEFAULT] = "default", [ST_RANDOM] = "random", [ST_PCT] = "pct",
	[ST_BYTES] = "bytes", [ST_REPLAY] = "replay", [ST_DFS] = "dfs",
	[ST_GUIDED] = "guided", [ST_STATEFUL] = "stateful", [ST_ABSTRACT] = "abstract"};

const char *strategy_name(int kind)
{
	return kind >= 0 && kind < ST_COUNT ? names[kind] : "?";
}

int strategy_parse(const char *s)
{
	for (int i = 0; i < ST_COUNT; i++)
		if (!strcmp(s, names[i]))
			return i;
	return -1;
}

uint64_t splitmix64(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t below(uint64_t *rng, uint64_t n)
{
	return n ? splitmix64(rng) % n : 0;
}

void strategy_init(struct strategy *st, int kind, uint64_t seed)
{
	memset(st, 0, sizeof(*st));
	st->kind = kind;
	st->seed = seed;
	st->depth = 3;
	st->pct_steps = 64;
	st->last_tid = -1;
	if (kind == ST_DFS) {
		struct dpor_opts o = {.reduce = true, .preemptions = -1};
		strategy_set_dfs(st, &o);
	}
}

void strategy_free(struct strategy *st)
{
	dpor_free(st->dp);
	st->dp = NULL;
	free(st->idx_log);
	st->idx_log = NULL;
	abs_run_free(st->abs_run);
	st->abs_run = NULL;
	st->idx_n = st->idx_cap = 0;
}

void strategy_log_indices(struct strategy *st)
{
	st->idx_on = true;
	st->idx_n = 0;
	st->idx_too_wide = false;
}

static void log_index(struct strategy *st, int i, int n)
{
	if (n > 256)
		st->idx_too_wide = true;
	if (st->idx_n == st->idx_cap) {
		size_t cap = st->idx_cap ? 2 * st->idx_cap : 256;
		uint8_t *p = realloc(st->idx_log, cap);
		if (!p) {
			fprintf(stderr, "reqsim: out of memory\n");
			exit(2);
		}
		st->idx_log = p;
		st->idx_cap = cap;
	}
	st->idx_log[st->idx_n++] = (uint8_t)i;
}

void strategy_set_bytes(struct strategy *st, const uint8_t *b, size_t n)
{
	st->bytes = b;
	st->nbytes = n;
}

void strategy_set_replay(struct strategy *st, const struct sim_choice *c, size_t n)
{
	st->want = c;
	st->nwant = n;
}

void strategy_begin_run(struct strategy *st, uint64_t run)
{
	st->run = run;
	st->rng = st->seed ^ (run * 0xd1342543de82ef95ULL);
	splitmix64(&st->rng);
	st->decision = 0;
	st->pos = 0;
	st->idx_n = 0;
	st->idx_too_wide = false;
	st->diverged = false;
	st->error[0] = 0;
	st->last_tid = -1;
	st->slice = 0;
	st->hit_bound = false;
	if (st->kind == ST_ABSTRACT)
		abs_begin_run(st);
	if (st->kind == ST_PCT)
		strategy_pct_begin(st);
}

void strategy_pct_begin(struct strategy *st)
{
	/* Three bands: initial priorities (distinct, shuffled) above
	 * PCT_BAND_CHANGE; change point i lowers the running agent to
	 * PCT_BAND_CHANGE + depth - 1 - i; a spinning agent yields to
	 * PCT_BAND_SPIN and below, each yield lower than the last, so
	 * spinners take turns instead of starving one another. */
	for (int a = 0; a < PCT_AGENTS; a++)
		st->prio[a] = (uint32_t)(PCT_BAND_INIT + a);
	st->spin_next = PCT_BAND_SPIN;
	for (int a = PCT_AGENTS - 1; a > 0; a--) { /* shuffle */
		int b = (int)below(&st->rng, (uint64_t)a + 1);
		uint32_t x = st->prio[a];
		st->prio[a] = st->prio[b];
		st->prio[b] = x;
	}
	for (int i = 0; i < st->depth - 1 && i < PCT_DEPTH_MAX; i++)
		st->change[i] = 1 + below(&st->rng, st->pct_steps);
}

/* ---- the default policy ------------------------------------------------------ */

#define DEFAULT_SLICE 16
#define SIM_SBUF_CHOICES 64

static int default_choice(struct strategy *st, const struct sim_choice *c, int n)
{
	int first_thread = -1, next_thread = -1, drain = -1, event = -1;
	for (int i = 0; i < n; i++) {
		if (c[i].kind == CH_STEP) {
			if (c[i].tid == st->last_tid && st->slice < DEFAULT_SLICE)
				return i;
			if (first_thread < 0)
				first_thread = i;
			if (next_thread < 0 && c[i].tid > st->last_tid)
				next_thread = i;
		} else if (c[i].kind == CH_EVENT && event < 0) {
			event = i;
		} else if (c[i].kind == CH_DRAIN && drain < 0) {
			drain = i;
		}
	}
	if (event >= 0)
		return event;
	if (drain >= 0)
		return drain;
	if (next_thread >= 0)
		return next_thread;
	return first_thread >= 0 ? first_thread : 0;
}

int strategy_default_choice(struct strategy *st, const struct sim_choice *c, int n)
{
	return default_choice(st, c, n);
}

/* ---- pct ------------------------------------------------------------------------ */

static int agent_of(const struct sim_choice *c)
{
	switch (c->kind) {
	case CH_STEP: return c->tid % 31;
	case CH_DRAIN: return 31 + c->tid % 31;
	default: return 62;
	}
}

static int pct_choice(struct strategy *st, const struct sim_choice *c, int n)
{
	int best = 0;
	for (int i = 1; i < n; i++)
		if (st->prio[agent_of(&c[i])] > st->prio[agent_of(&c[best])])
			best = i;
	if ((c[best].flags & CHF_SPIN) && n > 1) {
		/* A spinning agent yields: PCT assumes threads do not spin-wait,
		 * so the spinner drops below every other agent. */
		int b = best;
		st->prio[agent_of(&c[b])] = st->spin_next ? st->spin_next-- : 0;
		for (int i = 0; i < n; i++)
			if (agent_of(&c[i]) != agent_of(&c[b]) &&
			    (best == b || st->prio[agent_of(&c[i])] > st->prio[agent_of(&c[best])]))
				best = i;
	}
	if (c[best].kind != CH_EVENT) {
		/* One agent may offer several choices: PSO drains of different
		 * entries, or (wmm) a load that may read several stores.  Which
		 * one is the reordering itself, so pick among them at random. */
		int same[SIM_SBUF_CHOICES], k = 0;
		for (int i = 0; i < n && k < SIM_SBUF_CHOICES; i++)
			if (c[i].kind == c[best].kind && c[i].tid == c[best].tid)
				same[k++] = i;
		best = same[below(&st->rng, (uint64_t)k)];
	}
	for (int i = 0; i < st->depth - 1 && i < PCT_DEPTH_MAX; i++) {
		if (st->change[i] == st->decision) {
			/* Change point i: the running agent drops below all others. */
			st->change[i] = UINT64_MAX;
			st->prio[agent_of(&c[best])] =
				(uint32_t)(PCT_BAND_CHANGE + st->depth - 1 - i);
			return pct_choice(st, c, n);
		}
	}
	return best;
}

int strategy_pct_choice(struct strategy *st, const struct sim_choice *c, int n)
{
	return pct_choice(st, c, n);
}

/* ---- replay ------------------------------------------------------------------- */

static int replay_choice(struct strategy *st, const struct sim_choice *c, int n)
{
	if (st->pos >= st->nwant) {
		snprintf(st->error, sizeof(st->error),
			 "schedule ends after %zu decisions but the run needs more",
			 st->nwant);
		st->diverged = true;
		return -1;
	}
	const struct sim_choice *w = &st->want[st->pos];
	for (int i = 0; i < n; i++) {
		if (c[i].kind == w->kind && c[i].tid == w->tid && c[i].arg == w->arg) {
			st->pos++;
			return i;
		}
	}
	snprintf(st->error, sizeof(st->error),
		 "schedule diverges at decision %zu: its choice is not enabled",
		 st->pos + 1);
	st->diverged = true;
	return -1;
}

/* ---- guided (minimisation) -------------------------------------------------------- */

static int guided_choice(struct strategy *st, const struct sim_choice *c, int n)
{
	while (st->pos < st->nwant) {
		const struct sim_choice *w = &st->want[st->pos++];
		for (int i = 0; i < n; i++)
			if (c[i].kind == w->kind && c[i].tid == w->tid && c[i].arg == w->arg)
				return i;
		break; /* not enabled: this one is dropped, the default decides */
	}
	return default_choice(st, c, n);
}

/* ---- dfs (sim/dpor.c) ------------------------------------------------------------ */

void strategy_set_dfs(struct strategy *st, const struct dpor_opts *o)
{
	dpor_free(st->dp);
	st->dp = dpor_new(o);
	st->observe = true;
}

bool strategy_dfs_next(struct strategy *st)
{
	bool more = dpor_next(st->dp);
	struct dpor_stats s;
	dpor_get_stats(st->dp, &s);
	st->hit_bound = s.bounded;
	return more;
}

void strategy_step_done(struct strategy *st, const struct sim_fp *fp)
{
	if (st->dp)
		dpor_step_done(st->dp, fp);
}

/* ---- dispatch ------------------------------------------------------------------- */

int strategy_choose(struct strategy *st, const struct sim_choice *c, int n)
{
	int i;
	if (st->kind == ST_ABSTRACT && n == 1) /* every_step: a forced step */
		return abs_choose(st, c, n);
	switch (st->kind) {
	case ST_RANDOM: i = (int)below(&st->rng, (uint64_t)n); break;
	case ST_PCT: i = pct_choice(st, c, n); break;
	case ST_BYTES:
		i = st->pos < st->nbytes ? st->bytes[st->pos++] % n
					 : default_choice(st, c, n);
		break;
	case ST_REPLAY: i = replay_choice(st, c, n); break;
	case ST_GUIDED: i = guided_choice(st, c, n); break;
	case ST_DFS: i = dpor_choose(st->dp, c, st->agents, n); break;
	case ST_ABSTRACT: i = abs_choose(st, c, n); break;
	default: i = default_choice(st, c, n); break;
	}
	if (i < 0)
		return i;
	if (st->idx_on && n > 1) /* the bytes strategy reads a byte only then */
		log_index(st, i, n);
	st->decision++;
	if (c[i].kind == CH_STEP) {
		st->slice = c[i].tid == st->last_tid ? st->slice + 1 : 1;
		st->last_tid = c[i].tid;
	}
	return i;
}
