/*
 * litmus/report.c: the herd7-style block that reqsim litmus prints for one
 * file and model: Test, States (sorted), Ok/No, Witnesses, Condition,
 * Observation, Schedules, Time.
 *
 * Invariants:
 *  1. Output is a function of the program and the outcome (and the time
 *     given): states are sorted, so the block does not depend on the order
 *     in which schedules were enumerated.
 *  2. Positive/Negative count as herd7 does: for ~exists they are swapped
 *     relative to Observation's pos/neg.
 */
#include <inttypes.h>
#include <stdlib.h>

#include "litmus_internal.h"

struct state_row {
	const int64_t *k;
	const uint8_t *a;
	size_t w;
};

static int row_cmp(const void *x, const void *y)
{
	const struct state_row *a = x, *b = y;
	for (size_t i = 0; i < a->w; i++) {
		if (a->a[i] != b->a[i])
			return a->a[i] < b->a[i] ? -1 : 1;
		if (a->k[i] != b->k[i])
			return a->k[i] < b->k[i] ? -1 : 1;
	}
	return 0;
}

void litmus_report(FILE *out, const struct litmus_prog *p, const struct litmus_outcome *o,
		   bool show_states, double seconds)
{
	fprintf(out, "Test %s model=%s\n", p->name, sim_model_name(o->model));
	if (show_states) {
		fprintf(out, "States %zu%s\n", o->nstates,
			o->states_truncated ? " (more not kept)" : "");
		struct state_row *rows = calloc(o->nstates ? o->nstates : 1, sizeof(*rows));
		for (size_t i = 0; rows && i < o->nstates; i++)
			rows[i] = (struct state_row){o->vals + i * o->width,
						     o->isvar + i * o->width, o->width};
		if (rows && o->nstates)
			qsort(rows, o->nstates, sizeof(*rows), row_cmp);
		for (size_t i = 0; rows && i < o->nstates; i++) {
			char line[LF_DISP_MAX * 96];
			lf_format_state(p, rows[i].k, rows[i].a, line, sizeof(line));
			fprintf(out, "%s\n", line);
		}
		free(rows);
	}
	fprintf(out, "%s\n", litmus_validated(p, o) ? "Ok" : "No");
	fprintf(out, "Witnesses\nPositive: %" PRIu64 " Negative: %" PRIu64 "\n",
		p->quant == Q_NOT_EXISTS ? o->neg : o->pos,
		p->quant == Q_NOT_EXISTS ? o->pos : o->neg);
	fprintf(out, "Condition %s\n", p->cond_text);
	fprintf(out, "Observation %s %s %" PRIu64 " %" PRIu64 "\n", p->name,
		verdict_name(litmus_verdict(o)), o->pos, o->neg);
	fprintf(out, "Schedules %" PRIu64 " (%s; filtered %" PRIu64 ", blocked %" PRIu64 ")\n",
		o->schedules, o->complete ? "complete" : "incomplete: budget reached",
		o->filtered, o->blocked);
	fprintf(out, "Time %s %.2f\n\n", p->name, seconds);
}
