/*
 * sim/abstract.c: the abstract-schedule strategy (see abstract.h for the
 * input form and the honouring policy).
 *
 * Invariants:
 *  1. A choice depends only on the program, the run number and what the
 *     sim shows (choices and the sites behind them): site ids are hashes of
 *     strings, and the pointer-keyed cache below only saves rehashing (a
 *     miss recomputes the same id), so no address decides anything.
 *     ABS_RF compares locations (sim_choice_reads / sim_choice_writes) and
 *     asks the sim who wrote a word last (sim_last_writer, keyed by arena
 *     offsets): equality only, never an order.
 *  2. Every postponement is bounded (ABS_BUDGET per constraint and run) and
 *     never empties the choice list: a run under any program ends exactly
 *     as a run under the default policy can.
 *  3. A program with no constraints and the default policy takes exactly
 *     the default policy's choices (forced steps do not touch its slice
 *     counter).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "strategy.h"

#define ABS_CHOICES 256 /* more choices than this: the constraints rest */
#define SITE_CACHE 1024 /* a power of two */

struct abs_cstate {
	uint32_t cnt;      /* steps at site by a matching thread so far */
	uint16_t budget;   /* postponements left */
	bool done;
	const volatile void *addr; /* ABS_RF: what the load read last (compared only) */
};

/* Which constraints name a site, by the low byte of its id: a constraint
 * none of whose sites is among the choices' has nothing to prefer or
 * postpone, so only the constraints who[] lists for the choices' sites are
 * looked at (one that shares a byte only costs the full look). */
#define WHO_SLOTS 256

static unsigned who_slot(uint32_t id) { return id & (WHO_SLOTS - 1); }

struct abs_run {
	struct abs_cstate s[ABS_MAX];
	uint32_t live; /* bit k: constraint k neither done nor out of budget */
	uint16_t who[WHO_SLOTS]; /* bit k: constraint k's site or site2 */
	bool postponed;          /* at this decision, some choice was */
	uint64_t rng;
};

/* abs_site_id() memoised by pointer, per thread (a fuzz target runs one
 * strategy per input, so a per-strategy cache started cold every time).
 * It holds a pure function of the pointer: it saves hashing, never changes
 * an answer (invariant 1). */
static _Thread_local struct {
	const struct platform_site *p;
	uint32_t id;
} site_cache[SITE_CACHE];

static const char *const kind_names[ABS_KIND_END] = {
	[ABS_RF] = "rf", [ABS_NRF] = "nrf", [ABS_PREEMPT] = "preempt",
	[ABS_DRAIN_LATE] = "drain-late", [ABS_DRAIN_EARLY] = "drain-early"};

static const char *const policy_names[ABS_POL_END] = {
	[ABS_POL_DEFAULT] = "default", [ABS_POL_RANDOM] = "random", [ABS_POL_PCT] = "pct"};

const char *abs_policy_name(int policy)
{
	return policy >= 0 && policy < ABS_POL_END ? policy_names[policy] : "?";
}

const char *abs_kind_name(int kind)
{
	return kind > 0 && kind < ABS_KIND_END ? kind_names[kind] : "?";
}

static uint32_t fnv(uint32_t h, const char *s)
{
	for (; *s; s++)
		h = (h ^ (uint8_t)*s) * 16777619u;
	return h;
}

uint32_t abs_site_id(const struct platform_site *s)
{
	if (!s)
		return 0;
	uint32_t h = fnv(2166136261u, s->func ? s->func : "");
	h = fnv(h, "\x1f");
	h = fnv(h, s->label ? s->label : "");
	return h ? h : 1;
}

