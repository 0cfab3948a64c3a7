/*
 * sim/memmodel.c: memory models as data, and the store buffers that carry
 * them out.
 *
 * Each model is one row of mm_table: for every primitive class, which of a
 * handful of effects it has.  The buffer code below carries out effects; it
 * never decides what a fence means.
 *
 * Invariants:
 *  1. Memory (the C objects themselves) always holds the coherence-last
 *     value of every location (under wmm the last of its history, which
 *     a store placed earlier in coherence order does not change); a
 *     thread's own buffered writes are seen by its own loads (forwarding)
 *     and by nobody else until drained.
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
 *  5. wmm = PSO's buffers plus views: every store that becomes visible
 *     enters its location's history, which is in coherence order (the
 *     timestamps), with a view vector (what an acquirer of it inherits): a
 *     drained plain or release store its writer's view, any other write the
 *     latest timestamp of every location.  A drained plain or release store
 *     is appended (coherence-last) or, as a recorded drain choice, placed
 *     before up to WMM_PLACE_MAX of the latest stores when each of those is
 *     beyond its writer's view and unsettled (wmm_settled: not an RMW's, no
 *     other thread's view has reached it, its writer made no other write
 *     visible since); RMWs and every other write are appended.  A load may
 *     read any kept store not older than the thread's view of the location,
 *     and that choice is the scheduler's.  Views only grow: reads, own
 *     stores, acquires, smp_rmb (what earlier loads acquired), and full
 *     barriers (everything latest).  Every rule is at least as strong as the
 *     Linux kernel memory model, so wmm never shows a forbidden outcome; what
 *     it cannot show is listed in the README (load buffering in C code:
 *     litmus programs get it from reordered variants, litmus/reorder.c;
 *     coherence orders against visibility order beyond the placements
 *     above, older stores beyond WMM_HIST, and outcomes the
 *     stronger-than-needed fences and locks rule out).
 */
#include <assert.h>
#include <stdio.h>

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
#define FX_LATEST 16  /* wmm: afterwards read only the latest of everything */
#define FX_ACQUIRE 32 /* wmm: inherit the view of the store this reads      */
#define FX_RMB 64     /* wmm: inherit what earlier loads read (smp_rmb)     */
#define FX_LOCKACQ 128 /* wmm: a lock inherits what its releases carried   */

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
	/* wmm: PSO's store buffers, and loads that may read any store not
	 * older than the thread's view (not multi-copy atomic, loads reorder).
	 * smp_mb, value-returning RMWs and the *_atomic fences drain and then
	 * read only the latest; smp_rmb inherits what earlier loads saw;
	 * acquire inherits at once; release and smp_wmb order the buffer;
	 * an unlock is a release whose view the next lock inherits (LKMM:
	 * the lock reads from the unlock), not a barrier for anyone else. */
	[MODEL_WMM] = {
		[MP_LOAD_ACQ] = FX_ACQUIRE,
		[MP_STORE] = FX_BUFFER, [MP_STORE_REL] = FX_BUFFER | FX_ORDER,
		[MP_MB] = FX_DRAIN | FX_LATEST, [MP_WMB] = FX_ORDER, [MP_RMB] = FX_RMB,
		[MP_MB_BEFORE_ATOMIC] = FX_DRAIN | FX_LATEST,
		[MP_MB_AFTER_ATOMIC] = FX_DRAIN | FX_LATEST,
		[MP_RMW_FULL] = FX_DRAIN | FX_ATOMIC | FX_LATEST,
		[MP_RMW_NORET] = FX_BUFFER,
		[MP_RMW_RELAXED] = FX_ATOMIC, [MP_RMW_ACQUIRE] = FX_ATOMIC | FX_ACQUIRE,
		[MP_RMW_RELEASE] = FX_DRAIN | FX_ATOMIC,
		[MP_LOCK] = FX_LOCKACQ,
		[MP_UNLOCK] = FX_BUFFER | FX_ORDER,
	},
};

/* Load buffering: a load and a later store to another location, with
 * nothing ordering them, may complete out of order.  The simulator cannot
 * run a thread's future store early (it does not know it); programs that
 * know theirs run reordered variants instead (litmus/reorder.c). */
