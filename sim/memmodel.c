/*
 * sim/memmodel.c: memory models as data, and the store buffers that carry
 * them out.
 *
 * Each model is one row of mm_table: for every primitive class, which of a
 * handful of effects it has.  The buffer code below carries out effects; it
 * never decides what a fence means.
 *
 * Invariants:
 *  1. Memory (the C objects themselves) always holds the coherence-latest
 *     value; a thread's own buffered writes are seen by its own loads
 *     (forwarding) and by nobody else until drained.
 *  2. Entries of one location drain in program order (coherence).  Under TSO
 *     the whole buffer drains in order; under PSO an entry may drain when it
 *     is the oldest of its location and no store-store fence (epoch) lies
 *     between it and the head.
 *  3. Draining is a scheduler choice (CH_DRAIN); a full fence drains the
 *     whole buffer in program order within its own step, which loses no
 *     behaviour because every earlier partial drain was also a choice.
 *  4. Every load asks mm_load(), which is where a model that lets loads read
 *     older stores (a view-based one) plugs in: the read is resolved there
 *     from the thread, the location and the model, not by the caller.
 */
#include <assert.h>

#include "sim_internal.h"

enum mm_prim {
	MP_LOAD,
	MP_LOAD_ACQ,
	MP_STORE,
	MP_STORE_REL,
	MP_MB,
	MP_WMB,
	MP_RMB,
	MP_MB_BEFORE_ATOMIC,
	MP_MB_AFTER_ATOMIC,
	MP_RMW_FULL,
	MP_RMW_NORET,
	MP_RMW_RELAXED,
	MP_RMW_ACQUIRE,
	MP_RMW_RELEASE,
	MP_CAS_FAILED,
	MP_LOCK,
	MP_UNLOCK,
	MP_COUNT
};

#define FX_DRAIN 1  /* first complete every buffered store (full fence)    */
#define FX_BUFFER 2 /* the write enters the store buffer                   */
#define FX_ORDER 4  /* earlier buffered writes become visible first (wmb)   */
#define FX_ATOMIC 8 /* performed on memory at once, after own same-location
		       entries drained (coherence)                          */

static const uint8_t mm_table[MODEL_COUNT][MP_COUNT] = {
	/* SC: every access is performed on memory at once, in program order. */
	[MODEL_SC] = {
		[MP_STORE] = FX_ATOMIC, [MP_STORE_REL] = FX_ATOMIC,
		[MP_RMW_FULL] = FX_ATOMIC, [MP_RMW_NORET] = FX_ATOMIC,
		[MP_RMW_RELAXED] = FX_ATOMIC, [MP_RMW_ACQUIRE] = FX_ATOMIC,
		[MP_RMW_RELEASE] = FX_ATOMIC, [MP_UNLOCK] = FX_ATOMIC,
	},
	/* TSO (x86): stores wait in a FIFO buffer; a load may pass older stores
	 * to other locations; mfence and every locked RMW (even a failed
	 * cmpxchg, even set_bit) drain the buffer; wmb/rmb and
	 * smp_mb__{before,after}_atomic are compiler barriers only. */
	[MODEL_TSO] = {
		[MP_STORE] = FX_BUFFER, [MP_STORE_REL] = FX_BUFFER,
		[MP_MB] = FX_DRAIN,
		[MP_RMW_FULL] = FX_DRAIN | FX_ATOMIC,
		[MP_RMW_NORET] = FX_DRAIN | FX_ATOMIC,
		[MP_RMW_RELAXED] = FX_DRAIN | FX_ATOMIC,
		[MP_RMW_ACQUIRE] = FX_DRAIN | FX_ATOMIC,
		[MP_RMW_RELEASE] = FX_DRAIN | FX_ATOMIC,
		[MP_CAS_FAILED] = FX_DRAIN, [MP_LOCK] = FX_DRAIN,
		[MP_UNLOCK] = FX_BUFFER,
	},
	/* PSO: stores to different locations may become visible out of order;
	 * smp_wmb and release order them; loads stay in order.  Atomics follow
	 * the kernel's rules: value-returning RMWs are full barriers;
	 * set_bit/clear_bit/atomic_inc are buffered like stores and order
	 * nothing; a failed cmpxchg orders nothing; smp_mb__{before,after}_atomic
	 * are full barriers.  Relaxed/acquire value-returning RMWs are performed
	 * at once (they must return the value they write over). */
	[MODEL_PSO] = {
		[MP_STORE] = FX_BUFFER, [MP_STORE_REL] = FX_BUFFER | FX_ORDER,
		[MP_MB] = FX_DRAIN, [MP_WMB] = FX_ORDER,
		[MP_MB_BEFORE_ATOMIC] = FX_DRAIN, [MP_MB_AFTER_ATOMIC] = FX_DRAIN,
		[MP_RMW_FULL] = FX_DRAIN | FX_ATOMIC,
		[MP_RMW_NORET] = FX_BUFFER,
		[MP_RMW_RELAXED] = FX_ATOMIC, [MP_RMW_ACQUIRE] = FX_ATOMIC,
		[MP_RMW_RELEASE] = FX_DRAIN | FX_ATOMIC,
		[MP_UNLOCK] = FX_BUFFER | FX_ORDER,
	},
};

