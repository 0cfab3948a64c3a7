/*
 * sim/abstract.h: abstract schedules, the fuzzer's second input form.
 *
 * A byte-per-decision input (strategy "bytes") names every decision; most
 * of its bytes do not matter and a mutation of one byte changes everything
 * after it.  An abstract schedule names only what matters to a race: a few
 * constraints the scheduler tries to honour, and a policy for the rest (in
 * the spirit of RFF, Wolff et al., ASPLOS 2024: reads-from constraints).
 *
 * Wire form (little endian), told apart from the byte form by its magic:
 *
 *   "RQA1"      4 bytes   magic: an input that starts with it is abstract
 *   seed        u32       the fallback policy's PRNG seed
 *   policy      u8        what decides what no constraint decides:
 *                         ABS_POL_DEFAULT the default policy (seed unused),
 *                         ABS_POL_RANDOM  uniform (PRNG seeded with seed),
 *                         ABS_POL_PCT     PCT (seed, depth, k below)
 *   depth       u8        PCT depth (1..PCT_DEPTH_MAX; 0 for the others)
 *   k           u16       PCT's expected number of decisions (0: 64)
 *   constraint  12 bytes  0..ABS_MAX of them:
 *     kind u8   ABS_RF .. ABS_DRAIN_EARLY
 *     tid  u8   the thread the constraint is about (ABS_ANY: any thread)
 *     tid2 u8   ABS_PREEMPT: the thread to switch to (ABS_ANY: any other)
 *     occ  u8   the occurrence of `site` meant (1 = first step at it by a
 *               matching thread, counted over all steps of the run); 0: every
 *     site u32  abs_site_id() of the site (the load, the preempted step,
 *               the store whose buffer entry drains)
 *     site2 u32 ABS_RF / ABS_NRF: the store site; 0 otherwise
 *
 * Sites are named by a hash of (function, label), as signatures name them
 * (sim_signature): stable across builds, blind to line numbers.
 *
 * Honouring (best effort, deterministic, bounded):
 *   ABS_RF     L (site, occ) reads from S (site2), as sim_step_reads_from
 *              reports it: the word the load step reads first (the load's
 *              or RMW's location; a draining fence's first buffered store)
 *              was last written to memory by a step or drain at S (a store
 *              drained by a fence or RMW is that step's write).  When the
 *              load is enabled: if S wrote its word last, the load is
 *              preferred and other writes of the word (steps, drains, steps
 *              that flush a buffered write of it) are postponed; otherwise
 *              the load is postponed and a choice at S that writes the word
 *              (or flushes a buffered write of it) is preferred.  While the
 *              load is not enabled, a drain of a store from S (of the word
 *              the load read last, once known) is preferred, since a fence
 *              draining it would make it the fence's write.  The sim keeps
 *              the writers (strategy track_writers) whether or not
 *              cfg.track_rf is on, so honouring is the same in either.
 *   ABS_NRF    L reads before S: L is preferred, steps at S and drains of
 *              S are postponed until L has run.
 *   ABS_PREEMPT thread tid is preempted at the step at site (occ): another
 *              thread's step (tid2's, when it is enabled) is taken instead.
 *   ABS_DRAIN_LATE / _EARLY: drains of entries stored at site (by tid) are
 *              postponed / preferred.
 * A postponement that would leave nothing to run is not applied; each
 * constraint postpones at most ABS_BUDGET times in a run, then it is
 * dropped, so no constraint can stall a run.  A constraint that cannot be
 * honoured is skipped.  Constraints are applied in input order: the first
 * preference that survives every postponement wins.
 *
 * The run's decisions are recorded as for any strategy, so an abstract
 * input converts to a .sched (reqsim run --bytes F --save X.sched) and
 * replays bit for bit.
 */
#ifndef REQSIM_ABSTRACT_H
#define REQSIM_ABSTRACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim.h"

#define ABS_MAGIC "RQA1"
#define ABS_HDR 12
#define ABS_REC 12
#define ABS_MAX 16
#define ABS_ANY 0xff
#define ABS_BUDGET 48

enum abs_kind { ABS_RF = 1, ABS_NRF, ABS_PREEMPT, ABS_DRAIN_LATE, ABS_DRAIN_EARLY,
		ABS_KIND_END };

struct abs_con {
	uint8_t kind, tid, tid2, occ;
	uint32_t site, site2;
};

enum abs_policy { ABS_POL_DEFAULT, ABS_POL_RANDOM, ABS_POL_PCT, ABS_POL_END };

struct abs_prog {
	uint32_t seed;
	uint8_t policy, depth;
	uint16_t k;
	int n;
	struct abs_con c[ABS_MAX];
};

struct strategy;
struct abs_run;

/* The input starts with the magic (it is meant to be abstract). */
bool abs_is_abstract(const uint8_t *d, size_t n);
/* Parse an abstract input.  0 on success; -1 with a one-line reason in err
 * when it is malformed (no magic, a partial constraint, more than ABS_MAX,
 * an unknown policy, a PCT depth out of range, an unknown kind, a zero site,
 * a missing site2). */
int abs_parse(const uint8_t *d, size_t n, struct abs_prog *p, char *err, size_t errlen);
/* The wire form of p into out (at most max bytes); returns its length, or 0
 * if it does not fit. */
size_t abs_encode(const struct abs_prog *p, uint8_t *out, size_t max);
/* The stable name of a site: FNV-1a (32 bits) of function and label; never 0. */
uint32_t abs_site_id(const struct platform_site *s);
/* The same, memoised by pointer per thread (a pure function of the site:
 * it saves hashing on hot paths, never changes an answer). */
uint32_t abs_site_id_cached(const struct platform_site *s);
const char *abs_kind_name(int kind);
const char *abs_policy_name(int policy);
/* One line: "pct(seed=5,d=3,k=80) rf(t*@1a2b3c4d#2,5e6f7a8b) ..." */
void abs_describe(const struct abs_prog *p, char *buf, size_t len);
/* One constraint in words, for a reader of a fuzzer's finding: "the load at
 * kvm_vcpu_exiting_guest_mode:cmpxchg(&vcpu->mode) (any thread, its 2nd
 * occurrence) reads from the store at ...".  site(id) names a site (NULL:
 * not known, printed as its id), thread(tid) a thread (NULL: "thread N").
 * Never longer than len - 1; always terminated when len > 0. */
void abs_describe_con(const struct abs_con *c, const char *(*site)(uint32_t id, void *ctx),
		      const char *(*thread)(int tid, void *ctx), void *ctx, char *buf, size_t len);

/* Make st (strategy_init'ed as ST_ABSTRACT) run program p (not copied: it
 * must outlive the runs) on sim (asked for the sites of choices). */
void strategy_set_abstract(struct strategy *st, const struct abs_prog *p, const struct sim *sim);

/* For sim/strategy.c. */
void abs_begin_run(struct strategy *st);
int abs_choose(struct strategy *st, const struct sim_choice *c, int n);
void abs_run_free(struct abs_run *r);

#endif
