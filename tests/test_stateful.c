/*
 * tests/test_stateful.c: the stateful search (sim/snapshot.h).
 *
 *  1. Fingerprints: one state reached by two paths (two independent steps
 *     in either order) hashes alike; a different state does not; a
 *     checkpoint restored gives back the fingerprint, and the same choices
 *     from it give the same trace hash and step count.
 *  2. Soundness: on every configuration of the table below, where the
 *     stateless dfs completes (brute force or DPOR), the stateful search
 *     completes and reaches the same set of results: every violation
 *     signature and every final outcome.
 *  3. Every violation it finds replays (strategy replay of its decisions)
 *     to the same signature.
 *  4. Cycles: a thread spinning for a flag nobody will set is a livelock (a
 *     fair cycle), and its schedule replays to the livelock; a thread
 *     spinning while the setter could run is not (an unfair cycle).
 *  5. The memory cap and the states budget end the search as incomplete,
 *     with the reason; a config the checkpoints cannot handle is refused.
 *  6. Where the stateless search cannot finish (async_pf, halt, kick_all
 *     bug rows), the local-step reduction and full expansion reach the
 *     same results, and the reduction stores fewer states.
 */
#define _GNU_SOURCE
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "explore.h"
#include "scenarios.h"
#include "sim_internal.h"
#include "snapshot.h"

#include "check.h"

/* ---- a set of strings ------------------------------------------------------------ */

struct strset {
	char **v;
	size_t n, cap;
};

static void set_add(struct strset *s, const char *str)
{
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->v[i], str))
			return;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->v = realloc(s->v, s->cap * sizeof(*s->v));
	}
	s->v[s->n++] = strdup(str);
}

static bool set_has(const struct strset *s, const char *str)
{
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->v[i], str))
			return true;
	return false;
}

static void set_free(struct strset *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	memset(s, 0, sizeof(*s));
}

static bool verdicts_only;

/* What one ended run showed: its violation's signature or its outcome. */
static bool note_run(void *ctx, int job, uint64_t run, struct sim *sim,
		     const struct sim_result *r)
{
	(void)job;
	(void)run;
	struct strset *s = ctx;
	char buf[300];
	if (r->aborted || (verdicts_only && !r->violated))
		return false; /* dfs: cut as equivalent */
	if (r->violated) {
		snprintf(buf, sizeof(buf), "violation %s %016" PRIx64, sim_viol_name(r->v.kind),
			 sim_signature(sim_config(sim), &r->v));
	} else {
		char out[240];
		sim_outcome(sim, out, sizeof(out));
		snprintf(buf, sizeof(buf), "outcome %s", out);
	}
	set_add(s, buf);
	return false;
}

static void config(struct sim_config *cfg, const char *scen, const char *params, int model,
		   const char *bug)
{
	const struct scenario *sc = scenario_find(scen);
	if (!sc) {
		printf("FAIL: no scenario %s\n", scen);
		exit(1);
	}
	sim_config_defaults(cfg, sc);
	cfg->model = model;
	cfg->switch_impl = SWITCH_ASM;
	char buf[200];
	snprintf(buf, sizeof(buf), "%s", params);
	for (char *tok = strtok(buf, " "); tok; tok = strtok(NULL, " ")) {
		char *eq = strchr(tok, '=');
		*eq = 0;
		for (int i = 0; i < sc->nparams; i++)
			if (!strcmp(sc->params[i].name, tok))
				cfg->params[i] = atol(eq + 1);
	}
	if (bug && *bug)
		cfg->bugs |= 1ULL << sim_bug_parse(bug);
}

/* ---- 3. replay of findings ------------------------------------------------------- */

struct replay_ctx {
	const struct sim_config *cfg;
	int replayed;
};

static void replay_finding(void *ctx, const struct explore_finding *f)
{
	struct replay_ctx *x = ctx;
	struct sim *sim = sim_new(x->cfg);
	struct strategy st;
	struct sim_result r;
	strategy_init(&st, ST_REPLAY, 0);
	strategy_set_replay(&st, f->dec, f->ndec);
	strategy_begin_run(&st, 0);
	sim_run(sim, &st, &r);
	CHECK(r.violated && sim_signature(x->cfg, &r.v) == f->sig && r.hash == f->res.hash,
	      "%s: the finding %016" PRIx64 " (%s) does not replay: violated %d, %s, hash "
	      "%016" PRIx64 " vs %016" PRIx64, x->cfg->scenario->name, f->sig,
	      sim_viol_name(f->res.v.kind), r.violated, r.violated ? sim_viol_name(r.v.kind) : "-",
	      r.hash, f->res.hash);
	x->replayed++;
	strategy_free(&st);
	sim_free(sim);
}

