/*
 * fuzz/mutator.c: mutations of abstract schedules (see mutator.h).
 *
 * One to three operators per call, each picked by the engine's seed
 * (weights in twelfths: add 3, remove, negate, retarget, occurrence 1 each,
 * a new seed 2, a new policy 1, stretch 2).  An input with the default
 * policy has no seed: a new seed becomes add (the 16 SC rows of `bench.py
 * fuzz ttb`, held-out seeds 101-111: 57.5 -> 52.7 executions with
 * feedback, 79.5 -> 76.5 without; the deep and large sets unchanged).
 * An input with constraints
 * keeps its fallback policy and seed three times in four (the pick becomes
 * stretch): its constraints were found with that seed, and a crashing
 * input's constraints crash with only 2 to 4 of 20 other seeds.  Keeping
 * it took the 17 stale-payload rows of `bench.py fuzz ttb` (hard and deep,
 * 11 seeds) from 137 / 141 executions (feedback on / off) to 108 / 98.
 * Before either rule, when the input's run showed a store->store window
 * (F7; PSO and wmm), half of the picks other than stretch become stretch,
 * and stretch takes a store->store window over a store->load one (a PSO
 * run of `mixed` shows about 30 of those and a few of these).  With
 * libFuzzer's cross-over off (-cross_over=0, the target's default for this
 * form) that took the 17 stale-payload rows (21 seeds) from 30 / 42
 * executions to 20 / 25 (feedback on / off; 18 / 22 when every pick became
 * stretch).
 * Operators:
 *   add       a constraint built from the observed run: rf / nrf on an
 *             observed reads-from pair (the load's occurrence), preempt at
 *             an observed step (switch to another thread or to any),
 *             drain-late / drain-early of an observed drained store;
 *   remove    one constraint;
 *   negate    rf <-> nrf, drain-late <-> drain-early, preempt: other tid2;
 *   retarget  the same kind on another observed pair, step or drain;
 *   occ       the occurrence one up or down, or "every" (0);
 *   policy    the fallback policy: a new seed, or another policy (PCT with
 *             depth 1..4 and k = the decisions of the observed run; the
 *             default policy; uniform random);
 *   stretch   (weight 2) a reordering window the run showed (store->store
 *             when there is one): drain-late on
 *             the overtaken store, first in priority; a preempt of the step
 *             of its own thread that closed the window (a fence or RMW
 *             draining the buffer), if one did; and half the time, when a
 *             store overtook it, rf of another thread's load on that store.
 * Rare reads-from pairs are preferred when picking one (RFF's idea): of two
 * pairs drawn, the one seen fewer times in the run.
 *
 * Invariants:
 *  1. No global PRNG: a splitmix64 state seeded from the engine's seed.
 *  2. The observation cache is keyed by the input's content, so it changes
 *     how often inputs are run, never what the mutator returns.
 */
#include "mutator.h"

#include <string.h>

#include "abstract.h"
#include "harness.h"
#include "strategy.h"

/* Observations of inputs the mutator was handed, least recently used
 * replaced first.  libFuzzer mutates a corpus input it picked at random
 * (the last run is another input), then the mutants it stacks on it (the
 * last run, reqsim_fuzz_last_run); with one entry every pick of a corpus
 * input ran it again.  A corpus input not seen here yet mostly ran not long
 * ago (reqsim_fuzz_recent_run), else it runs again.  Keyed by content: it
 * changes how often inputs run, never an observation (invariant 2). */
#define OBS_CACHE 64
static struct {
	uint64_t hash, used;
	size_t size;
	bool valid;
	struct reqsim_obs obs;
} cache[OBS_CACHE];
static uint64_t cache_clock;

/* What o holds (its counts and the events they cover). */
static void obs_copy(struct reqsim_obs *to, const struct reqsim_obs *o)
{
	to->nthreads = o->nthreads;
	to->violated = o->violated;
	to->decisions = o->decisions;
	to->nstep = o->nstep;
	to->ndrain = o->ndrain;
	to->nrf = o->nrf;
	to->nwin = o->nwin;
	memcpy(to->step, o->step, o->nstep * sizeof(o->step[0]));
	memcpy(to->drain, o->drain, o->ndrain * sizeof(o->drain[0]));
	memcpy(to->rf, o->rf, o->nrf * sizeof(o->rf[0]));
	memcpy(to->win, o->win, o->nwin * sizeof(o->win[0]));
}

