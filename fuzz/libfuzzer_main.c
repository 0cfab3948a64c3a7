/*
 * fuzz/libfuzzer_main.c: the harness as a libFuzzer target
 * (-fsanitize=fuzzer).  Interleaving features go to libFuzzer's extra
 * counters, a section libFuzzer finds by its __start_/__stop_ symbols and
 * clears before every input.
 */
#include <stddef.h>
#include <stdint.h>

#include "harness.h"

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

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
#ifdef REQSIM_FUZZ_DEFAULT_SCENARIO /* fuzz/build.sh bakes one configuration in */
	reqsim_fuzz_set_defaults(REQSIM_FUZZ_DEFAULT_SCENARIO, REQSIM_FUZZ_DEFAULT_MODEL,
				 REQSIM_FUZZ_DEFAULT_ARCH, REQSIM_FUZZ_DEFAULT_PARAMS,
				 REQSIM_FUZZ_DEFAULT_BUGS);
#endif
	reqsim_fuzz_init();
#if REQSIM_FUZZ_FEEDBACK
	reqsim_fuzz_set_feature_map(extra_counters, sizeof(extra_counters));
#endif
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	reqsim_fuzz_one(data, size);
	return 0;
}
