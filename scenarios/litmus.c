/*
 * scenarios/litmus.c: memory-model litmus programs as scenarios.
 *
 * Each program is a few threads of platform.h primitives over shared words
 * x, y, z and an `exists` clause over the final registers and memory.  The
 * clause holding at the end of a run is reported as a violation of kind
 * litmus-exists, so the whole machine (strategies, replay, traces) works on
 * them, and the unit tests enumerate every schedule to get the verdict
 * (Never / Sometimes / Always) per model.
 *
 * One generic driver, one table row per program: adding a program is a few
 * lines.  The request protocol's own shapes are here in miniature:
 *   SB   = the Dekker handshake of vcpu->mode against vcpu->requests;
 *   MP   = a request's payload against the request bit;
 *   sb+setbits = set_bit() ordering nothing without smp_mb__after_atomic().
 */
#include <stdio.h>
#include <string.h>

#include "platform.h"
#include "scenarios.h"

struct lstate {
	long x, y, z;
	long r[4][2]; /* registers per thread */
	const struct litmus *def;
};

struct litmus {
	const struct scenario *sc;
	int nthreads;
	void (*p[4])(struct lstate *s);
	bool (*exists)(const struct lstate *s);
	const char *cond; /* the exists clause, for messages */
};

/* ---- the programs ---------------------------------------------------------- */

/* SB: store buffering. */
static void sb_p0(struct lstate *s) { WRITE_ONCE(s->x, 1); s->r[0][0] = READ_ONCE(s->y); }
static void sb_p1(struct lstate *s) { WRITE_ONCE(s->y, 1); s->r[1][0] = READ_ONCE(s->x); }
static bool sb_exists(const struct lstate *s) { return s->r[0][0] == 0 && s->r[1][0] == 0; }

/* SB with smp_mb() on both sides (bug sb-no-mb drops P1's). */
static void sbmb_p0(struct lstate *s)
{
	WRITE_ONCE(s->x, 1);
	smp_mb(); /* pairs with P1's smp_mb(): either P0 sees y=1 or P1 sees x=1 */
	s->r[0][0] = READ_ONCE(s->y);
}
static void sbmb_p1(struct lstate *s)
{
	WRITE_ONCE(s->y, 1);
	if (!reqsim_bug(BUG_SB_NO_MB))
		smp_mb(); /* pairs with P0's smp_mb() */
	s->r[1][0] = READ_ONCE(s->x);
}

/* SB with xchg() as the stores: value-returning RMWs are full barriers. */
static void sbx_p0(struct lstate *s) { (void)xchg(&s->x, 1); s->r[0][0] = READ_ONCE(s->y); }
static void sbx_p1(struct lstate *s) { (void)xchg(&s->y, 1); s->r[1][0] = READ_ONCE(s->x); }

/* SB with set_bit(): a non-value-returning atomic orders nothing. */
static void sbsb_p0(struct lstate *s)
{
	set_bit(0, (unsigned long *)&s->x);
	s->r[0][0] = READ_ONCE(s->y);
}
static void sbsb_p1(struct lstate *s)
{
	set_bit(0, (unsigned long *)&s->y);
	s->r[1][0] = READ_ONCE(s->x);
}
/* ... and with smp_mb__after_atomic(), as kvm_make_request + kick needs. */
static void sbsbmb_p0(struct lstate *s)
{
	set_bit(0, (unsigned long *)&s->x);
	smp_mb__after_atomic(); /* orders set_bit before the load; pairs with P1 */
	s->r[0][0] = READ_ONCE(s->y);
}
static void sbsbmb_p1(struct lstate *s)
{
	set_bit(0, (unsigned long *)&s->y);
	smp_mb__after_atomic(); /* pairs with P0 */
	s->r[1][0] = READ_ONCE(s->x);
}

/* MP: message passing. */
static void mp_p0(struct lstate *s) { WRITE_ONCE(s->x, 1); WRITE_ONCE(s->y, 1); }
static void mp_p1(struct lstate *s) { s->r[1][0] = READ_ONCE(s->y); s->r[1][1] = READ_ONCE(s->x); }
static bool mp_exists(const struct lstate *s) { return s->r[1][0] == 1 && s->r[1][1] == 0; }

