/*
 * litmus/reorder.c: load buffering for models that let a load and a later
 * store of one process complete out of order (wmm), as program variants.
 *
 * Under the Linux kernel memory model a marked load and a program-order
 * later marked store to another location are unordered unless something
 * orders them: a dependency (address, data, control), a fence, an acquire
 * load, a release store, a lock operation or an RMW.  Such a store may
 * become visible before the load reads, so another process may read it and
 * feed the load (LB+poonceonces).  wmm's store buffers only delay stores,
 * so it cannot show that by itself.  Instead, litmus_explore() runs every
 * variant of the program in which some such pairs are swapped, and a
 * model's outcome is the union over the variants.
 *
 * A "window" is a maximal run of consecutive statements of one block, each
 * of which is:
 *   - a load class statement: r = READ_ONCE(*x) / atomic_read(x) (relaxed,
 *     marked, on a named variable that is not a pointer), such a load with
 *     its value dropped, or a register assignment with no call in it;
 *   - a store class statement: WRITE_ONCE(*x, e) / atomic_set(x, e)
 *     (relaxed, marked, named variable) where e has no call in it.
 * Anything else (a fence, an acquire or release, a lock, an RMW, an if, a
 * nested block, a plain C access, an access through a register) ends a
 * window.  A variant of a window is an order of its statements that keeps
 * every pair in program order except a load class statement followed by a
 * store class statement when the store's value does not depend on it
 * (through registers, transitively within the window) and, for a load, its
 * variable differs from the store's.  Stores keep their order (wmm's
 * buffers already reorder them), and a store never moves below a load.
 *
 * Why the union is sound (wmm never shows an outcome LKMM forbids): every
 * variant has the same events and the same relations as the original
 * except program order between the swapped load and store; LKMM relates
 * two accesses through program order only via po-loc (same location, kept),
 * dependencies (kept), fences, acquire/release, locks and RCU markers (none
 * inside a window, so each moved access keeps its place relative to them),
 * so a candidate execution the model allows for a variant is one it allows
 * for the original.  Plain accesses are left alone because the data-race
 * check (interp.c) follows the order in which a process performs them.
 *
 * Invariants:
 *  1. Variant 0 is the program itself; variants are numbered in a fixed
 *     order (mixed radix over the windows in source order), so a variant
 *     number names the same program on every run.
 *  2. At most LF_VARIANTS_MAX variants, at most ORDERS_MAX orders of a
 *     window and WIN_MAX statements in one (a statement beyond ends it and
 *     keeps its place); anything cut is reported as truncated, and the
 *     enumeration, which still runs every variant kept, counts as
 *     incomplete.
 */
#include <stdlib.h>

#include "litmus_internal.h"

#define WIN_MAX 12       /* statements per window considered */
#define WINDOWS_MAX 32   /* windows per program */
#define ORDERS_MAX 64    /* orders kept per window */

enum { K_LOAD = 1, K_STORE = 2 };

struct window {
	int16_t pred;       /* the statement before the window, -1: block start */
	int16_t block;      /* the enclosing block */
	int16_t proc;
	int n;
	int16_t st[WIN_MAX];
	uint8_t kind[WIN_MAX];
	uint32_t must[WIN_MAX]; /* st[i] stays after these window positions */
	int norders;
	uint8_t order[ORDERS_MAX][WIN_MAX];
};

struct lf_variants {
	int nwin;
	struct window win[WINDOWS_MAX];
	uint64_t count;
	bool truncated;
};

static bool call_free(const struct litmus_prog *p, int e)
{
	if (e < 0)
		return true;
	const struct lf_expr *x = &p->exprs[e];
	if (x->kind == E_CALL)
		return false;
	if (x->kind == E_UN)
		return call_free(p, x->a);
	if (x->kind == E_BIN)
		return call_free(p, x->a) && call_free(p, x->b);
	return true;
}

/* Registers an expression reads, as a bit mask. */
static uint64_t regs_used(const struct litmus_prog *p, int e)
{
	if (e < 0)
		return 0;
	const struct lf_expr *x = &p->exprs[e];
	switch (x->kind) {
	case E_REG: return 1ULL << (x->idx & 63);
	case E_UN: return regs_used(p, x->a);
	case E_BIN: return regs_used(p, x->a) | regs_used(p, x->b);
	case E_CALL:
		return regs_used(p, x->a) | regs_used(p, x->b) |
		       (x->loc_kind == LOC_REG ? 1ULL << (x->idx & 63) : 0);
	default: return 0;
	}
}

