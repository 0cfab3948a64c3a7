/*
 * fuzz/harness.c: the fuzz harness body.  Fuzzer bytes are the schedule of one
 * run of a scenario whose configuration is fixed for the process (see
 * harness.h for the environment variables).
 *
 * Interleaving feedback.  Edge coverage says little about interleavings, so
 * after (and during) each run the harness derives features from the scheduler
 * decisions and increments one counter per feature in an engine-owned map
 * (libFuzzer's extra counters, the AFL++ map).  sim/ is not touched: the run
 * is driven with sim_begin()/sim_step() and observed through the public
 * accessors.  Features:
 *   F1  consecutive decisions of different agents: (kind, pending site) of
 *       one decision paired with the next.  Covers (site, site) pairs of
 *       steps of different threads, drain-vs-step and event-vs-step orders.
 *       The thread is left out, so threads running the same code (two
 *       requesters) share features.
 *   F2  at each decision, per vCPU: its mode x its pending request bits x
 *       its thread's wait state (in guest, sleeping, on a lock, waiting for
 *       an IPI or a work item, running), from the scenario's vcpu_view hook.
 *       Per vCPU, not the product over all vCPUs and threads: that product
 *       gave tens of thousands of features on `mixed` in 10 s, every input
 *       looked new and the fuzzer ran at a tenth of its speed.  The hit
 *       count matters (libFuzzer and AFL++ bucket it): how many decisions a
 *       vCPU spent in guest mode with a request pending.
 *   F3  the violation kind, when there is one.
 *   F4  reads-from: at every step, the call site of its first load and the
 *       call site of the store that load read (or the initial value).
 *   F5  reads-from pairs, presence only: each (load site, store site) pair
 *       (named by abs_site_id, so the same feature in every process)
 *       the run showed sets its cell to 1 however often it occurred, so a
 *       new pair is new coverage and a new count of an old one is not (the
 *       rarity weighting: libFuzzer's entropic schedule then favours the
 *       inputs that hold rare pairs).
 *   F6  the oracles' partial conditions, from the vcpu_view hook: a request
 *       pending while its vCPU is in guest mode (the lost-kick window), a
 *       request pending while the vCPU's thread sleeps (the lost-wakeup
 *       window), each with the request bits, and each with the log2 of the
 *       number of decisions it held (progress towards the violation; the
 *       log keeps the count from minting a feature per decision).  Presence
 *       only, like F5.
 *   F7  store->store reorderings and how long they last (progress towards
 *       the PSO and wmm violations): a drained store that overtook an older
 *       store of its thread to another location, named by (overtaking site,
 *       overtaken store site), with the log2 of the decisions until the
 *       overtaken store became visible (the window in which another thread
 *       can see the reordering), by a drain choice or by a fence, RMW or
 *       store-with-barrier of its thread (sim_step_flushed; the end of the
 *       run if neither).  A bug needs the other thread's accesses inside
 *       such a window, so a longer window is closer to it: the corpus keeps
 *       the input that first held one, and mutations of it stretch it
 *       further.  Presence only.
 *   F8  the same for store->load reorderings (a load of a thread that
 *       overtook one of its own buffered stores to another location, the
 *       Dekker window).  Not in "auto": a run of `mixed` under PSO shows
 *       about 30 of them, and rewarding each filled the corpus (with F8
 *       beside F7 the deep set of `bench.py fuzz ttb` took 124 executions
 *       against 43 with F7 alone).
 *   The abstract form is fuzzed with REQSIM_FUZZ_FEEDBACK=auto (below).
 *
 * Input forms: an input that starts with "RQA1" is an abstract schedule
 * (sim/abstract.h: constraints honoured best effort, the default policy or a
 * seeded PRNG for the rest); any other input is one byte per decision.  A
 * malformed abstract input runs with the default policy.  fuzz/mutator.c
 * mutates the abstract form (LLVMFuzzerCustomMutator, the AFL++ custom
 * mutator) from what the input showed when it ran (reqsim_fuzz_observe).
 *
 * Invariants:
 *  1. The configuration is read once; a bad one exits 2 with one line.
 *  2. A run depends only on (configuration, bytes): the strategy is set up
 *     from scratch for every input, exactly as `reqsim run --bytes` does, so
 *     every finding replays with the CLI.
 *  3. With feedback off the run is a plain sim_run(), unless runs are
 *     observed for the mutator (reqsim_fuzz_set_observe_runs: the libFuzzer
 *     target, abstract form): then it is stepped with reads-from tracking,
 *     which records and never changes a decision (tests/test_abstract.c
 *     checks the observation equals reqsim_fuzz_observe's and mutants do
 *     not depend on which one they read).
 */
#define _POSIX_C_SOURCE 200809L

#include "harness.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "scenarios.h"
#include "sim.h"
#include "strategy.h"

#ifndef REQSIM_FUZZ_FEEDBACK
#define REQSIM_FUZZ_FEEDBACK 1
#endif