/* MP with smp_wmb()/smp_rmb() (bug mp-no-wmb drops the writer's). */
static void mpw_p0(struct lstate *s)
{
	WRITE_ONCE(s->x, 1);
	if (!reqsim_bug(BUG_MP_NO_WMB))
		smp_wmb(); /* payload before flag; pairs with P1's smp_rmb() */
	WRITE_ONCE(s->y, 1);
}
static void mpw_p1(struct lstate *s)
{
	s->r[1][0] = READ_ONCE(s->y);
	smp_rmb(); /* flag before payload; pairs with P0's smp_wmb() */
	s->r[1][1] = READ_ONCE(s->x);
}

/* MP with the writer's smp_wmb() but no read barrier on the reader. */
static void mpwn_p1(struct lstate *s) { s->r[1][0] = READ_ONCE(s->y); s->r[1][1] = READ_ONCE(s->x); }

/* MP with release/acquire. */
static void mpra_p0(struct lstate *s) { WRITE_ONCE(s->x, 1); smp_store_release(&s->y, 1); }
static void mpra_p1(struct lstate *s)
{
	s->r[1][0] = smp_load_acquire(&s->y);
	s->r[1][1] = READ_ONCE(s->x);
}

/* WRC: write-to-read causality, plain and with release/acquire. */
static void wrc_p0(struct lstate *s) { WRITE_ONCE(s->x, 1); }
static void wrc_p1(struct lstate *s) { s->r[1][0] = READ_ONCE(s->x); WRITE_ONCE(s->y, 1); }
static void wrc_p2(struct lstate *s) { s->r[2][0] = READ_ONCE(s->y); s->r[2][1] = READ_ONCE(s->x); }
static void wrcra_p1(struct lstate *s)
{
	s->r[1][0] = READ_ONCE(s->x);
	smp_store_release(&s->y, 1);
}
static void wrcra_p2(struct lstate *s)
{
	s->r[2][0] = smp_load_acquire(&s->y);
	s->r[2][1] = READ_ONCE(s->x);
}
static bool wrc_exists(const struct lstate *s)
{
	return s->r[1][0] == 1 && s->r[2][0] == 1 && s->r[2][1] == 0;
}

/* 2+2W */
static void w22_p0(struct lstate *s) { WRITE_ONCE(s->x, 1); WRITE_ONCE(s->y, 2); }
static void w22_p1(struct lstate *s) { WRITE_ONCE(s->y, 1); WRITE_ONCE(s->x, 2); }
static bool w22_exists(const struct lstate *s) { return s->x == 1 && s->y == 1; }

/* R */
static void r_p0(struct lstate *s) { WRITE_ONCE(s->x, 1); WRITE_ONCE(s->y, 1); }
static void r_p1(struct lstate *s) { WRITE_ONCE(s->y, 2); s->r[1][0] = READ_ONCE(s->x); }
static bool r_exists(const struct lstate *s) { return s->y == 2 && s->r[1][0] == 0; }

/* S */
static void s_p0(struct lstate *s) { WRITE_ONCE(s->x, 2); WRITE_ONCE(s->y, 1); }
static void s_p1(struct lstate *s) { s->r[1][0] = READ_ONCE(s->y); WRITE_ONCE(s->x, 1); }
static bool s_exists(const struct lstate *s) { return s->x == 2 && s->r[1][0] == 1; }

/* LB */
static void lb_p0(struct lstate *s) { s->r[0][0] = READ_ONCE(s->x); WRITE_ONCE(s->y, 1); }
static void lb_p1(struct lstate *s) { s->r[1][0] = READ_ONCE(s->y); WRITE_ONCE(s->x, 1); }
static bool lb_exists(const struct lstate *s) { return s->r[0][0] == 1 && s->r[1][0] == 1; }

/* IRIW */
static void iriw_p0(struct lstate *s) { WRITE_ONCE(s->x, 1); }
static void iriw_p1(struct lstate *s) { WRITE_ONCE(s->y, 1); }
static void iriw_p2(struct lstate *s) { s->r[2][0] = READ_ONCE(s->x); s->r[2][1] = READ_ONCE(s->y); }
static void iriw_p3(struct lstate *s) { s->r[3][0] = READ_ONCE(s->y); s->r[3][1] = READ_ONCE(s->x); }
static bool iriw_exists(const struct lstate *s)
{
	return s->r[2][0] == 1 && s->r[2][1] == 0 && s->r[3][0] == 1 && s->r[3][1] == 0;
}

