/*
 * sim/dpor.c: exhaustive search with dynamic partial-order reduction.
 *
 * The search is stateless: a schedule is a path of nodes, one per step (not
 * only per decision), and the next schedule replays a prefix and changes one
 * choice.  With reduction on it is the algorithm of Flanagan and Godefroid
 * (POPL 2005) with sleep sets:
 *
 *  - agents: thread t's steps (agent t), drains of thread t's store-buffer
 *    entries for one location (one agent per thread and location, since
 *    PSO drains different locations in any order), and events (one agent,
 *    all events are global);
 *  - each executed transition has a footprint (sim/footprint.c); two
 *    transitions are dependent if they belong to one agent, if either is
 *    global, or if they touch a common location and one of them writes it;
 *  - after a run, vector clocks give happens-before; for every pair (i, j)
 *    of dependent transitions of different agents with no happens-before
 *    path between them (a race), node i gets a backtrack entry: j's agent if
 *    it is enabled there, else an agent whose next transition leads to j,
 *    else every enabled agent;
 *  - an agent chosen at a node is explored in all its variants (which store
 *    a wmm load reads, which PSO buffer entry drains), so data choices are
 *    never reduced away;
 *  - sleep sets: a transition explored from a node sleeps in the later
 *    siblings' subtrees until something dependent runs; a run whose enabled
 *    choices all sleep is cut (it is equivalent to one already explored).
 *
 * Soundness (every Mazurkiewicz trace is explored at least once, so every
 * reachable final state and every check_end verdict is seen) rests on the
 * footprints being complete, which footprint.c ensures with compiler
 * instrumentation of plain accesses and pseudo locations for simulator
 * state; check_step's verdicts are preserved because writes to anything it
 * reads are made mutually dependent (the FP_ORACLE pseudo location).
 *
 * Behaviours are counted exactly: the fingerprint of a run is the sum over
 * its transitions of hash(identity, agent, position, vector clock), which
 * is the same for every linearisation of one trace.
 *
 * Jobs: the first JOB_LEVELS branching nodes are explored in full (no
 * reduction there) and the subtrees below them are dealt out to jobs by a
 * hash of the path, so jobs never need each other's races; the union of
 * their results is the single-job result.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "sim_internal.h"
#include "strategy.h"

#define AGENTS 64
#define EVENT_AGENT 63
#define DRAIN_AGENT0 24
#define JOB_LEVELS_MIN 4

#define F_TODO 1
#define F_DONE 2

struct trans {
	struct sim_choice c;
	uint8_t agent;
	struct sim_fp fp;
};

struct node {
	uint32_t choff, n;     /* choices: pool [choff, choff + n) */
	uint32_t sloff, nsleep; /* sleep set: pool [sloff, sloff + nsleep) */
	uint32_t cur;
	uint16_t branch;        /* branching nodes above this one */
	uint16_t preempt;       /* preemptions before this node's choice */
	int16_t last_tid;       /* thread of the last step before this node */
	uint64_t pathhash;      /* hash of the branching choices above */
	struct trans exec;      /* what ran from here (this run) */
};

struct locent {
	uint64_t key;    /* key + 1, 0 = empty */
	int32_t lastw;   /* node of the last write, -1 */
	uint64_t rmask;  /* agents with a read since the last write */
	int32_t rd[AGENTS];
};

struct dpor {
	struct dpor_opts o;
	int job_levels;

	struct node *node;
	size_t nnodes, cap;   /* nodes on the current path */
	size_t depth;         /* node index of the next step in this run */
	size_t replay;        /* nodes [0, replay) replay their choice */
	size_t changed;       /* the first node whose choice is new this run */
	bool blocked, skipped;

	struct sim_choice *ch;
	uint8_t *fl, *ag;     /* per choice: flags, agent */
	size_t nch, chcap, flcap, agcap;
	struct { uint64_t key; int tid; } drains[AGENTS]; /* drain agents */
	int ndrains;
	struct trans *sl;
	size_t nsl, slcap;

	/* race analysis scratch */
	uint32_t *vc;         /* AGENTS per node */
	uint32_t *pos;        /* position of node's transition in its agent */
	uint8_t *agent;
	int32_t *agent_nodes; /* per agent: its nodes, in order */
	size_t ancap;
	uint32_t count[AGENTS];
	int32_t last[AGENTS];
	size_t scratch_cap;
	struct locent *loc;
	size_t loccap, nloc;

