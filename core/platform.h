/*
 * core/platform.h: the primitives the request core may use, with kernel names
 * and kernel semantics.  This is a dispatcher: it defines the generic parts
 * (types, bitops, atomic_t, task state helpers) on top of a small backend
 * contract (the plat_* functions below) and includes exactly one backend.
 *
 *   backend          selected by                 implements plat_* with
 *   sim/             REQSIM_BACKEND_SIM          the deterministic simulator
 *   core/native/     REQSIM_BACKEND_NATIVE       C11 atomics, pthreads, futexes
 *
 * Invariants:
 *  1. Every primitive that touches shared state, orders memory, blocks, or
 *     talks to another CPU is one call into the backend carrying a static
 *     call-site identity (file, line, function, label).  In the simulator each
 *     such call is one scheduler decision; code between two calls is atomic.
 *  2. Purely local helpers (cpumask bit ops on a caller-owned mask,
 *     preempt_disable, smp_processor_id) are not decision points.
 *  3. The core includes only this header and its own headers.
 */
#ifndef REQSIM_PLATFORM_H
#define REQSIM_PLATFORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- call-site identity --------------------------------------------------- */

struct platform_site {
	const char *file;
	int line;
	const char *func;
	const char *label; /* short text: "WRITE_ONCE(vcpu->mode)" */
};

/* A static, per-call-site identity; statement expression (GNU C). */
#define PLATFORM_SITE(lbl)                                                  \
	({                                                                  \
		static const struct platform_site __plat_site = {           \
			__FILE__, __LINE__, __func__, (lbl)};               \
		&__plat_site;                                               \
	})

/* ---- backend contract ----------------------------------------------------- */

/* Memory-order class of a single access, as the kernel names them. */
enum plat_order {
	PLAT_ONCE,    /* READ_ONCE / WRITE_ONCE: relaxed, no tearing */
	PLAT_ACQUIRE, /* smp_load_acquire */
	PLAT_RELEASE, /* smp_store_release */
};

enum plat_fence {
	PLAT_MB,                /* smp_mb */
	PLAT_WMB,               /* smp_wmb */
	PLAT_RMB,               /* smp_rmb */
	PLAT_MB_BEFORE_ATOMIC,  /* smp_mb__before_atomic */
	PLAT_MB_AFTER_ATOMIC,   /* smp_mb__after_atomic */
	PLAT_FENCE_COUNT
};

/* Read-modify-write operations; every one returns the old value. */
enum plat_rmw_op {
	PLAT_RMW_OR,
	PLAT_RMW_ANDNOT,
	PLAT_RMW_ADD,
	PLAT_RMW_XCHG,
	PLAT_RMW_CMPXCHG, /* b = expected, a = new */
	PLAT_RMW_XOR,
	PLAT_RMW_ADD_UNLESS, /* adds a unless the old value is b; when it does
			      * not add it is only a read and orders nothing,
			      * as a failed cmpxchg (atomic_add_unless) */
	PLAT_RMW_OP_COUNT
};

/*
 * Ordering class of an RMW, following Documentation/atomic_t.txt:
 * value-returning RMWs are fully ordered unless suffixed; non-value-returning
 * ones (set_bit, atomic_inc) order nothing; a failed cmpxchg orders nothing.
 */
enum plat_rmw_class {
	PLAT_RMW_FULL,    /* xchg, cmpxchg, atomic_*_return, test_and_set_bit */
	PLAT_RMW_NORET,   /* set_bit, clear_bit, atomic_inc, atomic_add */
	PLAT_RMW_RELAXED, /* *_relaxed value-returning forms */
	PLAT_RMW_ACQUIRE, /* *_acquire forms */
	PLAT_RMW_RELEASE, /* *_release forms */
	PLAT_RMW_CLASS_COUNT
};

enum plat_lock_kind { PLAT_SPIN, PLAT_MUTEX, PLAT_RWSEM };

/* Task states (subset). */
#define TASK_RUNNING 0L
#define TASK_INTERRUPTIBLE 1L
#define TASK_UNINTERRUPTIBLE 2L

struct task_struct;
struct work_struct;
struct cpumask;
typedef void (*work_func_t)(struct work_struct *work);
typedef void (*smp_call_func_t)(void *info);

