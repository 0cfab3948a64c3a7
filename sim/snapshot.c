/*
 * sim/snapshot.c: the machine's state as data, for the stateful search
 * (sim/stateful.c): a fingerprint of the whole simulated machine at a
 * decision point, and a checkpoint that restores it in place.
 *
 * What the state is.  Between two steps every simulated thread is stopped
 * at a primitive, switched out by the asm context switch, which pushed its
 * callee-saved registers onto its own stack and left its stack pointer in
 * its ctx.  So the machine is:
 *   - the arena (every object of the scenario and the core: shared memory,
 *     ghost state, task structs, work items), [0, arena_used);
 *   - each live thread's record (pending operation, wait phase, store
 *     buffer, wmm views, guest exit, pCPU, preemption count, irq watch) and
 *     its live stack, from its saved stack pointer to the top: the frames of
 *     the code it is in, its locals and its saved registers;
 *   - the pCPUs (irqs on, the thread in guest mode, pending IPIs), the event
 *     queue, the wmm store histories.
 * Pointers into the arena and the stacks are the same on every path in one
 * process (the arena is allocated in a deterministic order, each thread has
 * its own stack mapping), so they are hashed as they are.
 *
 * What the fingerprint leaves out, and why that is sound:
 *   - absolute time: every step advances it, but only event times relative to
 *     now decide what can happen next, so events are hashed relative to now;
 *     once a thread has read the clock (plat_now_ns: halt polling) now itself
 *     is state, and it is hashed from then on;
 *   - event sequence numbers: only the queue's order matters (a guest's exit
 *     event is named by its position in the queue);
 *   - the step count, the trace hash, the decision record, the last thread
 *     stepped, the wmm messages' step stamps: history, not state (the step
 *     budget is still enforced on every path, with the path's own count);
 *   - the stack below a thread's stack pointer: dead.
 * Two paths to one state may still differ in dead bytes inside live frames
 * (an unwritten local, padding): such states hash differently and are both
 * explored, which costs time, never soundness.
 *
 * The checkpoint holds the same things plus the history (so a violation
 * found after a restore carries the right step count, trace hash and
 * decision list), as one byte buffer; restoring writes them back to the
 * same addresses.  It needs the asm switch (a ucontext keeps registers
 * outside the stack) and, under ASan, no fake stacks (they move locals off
 * the coroutine stacks); sim_snap_supported() says why not.
 */
#include <stdlib.h>
#include <string.h>

#include "sim_internal.h"
#include "snapshot.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SNAP_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define SNAP_ASAN 1
#endif
#ifdef SNAP_ASAN
#include <sanitizer/asan_interface.h>
#define NO_ASAN __attribute__((no_sanitize("address")))
#else
#define NO_ASAN
#endif

bool sim_snap_supported(const struct sim *sim, char *why, size_t len)
{
	if (sim->cfg.switch_impl != SWITCH_ASM) {
		snprintf(why, len, "the stateful search needs the asm context switch "
			 "(--switch asm): a ucontext keeps registers off the stack");
		return false;
	}
#ifdef SNAP_ASAN
	if (__asan_get_current_fake_stack()) {
		snprintf(why, len, "the stateful search cannot run with ASan's "
			 "detect_stack_use_after_return (fake stacks hold locals off the "
			 "coroutine stacks)");
		return false;
	}
#endif
	return true;
}

/* ---- fingerprint ----------------------------------------------------------------- */

static bool cpu_initial(const struct sim_cpu *c)
{
	return c->irq_on && c->in_guest < 0 && !c->nipis;
}


struct fph {
	uint64_t a, b;
};

/* 64 x 64 -> 128 bit multiply, folded (the mixing step of wyhash) */
static inline uint64_t mum(uint64_t x, uint64_t y)
{
	__uint128_t r = (__uint128_t)x * y;
	return (uint64_t)r ^ (uint64_t)(r >> 64);
}

#define K0 0xa0761d6478bd642fULL
#define K1 0xe7037ed1a0b428dbULL
#define K2 0x8ebc6af09c88c6e3ULL
#define K3 0x589965cc75374cc3ULL

static inline void fp_word(struct fph *h, uint64_t w)
{
	h->a = mum(h->a ^ w, K0);
	h->b = mum(h->b ^ w, K1);
}

/* An unaligned 8-byte load that ASan does not check (a plain load: a
 * memcpy would be its checked interceptor). */