/* The stateful search's callbacks: results into a set, findings replayed. */
struct both {
	struct strset set;
	struct replay_ctx rx;
};

static bool both_run(void *ctx, int job, uint64_t run, struct sim *sim,
		     const struct sim_result *r)
{
	return note_run(&((struct both *)ctx)->set, job, run, sim, r);
}

static void both_found(void *ctx, const struct explore_finding *f)
{
	replay_finding(&((struct both *)ctx)->rx, f);
}

/* ---- 2. soundness ----------------------------------------------------------------- */

struct cell {
	const char *scen, *params, *bug;
	unsigned models; /* bit per model */
	bool brute;      /* brute force (else DPOR) as the reference */
	bool verdicts;   /* compare violations only: the outcome holds a time
			  * (kick_all's kick_ns, virtual ns), which DPOR does not
			  * preserve (equivalent orders take different times) */
};

#define ALLM 15u
static const struct cell cells[] = {
	{"sb", "", "", ALLM, true, false},
	{"sb+mbs", "", "", ALLM, true, false},
	{"mp", "", "", ALLM, true, false},
	{"mp+wmb", "", "", ALLM, true, false},
	{"mp+wmb-no-rmb", "", "", ALLM, true, false},
	{"mp+rel+acq", "", "", ALLM, true, false},
	{"wrc", "", "", ALLM, false, false},
	{"iriw", "", "", ALLM, false, false},
	{"lb", "", "", ALLM, true, false},
	{"corr", "", "", ALLM, true, false},
	{"coww", "", "", ALLM, true, false},
	{"sb+xchgs", "", "", ALLM, true, false},
	{"r", "", "", ALLM, true, false},
	{"s", "", "", ALLM, true, false},
	{"handshake", "", "", ALLM, false, false},
	{"handshake", "", "sb-no-mb", ALLM, false, false},
	{"dekker", "entries=0", "", 3u, false, false},
	{"dekker", "entries=0", "no-mb-after-in-guest-mode", 7u, false, false},
	{"dekker", "entries=0", "check-before-in-guest-mode", 3u, false, false},
	{"dekker", "entries=0", "kick-without-request", 1u, false, false},
	{"payload", "entries=0", "", 1u, false, false},
	{"payload", "entries=0", "no-wmb-before-request", 2u, false, false},
	{"kick_only", "entries=0", "", 3u, false, false},
	{"tlb_flush", "walks=0 kickers=0 entries=0", "", 3u, false, false},
	{"halt", "wakers=1 unblock=0 nowake=0 entries=0", "", 3u, false, false},
	{"halt", "wakers=1 unblock=0 nowake=0 entries=0", "check-block-ignores-requests", 1u, false, false},
	{"async_pf", "pages=1 snapshot=0 gup=0 idle=1", "", 1u, false, false},
	{"kick_all", "vcpus=1 retries=0 entries=0 irqs=0", "", 3u, false, true},
	{"kick_all", "vcpus=1 retries=0 entries=0 irqs=0", "kick-all-clear-before-wait", 1u, false,
	 true},
	{"its", "writers=2 rounds=1 toggles=0", "", 1u, false, false},
	{"its", "writers=2 rounds=1 toggles=0", "its-outside-cmd-lock", 1u, false, false},
};

static bool stateless(const struct sim_config *cfg, bool brute, struct strset *s)
{
	struct explore_opts o;
	struct explore_result r;
	char err[200];
	explore_opts_init(&o, cfg, ST_DFS);
	o.budget = 400000;
	o.dfs.reduce = !brute;
	o.on_run = note_run;
	o.ctx = s;
	CHECK(!explore_run(&o, &r, err, sizeof(err)), "dfs: %s", err);
	return r.exhausted && !r.bounded;
}

/* Under AddressSanitizer (the debug preset) the test looks for memory
 * errors, not for coverage: the litmus cells only (without exact footprints
 * the DPOR references of the bigger cells take many minutes there). */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define STATEFUL_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define STATEFUL_SANITIZED 1