static const bool mm_load_buffering[MODEL_COUNT] = {[MODEL_WMM] = true};

bool sim_model_load_buffering(int m) { return m >= 0 && m < MODEL_COUNT && mm_load_buffering[m]; }

static inline uint8_t fx(const struct sim *sim, int prim)
{
	return mm_table[sim->cfg.model][prim];
}

/* ---- raw memory ------------------------------------------------------------ */

uint64_t mem_read(const volatile void *p, unsigned size)
{
	fp_note(p, size, false);
	switch (size) {
	case 1: return *(const volatile uint8_t *)p;
	case 2: return *(const volatile uint16_t *)p;
	case 4: return *(const volatile uint32_t *)p;
	default: return *(const volatile uint64_t *)p;
	}
}

void mem_write(volatile void *p, unsigned size, uint64_t v)
{
	fp_note(p, size, true);
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
	case SB_XOR: return old ^ v;
	default: return v;
	}
}


/* ---- wmm: histories and views --------------------------------------------------- */

static inline bool is_wmm(const struct sim *sim) { return sim->cfg.model == MODEL_WMM; }

/* Start of a run.  Nothing of the previous run may be read again: the
 * address index is emptied, and every location record, history entry and
 * view vector entry is (re)written before it is read (wmm_loc fills a
 * location on registration, wmm_append an entry, and an entry's view vector
 * counts only for the nvis locations registered when it was appended; the
 * threads' views are cleared by mm_thread_init).  Clearing the whole table
 * (64 KiB) per run instead would cost more than a short run. */
void mm_reset(struct sim *sim)
{
	struct wmm *w = &sim->wmm;
	for (int i = 0; i < w->nlocs; i++)
		w->slot[w->locs[i].slot] = 0;
	w->nlocs = 0;
}

/* What an acquirer of m inherits: its view vector, 0 (the initial store)
 * for every location registered after m was appended. */
static void view_join_msg(uint32_t *v, const struct wmm_msg *m)
{
	for (int k = 0; k < m->nvis; k++)
		if (v[k] < m->vis[k])
			v[k] = m->vis[k];
}

static void view_latest(struct sim *sim, struct sim_thread *t);

/* A new thread (setup, or a work item starting after schedule_work's full
 * barrier) sees everything visible when it starts. */
void mm_thread_init(struct sim *sim, struct sim_thread *t)
{
	memset(t->view, 0, sizeof(t->view));
	memset(t->pend, 0, sizeof(t->pend));
	if (is_wmm(sim))
		view_latest(sim, t);
}

static uint32_t latest_ts(const struct wmm_loc *l) { return l->h[l->n - 1].ts; }

/* The location's index, registering it (with its current memory value as
 * the initial store) on first touch; -1 when the table is full. */
static int wmm_loc_reg(struct sim *sim, const volatile void *p, unsigned size, bool lockword);

static int wmm_loc(struct sim *sim, const volatile void *p, unsigned size)
{
	return wmm_loc_reg(sim, p, size, false);
}

/* lockword: p is a lock; its history holds release messages (the view each
 * unlock carried), never read as memory: no initial value is read. */
static int wmm_loc_reg(struct sim *sim, const volatile void *p, unsigned size, bool lockword)
{
	struct wmm *w = &sim->wmm;
	uintptr_t a = (uintptr_t)p;
	unsigned h = (unsigned)((a >> 2) * 2654435761u) % WMM_SLOTS;
	for (unsigned k = 0; k < WMM_SLOTS; k++, h = (h + 1) % WMM_SLOTS) {
		int i = w->slot[h] - 1;
		if (i >= 0 && w->locs[i].addr == p)
			return i;
		if (i < 0) {
			if (w->nlocs == WMM_LOCS)
				return -1;
			i = w->nlocs++;
			struct wmm_loc *l = &w->locs[i];
			l->addr = p;
			l->size = (uint8_t)size;
			l->slot = (uint16_t)h;
			l->n = 1;
			l->next_ts = 1;
			l->h[0].val = lockword ? 0 : mem_read(p, size);
			l->h[0].ts = 0;
			l->h[0].tid = -1;
			l->h[0].step = 0;
			l->h[0].nvis = 0;
			w->slot[h] = (int16_t)(i + 1);
			return i;
		}
	}
	return -1;
}