static inline uint8_t fx(const struct sim *sim, int prim)
{
	return mm_table[sim->cfg.model][prim];
}

/* ---- raw memory ------------------------------------------------------------ */

uint64_t mem_read(const volatile void *p, unsigned size)
{
	switch (size) {
	case 1: return *(const volatile uint8_t *)p;
	case 2: return *(const volatile uint16_t *)p;
	case 4: return *(const volatile uint32_t *)p;
	default: return *(const volatile uint64_t *)p;
	}
}

void mem_write(volatile void *p, unsigned size, uint64_t v)
{
	switch (size) {
	case 1: *(volatile uint8_t *)p = (uint8_t)v; break;
	case 2: *(volatile uint16_t *)p = (uint16_t)v; break;
	case 4: *(volatile uint32_t *)p = (uint32_t)v; break;
	default: *(volatile uint64_t *)p = v; break;
	}
}

static uint64_t apply(int kind, uint64_t old, uint64_t v)
{
	switch (kind) {
	case SB_OR: return old | v;
	case SB_ANDNOT: return old & ~v;
	case SB_ADD: return old + v;
	default: return v;
	}
}

static uint64_t size_mask(unsigned size)
{
	return size >= 8 ? ~0ULL : (1ULL << (size * 8)) - 1;
}

/* ---- the buffer ------------------------------------------------------------ */

static void lock_release(struct plat_lock *l, bool write)
{
	if (write)
		l->owner = 0;
	else
		l->readers--;
}

static void trace_drain(struct sim *sim, struct sim_thread *t,
			const struct sbuf_entry *e, uint64_t newval)
{
	struct trace_rec *r = sim->cfg.trace ? sim->tr_cur : NULL;
	if (!r)
		return;
	r->site = e->site;
	r->loc = loc_id(sim, e->addr);
	r->val = newval;
	r->opkind = e->kind;
	(void)t;
}

/* Make entry idx visible (remove it from the buffer). */
void mm_drain(struct sim *sim, struct sim_thread *t, int idx)
{
	struct sbuf *b = &t->buf;
	struct sbuf_entry e = b->e[idx];
	uint64_t newval = 0;

	assert(idx < b->n);
	memmove(&b->e[idx], &b->e[idx + 1], (size_t)(b->n - idx - 1) * sizeof(e));
	b->n--;
	if (e.kind == SB_UNLOCK_W || e.kind == SB_UNLOCK_R) {
		lock_release((struct plat_lock *)(void *)e.addr, e.kind == SB_UNLOCK_W);
	} else {
		newval = apply(e.kind, mem_read(e.addr, e.size), e.val) &
			 size_mask(e.size);
		mem_write(e.addr, e.size, newval);
	}
	sim_hash_mix(sim, ((uint64_t)e.kind << 56) ^ loc_id(sim, e.addr));
	sim_hash_mix(sim, val_id(sim, newval));
	trace_drain(sim, t, &e, newval);
}

void mm_drain_all(struct sim *sim, struct sim_thread *t)
{
	while (t->buf.n)
		mm_drain(sim, t, 0);
}

/* Drain, in program order, everything up to and including the youngest
 * entry for addr (coherence for an access performed on memory at once). */
