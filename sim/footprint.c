/*
 * sim/footprint.c: what one transition touched, for partial-order reduction.
 *
 * A transition is one scheduler choice: a thread's primitive plus the plain
 * C code it runs up to its next primitive, a store-buffer drain, or an event.
 * The primitive's own access is known to the simulator (mem_read/mem_write
 * note it).  The plain code is not: the request core and the scenarios
 * update ghost counters, hook state and lock-protected fields with ordinary
 * loads and stores.  To see those, the core and the scenarios are compiled
 * with the compiler's ThreadSanitizer instrumentation (-fsanitize=thread at
 * compile time only) and linked against the tiny runtime below instead of
 * TSan's: every instrumented load and store calls __tsan_readN/__tsan_writeN,
 * which we turn into footprint entries for addresses in the simulation
 * arena (the only memory simulated threads share).
 *
 * Contract:
 *  1. Recording is on only while a transition runs (FPM_STEP) or while the
 *     scenario's check_step oracle runs (FPM_ORACLE: its reads go to the
 *     read set of the current state); otherwise the hooks return at once.
 *  2. Locations are 4-byte words: sub-word accesses to one word conflict
 *     (conservative).  A footprint that overflows becomes "global".
 *  4. What check_step reads is recorded per evaluation (the state after each
 *     step): a write is visible, and made dependent with every other
 *     visible write (FP_ORACLE), only if the oracle read what it writes in
 *     the state just before or just after it.  Oracles guarded by "thread t
 *     is in guest mode / asleep" thus see t's own steps as invisible, since
 *     t cannot step while it waits.
 *  3. In builds without the instrumentation (sanitizer builds, coverage,
 *     fuzz engines) plain accesses are unknown and sim_footprints_exact()
 *     is false: every thread step then also writes one pseudo location, so
 *     the reduction stays sound and only gets weaker.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sim_internal.h"

_Thread_local struct sim *fp_tls_sim;
_Thread_local struct sim *rf_tls_sim;

/* Reads-from for fuzz feedback: a store remembers its site in a small
 * direct-mapped table (collisions forget: feedback only); a step's first
 * load looks up who wrote the word it reads. */
static size_t rf_slot(uint64_t key)
{
	return (size_t)((key * 0x9e3779b97f4a7c15ULL) >> 54) & 1023;
}

void rf_note(struct sim *sim, const volatile void *p, bool write)
{
	uint64_t key = fp_key(sim, p);
	size_t slot = rf_slot(key);
	if (write) {
		sim->rf[slot].key = key;
		sim->rf[slot].site = sim->rf_site;
		sim->rf[slot].run = sim->rf_run;
		return;
	}
	if (sim->rf_valid)
		return;
	sim->rf_valid = true;
	sim->rf_load = sim->rf_site;
	sim->rf_laddr = p;
	sim->rf_store = sim->rf[slot].key == key && sim->rf[slot].run == sim->rf_run
			? sim->rf[slot].site : NULL;
}

const struct platform_site *sim_last_writer(const struct sim *sim, const volatile void *p)
{
	uint64_t key = fp_key(sim, p);
	size_t slot = rf_slot(key);
	return sim->rf[slot].key == key && sim->rf[slot].run == sim->rf_run ? sim->rf[slot].site
									    : NULL;
}

bool sim_footprints_exact(void)
{
#if defined(REQSIM_FOOTPRINTS) && REQSIM_FOOTPRINTS
	return true;
#else
	return false;
#endif
}

uint64_t fp_key(const struct sim *sim, const volatile void *p)
{
	uintptr_t a = (uintptr_t)p, base = (uintptr_t)sim->arena;
	if (a >= base && a < base + sim->arena_size)
		return (a - base) >> 2;
	return FP_KEY_OTHER | (a >> 2);
}

void fp_add_key(struct sim *sim, uint64_t key, bool write)
{
	if (sim->fp_mode == FPM_ORACLE) {
		if (!write)
			orc_add(&sim->orc[sim->orc_cur], key);
		return;
	}
	struct sim_fp *f = &sim->fp;
	for (int i = 0; i < f->n; i++) {
		if ((f->loc[i] >> 1) == key) {
			f->loc[i] |= write;
			return;
		}
	}
	if (f->n == FP_LOCS) {
		f->global = 1;
		return;
	}
	f->loc[f->n++] = key << 1 | write;
}

void fp_record(struct sim *sim, const volatile void *p, size_t size, bool write)
{
	uint64_t first = fp_key(sim, p);
	uint64_t last = fp_key(sim, (const volatile char *)p + (size ? size - 1 : 0));
	if (last - first > 16) {
		sim->fp.global = 1;
		return;
	}
	for (uint64_t k = first; k <= last; k++)
		fp_add_key(sim, k, write);
}

/* ---- what one check_step evaluation read: a set cleared by a stamp ------------- */

void orc_clear(struct orc_set *s)
{
	s->stamp++;
	s->full = false;
	s->n = 0;
	if (s->stamp == 0) { /* wrapped: really clear */
		memset(s->stamps, 0, sizeof(s->stamps));
		s->stamp = 1;
	}
}

