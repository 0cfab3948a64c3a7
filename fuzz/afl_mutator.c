/*
 * fuzz/afl_mutator.c: fuzz/mutator.c as an AFL++ custom mutator, a shared
 * library afl-fuzz loads (AFL_CUSTOM_MUTATOR_LIBRARY=.../reqsim-afl-mutator.so).
 * It runs in afl-fuzz's process, not the target's: the mutator observes an
 * input by running it on a machine of its own (the harness linked into this
 * library, configured from the same REQSIM_FUZZ_* environment as the
 * target).  AFL++ calls afl_custom_fuzz many times in a row on one queue
 * entry, so the observation is made once per entry (the mutator caches it by
 * content).
 *
 * Set AFL_CUSTOM_MUTATOR_ONLY=1 to mutate abstract schedules only; without
 * it AFL++ also applies its own byte mutations, which mostly break the
 * 12-byte constraint records (the harness then runs the default policy).
 *
 * Invariants:
 *  1. Deterministic given the seed afl-fuzz passes to afl_custom_init: each
 *     call's seed comes from a splitmix64 stream started there.
 *  2. Never writes past max_size; the output buffer is owned by the mutator
 *     and lives until the next call.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "mutator.h"
#include "strategy.h"

struct reqsim_afl {
	uint64_t rng;
	uint8_t *buf;
	size_t cap;
};

void *afl_custom_init(void *afl, unsigned int seed);
size_t afl_custom_fuzz(void *data, uint8_t *buf, size_t buf_size, uint8_t **out_buf,
		       uint8_t *add_buf, size_t add_buf_size, size_t max_size);
void afl_custom_deinit(void *data);

void *afl_custom_init(void *afl, unsigned int seed)
{
	(void)afl;
	struct reqsim_afl *m = calloc(1, sizeof(*m));
	if (!m)
		return NULL;
	m->rng = seed;
	reqsim_fuzz_set_abort(false);
	reqsim_fuzz_init();
	return m;
}

size_t afl_custom_fuzz(void *data, uint8_t *buf, size_t buf_size, uint8_t **out_buf,
		       uint8_t *add_buf, size_t add_buf_size, size_t max_size)
{
	struct reqsim_afl *m = data;
	size_t need = max_size > buf_size ? max_size : buf_size;
	if (need > m->cap) {
		uint8_t *p = realloc(m->buf, need);
		if (!p) {
			*out_buf = buf;
			return buf_size;
		}
		m->buf = p;
		m->cap = need;
	}
	unsigned seed = (unsigned)splitmix64(&m->rng);
	size_t n;
	if (add_buf && add_buf_size && (seed & 7) == 0) /* now and then a splice */
		n = reqsim_crossover(buf, buf_size, add_buf, add_buf_size, m->buf, max_size, seed);
	else {
		memcpy(m->buf, buf, buf_size);
		n = reqsim_mutate(m->buf, buf_size, max_size, seed);
	}
	*out_buf = m->buf;
	return n;
}

void afl_custom_deinit(void *data)
{
	struct reqsim_afl *m = data;
	if (m)
		free(m->buf);
	free(m);
}
