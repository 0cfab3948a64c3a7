/*
 * sim/minimize.c: ddmin over a failing schedule (contract in sim/explore.h,
 * sim_minimize).
 *
 * The schedule is a list of wanted choices run by the guided strategy: a
 * wanted choice is taken when it is enabled, otherwise the default policy's.
 * ddmin removes chunks of the list while the same violation (kind and
 * signature) still fires, halving the chunk size down to single choices.
 *
 * Invariants:
 *  1. The list only shrinks, and every accepted list shows the violation.
 *  2. The result is 1-minimal: removing any single remaining choice loses it.
 *  3. The sim ends holding the final guided run, whose full decision list
 *     is what gets saved (a strict schedule, not the guided list).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "explore.h"

struct mini {
	struct sim *sim;
	uint64_t sig;
	int kind;
	uint64_t runs;
};

static void shape_of(const struct sim *sim, const struct sim_result *r,
		     struct sched_shape *s)
{
	const struct sim_choice *d = sim_decisions(sim);
	int last = -1;
	memset(s, 0, sizeof(*s));
	s->decisions = sim_decision_count(sim);
	s->steps = r->steps;
	for (size_t i = 0; i < s->decisions; i++) {
		if (d[i].kind == CH_STEP) {
			if (last >= 0 && d[i].tid != last && !sim_thread_done(sim, last))
				s->preemptions++;
			last = d[i].tid;
		} else if (d[i].kind == CH_DRAIN && (d[i].arg & 0xffffu)) /* an out-of-order entry */ {
			s->ooo_drains++;
		}
	}
}

static void run_list(struct sim *sim, int kind, const struct sim_choice *want, size_t n,
		     struct strategy *st, struct sim_result *r)
{
	strategy_init(st, kind, 0);
	strategy_set_replay(st, want, n);
	strategy_begin_run(st, 0);
	sim_run(sim, st, r);
}

/* Does the guided run of want[0..n) still give the same violation? */
static bool mini_test(struct mini *m, const struct sim_choice *want, size_t n)
{
	struct strategy st;
	struct sim_result r;
	run_list(m->sim, ST_GUIDED, want, n, &st, &r);
	strategy_free(&st);
	m->runs++;
	return r.violated && r.v.kind == m->kind &&
	       sim_signature(sim_config(m->sim), &r.v) == m->sig;
}

/* Removes one chunk of cur[0..*n) that keeps the violation, if any. */
static bool ddmin_pass(struct mini *m, struct sim_choice *cur, size_t *n, size_t chunk,
		       struct sim_choice *tmp)
{
	for (size_t start = 0; start < *n; start += chunk) {
		size_t end = start + chunk < *n ? start + chunk : *n, k = 0;
		for (size_t i = 0; i < *n; i++)
			if (i < start || i >= end)
				tmp[k++] = cur[i];
		if (mini_test(m, tmp, k)) {
			memcpy(cur, tmp, k * sizeof(*cur));
			*n = k;
			return true;
		}
	}
	return false;
}

/* ddmin: the new length of cur, or SIZE_MAX when out of memory. */
static size_t ddmin(struct mini *m, struct sim_choice *cur, size_t n)
{
	struct sim_choice *tmp = malloc((n + 1) * sizeof(*tmp));
	size_t parts = 2;
	if (!tmp)
		return SIZE_MAX;
	while (n >= 1) {
		size_t chunk = (n + parts - 1) / parts;
		if (ddmin_pass(m, cur, &n, chunk, tmp)) {
			parts = parts > 2 ? parts - 1 : 2;
		} else {
			if (chunk == 1)
				break;
			parts = parts * 2 < n ? parts * 2 : n;
		}
	}
	free(tmp);
	return n;
}

int sim_minimize(struct sim *sim, struct sim_choice *choices, size_t n,
		 struct minimize_result *out, char *err, size_t errlen)
{
	struct strategy st;
	struct sim_result res;
	memset(out, 0, sizeof(*out));
	run_list(sim, ST_REPLAY, choices, n, &st, &res);
	if (res.aborted) {
		snprintf(err, errlen, "%s", st.error);
		strategy_free(&st);
		return -1;
	}
	strategy_free(&st);
	if (!res.violated) {
		snprintf(err, errlen, "the schedule does not violate anything: nothing to minimize");
		return -1;
	}
	shape_of(sim, &res, &out->before);
	out->before.decisions = n;
	struct mini m = {sim, sim_signature(sim_config(sim), &res.v), res.v.kind, 0};
	size_t left = ddmin(&m, choices, n);
	if (left == SIZE_MAX) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	run_list(sim, ST_GUIDED, choices, left, &st, &res);
	strategy_free(&st);
	if (!res.violated || sim_signature(sim_config(sim), &res.v) != m.sig) {
		snprintf(err, errlen, "minimisation lost the violation (a bug in minimize)");
		return -1;
	}
	shape_of(sim, &res, &out->after);
	out->forced = left;
	out->sig = m.sig;
	out->test_runs = m.runs;
	out->res = res;
	return 0;
}