static const struct reqsim_obs *observe(const uint8_t *d, size_t n)
{
	const struct reqsim_obs *last = reqsim_fuzz_last_run(d, n);
	if (last)
		return last; /* the input just ran (libFuzzer's stacked mutations) */
	uint64_t h = reqsim_content_hash(d, n);
	int victim = 0;
	for (int i = 0; i < OBS_CACHE; i++) {
		if (cache[i].valid && cache[i].hash == h && cache[i].size == n) {
			cache[i].used = ++cache_clock;
			return &cache[i].obs;
		}
		if (cache[victim].valid && (!cache[i].valid || cache[i].used < cache[victim].used))
			victim = i; /* a free entry, else the least recently used */
	}
	const struct reqsim_obs *recent = reqsim_fuzz_recent_run(d, n);
	if (recent)
		obs_copy(&cache[victim].obs, recent);
	else
		reqsim_fuzz_observe(d, n, &cache[victim].obs);
	cache[victim].hash = h;
	cache[victim].size = n;
	cache[victim].valid = true;
	cache[victim].used = ++cache_clock;
	return &cache[victim].obs;
}

/* The observation of the input being mutated, made when an operator first
 * needs it: a new seed, a removal or an occurrence step does not, and then
 * a corpus input seen for the first time need not run again. */
struct lazy_obs {
	const uint8_t *d;
	size_t n;
	const struct reqsim_obs *o;
};

static const struct reqsim_obs *obs(struct lazy_obs *l)
{
	if (!l->o)
		l->o = observe(l->d, l->n);
	return l->o;
}

static uint64_t below(uint64_t *rng, uint64_t n) { return n ? splitmix64(rng) % n : 0; }

/* Of two reads-from pairs drawn, the one that occurs fewer times in the run. */
static const struct reqsim_obs_ev *pick_rf(const struct reqsim_obs *o, uint64_t *rng)
{
	if (!o->nrf)
		return NULL;
	const struct reqsim_obs_ev *a = &o->rf[below(rng, o->nrf)];
	const struct reqsim_obs_ev *b = &o->rf[below(rng, o->nrf)];
	size_t na = 0, nb = 0;
	for (size_t i = 0; i < o->nrf; i++) {
		na += o->rf[i].site == a->site && o->rf[i].site2 == a->site2;
		nb += o->rf[i].site == b->site && o->rf[i].site2 == b->site2;
	}
	return nb < na ? b : a;
}

/* A constraint of `kind` on something the run showed; false if it showed
 * nothing of that sort. */
static bool build(struct abs_con *c, int kind, const struct reqsim_obs *o, uint64_t *rng)
{
	const struct reqsim_obs_ev *e;
	bool per_tid = below(rng, 2);
	memset(c, 0, sizeof(*c));
	c->kind = (uint8_t)kind;
	c->tid2 = ABS_ANY;
	switch (kind) {
	case ABS_RF:
	case ABS_NRF:
		if (!(e = pick_rf(o, rng)))
			return false;
		c->site2 = e->site2;
		break;
	case ABS_PREEMPT:
		if (!o->nstep)
			return false;
		e = &o->step[below(rng, o->nstep)];
		if (o->nthreads > 1 && below(rng, 2)) {
			int u = (int)below(rng, (uint64_t)o->nthreads - 1);
			c->tid2 = (uint8_t)(u >= e->tid ? u + 1 : u);
		}
		per_tid = true;
		break;
	default:
		if (!o->ndrain)
			return false;
		e = &o->drain[below(rng, o->ndrain)];
		c->site = e->site;
		c->tid = per_tid ? e->tid : ABS_ANY;
		return true;
	}
	c->site = e->site;
	c->tid = per_tid ? e->tid : ABS_ANY;
	/* half the time every occurrence: a constraint tied to the k-th one
	 * misses when the constraints before it move the run */
	c->occ = below(rng, 2) ? 0 : per_tid ? e->occ_t : e->occ_g;
	return c->site != 0;
}

static int random_kind(uint64_t *rng)
{
	static const uint8_t kinds[10] = {ABS_RF,      ABS_RF,	    ABS_RF,	 ABS_NRF,
					  ABS_NRF,     ABS_PREEMPT, ABS_PREEMPT, ABS_PREEMPT,
					  ABS_DRAIN_LATE, ABS_DRAIN_EARLY};
	return kinds[below(rng, 10)];
}