/* IRIW with smp_mb() between the readers' loads. */
static void iriwmb_p2(struct lstate *s)
{
	s->r[2][0] = READ_ONCE(s->x);
	smp_mb();
	s->r[2][1] = READ_ONCE(s->y);
}
static void iriwmb_p3(struct lstate *s)
{
	s->r[3][0] = READ_ONCE(s->y);
	smp_mb();
	s->r[3][1] = READ_ONCE(s->x);
}

/* CoRR */
static void corr_p0(struct lstate *s) { WRITE_ONCE(s->x, 1); }
static void corr_p1(struct lstate *s) { s->r[1][0] = READ_ONCE(s->x); s->r[1][1] = READ_ONCE(s->x); }
static bool corr_exists(const struct lstate *s) { return s->r[1][0] == 1 && s->r[1][1] == 0; }

/* CoWW */
static void coww_p0(struct lstate *s) { WRITE_ONCE(s->x, 1); WRITE_ONCE(s->x, 2); }
static bool coww_exists(const struct lstate *s) { return s->x == 1; }

/* ---- the generic driver ------------------------------------------------------ */

struct lthread {
	struct lstate *s;
	int idx;
};

static void lthread_main(void *arg)
{
	struct lthread *t = arg;
	t->s->def->p[t->idx](t->s);
}

static const struct litmus *litmus_of(const struct scenario *sc);

static void litmus_setup(struct sim *sim, void *state)
{
	struct lstate *s = state;
	s->def = litmus_of(sim_config(sim)->scenario);
	sim_name(sim, &s->x, "x");
	sim_name(sim, &s->y, "y");
	sim_name(sim, &s->z, "z");
	for (int i = 0; i < s->def->nthreads; i++) {
		struct lthread *t = sim_alloc(sim, sizeof(*t));
		static const char *const names[] = {"P0", "P1", "P2", "P3"};
		t->s = s;
		t->idx = i;
		sim_spawn(sim, names[i], i, lthread_main, t);
	}
}

static void litmus_outcome(struct sim *sim, void *state, char *buf, size_t len)
{
	const struct lstate *s = state;
	size_t o = 0;
	(void)sim;
	for (int i = 0; i < s->def->nthreads; i++)
		for (int j = 0; j < 2; j++)
			o += (size_t)snprintf(buf + o, o < len ? len - o : 0, "%d:r%d=%ld ",
					      i, j, s->r[i][j]);
	snprintf(buf + (o < len ? o : len - 1), o < len ? len - o : 1,
		 "x=%ld y=%ld", s->x, s->y);
}

static void litmus_check_end(struct sim *sim, void *state)
{
	const struct lstate *s = state;
	if (s->def->exists(s)) {
		char out[160];
		litmus_outcome(sim, state, out, sizeof(out));
		sim_report(sim, V_LITMUS, NULL, "exists (%s) holds: %s", s->def->cond, out);
	}
}

#define LITMUS_SCENARIO(var, nm, text, ...)                                  \
	static const struct scenario var = {                                 \
		.name = nm,                                                  \
		.summary = text,                                             \
		.bugs = {__VA_ARGS__},                                       \
		.archs = SCEN_ARCHS_ALL, /* nothing reads the arch */        \
		.state_size = sizeof(struct lstate),                         \
		.setup = litmus_setup,                                       \
		.check_end = litmus_check_end,                               \
		.outcome = litmus_outcome,                                   \
	}

LITMUS_SCENARIO(sc_sb, "sb", "litmus SB: store buffering (the Dekker shape)", -1);
LITMUS_SCENARIO(sc_sbmb, "sb+mbs", "litmus SB with smp_mb() on both sides", BUG_SB_NO_MB, -1);
LITMUS_SCENARIO(sc_sbx, "sb+xchgs", "litmus SB with xchg() stores (full barriers)", -1);
LITMUS_SCENARIO(sc_sbsb, "sb+setbits", "litmus SB with set_bit() stores (order nothing)", -1);
LITMUS_SCENARIO(sc_sbsbmb, "sb+setbit-mb-after-atomics",
		"litmus SB with set_bit(); smp_mb__after_atomic()", -1);