/* Guest execution (hardware VM entry/exit), used by arch vcpu_run code. */
enum guest_exit_reason {
	GUEST_EXIT_INTR,    /* an interrupt/IPI forced the exit */
	GUEST_EXIT_HLT,     /* the guest executed HLT/WFI */
	GUEST_EXIT_MMIO,    /* the guest touched emulated MMIO */
	GUEST_EXIT_PF,      /* the guest touched a non-present page */
	GUEST_EXIT_TIMER,   /* preemption timer / time slice over */
	GUEST_EXIT_MSR,     /* a paravirtual MSR write (e.g. page-ready ACK) */
	GUEST_EXIT_SHUTDOWN,/* the guest script has finished */
	GUEST_EXIT_COUNT
};
struct guest_exit {
	enum guest_exit_reason reason;
	uint64_t arg; /* reason-specific (gfn, MSR value, ...) */
};

/* The part of the contract both backends implement as plain functions
 * (declared before the backend header, whose inline helpers use them). */
void plat_irq(const struct platform_site *site, bool enable);
bool plat_irqs_disabled(void);
void plat_send_ipi(const struct platform_site *site, const struct cpumask *mask,
		   smp_call_func_t fn, void *info, bool wait);
int plat_cpu(void);
/* Kernel context (the kernel's preempt_count, might_sleep(), "scheduling
 * while atomic", lockdep_assert_preemption_disabled()): plat_preempt()
 * moves the calling thread's preemption count; plat_ctx_rule() states a
 * rule the caller's context must meet here.  Neither is a decision point.
 * The simulator reports a broken rule as an atomic-context violation and
 * checks the sleeping rules itself at every primitive that may sleep
 * (schedule, mutex, rwsem, flush_work, cancel_work_sync) and when a
 * thread returns; the native backend checks nothing. */
enum plat_ctx_rule {
	PLAT_CTX_PREEMPT_OFF, /* preemption disabled, irqs enabled */
};
void plat_preempt(int delta);
void plat_ctx_rule(const struct platform_site *site, enum plat_ctx_rule rule);
/* The scheduler moves the calling (preemptible) thread to pCPU cpu: a
 * context switch, full barrier included.  A decision point; simulator
 * only (real threads stay pinned: the native backend refuses it). */
void plat_migrate(const struct platform_site *site, int cpu);
#define migrate_to_cpu(cpu) plat_migrate(PLATFORM_SITE("migrate_to_cpu"), (cpu))

struct task_struct *plat_current(void);
void plat_schedule(const struct platform_site *site);
int plat_wake_up_process(const struct platform_site *site, struct task_struct *t);

void plat_init_work(struct work_struct *w, work_func_t fn);
bool plat_schedule_work(const struct platform_site *site, struct work_struct *w);
bool plat_flush_work(const struct platform_site *site, struct work_struct *w);
bool plat_cancel_work_sync(const struct platform_site *site, struct work_struct *w);

uint64_t plat_now_ns(void);
struct guest_exit plat_guest_run(const struct platform_site *site);
void *plat_zalloc(size_t size);
void plat_free(void *p);
_Noreturn void plat_bug(const struct platform_site *site, const char *what);

#if defined(REQSIM_BACKEND_SIM)
#define REQSIM_PLATFORM_DISPATCH 1
#include "platform_sim.h"
#undef REQSIM_PLATFORM_DISPATCH
#elif defined(REQSIM_BACKEND_NATIVE)
#define REQSIM_PLATFORM_DISPATCH 1
#include "native/platform_native.h"
#undef REQSIM_PLATFORM_DISPATCH
#else
#error "define REQSIM_BACKEND_SIM or REQSIM_BACKEND_NATIVE"
#endif