	struct fp_set fps;    /* fingerprints of complete runs */
	struct dpor_stats st;
};

static void *grow(void *p, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return p;
	size_t c = *cap ? *cap : 64;
	while (c < need)
		c *= 2;
	p = realloc(p, c * elem);
	if (!p) {
		fprintf(stderr, "reqsim: out of memory\n");
		exit(2);
	}
	*cap = c;
	return p;
}

struct dpor *dpor_new(const struct dpor_opts *o)
{
	struct dpor *dp = calloc(1, sizeof(*dp));
	if (!dp) {
		fprintf(stderr, "reqsim: out of memory\n");
		exit(2);
	}
	dp->o = *o;
	if (dp->o.jobs < 1)
		dp->o.jobs = 1;
	int lv = JOB_LEVELS_MIN;
	for (int j = dp->o.jobs; j > 1; j /= 2)
		lv++;
	dp->job_levels = dp->o.jobs > 1 ? lv : 0;
	return dp;
}

void dpor_free(struct dpor *dp)
{
	if (!dp)
		return;
	free(dp->node);
	free(dp->ch);
	free(dp->fl);
	free(dp->ag);
	free(dp->sl);
	free(dp->vc);
	free(dp->pos);
	free(dp->agent);
	free(dp->agent_nodes);
	free(dp->loc);
	fp_set_free(&dp->fps);
	free(dp);
}

/* The agent of a drain of thread tid's entry for location key. */
int dpor_drain_agent(struct dpor *dp, int tid, uint64_t key)
{
	for (int i = 0; i < dp->ndrains; i++)
		if (dp->drains[i].key == key && dp->drains[i].tid == tid)
			return DRAIN_AGENT0 + i;
	if (DRAIN_AGENT0 + dp->ndrains < EVENT_AGENT) {
		dp->drains[dp->ndrains].key = key;
		dp->drains[dp->ndrains].tid = tid;
		return DRAIN_AGENT0 + dp->ndrains++;
	}
	/* out of agents: share one per thread (coarser, see README) */
	return DRAIN_AGENT0 + tid % (EVENT_AGENT - DRAIN_AGENT0);
}

static bool same_choice(const struct sim_choice *a, const struct sim_choice *b)
{
	return a->kind == b->kind && a->tid == b->tid && a->arg == b->arg;
}

bool fp_independent(const struct sim_fp *a, const struct sim_fp *b)
{
	if (a->global || b->global)
		return false;
	for (int i = 0; i < a->n; i++)
		for (int k = 0; k < b->n; k++)
			if ((a->loc[i] >> 1) == (b->loc[k] >> 1) &&
			    ((a->loc[i] | b->loc[k]) & 1))
				return false;
	return true;
}

static bool trans_dependent(const struct trans *a, const struct trans *b)
{
	return a->agent == b->agent || a->c.kind == CH_EVENT ||
	       b->c.kind == CH_EVENT || !fp_independent(&a->fp, &b->fp);
}

static bool asleep(const struct dpor *dp, const struct node *nd, const struct sim_choice *c)
{
	for (uint32_t k = 0; k < nd->nsleep; k++)
		if (same_choice(&dp->sl[nd->sloff + k].c, c))
			return true;
	return false;
}

/* Is choice k at node nd a preemption of the thread that ran last? */
static bool preempts(const struct dpor *dp, const struct node *nd, uint32_t k)
{
	const struct sim_choice *c = &dp->ch[nd->choff + k];
	if (c->kind != CH_STEP || nd->last_tid < 0 || c->tid == nd->last_tid)
		return false;
	for (uint32_t q = 0; q < nd->n; q++) {
		const struct sim_choice *o = &dp->ch[nd->choff + q];
		if (o->kind == CH_STEP && o->tid == nd->last_tid)
			return true; /* the last thread could have gone on */
	}
	return false;
}

static uint64_t mix(uint64_t h, uint64_t v)
{
	h = (h ^ v) * 0x9e3779b97f4a7c15ULL;
	return h ^ (h >> 31);
}

/* The job that owns choice k at the job-splitting node. */
static int job_of(const struct node *nd, const struct sim_choice *c)
{
	uint64_t h = mix(nd->pathhash, ((uint64_t)c->kind << 48) ^ ((uint64_t)c->tid << 32) ^ c->arg);
	return (int)((h >> 17) % 1000003u);
}