/* Thread t makes a write visible (a store, an RMW, an unlock): its earlier
 * stores are now ordered before something others may see, so none of them
 * may any longer have a store placed before it in coherence order. */
static void wmm_wrote(struct sim *sim, const struct sim_thread *t)
{
	struct wmm *w = &sim->wmm;
	if (!t || !is_wmm(sim))
		return;
	for (int i = 0; i < w->nlocs; i++)
		for (int k = 0; k < w->locs[i].n; k++)
			if (w->locs[i].h[k].tid == t->id)
				w->locs[i].h[k].fixed = 1;
}

/* Fill a new history entry m for location i.  own: a drained buffered
 * store, which carries its writer's view (what a release orders before it);
 * other writes carry the latest of every location (stronger). */
static void wmm_fill(struct sim *sim, struct sim_thread *t, struct wmm_msg *m,
		     int i, uint64_t v, uint32_t ts, bool rmw, bool own)
{
	struct wmm *w = &sim->wmm;
	m->val = v;
	m->ts = ts;
	m->tid = t ? t->id : -1;
	m->rmw = rmw;
	m->fixed = 0;
	m->step = sim->steps;
	m->nvis = w->nlocs;
	for (int k = 0; k < w->nlocs; k++)
		m->vis[k] = own && t ? t->view[k] : latest_ts(&w->locs[k]);
	if (m->vis[i] < ts)
		m->vis[i] = ts;
	if (t && t->view[i] < ts)
		t->view[i] = ts; /* a thread never reads older than its own store */
}

/* A store becomes visible as the coherence-latest: append it to the
 * location's history. */
static void wmm_append(struct sim *sim, struct sim_thread *t, volatile void *p,
		       unsigned size, uint64_t v, bool rmw, bool own)
{
	struct wmm *w = &sim->wmm;
	int i = wmm_loc(sim, p, size);
	if (i < 0)
		return;
	wmm_wrote(sim, t);
	struct wmm_loc *l = &w->locs[i];
	if (l->n == WMM_HIST) { /* bounded: the oldest becomes unreadable */
		memmove(&l->h[0], &l->h[1], (WMM_HIST - 1) * sizeof(l->h[0]));
		l->n--;
	}
	struct wmm_msg *m = &l->h[l->n++];
	wmm_fill(sim, t, m, i, v, l->next_ts++, rmw, own);
}

/* Whether a store may no longer have another placed before it: written by
 * an RMW (atomicity), the initial or a plain C store, its writer has made
 * another write visible since, or another thread has observed it (its view,
 * or what its next smp_rmb acquires, has reached it). */
static bool wmm_settled(const struct sim *sim, int i, const struct wmm_msg *m)
{
	if (m->tid < 0 || m->rmw || m->fixed)
		return true;
	for (int u = 0; u < sim->nthreads; u++) {
		const struct sim_thread *o = &sim->threads[u];
		if (u != m->tid && (o->view[i] >= m->ts || o->pend[i] >= m->ts))
			return true;
	}
	return false;
}

/* How many of location i's latest stores a store by t that becomes visible
 * now may be placed before in coherence order: stores t has not observed
 * (beyond its view), none settled, never the oldest kept. */
static int wmm_place_max(const struct sim *sim, const struct sim_thread *t, int i)
{
	const struct wmm_loc *l = &sim->wmm.locs[i];
	int j = 0;
	while (j < l->n - 1 && j < WMM_PLACE_MAX) {
		const struct wmm_msg *m = &l->h[l->n - 1 - j];
		if (m->ts <= t->view[i] || wmm_settled(sim, i, m))
			break;
		j++;
	}
	return j;
}