/* A relaxed marked access on a named, non-pointer variable: its call. */
static const struct lf_expr *simple_access(const struct litmus_prog *p, int e, int kind)
{
	const struct lf_expr *x = &p->exprs[e];
	if (x->kind != E_CALL || x->loc_kind != LOC_VAR)
		return NULL;
	const struct lf_fn *f = &lf_fns[x->fn];
	if (f->kind != kind || f->order != PLAT_ONCE || f->plain ||
	    p->vars[x->idx].kind == VK_PTR)
		return NULL;
	return x;
}

/* K_LOAD, K_STORE or 0 (ends a window); *var: the variable, -1 for none. */
static int classify(const struct litmus_prog *p, const struct lf_stmt *s, int *var)
{
	*var = -1;
	const struct lf_expr *x;
	if (s->kind == S_ASSIGN && call_free(p, s->expr))
		return K_LOAD; /* a register assignment */
	if ((s->kind == S_ASSIGN || s->kind == S_EXPR) &&
	    (x = simple_access(p, s->expr, F_LOAD))) {
		*var = x->idx;
		return K_LOAD;
	}
	if (s->kind == S_EXPR && (x = simple_access(p, s->expr, F_STORE)) &&
	    call_free(p, x->a) && call_free(p, x->b)) {
		*var = x->idx;
		return K_STORE;
	}
	return 0;
}

static void orders(struct window *w, uint8_t *cur, int depth, uint32_t placed, bool *over)
{
	if (depth == w->n) {
		if (w->norders == ORDERS_MAX) {
			*over = true;
			return;
		}
		memcpy(w->order[w->norders++], cur, (size_t)w->n);
		return;
	}
	for (int i = 0; i < w->n; i++) {
		if ((placed >> i) & 1 || (w->must[i] & ~placed))
			continue;
		cur[depth] = (uint8_t)i;
		orders(w, cur, depth + 1, placed | 1u << i, over);
	}
}

/* Which earlier window positions statement i must stay after. */
static void constraints(const struct litmus_prog *p, struct window *w, const int *var)
{
	for (int j = 0; j < w->n; j++) {
		const struct lf_stmt *sj = &p->stmts[w->st[j]];
		uint32_t must = 0;
		if (w->kind[j] != K_STORE) {
			for (int i = 0; i < j; i++)
				must |= 1u << i;
			w->must[j] = must;
			continue;
		}
		uint64_t deps = regs_used(p, sj->expr);
		for (int i = j - 1; i >= 0; i--) {
			const struct lf_stmt *si = &p->stmts[w->st[i]];
			bool dep = si->kind == S_ASSIGN && ((deps >> (si->reg & 63)) & 1);
			if (dep)
				deps |= regs_used(p, si->expr);
			if (w->kind[i] == K_STORE || dep || (var[i] >= 0 && var[i] == var[j]))
				must |= 1u << i;
		}
		w->must[j] = must;
	}
}

static void close_window(const struct litmus_prog *p, struct lf_variants *v, struct window *w,
			 const int *var)
{
	bool has_pair = false, over = false;
	for (int j = 0; j < w->n && !has_pair; j++)
		for (int i = 0; i < j; i++)
			if (w->kind[i] == K_LOAD && w->kind[j] == K_STORE)
				has_pair = true;
	if (!has_pair)
		return;
	constraints(p, w, var);
	uint8_t cur[WIN_MAX];
	orders(w, cur, 0, 0, &over);
	if (w->norders < 2)
		return;
	if (over)
		v->truncated = true;
	if (v->nwin == WINDOWS_MAX) {
		v->truncated = true;
		return;
	}
	v->win[v->nwin++] = *w;
}

