/*
 * fuzz/afl_main.c: the harness as an AFL++ target.  Compiled by
 * afl-clang-fast it runs in persistent mode on shared-memory test cases
 * (__AFL_FUZZ_TESTCASE_BUF, __AFL_LOOP) and writes interleaving features
 * into the AFL++ coverage map (__afl_area_ptr).  Compiled by anything else
 * it runs the one input read from stdin (or the file named by argv[1]).
 */
#define _GNU_SOURCE /* read() for __AFL_FUZZ_TESTCASE_LEN, RTLD_DEFAULT */

#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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
static void set_map(void)
{
	unsigned char **area = dlsym(RTLD_DEFAULT, "__afl_area_ptr");
	unsigned int *size = dlsym(RTLD_DEFAULT, "__afl_map_size");
	if (area && *area && size)
		reqsim_fuzz_set_feature_map(*area, *size);
}
#endif

int main(void)
{
	reqsim_fuzz_init();
	__AFL_INIT();
	unsigned char *buf = __AFL_FUZZ_TESTCASE_BUF;
	while (__AFL_LOOP(100000)) {
#if REQSIM_FUZZ_FEEDBACK
		/* The map is attached by __AFL_INIT(); its size is known then. */
		set_map();
#endif
		reqsim_fuzz_one(buf, (size_t)__AFL_FUZZ_TESTCASE_LEN);
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