/* The location's index without registering it; -1 if untracked. */
static int wmm_find(const struct sim *sim, const volatile void *p)
{
	const struct wmm *w = &sim->wmm;
	uintptr_t a = (uintptr_t)p;
	unsigned h = (unsigned)((a >> 2) * 2654435761u) % WMM_SLOTS;
	for (unsigned k = 0; k < WMM_SLOTS; k++, h = (h + 1) % WMM_SLOTS) {
		int i = w->slot[h] - 1;
		if (i < 0)
			return -1;
		if (w->locs[i].addr == p)
			return i;
	}
	return -1;
}

/* A store becomes visible placed before the `place` latest stores of its
 * location in coherence order (0 < place <= wmm_place_max): it takes the
 * timestamp of the first of them, which and every later one move up by
 * one, in the history, the threads' views and every entry's view vector.
 * Memory keeps the coherence-latest value, which does not change. */
static void wmm_insert(struct sim *sim, struct sim_thread *t, int i, int place,
		       uint64_t v)
{
	struct wmm *w = &sim->wmm;
	struct wmm_loc *l = &w->locs[i];
	int pos = l->n - place;
	uint32_t ts = l->h[pos].ts;
	wmm_wrote(sim, t);
	for (int k = pos; k < l->n; k++)
		l->h[k].ts++;
	l->next_ts++;
	for (int u = 0; u < sim->nthreads; u++) {
		struct sim_thread *o = &sim->threads[u];
		if (o->view[i] >= ts)
			o->view[i]++;
		if (o->pend[i] >= ts)
			o->pend[i]++;
	}
	for (int a = 0; a < w->nlocs; a++)
		for (int k = 0; k < w->locs[a].n; k++) {
			struct wmm_msg *m = &w->locs[a].h[k];
			if (i < m->nvis && m->vis[i] >= ts)
				m->vis[i]++;
		}
	if (l->n == WMM_HIST) { /* bounded: the oldest becomes unreadable */
		memmove(&l->h[0], &l->h[1], (WMM_HIST - 1) * sizeof(l->h[0]));
		l->n--;
		pos--;
	}
	memmove(&l->h[pos + 1], &l->h[pos], (size_t)(l->n - pos) * sizeof(l->h[0]));
	l->n++;
	wmm_fill(sim, t, &l->h[pos], i, v, ts, false, true);
}

static void view_join(uint32_t *v, const uint32_t *u, int n)
{
	for (int k = 0; k < n; k++)
		if (v[k] < u[k])
			v[k] = u[k];
}

static void view_latest(struct sim *sim, struct sim_thread *t)
{
	struct wmm *w = &sim->wmm;
	for (int k = 0; k < w->nlocs; k++)
		t->view[k] = latest_ts(&w->locs[k]);
}

/* An unlock of lock l by t becomes visible: a release message in l's
 * history carrying t's view joined with what the earlier releases carried
 * (readers of an rwsem do not acquire each other, so a writer must inherit
 * every release since).  The lock's next acquirer inherits it. */
static void wmm_lock_release(struct sim *sim, struct sim_thread *t, const void *l)
{
	int i = wmm_loc_reg(sim, l, 1, true);
	if (i < 0)
		return; /* untracked: its acquirers read the latest of everything */
	struct wmm_loc *loc = &sim->wmm.locs[i];
	struct wmm_msg prev = loc->h[loc->n - 1];
	wmm_append(sim, t, (volatile void *)(uintptr_t)l, 1, loc->next_ts, true, true);
	view_join_msg(loc->h[loc->n - 1].vis, &prev);
}

/* t takes lock l: it inherits the view of l's latest release. */
static void wmm_lock_acquire(struct sim *sim, struct sim_thread *t, const void *l)
{
	int i = wmm_loc_reg(sim, l, 1, true);
	if (i < 0) {
		view_latest(sim, t);
		return;
	}
	const struct wmm_loc *loc = &sim->wmm.locs[i];
	view_join_msg(t->view, &loc->h[loc->n - 1]);
	t->view[i] = latest_ts(loc);
}

/* Candidates of a load: stores of the location not older than the view,
 * newest first.  Returns how many; *first = index in h of the newest. */