/* May choice k at node nd be explored (bounds, job split)?  Sets bounded. */
static bool allowed(struct dpor *dp, const struct node *nd, uint32_t k)
{
	if (dp->o.preemptions >= 0 && nd->preempt + preempts(dp, nd, k) > dp->o.preemptions) {
		dp->st.bounded = true;
		return false;
	}
	if (dp->o.jobs > 1 && nd->n > 1 && nd->branch + 1 == dp->job_levels &&
	    job_of(nd, &dp->ch[nd->choff + k]) % dp->o.jobs != dp->o.job)
		return false;
	return true;
}

static bool full_node(const struct dpor *dp, const struct node *nd)
{
	return !dp->o.reduce || (dp->o.jobs > 1 && nd->branch < dp->job_levels);
}

int dpor_choose(struct dpor *dp, const struct sim_choice *c, const uint8_t *ag, int n)
{
	size_t d = dp->depth;
	if (d < dp->replay) {
		struct node *nd = &dp->node[d];
		if (nd->n != (uint32_t)n || !same_choice(&c[nd->cur], &dp->ch[nd->choff + nd->cur])) {
			fprintf(stderr, "reqsim: dfs: the run is not deterministic at step %zu "
				"(%u choices recorded, %d now)\n", d, nd->n, n);
			exit(2);
		}
		dp->depth++;
		return (int)nd->cur;
	}
	/* A new node. */
	dp->node = grow(dp->node, &dp->cap, d + 1, sizeof(*dp->node));
	dp->nnodes = d + 1;
	struct node *nd = &dp->node[d];
	memset(nd, 0, offsetof(struct node, exec));
	nd->choff = (uint32_t)dp->nch;
	nd->n = (uint32_t)n;
	dp->ch = grow(dp->ch, &dp->chcap, dp->nch + (size_t)n, sizeof(*dp->ch));
	dp->fl = grow(dp->fl, &dp->flcap, dp->chcap, 1);
	dp->ag = grow(dp->ag, &dp->agcap, dp->chcap, 1);
	memcpy(&dp->ag[dp->nch], ag, (size_t)n);
	memcpy(&dp->ch[dp->nch], c, (size_t)n * sizeof(*c));
	memset(&dp->fl[dp->nch], 0, (size_t)n);
	dp->nch += (size_t)n;
	nd->last_tid = -1;
	nd->sloff = (uint32_t)dp->nsl;
	if (d > 0) {
		const struct node *pa = &dp->node[d - 1];
		nd->branch = (uint16_t)(pa->branch + (pa->n > 1));
		nd->preempt = (uint16_t)(pa->preempt + preempts(dp, pa, pa->cur));
		nd->last_tid = pa->exec.c.kind == CH_STEP ? (int16_t)pa->exec.c.tid : pa->last_tid;
		nd->pathhash = pa->n > 1 ? mix(pa->pathhash, ((uint64_t)pa->exec.c.kind << 48) ^
					       ((uint64_t)pa->exec.c.tid << 32) ^ pa->exec.c.arg)
					 : pa->pathhash;
		if (dp->o.reduce) {
			/* Sleep set: what slept at the parent (or was explored
			 * from it before) and commutes with what just ran. */
			for (uint32_t k = 0; k < pa->nsleep; k++) {
				const struct trans *q = &dp->sl[pa->sloff + k];
				if (trans_dependent(q, &pa->exec))
					continue;
				dp->sl = grow(dp->sl, &dp->slcap, dp->nsl + 1, sizeof(*dp->sl));
				dp->sl[dp->nsl++] = *q;
				nd->nsleep++;
			}
		}
	}
	bool beyond = dp->o.depth && d >= dp->o.depth;
	if (beyond && n > 1)
		dp->st.bounded = true;
	/* First choice: the last thread goes on if it can (no preemption). */
	int pick = -1;
	for (int pass = 0; pass < 2 && pick < 0; pass++) {
		for (int k = 0; k < n; k++) {
			if (pass == 0 && !(c[k].kind == CH_STEP && c[k].tid == nd->last_tid))
				continue;
			if (asleep(dp, nd, &c[k]) || !allowed(dp, nd, (uint32_t)k))
				continue;
			pick = k;
			break;
		}
	}
	if (pick < 0) {
		/* Everything enabled sleeps (or is out of bounds / another
		 * job's): this run adds nothing. */
		bool mine = true;
		if (dp->o.jobs > 1 && n > 1 && nd->branch + 1 == dp->job_levels)
			mine = false;
		if (mine)
			dp->blocked = true;
		else
			dp->skipped = true;
		nd->cur = 0;
		dp->nnodes = d; /* the node is not part of the run */
		dp->nch -= (size_t)n;
		dp->nsl -= nd->nsleep;
		return -1;
	}
	uint8_t *fl = &dp->fl[nd->choff];
	fl[pick] = F_TODO | F_DONE;
	if (!beyond) {
		/* the agent's other variants (which store a load reads, which
		 * buffer entry drains) are data choices: never reduced */
		for (int k = 0; k < n; k++)
			if (full_node(dp, nd) || (ag[k] == ag[pick] && c[k].kind != CH_EVENT))
				fl[k] |= F_TODO;
	}
	nd->cur = (uint32_t)pick;
	dp->depth++;
	return pick;
}

