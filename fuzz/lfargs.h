/*
 * fuzz/lfargs.h: the libFuzzer flags the target adds to its command line
 * (fuzz/libfuzzer_main.c, LLVMFuzzerInitialize), apart from libFuzzer so
 * that a unit test can check them (tests/test_fuzz_harness.c).
 */
#ifndef REQSIM_FUZZ_LFARGS_H
#define REQSIM_FUZZ_LFARGS_H

#include <stdbool.h>
#include <stddef.h>

/* argv (argc arguments) with the defaults added for each flag the command
 * line does not give (see libfuzzer_main.c for why each one):
 *   -max_len=      abstract form: the longest abstract schedule;
 *                  bytes: suggested_len (reqsim_fuzz_suggested_len())
 *   -len_control=0, -use_cmp=0, -use_memmem=0
 *   -keep_seed=1, -cross_over=0, -mutate_depth=2   abstract form only
 * The defaults go right after argv[0], before the corpus directories.
 * Fills out[] (at most cap pointers, NULL-terminated; the added strings
 * live in buf, bufsz bytes) and returns the new argc, or -1 when out or
 * buf is too small (then the command line is left as it is). */
int reqsim_libfuzzer_args(int argc, char **argv, bool bytes_form, size_t suggested_len,
			  char **out, int cap, char *buf, size_t bufsz);

#endif