static int wmm_candidates(struct sim *sim, struct sim_thread *t, int i)
{
	const struct wmm_loc *l = &sim->wmm.locs[i];
	int n = 0;
	for (int k = l->n - 1; k >= 0 && l->h[k].ts >= t->view[i]; k--)
		n++;
	return n;
}

static bool forwards(const struct sim_thread *t, const volatile void *p)
{
	for (int i = 0; i < t->buf.n; i++)
		if (t->buf.e[i].addr == p && SB_IS_WRITE(t->buf.e[i].kind))
			return true;
	return false;
}

int mm_read_choices(struct sim *sim, struct sim_thread *t)
{
	const struct sim_op *op = t->op;
	if (!is_wmm(sim) || op->kind != OP_LOAD || forwards(t, op->addr))
		return 1;
	int i = wmm_loc(sim, op->addr, op->size);
	if (i < 0)
		return 1;
	int n = wmm_candidates(sim, t, i);
	if (n == 0) /* the view is ahead of every store: it cannot happen */
		sim_fatal(sim, "wmm: %s's view of a location (ts %u) is ahead of its "
			  "latest store (ts %u); the load has nothing to read",
			  t->name, t->view[i], latest_ts(&sim->wmm.locs[i]));
	return n > 4 ? 4 : n; /* WMM_HIST bounds it anyway */
}

/* wmm load: the choice picks which candidate (0 = the latest). */
static uint64_t wmm_read(struct sim *sim, struct sim_thread *t, const volatile void *p,
			 unsigned size, bool acquire)
{
	int i = wmm_loc(sim, p, size);
	if (i < 0)
		return mem_read(p, size);
	struct wmm_loc *l = &sim->wmm.locs[i];
	uint64_t now = mem_read(p, size);
	if (now != l->h[l->n - 1].val) /* a plain C store bypassed the model: */
		wmm_append(sim, NULL, (volatile void *)p, size, now, false, false); /* the latest */
	int n = wmm_candidates(sim, t, i);
	uint32_t pick = sim->read_choice < (uint32_t)n ? sim->read_choice : 0;
	const struct wmm_msg *m = &l->h[l->n - 1 - (int)pick];
	t->view[i] = m->ts;
	view_join_msg(t->pend, m);
	if (acquire)
		view_join_msg(t->view, m);
	if (sim->tr_cur && pick) {
		snprintf(sim->tr_cur->note, sizeof(sim->tr_cur->note),
			 "an older store (ts %u of %u, %s step %llu)", m->ts, latest_ts(l),
			 m->tid >= 0 ? sim->threads[m->tid].name : "init",
			 (unsigned long long)m->step);
		sim->tr_cur->flags |= TR_OLD;
	}
	sim_hash_mix(sim, 0x5eed0000u + pick);
	return m->val;
}

/* The view effects of one table entry, after the access. */
static void wmm_effects(struct sim *sim, struct sim_thread *t, uint8_t f)
{
	if (!is_wmm(sim))
		return;
	if (f & FX_RMB)
		view_join(t->view, t->pend, sim->wmm.nlocs);
	if (f & FX_LATEST)
		view_latest(sim, t);
}

void mm_full_fence(struct sim *sim, struct sim_thread *t)
{
	mm_drain_all(sim, t);
	if (is_wmm(sim))
		view_latest(sim, t);
}

static void write_direct(struct sim *sim, struct sim_thread *t, volatile void *p,
			 unsigned size, uint64_t v, bool rmw, bool own)
{
	if (is_wmm(sim))
		wmm_loc(sim, p, size); /* first touch records the value before */
	mem_write(p, size, v);
	if (is_wmm(sim))
		wmm_append(sim, t, p, size, v, rmw, own);
}

