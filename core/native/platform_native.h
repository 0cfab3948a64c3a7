/*
 * core/native/platform_native.h: the native backend of core/platform.h.
 * The same core source runs on real pthreads: every shared access is a C11
 * atomic with the order the kernel promises, fences are fences, locks and
 * sleeps are real.  Include core/platform.h, never this.
 *
 * What each primitive becomes (the kernel's rules, Documentation/atomic_t.txt
 * and memory-barriers.txt, mapped onto C11):
 *
 *   READ_ONCE / WRITE_ONCE      relaxed atomic load / store (no tearing)
 *   smp_load_acquire / _release acquire load / release store
 *   smp_store_mb                relaxed store + seq_cst fence
 *   smp_mb                      seq_cst fence (mfence on x86)
 *   smp_wmb / smp_rmb           release / acquire fence (compiler barrier on x86)
 *   smp_mb__{before,after}_atomic  seq_cst fence; on x86 a compiler barrier,
 *                               as in the kernel: every locked RMW is a full
 *                               barrier there
 *   set_bit, clear_bit, atomic_inc (order nothing)   relaxed RMW
 *   xchg, cmpxchg, test_and_set_bit, atomic_*_return seq_cst RMW (plus a
 *                               trailing seq_cst fence off x86, where a
 *                               seq_cst RMW is not a full barrier)
 *   *_relaxed / *_acquire / *_release RMWs           that order
 *
 * ThreadSanitizer ignores fences (atomic_thread_fence is not modelled), so a
 * fence never creates a happens-before edge it can see.  Every piece of
 * shared protocol state in core/ is accessed through the atomics above, so
 * TSan has nothing to report on them whatever the fences do; where the
 * backend itself needs an ordering TSan must see (the sleep/wake handshake,
 * IPIs, work items), it uses release/acquire operations and says so.  A
 * plain C access to shared state in the core is exactly what TSan reports.
 *
 * Invariants:
 *  1. Memory primitives are inline and compile to the instructions the
 *     kernel's would (a relaxed load is a plain mov on x86); the race
 *     windows on real hardware are the kernel's windows.
 *  2. Locks, IRQs, IPIs, sleep/wake, work items and the guest live in
 *     core/native/native.c; their state is private to the backend.
 *  3. The native-only API at the bottom (threads, pCPU state for oracles,
 *     the guest script, the work pool) is for stress drivers
 *     (scenarios/stress_*.c), never for core/.
 */
#ifndef REQSIM_PLATFORM_DISPATCH
#error "include core/platform.h, not core/native/platform_native.h"
#endif
#ifndef REQSIM_PLATFORM_NATIVE_H
#define REQSIM_PLATFORM_NATIVE_H

/* ---- backend-private parts of the platform types -------------------------- */

/* A test-and-test-and-set spinlock on one atomic word (acquire on lock,
 * release on unlock: TSan sees both). */
typedef struct {
	uint32_t locked;
} spinlock_t;

/* pthread objects in opaque storage (core/ is compiled as strict C17, where
 * <pthread.h> need not declare rwlocks); native.c checks the sizes.  Zeroed
 * storage is a valid unlocked pthread mutex/rwlock on glibc, but the core
 * initialises every lock anyway (mutex_init, init_rwsem). */
struct mutex {
	_Alignas(16) unsigned char opaque[64];
};
struct rw_semaphore {
	_Alignas(16) unsigned char opaque[64];
};

struct task_struct {
	long __state;           /* TASK_*: atomic accesses only */
	int sigpending;         /* signal_pending(): READ_ONCE */
	int tid;                /* native thread index */
	uint32_t wake_seq;      /* futex word: bumped by every wake-up */
	uint32_t in_sleep;      /* inside schedule(), waiting (oracles) */
	uint64_t sleeps;        /* schedule() calls that waited (oracles) */
};

struct work_struct {
	work_func_t func;
	struct work_struct *next; /* the pool's queue (pool lock) */
	uint8_t pending;          /* queued, not started (pool lock) */
	uint8_t running;          /* its worker runs func (pool lock) */
};

/* ---- memory primitives (inline) ------------------------------------------- */

#if defined(__x86_64__) || defined(__i386__)
#define NATIVE_TSO 1
static inline void native_pause(void) { __builtin_ia32_pause(); }
#elif defined(__aarch64__)
#define NATIVE_TSO 0
static inline void native_pause(void) { __asm__ __volatile__("yield" ::: "memory"); }
#else
#define NATIVE_TSO 0
static inline void native_pause(void) { __asm__ __volatile__("" ::: "memory"); }
#endif

/*
 * Fences.  ThreadSanitizer does not model atomic_thread_fence (gcc says so
 * with -Wtsan): under TSan a fence stays a real fence for the hardware, and
 * TSan simply sees no happens-before edge from it.  That is harmless here:
 * every ordering of shared protocol state in core/ is between atomics, which
 * TSan never reports whatever the order; the backend's own handshakes
 * (sleep/wake, IPIs, work items) use release/acquire operations and locks,
 * which it sees.
 */