void dpor_step_done(struct dpor *dp, const struct sim_fp *fp)
{
	assert(dp->depth > 0);
	struct node *nd = &dp->node[dp->depth - 1];
	nd->exec.c = dp->ch[nd->choff + nd->cur];
	nd->exec.agent = dp->ag[nd->choff + nd->cur];
	nd->exec.fp.n = fp->n;
	nd->exec.fp.global = fp->global;
	nd->exec.fp.flags = fp->flags;
	nd->exec.fp.lock = fp->lock;
	memcpy(nd->exec.fp.loc, fp->loc, fp->n * sizeof(fp->loc[0]));
}

/* ---- race analysis ------------------------------------------------------------- */

static struct locent *loc_get(struct dpor *dp, uint64_t key)
{
	if ((dp->nloc + 1) * 2 > dp->loccap) {
		size_t oc = dp->loccap;
		struct locent *old = dp->loc;
		dp->loccap = oc ? oc * 2 : 1024;
		dp->loc = calloc(dp->loccap, sizeof(*dp->loc));
		if (!dp->loc) {
			fprintf(stderr, "reqsim: out of memory\n");
			exit(2);
		}
		dp->nloc = 0;
		for (size_t i = 0; i < oc; i++) {
			if (!old[i].key)
				continue;
			struct locent *e = loc_get(dp, old[i].key - 1);
			*e = old[i];
		}
		free(old);
	}
	size_t m = dp->loccap - 1, i = (size_t)(mix(0, key) >> 7) & m;
	while (dp->loc[i].key && dp->loc[i].key != key + 1)
		i = (i + 1) & m;
	if (!dp->loc[i].key) {
		dp->loc[i].key = key + 1;
		dp->loc[i].lastw = -1;
		dp->loc[i].rmask = 0;
		dp->nloc++;
	}
	return &dp->loc[i];
}