static void add(struct abs_prog *p, const struct reqsim_obs *o, uint64_t *rng)
{
	if (p->n >= ABS_MAX)
		return;
	for (int tries = 0; tries < 4; tries++)
		if (build(&p->c[p->n], random_kind(rng), o, rng)) {
			/* insert at a random place: order is priority */
			struct abs_con c = p->c[p->n];
			int at = (int)below(rng, (uint64_t)p->n + 1);
			memmove(&p->c[at + 1], &p->c[at], (size_t)(p->n - at) * sizeof(c));
			p->c[at] = c;
			p->n++;
			return;
		}
}

/* A fresh fallback policy: PCT half the time (as PCT finds most of these
 * bugs within a few schedules), else the default policy or uniform. */
static void new_policy(struct abs_prog *p, struct lazy_obs *lo, uint64_t *rng)
{
	uint64_t x = below(rng, 8);
	p->seed = (uint32_t)splitmix64(rng);
	p->policy = x < 4 ? ABS_POL_PCT : x < 6 ? ABS_POL_DEFAULT : ABS_POL_RANDOM;
	p->depth = p->policy == ABS_POL_PCT ? (uint8_t)(1 + below(rng, 4)) : 0;
	p->k = 0;
	if (p->policy == ABS_POL_PCT) {
		uint64_t d = obs(lo)->decisions;
		p->k = (uint16_t)(d < 8 ? 8 : d > 65535 ? 65535 : d);
	}
}

/* Insert c first (the highest priority), dropping the last when full. */
static void push_front(struct abs_prog *p, const struct abs_con *c)
{
	if (p->n == ABS_MAX)
		p->n--;
	memmove(&p->c[1], &p->c[0], (size_t)p->n * sizeof(*c));
	p->c[0] = *c;
	p->n++;
}

/* How many of the run's windows are store->store (F7's kind). */
static size_t store_windows(const struct reqsim_obs *o)
{
	size_t n = 0;
	for (size_t i = 0; i < o->nwin; i++)
		n += o->win[i].store;
	return n;
}

/* Stretch a reordering window the run showed (what F7 rewards): its
 * overtaken store drains late, first in priority, so the window in which
 * other threads see the overtaking access without the older store grows;
 * when the thread's own fence or RMW closed the window, that step is
 * preempted too (no drain-late can outlast it); half the time also a load
 * of another thread reads from the overtaking store (the consumer inside
 * the window).  False when the run showed no window. */
static bool stretch(struct abs_prog *p, const struct reqsim_obs *o, uint64_t *rng)
{
	if (!o->nwin)
		return false;
	size_t nstore = store_windows(o), k;
	const struct reqsim_obs_win *r = &o->win[below(rng, o->nwin)];
	if (nstore) /* a store->store window, the rarer kind (F7) */
		for (k = below(rng, nstore), r = o->win; !r->store || k--; r++)
			;
	struct abs_con c = {.kind = ABS_DRAIN_LATE, .tid = r->tid, .tid2 = ABS_ANY,
			    .site = r->site};
	push_front(p, &c);
	if (r->end) {
		struct abs_con f = {.kind = ABS_PREEMPT, .tid = r->tid, .tid2 = ABS_ANY,
				    .site = r->end, .occ = r->occ_t};
		push_front(p, &f);
	}
	if (!r->store || below(rng, 2))
		return true;
	size_t cand = 0, pick = 0;
	for (size_t i = 0; i < o->nrf; i++)
		cand += o->rf[i].site2 == r->over && o->rf[i].tid != r->tid;
	if (!cand)
		return true;
	pick = below(rng, cand);
	for (size_t i = 0; i < o->nrf; i++)
		if (o->rf[i].site2 == r->over && o->rf[i].tid != r->tid && !pick--) {
			struct abs_con l = {.kind = ABS_RF, .tid = o->rf[i].tid, .tid2 = ABS_ANY,
					    .site = o->rf[i].site, .site2 = r->over};
			push_front(p, &l);
			break;
		}
	return true;
}

