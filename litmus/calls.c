/*
 * litmus/calls.c: the kernel functions a litmus process may call, as data:
 * one row per function, naming the platform.h primitive it becomes (load,
 * store, store_mb, fence, read-modify-write, lock), its ordering, and which
 * argument is the location.  The parser checks calls against this table;
 * the interpreter (interp.c) performs them from it.
 *
 * Invariants:
 *  1. A function that is not in the table is an unsupported construct.
 *  2. Each value-returning atomic comes in its four orderings (fully
 *     ordered, _relaxed, _acquire, _release) as atomic_t.txt lists them;
 *     the non-value-returning ones order nothing (PLAT_RMW_NORET); the
 *     conditional ones (add_unless, inc_not_zero) are fully ordered only
 *     when they add (PLAT_RMW_ADD_UNLESS fails as a cmpxchg does).
 *  3. The plain accesses are rows too, under names no call can spell
 *     (LF_PLAIN_LOAD, LF_PLAIN_STORE); the parser builds them from "*x".
 */
#include <string.h>

#include "litmus_internal.h"

const char *const lf_vkind_names[] = {"untyped", "int", "long", "a pointer", "atomic_t",
				    "spinlock_t"};

#define LD(n, d, o) {.name = n, .kind = F_LOAD, .nargs = 1, .deref = d, .order = o, .ret = R_VAL}
#define ST(n, d, o) {.name = n, .kind = F_STORE, .nargs = 2, .deref = d, .order = o}
#define FE(n, f) {.name = n, .kind = F_FENCE, .order = f}
#define LK(n, k, r) {.name = n, .kind = k, .nargs = 1, .ret = r}
#define RMW1(n, c, na, la, op, sg, im, rt)                                         \
	{.name = n, .kind = F_RMW, .nargs = na, .loc_arg = la, .rmw = op, .cls = c,   \
	 .sign = sg, .implicit = im, .ret = rt}
/* Fully ordered, _relaxed, _acquire and _release forms (atomic_t.txt). */
#define RMW4(n, na, la, op, sg, im, rt)                                             \
	RMW1(n, PLAT_RMW_FULL, na, la, op, sg, im, rt),                             \
	RMW1(n "_relaxed", PLAT_RMW_RELAXED, na, la, op, sg, im, rt),               \
	RMW1(n "_acquire", PLAT_RMW_ACQUIRE, na, la, op, sg, im, rt),               \
	RMW1(n "_release", PLAT_RMW_RELEASE, na, la, op, sg, im, rt)

/* atomic_fetch_and and its forms: ANDNOT with the complemented argument. */
#define RMW4C(n, na, la, op, rt)                                                    \
	{.name = n, .kind = F_RMW, .nargs = na, .loc_arg = la, .rmw = op,            \
	 .cls = PLAT_RMW_FULL, .sign = 1, .cpl = 1, .ret = rt},                      \
	{.name = n "_relaxed", .kind = F_RMW, .nargs = na, .loc_arg = la, .rmw = op, \
	 .cls = PLAT_RMW_RELAXED, .sign = 1, .cpl = 1, .ret = rt},                   \
	{.name = n "_acquire", .kind = F_RMW, .nargs = na, .loc_arg = la, .rmw = op, \
	 .cls = PLAT_RMW_ACQUIRE, .sign = 1, .cpl = 1, .ret = rt},                   \
	{.name = n "_release", .kind = F_RMW, .nargs = na, .loc_arg = la, .rmw = op, \
	 .cls = PLAT_RMW_RELEASE, .sign = 1, .cpl = 1, .ret = rt}