/* Transitions of agent q at nodes <= i (from the agent's node list). */
static uint32_t agent_upto(const struct dpor *dp, int q, size_t i)
{
	const int32_t *an = &dp->agent_nodes[(size_t)q * dp->ancap];
	uint32_t lo = 0, hi = dp->count[q];
	while (lo < hi) {
		uint32_t mid = (lo + hi) / 2;
		if ((size_t)an[mid] <= i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The first node of agent q after node i, or SIZE_MAX. */
static size_t agent_next(const struct dpor *dp, int q, size_t i)
{
	uint32_t c = agent_upto(dp, q, i);
	return c < dp->count[q] ? (size_t)dp->agent_nodes[(size_t)q * dp->ancap + c] : SIZE_MAX;
}

/* The race i < j: make sure node i explores an initial of v = the
 * transitions after i that do not depend on i, then j (source sets, Abdulla
 * et al., POPL 2014): an agent whose first transition after i has no
 * predecessor among them. */
static void backtrack(struct dpor *dp, size_t i, size_t j)
{
	struct node *ni = &dp->node[i];
	const struct trans *tj = &dp->node[j].exec;
	uint8_t *fl = &dp->fl[ni->choff];
	const struct sim_choice *ci = &dp->ch[ni->choff];
	int ai = dp->agent[i];
	int pick = -1;
	for (uint32_t k = 0; k < ni->n; k++) {
		int q = dp->ag[ni->choff + k];
		size_t kn;
		if (q == EVENT_AGENT) { /* events are global: only j itself */
			if (!same_choice(&ci[k], &tj->c))
				continue;
			kn = j;
		} else {
			kn = agent_next(dp, q, i);
			if (kn > j)
				continue;
		}
		if (kn != j && dp->vc[kn * AGENTS + ai] >= dp->pos[i])
			continue; /* depends on i: not in v */
		bool initial = true;
		for (int b = 0; b < AGENTS && initial; b++)
			if (b != q && b != (kn == j ? dp->agent[j] : q) &&
			    dp->vc[kn * AGENTS + b] > agent_upto(dp, b, i) &&
			    !(kn == j && b == ai && dp->vc[kn * AGENTS + b] == dp->pos[i]))
				initial = false; /* something in v comes first */
		if (!initial)
			continue;
		if (fl[k] & F_TODO)
			return; /* an initial is explored already */
		if (pick < 0 || (asleep(dp, ni, &ci[pick]) && !asleep(dp, ni, &ci[k])))
			pick = (int)k;
	}
	if (pick < 0) {
		for (uint32_t k = 0; k < ni->n; k++)
			fl[k] |= F_TODO;
		return;
	}
	int q = dp->ag[ni->choff + pick];
	for (uint32_t k = 0; k < ni->n; k++)
		if (q == EVENT_AGENT ? (int)k == pick : dp->ag[ni->choff + k] == q)
			fl[k] |= F_TODO;
}

/* What names agent b in a trace fingerprint: not its number, which for a
 * drain agent is the order in which this search (this job) first met its
 * thread and location, so that one trace hashes alike in every search and
 * every job (brute force against reduced, 1 job against 3). */
static uint64_t agent_name(const struct dpor *dp, int b)
{
	if (b >= DRAIN_AGENT0 && b < DRAIN_AGENT0 + dp->ndrains)
		return mix(mix(0xd7a1, (uint64_t)dp->drains[b - DRAIN_AGENT0].tid),
			   dp->drains[b - DRAIN_AGENT0].key);
	return (uint64_t)b; /* a thread, the events, or a shared drain agent */
}

/* Vector clocks over the run; races for transitions at or after `from`
 * (races: with the oracle's visibility, FP_ORACLE); returns the run's trace
 * fingerprint under the dependency used. */
static uint64_t analyse(struct dpor *dp, size_t len, size_t from, bool races)
{
	size_t need = len ? len : 1;
	if (need > dp->scratch_cap) {
		size_t c = dp->scratch_cap ? dp->scratch_cap : 256;
		while (c < need)
			c *= 2;
		dp->vc = realloc(dp->vc, c * AGENTS * sizeof(*dp->vc));
		dp->pos = realloc(dp->pos, c * sizeof(*dp->pos));
		dp->agent = realloc(dp->agent, c);
		free(dp->agent_nodes);
		dp->agent_nodes = malloc(c * AGENTS * sizeof(*dp->agent_nodes));
		if (!dp->vc || !dp->pos || !dp->agent || !dp->agent_nodes) {
			fprintf(stderr, "reqsim: out of memory\n");
			exit(2);
		}
		dp->scratch_cap = c;
		dp->ancap = c;
	}
	memset(dp->count, 0, sizeof(dp->count));
	for (int a = 0; a < AGENTS; a++)
		dp->last[a] = -1;
	if (dp->nloc) {
		memset(dp->loc, 0, dp->loccap * sizeof(*dp->loc));
		dp->nloc = 0;
	}
	int32_t last_global = -1;
	uint64_t fingerprint = 0;
	int32_t dep[AGENTS + 2 * FP_LOCS * (AGENTS + 1)];
	uint8_t acq[AGENTS + 2 * FP_LOCS * (AGENTS + 1)];

	for (size_t j = 0; j < len; j++) {
		const struct trans *t = &dp->node[j].exec;
		int a = t->agent;
		bool global = t->fp.global || t->c.kind == CH_EVENT;
		uint32_t *v = &dp->vc[j * AGENTS];
		int nd = 0;

		/* direct dependent predecessors */
		if (global) {
			for (int b = 0; b < AGENTS; b++)
				if (b != a && dp->last[b] >= 0)
					acq[nd] = 0, dep[nd++] = dp->last[b];
		} else {
			if (last_global >= 0)
				acq[nd] = 0, dep[nd++] = last_global;
			for (int k = 0; k < t->fp.n; k++) {
				uint64_t key = t->fp.loc[k] >> 1;
				if (!races && key == FP_ORACLE)
					continue;
				struct locent *e = loc_get(dp, key);
				if (e->lastw >= 0)
					acq[nd] = (key & FP_KEY_ACQ) != 0, dep[nd++] = e->lastw;
				if (t->fp.loc[k] & 1)
					for (uint64_t m = e->rmask; m; m &= m - 1)
						acq[nd] = 0, dep[nd++] = e->rd[__builtin_ctzll(m)];
			}
		}
		/* own program order */
		uint32_t own[AGENTS];
		if (dp->last[a] >= 0)
			memcpy(own, &dp->vc[(size_t)dp->last[a] * AGENTS], sizeof(own));
		else
			memset(own, 0, sizeof(own));
		dp->pos[j] = ++dp->count[a];
		own[a] = dp->pos[j];
		dp->agent[j] = (uint8_t)a;
		dp->agent_nodes[(size_t)a * dp->ancap + dp->pos[j] - 1] = (int32_t)j;
		/* join: j's full happens-before clock */
		memcpy(v, own, sizeof(own));
		for (int x = 0; x < nd; x++) {
			const uint32_t *u = &dp->vc[(size_t)dep[x] * AGENTS];
			for (int b = 0; b < AGENTS; b++)
				if (u[b] > v[b])
					v[b] = u[b];
		}
		/* races: a dependent predecessor of another agent that happens
		 * before j through nothing else */
		if (races && j >= from) {
			for (int x = 0; x < nd; x++) {
				size_t i = (size_t)dep[x];
				int ai = dp->agent[i];
				if (ai == a || own[ai] >= dp->pos[i])
					continue;
				const struct sim_fp *fi = &dp->node[i].exec.fp;
				if ((fi->flags & FPF_RELEASE) && (t->fp.flags & FPF_ACQUIRE) &&
				    !(t->fp.flags & FPF_TRY) && fi->lock == t->fp.lock)
					continue; /* not co-enabled: the acquire waits for it
						   * (a trylock does not: it would fail) */
				bool through = false;
				/* two acquires of one lock race even though the
				 * first one's release happens in between */
				for (int y = 0; y < nd && !through && !acq[x]; y++)
					if ((size_t)dep[y] != i &&
					    dp->vc[(size_t)dep[y] * AGENTS + ai] >= dp->pos[i])
						through = true;
				if (through || full_node(dp, &dp->node[i]))
					continue;
				if (dp->o.depth && i >= dp->o.depth) {
					dp->st.bounded = true;
					continue;
				}
				backtrack(dp, i, j);
			}
		}
		/* bookkeeping */
		dp->last[a] = (int32_t)j;
		if (global)
			last_global = (int32_t)j;
		for (int k = 0; k < t->fp.n; k++) {
			if (!races && (t->fp.loc[k] >> 1) == FP_ORACLE)
				continue;
			struct locent *e = loc_get(dp, t->fp.loc[k] >> 1);
			if (t->fp.loc[k] & 1) {
				e->lastw = (int32_t)j;
				e->rmask = 0;
			} else {
				e->rmask |= 1ULL << a;
				e->rd[a] = (int32_t)j;
			}
		}
		uint64_t h = mix(0x5bd1e995, ((uint64_t)t->c.kind << 48) ^ ((uint64_t)t->c.tid << 32) ^ t->c.arg);
		for (int b = 0; b < AGENTS; b++)
			if (v[b])
				h = mix(mix(h, agent_name(dp, b)), v[b]);
		fingerprint += h;
	}
	return fingerprint;
}

static void debug_run(const struct dpor *dp, size_t len)
{
	fprintf(stderr, "dpor run%s%s:", dp->blocked ? " (blocked)" : "",
		dp->skipped ? " (skipped)" : "");
	for (size_t i = 0; i < len; i++) {
		const struct node *nd = &dp->node[i];
		const struct trans *t = &nd->exec;
		fprintf(stderr, " %c%u.%u/%u%s", "tde"[t->c.kind], t->c.tid, t->c.arg, nd->n,
			t->fp.global ? "G" : "");
		for (int k = 0; k < t->fp.n; k++)
			fprintf(stderr, "%s%llx", t->fp.loc[k] & 1 ? "w" : "r",
				(unsigned long long)(t->fp.loc[k] >> 1));
	}
	fprintf(stderr, "\n");
}

/* A transition that disables another agent (a fence that drains its own
 * buffer, an acquire that makes another acquire wait) races with it: the
 * other agent must also be tried first. */
static void disabling(struct dpor *dp, size_t len)
{
	size_t from = dp->changed;
	for (size_t j = from; j + 1 < len; j++) {
		const struct node *a = &dp->node[j], *b = &dp->node[j + 1];
		if (full_node(dp, a) || (dp->o.depth && j >= dp->o.depth))
			continue;
		int self = a->exec.agent;
		uint8_t *fl = &dp->fl[a->choff];
		for (uint32_t k = 0; k < a->n; k++) {
			const struct sim_choice *c = &dp->ch[a->choff + k];
			int ag = dp->ag[a->choff + k];
			if (ag == self || (fl[k] & F_TODO))
				continue;
			bool still = false;
			for (uint32_t q = 0; q < b->n && !still; q++) {
				const struct sim_choice *d = &dp->ch[b->choff + q];
				still = ag == EVENT_AGENT ? same_choice(c, d)
							  : dp->ag[b->choff + q] == ag;
			}
			if (!still)
				fl[k] |= F_TODO;
		}
	}
}

bool dpor_next(struct dpor *dp)
{
	size_t len = dp->nnodes;
	if (getenv("REQSIM_DPOR_DEBUG"))
		debug_run(dp, len);
	if (dp->skipped) {
		dp->st.skipped++;
	} else if (dp->blocked) {
		dp->st.blocked++;
	} else {
		dp->st.complete++;
	}
	if (dp->o.reduce) {
		analyse(dp, len, dp->changed, true);
		disabling(dp, len);
	}
	/* behaviours: traces of the dependency without the oracle's
	 * visibility, which depends on the order (so counts compare with
	 * --no-reduction exactly) */
	uint64_t f = dp->blocked || dp->skipped ? 0 : analyse(dp, len, 0, false);
	if (getenv("REQSIM_DPOR_DEBUG"))
		fprintf(stderr, "dpor fingerprint %016llx\n", (unsigned long long)f);
	if (!dp->blocked && !dp->skipped) {
		size_t before = dp->fps.n;
		fp_set_add(&dp->fps, f);
		dp->st.behaviours += dp->fps.n > before;
	}
	dp->blocked = dp->skipped = false;

	while (dp->nnodes) {
		size_t i = dp->nnodes - 1;
		struct node *nd = &dp->node[i];
		/* drop what the nodes above held */
		dp->nch = nd->choff + nd->n;
		dp->nsl = nd->sloff + nd->nsleep;
		if (dp->o.reduce && i < len) {
			/* what ran from here sleeps in the siblings' subtrees */
			dp->sl = grow(dp->sl, &dp->slcap, dp->nsl + 1, sizeof(*dp->sl));
			dp->sl[dp->nsl++] = nd->exec;
			nd->nsleep++;
		}
		uint8_t *fl = &dp->fl[nd->choff];
		for (uint32_t k = 0; k < nd->n; k++) {
			if ((fl[k] & (F_TODO | F_DONE)) != F_TODO)
				continue;
			fl[k] |= F_DONE;
			if (asleep(dp, nd, &dp->ch[nd->choff + k]) || !allowed(dp, nd, k))
				continue;
			nd->cur = k;
			dp->replay = i + 1;
			dp->changed = i;
			dp->depth = 0;
			return true;
		}
		dp->nnodes--;
		dp->nch = nd->choff;
		dp->nsl = nd->sloff;
	}
	dp->replay = 0;
	dp->depth = 0;
	return false;
}

void dpor_get_stats(const struct dpor *dp, struct dpor_stats *s)
{
	*s = dp->st;
}

size_t dpor_fingerprints(const struct dpor *dp, uint64_t *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < dp->fps.cap && n < max; i++)
		if (dp->fps.slot[i])
			out[n++] = dp->fps.slot[i] - 1;
	return n;
}
