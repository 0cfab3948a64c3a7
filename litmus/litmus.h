/*
 * litmus/litmus.h: C litmus tests in the format of the Linux kernel's
 * tools/memory-model (herd7's C dialect), run as scenarios on the sim.
 *
 * A file is parsed into an immutable program (struct litmus_prog) that
 * carries its own struct scenario.  Running the scenario allocates the
 * shared variables in the simulation arena, spawns one simulated thread per
 * process (P0 on cpu 0, ...) and interprets the process bodies; every
 * shared access is one platform.h primitive.  litmus_explore() enumerates
 * every schedule of one model with the dfs strategy and counts the
 * executions where the final condition's proposition holds.
 *
 * Contract:
 *  1. Bad input never crashes and never yields a verdict: litmus_load() and
 *     litmus_parse() return NULL with exactly one line "FILE:LINE: message"
 *     in err ("unsupported construct 'X'" for C the interpreter does not run,
 *     "syntax error: ..." and other messages for malformed files).
 *  2. Sizes are bounded: LITMUS_FILE_MAX bytes, LITMUS_PROCS_MAX processes,
 *     LITMUS_STMTS_MAX statements per process, LITMUS_VARS_MAX shared
 *     variables, LITMUS_DEPTH_MAX expression depth.
 *  3. The caller owns the program (litmus_free) and each outcome
 *     (litmus_outcome_free).  A program may be explored under several
 *     models, one after the other or from several sims at once.
 *  4. Counts follow herd7: pos counts the executions (here: complete
 *     schedules that survive the filter) where the proposition inside
 *     exists / ~exists / forall holds, neg those where it does not; the
 *     Observation verdict is Never (pos == 0), Always (neg == 0) or
 *     Sometimes.  So "~exists P" is validated when the verdict is Never.
 */
#ifndef REQSIM_LITMUS_H
#define REQSIM_LITMUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "scenarios.h"

#define LITMUS_FILE_MAX (1u << 20)
#define LITMUS_PROCS_MAX 8
#define LITMUS_STMTS_MAX 64
#define LITMUS_VARS_MAX 32
#define LITMUS_REGS_MAX 16 /* per process */
#define LITMUS_DEPTH_MAX 32
#define LITMUS_BUDGET_DEFAULT 2000000ULL

struct litmus_prog;

#define LITMUS_RESULT_MAX 16

/* Read and parse path.  NULL on error, with "PATH:LINE: message" in err.
 * result (NULL, or LITMUS_RESULT_MAX bytes) receives the Result: word even
 * when the file fails later ("" if none was seen). */
struct litmus_prog *litmus_load(const char *path, char *result, char *err, size_t errlen);
/* Parse text[0..len) (need not be NUL-terminated); path names it in
 * messages and call sites and must outlive the program. */
struct litmus_prog *litmus_parse(const char *path, const char *text, size_t len,
				 char *result, char *err, size_t errlen);
void litmus_free(struct litmus_prog *p);

const char *litmus_name(const struct litmus_prog *p);
/* The first word after "Result:" in the header comment, or NULL. */
const char *litmus_result(const struct litmus_prog *p);
/* The scenario that runs the program (for sim_new, tests, traces). */
const struct scenario *litmus_scenario(const struct litmus_prog *p);

/* What exhaustive enumeration of one model found. */
struct litmus_outcome {
	int model;
	uint64_t schedules; /* complete runs executed */
	uint64_t pos, neg;  /* surviving executions: proposition holds / not */
	uint64_t filtered;  /* discarded by the filter clause */
	uint64_t blocked;   /* discarded: a process blocked forever on a lock */
	uint64_t races;     /* executions with a data race (plain accesses) */
	bool complete;      /* every schedule was enumerated (budget not hit) */
	/* Program variants run (load buffering, litmus/reorder.c; 1: the
	 * program alone), and whether more existed than were run. */
	uint64_t variants;
	bool variants_truncated;
	/* Distinct final states over the displayed locations (the condition's
	 * and the locations clause's); at most LITMUS_STATES_MAX are kept. */
	size_t nstates, width;
	int64_t *vals;   /* nstates * width values */
	uint8_t *isvar;  /* 1: the value is a variable's address (var index) */
	bool states_truncated;
	uint32_t *slots; /* hash index, internal */
	size_t nslots;
	/* The first execution that decides the test (the proposition holds for
	 * exists and ~exists, fails for forall): its schedule number and
	 * recorded decisions, NULL if there is none. */
	uint64_t witness_run;
	uint64_t witness_variant; /* the program variant it ran (0: as written) */
	struct sim_choice *witness;
	size_t nwitness;
};
#define LITMUS_STATES_MAX 4096

