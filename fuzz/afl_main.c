/*
 * fuzz/afl_main.c: the harness as an AFL++ target.  Compiled by
 * afl-clang-fast it runs in persistent mode on shared-memory test cases
 * (__AFL_FUZZ_TESTCASE_BUF, __AFL_LOOP) and writes interleaving features
 * into the AFL++ coverage map (__afl_area_ptr).  Compiled by anything else
 * it runs the one input read from stdin (or the file named by argv[1]).
 *
 * In the abstract form (REQSIM_FUZZ_FORM=abstract with AFL_CUSTOM_MUTATOR_ONLY
 * set, as afl_parallel.sh --form abstract and campaigns run it) the map
 * holds the interleaving features only, as in the libFuzzer target: the
 * features go to a buffer of the map's size and replace the map after each
 * input, so afl-clang-fast's edges of core/ and scenarios/ are no feedback
 * (REQSIM_FUZZ_CODE_COVERAGE=1 keeps them).  One cell is always set, so an
 * input whose run shows no feature still has a non-empty map (afl-fuzz
 * refuses a target whose first input leaves the map empty).
 */
#define _GNU_SOURCE /* read() for __AFL_FUZZ_TESTCASE_LEN, RTLD_DEFAULT */

#include <dlfcn.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

#ifndef REQSIM_FUZZ_FEEDBACK
#define REQSIM_FUZZ_FEEDBACK 1
#endif

#ifdef __AFL_FUZZ_TESTCASE_LEN
__AFL_FUZZ_INIT();
/* The AFL++ runtime's map and its size, looked up at run time: the
 * instrumentation pass declares __afl_area_ptr itself, and a declaration in
 * this file would be renamed away from the real symbol.  The target is
 * linked with -rdynamic so dlsym() sees them. */
#if REQSIM_FUZZ_FEEDBACK
/* Called once, before the first input.  Where the features go: the map
 * itself (code coverage kept), or a buffer of its size that replaces the
 * map after each input (features only).  Returns the map, NULL when there
 * is none. */
static unsigned char *set_map(bool code_coverage, unsigned char **features, size_t *len)
{
	unsigned char **area = dlsym(RTLD_DEFAULT, "__afl_area_ptr");
	unsigned int *size = dlsym(RTLD_DEFAULT, "__afl_map_size");
	if (!area || !*area || !size || !*size)
		return NULL;
	*len = *size;
	if (code_coverage) {
		reqsim_fuzz_set_feature_map(*area, *len);
		return *area;
	}
	if (!(*features = calloc(*len, 1))) {
		fprintf(stderr, "reqsim-fuzz-afl: out of memory for a %zu-byte map\n", *len);
		exit(2);
	}
	reqsim_fuzz_set_feature_map(*features, *len);
	return *area;
}
#endif

/* Code coverage stays feedback unless the input is an abstract schedule
 * that only the custom mutator mutates (see the top of the file). */
static bool want_code_coverage(void)
{
	const char *form = getenv("REQSIM_FUZZ_FORM"), *only = getenv("AFL_CUSTOM_MUTATOR_ONLY");
	return reqsim_fuzz_code_coverage(!REQSIM_FUZZ_FEEDBACK || !form ||
					 strcmp(form, "abstract") || !only || !*only ||
					 !strcmp(only, "0"));
}

int main(void)
{
	bool code_coverage = want_code_coverage();
	reqsim_fuzz_init();
	__AFL_INIT();
	unsigned char *buf = __AFL_FUZZ_TESTCASE_BUF;
#if REQSIM_FUZZ_FEEDBACK
	unsigned char *features = NULL, *map = NULL;
	size_t len = 0;
	bool looked_up = false;
#else
	(void)code_coverage; /* nothing but code coverage in this build */
#endif
	while (__AFL_LOOP(100000)) {
#if REQSIM_FUZZ_FEEDBACK
		/* The map is in place once the first __AFL_LOOP has returned
		 * (before it, a lookup gives another size); it stays there, so
		 * it is looked up once, not per input. */
		if (!looked_up) {
			map = set_map(code_coverage, &features, &len);
			looked_up = true;
		}
#endif
		reqsim_fuzz_one(buf, (size_t)__AFL_FUZZ_TESTCASE_LEN);
#if REQSIM_FUZZ_FEEDBACK
		if (map && !code_coverage) { /* afl-fuzz reads the map after we return */
			memcpy(map, features, len);
			memset(features, 0, len);
			map[0] |= 1;
		}
#endif
	}
	return 0;
}

#else /* not afl-clang-fast: one input from stdin or argv[1] */

#define INPUT_MAX (1u << 20)

int main(int argc, char **argv)
{
	static uint8_t buf[INPUT_MAX];
	FILE *f = argc > 1 ? fopen(argv[1], "rb") : stdin;
	if (!f) {
		fprintf(stderr, "reqsim-fuzz-afl: cannot open %s\n", argv[1]);
		return 2;
	}
	size_t n = fread(buf, 1, sizeof(buf), f);
	if (ferror(f)) {
		fprintf(stderr, "reqsim-fuzz-afl: read error\n");
		return 2;
	}
	if (f != stdin)
		fclose(f);
	reqsim_fuzz_init();
	if (argc > 1)
		reqsim_fuzz_set_input_name(argv[1]);
	return reqsim_fuzz_one(buf, n);
}
#endif
