/*
 * sim/stateful.c: stateful exhaustive search of the simulated machine
 * (contract in sim/snapshot.h).
 *
 * A depth-first search over machine states.  From the initial state it runs
 * forced steps (one choice) until a decision point, fingerprints the state
 * there (sim/snapshot.c), and stops if that fingerprint is stored already;
 * otherwise it stores it, checkpoints the machine and takes the first
 * choice.  When a path ends (quiescence with the end-of-run checks, a
 * violation, the step budget) or reaches a stored state, the search restores
 * the deepest checkpoint with a choice left and takes that choice.  Nothing
 * is replayed from the root.
 *
 * Why this finds every violation the stateless search finds: the future of a
 * state is a function of the state (the fingerprint covers everything that
 * can influence it), so every state reachable in the configuration is
 * expanded once with every one of its choices; every oracle verdict is a
 * check made at a state or on a transition out of one (check_step after a
 * step, the end-of-run checks at quiescence); every final outcome is a
 * quiescent state's.  Every choice of every stored state is taken, except
 * where the local-step reduction (take_first, with its argument) finds a
 * step that alone is a persistent set.  No sleep sets: a sleep set cut at a
 * revisited state is what makes stateful DPOR lose behaviours.
 *
 * The state table stores 63 bits of each fingerprint (hash compaction, as
 * in spin): open addressing, grown by doubling up to the memory cap; the top
 * bit marks states on the current path.  Two distinct states share 63 bits
 * with probability 2^-63 per pair, so the chance that any of n stored states
 * was wrongly taken as seen is at most n(n-1)/2^64, which the result reports.
 *
 * Cycles: arriving at a state on the current path closes a cycle.  If the
 * cycle is fair (every agent enabled at every state of the cycle takes a
 * step in it) the machine can run round it for ever without reaching
 * quiescence: a livelock, reported with a schedule that goes round the
 * cycle until the step budget, which replays to the same livelock.  An
 * unfair cycle (a spinning thread that could run for ever only because the
 * scheduler never picks the thread it waits for) is not a violation.
 */
#include <stdlib.h>
#include <string.h>

#include "sim_internal.h"
#include "snapshot.h"

#define ONSTACK (1ULL << 63)
#define AG_DRAIN0 24
#define AG_EVENT 63

struct node {
	struct sim_snap snap;
	uint32_t n, next;     /* choices; the next to take (first taken: first) */
	int32_t first;        /* the choice taken first (-1: none yet) */
	bool reduced;         /* first was a local step: the others are not taken */
	size_t slot;          /* its entry in the table */
	uint64_t enabled;     /* agents with a choice here */
	uint64_t taken;       /* agents stepped from here to the next node */
	uint64_t forced_and;  /* AND of the forced states' agents on the way */
	size_t ndec;          /* decisions recorded before this node */
	uint64_t steps;       /* steps before this node */
};

struct search {
	const struct stateful_opts *o;
	struct stateful_result *r;
	struct sim *sim;
	uint64_t *tab;
	size_t tcap, tn;
	struct node *node;
	size_t depth, ncap;
	size_t snap_bytes;    /* capacity of the checkpoints held */
	uint64_t mem_max;
	struct explore_finding *f;
	size_t nf, fcap;
	bool stop;
	bool reduce;          /* the local-step reduction is on */
	bool reduced_any;     /* ... and was applied */
	bool clock_abort;     /* ... and a thread read the clock: start again */
};

static uint64_t agent_bit(const struct sim_choice *c)
{
	int a = c->kind == CH_STEP ? c->tid : c->kind == CH_DRAIN ? AG_DRAIN0 + c->tid : AG_EVENT;
	return 1ULL << a;
}

static uint64_t choices_agents(const struct sim *sim)
{
	uint64_t m = 0;
	for (int k = 0; k < sim->nchoices; k++)
		m |= agent_bit(&sim->choices[k]);
	return m;
}

/* ---- the table ------------------------------------------------------------------- */

static size_t tab_index(uint64_t key, size_t cap)
{
	key ^= key >> 33;
	key *= 0xff51afd7ed558ccdULL;
	key ^= key >> 33;
	return (size_t)key & (cap - 1);
}