typedef uint64_t __attribute__((may_alias, aligned(1))) u64_unaligned;
NO_ASAN static inline uint64_t load8(const unsigned char *c)
{
	return *(const u64_unaligned *)c;
}

NO_ASAN static inline void store8(unsigned char *c, uint64_t w)
{
	*(u64_unaligned *)c = w;
}

/* Memory as it is: two lanes over 16-byte pairs, one multiply per 16 bytes
 * in each (stack slots may be poisoned redzones under ASan: they are read,
 * never used). */
NO_ASAN static void fp_bytes(struct fph *h, const void *p, size_t n)
{
	const unsigned char *c = p;
	uint64_t a = h->a ^ n, b = h->b + n;
	size_t i = 0;
	for (; i + 32 <= n; i += 32) {
		a = mum(load8(c + i) ^ K0, load8(c + i + 8) ^ a);
		b = mum(load8(c + i + 16) ^ K1, load8(c + i + 24) ^ b);
	}
	for (; i + 8 <= n; i += 8)
		a = mum(load8(c + i) ^ K2, a ^ K3);
	if (i < n) {
		uint64_t w = 0;
		for (size_t k = 0; i + k < n; k++)
			w |= (uint64_t)c[i + k] << (8 * k);
		b = mum(w ^ K2, b ^ K3);
	}
	h->a = mum(a ^ K1, b ^ K2);
	h->b = mum(b ^ K0, a ^ K3);
}

static inline void fp_ptr(struct fph *h, const volatile void *p)
{
	fp_word(h, (uint64_t)(uintptr_t)p);
}

/* Words of a record gathered, then hashed by fp_bytes in one go (one
 * multiply per 16 bytes instead of two per word). */
struct words {
	uint64_t w[48];
	int n;
};

static inline void put_w(struct words *b, uint64_t v) { b->w[b->n++] = v; }
static inline void put_p(struct words *b, const volatile void *p)
{
	b->w[b->n++] = (uint64_t)(uintptr_t)p;
}

static void put_op(struct words *b, const struct sim_op *op)
{
	put_p(b, op->site);
	put_w(b, (uint64_t)op->kind | (uint64_t)op->size << 8 | (uint64_t)op->mode << 16 |
			 (uint64_t)op->rmwop << 24);
	put_p(b, op->addr);
	put_p(b, op->obj);
	put_w(b, op->a);
	put_w(b, op->b);
	put_w(b, op->ret);
	put_w(b, op->ret2);
	put_p(b, op->mask);
	put_w(b, (uint64_t)(uintptr_t)op->fn);
}

static int event_pos(const struct sim *sim, int seq)
{
	for (int i = 0; i < sim->nevents; i++)
		if ((int)sim->events[i].seq == seq)
			return i;
	return -1;
}

static void fp_thread(struct fph *h, const struct sim *sim, const struct sim_thread *t)
{
	struct words b;
	b.n = 0;
	put_w(&b, (uint64_t)t->done | (uint64_t)t->guest_exited << 8 |
			  (uint64_t)t->claimed << 16 | (uint64_t)(uint16_t)t->cpu << 24 |
			  (uint64_t)(uint16_t)t->preempt << 40);
	put_w(&b, (uint64_t)(uint16_t)t->acks_pending |
			  (uint64_t)(uint32_t)(t->guest_event < 0 ? -1
					       : event_pos(sim, t->guest_event)) << 16);
	put_p(&b, t->task);
	put_p(&b, t->work);
	put_w(&b, (uint64_t)t->gexit.reason);
	put_w(&b, t->gexit.arg);
	put_w(&b, (uint64_t)(uint16_t)t->iw_kind | (uint64_t)t->iw_size << 16);
	put_p(&b, t->iw_addr);
	put_w(&b, t->iw_val);
	put_w(&b, t->iw_last);
	put_p(&b, t->iw_what);
	put_w(&b, t->buf.n | (uint64_t)t->buf.epoch << 8);
	if (t->rcu_nest || t->rcu_gp.owner || t->rcu_gp.readers)
		put_w(&b, (uint64_t)(uint16_t)t->rcu_nest | (uint64_t)(uint16_t)t->rcu_gp.owner << 16 |
				  (uint64_t)(uint16_t)t->rcu_gp.readers << 32);
	put_p(&b, t->op);
	if (t->op == &t->phase)
		put_op(&b, &t->phase);
	put_p(&b, t->done ? NULL : t->ctx.sp);
	fp_bytes(h, b.w, (size_t)b.n * sizeof(b.w[0]));
	for (int k = 0; k < t->buf.n; k++) {
		const struct sbuf_entry *e = &t->buf.e[k];
		uint64_t w[4] = {(uint64_t)(uintptr_t)e->addr, e->val,
				 (uint64_t)(uintptr_t)e->site,
				 e->epoch | (uint64_t)e->size << 32 | (uint64_t)e->kind << 40};
		fp_bytes(h, w, sizeof(w));
	}
	if (sim->cfg.model == MODEL_WMM) {
		fp_bytes(h, t->view, (size_t)sim->wmm.nlocs * sizeof(t->view[0]));
		fp_bytes(h, t->pend, (size_t)sim->wmm.nlocs * sizeof(t->pend[0]));
	}
	if (t->done)
		return;
	/* the live stack: saved registers, frames, the pending op's record */
	const struct sim_stack *st = &sim->stacks[t->id];
	const char *sp = t->ctx.sp, *top = (const char *)st->lo + st->size;
	fp_bytes(h, sp, (size_t)(top - sp));
}

