/*
 * fuzz/afl_mutator.c: fuzz/mutator.c as an AFL++ custom mutator, a shared
 * library afl-fuzz loads (AFL_CUSTOM_MUTATOR_LIBRARY=.../reqsim-afl-mutator.so).
 * It runs in afl-fuzz's process, not the target's: the mutator observes an
 * input by running it on a machine of its own (the harness linked into this
 * library, configured from the same REQSIM_FUZZ_* environment as the
 * target).  AFL++ calls afl_custom_fuzz afl_custom_fuzz_count times in a
 * row on the queue entry it picked (1, or REQSIM_AFL_FUZZ_COUNT), and the
 * observation is made once per entry (the mutator caches 64 by content).
 * Queue entries are not trimmed unless REQSIM_AFL_TRIM=1 (below).
 * Those observation runs are not in AFL++'s execution count; `bench.py fuzz
 * ttb --engine afl` reports them at their most, one per queue entry.
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
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "harness.h"
#include "mutator.h"
#include "strategy.h"

struct reqsim_afl {
	uint64_t rng;
	uint8_t *buf;
	size_t cap;
	unsigned fuzz_count;
	bool trim_on; /* REQSIM_AFL_TRIM=1 */
	/* Trimming, one constraint at a time: the input as it stands (trim,
	 * ntrim bytes), the candidate without constraint tidx (cand). */
	uint8_t *trim, *cand;
	size_t tcap, ntrim, tidx;
	int32_t tsteps;
};

/* Mutants per queue pick when REQSIM_AFL_FUZZ_COUNT does not say: one, and
 * AFL++ moves on to its next queue pick (its own stage makes 256 or more of
 * one entry, doubled while it finds new ones).  Chosen by the arm with
 * feedback of `bench.py fuzz ttb --engine afl --forms abstract --seeds 11`
 * over the 49 rows of the hard, deep, large and preempt sets, without
 * trimming: 56.5 executions at 1, 59.9 at 2, deep 60.9 at 4 (README,
 * "AFL++: no trimming, one mutant per pick"). */
#define REQSIM_AFL_FUZZ_COUNT 1u

void *afl_custom_init(void *afl, unsigned int seed);
size_t afl_custom_fuzz(void *data, uint8_t *buf, size_t buf_size, uint8_t **out_buf,
		       uint8_t *add_buf, size_t add_buf_size, size_t max_size);
void afl_custom_deinit(void *data);
uint32_t afl_custom_fuzz_count(void *data, const uint8_t *buf, size_t buf_size);
int32_t afl_custom_init_trim(void *data, uint8_t *buf, size_t buf_size);
size_t afl_custom_trim(void *data, uint8_t **out_buf);
int32_t afl_custom_post_trim(void *data, unsigned char success);

void *afl_custom_init(void *afl, unsigned int seed)
{
	(void)afl;
	struct reqsim_afl *m = calloc(1, sizeof(*m));
	if (!m)
		return NULL;
	m->rng = seed;
	m->fuzz_count = REQSIM_AFL_FUZZ_COUNT;
	const char *fc = getenv("REQSIM_AFL_FUZZ_COUNT");
	if (fc && *fc) {
		char *end;
		unsigned long v = strtoul(fc, &end, 10);
		if (*end || v < 1 || v > 100000) {
			fprintf(stderr, "reqsim-afl-mutator: REQSIM_AFL_FUZZ_COUNT=%s: "
					"want a count of 1 to 100000\n", fc);
			free(m);
			return NULL;
		}
		m->fuzz_count = (unsigned)v;
	}
	const char *tr = getenv("REQSIM_AFL_TRIM");
	if (tr && *tr && strcmp(tr, "0") && strcmp(tr, "1")) {
		fprintf(stderr, "reqsim-afl-mutator: REQSIM_AFL_TRIM=%s: want 0 (no trimming, "
				"the default) or 1 (one constraint at a time)\n", tr);
		free(m);
		return NULL;
	}
	m->trim_on = tr && *tr == '1';
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

uint32_t afl_custom_fuzz_count(void *data, const uint8_t *buf, size_t buf_size)
{
	(void)buf;
	(void)buf_size;
	return ((struct reqsim_afl *)data)->fuzz_count;
}

/* No trimming by default: every queue entry is kept as found.  AFL++'s own
 * trim cuts byte ranges, which splits the 12-byte records and costs about a
 * run per 4 bytes without ever giving a shorter abstract schedule; these
 * hooks replace it.  With REQSIM_AFL_TRIM=1 they remove whole constraints,
 * one per step, and keep a removal when the run's map stays the same (AFL++
 * compares it): a constraint that was not honoured, or made no difference
 * to the features, goes.  That costs a run per constraint of every new
 * entry and drops constraints that mattered to the schedule but not to the
 * map: `bench.py fuzz ttb --engine afl --forms abstract --seeds 11`, with
 * feedback, deep set 88.3 executions with it, 59.6 without (2 mutants per
 * pick; README, "AFL++: no trimming, one mutant per pick").  An input that is not a whole abstract schedule is
 * never trimmed (no steps). */
int32_t afl_custom_init_trim(void *data, uint8_t *buf, size_t buf_size)
{
	struct reqsim_afl *m = data;
	m->ntrim = m->tidx = 0;
	m->tsteps = 0;
	if (!m->trim_on || !abs_is_abstract(buf, buf_size) || buf_size < ABS_HDR + ABS_REC ||
	    (buf_size - ABS_HDR) % ABS_REC)
		return 0;
	if (buf_size > m->tcap) {
		uint8_t *t = realloc(m->trim, buf_size), *c;
		if (!t)
			return 0;
		m->trim = t;
		c = realloc(m->cand, buf_size);
		if (!c)
			return 0;
		m->cand = c;
		m->tcap = buf_size;
	}
	memcpy(m->trim, buf, buf_size);
	m->ntrim = buf_size;
	return (int32_t)((buf_size - ABS_HDR) / ABS_REC);
}

size_t afl_custom_trim(void *data, uint8_t **out_buf)
{
	struct reqsim_afl *m = data;
	size_t at = ABS_HDR + m->tidx * ABS_REC;
	memcpy(m->cand, m->trim, at);
	memcpy(m->cand + at, m->trim + at + ABS_REC, m->ntrim - at - ABS_REC);
	*out_buf = m->cand;
	return m->ntrim - ABS_REC;
}

int32_t afl_custom_post_trim(void *data, unsigned char success)
{
	struct reqsim_afl *m = data;
	if (success) { /* the next constraint moved into slot tidx */
		m->ntrim -= ABS_REC;
		memcpy(m->trim, m->cand, m->ntrim);
	} else {
		m->tidx++;
	}
	return ++m->tsteps;
}

void afl_custom_deinit(void *data)
{
	struct reqsim_afl *m = data;
	if (m) {
		free(m->buf);
		free(m->trim);
		free(m->cand);
	}
	free(m);
}