#endif
#ifdef STATEFUL_SANITIZED
#define CELLS_CHECKED 14
#define CELLS_MIN 40
#else
#define CELLS_CHECKED (sizeof(cells) / sizeof(cells[0]))
#define CELLS_MIN 80
#endif

static void soundness(void)
{
	int compared = 0;
	for (size_t i = 0; i < CELLS_CHECKED; i++) {
		const struct cell *c = &cells[i];
		for (int m = 0; m < MODEL_COUNT; m++) {
			if (!((c->models >> m) & 1))
				continue;
			struct sim_config cfg;
			struct strset ref = {0};
			config(&cfg, c->scen, c->params, m, c->bug);
			verdicts_only = c->verdicts;
			if (!stateless(&cfg, c->brute, &ref)) {
				printf("note: %s %s %s %s: the stateless search did not complete; "
				       "not compared\n", c->scen, c->params, c->bug, sim_model_name(m));
				set_free(&ref);
				continue;
			}
			struct both x = {.rx = {&cfg, 0}};
			struct stateful_opts so = {.cfg = &cfg, .on_run = both_run,
						   .on_found = both_found, .ctx = &x};
			struct stateful_result sr;
			char err[200];
			CHECK(!stateful_run(&so, &sr, err, sizeof(err)), "stateful: %s", err);
			CHECK(sr.complete, "%s %s: stateful incomplete: %s", c->scen,
			      sim_model_name(m), sr.incomplete);
			struct strset *got = &x.set;
			bool same = ref.n == got->n;
			for (size_t k = 0; k < ref.n; k++)
				same = same && set_has(got, ref.v[k]);
			CHECK(same, "%s %s %s %s: stateless %zu results, stateful %zu", c->scen,
			      c->params, c->bug, sim_model_name(m), ref.n, got->n);
			if (!same) {
				for (size_t k = 0; k < ref.n; k++)
					if (!set_has(got, ref.v[k]))
						printf("  only stateless: %s\n", ref.v[k]);
				for (size_t k = 0; k < got->n; k++)
					if (!set_has(&ref, got->v[k]))
						printf("  only stateful:  %s\n", got->v[k]);
			}
			/* 3: its findings replay */
			CHECK((uint64_t)x.rx.replayed == sr.distinct, "replayed %d of %" PRIu64,
			      x.rx.replayed, sr.distinct);
			set_free(got);
			compared++;
			set_free(&ref);
		}
	}
	printf("soundness: %d configurations compared\n", compared);
	CHECK(compared >= CELLS_MIN, "only %d configurations compared", compared);
}

/* Where the stateless search cannot finish: the reduction against full
 * expansion (same violation signatures and outcomes). */
static const struct cell reduced_cells[] = {
	{"async_pf", "pv=0 pages=1 gup=0", "apf-halt-no-recheck", 1u, false, false},
	{"async_pf", "pv=0 pages=1 gup=0", "apf-halt-in-snapshot", 1u, false, false},
	{"async_pf", "reset=1 pages=1 gup=0", "apf-drop-on-reset", 1u, false, false},
	{"halt", "", "check-block-ignores-requests", 1u, false, false},
	{"kick_all", "vcpus=1 entries=0 irqs=0 retries=0", "kick-all-clear-before-wait", 2u, false,
	 false},
};