static void fp_wmm(struct fph *h, const struct wmm *w)
{
	fp_word(h, (uint64_t)w->nlocs);
	for (int i = 0; i < w->nlocs; i++) {
		const struct wmm_loc *l = &w->locs[i];
		fp_ptr(h, l->addr);
		fp_word(h, l->next_ts | (uint64_t)l->size << 32 | (uint64_t)l->n << 40);
		for (int k = 0; k < l->n; k++) {
			const struct wmm_msg *m = &l->h[k];
			fp_word(h, m->val);
			fp_word(h, m->ts | (uint64_t)(uint16_t)m->tid << 32 |
					   (uint64_t)(uint32_t)m->nvis << 48);
			fp_word(h, (uint64_t)m->rmw | (uint64_t)m->fixed << 8);
			fp_bytes(h, m->vis, (size_t)m->nvis * sizeof(m->vis[0]));
		}
	}
}

void sim_fingerprint(const struct sim *sim, uint64_t out[2])
{
	struct fph h = {0x243f6a8885a308d3ULL, 0x13198a2e03707344ULL};
	fp_word(&h, (uint64_t)sim->nthreads | (uint64_t)sim->nworkers << 16 |
			    (uint64_t)sim->violated << 32 | (uint64_t)sim->quiescent << 33 |
			    (uint64_t)sim->running << 34 | (uint64_t)sim->clock_read << 35);
	if (sim->clock_read)
		fp_word(&h, sim->now);
	fp_bytes(&h, sim->arena, sim->arena_used);
	for (int i = 0; i < sim->nthreads; i++)
		fp_thread(&h, sim, &sim->threads[i]);
	for (int c = 0; c < SIM_CPUS_MAX; c++) {
		const struct sim_cpu *cpu = &sim->cpus[c];
		if (cpu_initial(cpu))
			continue; /* most of them */
		fp_word(&h, (uint64_t)c | (uint64_t)cpu->irq_on << 8 |
				    (uint64_t)(uint16_t)cpu->in_guest << 16 |
				    (uint64_t)cpu->nipis << 32);
		for (int k = 0; k < cpu->nipis; k++) {
			const struct sim_ipi *p = &cpu->ipis[k];
			fp_word(&h, (uint64_t)(uint16_t)p->sender | (uint64_t)p->wait << 16);
			fp_word(&h, (uint64_t)(uintptr_t)p->fn);
			fp_ptr(&h, p->info);
		}
	}
	fp_word(&h, (uint64_t)sim->nevents);
	for (int i = 0; i < sim->nevents; i++) {
		const struct sim_event *e = &sim->events[i];
		/* a due event is due: how long ago it became due does not matter */
		uint64_t rel = e->time > sim->now ? e->time - sim->now : 0;
		fp_word(&h, rel);
		fp_word(&h, (uint64_t)e->kind | (uint64_t)e->live << 8 |
				    (uint64_t)(uint16_t)e->target << 16);
		if (e->kind == EV_IPI) {
			fp_word(&h, (uint64_t)(uint16_t)e->ipi.sender | (uint64_t)e->ipi.wait << 16);
			fp_word(&h, (uint64_t)(uintptr_t)e->ipi.fn);
			fp_ptr(&h, e->ipi.info);
		}
		fp_ptr(&h, e->work);
		fp_word(&h, (uint64_t)(uintptr_t)e->timer);
		fp_ptr(&h, e->timer_arg);
	}
	if (sim->cfg.model == MODEL_WMM)
		fp_wmm(&h, &sim->wmm);
	out[0] = mum(h.a ^ K3, h.b ^ K0);
	out[1] = mum(h.b ^ K2, h.a ^ K1);
}