LITMUS_SCENARIO(sc_mp, "mp", "litmus MP: message passing (payload vs flag)", -1);
LITMUS_SCENARIO(sc_mpw, "mp+wmb", "litmus MP with smp_wmb()/smp_rmb()", BUG_MP_NO_WMB, -1);
LITMUS_SCENARIO(sc_mpwn, "mp+wmb-no-rmb", "litmus MP with smp_wmb() and no read barrier", -1);
LITMUS_SCENARIO(sc_mpra, "mp+rel+acq", "litmus MP with release/acquire", -1);
LITMUS_SCENARIO(sc_wrc, "wrc", "litmus WRC: write-to-read causality", -1);
LITMUS_SCENARIO(sc_wrcra, "wrc+rel+acq", "litmus WRC with release/acquire", -1);
LITMUS_SCENARIO(sc_iriwmb, "iriw+mbs", "litmus IRIW with smp_mb() in the readers", -1);
LITMUS_SCENARIO(sc_22w, "2+2w", "litmus 2+2W: store-store reordering", -1);
LITMUS_SCENARIO(sc_r, "r", "litmus R", -1);
LITMUS_SCENARIO(sc_s, "s", "litmus S", -1);
LITMUS_SCENARIO(sc_lb, "lb", "litmus LB: load buffering", -1);
LITMUS_SCENARIO(sc_iriw, "iriw", "litmus IRIW: multi-copy atomicity", -1);
LITMUS_SCENARIO(sc_corr, "corr", "litmus CoRR: read-read coherence", -1);
LITMUS_SCENARIO(sc_coww, "coww", "litmus CoWW: write-write coherence", -1);

static const struct litmus litmus_table[] = {
	{&sc_sb, 2, {sb_p0, sb_p1}, sb_exists, "0:r0=0 /\\ 1:r0=0"},
	{&sc_sbmb, 2, {sbmb_p0, sbmb_p1}, sb_exists, "0:r0=0 /\\ 1:r0=0"},
	{&sc_sbx, 2, {sbx_p0, sbx_p1}, sb_exists, "0:r0=0 /\\ 1:r0=0"},
	{&sc_sbsb, 2, {sbsb_p0, sbsb_p1}, sb_exists, "0:r0=0 /\\ 1:r0=0"},
	{&sc_sbsbmb, 2, {sbsbmb_p0, sbsbmb_p1}, sb_exists, "0:r0=0 /\\ 1:r0=0"},
	{&sc_mp, 2, {mp_p0, mp_p1}, mp_exists, "1:r0=1 /\\ 1:r1=0"},
	{&sc_mpw, 2, {mpw_p0, mpw_p1}, mp_exists, "1:r0=1 /\\ 1:r1=0"},
	{&sc_mpwn, 2, {mpw_p0, mpwn_p1}, mp_exists, "1:r0=1 /\\ 1:r1=0"},
	{&sc_mpra, 2, {mpra_p0, mpra_p1}, mp_exists, "1:r0=1 /\\ 1:r1=0"},
	{&sc_wrc, 3, {wrc_p0, wrc_p1, wrc_p2}, wrc_exists, "1:r0=1 /\\ 2:r0=1 /\\ 2:r1=0"},
	{&sc_wrcra, 3, {wrc_p0, wrcra_p1, wrcra_p2}, wrc_exists,
	 "1:r0=1 /\\ 2:r0=1 /\\ 2:r1=0"},
	{&sc_iriwmb, 4, {iriw_p0, iriw_p1, iriwmb_p2, iriwmb_p3}, iriw_exists,
	 "2:r0=1 /\\ 2:r1=0 /\\ 3:r0=1 /\\ 3:r1=0"},
	{&sc_22w, 2, {w22_p0, w22_p1}, w22_exists, "x=1 /\\ y=1"},
	{&sc_r, 2, {r_p0, r_p1}, r_exists, "y=2 /\\ 1:r0=0"},
	{&sc_s, 2, {s_p0, s_p1}, s_exists, "x=2 /\\ 1:r0=1"},
	{&sc_lb, 2, {lb_p0, lb_p1}, lb_exists, "0:r0=1 /\\ 1:r0=1"},
	{&sc_iriw, 4, {iriw_p0, iriw_p1, iriw_p2, iriw_p3}, iriw_exists,
	 "2:r0=1 /\\ 2:r1=0 /\\ 3:r0=1 /\\ 3:r1=0"},
	{&sc_corr, 2, {corr_p0, corr_p1}, corr_exists, "1:r0=1 /\\ 1:r1=0"},
	{&sc_coww, 1, {coww_p0}, coww_exists, "x=1"},
};
#define NLITMUS (int)(sizeof(litmus_table) / sizeof(litmus_table[0]))

