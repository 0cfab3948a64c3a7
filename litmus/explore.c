/*
 * litmus/explore.c: every schedule of a program under one memory model,
 * enumerated with the dfs strategy (and its partial-order reduction), with
 * herd7's counts: executions where the proposition holds (pos) or not
 * (neg), filtered and blocked ones, the distinct final states, and the
 * first deciding execution kept as a witness to replay with a trace.
 * Also the verdicts derived from an outcome.
 *
 * Invariants:
 *  1. Nothing here names a memory model: exploration takes the model as a
 *     number, and the caller loops over MODEL_COUNT.
 *  2. At most budget schedules; o->complete says whether the enumeration
 *     ended on its own.  At most LITMUS_STATES_MAX final states are kept.
 *  3. A run that fails (runtime error, violation, no quiescence) ends the
 *     exploration with one line "FILE:LINE: message"; a run cut by the
 *     reduction counts as a schedule and nothing else.
 */
#include <inttypes.h>
#include <stdlib.h>

#include "litmus_internal.h"
#include "strategy.h"

static uint64_t key_hash(const int64_t *k, const uint8_t *a, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < n; i++) {
		h = (h ^ (uint64_t)k[i]) * 0x100000001b3ULL;
		h = (h ^ a[i]) * 0x100000001b3ULL;
	}
	return h ^ (h >> 31);
}

static bool add_state(struct litmus_outcome *o, const int64_t *k, const uint8_t *a)
{
	size_t w = o->width;
	if (!o->slots) {
		o->nslots = 2 * LITMUS_STATES_MAX;
		o->slots = calloc(o->nslots, sizeof(*o->slots));
		o->vals = calloc(LITMUS_STATES_MAX, (w ? w : 1) * sizeof(*o->vals));
		o->isvar = calloc(LITMUS_STATES_MAX, w ? w : 1);
		if (!o->slots || !o->vals || !o->isvar)
			return false;
	}
	size_t h = (size_t)key_hash(k, a, w) & (o->nslots - 1);
	for (;; h = (h + 1) & (o->nslots - 1)) {
		uint32_t s = o->slots[h];
		if (!s)
			break;
		if (!memcmp(o->vals + (s - 1) * w, k, w * sizeof(*k)) &&
		    !memcmp(o->isvar + (s - 1) * w, a, w))
			return true;
	}
	if (o->nstates == LITMUS_STATES_MAX) {
		o->states_truncated = true;
		return true;
	}
	memcpy(o->vals + o->nstates * w, k, w * sizeof(*k));
	memcpy(o->isvar + o->nstates * w, a, w);
	o->slots[h] = (uint32_t)++o->nstates;
	return true;
}

static bool keep_witness(struct litmus_outcome *o, const struct sim *sim)
{
	size_t n = sim_decision_count(sim);
	o->witness = malloc((n ? n : 1) * sizeof(*o->witness));
	if (!o->witness)
		return false;
	if (n) /* a one-process test may decide nothing (no decision array) */
		memcpy(o->witness, sim_decisions(sim), n * sizeof(*o->witness));
	o->nwitness = n;
	o->witness_run = o->schedules;
	return true;
}

/* Count one finished run r of sim into o.  Returns 0, or -1 with a message
 * in err: a runtime error of the program, a violation, no quiescence, or
 * out of memory. */
static int count_run(const struct litmus_prog *p, struct sim *sim, const struct sim_result *r,
		     struct litmus_outcome *o, char *err, size_t errlen)
{
	const struct lf_state *s = sim_state(sim);
	int model = o->model, rc = 0;
	if (s->failed) {
		snprintf(err, errlen, "%s:%d: %s (model %s, schedule %" PRIu64 ")", p->path,
			 s->err_line, s->err, sim_model_name(model), o->schedules);
		return -1;
	}
	if (r->violated) {
		int line = r->v.nsites && r->v.sites[0] ? r->v.sites[0]->line : p->procs[0].line;
		snprintf(err, errlen, "%s:%d: %s: %s (model %s, schedule %" PRIu64 ")", p->path,
			 line, sim_viol_name(r->v.kind), r->v.msg, sim_model_name(model),
			 o->schedules);
		return -1;
	}
	if (r->aborted) /* cut by partial-order reduction: equivalent to a
			 * schedule explored before (sim/dpor.c) */
		return 0;
	if (!s->done) {
		snprintf(err, errlen, "%s:%d: the run ended before quiescence (model %s)",
			 p->path, p->procs[0].line, sim_model_name(model));
		return -1;
	}
	if (s->racy)
		o->races++;
	if (s->blocked) {
		o->blocked++;
		return 0;
	}
	if (s->filtered) {
		o->filtered++;
		return 0;
	}
	if (s->holds)
		o->pos++;
	else
		o->neg++;
	if (!o->witness && s->holds == (p->quant != Q_FORALL) && !keep_witness(o, sim)) {
		snprintf(err, errlen, "%s: out of memory", p->path);
		rc = -1;
	}
	if (!add_state(o, s->key, s->key_var)) {
		snprintf(err, errlen, "%s: out of memory", p->path);
		rc = -1;
	}
	return rc;
}

/* Every schedule of one program (variant) into o; 1 if it ended on its
 * own, 0 if the budget ran out, -1 on a failed run (message in err). */