static void reduction_vs_full(void)
{
	int compared = 0;
	if (!sim_footprints_exact()) { /* sanitizer builds: no reduction to check */
		printf("reduction vs full expansion: skipped (footprints coarse in this build)\n");
		return;
	}
	for (size_t i = 0; i < sizeof(reduced_cells) / sizeof(reduced_cells[0]); i++) {
		const struct cell *c = &reduced_cells[i];
		for (int m = 0; m < MODEL_COUNT; m++) {
			if (!((c->models >> m) & 1))
				continue;
			struct sim_config cfg;
			struct strset set[2] = {{0}, {0}};
			struct stateful_result r[2];
			char err[200];
			config(&cfg, c->scen, c->params, m, c->bug);
			verdicts_only = false;
			for (int full = 0; full < 2; full++) {
				struct stateful_opts so = {.cfg = &cfg, .no_reduction = full,
							   .on_run = note_run, .ctx = &set[full]};
				CHECK(!stateful_run(&so, &r[full], err, sizeof(err)), "stateful: %s",
				      err);
				CHECK(r[full].complete, "%s: incomplete: %s", c->scen, r[full].incomplete);
			}
			bool same = set[0].n == set[1].n && r[0].distinct > 0;
			for (size_t k = 0; k < set[0].n; k++)
				same = same && set_has(&set[1], set[0].v[k]);
			CHECK(same, "%s %s %s: reduced %zu results (%" PRIu64 " violating), full %zu",
			      c->scen, c->params, c->bug, set[0].n, r[0].distinct, set[1].n);
			/* not more (dead stack bytes may split a few states) */
			CHECK(r[0].stored <= r[1].stored + r[1].stored / 10,
			      "%s: the reduction stored %" PRIu64 " states, full expansion %" PRIu64,
			      c->scen, r[0].stored, r[1].stored);
			set_free(&set[0]);
			set_free(&set[1]);
			compared++;
		}
	}
	printf("reduction vs full expansion: %d configurations compared\n", compared);
	/* and it reduces: the handshake has fences on both sides */
	struct sim_config cfg;
	struct stateful_result r[2];
	char err[200];
	config(&cfg, "handshake", "vcpus=2 requesters=3", MODEL_TSO, "");
	for (int full = 0; full < 2; full++) {
		struct stateful_opts so = {.cfg = &cfg, .no_reduction = full};
		CHECK(!stateful_run(&so, &r[full], err, sizeof(err)), "stateful: %s", err);
	}
	CHECK(r[0].complete && r[1].complete &&
	      (!sim_footprints_exact() ||
	       (r[0].reduced && r[0].reductions > 0 && r[0].stored * 3 / 2 < r[1].stored)),
	      "handshake: reduced %" PRIu64 " states (%" PRIu64 " reductions), full %" PRIu64,
	      r[0].stored, r[0].reductions, r[1].stored);
}

/* ---- 1. fingerprints --------------------------------------------------------------- */

/* Take the choice that steps thread tid (it must be offered). */
static void step_tid(struct sim *sim, int tid)
{
	int n = sim_ready(sim);
	for (int k = 0; k < n; k++)
		if (sim->choices[k].kind == CH_STEP && sim->choices[k].tid == tid) {
			sim_take(sim, k, false);
			return;
		}
	CHECK(0, "thread %d is not offered", tid);
}

static void fingerprints(void)
{
	struct sim_config cfg;
	config(&cfg, "sb", "", MODEL_SC, "");
	struct sim *sim = sim_new(&cfg);
	struct strategy st;
	strategy_init(&st, ST_DEFAULT, 0);
	uint64_t a[2], b[2], c[2], d[2];
	/* path A: P0 then P1; path B: P1 then P0 (each stores its own variable) */
	sim_begin(sim, &st);
	sim_ready(sim);
	sim_fingerprint(sim, c);
	step_tid(sim, 0);
	sim_ready(sim);
	sim_fingerprint(sim, d);
	step_tid(sim, 1);
	sim_ready(sim);
	sim_fingerprint(sim, a);
	sim_begin(sim, &st);
	step_tid(sim, 1);
	step_tid(sim, 0);
	sim_ready(sim);
	sim_fingerprint(sim, b);
	CHECK(a[0] == b[0] && a[1] == b[1], "one state by two paths: %016" PRIx64 " vs %016" PRIx64,
	      a[1], b[1]);
	CHECK(c[1] != d[1] && d[1] != a[1] && c[1] != a[1], "different states hash alike");

	/* checkpoint: save, run to the end, restore, same fingerprint; the same
	 * choices again give the same trace hash */
	sim_begin(sim, &st);
	step_tid(sim, 0);
	sim_ready(sim);
	struct sim_snap snap = {0};
	sim_snap_save(sim, &snap);
	sim_fingerprint(sim, a);
	struct sim_result r1, r2;
	while (sim_ready(sim))
		sim_take(sim, sim->nchoices - 1, false);
	sim_finish(sim, &r1);
	sim_snap_restore(sim, &snap);
	sim_ready(sim);
	sim_fingerprint(sim, b);
	CHECK(a[0] == b[0] && a[1] == b[1], "restore: fingerprint changed");
	while (sim_ready(sim))
		sim_take(sim, sim->nchoices - 1, false);
	sim_finish(sim, &r2);
	CHECK(r1.hash == r2.hash && r1.steps == r2.steps, "restore: run differs (%016" PRIx64
	      " vs %016" PRIx64 ")", r1.hash, r2.hash);
	sim_snap_free(&snap);
	strategy_free(&st);
	sim_free(sim);
}