void mm_write_direct(struct sim *sim, struct sim_thread *t, volatile void *p,
		     unsigned size, uint64_t v)
{
	write_direct(sim, t, p, size, v, false, false);
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

/* Make entry idx visible (remove it from the buffer); under wmm a plain
 * store may be placed before the `place` latest stores of its location in
 * coherence order (a choice of mm_drain_choices, 0 elsewhere). */
void mm_drain_at(struct sim *sim, struct sim_thread *t, int idx, int place)
{
	struct sbuf *b = &t->buf;
	struct sbuf_entry e = b->e[idx];
	uint64_t newval = 0;

	assert(idx < b->n);
	if (sim->cfg.track_rf && sim->nflushed < SIM_SBUF_MAX)
		sim->flushed[sim->nflushed++] = e.site;
	memmove(&b->e[idx], &b->e[idx + 1], (size_t)(b->n - idx - 1) * sizeof(e));
	b->n--;
	if (e.kind == SB_UNLOCK_W || e.kind == SB_UNLOCK_R) {
		wmm_wrote(sim, t);
		if (is_wmm(sim) && (fx(sim, MP_LOCK) & FX_LOCKACQ))
			wmm_lock_release(sim, t, (const void *)e.addr);
		lock_release((struct plat_lock *)(void *)e.addr, e.kind == SB_UNLOCK_W);
	} else if (place > 0) {
		int i = is_wmm(sim) && e.kind == SB_STORE ? wmm_find(sim, e.addr) : -1;
		if (i < 0 || place > wmm_place_max(sim, t, i))
			sim_fatal(sim, "wmm: %s's drain placed before %d stores, "
				  "which is not a choice here", t->name, place);
		newval = e.val & size_mask(e.size);
		fp_note(e.addr, e.size, true); /* races like a write of the location */
		wmm_insert(sim, t, i, place, newval);
		if (sim->tr_cur) {
			snprintf(sim->tr_cur->note, sizeof(sim->tr_cur->note),
				 "coherence-before the %d latest", place);
			sim->tr_cur->flags |= TR_OLD;
		}
		sim_hash_mix(sim, 0xc0de0000u + (uint32_t)place);
	} else {
		newval = apply(e.kind, mem_read(e.addr, e.size), e.val) &
			 size_mask(e.size);
		write_direct(sim, t, e.addr, e.size, newval, e.kind != SB_STORE,
			     e.kind == SB_STORE);
	}
	sim_hash_mix(sim, ((uint64_t)e.kind << 56) ^ loc_id(sim, e.addr));
	sim_hash_mix(sim, val_id(sim, newval));
	trace_drain(sim, t, &e, newval);
}

void mm_drain(struct sim *sim, struct sim_thread *t, int idx)
{
	mm_drain_at(sim, t, idx, 0);
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
	if (sim->cfg.model != MODEL_PSO && sim->cfg.model != MODEL_WMM) {
		out[0] = (struct sim_choice){CH_DRAIN, 0, (uint16_t)t->id, 0};
		return 1;
	}
	for (int i = 0; i < b->n; i++) {
		bool oldest = b->e[i].epoch == b->e[0].epoch;
		for (int j = 0; oldest && j < i; j++)
			if (b->e[j].addr == b->e[i].addr)
				oldest = false;
		if (!oldest)
			continue;
		out[n++] = (struct sim_choice){CH_DRAIN, 0, (uint16_t)t->id, (uint32_t)i};
		int loc = sim->cfg.model == MODEL_WMM && b->e[i].kind == SB_STORE
			? wmm_find(sim, b->e[i].addr) : -1;
		int places = loc >= 0 ? wmm_place_max(sim, t, loc) : 0;
		for (int k = 1; k <= places; k++)
			out[n++] = (struct sim_choice){CH_DRAIN, 0, (uint16_t)t->id,
						       (uint32_t)i | (uint32_t)k << 16};
	}
	return n;
}

/* ---- accesses -------------------------------------------------------------- */

static uint64_t forwarded(const struct sim_thread *t, const volatile void *p,
			  unsigned size, uint64_t v, bool *fwd)
{
	for (int i = 0; i < t->buf.n; i++) {
		const struct sbuf_entry *e = &t->buf.e[i];
		if (e->addr == p && SB_IS_WRITE(e->kind)) {
			v = apply(e->kind, v, e->val) & size_mask(size);
			*fwd = true;
		}
	}
	return v;
}

/* What t's own next load of p would return if nothing else intervened:
 * its buffered stores forwarded over memory (wmm: the latest store).  For
 * the context checks, on words other threads only ever move to one value
 * (a task's state: wakers store TASK_RUNNING), so the latest store is
 * what t reads.  Notes a read of p for the reduction. */
uint64_t mm_peek_own(const struct sim_thread *t, const volatile void *p, unsigned size)
{
	bool fwd = false;
	return forwarded(t, p, size, mem_read(p, size), &fwd);
}

uint64_t mm_load(struct sim *sim, struct sim_thread *t, const volatile void *p,
		 unsigned size, int order)
{
	bool fwd = false;
	/* A forwarded load still notes a read of p: it commutes with another
	 * thread's write of p, but not with the drain of its own entry, after
	 * which it reads memory and so races with those writes (CoWR under TSO:
	 * own store drained, another store, own load reads it). */
	uint64_t v = forwarded(t, p, size, mem_read(p, size), &fwd);
	if (fwd && sim->tr_cur)
		sim->tr_cur->flags |= TR_FORWARD;
	if (!is_wmm(sim) || fwd)
		return v; /* loads stay in order under SC, TSO and PSO */
	return wmm_read(sim, t, p, size,
			fx(sim, order == PLAT_ACQUIRE ? MP_LOAD_ACQ : MP_LOAD) & FX_ACQUIRE);
}

static void write_at_once(struct sim *sim, struct sim_thread *t,
			  volatile void *p, unsigned size, uint64_t v)
{
	drain_location(sim, t, p);
	mm_write_direct(sim, t, p, size, v);
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
	wmm_effects(sim, t, f);
}

static int rmw_prim(int cls);

bool mm_op_drains(const struct sim *sim, const struct sim_op *op)
{
	static const uint8_t prim[PLAT_FENCE_COUNT] = {
		[PLAT_MB] = MP_MB, [PLAT_WMB] = MP_WMB, [PLAT_RMB] = MP_RMB,
		[PLAT_MB_BEFORE_ATOMIC] = MP_MB_BEFORE_ATOMIC,
		[PLAT_MB_AFTER_ATOMIC] = MP_MB_AFTER_ATOMIC};
	switch (op->kind) {
	case OP_FENCE: return fx(sim, prim[op->mode]) & FX_DRAIN;
	case OP_STORE_MB: return true;
	case OP_RMW: /* a cmpxchg that may fail drains only if failing does */
		return (fx(sim, rmw_prim(op->mode)) & FX_DRAIN) &&
		       ((op->rmwop != PLAT_RMW_CMPXCHG && op->rmwop != PLAT_RMW_ADD_UNLESS) ||
			(fx(sim, MP_CAS_FAILED) & FX_DRAIN));
	case OP_TRYLOCK:
		if (op->mode & SIM_TRY_PEEK) /* spin_is_locked: a read */
			return false;
		/* fall through */
	case OP_LOCK: return fx(sim, MP_LOCK) & FX_DRAIN;
	default: return false;
	}
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
	if ((op == PLAT_RMW_CMPXCHG && old != b) || (op == PLAT_RMW_ADD_UNLESS && old == b)) {
		/* A failed cmpxchg (an add_unless that does not add) is only
		 * a read (of the latest value), with its own ordering. */
		uint8_t ff = fx(sim, MP_CAS_FAILED);
		if (ff & FX_DRAIN)
			mm_drain_all(sim, t);
		if (is_wmm(sim) && !fwd) {
			int i = wmm_loc(sim, p, size);
			if (i >= 0)
				t->view[i] = latest_ts(&sim->wmm.locs[i]);
		}
		wmm_effects(sim, t, ff);
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
			[PLAT_RMW_CMPXCHG] = SB_STORE, [PLAT_RMW_XOR] = SB_XOR,
			[PLAT_RMW_ADD_UNLESS] = SB_ADD};
		buffer_put(sim, t, p, size, op == PLAT_RMW_CMPXCHG ? a : a,
			   kind[op], f & FX_ORDER, sim->cur_site);
		if (sim->tr_cur)
			sim->tr_cur->flags |= TR_BUFFERED;
		return old;
	}
	drain_location(sim, t, p);
	old = mem_read(p, size);
	uint64_t nv = a;
	switch (op) {
	case PLAT_RMW_OR: nv = old | a; break;
	case PLAT_RMW_ANDNOT: nv = old & ~a; break;
	case PLAT_RMW_ADD: nv = (old + a) & mask; break;
	case PLAT_RMW_XOR: nv = old ^ a; break;
	case PLAT_RMW_ADD_UNLESS:
		if (old == b) /* it read the latest value under the drain: unchanged */
			nv = old;
		else
			nv = (old + a) & mask;
		break;
	default: break;
	}
	if (is_wmm(sim) && (f & FX_ACQUIRE)) { /* inherit what the read store saw */
		int i = wmm_loc(sim, p, size);
		if (i >= 0) {
			const struct wmm_loc *l = &sim->wmm.locs[i];
			view_join_msg(t->view, &l->h[l->n - 1]);
		}
	}
	write_direct(sim, t, p, size, nv, true, false);
	wmm_effects(sim, t, f);
	return old;
}

