/*
 * litmus/interp.c: a parsed program run as a scenario.  setup() allocates
 * the shared variables in the arena (sim_alloc, sim_name), writes their
 * initial values and spawns P0..Pn on cpus 0..n; each thread walks its
 * statements and performs every shared access as one platform primitive
 * (plat_load, plat_store, plat_store_mb, plat_fence, plat_rmw, plat_lock,
 * plat_unlock, plat_trylock) whose platform_site names the litmus file, the
 * line and the statement.  At quiescence check_end() reads the final memory
 * with sim_peek() and evaluates the filter and the final condition.
 *
 *   litmus statement              platform primitive (one scheduler decision)
 *   WRITE_ONCE(*x, 1);            plat_store(site, &x, 4, 1, PLAT_ONCE)
 *   r0 = smp_load_acquire(y);     r0 = sign-extended plat_load(site, &y, 4, PLAT_ACQUIRE)
 *   r1 = READ_ONCE(*r0);          plat_load(site, the variable r0 points to, ...)
 *   r2 = xchg_relaxed(z, 2);      plat_rmw(site, &z, 4, XCHG, 2, 0, PLAT_RMW_RELAXED)
 *   atomic_inc(v);                plat_rmw(site, &v, 4, ADD, 1, 0, PLAT_RMW_NORET)
 *   spin_lock(l);                 plat_lock(site, l, PLAT_SPIN, true)
 *   smp_mb__after_spinlock();     plat_fence(site, PLAT_MB)
 *   rcu_dereference(*p), rcu_assign_pointer(*p, v): acquire, smp_store_release
 *   r0 = atomic_add_unless(v, 1, 0);  plat_rmw(site, &v, 4, ADD_UNLESS, 1, 0, FULL)
 *   r0 = spin_is_locked(l);       spin_is_locked(l): a read of the lock's state
 *   *x = r0 + 1;  r1 = *y;        plat_store / plat_load, PLAT_ONCE; plain: their
 *                                 data races are checked (see "data races")
 *   rcu_read_lock(), rcu_read_unlock(): bookkeeping in the current step, no
 *   decision; synchronize_rcu(): a full barrier, a lock and unlock of every
 *   other thread's grace-period lock, a full barrier (platform.h, sim/sched.c)
 *   A load of a pointer-valued variable is an acquire: the simulator tracks
 *   no address dependencies, so the access through the pointer is ordered
 *   the stronger way (never weaker than the kernel's model).
 *
 * Invariants:
 *  1. One shared access is one platform primitive, hence one scheduler
 *     decision (RCU's read-side marks are none, synchronize_rcu several);
 *     registers are plain C variables in the run's state and never
 *     go through the memory model.  Code between two accesses is local.
 *  2. The program is immutable; a run's mutable state (struct lf_state)
 *     lives in the simulation arena, so every run starts from the same state
 *     and the same schedule gives the same execution.
 *  3. Values are 64-bit.  A variable keeps one size for its whole life: int
 *     and atomic_t are 4 bytes (loads sign-extend), long and pointers 8.
 *     A pointer value is the arena address of a shared variable.
 *  4. A runtime error (a register that holds no shared address, an unlock
 *     of a lock not held) stops the process and is reported, never ignored.
 */
#include <inttypes.h>
#include <stdarg.h>

#include "litmus_internal.h"

struct lf_ctx {
	struct lf_state *s;
	const struct litmus_prog *g;
	int proc;
};

static unsigned var_size(const struct lf_var *v)
{
	switch (v->kind) {
	case VK_LONG:
	case VK_PTR: return 8;
	case VK_LOCK: return sizeof(spinlock_t);
	default: return 4;
	}
}

static int64_t sext(uint64_t v, unsigned size)
{
	return size == 4 ? (int64_t)(int32_t)(uint32_t)v : (int64_t)v;
}