void orc_add(struct orc_set *s, uint64_t key)
{
	if (s->full)
		return;
	if (s->n * 2 >= ORC_SLOTS) {
		s->full = true; /* too many: treat as "reads everything" */
		return;
	}
	size_t i = (size_t)(key * 0x9e3779b97f4a7c15ULL >> 40) & (ORC_SLOTS - 1);
	while (s->stamps[i] == s->stamp) {
		if (s->keys[i] == key)
			return;
		i = (i + 1) & (ORC_SLOTS - 1);
	}
	s->stamps[i] = s->stamp;
	s->keys[i] = key;
	s->n++;
}

bool orc_has(const struct orc_set *s, uint64_t key)
{
	if (s->full)
		return true;
	size_t i = (size_t)(key * 0x9e3779b97f4a7c15ULL >> 40) & (ORC_SLOTS - 1);
	while (s->stamps[i] == s->stamp) {
		if (s->keys[i] == key)
			return true;
		i = (i + 1) & (ORC_SLOTS - 1);
	}
	return false;
}

/* ---- a set of keys (trace fingerprints) ------------------------------------------ */

bool fp_set_has(const struct fp_set *s, uint64_t key)
{
	if (!s->cap)
		return false;
	size_t m = s->cap - 1, i = (size_t)(key * 0x9e3779b97f4a7c15ULL >> 20) & m;
	while (s->slot[i]) {
		if (s->slot[i] == key + 1)
			return true;
		i = (i + 1) & m;
	}
	return false;
}

void fp_set_add(struct fp_set *s, uint64_t key)
{
	if (fp_set_has(s, key))
		return;
	if ((s->n + 1) * 2 > s->cap) {
		struct fp_set big = {0};
		big.cap = s->cap ? s->cap * 2 : 256;
		big.slot = calloc(big.cap, sizeof(*big.slot));
		if (!big.slot)
			abort();
		for (size_t i = 0; i < s->cap; i++)
			if (s->slot[i])
				fp_set_add(&big, s->slot[i] - 1);
		free(s->slot);
		*s = big;
	}
	size_t m = s->cap - 1, i = (size_t)(key * 0x9e3779b97f4a7c15ULL >> 20) & m;
	while (s->slot[i])
		i = (i + 1) & m;
	s->slot[i] = key + 1;
	s->n++;
}

void fp_set_free(struct fp_set *s)
{
	free(s->slot);
	memset(s, 0, sizeof(*s));
}

/* ---- the instrumentation runtime ------------------------------------------------ */

#if defined(REQSIM_FOOTPRINTS) && REQSIM_FOOTPRINTS && !defined(__SANITIZE_THREAD__)

static inline void plain(const void *p, size_t size, bool write)
{
	struct sim *sim = fp_tls_sim;
	if (!sim)
		return;
	uintptr_t a = (uintptr_t)p, base = (uintptr_t)sim->arena;
	if (a - base >= sim->arena_size)
		return; /* stacks and constants: not shared between threads */
	fp_record(sim, p, size, write);
}

#define HOOKS(n)                                                                  \
	void __tsan_read##n(void *p);                                             \
	void __tsan_write##n(void *p);                                            \
	void __tsan_unaligned_read##n(void *p);                                   \
	void __tsan_unaligned_write##n(void *p);                                  \
	void __tsan_read##n(void *p) { plain(p, n, false); }                      \
	void __tsan_write##n(void *p) { plain(p, n, true); }                      \
	void __tsan_unaligned_read##n(void *p) { plain(p, n, false); }            \
	void __tsan_unaligned_write##n(void *p) { plain(p, n, true); }
HOOKS(1)
HOOKS(2)
HOOKS(4)
HOOKS(8)
HOOKS(16)

void __tsan_read_range(void *p, unsigned long size);
void __tsan_write_range(void *p, unsigned long size);
void __tsan_read_range(void *p, unsigned long size) { plain(p, size, false); }
void __tsan_write_range(void *p, unsigned long size) { plain(p, size, true); }

void *__tsan_memcpy(void *d, const void *s, unsigned long n);
void *__tsan_memmove(void *d, const void *s, unsigned long n);
void *__tsan_memset(void *d, int c, unsigned long n);
void *__tsan_memcpy(void *d, const void *s, unsigned long n)
{
	plain(s, n, false);
	plain(d, n, true);
	return memcpy(d, s, n);
}
void *__tsan_memmove(void *d, const void *s, unsigned long n)
{
	plain(s, n, false);
	plain(d, n, true);
	return memmove(d, s, n);
}
void *__tsan_memset(void *d, int c, unsigned long n)
{
	plain(d, n, true);
	return memset(d, c, n);
}

void __tsan_func_entry(void *pc);
void __tsan_func_exit(void);
void __tsan_init(void);
void __tsan_func_entry(void *pc) { (void)pc; }
void __tsan_func_exit(void) {}
void __tsan_init(void) {}

#endif
