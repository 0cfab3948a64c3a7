/*
 * fuzz/mutator.h: the structure-aware mutator of abstract schedules
 * (sim/abstract.h), one implementation behind both engines' hooks:
 * LLVMFuzzerCustomMutator / LLVMFuzzerCustomCrossOver (libfuzzer_main.c)
 * and the AFL++ custom mutator library (afl_mutator.c).
 *
 * Contract:
 *  1. The output is always a well-formed abstract schedule (abs_parse()
 *     accepts it) when max is at least ABS_HDR; an input in the byte form,
 *     or a malformed abstract one, is replaced by a fresh abstract schedule.
 *  2. Sites come from what the input showed when it ran (the harness's
 *     observation of the run that just ran it, when the input is that one,
 *     as under libFuzzer's stacked mutations; else it runs it once,
 *     reqsim_fuzz_observe, cached by the input's content): an added or
 *     retargeted constraint names a site, a
 *     thread, an occurrence, a reads-from pair or a drained store the run
 *     actually had.
 *  3. Deterministic: the same (input, seed, configuration) gives the same
 *     output, whatever ran before.
 */
#ifndef REQSIM_FUZZ_MUTATOR_H
#define REQSIM_FUZZ_MUTATOR_H

#include <stddef.h>
#include <stdint.h>

/* Mutate data[0..size-1] in place (capacity max); returns the new size. */
size_t reqsim_mutate(uint8_t *data, size_t size, size_t max, unsigned seed);

/* Constraints from both parents (a prefix of a, a suffix of b, the seed of
 * one of them) into out (capacity max); returns its size. */
size_t reqsim_crossover(const uint8_t *a, size_t na, const uint8_t *b, size_t nb,
			uint8_t *out, size_t max, unsigned seed);

#endif