static void rt_fail(struct lf_ctx *c, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void rt_fail(struct lf_ctx *c, int line, const char *fmt, ...)
{
	va_list ap;
	if (c->s->failed)
		return;
	c->s->failed = true;
	c->s->err_line = line;
	va_start(ap, fmt);
	vsnprintf(c->s->err, sizeof(c->s->err), fmt, ap);
	va_end(ap);
}

static int var_at(const struct lf_state *s, int64_t addr)
{
	for (int i = 0; i < s->g->nvars; i++)
		if ((uint64_t)(uintptr_t)s->var[i] == (uint64_t)addr)
			return i;
	return -1;
}

static int64_t eval(struct lf_ctx *c, int e);

/* The variable a call accesses: its parameter, or the one a pointer register
 * holds, checked at run time.  -1 once the run failed (rt_fail). */
static int call_var(struct lf_ctx *c, const struct lf_expr *e, const struct lf_fn *f)
{
	const struct litmus_prog *g = c->g;
	struct lf_state *s = c->s;
	if (e->loc_kind != LOC_REG)
		return e->idx;
	const struct lf_proc *pr = &g->procs[c->proc];
	int64_t a = s->reg[c->proc][e->idx];
	int vi = var_at(s, a);
	if (vi < 0) {
		rt_fail(c, e->line, "%s: %s = %" PRId64 " is not the address of a shared "
			"variable", pr->name, pr->regs[e->idx].name, a);
		return -1;
	}
	if (lf_fn_is_lock(f) != (g->vars[vi].kind == VK_LOCK)) {
		rt_fail(c, e->line, "%s: '%s' through %s on %s '%s'", pr->name, f->name,
			pr->regs[e->idx].name, lf_vkind_names[g->vars[vi].kind],
			g->vars[vi].name);
		return -1;
	}
	return vi;
}

/* ---- data races (programs with a plain access) ------------------------------------- *
 *
 * Happens-before by vector clocks, in the order the simulator performs the
 * accesses: program order, plus these synchronisation edges:
 *   - spin_unlock(l) -> a later spin_lock(l) / successful spin_trylock(l);
 *   - a marked store -> a marked load (or RMW) of another process that reads
 *     its value (the latest such store of that value): the store publishes
 *     its process's clock if it is a release (smp_store_release,
 *     rcu_assign_pointer, atomic_set_release, a fully ordered or _release
 *     RMW), else its clock at the process's last smp_wmb / smp_mb /
 *     smp_store_mb / smp_mb__*; the load takes the clock at once if it is an
 *     acquire (smp_load_acquire, rcu_dereference, a load through a pointer, a
 *     fully ordered or _acquire RMW), else at its process's next smp_rmb or
 *     smp_mb;
 *   - RCU: every grace period's start -> a later outermost rcu_read_lock;
 *     every outermost rcu_read_unlock -> the end of a later synchronize_rcu;
 *   - control: an if takes what its process's marked loads read so far (as
 *     smp_rmb would), for the accesses in and after it.
 * Two accesses to one variable from different processes, at least one a
 * write and at least one plain, race when the earlier one is not ordered
 * before the later one; an execution with a race flags the test. */

static void vc_join(uint32_t *a, const uint32_t *b)
{
	for (int i = 0; i < LITMUS_PROCS_MAX; i++)
		if (b[i] > a[i])
			a[i] = b[i];
}

static void race_fence(struct lf_ctx *c, int fence)
{
	struct lf_race *r = c->s->race;
	if (!r)
		return;
	int j = c->proc;
	if (fence != PLAT_WMB && fence != PLAT_RMB) { /* full barriers */
		vc_join(r->vc[j], r->pend[j]);
		memcpy(r->fence[j], r->vc[j], sizeof(r->fence[j]));
	} else if (fence == PLAT_WMB) {
		memcpy(r->fence[j], r->vc[j], sizeof(r->fence[j]));
	} else {
		vc_join(r->vc[j], r->pend[j]);
	}
}

/* One access of process c->proc to variable vi: rd/wr, the value read
 * (rd) and written (wr), marked or plain, release/acquire. */
static void race_access(struct lf_ctx *c, int vi, bool rd, int64_t rval, bool wr,
			int64_t wval, bool plain, bool acq, bool rel)
{
	struct lf_race *r = c->s->race;
	int j = c->proc, np = c->g->nprocs;
	if (!r)
		return;
	uint32_t *vc = r->vc[j];
	if (rd && !plain) {
		for (int k = r->nmsgs - 1; k >= 0 && k >= r->nmsgs - LF_MSGS_MAX; k--) {
			const struct lf_msg *m = &r->msg[k % LF_MSGS_MAX];
			if (m->var != vi || m->val != rval)
				continue;
			if (m->proc != j)
				vc_join(acq ? vc : r->pend[j], m->vc);
			break;
		}
	}
	for (int i = 0; i < np; i++) {
		if (i == j)
			continue;
		const uint32_t *a = r->acc[vi][i];
		uint32_t know = vc[i];
		if ((plain ? a[0] : a[1]) > know || (wr && (plain ? a[2] : a[3]) > know))
			c->s->racy = true;
	}
	uint32_t e = ++vc[j];
	uint32_t *a = r->acc[vi][j];
	if (wr) {
		a[0] = e;
		if (plain)
			a[1] = e;
	}
	if (rd) {
		a[2] = e;
		if (plain)
			a[3] = e;
	}
	if (wr && !plain) {
		struct lf_msg *m = &r->msg[r->nmsgs++ % LF_MSGS_MAX];
		m->var = (int16_t)vi;
		m->proc = (int16_t)j;
		m->val = wval;
		memcpy(m->vc, rel ? vc : r->fence[j], sizeof(m->vc));
	}
}

/* A branch on values read: what the process's marked loads read so far
 * (their pending clocks) is ordered before the branch's accesses.  LKMM
 * orders only later stores by a control dependency; ordering the loads too
 * errs towards missing a race, never towards flagging one LKMM orders. */
static void race_ctrl(struct lf_ctx *c)
{
	struct lf_race *r = c->s->race;
	if (r)
		vc_join(r->vc[c->proc], r->pend[c->proc]);
}

static void race_lock(struct lf_ctx *c, int vi, bool unlock)
{
	struct lf_race *r = c->s->race;
	if (!r)
		return;
	if (unlock)
		vc_join(r->lock[vi], r->vc[c->proc]);
	else
		vc_join(r->vc[c->proc], r->lock[vi]);
}

/* spin_lock, spin_unlock, spin_trylock on variable vi, keeping track of the
 * locks each process holds. */
static int64_t call_lock(struct lf_ctx *c, const struct lf_expr *e, const struct lf_fn *f,
			 int vi)
{
	const struct litmus_prog *g = c->g;
	struct lf_state *s = c->s;
	spinlock_t *lock = (spinlock_t *)(uintptr_t)s->var[vi];
	uint32_t bit = 1u << vi;
	switch (f->kind) {
	case F_LOCK:
		plat_lock(&e->site, lock, PLAT_SPIN, true);
		s->held[c->proc] |= bit;
		race_lock(c, vi, false);
		return 0;
	case F_IS_LOCKED:
		return spin_is_locked(lock);
	case F_UNLOCK:
		if (!(s->held[c->proc] & bit)) {
			rt_fail(c, e->line, "%s: spin_unlock(%s) of a lock it does not hold",
				g->procs[c->proc].name, g->vars[vi].name);
			return 0;
		}
		s->held[c->proc] &= ~bit;
		race_lock(c, vi, true);
		plat_unlock(&e->site, lock, PLAT_SPIN, true);
		return 0;
	default: { /* F_TRYLOCK */
		bool ok = plat_trylock(&e->site, lock, PLAT_SPIN, true);
		if (ok) {
			s->held[c->proc] |= bit;
			race_lock(c, vi, false);
		}
		return ok;
	}
	}
}

/* A read-modify-write with value arguments v0, v1: cmpxchg's are (expected,
 * new), add_unless's (addend, stop value); an add's addend is the argument,
 * negated for sub, or implicit (inc, dec, inc_not_zero); atomic_and's
 * argument is complemented (an ANDNOT).  Returns what the function returns. */
static int64_t call_rmw(struct lf_ctx *c, const struct lf_expr *e, const struct lf_fn *f,
			int vi, volatile void *addr, unsigned size, int64_t v0, int64_t v1)
{
	uint64_t a = (uint64_t)v0, b = 0, delta = 0;
	if (f->rmw == PLAT_RMW_CMPXCHG) {
		b = (uint64_t)v0; /* expected */
		a = (uint64_t)v1; /* new */
	} else if (f->rmw == PLAT_RMW_ADD || f->rmw == PLAT_RMW_ADD_UNLESS) {
		delta = f->implicit ? (uint64_t)(int64_t)f->sign
			: f->sign < 0 ? 0 - (uint64_t)v0 : (uint64_t)v0;
		a = delta;
		if (f->rmw == PLAT_RMW_ADD_UNLESS)
			b = f->implicit ? 0 : (uint64_t)v1; /* inc_not_zero: unless 0 */
	} else if (f->cpl) {
		a = ~(uint64_t)v0;
	}
	int64_t old = sext(plat_rmw(&e->site, addr, size, (enum plat_rmw_op)f->rmw, a, b,
				    (enum plat_rmw_class)f->cls), size);
	bool wrote = true;
	uint64_t nv = a, uold = (uint64_t)old;
	switch (f->rmw) {
	case PLAT_RMW_OR: nv = uold | a; break;
	case PLAT_RMW_ANDNOT: nv = uold & ~a; break;
	case PLAT_RMW_XOR: nv = uold ^ a; break;
	case PLAT_RMW_ADD: nv = uold + delta; break;
	case PLAT_RMW_ADD_UNLESS:
		wrote = sext(b, size) != old;
		nv = uold + delta;
		break;
	case PLAT_RMW_CMPXCHG: wrote = sext(b, size) == old; break;
	default: break;
	}
	int64_t newv = sext(nv, size);
	bool full = f->cls == PLAT_RMW_FULL && wrote;
	race_access(c, vi, true, old, wrote, newv, false,
		    full || f->cls == PLAT_RMW_ACQUIRE,
		    full || f->cls == PLAT_RMW_RELEASE);
	if (full)
		race_fence(c, PLAT_MB);
	switch (f->ret) {
	case R_NEW: return newv;
	case R_ADDED: return wrote;
	case R_ZERO: return newv == 0;
	default: return old;
	}
}

/* rcu_read_lock, rcu_read_unlock, synchronize_rcu: platform primitives;
 * the interpreter keeps the nesting to report an unbalanced unlock. */
static int64_t call_rcu(struct lf_ctx *c, const struct lf_expr *e, const struct lf_fn *f)
{
	struct lf_state *s = c->s;
	struct lf_race *r = s->race;
	int j = c->proc;
	switch (f->kind) {
	case F_RCU_LOCK:
		if (s->rcu_nest[j]++ == 0 && r)
			vc_join(r->vc[j], r->gp_start);
		rcu_read_lock();
		return 0;
	case F_RCU_UNLOCK:
		if (s->rcu_nest[j] == 0) {
			rt_fail(c, e->line, "%s: rcu_read_unlock() outside a read-side critical "
				"section", c->g->procs[j].name);
			return 0;
		}
		if (--s->rcu_nest[j] == 0 && r)
			memcpy(r->rcu_unl[j], r->vc[j], sizeof(r->rcu_unl[j]));
		rcu_read_unlock();
		return 0;
	default: /* F_SYNC_RCU */
		if (s->rcu_nest[j]) {
			rt_fail(c, e->line, "%s: synchronize_rcu() inside a read-side critical "
				"section (it would wait for itself)", c->g->procs[j].name);
			return 0;
		}
		if (r) {
			race_fence(c, PLAT_MB);
			vc_join(r->gp_start, r->vc[j]);
		}
		plat_synchronize_rcu(&e->site);
		if (r) {
			for (int i = 0; i < c->g->nprocs; i++)
				vc_join(r->vc[j], r->rcu_unl[i]);
			race_fence(c, PLAT_MB);
		}
		return 0;
	}
}

/* One call: its value arguments are evaluated first, in source order. */
static int64_t call(struct lf_ctx *c, const struct lf_expr *e)
{
	const struct lf_fn *f = &lf_fns[e->fn];
	const struct litmus_prog *g = c->g;
	struct lf_state *s = c->s;
	const struct platform_site *site = &e->site;
	int64_t v0 = 0, v1 = 0;
	if (f->kind == F_FENCE) {
		plat_fence(site, (enum plat_fence)f->order);
		race_fence(c, f->order);
		return 0;
	}
	if (f->kind == F_RCU_LOCK || f->kind == F_RCU_UNLOCK || f->kind == F_SYNC_RCU)
		return call_rcu(c, e, f);
	if (e->a >= 0)
		v0 = eval(c, e->a);
	if (e->b >= 0 && !s->failed)
		v1 = eval(c, e->b);
	if (s->failed)
		return 0;
	int vi = call_var(c, e, f);
	if (vi < 0)
		return 0;
	if (lf_fn_is_lock(f))
		return call_lock(c, e, f, vi);
	volatile void *addr = s->var[vi];
	unsigned size = var_size(&g->vars[vi]);
	switch (f->kind) {
	case F_LOAD: {
		enum plat_order order = (enum plat_order)f->order;
		if (g->vars[vi].kind == VK_PTR) /* address dependency: see the top */
			order = PLAT_ACQUIRE;
		int64_t v = sext(plat_load(site, addr, size, order), size);
		race_access(c, vi, true, v, false, 0, f->plain, order == PLAT_ACQUIRE, false);
		return v;
	}
	case F_STORE:
		plat_store(site, addr, size, (uint64_t)v0, (enum plat_order)f->order);
		race_access(c, vi, false, 0, true, sext((uint64_t)v0, size), f->plain, false,
			    f->order == PLAT_RELEASE);
		return 0;
	case F_STORE_MB:
		plat_store_mb(site, addr, size, (uint64_t)v0);
		race_access(c, vi, false, 0, true, sext((uint64_t)v0, size), false, false, false);
		race_fence(c, PLAT_MB);
		return 0;
	default: /* F_RMW */
		return call_rmw(c, e, f, vi, addr, size, v0, v1);
	}
}

static int64_t binary(int op, int64_t l, int64_t r)
{
	uint64_t ul = (uint64_t)l, ur = (uint64_t)r;
	switch (op) {
	case O_ADD: return (int64_t)(ul + ur);
	case O_SUB: return (int64_t)(ul - ur);
	case O_MUL: return (int64_t)(ul * ur);
	case O_BAND: return l & r;
	case O_BOR: return l | r;
	case O_XOR: return l ^ r;
	case O_SHL: return (int64_t)(ul << (ur & 63));
	case O_SHR: return l >> (ur & 63);
	case O_EQ: return l == r;
	case O_NE: return l != r;
	case O_LT: return l < r;
	case O_LE: return l <= r;
	case O_GT: return l > r;
	default: return l >= r; /* O_GE */
	}
}

/* Depth is bounded by the parser (LITMUS_DEPTH_MAX). */
static int64_t eval(struct lf_ctx *c, int i)
{
	const struct lf_expr *e = &c->g->exprs[i];
	int64_t l, r;
	switch (e->kind) {
	case E_NUM: return e->num;
	case E_REG: return c->s->reg[c->proc][e->idx];
	case E_ADDR: return (int64_t)(uintptr_t)c->s->var[e->idx];
	case E_CALL: return call(c, e);
	case E_UN:
		l = eval(c, e->a);
		switch (e->op) {
		case O_NOT: return !l;
		case O_NEG: return (int64_t)(0 - (uint64_t)l);
		case O_BNOT: return ~l;
		default: return l;
		}
	default: /* E_BIN */
		l = eval(c, e->a);
		if (c->s->failed)
			return 0;
		if (e->op == O_LAND || e->op == O_LOR) {
			if ((e->op == O_LAND) != (l != 0)) /* short circuit, as C */
				return e->op == O_LOR;
			return eval(c, e->b) != 0;
		}
		r = eval(c, e->b);
		return binary(e->op, l, r);
	}
}

/* Nesting is bounded by the parser (LF_NEST_MAX). */
static void exec(struct lf_ctx *c, int i)
{
	const struct lf_stmt *st = &c->g->stmts[i];
	int64_t v;
	switch (st->kind) {
	case S_BLOCK:
		for (int k = st->first; k >= 0 && !c->s->failed; k = c->g->stmts[k].next)
			exec(c, k);
		break;
	case S_ASSIGN:
		v = eval(c, st->expr);
		if (!c->s->failed)
			c->s->reg[c->proc][st->reg] = v;
		break;
	case S_EXPR:
		(void)eval(c, st->expr);
		break;
	default: /* S_IF */
		v = eval(c, st->expr);
		if (c->s->failed)
			break;
		race_ctrl(c);
		if (v && st->then_s >= 0)
			exec(c, st->then_s);
		else if (!v && st->else_s >= 0)
			exec(c, st->else_s);
		break;
	}
}

static void lf_thread_main(void *arg)
{
	struct lf_thread *t = arg;
	struct lf_ctx c = {t->s, t->s->g, t->proc};
	exec(&c, c.g->procs[t->proc].body);
}

void lf_setup(struct sim *sim, void *state)
{
	struct lf_state *s = state;
	const struct litmus_prog *g = (const struct litmus_prog *)sim_config(sim)->scenario;
	s->g = g;
	if (g->has_plain)
		s->race = sim_alloc(sim, sizeof(*s->race));
	for (int i = 0; i < g->nvars; i++) {
		s->var[i] = sim_alloc(sim, var_size(&g->vars[i]));
		sim_name_sized(sim, s->var[i], var_size(&g->vars[i]), g->vars[i].name);
	}
	/* Initial values: plain writes before any thread exists. */
	for (int i = 0; i < g->nvars; i++) {
		const struct lf_var *v = &g->vars[i];
		uint64_t x = v->init_var >= 0 ? (uint64_t)(uintptr_t)s->var[v->init_var]
			     : (uint64_t)v->init;
		if (v->kind == VK_LOCK)
			spin_lock_init((spinlock_t *)(uintptr_t)s->var[i]);
		else if (var_size(v) == 4)
			*(volatile uint32_t *)s->var[i] = (uint32_t)x;
		else
			*(volatile uint64_t *)s->var[i] = x;
	}
	for (int i = 0; i < g->nprocs; i++) {
		s->th[i] = (struct lf_thread){s, i};
		sim_spawn(sim, g->procs[i].name, i, lf_thread_main, &s->th[i]);
	}
}

static int64_t final_value(const struct lf_state *s, int v)
{
	const struct lf_var *x = &s->g->vars[v];
	return sext(sim_peek(s->var[v], var_size(x)), var_size(x));
}

static bool cond_eval(const struct lf_state *s, int i)
{
	const struct lf_cond *c = &s->g->conds[i];
	int64_t v, want;
	switch (c->kind) {
	case C_TRUE: return true;
	case C_FALSE: return false;
	case C_NOT: return !cond_eval(s, c->a);
	case C_AND: return cond_eval(s, c->a) && cond_eval(s, c->b);
	case C_OR: return cond_eval(s, c->a) || cond_eval(s, c->b);
	case C_IMPL: return !cond_eval(s, c->a) || cond_eval(s, c->b);
	default:
		v = c->kind == C_REG ? s->reg[c->proc][c->idx] : final_value(s, c->idx);
		want = c->val_var >= 0 ? (int64_t)(uintptr_t)s->var[c->val_var] : c->val;
		return (v == want) != c->neq;
	}
}

void lf_check_end(struct sim *sim, void *state)
{
	struct lf_state *s = state;
	const struct litmus_prog *g = s->g;
	s->done = true;
	for (int t = 0; t < sim_thread_count(sim); t++)
		if (!sim_thread_done(sim, t)) { /* waits forever for a lock */
			s->blocked = true;
			sim_claim_stuck(sim, t);
		}
	if (s->failed || s->blocked)
		return;
	if (g->filter >= 0 && !cond_eval(s, g->filter)) {
		s->filtered = true;
		return;
	}
	s->holds = cond_eval(s, g->cond);
	for (int i = 0; i < g->ndisp; i++) {
		const struct lf_disp *d = &g->disp[i];
		int64_t v = d->proc >= 0 ? s->reg[d->proc][d->idx] : final_value(s, d->idx);
		int at = var_at(s, v);
		s->key_var[i] = at >= 0;
		s->key[i] = at >= 0 ? at : v;
	}
}

/* Bounded appending: a full buffer stays NUL-terminated and takes no more. */
struct lf_buf {
	char *b;
	size_t len, o;
};

static void app(struct lf_buf *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void app(struct lf_buf *s, const char *fmt, ...)
{
	va_list ap;
	if (s->o >= s->len)
		return;
	va_start(ap, fmt);
	int n = vsnprintf(s->b + s->o, s->len - s->o, fmt, ap);
	va_end(ap);
	s->o = n < 0 || s->o + (size_t)n >= s->len ? s->len : s->o + (size_t)n;
}

static void disp_name(const struct litmus_prog *g, int i, struct lf_buf *b)
{
	const struct lf_disp *d = &g->disp[i];
	if (d->proc >= 0)
		app(b, "%d:%s", d->proc, g->procs[d->proc].regs[d->idx].name);
	else
		app(b, "%s", g->vars[d->idx].name);
}

/* "0:r0=0; 1:r0=1; x=1;" as herd7 prints a final state. */
void lf_format_state(const struct litmus_prog *g, const int64_t *key, const uint8_t *isvar,
		     char *buf, size_t len)
{
	struct lf_buf b = {buf, len, 0};
	buf[0] = 0;
	for (int i = 0; i < g->ndisp; i++) {
		app(&b, "%s", i ? " " : "");
		disp_name(g, i, &b);
		if (isvar[i])
			app(&b, "=%s;", g->vars[key[i]].name);
		else
			app(&b, "=%" PRId64 ";", key[i]);
	}
}

void lf_outcome(struct sim *sim, void *state, char *buf, size_t len)
{
	const struct lf_state *s = state;
	(void)sim;
	if (!len)
		return;
	buf[0] = 0;
	if (s->done && !s->blocked && !s->failed && !s->filtered)
		lf_format_state(s->g, s->key, s->key_var, buf, len);
}