static void mutate_one(struct abs_prog *p, struct lazy_obs *lo, uint64_t *rng)
{
	int op = (int)below(rng, 12);
	if (op < 10 && !below(rng, 2) && store_windows(obs(lo)))
		op = 10; /* the run showed a store->store window: stretch it */
	if (op >= 7 && op < 10 && p->n && below(rng, 4))
		op = 10; /* keep the seed the constraints were found with: stretch */
	if (op >= 10) {
		if (!stretch(p, obs(lo), rng))
			add(p, obs(lo), rng);
		return;
	}
	if (op >= 7 && op < 9 && p->policy == ABS_POL_DEFAULT) {
		add(p, obs(lo), rng); /* the default policy has no seed to change */
		return;
	}
	if (op >= 7) { /* the policy, with or without constraints */
		if (op < 9)
			p->seed = (uint32_t)splitmix64(rng);
		else
			new_policy(p, lo, rng);
		return;
	}
	if (!p->n || op < 3) {
		add(p, obs(lo), rng);
		return;
	}
	int k = (int)below(rng, (uint64_t)p->n);
	struct abs_con *c = &p->c[k];
	switch (op) {
	case 3: /* remove */
		memmove(c, c + 1, (size_t)(p->n - k - 1) * sizeof(*c));
		p->n--;
		break;
	case 4: /* negate */
		if (c->kind == ABS_RF || c->kind == ABS_NRF)
			c->kind = c->kind == ABS_RF ? ABS_NRF : ABS_RF;
		else if (c->kind == ABS_DRAIN_LATE || c->kind == ABS_DRAIN_EARLY)
			c->kind = c->kind == ABS_DRAIN_LATE ? ABS_DRAIN_EARLY : ABS_DRAIN_LATE;
		else
			c->tid2 = obs(lo)->nthreads > 0 && c->tid2 == ABS_ANY
					  ? (uint8_t)below(rng, (uint64_t)obs(lo)->nthreads) : ABS_ANY;
		if (c->kind == ABS_PREEMPT && c->tid2 == c->tid)
			c->tid2 = ABS_ANY;
		break;
	case 5: { /* retarget */
		struct abs_con n;
		if (build(&n, c->kind, obs(lo), rng))
			*c = n;
		break;
	}
	case 6: /* occurrence */
		c->occ = below(rng, 4) == 0 ? 0 : below(rng, 2) ? (uint8_t)(c->occ + 1)
			 : c->occ > 1 ? (uint8_t)(c->occ - 1) : c->occ;
		break;
	}
}

size_t reqsim_mutate(uint8_t *data, size_t size, size_t max, unsigned seed)
{
	struct abs_prog p;
	char err[200];
	uint64_t rng = (uint64_t)seed * 0xd1342543de82ef95ULL + 0x5eed;
	if (max < ABS_HDR)
		return size;
	struct lazy_obs lo = {data, size, NULL}; /* data is rewritten only at the end */
	if (abs_parse(data, size, &p, err, sizeof(err))) {
		memset(&p, 0, sizeof(p)); /* the byte form: start afresh */
		new_policy(&p, &lo, &rng);
	}
	int ops = 1 + (int)below(&rng, 3);
	for (int i = 0; i < ops; i++)
		mutate_one(&p, &lo, &rng);
	while (p.n && !abs_encode(&p, data, max))
		p.n--; /* does not fit: fewer constraints */
	return abs_encode(&p, data, max);
}

size_t reqsim_crossover(const uint8_t *a, size_t na, const uint8_t *b, size_t nb,
			uint8_t *out, size_t max, unsigned seed)
{
	struct abs_prog pa, pb, p;
	char err[200];
	uint64_t rng = (uint64_t)seed * 0xd1342543de82ef95ULL + 0xc055;
	if (max < ABS_HDR)
		return 0;
	if (abs_parse(a, na, &pa, err, sizeof(err)))
		memset(&pa, 0, sizeof(pa));
	if (abs_parse(b, nb, &pb, err, sizeof(err)))
		memset(&pb, 0, sizeof(pb));
	memset(&p, 0, sizeof(p));
	const struct abs_prog *pol = below(&rng, 2) ? &pa : &pb;
	p.seed = pol->seed;
	p.policy = pol->policy;
	p.depth = pol->depth;
	p.k = pol->k;
	int ka = (int)below(&rng, (uint64_t)pa.n + 1), kb = (int)below(&rng, (uint64_t)pb.n + 1);
	for (int i = 0; i < ka && p.n < ABS_MAX; i++)
		p.c[p.n++] = pa.c[i];
	for (int i = kb; i < pb.n && p.n < ABS_MAX; i++)
		p.c[p.n++] = pb.c[i];
	while (p.n && !abs_encode(&p, out, max))
		p.n--;
	return abs_encode(&p, out, max);
}