/* Enumerate every schedule of p under model (dfs, with partial-order
 * reduction unless reduce is false: brute force, for comparison), at most
 * budget of them.  switch_impl < 0: the default context switch.  Returns 0, or -1 with
 * "PATH:LINE: message" in err (a runtime error such as a dereference of a
 * register that holds no shared address, or an unlock of a lock the
 * process does not hold).  o is valid (and must be freed) either way. */
int litmus_explore(const struct litmus_prog *p, int model, uint64_t budget,
		   int switch_impl, bool reduce, struct litmus_outcome *o, char *err,
		   size_t errlen);
void litmus_outcome_free(struct litmus_outcome *o);

/* Replay o's witness with a trace and write it (text, one column per
 * process, each access labelled with its litmus line and statement).
 * Returns 0, or -1 with a message in err (no witness, replay diverged). */
int litmus_witness(const struct litmus_prog *p, const struct litmus_outcome *o,
		   int switch_impl, FILE *out, char *err, size_t errlen);

/* NEVER, SOMETIMES or ALWAYS (enum verdict) of the proposition. */
int litmus_verdict(const struct litmus_outcome *o);
/* The herd7 validation: exists P -> pos > 0, ~exists P -> pos == 0,
 * forall P -> neg == 0. */
bool litmus_validated(const struct litmus_prog *p, const struct litmus_outcome *o);
/* Does o agree with the file's Result: line?  1 yes, 0 no, -1 nothing to
 * compare (no Result:, or a word other than Never/Sometimes/Always/DEADLOCK;
 * DEADLOCK means no execution at all survives: Never 0 0). */
int litmus_agrees(const struct litmus_prog *p, const struct litmus_outcome *o);

/* The herd7-style block for one model: Test, States, Ok/No, Witnesses,
 * Condition, Observation, Schedules, Time. */
void litmus_report(FILE *out, const struct litmus_prog *p, const struct litmus_outcome *o,
		   bool show_states, double seconds);

/* One file as reqsim litmus runs it: what the summary table shows. */
struct litmus_row {
	const char *path;
	char result[LITMUS_RESULT_MAX];
	char err[512];
	bool failed;
	bool ran[MODEL_COUNT], complete[MODEL_COUNT];
	int verdict[MODEL_COUNT], agree[MODEL_COUNT];
	bool race[MODEL_COUNT]; /* some execution has a data race ("!" in the summary) */
	double seconds;
};

/* How reqsim litmus runs a file. */
struct litmus_run_opts {
	int only;        /* one model, or -1: every model */
	uint64_t budget; /* schedules per model */
	int sw;          /* context switch, -1: the default */
	bool quiet;      /* no list of final states */
	bool witness;    /* print the witness interleaving */
	bool no_reduction; /* brute force instead of DPOR (for comparison) */
};
/* Run path under every model (o->only >= 0: that one alone), at most
 * o->budget schedules each: print each model's block on stdout, fill row.  A
 * failure prints one line "reqsim: FILE:LINE: message" on stderr and sets
 * row->failed; row->path is path (not copied). */
void litmus_run_file(const char *path, const struct litmus_run_opts *o,
		     struct litmus_row *row);
/* The summary table of rows on stdout: verdict per model, agreement of the
 * reference model ref with Result:, failures counted by kind (syntax error,
 * unsupported construct, other) and grouped by message, total seconds. */
void litmus_summary(const struct litmus_row *rows, size_t n, int only, int ref, double total);

/* Every regular file named *.litmus below dir (recursively; symbolic links
 * to directories are not followed), sorted by path.  Returns 0, or -1 with
 * a message in err.  The caller frees (*paths)[i] and *paths. */
int litmus_collect(const char *dir, char ***paths, size_t *n, char *err, size_t errlen);

#endif
