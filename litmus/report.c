/*
 * litmus/report.c: what reqsim litmus prints: the herd7-style block of one
 * file and model (Test, States (sorted), Ok/No, Witnesses, Condition,
 * Observation, Schedules, Time), and the summary table over many files
 * (verdict per model, agreement with each file's Result:, failures).
 *
 * Invariants:
 *  1. Output is a function of the program and the outcome (and the times
 *     given): states are sorted, so the block does not depend on the order
 *     in which schedules were enumerated.
 *  2. Positive/Negative count as herd7 does: for ~exists they are swapped
 *     relative to Observation's pos/neg.
 *  3. The summary tells failures apart by the message contract of litmus.h:
 *     "syntax error: ...", "unsupported construct ...", anything else.
 *     A verdict is decided when the enumeration was complete or it is
 *     Sometimes (more schedules cannot undo an observed execution).
 */
#include <inttypes.h>
#include <limits.h>
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
	if (o->races)
		fprintf(out, "Flag data-race\n");
	fprintf(out, "Observation %s %s %" PRIu64 " %" PRIu64 "\n", p->name,
		verdict_name(litmus_verdict(o)), o->pos, o->neg);
	fprintf(out, "Schedules %" PRIu64 " (%s; filtered %" PRIu64 ", blocked %" PRIu64 ")\n",
		o->schedules,
		o->complete ? "complete"
		: o->variants_truncated ? "incomplete: too many reordered variants"
					: "incomplete: budget reached",
		o->filtered, o->blocked);
	if (o->variants > 1) /* load buffering (reorder.c) */
		fprintf(out, "Variants %" PRIu64 " (independent loads and later stores swapped)\n",
			o->variants);
	fprintf(out, "Time %s %.2f\n\n", p->name, seconds);
}

/* ---- the summary table -------------------------------------------------------------- */

/* Split a row's "PATH:LINE: message" (or "PATH: message"): the message, and
 * the line (0 if none). */
static const char *err_msg(const struct litmus_row *r, int *line)
{
	size_t n = strlen(r->path);
	const char *e = r->err;
	*line = 0;
	if (strncmp(e, r->path, n) || e[n] != ':')
		return e;
	e += n + 1;
	if (*e >= '0' && *e <= '9') {
		char *end;
		long l = strtol(e, &end, 10);
		if (end[0] == ':' && end[1] == ' ' && l > 0 && l < INT_MAX) {
			*line = (int)l;
			return end + 2;
		}
	}
	while (*e == ' ')
		e++;
	return e;
}

static void print_err(const struct litmus_row *r)
{
	int line;
	const char *msg = err_msg(r, &line);
	if (line)
		printf("  ERROR line %d: %s", line, msg);
	else
		printf("  ERROR %s", msg);
}

/* What kind of failure a row has, by the contract of litmus.h. */
enum fail_kind { FAIL_SYNTAX, FAIL_UNSUPPORTED, FAIL_OTHER, FAIL_KINDS };

static int fail_kind(const struct litmus_row *r)
{
	static const char syntax[] = "syntax error", unsupported[] = "unsupported construct";
	int line;
	const char *msg = err_msg(r, &line);
	if (!strncmp(msg, syntax, sizeof(syntax) - 1))
		return FAIL_SYNTAX;
	if (!strncmp(msg, unsupported, sizeof(unsupported) - 1))
		return FAIL_UNSUPPORTED;
	return FAIL_OTHER;
}

static bool decided(const struct litmus_row *r, int m)
{
	return r->complete[m] || r->verdict[m] == SOMETIMES;
}

/* Failures grouped by message, in order of first appearance. */
static void print_failures(const struct litmus_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t count = 0;
		bool seen = false;
		int line;
		if (!rows[i].failed)
			continue;
		const char *msg = err_msg(&rows[i], &line);
		for (size_t j = 0; j < n && !seen; j++) {
			if (!rows[j].failed || strcmp(msg, err_msg(&rows[j], &line)))
				continue;
			seen = j < i;
			count++;
		}
		if (!seen)
			printf("  failed: %zu x %s\n", count, msg);
	}
}

static void print_agreement(const struct litmus_row *rows, size_t n, int only, int ref)
{
	printf("agreement with Result: (decided verdicts of the files that ran and "
	       "have a comparable Result:)\n");
	for (int m = 0; m < MODEL_COUNT; m++) {
		size_t yes = 0, cmp = 0, undecided = 0;
		if (only >= 0 && m != only)
			continue;
		for (size_t i = 0; i < n; i++) {
			const struct litmus_row *r = &rows[i];
			if (r->failed || !r->ran[m] || r->agree[m] < 0)
				continue;
			if (!decided(r, m)) {
				undecided++;
				continue;
			}
			cmp++;
			yes += r->agree[m] == 1;
		}
		printf("  %-5s %zu/%zu agree%s", sim_model_name(m), yes, cmp,
		       m == ref ? " (reference)" : "");
		if (undecided)
			printf(", %zu undecided (budget)", undecided);
		printf("\n");
	}
}

void litmus_summary(const struct litmus_row *rows, size_t n, int only, int ref, double total)
{
	int w = 4;
	size_t failed = 0;
	char v[32];
	for (size_t i = 0; i < n; i++)
		if ((int)strlen(rows[i].path) > w)
			w = (int)strlen(rows[i].path);
	printf("Summary: verdict per model; 'agree' compares the reference model (%s) "
	       "with Result:; '?' marks an incomplete enumeration, '!' a data race\n",
	       sim_model_name(ref));
	printf("%-*s  %-9s", w, "file", "Result:");
	for (int m = 0; m < MODEL_COUNT; m++)
		if (only < 0 || m == only)
			printf("  %-10s", sim_model_name(m));
	printf("  %-5s  %s\n", "agree", "time");
	for (size_t i = 0; i < n; i++) {
		const struct litmus_row *r = &rows[i];
		failed += r->failed;
		printf("%-*s  %-9s", w, r->path, r->result);
		if (r->failed && !r->ran[ref]) {
			print_err(r);
			printf("\n");
			continue;
		}
		for (int m = 0; m < MODEL_COUNT; m++) {
			if (only >= 0 && m != only)
				continue;
			snprintf(v, sizeof(v), "%s%s%s", r->ran[m] ? verdict_name(r->verdict[m]) : "-",
				 !r->ran[m] || decided(r, m) ? "" : "?", r->race[m] ? "!" : "");
			printf("  %-10s", v);
		}
		const char *agree = r->agree[ref] < 0 ? "-" : !decided(r, ref) ? "?"
				    : r->agree[ref] ? "yes" : "NO";
		printf("  %-5s  %.2fs", agree, r->seconds);
		if (r->failed)
			print_err(r);
		printf("\n");
	}
	size_t kinds[FAIL_KINDS] = {0};
	for (size_t i = 0; i < n; i++)
		if (rows[i].failed)
			kinds[fail_kind(&rows[i])]++;
	printf("%zu file(s): %zu ran, %zu failed", n, n - failed, failed);
	if (failed)
		printf(" (%zu syntax error%s, %zu unsupported, %zu other error%s)",
		       kinds[FAIL_SYNTAX], kinds[FAIL_SYNTAX] == 1 ? "" : "s", kinds[FAIL_UNSUPPORTED],
		       kinds[FAIL_OTHER], kinds[FAIL_OTHER] == 1 ? "" : "s");
	printf("\n");
	print_failures(rows, n);
	print_agreement(rows, n, only, ref);
	printf("total time %.2fs\n", total);
}