static int explore_variant(const struct litmus_prog *p, uint64_t variant, uint64_t budget,
			   int switch_impl, bool reduce, struct litmus_outcome *o, char *err,
			   size_t errlen)
{
	struct sim_config cfg;
	struct strategy st;
	struct sim_result r;
	int rc = 0;
	bool had_witness = o->witness != NULL;

	sim_config_defaults(&cfg, &p->sc);
	cfg.model = o->model;
	if (switch_impl >= 0)
		cfg.switch_impl = switch_impl;
	struct sim *sim = sim_new(&cfg);
	strategy_init(&st, ST_DFS, 0);
	if (!reduce) {
		struct dpor_opts d = {.reduce = false, .preemptions = -1};
		strategy_set_dfs(&st, &d);
	}
	for (;;) {
		if (o->schedules >= budget)
			break;
		strategy_begin_run(&st, o->schedules);
		sim_run(sim, &st, &r);
		o->schedules++;
		if ((rc = count_run(p, sim, &r, o, err, errlen))) {
			rc = -1;
			break;
		}
		if (!had_witness && o->witness) {
			o->witness_variant = variant;
			had_witness = true;
		}
		if (!strategy_dfs_next(&st)) {
			rc = 1;
			break;
		}
	}
	strategy_free(&st);
	sim_free(sim);
	return rc;
}

int litmus_explore(const struct litmus_prog *p, int model, uint64_t budget,
		   int switch_impl, bool reduce, struct litmus_outcome *o, char *err,
		   size_t errlen)
{
	int rc = 0;
	memset(o, 0, sizeof(*o));
	o->model = model;
	o->width = (size_t)p->ndisp;
	struct lf_variants *v = lf_variants_new(p, sim_model_load_buffering(model));
	if (!v) {
		snprintf(err, errlen, "%s: out of memory", p->path);
		return -1;
	}
	o->variants = lf_variants_count(v);
	o->variants_truncated = lf_variants_truncated(v);
	bool complete = true;
	for (uint64_t n = 0; n < o->variants && complete; n++) {
		struct litmus_prog *q = n ? lf_variant(p, v, n) : NULL;
		if (n && !q) {
			snprintf(err, errlen, "%s: out of memory", p->path);
			rc = -1;
			break;
		}
		rc = explore_variant(n ? q : p, n, budget, switch_impl, reduce, o, err, errlen);
		free(q);
		if (rc < 0)
			break;
		complete = rc == 1;
		rc = 0;
	}
	o->complete = complete && rc == 0 && !o->variants_truncated;
	if (rc)
		lf_one_line(err);
	lf_variants_free(v);
	return rc;
}

void litmus_outcome_free(struct litmus_outcome *o)
{
	free(o->slots);
	free(o->vals);
	free(o->isvar);
	free(o->witness);
	o->slots = NULL;
	o->vals = NULL;
	o->isvar = NULL;
	o->witness = NULL;
}

int litmus_witness(const struct litmus_prog *p, const struct litmus_outcome *o,
		   int switch_impl, FILE *out, char *err, size_t errlen)
{
	struct sim_config cfg;
	struct strategy st;
	struct sim_result r;
	char outcome[1024];
	if (!o->witness) {
		snprintf(err, errlen, "%s: no execution %s the condition under %s", p->path,
			 p->quant == Q_FORALL ? "falsifies" : "satisfies", sim_model_name(o->model));
		return -1;
	}
	char reorder[512] = "";
	struct litmus_prog *q = NULL;
	if (o->witness_variant) {
		struct lf_variants *v = lf_variants_new(p, sim_model_load_buffering(o->model));
		q = v ? lf_variant(p, v, o->witness_variant) : NULL;
		if (q)
			lf_variant_describe(p, v, o->witness_variant, reorder, sizeof(reorder));
		lf_variants_free(v);
		if (!q) {
			snprintf(err, errlen, "%s: out of memory", p->path);
			return -1;
		}
		p = q;
	}
	sim_config_defaults(&cfg, &p->sc);
	cfg.model = o->model;
	cfg.trace = true;
	if (switch_impl >= 0)
		cfg.switch_impl = switch_impl;
	struct sim *sim = sim_new(&cfg);
	strategy_init(&st, ST_REPLAY, 0);
	strategy_set_replay(&st, o->witness, o->nwitness);
	strategy_begin_run(&st, 0);
	sim_run(sim, &st, &r);
	int rc = 0;
	if (r.aborted || st.pos != o->nwitness) {
		snprintf(err, errlen, "%s: the witness did not replay (%s)", p->path,
			 st.error[0] ? st.error : "diverged");
		rc = -1;
	} else {
		sim_outcome(sim, outcome, sizeof(outcome));
		fprintf(out, "Witness %s model=%s schedule %" PRIu64 ": %s\n", p->name,
			sim_model_name(o->model), o->witness_run, outcome);
		if (reorder[0]) /* load buffering: the program variant it ran */
			fprintf(out, "Reordered (independent load and store): %s\n", reorder);
		sim_trace_write(sim, out, TRACE_TEXT);
		fprintf(out, "\n");
	}
	strategy_free(&st);
	sim_free(sim);
	free(q);
	return rc;
}

int litmus_verdict(const struct litmus_outcome *o)
{
	return o->pos == 0 ? NEVER : o->neg == 0 ? ALWAYS : SOMETIMES;
}

bool litmus_validated(const struct litmus_prog *p, const struct litmus_outcome *o)
{
	switch (p->quant) {
	case Q_EXISTS: return o->pos > 0;
	case Q_NOT_EXISTS: return o->pos == 0;
	default: return o->neg == 0;
	}
}

int litmus_agrees(const struct litmus_prog *p, const struct litmus_outcome *o)
{
	static const char *const words[] = {"Never", "Sometimes", "Always"};
	static const int verdicts[] = {NEVER, SOMETIMES, ALWAYS};
	if (!p->result[0])
		return -1;
	if (!strcmp(p->result, "DEADLOCK"))
		return o->pos == 0 && o->neg == 0;
	for (int i = 0; i < 3; i++)
		if (!strcmp(p->result, words[i]))
			return litmus_verdict(o) == verdicts[i];
	return -1;
}