bool abs_is_abstract(const uint8_t *d, size_t n)
{
	return n >= 4 && !memcmp(d, ABS_MAGIC, 4);
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

int abs_parse(const uint8_t *d, size_t n, struct abs_prog *p, char *err, size_t errlen)
{
	memset(p, 0, sizeof(*p));
	if (!abs_is_abstract(d, n)) {
		snprintf(err, errlen, "abstract schedule: no \"%s\" magic", ABS_MAGIC);
		return -1;
	}
	if (n < ABS_HDR || (n - ABS_HDR) % ABS_REC) {
		snprintf(err, errlen, "abstract schedule: %zu bytes is not %d + %d per constraint",
			 n, ABS_HDR, ABS_REC);
		return -1;
	}
	size_t nc = (n - ABS_HDR) / ABS_REC;
	if (nc > ABS_MAX) {
		snprintf(err, errlen, "abstract schedule: %zu constraints (at most %d)", nc,
			 ABS_MAX);
		return -1;
	}
	p->seed = get32(d + 4);
	p->policy = d[8];
	p->depth = d[9];
	p->k = (uint16_t)(d[10] | d[11] << 8);
	if (p->policy >= ABS_POL_END) {
		snprintf(err, errlen, "abstract schedule: unknown fallback policy %u", p->policy);
		return -1;
	}
	if ((p->policy == ABS_POL_PCT) != (p->depth >= 1 && p->depth <= PCT_DEPTH_MAX) &&
	    (p->policy == ABS_POL_PCT || p->depth)) {
		snprintf(err, errlen, "abstract schedule: depth %u (1..%d for pct, else 0)",
			 p->depth, PCT_DEPTH_MAX);
		return -1;
	}
	for (size_t k = 0; k < nc; k++) {
		const uint8_t *r = d + ABS_HDR + k * ABS_REC;
		struct abs_con *c = &p->c[k];
		c->kind = r[0];
		c->tid = r[1];
		c->tid2 = r[2];
		c->occ = r[3];
		c->site = get32(r + 4);
		c->site2 = get32(r + 8);
		if (c->kind < ABS_RF || c->kind >= ABS_KIND_END) {
			snprintf(err, errlen, "abstract schedule: constraint %zu: unknown kind %u",
				 k + 1, c->kind);
			return -1;
		}
		if (!c->site) {
			snprintf(err, errlen, "abstract schedule: constraint %zu (%s): site 0",
				 k + 1, abs_kind_name(c->kind));
			return -1;
		}
		if ((c->kind == ABS_RF || c->kind == ABS_NRF) != (c->site2 != 0)) {
			snprintf(err, errlen, "abstract schedule: constraint %zu (%s): site2 must "
				 "be %s", k + 1, abs_kind_name(c->kind),
				 c->kind == ABS_RF || c->kind == ABS_NRF ? "a store site" : "0");
			return -1;
		}
	}
	p->n = (int)nc;
	return 0;
}

size_t abs_encode(const struct abs_prog *p, uint8_t *out, size_t max)
{
	size_t len = ABS_HDR + (size_t)p->n * ABS_REC;
	if (len > max)
		return 0;
	memcpy(out, ABS_MAGIC, 4);
	put32(out + 4, p->seed);
	out[8] = p->policy;
	out[9] = p->depth;
	out[10] = (uint8_t)p->k;
	out[11] = (uint8_t)(p->k >> 8);
	for (int k = 0; k < p->n; k++) {
		uint8_t *r = out + ABS_HDR + (size_t)k * ABS_REC;
		const struct abs_con *c = &p->c[k];
		r[0] = c->kind;
		r[1] = c->tid;
		r[2] = c->tid2;
		r[3] = c->occ;
		put32(r + 4, c->site);
		put32(r + 8, c->site2);
	}
	return len;
}

void abs_describe(const struct abs_prog *p, char *buf, size_t len)
{
	size_t o = (size_t)snprintf(buf, len, "%s(seed=%u,d=%u,k=%u)",
				    abs_policy_name(p->policy), p->seed, p->depth, p->k);
	for (int k = 0; k < p->n && o < len; k++) {
		const struct abs_con *c = &p->c[k];
		char t[8] = "*", t2[8] = "*";
		if (c->tid != ABS_ANY)
			snprintf(t, sizeof(t), "%u", c->tid);
		if (c->tid2 != ABS_ANY)
			snprintf(t2, sizeof(t2), "%u", c->tid2);
		o += (size_t)snprintf(buf + o, len - o, " %s(t%s@%08x#%u", abs_kind_name(c->kind),
				      t, c->site, c->occ);
		if (o < len && c->site2)
			o += (size_t)snprintf(buf + o, len - o, ",%08x", c->site2);
		if (o < len && c->kind == ABS_PREEMPT)
			o += (size_t)snprintf(buf + o, len - o, "->t%s", t2);
		if (o < len)
			o += (size_t)snprintf(buf + o, len - o, ")");
	}
}

/* appends to buf at *o, never past len - 1 */
static void put(char *buf, size_t len, size_t *o, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void put(char *buf, size_t len, size_t *o, const char *fmt, ...)
{
	if (*o >= len)
		return;
	va_list ap;
	va_start(ap, fmt);
	int w = vsnprintf(buf + *o, len - *o, fmt, ap);
	va_end(ap);
	*o = w < 0 ? len : *o + (size_t)w;
}

static void put_site(char *buf, size_t len, size_t *o, uint32_t id,
		     const char *(*site)(uint32_t, void *), void *ctx)
{
	const char *n = site ? site(id, ctx) : NULL;
	if (n)
		put(buf, len, o, "%s", n);
	else
		put(buf, len, o, "site %08x (not reached in this run)", id);
}

static void put_thread(char *buf, size_t len, size_t *o, int tid, const char *any,
		       const char *(*thread)(int, void *), void *ctx)
{
	const char *n = tid == ABS_ANY ? NULL : thread ? thread(tid, ctx) : NULL;
	if (tid == ABS_ANY)
		put(buf, len, o, "%s", any);
	else if (n)
		put(buf, len, o, "%s", n);
	else
		put(buf, len, o, "thread %d", tid);
}

static const char *ordinal(unsigned n)
{
	unsigned t = n % 100;
	return t >= 11 && t <= 13 ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd"
		: n % 10 == 3 ? "rd" : "th";
}

void abs_describe_con(const struct abs_con *c, const char *(*site)(uint32_t id, void *ctx),
		      const char *(*thread)(int tid, void *ctx), void *ctx, char *buf, size_t len)
{
	size_t o = 0;
	if (!len)
		return;
	buf[0] = 0;
	put(buf, len, &o, "%s: ", abs_kind_name(c->kind));
	switch (c->kind) {
	case ABS_RF:
	case ABS_NRF:
		put(buf, len, &o, "the load at ");
		put_site(buf, len, &o, c->site, site, ctx);
		put(buf, len, &o, " (");
		put_thread(buf, len, &o, c->tid, "any thread", thread, ctx);
		break;
	case ABS_PREEMPT:
		put_thread(buf, len, &o, c->tid, "any thread", thread, ctx);
		put(buf, len, &o, " is preempted at its step at ");
		put_site(buf, len, &o, c->site, site, ctx);
		put(buf, len, &o, " (");
		break;
	default: /* drains */
		put(buf, len, &o, "the buffered stores made at ");
		put_site(buf, len, &o, c->site, site, ctx);
		put(buf, len, &o, " (");
		put_thread(buf, len, &o, c->tid, "any thread", thread, ctx);
		break;
	}
	if (c->kind != ABS_PREEMPT)
		put(buf, len, &o, ", ");
	if (c->occ)
		put(buf, len, &o, "its %u%s occurrence)", c->occ, ordinal(c->occ));
	else
		put(buf, len, &o, "every occurrence)");
	switch (c->kind) {
	case ABS_RF:
		put(buf, len, &o, " reads from the store at ");
		put_site(buf, len, &o, c->site2, site, ctx);
		break;
	case ABS_NRF:
		put(buf, len, &o, " reads before the store at ");
		put_site(buf, len, &o, c->site2, site, ctx);
		put(buf, len, &o, " runs");
		break;
	case ABS_PREEMPT:
		put(buf, len, &o, ", switching to ");
		put_thread(buf, len, &o, c->tid2, "any other thread", thread, ctx);
		break;
	case ABS_DRAIN_LATE:
		put(buf, len, &o, " drain as late as they can");
		break;
	case ABS_DRAIN_EARLY:
		put(buf, len, &o, " drain as early as they can");
		break;
	}
}

void strategy_set_abstract(struct strategy *st, const struct abs_prog *p, const struct sim *sim)
{
	st->abs = p;
	st->abs_sim = sim;
	st->every_step = p && p->n > 0;
	st->track_writers = false;
	for (int k = 0; p && k < p->n; k++)
		st->track_writers |= p->c[k].kind == ABS_RF;
	if (!st->abs_run) {
		st->abs_run = calloc(1, sizeof(*st->abs_run));
		if (!st->abs_run) {
			fprintf(stderr, "reqsim: out of memory\n");
			exit(2);
		}
	}
}

void abs_run_free(struct abs_run *r) { free(r); }

void abs_begin_run(struct strategy *st)
{
	struct abs_run *r = st->abs_run;
	if (!r || !st->abs)
		return;
	const struct abs_prog *p = st->abs;
	memset(r->s, 0, sizeof(r->s[0]) * (size_t)p->n);
	r->live = 0;
	memset(r->who, 0, sizeof(r->who));
	for (int k = 0; k < p->n; k++) {
		const struct abs_con *con = &p->c[k];
		r->s[k].budget = ABS_BUDGET;
		r->live |= 1u << k;
		r->who[who_slot(con->site)] |= (uint16_t)(1u << k);
		if (con->kind == ABS_RF || con->kind == ABS_NRF)
			r->who[who_slot(con->site2)] |= (uint16_t)(1u << k);
	}
	r->rng = (uint64_t)st->abs->seed * 0x9e3779b97f4a7c15ULL ^ st->run;
	splitmix64(&r->rng);
	if (st->abs->policy == ABS_POL_PCT) {
		st->depth = st->abs->depth;
		st->pct_steps = st->abs->k ? st->abs->k : 64;
		st->rng = r->rng ^ 0x5bd1e995u;
		splitmix64(&st->rng);
		strategy_pct_begin(st);
	}
}

uint32_t abs_site_id_cached(const struct platform_site *s)
{
	if (!s)
		return 0;
	unsigned slot = (unsigned)((((uintptr_t)s >> 3) * 0x9e3779b97f4a7c15ULL) >> 54) &
			(SITE_CACHE - 1);
	if (site_cache[slot].p != s) {
		site_cache[slot].p = s;
		site_cache[slot].id = abs_site_id(s);
	}
	return site_cache[slot].id;
}

static const struct platform_site *choice_site(const struct sim *sim, const struct sim_choice *c)
{
	switch (c->kind) {
	case CH_STEP: return sim_thread_site(sim, c->tid);
	case CH_DRAIN: return sim_drain_site(sim, c->tid, c->arg);
	default: return NULL;
	}
}

static bool tid_match(uint8_t want, int tid) { return want == ABS_ANY || want == tid; }

/* The step choice at the constraint's site by a matching thread, at the
 * occurrence it names; -1 if none is enabled now. */
static int target_step(const struct abs_con *con, const struct abs_cstate *cs,
		       const struct sim_choice *c, const uint32_t *sid, int n)
{
	if (con->occ && cs->cnt + 1 != con->occ)
		return -1;
	for (int i = 0; i < n; i++)
		if (c[i].kind == CH_STEP && sid[i] == con->site && tid_match(con->tid, c[i].tid))
			return i;
	return -1;
}

/* Constraint k is done or out of budget: it never acts again. */
static void retire(struct abs_run *r, int k) { r->live &= ~(1u << k); }

/* The lowest constraint in live (input order is priority). */
static int first(uint32_t live) { return __builtin_ctz(live); }

/* A set of choices: bit i for choice i (n <= ABS_CHOICES), so that a
 * postponement tests and clears a word at a time. */
struct cset {
	uint64_t w[ABS_CHOICES / 64];
};

static void cs_add(struct cset *s, int i) { s->w[i >> 6] |= 1ULL << (i & 63); }
static bool cs_has(const struct cset *s, int i) { return s->w[i >> 6] >> (i & 63) & 1; }
static int cs_words(int n) { return (n + 63) >> 6; }

/* Postpone the choices in mask (when something else stays allowed);
 * r->postponed says some choice was.  The first word outside the loops:
 * most decisions have fewer than 64 choices. */
static void postpone(struct cset *allowed, const struct cset *mask, int n, struct abs_run *r,
		     int k)
{
	struct abs_cstate *cs = &r->s[k];
	uint64_t left = allowed->w[0] & ~mask->w[0], hit = allowed->w[0] & mask->w[0];
	for (int w = 1; w < cs_words(n); w++) {
		left |= allowed->w[w] & ~mask->w[w];
		hit |= allowed->w[w] & mask->w[w];
	}
	if (!hit || !left)
		return;
	for (int w = 0; w < cs_words(n); w++)
		allowed->w[w] &= ~mask->w[w];
	r->postponed = true;
	if (cs->budget && !--cs->budget)
		retire(r, k);
}

/* The fallback policy over all n choices: what fallback() picks when
 * nothing is postponed, without copying the choices. */
static int plain_choice(struct strategy *st, const struct sim_choice *c, int n)
{
	const struct abs_prog *p = st->abs;
	struct abs_run *r = st->abs_run;
	if (n == 1)
		return 0;
	if (p && r && p->policy == ABS_POL_RANDOM)
		return (int)(splitmix64(&r->rng) % (uint64_t)n);
	if (p && r && p->policy == ABS_POL_PCT)
		return strategy_pct_choice(st, c, n);
	return strategy_default_choice(st, c, n);
}

static int fallback(struct strategy *st, const struct sim_choice *c, int n,
		    const struct cset *allowed)
{
	struct sim_choice sub[ABS_CHOICES];
	int map[ABS_CHOICES], m = 0;
	for (int w = 0; w < cs_words(n); w++)
		for (uint64_t b = allowed->w[w]; b; b &= b - 1) { /* in index order */
			int i = w * 64 + __builtin_ctzll(b);
			sub[m] = c[i];
			map[m++] = i;
		}
	switch (st->abs->policy) {
	case ABS_POL_RANDOM: return map[splitmix64(&st->abs_run->rng) % (uint64_t)m];
	case ABS_POL_PCT: return map[strategy_pct_choice(st, sub, m)];
	default: return map[strategy_default_choice(st, sub, m)];
	}
}

/* Count what choice ch (at site id) runs: occurrences of sites, the word
 * an rf load read.  Only steps count, and only the live constraints naming
 * the site (cand) need it: note() tests that inline. */
static void note_walk(struct strategy *st, const struct sim_choice *ch, uint32_t id,
		      uint32_t cand)
{
	const struct abs_prog *p = st->abs;
	struct abs_run *r = st->abs_run;
	for (uint32_t m = cand; m; m &= m - 1) {
		int k = first(m);
		const struct abs_con *con = &p->c[k];
		struct abs_cstate *cs = &r->s[k];
		if (id != con->site || !tid_match(con->tid, ch->tid))
			continue;
		cs->cnt++;
		if (con->kind == ABS_RF)
			cs->addr = sim_choice_reads(st->abs_sim, ch);
		if (con->occ && cs->cnt >= con->occ && con->kind != ABS_DRAIN_LATE &&
		    con->kind != ABS_DRAIN_EARLY) {
			cs->done = true;
			retire(r, k);
		}
	}
}

static inline void note(struct strategy *st, const struct sim_choice *ch, uint32_t id)
{
	struct abs_run *r = st->abs_run;
	uint32_t cand = r->who[who_slot(id)] & r->live;
	if (ch->kind == CH_STEP && cand)
		note_walk(st, ch, id, cand);
}

/* Constraint k at this decision: its preferences go to prefer[], its
 * postponements clear allowed[].  Not inlined: inlined, abs_choose set up
 * its vectorised loops at every decision, though most apply no constraint. */
__attribute__((noinline))
static void apply(struct strategy *st, int k, const struct sim_choice *c, const uint32_t *sid,
		  int n, struct cset *allowed, int *prefer, int *np)
{
	const struct abs_con *con = &st->abs->c[k];
	struct abs_run *r = st->abs_run;
	struct abs_cstate *cs = &r->s[k];
	const struct sim *sim = st->abs_sim;
	struct cset mask = {{0}};
	int li;
	switch (con->kind) {
	case ABS_RF: {
		/* L reads the word whose last writer is S: run the load when S
		 * wrote that word last, else hold it and prefer what makes S
		 * the writer */
		if ((li = target_step(con, cs, c, sid, n)) < 0) {
			/* meanwhile S's buffered store drains by itself: drained
			 * by a fence it would be the fence's write */
			for (int i = 0; i < n; i++)
				if (c[i].kind == CH_DRAIN && sid[i] == con->site2 &&
				    (!cs->addr || sim_choice_writes(sim, &c[i]) == cs->addr)) {
					prefer[(*np)++] = i;
					break;
				}
			break;
		}
		const volatile void *a = sim_choice_reads(sim, &c[li]);
		if (!a)
			break; /* not a load: cannot be honoured */
		if (abs_site_id_cached(sim_last_writer(sim, a)) == con->site2) {
			prefer[(*np)++] = li;
			for (int i = 0; i < n; i++)
				if (i != li && (sim_choice_writes(sim, &c[i]) == a ||
						sim_choice_flushes(sim, &c[i], a)))
					cs_add(&mask, i);
			postpone(allowed, &mask, n, r, k);
			break;
		}
		for (int i = 0; i < n; i++)
			if (c[i].kind != CH_EVENT && sid[i] == con->site2 &&
			    (sim_choice_writes(sim, &c[i]) == a || sim_choice_flushes(sim, &c[i], a))) {
				prefer[(*np)++] = i;
				break;
			}
		cs_add(&mask, li);
		postpone(allowed, &mask, n, r, k);
		break;
	}
	case ABS_NRF:
		if ((li = target_step(con, cs, c, sid, n)) >= 0)
			prefer[(*np)++] = li;
		for (int i = 0; i < n; i++)
			if (c[i].kind != CH_EVENT && sid[i] == con->site2)
				cs_add(&mask, i);
		postpone(allowed, &mask, n, r, k);
		break;
	case ABS_PREEMPT:
		if ((li = target_step(con, cs, c, sid, n)) < 0)
			break;
		for (int i = 0; i < n; i++)
			if (c[i].kind == CH_STEP && c[i].tid == c[li].tid)
				cs_add(&mask, i);
		for (int i = 0; i < n && con->tid2 != ABS_ANY; i++)
			if (c[i].kind == CH_STEP && c[i].tid == con->tid2) {
				prefer[(*np)++] = i;
				break;
			}
		postpone(allowed, &mask, n, r, k);
		break;
	case ABS_DRAIN_LATE:
	case ABS_DRAIN_EARLY:
		for (int i = 0; i < n; i++)
			if (c[i].kind == CH_DRAIN && sid[i] == con->site &&
			    tid_match(con->tid, c[i].tid))
				cs_add(&mask, i);
		if (con->kind == ABS_DRAIN_LATE) {
			postpone(allowed, &mask, n, r, k);
			break;
		}
		for (int i = 0; i < n; i++)
			if (cs_has(&mask, i)) {
				prefer[(*np)++] = i;
				break;
			}
		break;
	}
}

/* Constraints that are done or out of budget are skipped (they can do
 * nothing), and so is one none of whose sites is among the choices' (it
 * could only find nothing to prefer or postpone): the pick is the one the
 * full walk over every constraint makes. */
int abs_choose(struct strategy *st, const struct sim_choice *c, int n)
{
	const struct abs_prog *p = st->abs;
	struct abs_run *r = st->abs_run;
	if (!p || !r || !p->n || n > ABS_CHOICES || !r->live)
		return plain_choice(st, c, n);
	if (n == 1) { /* a forced step: only its occurrence counts */
		if (c[0].kind == CH_STEP)
			note(st, &c[0], abs_site_id_cached(choice_site(st->abs_sim, &c[0])));
		return 0;
	}
	uint32_t sid[ABS_CHOICES], cand = 0;
	for (int i = 0; i < n; i++) {
		sid[i] = abs_site_id_cached(choice_site(st->abs_sim, &c[i]));
		cand |= r->who[who_slot(sid[i])];
	}
	struct cset allowed;
	int prefer[ABS_MAX * 2], np = 0; /* at most 2 per constraint */
	bool acted = false;
	r->postponed = false;
	for (uint32_t m = cand & r->live; m; m &= m - 1) {
		int k = first(m);
		if (!acted) /* every choice allowed */
			for (int w = 0; w < cs_words(n); w++)
				allowed.w[w] = n - 64 * w >= 64 ? ~0ULL : (1ULL << (n - 64 * w)) - 1;
		acted = true;
		apply(st, k, c, sid, n, &allowed, prefer, &np);
	}
	int pick = -1;
	for (int j = 0; j < np && pick < 0; j++)
		if (cs_has(&allowed, prefer[j]))
			pick = prefer[j];
	if (pick < 0)
		pick = r->postponed ? fallback(st, c, n, &allowed) : plain_choice(st, c, n);
	note(st, &c[pick], sid[pick]);
	return pick;
}