#if defined(__SANITIZE_THREAD__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wtsan"
#endif
static inline void native_mb(void) { __atomic_thread_fence(__ATOMIC_SEQ_CST); }
static inline void native_wmb(void) { __atomic_thread_fence(__ATOMIC_RELEASE); }
static inline void native_rmb(void) { __atomic_thread_fence(__ATOMIC_ACQUIRE); }
#if defined(__SANITIZE_THREAD__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

static inline int native_load_order(enum plat_order o)
{
	return o == PLAT_ACQUIRE ? __ATOMIC_ACQUIRE : __ATOMIC_RELAXED;
}

static inline int native_store_order(enum plat_order o)
{
	return o == PLAT_RELEASE ? __ATOMIC_RELEASE : __ATOMIC_RELAXED;
}

/* The order argument of __atomic builtins must be a constant for the best
 * code; every call site passes constants, so after inlining it is. */
static inline uint64_t plat_load(const struct platform_site *site, const volatile void *p,
				 unsigned size, enum plat_order order)
{
	(void)site;
	int mo = native_load_order(order);
	switch (size) {
	case 1: return __atomic_load_n((const volatile uint8_t *)p, mo);
	case 2: return __atomic_load_n((const volatile uint16_t *)p, mo);
	case 4: return __atomic_load_n((const volatile uint32_t *)p, mo);
	default: return __atomic_load_n((const volatile uint64_t *)p, mo);
	}
}

static inline void plat_store(const struct platform_site *site, volatile void *p,
			      unsigned size, uint64_t v, enum plat_order order)
{
	(void)site;
	int mo = native_store_order(order);
	switch (size) {
	case 1: __atomic_store_n((volatile uint8_t *)p, (uint8_t)v, mo); break;
	case 2: __atomic_store_n((volatile uint16_t *)p, (uint16_t)v, mo); break;
	case 4: __atomic_store_n((volatile uint32_t *)p, (uint32_t)v, mo); break;
	default: __atomic_store_n((volatile uint64_t *)p, v, mo); break;
	}
}

/* smp_store_mb: the store, then a full barrier (the kernel's x86 version is
 * an xchg; a relaxed store + mfence has the same effect on ordering). */
static inline void plat_store_mb(const struct platform_site *site, volatile void *p,
				 unsigned size, uint64_t v)
{
	plat_store(site, p, size, v, PLAT_ONCE);
	native_mb();
}

static inline void plat_fence(const struct platform_site *site, enum plat_fence f)
{
	(void)site;
	switch (f) {
	case PLAT_MB:
		native_mb();
		break;
	case PLAT_WMB: /* stores before stores: a release fence is at least that */
		native_wmb();
		break;
	case PLAT_RMB: /* loads before loads: an acquire fence is at least that */
		native_rmb();
		break;
	default: /* smp_mb__before_atomic / smp_mb__after_atomic */
#if NATIVE_TSO
		/* x86: the adjacent RMW is a locked instruction, already a
		 * full barrier; the kernel's version is barrier(). */
		__atomic_signal_fence(__ATOMIC_SEQ_CST);
#else
		native_mb();
#endif
		break;
	}
}

static inline int native_rmw_order(enum plat_rmw_class cls)
{
	switch (cls) {
	case PLAT_RMW_FULL: return __ATOMIC_SEQ_CST;
	case PLAT_RMW_ACQUIRE: return __ATOMIC_ACQUIRE;
	case PLAT_RMW_RELEASE: return __ATOMIC_RELEASE;
	default: return __ATOMIC_RELAXED; /* NORET, RELAXED */
	}
}

#define NATIVE_RMW(T, p, op, a, b, mo)                                      \
	do {                                                                \
		volatile T *q_ = (volatile T *)(p);                          \
		switch (op) {                                               \
		case PLAT_RMW_OR: old = __atomic_fetch_or(q_, (T)(a), mo); break; \
		case PLAT_RMW_ANDNOT: old = __atomic_fetch_and(q_, (T)~(T)(a), mo); break; \
		case PLAT_RMW_ADD: old = __atomic_fetch_add(q_, (T)(a), mo); break; \
		case PLAT_RMW_XCHG: old = __atomic_exchange_n(q_, (T)(a), mo); break; \
		case PLAT_RMW_XOR: old = __atomic_fetch_xor(q_, (T)(a), mo); break; \
		case PLAT_RMW_ADD_UNLESS: {                                 \
			T cur_ = __atomic_load_n(q_, __ATOMIC_RELAXED);     \
			while (cur_ != (T)(b) &&                            \
			       !__atomic_compare_exchange_n(q_, &cur_, (T)(cur_ + (T)(a)), \
							    false, mo, __ATOMIC_RELAXED)) \
				;                                           \
			old = cur_;                                         \
			break;                                              \
		}                                                           \
		default: {                                                  \
			T exp_ = (T)(b);                                    \
			__atomic_compare_exchange_n(q_, &exp_, (T)(a), false, mo, \
						    mo == __ATOMIC_RELEASE ? __ATOMIC_RELAXED : \
						    mo);                            \
			old = exp_;                                         \
			break;                                              \
		}                                                           \
		}                                                           \
	} while (0)