/*
 * Each backend provides these (and the types spinlock_t, struct mutex,
 * struct rw_semaphore, struct task_struct, struct work_struct internals):
 *
 *   uint64_t plat_load(site, const volatile void *p, unsigned size, enum plat_order);
 *   void     plat_store(site, volatile void *p, unsigned size, uint64_t v, enum plat_order);
 *   void     plat_store_mb(site, volatile void *p, unsigned size, uint64_t v);
 *   void     plat_fence(site, enum plat_fence);
 *   uint64_t plat_rmw(site, volatile void *p, unsigned size, enum plat_rmw_op,
 *                     uint64_t a, uint64_t b, enum plat_rmw_class);
 *   void     plat_lock(site, void *lock, enum plat_lock_kind, bool write);
 *   bool     plat_trylock(site, void *lock, enum plat_lock_kind, bool write);
 *   void     plat_unlock(site, void *lock, enum plat_lock_kind, bool write);
 *   void     plat_irq(site, bool enable);        bool plat_irqs_disabled(void);
 *   void     plat_send_ipi(site, const struct cpumask *, smp_call_func_t, void *, bool wait);
 *   struct task_struct *plat_current(void);      int plat_cpu(void);
 *   void     plat_schedule(site);                int plat_wake_up_process(site, task);
 *   bool     plat_schedule_work(site, w);  bool plat_flush_work(site, w);
 *   bool     plat_cancel_work_sync(site, w);
 *   void     plat_cpu_relax(site);               uint64_t plat_now_ns(void);
 *   struct guest_exit plat_guest_run(site);
 *   void    *plat_zalloc(size_t);                void plat_free(void *);
 *   void     plat_bug(site, const char *what) (noreturn);
 *   bool     plat_bug_enabled(int bug_id);
 */

/* ---- generic definitions on top of the contract --------------------------- */

#define __plat_val(x) ((uint64_t)(uintptr_t)(x))