static void drain_location(struct sim *sim, struct sim_thread *t,
			   const volatile void *addr)
{
	int last = -1;
	for (int i = 0; i < t->buf.n; i++)
		if (t->buf.e[i].addr == addr)
			last = i;
	for (int i = 0; i <= last; i++)
		mm_drain(sim, t, 0);
}

static void buffer_put(struct sim *sim, struct sim_thread *t, volatile void *p,
		       unsigned size, uint64_t v, int kind, bool order,
		       const struct platform_site *site)
{
	struct sbuf *b = &t->buf;
	if (b->n == SIM_SBUF_MAX) /* bounded: the oldest write goes out first */
		mm_drain(sim, t, 0);
	if (order)
		b->epoch++;
	b->e[b->n++] = (struct sbuf_entry){
		.addr = p, .val = v, .site = site, .epoch = b->epoch,
		.size = (uint8_t)size, .kind = (uint8_t)kind};
}

int mm_drain_choices(const struct sim *sim, const struct sim_thread *t,
		     struct sim_choice *out)
{
	const struct sbuf *b = &t->buf;
	int n = 0;
	if (!b->n)
		return 0;
	if (sim->cfg.model != MODEL_PSO) {
		out[0] = (struct sim_choice){CH_DRAIN, 0, (uint16_t)t->id, 0};
		return 1;
	}
	for (int i = 0; i < b->n; i++) {
		bool oldest = b->e[i].epoch == b->e[0].epoch;
		for (int j = 0; oldest && j < i; j++)
			if (b->e[j].addr == b->e[i].addr)
				oldest = false;
		if (oldest)
			out[n++] = (struct sim_choice){CH_DRAIN, 0, (uint16_t)t->id,
						       (uint32_t)i};
	}
	return n;
}

/* ---- accesses -------------------------------------------------------------- */

static uint64_t forwarded(const struct sim_thread *t, const volatile void *p,
			  unsigned size, uint64_t v, bool *fwd)
{
	for (int i = 0; i < t->buf.n; i++) {
		const struct sbuf_entry *e = &t->buf.e[i];
		if (e->addr == p && e->kind <= SB_ADD) {
			v = apply(e->kind, v, e->val) & size_mask(size);
			*fwd = true;
		}
	}
	return v;
}

uint64_t mm_load(struct sim *sim, struct sim_thread *t, const volatile void *p,
		 unsigned size, int order)
{
	bool fwd = false;
	(void)order; /* loads stay in order under SC, TSO and PSO */
	uint64_t v = forwarded(t, p, size, mem_read(p, size), &fwd);
	if (fwd && sim->tr_cur)
		sim->tr_cur->flags |= TR_FORWARD;
	return v;
}

static void write_at_once(struct sim *sim, struct sim_thread *t,
			  volatile void *p, unsigned size, uint64_t v)
{
	drain_location(sim, t, p);
	mem_write(p, size, v);
}

void mm_store(struct sim *sim, struct sim_thread *t, volatile void *p,
	      unsigned size, uint64_t v, int order)
{
	uint8_t f = fx(sim, order == PLAT_RELEASE ? MP_STORE_REL : MP_STORE);
	v &= size_mask(size);
	if (f & FX_DRAIN)
		mm_drain_all(sim, t);
	if (f & FX_BUFFER) {
		buffer_put(sim, t, p, size, v, SB_STORE, f & FX_ORDER,
			   sim->cur_site);
		if (sim->tr_cur)
			sim->tr_cur->flags |= TR_BUFFERED;
		return;
	}
	write_at_once(sim, t, p, size, v);
}

void mm_fence(struct sim *sim, struct sim_thread *t, int fence)
{
	static const uint8_t prim[PLAT_FENCE_COUNT] = {
		[PLAT_MB] = MP_MB, [PLAT_WMB] = MP_WMB, [PLAT_RMB] = MP_RMB,
		[PLAT_MB_BEFORE_ATOMIC] = MP_MB_BEFORE_ATOMIC,
		[PLAT_MB_AFTER_ATOMIC] = MP_MB_AFTER_ATOMIC};
	uint8_t f = fx(sim, prim[fence]);
	if (f & FX_DRAIN)
		mm_drain_all(sim, t);
	else if (f & FX_ORDER)
		t->buf.epoch++;
}

