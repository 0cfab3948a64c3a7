/*
 * fuzz/harness.h: the one fuzz harness body, linked three ways
 * (libfuzzer_main.c, afl_main.c, replay_main.c).
 *
 * Contract:
 *  1. The configuration (scenario, parameters, model, arch, bugs) is fixed per
 *     process, read once from the environment by reqsim_fuzz_init():
 *       REQSIM_FUZZ_SCENARIO  scenario name            (default dekker)
 *       REQSIM_FUZZ_MODEL     sc|tso|pso|wmm           (default tso)
 *       REQSIM_FUZZ_ARCH      x86|arm64                (default x86; one the
 *                             scenario runs on, see 'reqsim list scenarios')
 *       REQSIM_FUZZ_BUGS      comma list of bug names  (default none)
 *       REQSIM_FUZZ_PARAMS    "name=value name=value"  (default none)
 *       REQSIM_FUZZ_FEEDBACK  0 turns interleaving feedback off at run time,
 *                             "f1,f4" keeps only those feature classes,
 *                             "auto" the abstract form's (harness.c); unset
 *                             or 1: f1..f4
 *     A bad configuration is one line on stderr and exit 2.
 *  2. The input bytes are the schedule: an abstract schedule when they start
 *     with "RQA1" (sim/abstract.h; malformed: the default policy), else
 *     strategy "bytes" (one decision per byte, value mod the number of
 *     choices, then the default policy).  Every input runs; none is refused.
 *  3. Nothing survives between inputs except the one struct sim, which every
 *     run resets (sim_begin()), and the feature map, which the engine owns.
 *  4. On a violation the harness prints the replay identity (configuration and
 *     the `reqsim run ... --bytes FILE --save OUT.sched` command) on stderr,
 *     then aborts unless reqsim_fuzz_set_abort(false) was called.
 */
#ifndef REQSIM_FUZZ_HARNESS_H
#define REQSIM_FUZZ_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Compiled-in defaults of a target (fuzz/build.sh), used where the
 * environment sets nothing; call before reqsim_fuzz_init().  NULL keeps the
 * built-in default. */
void reqsim_fuzz_set_defaults(const char *scenario, const char *model, const char *arch,
			      const char *params, const char *bugs);

/* Read the configuration from the environment and create the sim.  Idempotent;
 * exits 2 with one line on stderr on a bad configuration. */
void reqsim_fuzz_init(void);

/* Run one input.  Returns 1 if it violated (only when aborting is off), else 0. */
int reqsim_fuzz_one(const uint8_t *data, size_t size);

/* Abort on a violation (default true).  The replayer turns it off. */
void reqsim_fuzz_set_abort(bool on);

/* The file name printed in the replay command (default "CRASHFILE"). */
void reqsim_fuzz_set_input_name(const char *name);

/* Where interleaving features go: map[hash % len] is incremented (the engine
 * clears the map between inputs).  NULL: no feedback. */
void reqsim_fuzz_set_feature_map(uint8_t *map, size_t len);

/* A useful input length for this configuration: twice the most decisions
 * (choices with more than one option) of 16 random runs with fixed seeds,
 * between 64 and 4096.  Bytes past the last decision are never read. */
size_t reqsim_fuzz_suggested_len(void);

/* What one run of an input showed (reqsim_fuzz_observe), for the mutator:
 * steps (thread, site id, occurrence of the site over all threads and for
 * the thread), drains (thread, store site), reads-from pairs (the load's
 * step, site2 = the store site; initial values left out), windows in which
 * a thread's own accesses were reordered (below), in run order (windows as
 * they closed), the first REQSIM_OBS_MAX of each. */
#define REQSIM_OBS_MAX 512
struct reqsim_obs_ev {
	uint8_t tid, occ_g, occ_t; /* occurrences: 1-based, 0 = past 255 */
	uint32_t site, site2;
};
struct reqsim_obs {
	int nthreads;
	bool violated;
	uint64_t decisions; /* of the run (choices with more than one option) */
	size_t nstep, ndrain, nrf;
	struct reqsim_obs_ev step[REQSIM_OBS_MAX], drain[REQSIM_OBS_MAX], rf[REQSIM_OBS_MAX];
	/* reordering windows, as they closed (F7): thread tid's store at site
	 * stayed hidden while `over` (its later store, or load) was done; `end`
	 * is the site of tid's own step that made it visible (a fence, an RMW;
	 * its occ_t-th at that site), 0 when a drain choice did or the run
	 * ended first; len2 = log2 of the decisions the window lasted */
	size_t nwin;
	struct reqsim_obs_win {
		uint8_t tid, occ_t, len2;
		bool store; /* over is a store (store->store), else a load */
		uint32_t site, over, end;
	} win[REQSIM_OBS_MAX];
};
/* Run the input once (either form) on a sim of its own with reads-from
 * tracking, no feature map, no abort, and fill o.  Deterministic. */
void reqsim_fuzz_observe(const uint8_t *data, size_t size, struct reqsim_obs *o);

/* Observe every run of reqsim_fuzz_one (as reqsim_fuzz_observe would) and
 * keep those of the last 64 runs: the libFuzzer target turns it on for the abstract
 * form, whose mutator then reads what the input it mutates showed when it
 * ran, instead of running it again.  Scheduling is unchanged (reads-from
 * tracking only observes). */
void reqsim_fuzz_set_observe_runs(bool on);
/* The observation of the last reqsim_fuzz_one run when data is the input it
 * ran (same size and content hash), else NULL.  Valid until the next run. */
const struct reqsim_obs *reqsim_fuzz_last_run(const uint8_t *data, size_t size);
/* The observation of one of the last 64 reqsim_fuzz_one runs whose input
 * was data (same size and content hash), the newest; else NULL.  Valid for
 * 63 more runs. */
const struct reqsim_obs *reqsim_fuzz_recent_run(const uint8_t *data, size_t size);
/* FNV-1a (64 bits) of an input: the key of cached observations. */
uint64_t reqsim_content_hash(const uint8_t *d, size_t n);

/* The configuration as one line ("scenario=dekker model=tso ... bugs=-"). */
const char *reqsim_fuzz_config_str(void);

/* REQSIM_FUZZ_CODE_COVERAGE: "1" keeps the engine's code coverage as
 * feedback, "0" clears it, unset or empty: dflt.  Anything else is one line
 * and exit 2.  Read by both targets (libfuzzer_main.c, afl_main.c). */
bool reqsim_fuzz_code_coverage(bool dflt);

/* Features reported by the last run (0 if feedback is off). */
size_t reqsim_fuzz_feature_count(void);

#endif