static void scan_block(const struct litmus_prog *p, struct lf_variants *v, int proc, int b)
{
	const struct window fresh = {.pred = -1, .block = (int16_t)b, .proc = (int16_t)proc};
	struct window w = fresh;
	int var[WIN_MAX];
	int16_t prev = -1;
	for (int k = p->stmts[b].first; k >= 0; prev = (int16_t)k, k = p->stmts[k].next) {
		const struct lf_stmt *s = &p->stmts[k];
		int vk, kind = classify(p, s, &vk);
		if (kind && w.n < WIN_MAX) {
			if (!w.n)
				w.pred = prev;
			var[w.n] = vk;
			w.kind[w.n] = (uint8_t)kind;
			w.st[w.n++] = (int16_t)k;
			continue;
		}
		/* A statement past WIN_MAX ends the window and stays in place,
		 * so a window's predecessor is never in another window (whose
		 * relinking would change its successor). */
		close_window(p, v, &w, var);
		if (kind)
			v->truncated = true; /* it might have moved further up */
		w = fresh;
		if (s->kind == S_BLOCK)
			scan_block(p, v, proc, k);
		if (s->kind == S_IF) {
			if (s->then_s >= 0 && p->stmts[s->then_s].kind == S_BLOCK)
				scan_block(p, v, proc, s->then_s);
			if (s->else_s >= 0 && p->stmts[s->else_s].kind == S_BLOCK)
				scan_block(p, v, proc, s->else_s);
		}
	}
	close_window(p, v, &w, var);
}

struct lf_variants *lf_variants_new(const struct litmus_prog *p, bool reorder)
{
	struct lf_variants *v = calloc(1, sizeof(*v));
	if (!v)
		return NULL;
	v->count = 1;
	if (!reorder)
		return v;
	for (int i = 0; i < p->nprocs; i++)
		if (p->stmts[p->procs[i].body].kind == S_BLOCK)
			scan_block(p, v, i, p->procs[i].body);
	for (int i = 0; i < v->nwin; i++) {
		if (v->count * (uint64_t)v->win[i].norders > LF_VARIANTS_MAX) {
			v->truncated = true;
			v->nwin = i; /* the later windows keep their order */
			break;
		}
		v->count *= (uint64_t)v->win[i].norders;
	}
	return v;
}

void lf_variants_free(struct lf_variants *v) { free(v); }
uint64_t lf_variants_count(const struct lf_variants *v) { return v->count; }
bool lf_variants_truncated(const struct lf_variants *v) { return v->truncated; }

/* Relink window w of q to order o. */
static void relink(struct litmus_prog *q, const struct window *w, const uint8_t *o)
{
	int16_t after = q->stmts[w->st[w->n - 1]].next;
	int16_t prev = w->pred;
	for (int i = 0; i < w->n; i++) {
		int16_t k = w->st[o[i]];
		if (prev < 0)
			q->stmts[w->block].first = k;
		else
			q->stmts[prev].next = k;
		prev = k;
	}
	q->stmts[prev].next = after;
}

struct litmus_prog *lf_variant(const struct litmus_prog *p, const struct lf_variants *v,
			       uint64_t n)
{
	struct litmus_prog *q = malloc(sizeof(*q));
	if (!q)
		return NULL;
	memcpy(q, p, sizeof(*q));
	for (int i = 0; i < v->nwin; i++) {
		const struct window *w = &v->win[i];
		relink(q, w, w->order[n % (uint64_t)w->norders]);
		n /= (uint64_t)w->norders;
	}
	return q;
}

int lf_variant_describe(const struct litmus_prog *p, const struct lf_variants *v, uint64_t n,
			char *buf, size_t len)
{
	size_t used = 0;
	buf[0] = 0;
	for (int i = 0; i < v->nwin; i++) {
		const struct window *w = &v->win[i];
		const uint8_t *o = w->order[n % (uint64_t)w->norders];
		n /= (uint64_t)w->norders;
		for (int a = 0; a < w->n; a++) {
			if (w->kind[o[a]] != K_STORE)
				continue;
			/* the first statement it now precedes that used to precede it */
			for (int b = a + 1; b < w->n; b++) {
				if (o[b] > o[a])
					continue;
				const struct lf_stmt *ss = &p->stmts[w->st[o[a]]];
				const struct lf_stmt *sl = &p->stmts[w->st[o[b]]];
				int r = snprintf(buf + used, len - used, "%s%s: line %d before line %d",
						 used ? ", " : "", p->procs[w->proc].name,
						 ss->line, sl->line);
				if (r < 0 || (size_t)r >= len - used)
					return -1;
				used += (size_t)r;
				break;
			}
		}
	}
	return 0;
}