/* ---- 4. cycles ----------------------------------------------------------------------- */

struct spin_state {
	int flag, seen;
};

static void spinner(void *arg)
{
	struct spin_state *s = arg;
	while (!READ_ONCE(s->flag))
		cpu_relax();
	s->seen = 1;
}

static void setter(void *arg)
{
	struct spin_state *s = arg;
	if (!sim_current_param(0)) {
		WRITE_ONCE(s->flag, 1);
		return;
	}
	while (!READ_ONCE(s->flag)) /* variant 1: it waits as well; nobody sets it */
		cpu_relax();
}

static void spin_setup(struct sim *sim, void *state)
{
	sim_spawn(sim, "spinner", 0, spinner, state);
	sim_spawn(sim, "setter", 1, setter, state);
}

static const struct scenario sc_spin = {
	.name = "t-spin", .summary = "a spin loop on a flag",
	.params = {{"variant", 0, 0, 1, "1: both wait, nobody sets the flag"}}, .nparams = 1,
	.bugs = {-1}, .state_size = sizeof(struct spin_state), .setup = spin_setup,
};

static void cycles(void)
{
	for (int variant = 0; variant < 2; variant++) {
		struct sim_config cfg;
		sim_config_defaults(&cfg, &sc_spin);
		cfg.switch_impl = SWITCH_ASM;
		cfg.params[0] = variant;
		cfg.steps_max = 500;
		struct replay_ctx rx = {&cfg, 0};
		struct stateful_opts so = {.cfg = &cfg, .on_found = replay_finding, .ctx = &rx};
		struct stateful_result r;
		char err[200];
		CHECK(!stateful_run(&so, &r, err, sizeof(err)), "stateful: %s", err);
		CHECK(r.complete && r.cycles > 0, "variant %d: complete %d, %" PRIu64 " cycles",
		      variant, r.complete, r.cycles);
		CHECK(r.distinct == (uint64_t)variant && rx.replayed == variant,
		      "variant %d: %" PRIu64 " violations (livelock expected only with variant 1), "
		      "%d replayed", variant, r.distinct, rx.replayed);
	}
}

/* ---- 5. limits ------------------------------------------------------------------------- */

static void limits(void)
{
	struct sim_config cfg;
	struct stateful_result r;
	char err[200];
	config(&cfg, "dekker", "", MODEL_TSO, "");
	struct stateful_opts so = {.cfg = &cfg, .states_max = 500};
	CHECK(!stateful_run(&so, &r, err, sizeof(err)), "stateful: %s", err);
	CHECK(!r.complete && strstr(r.incomplete, "states-max") && r.stored == 500,
	      "states budget: complete %d, '%s', %" PRIu64 " stored", r.complete, r.incomplete,
	      r.stored);
	config(&cfg, "dekker", "vcpus=1 requesters=2 rounds=2", MODEL_TSO, "");
	so = (struct stateful_opts){.cfg = &cfg, .mem_max = 2u << 20};
	CHECK(!stateful_run(&so, &r, err, sizeof(err)), "stateful: %s", err);
	CHECK(!r.complete && strstr(r.incomplete, "memory cap") &&
	      r.peak_bytes <= (2u << 20) + (256u << 10),
	      "memory cap: complete %d, '%s', peak %zu", r.complete, r.incomplete, r.peak_bytes);
	if (sim_switch_available(SWITCH_UCONTEXT)) {
		cfg.switch_impl = SWITCH_UCONTEXT;
		CHECK(stateful_run(&so, &r, err, sizeof(err)) == -1 && strstr(err, "asm"),
		      "ucontext: not refused (%s)", err);
	}
}

int main(void)
{
	fingerprints();
	cycles();
	limits();
	soundness();
	reduction_vs_full();
	if (failures) {
		printf("%d failure(s)\n", failures);
		return 1;
	}
	printf("ok\n");
	return 0;
}