static size_t used_bytes(const struct search *s)
{
	return s->tcap * sizeof(uint64_t) + s->snap_bytes + s->ncap * sizeof(struct node);
}

static void set_incomplete(struct search *s, const char *why)
{
	if (!s->r->incomplete[0])
		snprintf(s->r->incomplete, sizeof(s->r->incomplete), "%s", why);
	s->stop = true;
}

static bool tab_grow(struct search *s)
{
	size_t cap = s->tcap ? s->tcap * 2 : (1u << 16);
	if (used_bytes(s) + cap * sizeof(uint64_t) > s->mem_max) {
		char why[160];
		snprintf(why, sizeof(why), "the state table reached the memory cap (%llu MiB; "
			 "raise --mem-max)", (unsigned long long)(s->mem_max >> 20));
		set_incomplete(s, why);
		return false;
	}
	uint64_t *t = calloc(cap, sizeof(*t));
	if (!t) {
		set_incomplete(s, "out of memory for the state table");
		return false;
	}
	for (size_t i = 0; i < s->tcap; i++) {
		uint64_t k = s->tab[i];
		if (!k)
			continue;
		size_t h = tab_index(k & ~ONSTACK, cap);
		while (t[h])
			h = (h + 1) & (cap - 1);
		t[h] = k;
	}
	/* slots of the nodes on the path moved */
	for (size_t d = 0; d < s->depth; d++) {
		uint64_t k = s->tab[s->node[d].slot] & ~ONSTACK;
		size_t h = tab_index(k, cap);
		while ((t[h] & ~ONSTACK) != k)
			h = (h + 1) & (cap - 1);
		s->node[d].slot = h;
	}
	free(s->tab);
	s->tab = t;
	s->tcap = cap;
	s->r->table_bytes = cap * sizeof(uint64_t);
	return true;
}

/* Find key; *slot is where it is or would go. */
static bool tab_find(const struct search *s, uint64_t key, size_t *slot)
{
	size_t h = tab_index(key, s->tcap);
	while (s->tab[h]) {
		if ((s->tab[h] & ~ONSTACK) == key) {
			*slot = h;
			return true;
		}
		h = (h + 1) & (s->tcap - 1);
	}
	*slot = h;
	return false;
}

/* ---- findings -------------------------------------------------------------------- */

static void record_end(struct search *s, struct sim *sim)
{
	struct sim_result res;
	sim_finish(sim, &res);
	s->r->ends++;
	if (s->o->on_run && s->o->on_run(s->o->ctx, 0, s->r->ends - 1, sim, &res))
		s->stop = true;
	if (!res.violated)
		return;
	s->r->violations++;
	uint64_t sig = sim_signature(&sim->cfg, &res.v);
	for (size_t i = 0; i < s->nf; i++)
		if (s->f[i].sig == sig) {
			s->f[i].hits++;
			goto out;
		}
	if (s->nf == s->fcap) {
		s->fcap = s->fcap ? s->fcap * 2 : 8;
		s->f = realloc(s->f, s->fcap * sizeof(*s->f));
		if (!s->f) {
			fprintf(stderr, "reqsim: out of memory\n");
			exit(2);
		}
	}
	struct explore_finding *f = &s->f[s->nf++];
	memset(f, 0, sizeof(*f));
	f->sig = sig;
	f->run = s->r->ends - 1;
	f->hits = 1;
	f->res = res;
	f->ndec = sim_decision_count(sim);
	f->dec = malloc((f->ndec ? f->ndec : 1) * sizeof(*f->dec));
	if (!f->dec) {
		fprintf(stderr, "reqsim: out of memory\n");
		exit(2);
	}
	memcpy(f->dec, sim_decisions(sim), f->ndec * sizeof(*f->dec));
	s->r->distinct++;
out:
	if (s->o->stop_on_first)
		s->stop = true;
}

/* A fair cycle from node j back to its state: the machine can go round it
 * for ever.  Report it as the step budget would, with a schedule that goes
 * round until the budget: prefix, then the cycle's decisions repeated. */