/* ---- RCU read-side bookkeeping ------------------------------------------------ */

/* The outermost rcu_read_lock: the thread is a reader of its own rcu_gp
 * lock; under wmm it reads the latest of everything from now on (a critical
 * section that begins after a grace period began sees what was written
 * before the grace period). */
void mm_rcu_enter(struct sim *sim, struct sim_thread *t)
{
	t->rcu_gp.readers++;
	if (is_wmm(sim))
		view_latest(sim, t);
}

/* The outermost rcu_read_unlock: the critical section's stores must be
 * visible before a grace period that waited for it can end, so with stores
 * still buffered the exit is buffered behind them (a release), and takes
 * effect when it drains. */
void mm_rcu_exit(struct sim *sim, struct sim_thread *t)
{
	wmm_wrote(sim, t);
	if (t->buf.n == 0) {
		lock_release(&t->rcu_gp, false);
		return;
	}
	buffer_put(sim, t, &t->rcu_gp, 0, 0, SB_UNLOCK_R, true, sim->cur_site);
}

/* ---- locks ------------------------------------------------------------------ */

/* Another thread is parked in down_write() on l. */
static bool rwsem_writer_waits(const struct sim *sim, const struct sim_thread *self,
			       const struct plat_lock *l)
{
	for (int i = 0; i < sim->nthreads; i++) {
		const struct sim_thread *u = &sim->threads[i];
		if (u != self && !u->done && u->op && u->op->kind == OP_LOCK && u->op->mode &&
		    u->op->obj == (const void *)l)
			return true;
	}
	return false;
}