static inline uint64_t plat_rmw(const struct platform_site *site, volatile void *p,
				unsigned size, enum plat_rmw_op op, uint64_t a, uint64_t b,
				enum plat_rmw_class cls)
{
	uint64_t old;
	int mo = native_rmw_order(cls);
	(void)site;
	switch (size) {
	case 1: NATIVE_RMW(uint8_t, p, op, a, b, mo); break;
	case 2: NATIVE_RMW(uint16_t, p, op, a, b, mo); break;
	case 4: NATIVE_RMW(uint32_t, p, op, a, b, mo); break;
	default: NATIVE_RMW(uint64_t, p, op, a, b, mo); break;
	}
#if !NATIVE_TSO
	/* A value-returning RMW is fully ordered in the kernel; a C11 seq_cst
	 * RMW does not order later relaxed accesses on every architecture. */
	if (cls == PLAT_RMW_FULL)
		native_mb();
#endif
	return old;
}
#undef NATIVE_RMW

/* ---- the rest of the contract (core/native/native.c) ------------------------ */

void native_lock_init(void *lock, enum plat_lock_kind kind);
void native_lock(void *lock, enum plat_lock_kind kind, bool write);
bool native_trylock(void *lock, enum plat_lock_kind kind, bool write);
void native_unlock(void *lock, enum plat_lock_kind kind, bool write);
#define plat_lock_init(x, kind) native_lock_init((x), (kind))
#define plat_lock(site, x, kind, write) ((void)(site), native_lock((x), (kind), (write)))
#define plat_trylock(site, x, kind, write) ((void)(site), native_trylock((x), (kind), (write)))
#define plat_unlock(site, x, kind, write) ((void)(site), native_unlock((x), (kind), (write)))

/* The rest of the contract is declared once for both backends in platform.h. */
static inline void plat_cpu_relax(const struct platform_site *site)
{
	(void)site;
	native_pause();
}

/* Bug variants: set before any thread starts, read-only afterwards. */
extern uint64_t native_bug_mask;
static inline bool plat_bug_enabled(int bug_id)
{
	return (native_bug_mask >> bug_id) & 1;
}

/* ---- native-only API, for stress drivers (not for core/) ---------------------- */

#define NATIVE_CPUS 64       /* = NR_CPUS */
#define NATIVE_THREADS_MAX 48

/* One guest slice, chosen by the driver's guest script (vCPU thread). */
struct native_guest_step {
	uint64_t duration_ns; /* 0: until an IPI (bounded by the guest cap) */
	struct guest_exit exit;
};
typedef struct native_guest_step (*native_guest_fn)(void *arg);

/* Start a thread on pCPU cpu (0 <= cpu < NATIVE_CPUS, one thread per cpu),
 * irqs on, with its own task_struct.  Returns its index. */
int native_thread_start(const char *name, int cpu, void (*fn)(void *), void *arg);
/* Make the calling thread a native thread on pCPU cpu (the monitor). */
int native_thread_adopt(const char *name, int cpu);
/* Wait up to timeout_ns for thread idx to return; false if it did not. */
bool native_thread_join(int idx, uint64_t timeout_ns);
bool native_thread_done(int idx);
struct task_struct *native_thread_task(int idx);
int native_thread_count(void);
const char *native_thread_name(int idx);
/* The calling thread's guest script (called by guest_run on its thread). */
void native_set_guest(native_guest_fn fn, void *arg);
/* Every guest slice ends with GUEST_EXIT_TIMER after at most cap_ns. */
void native_set_guest_cap(uint64_t cap_ns);
/* More runnable threads than CPUs: spin loops yield now and then. */
void native_set_oversubscribed(bool on);
/* One step of a spin-wait: pause, and yield the CPU now and then when
 * oversubscribed (*i counts the steps). */
void native_relax(unsigned *i);
/* BUG_ON/WARN_ON handler (called, then the process aborts if it returns). */
void native_set_bug_handler(void (*fn)(const struct platform_site *site, const char *what));

/* pCPU state for oracles (any thread, racy snapshots). */
bool native_cpu_in_guest(int cpu);
unsigned native_cpu_ipis_pending(int cpu); /* sent, not yet handled */
/* The task is inside schedule() with its state not TASK_RUNNING. */
bool native_task_asleep(struct task_struct *t, uint64_t *sleeps);

/* The work pool: n kworker threads on cpus 32.., FIFO.  Stop drains the
 * queue and joins the workers. */
void native_workqueue_start(int nworkers);
void native_workqueue_stop(void);

/* Reset all backend state (between runs; no thread may be alive). */
void native_reset(void);

static inline uint64_t native_now_ns(void) { return plat_now_ns(); }

#endif
