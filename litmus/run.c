/*
 * litmus/run.c: one litmus file under every memory model (or one), as
 * reqsim litmus runs it: load, explore each model, print its herd7-style
 * block (and witness), and keep what the summary table needs in a row.
 *
 * Invariants:
 *  1. A file that fails (load, exploration or witness) prints one line
 *     "reqsim: FILE:LINE: message" on stderr, after what stdout already
 *     holds, and is marked failed; the models after the failure do not run.
 *  2. Times are wall-clock, for the report only; nothing else depends on them.
 */
#define _GNU_SOURCE
#include <time.h>

#include "litmus_internal.h"

static double now_s(void)
{
	struct timespec ts; /* wall clock for reporting only */
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void row_fail(struct litmus_row *row, const char *err)
{
	fflush(stdout);
	fprintf(stderr, "reqsim: %s\n", err);
	snprintf(row->err, sizeof(row->err), "%s", err);
	row->failed = true;
}

void litmus_run_file(const char *path, const struct litmus_run_opts *ro,
		     struct litmus_row *row)
{
	char err[512];
	double t0 = now_s();
	row->path = path;
	struct litmus_prog *p = litmus_load(path, row->result, err, sizeof(err));
	if (!row->result[0])
		snprintf(row->result, sizeof(row->result), "-");
	if (!p) {
		row_fail(row, err);
		row->seconds = now_s() - t0;
		return;
	}
	for (int m = 0; m < MODEL_COUNT; m++) {
		struct litmus_outcome o;
		if (ro->only >= 0 && m != ro->only)
			continue;
		double tm = now_s();
		int rc = litmus_explore(p, m, ro->budget, ro->sw, !ro->no_reduction, &o, err,
					sizeof(err));
		if (rc) {
			litmus_outcome_free(&o);
			row_fail(row, err);
			break;
		}
		litmus_report(stdout, p, &o, !ro->quiet, now_s() - tm);
		if (ro->witness && o.witness &&
		    litmus_witness(p, &o, ro->sw, stdout, err, sizeof(err))) {
			litmus_outcome_free(&o);
			row_fail(row, err);
			break;
		}
		row->ran[m] = true;
		row->complete[m] = o.complete;
		row->verdict[m] = litmus_verdict(&o);
		row->race[m] = o.races > 0;
		row->agree[m] = litmus_agrees(p, &o);
		litmus_outcome_free(&o);
	}
	fflush(stdout);
	litmus_free(p);
	row->seconds = now_s() - t0;
}
