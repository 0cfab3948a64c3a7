/*
 * fuzz/libfuzzer_main.c: the harness as a libFuzzer target
 * (-fsanitize=fuzzer).  Interleaving features go to libFuzzer's extra
 * counters, a section libFuzzer finds by its __start_/__stop_ symbols and
 * clears before every input.
 *
 * Input length.  libFuzzer's default length control starts inputs at a few
 * bytes and lets them grow only while no new feature turns up.  Interleaving
 * features keep turning up, so with feedback the inputs stayed at about 20
 * bytes: the first 20 decisions of a 200-decision run of `mixed`, the rest
 * left to the default policy.  Unless the command line says otherwise, the
 * target therefore runs with -max_len set to reqsim_fuzz_suggested_len() and
 * -len_control=0 (LLVMFuzzerInitialize may add flags; libFuzzer parses them
 * after it returns).
 *
 * Comparison hints.  Unless the command line says otherwise the target
 * also runs with -use_cmp=0 and -use_memmem=0.  Schedule bytes are never
 * compared with values, and libFuzzer's table of recent comparisons
 * (strcmp/memcmp of configuration strings, the RQA1 magic) is indexed by
 * the caller's address.  With it the byte form's mutations changed whenever
 * code moved: the same seeds found halt check-block-ignores-requests in
 * 285/186/29 executions with one build and 427/300/29 with the next, with
 * no change to the harness's behaviour.  Without it both builds give
 * 801/216/146.  The abstract form's custom mutator never read the table.
 * (A smoke check that a default run equals one given the flags was tried
 * and removed: it failed once in six fresh-clone runs, cause not found.
 * tests/test_fuzz_harness.c checks the flags, fuzz/lfargs.c.)
 *
 * Code coverage.  In the abstract form the target clears libFuzzer's code
 * coverage (the inline 8-bit counters of core/ and scenarios/, and the
 * lowest stack pointer that instrumented code reached) at the end of every
 * input, so the interleaving features are all the feedback there is, and
 * with REQSIM_FUZZ_FEEDBACK=0 there is none.  REQSIM_FUZZ_CODE_COVERAGE=1
 * keeps it (the byte form's default).  Measured on the deep set of
 * `bench.py fuzz ttb` (11 seeds): with code coverage nearly every input was
 * new (42 corpus entries after 128 executions of `mixed`, most with no
 * reordering at all) and the arm with interleaving features needed 1.1x
 * the executions of the arm without them; without it the corpus holds the
 * inputs that showed a store->store window and feedback needs half the
 * executions (43 against 90).  The seed inputs (tools/fuzzseeds.py) show no
 * such feature, so the abstract form also runs with -keep_seed=1, and an
 * input shorter than an abstract schedule (libFuzzer's first from an empty
 * corpus) is one feature, so that an empty corpus still has an input.
 *
 * Cross-over.  The abstract form runs with -cross_over=0 too.  libFuzzer
 * spends half its mutations on cross-over when the target defines
 * LLVMFuzzerCustomCrossOver; joining two inputs' constraints gave runs no
 * closer to a bug, and without it the 17 stale-payload rows of `bench.py
 * fuzz ttb` (21 seeds) took 30 executions instead of 41 with feedback and
 * 42 instead of 83 without (a union of both inputs' constraints: 48 and
 * 86).  The byte form keeps it.
 *
 * Chain depth.  The abstract form runs with -mutate_depth=2 (libFuzzer's
 * default is 5).  libFuzzer stacks up to that many mutants on one input it
 * picked, and ends the chain early when a mutant is kept for a new feature;
 * without feedback nothing is kept, so every chain runs its full length.
 * Each mutant is built from the run of the one before (fuzz/mutator.c), so
 * chains of 5 did blindly what a corpus does: on the deep set of `bench.py
 * fuzz ttb` (11 seeds) the arm without feedback took 26.8 executions at
 * depth 5 and 56.8 at depth 2, while the arm with feedback took 19.7 and
 * 20.6.  With feedback, depth 2 against 5 (held-out seeds 101-111): deep
 * 22.6 / 21.5, hard 13.2 / 13.1, large 26.0 / 22.9, preempt 61.9 / 75.1
 * (seeds 1-11: preempt 49.0 / 60.5, hard 12.7 / 14.1); about even over the
 * 49 rows, so the depth is the one at which progress lives in the corpus.
 *
 * Input form.  REQSIM_FUZZ_FORM=abstract (the default) mutates abstract
 * schedules with fuzz/mutator.c (LLVMFuzzerCustomMutator and
 * LLVMFuzzerCustomCrossOver); REQSIM_FUZZ_FORM=bytes keeps libFuzzer's own
 * byte mutations (the custom mutator hands every call to LLVMFuzzerMutate,
 * and the cross-over to a plain splice), the one-byte-per-decision form.
 * The harness runs either form whatever the flag says.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stddef.h>
#include <stdint.h>

#include "abstract.h"
#include "harness.h"
#include "lfargs.h"
#include "mutator.h"

#ifndef REQSIM_FUZZ_FEEDBACK
#define REQSIM_FUZZ_FEEDBACK 1
#endif

#if REQSIM_FUZZ_FEEDBACK
#define EXTRA_COUNTERS (1u << 14)
__attribute__((used, section("__libfuzzer_extra_counters")))
static uint8_t extra_counters[EXTRA_COUNTERS];
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max, unsigned seed);
size_t LLVMFuzzerCustomCrossOver(const uint8_t *a, size_t na, const uint8_t *b, size_t nb,
				 uint8_t *out, size_t max, unsigned seed);

static bool bytes_form, code_coverage;

/* SanitizerCoverage's inline 8-bit counters of this binary (the edges of
 * core/ and scenarios/; CMakeLists.txt), whose section libFuzzer reads after
 * every input as its code coverage.  Weak: absent when nothing is
 * instrumented. */