static void livelock(struct search *s, size_t j)
{
	struct sim *sim = s->sim;
	const struct node *nj = &s->node[j];
	size_t pre = nj->ndec, len = sim->ndec - pre;
	uint64_t cyc_steps = sim->steps - nj->steps;
	if (!len || !cyc_steps)
		return;
	/* Known already: count it (replaying every cycle would cost a run of
	 * the whole step budget each time). */
	struct sim_violation v = {.kind = V_LIVELOCK};
	uint64_t sig = sim_signature(&sim->cfg, &v);
	for (size_t i = 0; i < s->nf; i++)
		if (s->f[i].sig == sig) {
			s->f[i].hits++;
			s->r->violations++;
			if (s->o->stop_on_first)
				s->stop = true;
			return;
		}
	uint64_t rounds = (sim->cfg.steps_max - nj->steps) / cyc_steps + 2;
	size_t total = pre + (size_t)rounds * len;
	struct sim_choice *dec = malloc(total * sizeof(*dec));
	if (!dec) {
		fprintf(stderr, "reqsim: out of memory\n");
		exit(2);
	}
	memcpy(dec, sim->dec, pre * sizeof(*dec));
	for (uint64_t k = 0; k < rounds; k++)
		memcpy(dec + pre + k * len, sim->dec + pre, len * sizeof(*dec));
	/* Run it (in a sim of its own): the finding is what replay shows. */
	struct sim *rs = sim_new(&sim->cfg);
	struct strategy st;
	strategy_init(&st, ST_REPLAY, 0);
	strategy_set_replay(&st, dec, total);
	strategy_begin_run(&st, 0);
	sim_begin(rs, &st);
	while (sim_step(rs))
		;
	if (rs->violated && rs->v.kind == V_LIVELOCK)
		record_end(s, rs);
	else
		fprintf(stderr, "reqsim: stateful: a fair cycle of %llu steps did not replay to a "
			"livelock; not reported\n", (unsigned long long)cyc_steps);
	strategy_free(&st);
	sim_free(rs);
	free(dec);
}

static void cycle(struct search *s, size_t slot)
{
	s->r->cycles++;
	size_t j = s->depth;
	while (j > 0 && s->node[j - 1].slot != slot)
		j--;
	if (!j)
		return;
	j--;
	uint64_t e = ~0ULL, taken = 0;
	for (size_t k = j; k < s->depth; k++) {
		e &= s->node[k].enabled & s->node[k].forced_and;
		taken |= s->node[k].taken;
	}
	if (!(e & ~taken))
		livelock(s, j);
}

/* ---- the search ------------------------------------------------------------------ */

static struct node *push(struct search *s, size_t slot)
{
	if (s->depth == s->ncap) {
		size_t cap = s->ncap ? s->ncap * 2 : 256;
		struct node *n = realloc(s->node, cap * sizeof(*n));
		if (!n) {
			set_incomplete(s, "out of memory for the search path");
			return NULL;
		}
		memset(n + s->ncap, 0, (cap - s->ncap) * sizeof(*n));
		s->node = n;
		s->ncap = cap;
	}
	struct node *nd = &s->node[s->depth];
	struct sim *sim = s->sim;
	size_t before = nd->snap.cap;
	sim_snap_save(sim, &nd->snap);
	s->snap_bytes += nd->snap.cap - before;
	nd->n = (uint32_t)sim->nchoices;
	nd->next = 0;
	nd->first = -1;
	nd->reduced = false;
	nd->slot = slot;
	nd->enabled = choices_agents(sim);
	nd->taken = 0;
	nd->forced_and = ~0ULL;
	nd->ndec = sim->ndec;
	nd->steps = sim->steps;
	s->tab[slot] |= ONSTACK;
	s->depth++;
	if (s->depth > s->r->max_depth)
		s->r->max_depth = s->depth;
	if (used_bytes(s) > s->r->peak_bytes)
		s->r->peak_bytes = used_bytes(s);
	if (used_bytes(s) > s->mem_max) {
		char why[160];
		snprintf(why, sizeof(why), "the search path's checkpoints reached the memory cap "
			 "(%llu MiB; raise --mem-max)", (unsigned long long)(s->mem_max >> 20));
		set_incomplete(s, why);
	}
	return nd;
}

/* Take choice k at the current state, noting its agent in the path;
 * observed: record its footprint (sim->fp). */