/* ---- checkpoint -------------------------------------------------------------------- */

struct snap_head {
	uint64_t now, steps, hash, arena_used, ndec;
	uint32_t event_seq;
	int nthreads, nworkers, nevents, last_tid, nnames, wmm_nlocs;
	bool running, violated, aborted, quiescent, clock_read;
	struct sim_violation v;
};

static void reserve(struct sim_snap *s, size_t n)
{
	if (s->n + n <= s->cap)
		return;
	size_t cap = s->cap ? s->cap : 4096;
	while (cap < s->n + n)
		cap *= 2;
	unsigned char *b = realloc(s->buf, cap);
	if (!b) {
		fprintf(stderr, "reqsim: out of memory (checkpoint of %zu bytes)\n", cap);
		exit(2);
	}
	s->buf = b;
	s->cap = cap;
}

static void put(struct sim_snap *s, const void *p, size_t n)
{
	reserve(s, n);
	memcpy(s->buf + s->n, p, n);
	s->n += n;
}

/* A stack's live bytes, which may hold poisoned redzones under ASan. */
NO_ASAN static void put_stack(struct sim_snap *s, const char *sp, size_t n)
{
	put(s, &n, sizeof(n));
	reserve(s, n);
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		store8(s->buf + s->n + i, load8((const unsigned char *)sp + i));
	}
	for (; i < n; i++)
		s->buf[s->n + i] = (unsigned char)sp[i];
	s->n += n;
}

NO_ASAN static void get_stack(char *dst, const unsigned char *src, size_t n)
{
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		store8((unsigned char *)dst + i, load8(src + i));
	}
	for (; i < n; i++)
		dst[i] = (char)src[i];
}

void sim_snap_save(const struct sim *sim, struct sim_snap *s)
{
	struct snap_head hd = {
		.now = sim->now, .steps = sim->steps, .hash = sim->hash,
		.arena_used = sim->arena_used, .ndec = sim->ndec,
		.event_seq = sim->event_seq, .nthreads = sim->nthreads,
		.nworkers = sim->nworkers, .nevents = sim->nevents,
		.last_tid = sim->last_tid, .nnames = sim->nnames,
		.wmm_nlocs = sim->wmm.nlocs, .running = sim->running,
		.violated = sim->violated, .aborted = sim->aborted,
		.quiescent = sim->quiescent, .clock_read = sim->clock_read, .v = sim->v};
	s->n = 0;
	put(s, &hd, sizeof(hd));
	if (sim->wmm.nlocs) {
		put(s, sim->threads, (size_t)sim->nthreads * sizeof(sim->threads[0]));
	} else { /* without wmm locations the views are all zero: skip them */
		for (int i = 0; i < sim->nthreads; i++) {
			const struct sim_thread *t = &sim->threads[i];
			put(s, t, offsetof(struct sim_thread, view));
			put(s, &t->gexit, sizeof(*t) - offsetof(struct sim_thread, gexit));
		}
	}
	for (int i = 0; i < sim->nthreads; i++) {
		const struct sim_thread *t = &sim->threads[i];
		const struct sim_stack *st = &sim->stacks[i];
		put(s, &st->low_water, sizeof(st->low_water));
		if (t->done)
			continue;
		const char *sp = t->ctx.sp, *top = (const char *)st->lo + st->size;
		put_stack(s, sp, (size_t)(top - sp));
	}
	/* pCPUs: those not in their initial state (irqs on, no guest, no IPI) */
	for (int c = 0; c < SIM_CPUS_MAX; c++) {
		const struct sim_cpu *cpu = &sim->cpus[c];
		if (cpu_initial(cpu))
			continue;
		put(s, &c, sizeof(c));
		put(s, cpu, offsetof(struct sim_cpu, ipis) + cpu->nipis * sizeof(cpu->ipis[0]));
	}
	int end = -1;
	put(s, &end, sizeof(end));
	put(s, sim->events, (size_t)sim->nevents * sizeof(sim->events[0]));
	if (sim->wmm.nlocs) {
		put(s, sim->wmm.locs, (size_t)sim->wmm.nlocs * sizeof(sim->wmm.locs[0]));
		put(s, sim->wmm.slot, sizeof(sim->wmm.slot));
	}
	put(s, sim->arena, sim->arena_used);
}