extern uint8_t __start___sancov_cntrs[] __attribute__((weak));
extern uint8_t __stop___sancov_cntrs[] __attribute__((weak));
/* The lowest stack pointer that instrumented code reached (libFuzzer's
 * runtime defines it and turns it into a stack-depth feature). */
extern __thread uintptr_t __sancov_lowest_stack __attribute__((tls_model("initial-exec")));

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
#ifdef REQSIM_FUZZ_DEFAULT_SCENARIO /* fuzz/build.sh bakes one configuration in */
	reqsim_fuzz_set_defaults(REQSIM_FUZZ_DEFAULT_SCENARIO, REQSIM_FUZZ_DEFAULT_MODEL,
				 REQSIM_FUZZ_DEFAULT_ARCH, REQSIM_FUZZ_DEFAULT_PARAMS,
				 REQSIM_FUZZ_DEFAULT_BUGS);
#endif
	reqsim_fuzz_init();
	const char *form = getenv("REQSIM_FUZZ_FORM");
	if (form && *form && strcmp(form, "abstract") && strcmp(form, "bytes")) {
		fprintf(stderr, "reqsim-fuzz: REQSIM_FUZZ_FORM: '%s' is not abstract or bytes\n",
			form);
		exit(2);
	}
	bytes_form = form && !strcmp(form, "bytes");
	/* kept by default in the byte form, and in a build without interleaving
	 * feedback, where nothing else would be a feature */
	code_coverage = reqsim_fuzz_code_coverage(bytes_form || !REQSIM_FUZZ_FEEDBACK);
	static char *args[4096], buf[256];
	int n = reqsim_libfuzzer_args(*argc, *argv, bytes_form, reqsim_fuzz_suggested_len(), args,
				      4096, buf, sizeof(buf));
	if (n > 0) {
		*argc = n;
		*argv = args;
	}
#if REQSIM_FUZZ_FEEDBACK
	reqsim_fuzz_set_feature_map(extra_counters, sizeof(extra_counters));
#endif
	if (!bytes_form) /* the mutator reads the run of the input it mutates */
		reqsim_fuzz_set_observe_runs(true);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uintptr_t lowest = __sancov_lowest_stack;
	reqsim_fuzz_one(data, size);
	if (!code_coverage) { /* libFuzzer collects its features after we return */
		uint8_t *a = __start___sancov_cntrs, *b = __stop___sancov_cntrs;
		if (a && b > a)
			memset(a, 0, (size_t)(b - a));
		__sancov_lowest_stack = lowest;
#if REQSIM_FUZZ_FEEDBACK
		/* an input too short to be an abstract schedule (libFuzzer's
		 * first from an empty corpus is one byte; the mutator's are
		 * never that short) is a feature, so that there is an input to
		 * mutate when its run shows none; seed inputs are kept by
		 * -keep_seed=1 */
		if (size < ABS_HDR)
			extra_counters[0] = 1;
#endif
	}
	return 0;
}

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max, unsigned seed)
{
	if (bytes_form)
		return LLVMFuzzerMutate(data, size, max);
	return reqsim_mutate(data, size, max, seed);
}

size_t LLVMFuzzerCustomCrossOver(const uint8_t *a, size_t na, const uint8_t *b, size_t nb,
				 uint8_t *out, size_t max, unsigned seed)
{
	if (!bytes_form)
		return reqsim_crossover(a, na, b, nb, out, max, seed);
	size_t ka = na ? seed % (na + 1) : 0, kb = nb ? (seed / 7) % (nb + 1) : 0, n = 0;
	for (size_t i = 0; i < ka && n < max; i++)
		out[n++] = a[i];
	for (size_t i = kb; i < nb && n < max; i++)
		out[n++] = b[i];
	return n;
}