const struct lf_fn lf_fns[] = {
	LD("READ_ONCE", 1, PLAT_ONCE),
	LD("rcu_dereference", 1, PLAT_ACQUIRE), /* as platform.h: an acquire */
	LD("smp_load_acquire", 0, PLAT_ACQUIRE),
	LD("atomic_read", 0, PLAT_ONCE),
	LD("atomic_read_acquire", 0, PLAT_ACQUIRE),
	{.name = LF_PLAIN_LOAD, .kind = F_LOAD, .nargs = 1, .deref = 1, .order = PLAT_ONCE,
	 .ret = R_VAL, .plain = 1},
	ST("WRITE_ONCE", 1, PLAT_ONCE),
	{.name = LF_PLAIN_STORE, .kind = F_STORE, .nargs = 2, .deref = 1, .order = PLAT_ONCE,
	 .plain = 1},
	ST("rcu_assign_pointer", 1, PLAT_RELEASE), /* as platform.h: release */
	ST("smp_store_release", 0, PLAT_RELEASE),
	ST("atomic_set", 0, PLAT_ONCE),
	ST("atomic_set_release", 0, PLAT_RELEASE),
	{.name = "smp_store_mb", .kind = F_STORE_MB, .nargs = 2, .deref = 1},
	FE("smp_mb", PLAT_MB),
	FE("smp_wmb", PLAT_WMB),
	FE("smp_rmb", PLAT_RMB),
	FE("smp_mb__before_atomic", PLAT_MB_BEFORE_ATOMIC),
	FE("smp_mb__after_atomic", PLAT_MB_AFTER_ATOMIC),
	FE("smp_mb__after_spinlock", PLAT_MB),
	RMW4("xchg", 2, 0, PLAT_RMW_XCHG, 1, 0, R_OLD),
	RMW4("cmpxchg", 3, 0, PLAT_RMW_CMPXCHG, 1, 0, R_OLD),
	RMW4("atomic_xchg", 2, 0, PLAT_RMW_XCHG, 1, 0, R_OLD),
	RMW4("atomic_cmpxchg", 3, 0, PLAT_RMW_CMPXCHG, 1, 0, R_OLD),
	RMW4("atomic_add_return", 2, 1, PLAT_RMW_ADD, 1, 0, R_NEW),
	RMW4("atomic_sub_return", 2, 1, PLAT_RMW_ADD, -1, 0, R_NEW),
	RMW4("atomic_inc_return", 1, 0, PLAT_RMW_ADD, 1, 1, R_NEW),
	RMW4("atomic_dec_return", 1, 0, PLAT_RMW_ADD, -1, 1, R_NEW),
	RMW4("atomic_fetch_add", 2, 1, PLAT_RMW_ADD, 1, 0, R_OLD),
	RMW4("atomic_fetch_sub", 2, 1, PLAT_RMW_ADD, -1, 0, R_OLD),
	RMW4("atomic_fetch_inc", 1, 0, PLAT_RMW_ADD, 1, 1, R_OLD),
	RMW4("atomic_fetch_dec", 1, 0, PLAT_RMW_ADD, -1, 1, R_OLD),
	RMW4("atomic_fetch_or", 2, 1, PLAT_RMW_OR, 1, 0, R_OLD),
	RMW4("atomic_fetch_andnot", 2, 1, PLAT_RMW_ANDNOT, 1, 0, R_OLD),
	RMW4("atomic_fetch_xor", 2, 1, PLAT_RMW_XOR, 1, 0, R_OLD),
	RMW4C("atomic_fetch_and", 2, 1, PLAT_RMW_ANDNOT, R_OLD),
	/* Conditional: fully ordered only when they add (atomic_t.txt). */
	RMW1("atomic_add_unless", PLAT_RMW_FULL, 3, 0, PLAT_RMW_ADD_UNLESS, 1, 0, R_ADDED),
	RMW1("atomic_fetch_add_unless", PLAT_RMW_FULL, 3, 0, PLAT_RMW_ADD_UNLESS, 1, 0,
	     R_OLD),
	RMW1("atomic_inc_not_zero", PLAT_RMW_FULL, 1, 0, PLAT_RMW_ADD_UNLESS, 1, 1, R_ADDED),
	RMW1("atomic_dec_and_test", PLAT_RMW_FULL, 1, 0, PLAT_RMW_ADD, -1, 1, R_ZERO),
	RMW1("atomic_inc_and_test", PLAT_RMW_FULL, 1, 0, PLAT_RMW_ADD, 1, 1, R_ZERO),
	RMW1("atomic_sub_and_test", PLAT_RMW_FULL, 2, 1, PLAT_RMW_ADD, -1, 0, R_ZERO),
	/* Non-value-returning: order nothing. */
	RMW1("atomic_or", PLAT_RMW_NORET, 2, 1, PLAT_RMW_OR, 1, 0, R_NONE),
	RMW1("atomic_andnot", PLAT_RMW_NORET, 2, 1, PLAT_RMW_ANDNOT, 1, 0, R_NONE),
	RMW1("atomic_xor", PLAT_RMW_NORET, 2, 1, PLAT_RMW_XOR, 1, 0, R_NONE),
	{.name = "atomic_and", .kind = F_RMW, .nargs = 2, .loc_arg = 1, .rmw = PLAT_RMW_ANDNOT,
	 .cls = PLAT_RMW_NORET, .sign = 1, .cpl = 1, .ret = R_NONE},
	RMW1("atomic_add", PLAT_RMW_NORET, 2, 1, PLAT_RMW_ADD, 1, 0, R_NONE),
	RMW1("atomic_sub", PLAT_RMW_NORET, 2, 1, PLAT_RMW_ADD, -1, 0, R_NONE),
	RMW1("atomic_inc", PLAT_RMW_NORET, 1, 0, PLAT_RMW_ADD, 1, 1, R_NONE),
	RMW1("atomic_dec", PLAT_RMW_NORET, 1, 0, PLAT_RMW_ADD, -1, 1, R_NONE),
	LK("spin_lock", F_LOCK, R_NONE),
	LK("spin_unlock", F_UNLOCK, R_NONE),
	LK("spin_trylock", F_TRYLOCK, R_VAL),
	LK("spin_is_locked", F_IS_LOCKED, R_VAL),
	{.name = "rcu_read_lock", .kind = F_RCU_LOCK},
	{.name = "rcu_read_unlock", .kind = F_RCU_UNLOCK},
	{.name = "synchronize_rcu", .kind = F_SYNC_RCU},
	{.name = "synchronize_rcu_expedited", .kind = F_SYNC_RCU},
};
#define LF_NFNS (int)(sizeof(lf_fns) / sizeof(lf_fns[0]))

int lf_fn_find(const char *name, size_t len)
{
	for (int i = 0; i < LF_NFNS; i++)
		if (strlen(lf_fns[i].name) == len && !memcmp(lf_fns[i].name, name, len))
			return i;
	return -1;
}

bool lf_fn_is_lock(const struct lf_fn *f)
{
	return f->kind == F_LOCK || f->kind == F_UNLOCK || f->kind == F_TRYLOCK ||
	       f->kind == F_IS_LOCKED;
}