void sim_snap_restore(struct sim *sim, const struct sim_snap *s)
{
	const unsigned char *p = s->buf;
	struct snap_head hd;
	memcpy(&hd, p, sizeof(hd));
	p += sizeof(hd);
	sim->now = hd.now;
	sim->steps = hd.steps;
	sim->hash = hd.hash;
	sim->ndec = hd.ndec;
	sim->event_seq = hd.event_seq;
	sim->nthreads = hd.nthreads;
	sim->nworkers = hd.nworkers;
	sim->nevents = hd.nevents;
	sim->last_tid = hd.last_tid;
	sim->nnames = hd.nnames;
	sim->running = hd.running;
	sim->violated = hd.violated;
	sim->aborted = hd.aborted;
	sim->quiescent = hd.quiescent;
	sim->clock_read = hd.clock_read;
	sim->v = hd.v;
	if (hd.wmm_nlocs) {
		size_t tn = (size_t)hd.nthreads * sizeof(sim->threads[0]);
		memcpy(sim->threads, p, tn);
		p += tn;
	} else {
		for (int i = 0; i < hd.nthreads; i++) {
			struct sim_thread *t = &sim->threads[i];
			size_t a = offsetof(struct sim_thread, view);
			size_t b = sizeof(*t) - offsetof(struct sim_thread, gexit);
			memcpy(t, p, a);
			p += a;
			memset(t->view, 0, sizeof(t->view));
			memset(t->pend, 0, sizeof(t->pend));
			memcpy(&t->gexit, p, b);
			p += b;
		}
	}
	for (int i = 0; i < hd.nthreads; i++) {
		struct sim_stack *st = &sim->stacks[i];
		memcpy(&st->low_water, p, sizeof(st->low_water));
		p += sizeof(st->low_water);
		if (sim->threads[i].done)
			continue;
		size_t n;
		memcpy(&n, p, sizeof(n));
		p += sizeof(n);
		char *top = (char *)st->lo + st->size;
#ifdef SNAP_ASAN
		/* redzones of frames that were live on another path */
		__asan_unpoison_memory_region(st->lo, st->size);
#endif
		get_stack(top - n, p, n);
		p += n;
	}
	for (int c = 0; c < SIM_CPUS_MAX; c++) {
		struct sim_cpu *cpu = &sim->cpus[c];
		cpu->irq_on = 1;
		cpu->in_guest = -1;
		cpu->nipis = 0;
	}
	for (;;) {
		int c;
		memcpy(&c, p, sizeof(c));
		p += sizeof(c);
		if (c < 0)
			break;
		struct sim_cpu *cpu = &sim->cpus[c];
		uint8_t nipis = p[offsetof(struct sim_cpu, nipis)];
		size_t n = offsetof(struct sim_cpu, ipis) + nipis * sizeof(cpu->ipis[0]);
		memcpy(cpu, p, n);
		p += n;
	}
	memcpy(sim->events, p, (size_t)hd.nevents * sizeof(sim->events[0]));
	p += (size_t)hd.nevents * sizeof(sim->events[0]);
	if (hd.wmm_nlocs || sim->wmm.nlocs) {
		if (hd.wmm_nlocs) {
			size_t ln = (size_t)hd.wmm_nlocs * sizeof(sim->wmm.locs[0]);
			memcpy(sim->wmm.locs, p, ln);
			p += ln;
			memcpy(sim->wmm.slot, p, sizeof(sim->wmm.slot));
			p += sizeof(sim->wmm.slot);
		} else {
			mm_reset(sim);
		}
		sim->wmm.nlocs = hd.wmm_nlocs;
	}
	if (sim->arena_used > hd.arena_used) /* sim_alloc hands out zeroed memory */
		memset(sim->arena + hd.arena_used, 0, sim->arena_used - hd.arena_used);
	memcpy(sim->arena, p, hd.arena_used);
	sim->arena_used = hd.arena_used;
}

void sim_snap_free(struct sim_snap *s)
{
	free(s->buf);
	s->buf = NULL;
	s->n = s->cap = 0;
}