static void take_as(struct search *s, int k, bool forced, bool observed)
{
	struct sim *sim = s->sim;
	if (s->depth) {
		struct node *top = &s->node[s->depth - 1];
		uint64_t a = agent_bit(&sim->choices[k]);
		top->taken |= a;
		if (forced)
			top->forced_and &= a;
	}
	int tid = sim->choices[k].kind == CH_STEP ? sim->choices[k].tid : -1;
	sim_take(sim, k, observed);
	s->r->transitions++;
	(void)tid;
}

/* With the reduction on every step is taken observed: an observed step
 * runs the footprint hooks deeper than an unobserved one and leaves other
 * dead bytes on its stack, which later frames' unwritten slots carry into
 * the fingerprint; mixing the two would split states (measured: 1.6-1.8x
 * more states on async_pf). */
static void take(struct search *s, int k, bool forced)
{
	take_as(s, k, forced, s->reduce);
}

/* Run from the current state to the next new decision point and push it;
 * false when the path ended or reached a stored state. */
static bool descend(struct search *s)
{
	struct sim *sim = s->sim;
	for (;;) {
		int n = sim_ready(sim);
		if (!n) {
			record_end(s, sim);
			return false;
		}
		if (n == 1) {
			take(s, 0, true);
			continue;
		}
		break;
	}
	uint64_t fp[2];
	sim_fingerprint(sim, fp);
	uint64_t key = fp[1] & ~ONSTACK;
	if (!key)
		key = 1;
	size_t slot;
	if (tab_find(s, key, &slot)) {
		s->r->matched++;
		if (s->tab[slot] & ONSTACK) {
			/* the cycle proviso: a reduced state whose local step
			 * leads back onto the path is expanded in full */
			if (s->depth && s->node[s->depth - 1].reduced) {
				s->node[s->depth - 1].reduced = false;
				s->r->reductions--;
			}
			cycle(s, slot);
		}
		return false;
	}
	if ((s->tn + 1) * 4 > s->tcap * 3) {
		if (!tab_grow(s))
			return false;
		tab_find(s, key, &slot);
	}
	s->tab[slot] = key;
	s->tn++;
	s->r->stored++;
	if (s->o->states_max && s->r->stored >= s->o->states_max)
		set_incomplete(s, "the --states-max budget was reached");
	return push(s, slot) != NULL;
}

/* The local-step reduction.  A step whose transition touches nothing
 * another agent can see or change (a fence or cpu_relax with an empty store
 * buffer, and the plain code after it up to the next primitive: its
 * footprint is at most its own empty buffer) commutes with every
 * transition of every other agent and neither enables nor disables any; it
 * is invisible to the oracles (no write to what check_step reads, no change
 * of the thread's wait state).  So {that step} is a persistent set: every
 * behaviour from the state is a behaviour that takes it first, and the other
 * choices need not be taken (an ample set, with the cycle proviso applied
 * in descend()).  Time is the exception: every step advances it, so once a
 * thread reads the clock the reduction is unsound; the search then starts
 * again without it (stateful_run). */
static int local_candidate(const struct sim *sim)
{
	for (int k = 0; k < sim->nchoices; k++) {
		const struct sim_choice *c = &sim->choices[k];
		if (c->kind != CH_STEP)
			continue;
		const struct sim_thread *t = &sim->threads[c->tid];
		if (t->buf.n || !t->op || (t->op->kind != OP_FENCE && t->op->kind != OP_RELAX))
			continue;
		if (t->op->kind == OP_FENCE && sim->cfg.model == MODEL_WMM)
			continue; /* a wmm fence reads every location's latest store */
		return k;
	}
	return -1;
}

static bool was_local(const struct sim *sim, int tid)
{
	const struct sim_fp *f = &sim->fp;
	if (f->global || f->flags || sim->threads[tid].buf.n || sim->violated)
		return false;
	for (int i = 0; i < f->n; i++)
		if ((f->loc[i] >> 1) != FP_BUF(tid))
			return false;
	return true;
}

/* At a new node: take the first choice, a local step if there is one. */
static void take_first(struct search *s, struct node *top)
{
	struct sim *sim = s->sim;
	int k = s->reduce ? local_candidate(sim) : -1;
	top->first = k < 0 ? 0 : k;
	if (k < 0) {
		take(s, 0, false);
		return;
	}
	int tid = sim->choices[k].tid;
	take_as(s, k, false, true);
	if (was_local(sim, tid)) {
		top->reduced = true;
		s->reduced_any = true;
		s->r->reductions++;
	}
}