#define READ_ONCE(x)                                                        \
	((__typeof__(x))(uintptr_t)plat_load(                               \
		PLATFORM_SITE("READ_ONCE(" #x ")"), &(x), sizeof(x), PLAT_ONCE))
#define WRITE_ONCE(x, v)                                                    \
	plat_store(PLATFORM_SITE("WRITE_ONCE(" #x ")"), &(x), sizeof(x),     \
		   __plat_val(v), PLAT_ONCE)
#define smp_load_acquire(p)                                                 \
	((__typeof__(*(p)))(uintptr_t)plat_load(                            \
		PLATFORM_SITE("smp_load_acquire(" #p ")"), (p), sizeof(*(p)), \
		PLAT_ACQUIRE))
#define smp_store_release(p, v)                                             \
	plat_store(PLATFORM_SITE("smp_store_release(" #p ")"), (p),          \
		   sizeof(*(p)), __plat_val(v), PLAT_RELEASE)
#define smp_store_mb(x, v)                                                  \
	plat_store_mb(PLATFORM_SITE("smp_store_mb(" #x ")"), &(x), sizeof(x), \
		      __plat_val(v))

#define smp_mb() plat_fence(PLATFORM_SITE("smp_mb()"), PLAT_MB)
#define smp_wmb() plat_fence(PLATFORM_SITE("smp_wmb()"), PLAT_WMB)
#define smp_rmb() plat_fence(PLATFORM_SITE("smp_rmb()"), PLAT_RMB)
#define smp_mb__before_atomic()                                             \
	plat_fence(PLATFORM_SITE("smp_mb__before_atomic()"), PLAT_MB_BEFORE_ATOMIC)
#define smp_mb__after_atomic()                                              \
	plat_fence(PLATFORM_SITE("smp_mb__after_atomic()"), PLAT_MB_AFTER_ATOMIC)
/* srcu_read_unlock() is not a full barrier; this upgrades it (x86 entry). */
#define smp_mb__after_srcu_read_unlock()                                    \
	plat_fence(PLATFORM_SITE("smp_mb__after_srcu_read_unlock()"), PLAT_MB)
#define barrier() __asm__ __volatile__("" ::: "memory")

/* Value-returning RMWs on scalars of any size. */
#define xchg(p, v)                                                          \
	((__typeof__(*(p)))(uintptr_t)plat_rmw(                             \
		PLATFORM_SITE("xchg(" #p ")"), (p), sizeof(*(p)), PLAT_RMW_XCHG, \
		__plat_val(v), 0, PLAT_RMW_FULL))
#define cmpxchg(p, o, n)                                                    \
	((__typeof__(*(p)))(uintptr_t)plat_rmw(                             \
		PLATFORM_SITE("cmpxchg(" #p ")"), (p), sizeof(*(p)),         \
		PLAT_RMW_CMPXCHG, __plat_val(n), __plat_val(o), PLAT_RMW_FULL))
#define cmpxchg_relaxed(p, o, n)                                            \
	((__typeof__(*(p)))(uintptr_t)plat_rmw(                             \
		PLATFORM_SITE("cmpxchg_relaxed(" #p ")"), (p), sizeof(*(p)), \
		PLAT_RMW_CMPXCHG, __plat_val(n), __plat_val(o),             \
		PLAT_RMW_RELAXED))
#define xchg_relaxed(p, v)                                                  \
	((__typeof__(*(p)))(uintptr_t)plat_rmw(                             \
		PLATFORM_SITE("xchg_relaxed(" #p ")"), (p), sizeof(*(p)),    \
		PLAT_RMW_XCHG, __plat_val(v), 0, PLAT_RMW_RELAXED))

/* ---- bit operations on unsigned long bitmaps ------------------------------ */

#define BITS_PER_LONG 64
#define BIT(n) (1UL << (n))
#define BIT_WORD(nr) ((nr) / BITS_PER_LONG)
#define BIT_MASK(nr) (1UL << ((nr) % BITS_PER_LONG))

#define __plat_bitop(lbl, op, cls, nr, addr)                                \
	plat_rmw(PLATFORM_SITE(lbl), (addr) + BIT_WORD(nr),                  \
		 sizeof(unsigned long), (op), BIT_MASK(nr), 0, (cls))

/* Atomic, order nothing (pair with smp_mb__before/after_atomic). */
#define set_bit(nr, addr)                                                   \
	((void)__plat_bitop("set_bit(" #nr ")", PLAT_RMW_OR, PLAT_RMW_NORET, \
			    (nr), (addr)))
#define clear_bit(nr, addr)                                                 \
	((void)__plat_bitop("clear_bit(" #nr ")", PLAT_RMW_ANDNOT,           \
			    PLAT_RMW_NORET, (nr), (addr)))
/* Plain load of the word. */
#define test_bit(nr, addr)                                                  \
	((plat_load(PLATFORM_SITE("test_bit(" #nr ")"), (addr) + BIT_WORD(nr), \
		    sizeof(unsigned long), PLAT_ONCE) &                     \
	  BIT_MASK(nr)) != 0)
/* Value-returning: fully ordered. */
#define test_and_set_bit(nr, addr)                                          \
	((__plat_bitop("test_and_set_bit(" #nr ")", PLAT_RMW_OR,             \
		       PLAT_RMW_FULL, (nr), (addr)) &                       \
	  BIT_MASK(nr)) != 0)
#define test_and_clear_bit(nr, addr)                                        \
	((__plat_bitop("test_and_clear_bit(" #nr ")", PLAT_RMW_ANDNOT,       \
		       PLAT_RMW_FULL, (nr), (addr)) &                       \
	  BIT_MASK(nr)) != 0)

/* ---- atomic_t ------------------------------------------------------------- */

typedef struct {
	int counter;
} atomic_t;
#define ATOMIC_INIT(i) {(i)}

#define __plat_atomic(lbl, v, op, a, b, cls)                                \
	((int)plat_rmw(PLATFORM_SITE(lbl), &(v)->counter, sizeof(int), (op), \
		       (uint64_t)(uint32_t)(a), (uint64_t)(uint32_t)(b), (cls)))

#define atomic_read(v)                                                      \
	((int)plat_load(PLATFORM_SITE("atomic_read(" #v ")"), &(v)->counter, \
			sizeof(int), PLAT_ONCE))
#define atomic_set(v, i)                                                    \
	plat_store(PLATFORM_SITE("atomic_set(" #v ")"), &(v)->counter,       \
		   sizeof(int), (uint64_t)(uint32_t)(i), PLAT_ONCE)
#define atomic_set_release(v, i)                                            \
	plat_store(PLATFORM_SITE("atomic_set_release(" #v ")"),              \
		   &(v)->counter, sizeof(int), (uint64_t)(uint32_t)(i),     \
		   PLAT_RELEASE)
#define atomic_read_acquire(v)                                              \
	((int)plat_load(PLATFORM_SITE("atomic_read_acquire(" #v ")"),        \
			&(v)->counter, sizeof(int), PLAT_ACQUIRE))
#define atomic_add(i, v)                                                    \
	((void)__plat_atomic("atomic_add(" #v ")", v, PLAT_RMW_ADD, (i), 0,  \
			     PLAT_RMW_NORET))
#define atomic_sub(i, v)                                                    \
	((void)__plat_atomic("atomic_sub(" #v ")", v, PLAT_RMW_ADD, -(i), 0, \
			     PLAT_RMW_NORET))
#define atomic_inc(v) atomic_add(1, v)
#define atomic_dec(v) atomic_sub(1, v)
#define atomic_fetch_add(i, v)                                              \
	__plat_atomic("atomic_fetch_add(" #v ")", v, PLAT_RMW_ADD, (i), 0,   \
		      PLAT_RMW_FULL)
#define atomic_fetch_add_relaxed(i, v)                                      \
	__plat_atomic("atomic_fetch_add_relaxed(" #v ")", v, PLAT_RMW_ADD,   \
		      (i), 0, PLAT_RMW_RELAXED)
#define atomic_fetch_add_acquire(i, v)                                      \
	__plat_atomic("atomic_fetch_add_acquire(" #v ")", v, PLAT_RMW_ADD,   \
		      (i), 0, PLAT_RMW_ACQUIRE)
#define atomic_fetch_add_release(i, v)                                      \
	__plat_atomic("atomic_fetch_add_release(" #v ")", v, PLAT_RMW_ADD,   \
		      (i), 0, PLAT_RMW_RELEASE)
#define atomic_add_return(i, v) (atomic_fetch_add((i), (v)) + (i))
#define atomic_sub_return(i, v) (atomic_fetch_add(-(i), (v)) - (i))
#define atomic_inc_return(v) atomic_add_return(1, v)
#define atomic_dec_return(v) atomic_sub_return(1, v)
#define atomic_dec_and_test(v) (atomic_dec_return(v) == 0)
#define atomic_xchg(v, i)                                                   \
	__plat_atomic("atomic_xchg(" #v ")", v, PLAT_RMW_XCHG, (i), 0,       \
		      PLAT_RMW_FULL)
#define atomic_cmpxchg(v, o, n)                                             \
	__plat_atomic("atomic_cmpxchg(" #v ")", v, PLAT_RMW_CMPXCHG, (n), (o), \
		      PLAT_RMW_FULL)

/* ---- locks ---------------------------------------------------------------- */

#define spin_lock_init(l) plat_lock_init((l), PLAT_SPIN)
#define spin_lock(l) plat_lock(PLATFORM_SITE("spin_lock(" #l ")"), (l), PLAT_SPIN, true)
#define spin_unlock(l)                                                      \
	plat_unlock(PLATFORM_SITE("spin_unlock(" #l ")"), (l), PLAT_SPIN, true)
#define spin_trylock(l)                                                     \
	plat_trylock(PLATFORM_SITE("spin_trylock(" #l ")"), (l), PLAT_SPIN, true)
/* A read of the lock's state (no ordering): true while someone holds it. */
bool plat_spin_is_locked(const struct platform_site *site, spinlock_t *l);
#define spin_is_locked(l) plat_spin_is_locked(PLATFORM_SITE("spin_is_locked(" #l ")"), (l))
#define spin_lock_irqsave(l, flags)                                         \
	do {                                                                \
		(flags) = plat_irqs_disabled();                             \
		plat_irq(PLATFORM_SITE("local_irq_save"), false);           \
		plat_lock(PLATFORM_SITE("spin_lock_irqsave(" #l ")"), (l),   \
			  PLAT_SPIN, true);                                 \
	} while (0)
#define spin_unlock_irqrestore(l, flags)                                    \
	do {                                                                \
		plat_unlock(PLATFORM_SITE("spin_unlock_irqrestore(" #l ")"), \
			    (l), PLAT_SPIN, true);                          \
		if (!(flags))                                               \
			plat_irq(PLATFORM_SITE("local_irq_restore"), true); \
	} while (0)
#define raw_spin_lock(l) spin_lock(l)
#define raw_spin_unlock(l) spin_unlock(l)

#define mutex_init(m) plat_lock_init((m), PLAT_MUTEX)
#define mutex_lock(m) plat_lock(PLATFORM_SITE("mutex_lock(" #m ")"), (m), PLAT_MUTEX, true)
#define mutex_unlock(m)                                                     \
	plat_unlock(PLATFORM_SITE("mutex_unlock(" #m ")"), (m), PLAT_MUTEX, true)
#define mutex_trylock(m)                                                    \
	plat_trylock(PLATFORM_SITE("mutex_trylock(" #m ")"), (m), PLAT_MUTEX, true)

#define init_rwsem(s) plat_lock_init((s), PLAT_RWSEM)
#define down_read(s) plat_lock(PLATFORM_SITE("down_read(" #s ")"), (s), PLAT_RWSEM, false)
#define up_read(s) plat_unlock(PLATFORM_SITE("up_read(" #s ")"), (s), PLAT_RWSEM, false)
#define down_write(s) plat_lock(PLATFORM_SITE("down_write(" #s ")"), (s), PLAT_RWSEM, true)
#define up_write(s) plat_unlock(PLATFORM_SITE("up_write(" #s ")"), (s), PLAT_RWSEM, true)
#define down_read_trylock(s)                                                \
	plat_trylock(PLATFORM_SITE("down_read_trylock(" #s ")"), (s), PLAT_RWSEM, false)

/* ---- interrupts and IPIs -------------------------------------------------- */

#define local_irq_disable() plat_irq(PLATFORM_SITE("local_irq_disable()"), false)
#define local_irq_enable() plat_irq(PLATFORM_SITE("local_irq_enable()"), true)
#define local_irq_save(flags)                                               \
	do {                                                                \
		(flags) = plat_irqs_disabled();                             \
		plat_irq(PLATFORM_SITE("local_irq_save()"), false);         \
	} while (0)
#define local_irq_restore(flags)                                            \
	do {                                                                \
		if (!(flags))                                               \
			plat_irq(PLATFORM_SITE("local_irq_restore()"), true); \
	} while (0)
#define irqs_disabled() plat_irqs_disabled()

#define NR_CPUS 64
struct cpumask {
	unsigned long bits[NR_CPUS / BITS_PER_LONG];
};
/* Caller-owned masks: plain local operations, not decision points. */
static inline void cpumask_clear(struct cpumask *m) { m->bits[0] = 0; }
static inline void cpumask_set_cpu(int cpu, struct cpumask *m)
{
	m->bits[0] |= 1UL << cpu;
}
static inline bool cpumask_test_cpu(int cpu, const struct cpumask *m)
{
	return (m->bits[0] >> cpu) & 1;
}
static inline bool cpumask_empty(const struct cpumask *m) { return m->bits[0] == 0; }

/* Asynchronous reschedule IPI: can never wait. */
static inline void __plat_send_one(const struct platform_site *site, int cpu,
				   smp_call_func_t fn, void *info, bool wait)
{
	struct cpumask m;
	cpumask_clear(&m);
	cpumask_set_cpu(cpu, &m);
	plat_send_ipi(site, &m, fn, info, wait);
}
#define smp_send_reschedule(cpu)                                            \
	__plat_send_one(PLATFORM_SITE("smp_send_reschedule"), (cpu), NULL, NULL, false)
#define smp_call_function_single(cpu, fn, info, wait)                       \
	__plat_send_one(PLATFORM_SITE("smp_call_function_single"), (cpu), (fn), \
			(info), (wait))
/* The kernel's rule for smp_call_function_many(): the caller keeps
 * preemption off (it may not migrate off the CPU it excluded) and irqs on. */
#define smp_call_function_many(mask, fn, info, wait)                        \
	do {                                                                \
		plat_ctx_rule(PLATFORM_SITE("smp_call_function_many"),       \
			      PLAT_CTX_PREEMPT_OFF);                        \
		plat_send_ipi(PLATFORM_SITE("smp_call_function_many"), (mask), \
			      (fn), (info), (wait));                        \
	} while (0)

#define smp_processor_id() plat_cpu()
#define raw_smp_processor_id() plat_cpu()
/* The preemption count (spin locks raise it too): not decision points; the
 * simulator checks the kernel's context rules against it (plat_ctx_rule). */
#define get_cpu() (plat_preempt(1), plat_cpu())
#define put_cpu() plat_preempt(-1)
#define preempt_disable() plat_preempt(1)
#define preempt_enable() plat_preempt(-1)
#define cpu_relax() plat_cpu_relax(PLATFORM_SITE("cpu_relax()"))

/* ---- tasks ---------------------------------------------------------------- */

#define current plat_current()
/* Contains a full barrier: the waiter side of every sleep/wake Dekker. */
#define set_current_state(s) smp_store_mb(current->__state, (long)(s))
#define __set_current_state(s) WRITE_ONCE(current->__state, (long)(s))
#define schedule() plat_schedule(PLATFORM_SITE("schedule()"))
#define wake_up_process(t) plat_wake_up_process(PLATFORM_SITE("wake_up_process"), (t))
#define signal_pending(t) (READ_ONCE((t)->sigpending) != 0)

/* RCU.  rcu_read_lock/rcu_read_unlock mark a read-side critical section
 * (nesting allowed; only the outermost pair counts); synchronize_rcu() is a
 * grace period: a full barrier, then it waits until every thread has been
 * outside a read-side critical section at least once since the grace period
 * began (so every critical section that began before it has ended and its
 * accesses are visible), then a full barrier.  Readers never block and, in
 * the simulator, are no scheduling points (bookkeeping in the thread's
 * current step); under wmm the outermost rcu_read_lock also makes the thread
 * read the latest store of every location (stronger than LKMM, sound).
 * Pointers are published with release.  rcu_dereference relies on the
 * address dependency to order what is read through the pointer; the
 * simulator tracks no dependencies, so it is an acquire here: never weaker
 * than the kernel's rule. */
void plat_rcu_read_lock(const struct platform_site *site);
void plat_rcu_read_unlock(const struct platform_site *site);
void plat_synchronize_rcu(const struct platform_site *site);
#define rcu_read_lock() plat_rcu_read_lock(PLATFORM_SITE("rcu_read_lock()"))
#define rcu_read_unlock() plat_rcu_read_unlock(PLATFORM_SITE("rcu_read_unlock()"))
#define synchronize_rcu() plat_synchronize_rcu(PLATFORM_SITE("synchronize_rcu()"))
#define synchronize_rcu_expedited()                                         \
	plat_synchronize_rcu(PLATFORM_SITE("synchronize_rcu_expedited()"))
#define rcu_dereference(p)                                                  \
	((__typeof__(p))(uintptr_t)plat_load(                               \
		PLATFORM_SITE("rcu_dereference(" #p ")"), &(p), sizeof(p),   \
		PLAT_ACQUIRE))
#define rcu_assign_pointer(p, v) smp_store_release(&(p), (v))

/* ---- work items ----------------------------------------------------------- */

#define INIT_WORK(w, f) plat_init_work((w), (f))
#define schedule_work(w) plat_schedule_work(PLATFORM_SITE("schedule_work(" #w ")"), (w))
#define flush_work(w) plat_flush_work(PLATFORM_SITE("flush_work(" #w ")"), (w))
#define cancel_work_sync(w)                                                 \
	plat_cancel_work_sync(PLATFORM_SITE("cancel_work_sync(" #w ")"), (w))

/* ---- time, memory, checks ------------------------------------------------- */

#define ktime_get_ns() plat_now_ns()
#define kzalloc(size) plat_zalloc(size)
#define kfree(p) plat_free(p)
#define guest_run() plat_guest_run(PLATFORM_SITE("guest_run()"))

#define BUG_ON(c)                                                           \
	do {                                                                \
		if (c)                                                      \
			plat_bug(PLATFORM_SITE("BUG_ON(" #c ")"), #c);       \
	} while (0)
#define WARN_ON(c)                                                          \
	({                                                                  \
		bool __w = (c);                                             \
		if (__w)                                                    \
			plat_bug(PLATFORM_SITE("WARN_ON(" #c ")"), #c);      \
		__w;                                                        \
	})

/* Bug variants: named runtime switches, see core/bugs.def. */
enum reqsim_bug_id {
#define REQSIM_BUG(id, name, scope, text) id,
#include "bugs.def"
#undef REQSIM_BUG
	REQSIM_BUG_COUNT
};
#define reqsim_bug(id) plat_bug_enabled(id)

#endif /* REQSIM_PLATFORM_H */