/* Whether t may take l now.  A rw_semaphore is writer-fair as the
 * kernel's is: while readers hold it and a writer waits in down_write(),
 * a new down_read() (or down_read_trylock()) queues behind the writer
 * instead of joining the readers, so a stream of readers cannot starve the
 * writer.  When the rwsem is free, a reader may still take it before the
 * writer that was woken for it (the kernel's reader lock stealing), and
 * two writers race (optimistic spinning); both are scheduler choices. */
bool mm_lock_available(const struct sim *sim, const struct sim_thread *t,
		       const struct plat_lock *l, bool write)
{
	int owner = l->owner, readers = l->readers;
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
	if (owner != 0 || (write && readers != 0))
		return false;
	if (!write && readers > 0 && l->kind == PLAT_RWSEM && rwsem_writer_waits(sim, t, l))
		return false;
	return true;
}

void mm_lock(struct sim *sim, struct sim_thread *t, struct plat_lock *l, bool write)
{
	drain_location(sim, t, l);
	if (fx(sim, MP_LOCK) & FX_DRAIN)
		mm_drain_all(sim, t);
	wmm_effects(sim, t, fx(sim, MP_LOCK));
	if (is_wmm(sim) && (fx(sim, MP_LOCK) & FX_LOCKACQ))
		wmm_lock_acquire(sim, t, l);
	wmm_wrote(sim, t);
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