/* The next choice of top to take, or -1. */
static int next_choice(struct node *top)
{
	if (top->reduced)
		return -1;
	while (top->next < top->n && (int32_t)top->next == top->first)
		top->next++;
	return top->next < top->n ? (int)top->next++ : -1;
}

static void search(struct search *s)
{
	struct sim *sim = s->sim;
	bool at_node = descend(s);
	while (!s->stop) {
		if (s->reduced_any && sim->clock_read) {
			s->clock_abort = true; /* stateful_run starts again without it */
			return;
		}
		if (at_node) {
			take_first(s, &s->node[s->depth - 1]);
			at_node = descend(s);
			continue;
		}
		/* backtrack to the deepest node with a choice left */
		int k = -1;
		while (s->depth && (k = next_choice(&s->node[s->depth - 1])) < 0) {
			s->depth--;
			s->tab[s->node[s->depth].slot] &= ~ONSTACK;
		}
		if (!s->depth)
			return;
		struct node *top = &s->node[s->depth - 1];
		sim_snap_restore(sim, &top->snap);
		s->r->restores++;
		int n = sim_ready(sim);
		if (n != (int)top->n) {
			fprintf(stderr, "reqsim: stateful: a restored state offers %d choices, "
				"%u when saved (the checkpoint misses some state)\n", n, top->n);
			exit(70);
		}
		top->taken = 0;
		top->forced_and = ~0ULL;
		take(s, k, false);
		at_node = descend(s);
	}
}

int stateful_run(const struct stateful_opts *o, struct stateful_result *res, char *err,
		 size_t errlen)
{
	memset(res, 0, sizeof(*res));
	struct sim_config cfg = *o->cfg;
	cfg.trace = false;
	cfg.track_rf = false;
	struct sim *sim = sim_new(&cfg);
	if (!sim) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (!sim_snap_supported(sim, err, errlen)) {
		sim_free(sim);
		return -1;
	}
	struct strategy st;
	strategy_init(&st, ST_DEFAULT, 0);
	struct search s = {.o = o, .r = res, .sim = sim,
			   .mem_max = o->mem_max ? o->mem_max : 4ULL << 30};
	if (!tab_grow(&s)) {
		snprintf(err, errlen, "--mem-max is too small for the state table");
		strategy_free(&st);
		sim_free(sim);
		return -1;
	}
	s.reduce = !o->no_reduction && sim_footprints_exact();
	strategy_begin_run(&st, 0);
	sim_begin(sim, &st);
	search(&s);
	if (s.clock_abort) {
		/* a thread reads the clock: every step is visible to it */
		uint64_t clock_restarts = res->clock_restarts + 1;
		for (size_t i = 0; i < s.nf; i++)
			free(s.f[i].dec);
		s.nf = 0;
		memset(res, 0, sizeof(*res));
		res->clock_restarts = clock_restarts;
		memset(s.tab, 0, s.tcap * sizeof(*s.tab));
		s.tn = 0;
		s.depth = 0;
		s.stop = false;
		s.clock_abort = false;
		s.reduce = false;
		s.reduced_any = false;
		res->table_bytes = s.tcap * sizeof(uint64_t);
		sim_begin(sim, &st);
		search(&s);
	}
	res->reduced = s.reduce;
	if (s.stop && !res->incomplete[0])
		snprintf(res->incomplete, sizeof(res->incomplete), "stopped at a violation");
	res->complete = !res->incomplete[0];
	double n = (double)res->stored;
	res->omission = n * (n - 1) / 18446744073709551616.0;
	for (size_t i = 0; i < s.nf; i++)
		if (o->on_found)
			o->on_found(o->ctx, &s.f[i]);
	for (size_t i = 0; i < s.nf; i++)
		free(s.f[i].dec);
	free(s.f);
	for (size_t d = 0; d < s.ncap; d++)
		sim_snap_free(&s.node[d].snap);
	free(s.node);
	free(s.tab);
	strategy_free(&st);
	sim_free(sim);
	return 0;
}