static int rmw_prim(int cls)
{
	switch (cls) {
	case PLAT_RMW_NORET: return MP_RMW_NORET;
	case PLAT_RMW_RELAXED: return MP_RMW_RELAXED;
	case PLAT_RMW_ACQUIRE: return MP_RMW_ACQUIRE;
	case PLAT_RMW_RELEASE: return MP_RMW_RELEASE;
	default: return MP_RMW_FULL;
	}
}

uint64_t mm_rmw(struct sim *sim, struct sim_thread *t, volatile void *p,
		unsigned size, int op, uint64_t a, uint64_t b, int cls)
{
	bool fwd = false;
	uint64_t mask = size_mask(size);
	uint64_t old = forwarded(t, p, size, mem_read(p, size), &fwd);
	uint8_t f;

	a &= mask;
	b &= mask;
	if (op == PLAT_RMW_CMPXCHG && old != b) {
		/* A failed cmpxchg is only a read, with its own ordering. */
		if (fx(sim, MP_CAS_FAILED) & FX_DRAIN)
			mm_drain_all(sim, t);
		return old;
	}
	f = fx(sim, rmw_prim(cls));
	if (f & FX_DRAIN)
		mm_drain_all(sim, t);
	if (f & FX_BUFFER) {
		/* Non-value-returning: buffered as a delayed operation that is
		 * applied to memory when it drains, so it stays atomic. */
		static const uint8_t kind[PLAT_RMW_OP_COUNT] = {
			[PLAT_RMW_OR] = SB_OR, [PLAT_RMW_ANDNOT] = SB_ANDNOT,
			[PLAT_RMW_ADD] = SB_ADD, [PLAT_RMW_XCHG] = SB_STORE,
			[PLAT_RMW_CMPXCHG] = SB_STORE};
		buffer_put(sim, t, p, size, op == PLAT_RMW_CMPXCHG ? a : a,
			   kind[op], f & FX_ORDER, sim->cur_site);
		if (sim->tr_cur)
			sim->tr_cur->flags |= TR_BUFFERED;
		return old;
	}
	drain_location(sim, t, p);
	old = mem_read(p, size);
	switch (op) {
	case PLAT_RMW_OR: mem_write(p, size, old | a); break;
	case PLAT_RMW_ANDNOT: mem_write(p, size, old & ~a); break;
	case PLAT_RMW_ADD: mem_write(p, size, (old + a) & mask); break;
	case PLAT_RMW_XCHG: mem_write(p, size, a); break;
	case PLAT_RMW_CMPXCHG: mem_write(p, size, a); break;
	}
	return old;
}

/* ---- locks ------------------------------------------------------------------ */

bool mm_lock_available(const struct sim *sim, const struct sim_thread *t,
		       const struct plat_lock *l, bool write)
{
	int owner = l->owner, readers = l->readers;
	(void)sim;
	/* The thread's own pending unlocks of l drain before it re-acquires. */
	for (int i = 0; i < t->buf.n; i++) {
		const struct sbuf_entry *e = &t->buf.e[i];
		if ((const void *)e->addr != (const void *)l)
			continue;
		if (e->kind == SB_UNLOCK_W)
			owner = 0;
		else if (e->kind == SB_UNLOCK_R)
			readers--;
	}
	return owner == 0 && (!write || readers == 0);
}

void mm_lock(struct sim *sim, struct sim_thread *t, struct plat_lock *l, bool write)
{
	drain_location(sim, t, l);
	if (fx(sim, MP_LOCK) & FX_DRAIN)
		mm_drain_all(sim, t);
	assert(l->owner == 0 && (!write || l->readers == 0));
	if (write)
		l->owner = (int16_t)(t->id + 1);
	else
		l->readers++;
}

void mm_unlock(struct sim *sim, struct sim_thread *t, struct plat_lock *l, bool write)
{
	uint8_t f = fx(sim, MP_UNLOCK);
	if (f & FX_BUFFER) {
		buffer_put(sim, t, l, 0, 0, write ? SB_UNLOCK_W : SB_UNLOCK_R,
			   f & FX_ORDER, sim->cur_site);
		return;
	}
	lock_release(l, write);
}