static struct {
	bool ready;
	struct sim_config cfg;
	struct sim *sim;
	struct sim *obs_sim; /* reqsim_fuzz_observe: track_rf always on */
	bool abort_on_violation;
	bool feedback;
	unsigned fmask; /* feature classes on: bit k for Fk */
	const char *input_name;
	uint8_t *map;
	size_t map_len, map_mask; /* mask: len - 1 when len is a power of two, else 0 */
	size_t nfeatures;
	char config[640];
	char replay[1024];
} fz = {.abort_on_violation = true, .input_name = "CRASHFILE"};

static void config_error(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void config_error(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "reqsim-fuzz: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

static struct {
	const char *scenario, *model, *arch, *params, *bugs;
} defaults = {"dekker", "tso", "x86", "", ""};

void reqsim_fuzz_set_defaults(const char *scenario, const char *model, const char *arch,
			      const char *params, const char *bugs)
{
	defaults.scenario = scenario ? scenario : defaults.scenario;
	defaults.model = model ? model : defaults.model;
	defaults.arch = arch ? arch : defaults.arch;
	defaults.params = params ? params : defaults.params;
	defaults.bugs = bugs ? bugs : defaults.bugs;
}

static const char *env_or(const char *name, const char *def)
{
	const char *v = getenv(name);
	return v && *v ? v : def;
}

static void parse_bugs(const char *list)
{
	char buf[1024];
	if (strlen(list) >= sizeof(buf))
		config_error("REQSIM_FUZZ_BUGS: too long");
	snprintf(buf, sizeof(buf), "%s", list);
	for (char *save = NULL, *tok = strtok_r(buf, ", ", &save); tok;
	     tok = strtok_r(NULL, ", ", &save)) {
		if (!strcmp(tok, "-"))
			continue;
		int id = sim_bug_parse(tok);
		if (id < 0)
			config_error("REQSIM_FUZZ_BUGS: unknown bug '%s' (see 'reqsim list bugs')", tok);
		if (!scenario_has_bug(fz.cfg.scenario, id))
			config_error("REQSIM_FUZZ_BUGS: bug '%s' does not apply to scenario '%s'",
				     tok, fz.cfg.scenario->name);
		fz.cfg.bugs |= 1ULL << id;
	}
}

/* REQSIM_FUZZ_FEEDBACK: unset or 1 the interleaving classes f1..f4, 0 none,
 * "auto" the abstract form's classes for the model (below), or a list of
 * classes ("f1,f4", "f5,f6"), to measure what each contributes.
 *
 * auto: F7 (store->store windows) under PSO and wmm, F5 (reads-from pairs)
 * under SC and TSO.  A model that lets a thread's stores become visible out
 * of order has its bugs there (a stale payload, a request seen before its
 * data), and the window is the measure of progress towards them; under SC
 * the only interleaving progress is which write each load read.  Measured
 * with `bench.py fuzz ttb` on the hard and deep sets (11 seeds, the
 * abstract form without code coverage): F7 alone took the deep set from 90
 * executions without feedback to 43, every added class made it worse (F5:
 * 107, F5+F6: 122, the old F7 with store->load windows: 124), and F5 took
 * the SC rows from 436 to 85 (outside_guest_mode) and 44 to 31 (halt). */
static void parse_feedback(const char *v, int model)
{
	fz.fmask = 0;
	if (!v || !*v || !strcmp(v, "1"))
		fz.fmask = 0x1e;
	else if (!strcmp(v, "auto"))
		fz.fmask = model == MODEL_PSO || model == MODEL_WMM ? 1u << 7 : 1u << 5;
	else if (strcmp(v, "0")) {
		char buf[64];
		if (strlen(v) >= sizeof(buf))
			config_error("REQSIM_FUZZ_FEEDBACK: too long");
		snprintf(buf, sizeof(buf), "%s", v);
		for (char *save = NULL, *tok = strtok_r(buf, ", ", &save); tok;
		     tok = strtok_r(NULL, ", ", &save)) {
			if ((tok[0] != 'f' && tok[0] != 'F') || tok[1] < '1' || tok[1] > '8' || tok[2])
				config_error("REQSIM_FUZZ_FEEDBACK: '%s' is not 0, 1, auto or a list "
					     "of f1..f8", v);
			fz.fmask |= 1u << (tok[1] - '0');
		}
	}
	fz.feedback = REQSIM_FUZZ_FEEDBACK && fz.fmask;
}

/* The configuration line and the replay command, built once. */
static void describe(void)
{
	const struct sim_config *c = &fz.cfg;
	const struct scenario *sc = c->scenario;
	char params[400] = "", pflags[600] = "", bugs[400] = "", bflags[600] = "";
	size_t np = 0, npf = 0, nb = 0, nbf = 0;

	for (int i = 0; i < sc->nparams; i++) {
		np += (size_t)snprintf(params + np, np < sizeof(params) ? sizeof(params) - np : 0,
				       " %s=%ld", sc->params[i].name, c->params[i]);
		npf += (size_t)snprintf(pflags + npf,
					npf < sizeof(pflags) ? sizeof(pflags) - npf : 0,
					" --param %s=%ld", sc->params[i].name, c->params[i]);
	}
	for (int i = 0; i < REQSIM_BUG_COUNT; i++) {
		if (!((c->bugs >> i) & 1))
			continue;
		nb += (size_t)snprintf(bugs + nb, nb < sizeof(bugs) ? sizeof(bugs) - nb : 0,
				       "%s%s", nb ? "," : "", sim_bug_name(i));
		nbf += (size_t)snprintf(bflags + nbf,
					nbf < sizeof(bflags) ? sizeof(bflags) - nbf : 0,
					" --bug %s", sim_bug_name(i));
	}
	snprintf(fz.config, sizeof(fz.config), "scenario=%s model=%s arch=%s%s bugs=%s",
		 sc->name, sim_model_name(c->model), sim_arch_name(c->arch), params,
		 nb ? bugs : "-");
	snprintf(fz.replay, sizeof(fz.replay), "reqsim run %s --model %s --arch %s%s%s",
		 sc->name, sim_model_name(c->model), sim_arch_name(c->arch), pflags, bflags);
}

void reqsim_fuzz_init(void)
{
	if (fz.ready)
		return;
	const char *name = env_or("REQSIM_FUZZ_SCENARIO", defaults.scenario);
	const struct scenario *sc = scenario_find(name);
	if (!sc)
		config_error("REQSIM_FUZZ_SCENARIO: unknown scenario '%s' (see 'reqsim list "
			     "scenarios')", name);
	sim_config_defaults(&fz.cfg, sc);

	const char *model = env_or("REQSIM_FUZZ_MODEL", defaults.model);
	if ((fz.cfg.model = sim_model_parse(model)) < 0)
		config_error("REQSIM_FUZZ_MODEL: unknown model '%s' (models: sc tso pso wmm)",
			     model);
	const char *arch = env_or("REQSIM_FUZZ_ARCH", defaults.arch);
	if ((fz.cfg.arch = sim_arch_parse(arch)) < 0)
		config_error("REQSIM_FUZZ_ARCH: unknown arch '%s' (archs: x86 arm64)", arch);
	char aerr[200];
	if (scenario_check_arch(sc, fz.cfg.arch, aerr, sizeof(aerr)))
		config_error("REQSIM_FUZZ_ARCH: %s (see 'reqsim list scenarios')", aerr);
	parse_bugs(env_or("REQSIM_FUZZ_BUGS", defaults.bugs));

	char err[200];
	const char *params = env_or("REQSIM_FUZZ_PARAMS", defaults.params);
	if (scenario_apply_params(&fz.cfg, params, err, sizeof(err)))
		config_error("REQSIM_FUZZ_PARAMS: %s", err);

	parse_feedback(getenv("REQSIM_FUZZ_FEEDBACK"), fz.cfg.model);
	fz.cfg.track_rf = fz.feedback; /* step sites (F1), reads-from pairs (F4, F5) */
	fz.cfg.trace = false;
	describe();
	fz.sim = sim_new(&fz.cfg);
	if (!fz.sim)
		config_error("cannot create the simulation (%s)", fz.config);
	fz.ready = true;
}

void reqsim_fuzz_set_abort(bool on) { fz.abort_on_violation = on; }
void reqsim_fuzz_set_input_name(const char *name) { fz.input_name = name; }
const char *reqsim_fuzz_config_str(void) { return fz.config; }
bool reqsim_fuzz_code_coverage(bool dflt)
{
	const char *cov = getenv("REQSIM_FUZZ_CODE_COVERAGE");
	if (!cov || !*cov)
		return dflt;
	if (strcmp(cov, "0") && strcmp(cov, "1"))
		config_error("REQSIM_FUZZ_CODE_COVERAGE: '%s' is not 0 or 1", cov);
	return *cov == '1';
}

size_t reqsim_fuzz_feature_count(void) { return fz.nfeatures; }

void reqsim_fuzz_set_feature_map(uint8_t *map, size_t len)
{
	fz.map = len ? map : NULL;
	fz.map_len = len;
	fz.map_mask = len && !(len & (len - 1)) ? len - 1 : 0;
}

/* ---- observation state (fuzz/mutator.c) ----------------------------------------- */

struct obs_count {
	uint32_t key, n; /* key: site id, or site id ^ tid * golden (per thread) */
};
#define OBS_COUNTS 1024

static uint8_t occ8(uint32_t n) { return n > 255 ? 0 : (uint8_t)n; }

/* Reorderings open until their overtaken store becomes visible (F7, and
 * the windows of an observation). */
#define WIN_LIVE 16
struct win {
	const struct platform_site *a; /* the overtaken store */
	uint32_t over;		       /* the overtaking load or store (site id) */
	bool store;
	uint16_t tid;
	uint32_t start;		       /* decisions when it opened */
};
struct wins {
	struct win w[WIN_LIVE];
	int n;
};

/* One observation in progress: the run's counts of sites, overall and per
 * thread (occurrences), its open windows, and what it fills.  used[] lists
 * the slots the run took in either table, so that the next run clears
 * those, not 16 KiB (an obs_state starts zeroed: static storage).
 * Occurrences are counted as the run goes (counting) or, for the runs of
 * reqsim_fuzz_one, later: most runs' observations are never read, so the
 * steps are stored without them (rf_step[j]: the step rf[j] was;
 * win_step[j]: the step that closed win[j]) and obs_count_stored() counts
 * them in run order when one is read, or when step[] fills up (from then
 * on counting). */
struct obs_state {
	struct obs_count global[OBS_COUNTS], per_tid[OBS_COUNTS];
	struct obs_count *used[2 * OBS_COUNTS];
	int nused;
	bool counting;
	uint16_t *rf_step; /* REQSIM_OBS_MAX of them; NULL: counting from the start */
	uint16_t *win_step; /* the same for the steps that closed windows */
	struct wins wins;   /* the run's open windows */
	int last;           /* the last step's index in step[], -1: not stored */
	uint8_t occ_t;      /* its occurrence in its thread (when counting) */
	struct reqsim_obs *o;
};

/* The observations of the last RO_RING runs (reqsim_fuzz_set_observe_runs),
 * each run filling the next slot in place: libFuzzer mutates the input it
 * just ran (stacked mutations), or a corpus input, which it ran when it
 * found it, mostly not long before; the mutator finds either here instead
 * of running the input a second time.  Pages of a slot are touched only as
 * far as a run fills it.  64 slots, not more: each run writes a slot of
 * tens of KiB, and with 1,024 (a ring out of the caches) the target ran 7%
 * slower on dekker and 3% on mixed without feedback (bench.py fuzz execs),
 * although fewer inputs ran twice. */
#define RO_RING 64
struct ro_key {
	uint64_t hash;
	size_t size;
	bool valid;
	bool uncounted; /* its occurrences are still to count (obs_state) */
};
typedef uint16_t ro_steps[REQSIM_OBS_MAX]; /* step[] indexes (obs_state) */
static struct {
	bool on;
	unsigned last; /* the slot of the last run */
	struct obs_state w, late; /* late: counts an observation when it is read */
	struct ro_key key[RO_RING];
	struct reqsim_obs *obs; /* RO_RING of them */
	ro_steps *rf_step, *win_step; /* and theirs */
} ro;

uint64_t reqsim_content_hash(const uint8_t *d, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ d[i]) * 0x100000001b3ULL;
	return h;
}

void reqsim_fuzz_set_observe_runs(bool on)
{
	reqsim_fuzz_init();
	ro.on = on;
	memset(ro.key, 0, sizeof(ro.key));
	if (on && !ro.obs) {
		ro.obs = calloc(RO_RING, sizeof(*ro.obs));
		ro.rf_step = calloc(RO_RING, sizeof(*ro.rf_step));
		ro.win_step = calloc(RO_RING, sizeof(*ro.win_step));
		if (!ro.obs || !ro.rf_step || !ro.win_step)
			config_error("out of memory");
	}
	if (on && !fz.cfg.track_rf) { /* observing needs the sites of steps */
		sim_free(fz.sim);
		fz.cfg.track_rf = true;
		fz.sim = sim_new(&fz.cfg);
		if (!fz.sim)
			config_error("cannot create the simulation (%s)", fz.config);
	}
}

/* ---- interleaving features ------------------------------------------------------- */

static uint64_t mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

static void feature(uint64_t tag, uint64_t a, uint64_t b)
{
	uint64_t h = mix64(mix64(tag * 0x9e3779b97f4a7c15ULL ^ a) ^ b);
	uint8_t *cell = &fz.map[fz.map_mask ? h & fz.map_mask : h % fz.map_len]; /* no division */
	if (*cell != 0xff)
		++*cell;
	fz.nfeatures++;
}

/* Stable site ids (abs_site_id: function and label) for every class that
 * names a site: the same feature in every process, whatever the load
 * address (F1 and F4 once hashed the site's address, so one seed gave
 * different runs in different processes). */
static uint32_t site_id(const struct platform_site *s) { return abs_site_id_cached(s); }

/* A feature by presence (F5, F6): its cell says "seen", never how often. */
static void feature_once(uint64_t tag, uint64_t a, uint64_t b)
{
	uint64_t h = mix64(mix64(tag * 0x9e3779b97f4a7c15ULL ^ a) ^ b);
	uint8_t *cell = &fz.map[fz.map_mask ? h & fz.map_mask : h % fz.map_len];
	if (!*cell) {
		*cell = 1;
		fz.nfeatures++;
	}
}

/* F5 for one reads-from pair, unless this run already set it: a presence
 * cell, once set, stays set until the engine clears the map for the next
 * input, so a repeat would only hash to the same cell (and nfeatures
 * counts new cells only).  seen[]: the run's last pair per slot. */
#define F5_SEEN 64
static void f5_pair(uint64_t *seen, uint32_t ld, uint32_t st)
{
	uint64_t key = (uint64_t)ld << 32 | st;
	uint64_t *slot = &seen[(key * 0x9e3779b97f4a7c15ULL) >> 58];
	if (key && *slot == key)
		return;
	*slot = key;
	feature_once(5, ld, st);
}

/* One decision as a token: kind, and the call site of what ran (a step's
 * operation, with which store a wmm load reads; a drained store). */
static uint64_t token(const struct sim_choice *c, uint32_t site)
{
	uint64_t t = (uint64_t)c->kind << 56;
	if (c->kind != CH_EVENT)
		t ^= mix64((uint64_t)site ^
			   (c->kind == CH_STEP ? (uint64_t)c->arg << 48 : 0));
	return t;
}

/* F2: per vCPU (mode, its thread's wait state) with its request word. */
static void vcpu_features(struct sim *sim)
{
	struct scen_vcpu_view view[8];
	int n = sim_vcpu_view(sim, view, 8);
	for (int v = 0; v < n; v++)
		feature(2, (uint64_t)v << 40 | (uint64_t)(unsigned)view[v].mode << 8 |
			(uint64_t)sim_thread_wait(sim, v), view[v].requests);
}

/* F6: the oracles' partial conditions now; held[] counts decisions. */
#define F6_CONDS 2
static void partial_conditions(struct sim *sim, uint32_t *held)
{
	struct scen_vcpu_view view[8];
	int n = sim_vcpu_view(sim, view, 8);
	for (int v = 0; v < n; v++) {
		if (!view[v].requests)
			continue;
		if (view[v].mode == 1) { /* IN_GUEST_MODE: a request the guest has not seen */
			held[0]++;
			feature_once(6, 0x100, view[v].requests);
		}
		if (sim_thread_wait(sim, v) == SIM_WAIT_SLEEP) { /* and nobody woke it yet */
			held[1]++;
			feature_once(6, 0x101, view[v].requests);
		}
	}
}

/* What the step sim just took shows, asked of the sim and hashed once per
 * step for the observation and every feature class (each asked, and hashed
 * the sites, for itself). */
struct step_view {
	const struct sim_choice *c;       /* sim_step_choice: NULL before a step */
	const struct platform_site *site; /* sim_step_site */
	uint32_t id;                      /* its site id */
	bool rf;                          /* sim_step_reads_from: ld read st */
	const struct platform_site *ld, *st;
	uint32_t ld_id, st_id;            /* their site ids, when rf (ld_id: and st,
					   unless every_ld) */
	const struct platform_site *over[8]; /* what it overtook (sim_step_overtook) */
	int nover;
};

static inline void step_view(struct sim *sim, struct step_view *v, bool overtook, bool every_ld)
{
	v->c = sim_step_choice(sim);
	v->site = sim_step_site(sim);
	v->id = site_id(v->site);
	v->rf = sim_step_reads_from(sim, &v->ld, &v->st);
	v->ld_id = v->rf && (v->st || every_ld) ? site_id(v->ld) : 0;
	v->st_id = v->rf && v->st ? site_id(v->st) : 0; /* site_id(NULL) is 0 */
	v->nover = overtook ? sim_step_overtook(sim, v->over, 8) : 0;
}

static unsigned log2u(uint32_t x);

/* Window i closed at decision now, by the step of its thread at site id end
 * (0: by a drain choice, or the run ended): an F7 feature when feat, an
 * event of the observation when w. */
static void win_close(struct wins *r, int i, uint32_t now, uint32_t end, bool feat,
		      struct obs_state *w)
{
	const struct win *x = &r->w[i];
	unsigned len2 = log2u(now - x->start);
	uint32_t a = site_id(x->a);
	if (feat && (fz.fmask & (x->store ? 1u << 7 : 1u << 8))) /* F7, F8 */
		feature_once(x->store ? 7 : 8,
			     mix64(x->store ? x->over ^ 0x80000000u : x->over & 0x7fffffffu) ^ a,
			     len2);
	struct reqsim_obs *o = w ? w->o : NULL;
	if (o && o->nwin < REQSIM_OBS_MAX) {
		if (end && !w->counting)
			w->win_step[o->nwin] = (uint16_t)w->last; /* occ_t: counted later */
		o->win[o->nwin++] = (struct reqsim_obs_win){
			.tid = (uint8_t)x->tid, .occ_t = end && w->counting ? w->occ_t : 0,
			.len2 = (uint8_t)len2, .store = x->store, .site = a,
			.over = x->over, .end = end};
	}
	r->w[i] = r->w[--r->n];
}

/* The step v shows: close the windows of the stores it made visible
 * (sim_step_flushed), open one for each store it overtook. */
static void win_step(struct sim *sim, struct wins *r, const struct step_view *v, bool feat,
		     struct obs_state *w)
{
	const struct sim_choice *c = v->c;
	if (!c || c->kind == CH_EVENT)
		return;
	uint32_t now = (uint32_t)sim_decision_count(sim);
	const struct platform_site *fl[16];
	int nfl = r->n ? sim_step_flushed(sim, fl, 16) : 0;
	for (int k = 0; k < nfl; k++)
		for (int i = r->n - 1; i >= 0; i--)
			if (r->w[i].tid == c->tid && r->w[i].a == fl[k])
				win_close(r, i, now, c->kind == CH_DRAIN ? 0 : v->id, feat, w);
	if (!v->nover)
		return;
	bool store = c->kind == CH_DRAIN;
	if (!store && !v->rf)
		return;
	uint32_t x = store ? v->id : v->ld_id ? v->ld_id : site_id(v->ld);
	for (int j = 0; j < v->nover; j++) {
		bool live = false;
		for (int i = 0; i < r->n && !live; i++)
			live = r->w[i].tid == c->tid && r->w[i].a == v->over[j] &&
			       r->w[i].over == x && r->w[i].store == store;
		if (!live && r->n < WIN_LIVE)
			r->w[r->n++] = (struct win){v->over[j], x, store, c->tid, now};
	}
}

static void wins_end(struct sim *sim, struct wins *r, bool feat, struct obs_state *w)
{
	while (r->n)
		win_close(r, r->n - 1, (uint32_t)sim_decision_count(sim), 0, feat, w);
}

static unsigned log2u(uint32_t x)
{
	unsigned l = 0;
	while (x >>= 1)
		l++;
	return l;
}

static void obs_step(struct sim *sim, struct obs_state *w, const struct step_view *v);

static void run_with_feedback(struct strategy *st, struct sim_result *res, struct obs_state *w)
{
	struct sim *sim = fz.sim;
	size_t ndec = 0;
	uint64_t prev = 0;
	int prev_kind = -1, prev_tid = -1;
	uint32_t held[F6_CONDS] = {0};
	struct wins local = {.n = 0}, *wins = w ? &w->wins : &local;
	bool fwin = fz.fmask & (1u << 7 | 1u << 8); /* F7, F8: window features */
	uint64_t f5_seen[F5_SEEN] = {0};

	sim_begin(sim, st);
	while (sim_step(sim)) {
		struct step_view v;
		step_view(sim, &v, w || fwin, fz.fmask & (1u << 4 | 1u << 5));
		if (w)
			obs_step(sim, w, &v);
		if (w || fwin)
			win_step(sim, wins, &v, fwin, w);             /* F7, F8 */
		if ((fz.fmask & (1u << 4 | 1u << 5)) && v.rf) {
			if (fz.fmask & 1u << 4) /* F4 */
				feature(4, mix64(v.ld_id), v.st_id);
			if (fz.fmask & 1u << 5) /* F5 */
				f5_pair(f5_seen, v.ld_id, v.st_id);
		}
		size_t nd = sim_decision_count(sim);
		if (nd == ndec)
			continue; /* a forced step: no interleaving choice */
		ndec = nd;
		if (fz.fmask & 1u << 6)
			partial_conditions(sim, held);                /* F6 */
		const struct sim_choice *c = &sim_decisions(sim)[nd - 1];
		uint64_t cur = fz.fmask & 1u << 1 ? token(c, v.id) : 0; /* only F1 reads it */
		if ((fz.fmask & 1u << 1) && prev_kind >= 0 &&
		    (prev_tid != c->tid || prev_kind != c->kind))
			feature(1, prev, cur);                        /* F1 */
		if (fz.fmask & 1u << 2)
			vcpu_features(sim);                           /* F2 */
		prev = cur;
		prev_kind = c->kind;
		prev_tid = c->tid;
	}
	sim_finish(sim, res);
	if (res->violated && (fz.fmask & 1u << 3))
		feature(3, (uint64_t)res->v.kind, 0);                 /* F3 */
	for (int k = 0; k < F6_CONDS; k++)
		if (held[k])
			feature_once(6, (uint64_t)k, log2u(held[k]));
	wins_end(sim, wins, fwin, w);
}

size_t reqsim_fuzz_suggested_len(void)
{
	struct strategy st;
	struct sim_result res;
	uint64_t most = 0;
	reqsim_fuzz_init();
	strategy_init(&st, ST_RANDOM, 0x5eed);
	for (uint64_t run = 0; run < 16; run++) {
		strategy_begin_run(&st, run);
		sim_run(fz.sim, &st, &res);
		if (res.decisions > most)
			most = res.decisions;
	}
	strategy_free(&st);
	size_t len = (size_t)(2 * most);
	return len < 64 ? 64 : len > 4096 ? 4096 : len;
}

/* ---- observing a run (fuzz/mutator.c) ------------------------------------------ */

static uint32_t count_up(struct obs_state *w, struct obs_count *t, uint32_t key)
{
	unsigned h = (key * 2654435761u) >> 22; /* 10 bits */
	for (unsigned i = 0; i < OBS_COUNTS; i++) {
		struct obs_count *c = &t[(h + i) % OBS_COUNTS];
		if (c->key == key || !c->key) {
			if (!c->n) /* first touch this run: obs_begin clears it */
				w->used[w->nused++] = c;
			c->key = key;
			return ++c->n;
		}
	}
	return 0; /* full: occurrence unknown */
}

static void obs_clear_counts(struct obs_state *w)
{
	while (w->nused)
		*w->used[--w->nused] = (struct obs_count){0, 0};
}

/* rf_step, win_step: where to note the steps of rf events and of the
 * windows they closed until occurrences are counted (NULL: count as the
 * run goes). */
static void obs_begin(struct obs_state *w, struct reqsim_obs *o, uint16_t *rf_step,
		      uint16_t *win_step)
{
	obs_clear_counts(w);
	o->nthreads = 0;
	o->violated = false;
	o->decisions = 0;
	o->nstep = o->ndrain = o->nrf = o->nwin = 0;
	w->o = o;
	w->rf_step = rf_step;
	w->win_step = win_step;
	w->counting = !rf_step;
	w->wins.n = 0;
	w->last = -1;
	w->occ_t = 0;
}

/* The occurrences of a step at site id by thread tid, the next in run order. */
static void occurrences(struct obs_state *w, struct reqsim_obs_ev *ev, uint32_t id, int tid)
{
	ev->occ_g = occ8(count_up(w, w->global, id));
	ev->occ_t = occ8(count_up(w, w->per_tid, id ^ (uint32_t)(tid + 1) * 0x9e3779b9u));
}

/* Count the occurrences of the steps stored so far, in run order (every
 * step counted was stored until step[] filled), and give each rf event and
 * each window closed by a step that step's; from now on counting. */
static void obs_count_stored(struct obs_state *w)
{
	struct reqsim_obs *o = w->o;
	for (size_t k = 0; k < o->nstep; k++)
		occurrences(w, &o->step[k], o->step[k].site, o->step[k].tid);
	for (size_t j = 0; j < o->nrf; j++) {
		o->rf[j].occ_g = o->step[w->rf_step[j]].occ_g;
		o->rf[j].occ_t = o->step[w->rf_step[j]].occ_t;
	}
	for (size_t j = 0; j < o->nwin; j++)
		if (o->win[j].end)
			o->win[j].occ_t = o->step[w->win_step[j]].occ_t;
	w->counting = true;
}

/* Record the step sim just took (track_rf on), as v shows it; its windows
 * are win_step's. */
static void obs_step(struct sim *sim, struct obs_state *w, const struct step_view *v)
{
	struct reqsim_obs *o = w->o;
	const struct sim_choice *c = v->c;
	uint32_t id = v->id;
	if (!c || !id)
		return;
	o->nthreads = sim_thread_count(sim);
	w->last = -1;
	if (c->kind == CH_DRAIN) {
		if (o->ndrain < REQSIM_OBS_MAX)
			o->drain[o->ndrain++] = (struct reqsim_obs_ev){
				.tid = (uint8_t)c->tid, .site = id};
		return;
	}
	if (!w->counting && o->nstep == REQSIM_OBS_MAX)
		obs_count_stored(w); /* this step would not be stored */
	struct reqsim_obs_ev ev = {.tid = (uint8_t)c->tid, .site = id};
	if (w->counting)
		occurrences(w, &ev, id, c->tid);
	w->occ_t = ev.occ_t;
	if (o->nstep < REQSIM_OBS_MAX) {
		w->last = (int)o->nstep;
		o->step[o->nstep++] = ev;
	}
	if (v->rf && v->st && o->nrf < REQSIM_OBS_MAX && v->ld_id == id) {
		ev.site2 = v->st_id;
		if (ev.site2 == id)
			return;
		if (!w->counting)
			w->rf_step[o->nrf] = (uint16_t)(o->nstep - 1);
		o->rf[o->nrf++] = ev;
	}
}

/* A whole run observed, without feedback. */
static void observe_loop(struct sim *sim, struct strategy *st, struct obs_state *w,
			 struct sim_result *res)
{
	struct step_view v;
	sim_begin(sim, st);
	while (sim_step(sim)) {
		step_view(sim, &v, true, false);
		obs_step(sim, w, &v);
		win_step(sim, &w->wins, &v, false, w);
	}
	sim_finish(sim, res);
	wins_end(sim, &w->wins, false, w);
}

static void obs_end(struct obs_state *w, const struct sim_result *res)
{
	w->o->violated = res->violated;
	w->o->decisions = res->decisions;
}

/* ---- one input ------------------------------------------------------------------ */

static void report(const struct sim_result *r)
{
	fprintf(stderr, "reqsim-fuzz: VIOLATION %s at step %llu: %s\n", sim_viol_name(r->v.kind),
		(unsigned long long)r->v.step, r->v.msg);
	fprintf(stderr, "reqsim-fuzz: config %s signature %016llx\n", fz.config,
		(unsigned long long)sim_signature(&fz.cfg, &r->v));
	fprintf(stderr, "reqsim-fuzz: replay: %s --bytes %s --save out.sched\n", fz.replay,
		fz.input_name);
	fflush(stderr);
}

/* The strategy for an input (either form); prog must outlive the run. */
static void setup_strategy(struct strategy *st, struct abs_prog *prog, struct sim *sim,
			   const uint8_t *data, size_t size)
{
	if (abs_is_abstract(data, size)) {
		char err[200];
		strategy_init(st, ST_ABSTRACT, 0);
		if (abs_parse(data, size, prog, err, sizeof(err)))
			memset(prog, 0, sizeof(*prog)); /* malformed: the default policy */
		strategy_set_abstract(st, prog, sim);
	} else {
		strategy_init(st, ST_BYTES, 0);
		strategy_set_bytes(st, data, size);
	}
	strategy_begin_run(st, 0);
}

int reqsim_fuzz_one(const uint8_t *data, size_t size)
{
	struct strategy st;
	struct sim_result res;
	struct abs_prog prog;

	reqsim_fuzz_init();
	setup_strategy(&st, &prog, fz.sim, data, size);
	fz.nfeatures = 0;
	struct obs_state *w = NULL;
	if (ro.on) { /* the mutator reads what this run shows (reqsim_fuzz_last_run) */
		ro.last = (ro.last + 1) % RO_RING;
		ro.key[ro.last].valid = false;
		obs_begin(&ro.w, &ro.obs[ro.last], ro.rf_step[ro.last], ro.win_step[ro.last]);
		w = &ro.w;
	}
	if (fz.feedback && fz.map) {
		run_with_feedback(&st, &res, w);
	} else if (w) {
		observe_loop(fz.sim, &st, w, &res);
	} else {
		sim_run(fz.sim, &st, &res);
	}
	if (w) {
		obs_end(w, &res);
		ro.key[ro.last] = (struct ro_key){reqsim_content_hash(data, size), size, true,
						  !w->counting};
	}
	strategy_free(&st);
	if (!res.violated)
		return 0;
	report(&res);
	if (fz.abort_on_violation)
		abort();
	return 1;
}

/* ---- observation (fuzz/mutator.c) ------------------------------------------------ */

void reqsim_fuzz_observe(const uint8_t *data, size_t size, struct reqsim_obs *o)
{
	static struct obs_state w;
	struct strategy st;
	struct abs_prog prog;
	struct sim_result res;

	reqsim_fuzz_init();
	if (!fz.obs_sim) {
		struct sim_config c = fz.cfg;
		c.track_rf = true;
		fz.obs_sim = sim_new(&c);
		if (!fz.obs_sim)
			config_error("cannot create the simulation (%s)", fz.config);
	}
	struct sim *sim = fz.obs_sim;
	obs_begin(&w, o, NULL, NULL);
	setup_strategy(&st, &prog, sim, data, size);
	observe_loop(sim, &st, &w, &res);
	obs_end(&w, &res);
	strategy_free(&st);
}

/* Ring slot s, its occurrences counted (once, when first read). */
static const struct reqsim_obs *ro_slot(unsigned s)
{
	struct obs_state *w = &ro.late;
	if (ro.key[s].uncounted) {
		obs_clear_counts(w);
		w->o = &ro.obs[s];
		w->rf_step = ro.rf_step[s];
		w->win_step = ro.win_step[s];
		obs_count_stored(w);
		ro.key[s].uncounted = false;
	}
	return &ro.obs[s];
}

const struct reqsim_obs *reqsim_fuzz_last_run(const uint8_t *data, size_t size)
{
	const struct ro_key *k = &ro.key[ro.last];
	if (!ro.on || !k->valid || k->size != size || k->hash != reqsim_content_hash(data, size))
		return NULL;
	return ro_slot(ro.last);
}

const struct reqsim_obs *reqsim_fuzz_recent_run(const uint8_t *data, size_t size)
{
	if (!ro.on)
		return NULL;
	uint64_t h = reqsim_content_hash(data, size);
	for (unsigned i = 0; i < RO_RING; i++) { /* the newest first */
		unsigned s = (ro.last + RO_RING - i) % RO_RING;
		if (ro.key[s].valid && ro.key[s].size == size && ro.key[s].hash == h)
			return ro_slot(s);
	}
	return NULL;
}