static const struct litmus *litmus_of(const struct scenario *sc)
{
	for (int i = 0; i < NLITMUS; i++)
		if (litmus_table[i].sc == sc)
			return &litmus_table[i];
	return NULL;
}

/* Expected verdicts: SC is sequential consistency, TSO is x86, PSO lets
 * stores to different locations pass each other. */
#define B(id) (1ULL << (id))
static const struct litmus_expect expectations[] = {
	/*                               SC     TSO        PSO        WMM */
	{"sb", 0, {NEVER, SOMETIMES, SOMETIMES, SOMETIMES}},
	{"sb+mbs", 0, {NEVER, NEVER, NEVER, NEVER}},
	{"sb+mbs", B(BUG_SB_NO_MB), {NEVER, SOMETIMES, SOMETIMES, SOMETIMES}},
	{"sb+xchgs", 0, {NEVER, NEVER, NEVER, NEVER}},
	{"sb+setbits", 0, {NEVER, NEVER, SOMETIMES, SOMETIMES}},
	{"sb+setbit-mb-after-atomics", 0, {NEVER, NEVER, NEVER, NEVER}},
	{"mp", 0, {NEVER, NEVER, SOMETIMES, SOMETIMES}},
	{"mp+wmb", 0, {NEVER, NEVER, NEVER, NEVER}},
	{"mp+wmb", B(BUG_MP_NO_WMB), {NEVER, NEVER, SOMETIMES, SOMETIMES}},
	{"mp+wmb-no-rmb", 0, {NEVER, NEVER, NEVER, SOMETIMES}},
	{"2+2w", 0, {NEVER, NEVER, SOMETIMES, SOMETIMES}},
	{"r", 0, {NEVER, SOMETIMES, SOMETIMES, SOMETIMES}},
	{"s", 0, {NEVER, NEVER, SOMETIMES, SOMETIMES}},
	/* load buffering needs a load to read a store not yet executed: no
	 * model here can show it (the kernel's model allows it) */
	{"lb", 0, {NEVER, NEVER, NEVER, NEVER}},
	/* plain IRIW: the kernel's model is not multi-copy atomic */
	{"iriw", 0, {NEVER, NEVER, NEVER, SOMETIMES}},
	{"iriw+mbs", 0, {NEVER, NEVER, NEVER, NEVER}},
	{"corr", 0, {NEVER, NEVER, NEVER, NEVER}},
	{"coww", 0, {NEVER, NEVER, NEVER, NEVER}},
	{"mp+rel+acq", 0, {NEVER, NEVER, NEVER, NEVER}},
	{"wrc+rel+acq", 0, {NEVER, NEVER, NEVER, NEVER}},
	{"wrc", 0, {NEVER, NEVER, NEVER, SOMETIMES}},
};

const struct litmus_expect *litmus_expectations(int *n)
{
	*n = (int)(sizeof(expectations) / sizeof(expectations[0]));
	return expectations;
}

/* ---- export to the registry --------------------------------------------------- */

static const struct scenario *const litmus_all[] = {
	&sc_sb, &sc_sbmb, &sc_sbx, &sc_sbsb, &sc_sbsbmb, &sc_mp, &sc_mpw,
	&sc_mpwn, &sc_mpra, &sc_wrc, &sc_wrcra, &sc_22w, &sc_r, &sc_s, &sc_lb,
	&sc_iriw, &sc_iriwmb, &sc_corr, &sc_coww,
};

const struct scenario *const *litmus_scenarios(int *n)
{
	*n = (int)(sizeof(litmus_all) / sizeof(litmus_all[0]));
	return litmus_all;
}
