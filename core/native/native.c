/*
 * core/native/native.c: the native backend of core/platform.h: threads,
 * pCPUs with an irq flag and IPIs, locks, sleep/wake, work items and the
 * guest, on pthreads, futexes and C11 atomics.  It exists so that the same
 * core source the simulator explores can run on real hardware, for stress
 * runs and under ThreadSanitizer.
 *
 * The machine, as the simulator models it (sim/sched.c), for real:
 *
 *   pCPU       one per native thread (thread i of a stress driver sits on
 *              pCPU cpu, chosen by the driver).  An irq flag and a queue of
 *              pending IPIs, both under the pCPU's spinlock.
 *   IPI        sent under the target's lock: run at once if the target has
 *              irqs on (in the kernel the handler would interrupt whatever
 *              runs there; the handlers of core/ are empty), else queued
 *              until local_irq_enable() on the target.  A thread in the
 *              guest (irqs off) polls the pending count and exits.  A
 *              waited IPI spins until the target's handled count passes its
 *              ticket.
 *   guest      plat_guest_run() asks the thread's guest script for a slice,
 *              then spins polling the pending IPIs until one comes
 *              (GUEST_EXIT_INTR) or the slice is over (the script's exit, or
 *              GUEST_EXIT_TIMER at the cap).
 *   sleep      schedule() waits on a futex while the task state is not
 *              TASK_RUNNING; wake_up_process() moves the state to RUNNING
 *              by cmpxchg and bumps the futex word.
 *   work       a FIFO pool of kworker threads under one mutex.
 *
 * Invariants:
 *  1. A pCPU's irq flag and IPI queue change only under its lock; handled
 *     is monotonic and equals sent whenever the pCPU has irqs on.
 *  2. The orderings the kernel gets from full barriers in try_to_wake_up,
 *     smp_call_function and queue_work are made visible to TSan as
 *     release/acquire pairs (it does not model fences): the wake-up's
 *     cmpxchg of __state (seq_cst, a release) pairs with schedule()'s
 *     acquire load of it; IPIs go through the pCPU spinlock and the
 *     acquire load of handled; work items through the pool mutex.
 *  3. Every wait loop yields the CPU now and then when the machine is
 *     oversubscribed; none has a timeout of its own (a stuck thread is the
 *     driver's to report).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "platform.h"

_Static_assert(sizeof(pthread_mutex_t) <= sizeof(((struct mutex *)0)->opaque),
	       "struct mutex storage too small");
_Static_assert(sizeof(pthread_rwlock_t) <= sizeof(((struct rw_semaphore *)0)->opaque),
	       "struct rw_semaphore storage too small");
_Static_assert(NATIVE_CPUS == NR_CPUS, "one pCPU per cpumask bit");

uint64_t native_bug_mask;

#define IPI_QUEUE_MAX 256
#define YIELD_EVERY 256

struct native_ipi {
	smp_call_func_t fn;
	void *info;
};

struct native_cpu {
	uint32_t lock;      /* spinlock word */
	uint8_t irq_on;     /* under lock; read locklessly by its own thread */
	int nq;             /* under lock */
	uint64_t sent;      /* IPIs sent (atomic, written under lock) */
	uint64_t handled;   /* IPIs handled (atomic, written under lock) */
	uint32_t in_guest;  /* atomic: its thread is in plat_guest_run */
	struct native_ipi q[IPI_QUEUE_MAX];
} __attribute__((aligned(64)));

struct native_thread {
	pthread_t pt;
	char name[24];
	int cpu;
	void (*fn)(void *);
	void *arg;
	struct task_struct task;
	native_guest_fn guest;
	void *guest_arg;
	uint32_t done;      /* atomic */
	bool started, joined;
};

static struct native_cpu cpus[NATIVE_CPUS];
static struct native_thread threads[NATIVE_THREADS_MAX];
static int nthreads;        /* written by the thread that starts threads */
static uint64_t guest_cap_ns = 100 * 1000 * 1000;
static bool oversubscribed;
static void (*bug_handler)(const struct platform_site *, const char *);
static __thread struct native_thread *self;

static _Noreturn void fatal(const char *what)
{
	fprintf(stderr, "reqsim-stress: native backend: %s\n", what);
	abort();
}

static struct native_thread *need_self(const char *what)
{
	if (!self) {
		fprintf(stderr, "reqsim-stress: %s called outside a native thread\n", what);
		abort();
	}
	return self;
}

/* A spin-wait step: pause, and give the CPU away now and then when there
 * are more runnable threads than CPUs. */
static inline void spin_step(unsigned *i)
{
	native_pause();
	if (oversubscribed && (++*i % YIELD_EVERY) == 0)
		sched_yield();
}

void native_relax(unsigned *i)
{
	spin_step(i);
}

/* ---- spinlocks, mutexes, rwsems --------------------------------------------------- */

static void raw_lock(uint32_t *w)
{
	unsigned i = 0;
	for (;;) {
		if (!__atomic_load_n(w, __ATOMIC_RELAXED) &&
		    !__atomic_exchange_n(w, 1, __ATOMIC_ACQUIRE))
			return;
		native_pause();
		if ((++i % YIELD_EVERY) == 0)
			sched_yield(); /* the holder may be preempted */
	}
}

static bool raw_trylock(uint32_t *w)
{
	return !__atomic_load_n(w, __ATOMIC_RELAXED) &&
	       !__atomic_exchange_n(w, 1, __ATOMIC_ACQUIRE);
}

static void raw_unlock(uint32_t *w)
{
	__atomic_store_n(w, 0, __ATOMIC_RELEASE);
}

void native_lock_init(void *lock, enum plat_lock_kind kind)
{
	switch (kind) {
	case PLAT_SPIN:
		((spinlock_t *)lock)->locked = 0;
		break;
	case PLAT_MUTEX:
		if (pthread_mutex_init((pthread_mutex_t *)(void *)((struct mutex *)lock)->opaque,
				       NULL))
			fatal("pthread_mutex_init failed");
		break;
	case PLAT_RWSEM: {
		/* The kernel's rwsem queues new readers behind a waiting writer;
		 * glibc's default prefers readers, which would let vCPUs that
		 * keep re-entering KVM_RUN starve down_write() forever. */
		pthread_rwlockattr_t a;
		pthread_rwlockattr_init(&a);
		pthread_rwlockattr_setkind_np(&a, PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP);
		if (pthread_rwlock_init(
			    (pthread_rwlock_t *)(void *)((struct rw_semaphore *)lock)->opaque, &a))
			fatal("pthread_rwlock_init failed");
		pthread_rwlockattr_destroy(&a);
		break;
	}
	}
}

static pthread_mutex_t *as_mutex(void *l)
{
	return (pthread_mutex_t *)(void *)((struct mutex *)l)->opaque;
}

static pthread_rwlock_t *as_rwlock(void *l)
{
	return (pthread_rwlock_t *)(void *)((struct rw_semaphore *)l)->opaque;
}

void native_lock(void *lock, enum plat_lock_kind kind, bool write)
{
	int r = 0;
	switch (kind) {
	case PLAT_SPIN: raw_lock(&((spinlock_t *)lock)->locked); break;
	case PLAT_MUTEX: r = pthread_mutex_lock(as_mutex(lock)); break;
	case PLAT_RWSEM:
		r = write ? pthread_rwlock_wrlock(as_rwlock(lock))
			  : pthread_rwlock_rdlock(as_rwlock(lock));
		break;
	}
	if (r)
		fatal("lock failed");
}

bool native_trylock(void *lock, enum plat_lock_kind kind, bool write)
{
	switch (kind) {
	case PLAT_SPIN: return raw_trylock(&((spinlock_t *)lock)->locked);
	case PLAT_MUTEX: return pthread_mutex_trylock(as_mutex(lock)) == 0;
	default:
		return (write ? pthread_rwlock_trywrlock(as_rwlock(lock))
			      : pthread_rwlock_tryrdlock(as_rwlock(lock))) == 0;
	}
}

void native_unlock(void *lock, enum plat_lock_kind kind, bool write)
{
	int r = 0;
	(void)write;
	switch (kind) {
	case PLAT_SPIN: raw_unlock(&((spinlock_t *)lock)->locked); break;
	case PLAT_MUTEX: r = pthread_mutex_unlock(as_mutex(lock)); break;
	case PLAT_RWSEM: r = pthread_rwlock_unlock(as_rwlock(lock)); break;
	}
	if (r)
		fatal("unlock of a lock not held");
}

bool plat_spin_is_locked(const struct platform_site *site, spinlock_t *l)
{
	(void)site;
	return __atomic_load_n(&l->locked, __ATOMIC_RELAXED) != 0;
}

/* ---- RCU ------------------------------------------------------------------------------ */

/* A counter scheme (the "memory-barrier" flavour of userspace RCU, with a
 * 64-bit grace-period sequence instead of a phase bit):
 *   - every thread that ever reads registers a record (heap, never freed,
 *     on a list); its ctr is 0 outside a critical section, else the grace
 *     period sequence it saw at its outermost rcu_read_lock (nesting is a
 *     thread-local count);
 *   - rcu_read_lock (outermost): ctr = seq, then a full barrier;
 *     rcu_read_unlock (outermost): a full barrier, then ctr = 0 (release);
 *   - synchronize_rcu: under one mutex (grace periods one at a time), a
 *     full barrier, seq += 1 (new), a full barrier, then wait until every
 *     record's ctr is 0 or >= new, then a full barrier.
 * The barriers make the reader's ctr store and the updater's increment a
 * Dekker pair: either the updater sees the reader's ctr (older than new: it
 * waits for the unlock), or the critical section's reads come after the
 * increment and its barrier, so they see everything written before the
 * grace period (a section that began after it began).  Readers never wait;
 * a grace period waits only for sections that began before it. */
struct native_rcu_rec {
	uint64_t ctr;
	struct native_rcu_rec *next;
};
static uint64_t native_rcu_seq = 1;
static struct native_rcu_rec *native_rcu_list;
static pthread_mutex_t native_rcu_reg = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t native_rcu_gp = PTHREAD_MUTEX_INITIALIZER;
static __thread struct native_rcu_rec *native_rcu_self;
static __thread int native_rcu_nest;

static struct native_rcu_rec *rcu_rec(void)
{
	struct native_rcu_rec *r = native_rcu_self;
	if (r)
		return r;
	r = calloc(1, sizeof(*r));
	if (!r)
		fatal("out of memory (rcu)");
	pthread_mutex_lock(&native_rcu_reg);
	r->next = native_rcu_list;
	__atomic_store_n(&native_rcu_list, r, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&native_rcu_reg);
	return native_rcu_self = r;
}

void plat_rcu_read_lock(const struct platform_site *site)
{
	(void)site;
	if (native_rcu_nest++)
		return;
	struct native_rcu_rec *r = rcu_rec();
	__atomic_store_n(&r->ctr, __atomic_load_n(&native_rcu_seq, __ATOMIC_ACQUIRE),
			 __ATOMIC_SEQ_CST);
	native_mb();
}

void plat_rcu_read_unlock(const struct platform_site *site)
{
	(void)site;
	if (native_rcu_nest <= 0)
		fatal("rcu_read_unlock outside a read-side critical section");
	if (--native_rcu_nest)
		return;
	native_mb();
	__atomic_store_n(&native_rcu_self->ctr, 0, __ATOMIC_RELEASE);
}

void plat_synchronize_rcu(const struct platform_site *site)
{
	(void)site;
	if (native_rcu_nest)
		fatal("synchronize_rcu inside a read-side critical section");
	pthread_mutex_lock(&native_rcu_gp);
	native_mb();
	uint64_t gp = __atomic_add_fetch(&native_rcu_seq, 1, __ATOMIC_SEQ_CST);
	native_mb();
	for (struct native_rcu_rec *r = __atomic_load_n(&native_rcu_list, __ATOMIC_ACQUIRE); r;
	     r = r->next) {
		unsigned i = 0;
		for (;;) {
			uint64_t c = __atomic_load_n(&r->ctr, __ATOMIC_ACQUIRE);
			if (c == 0 || c >= gp)
				break;
			native_pause();
			if ((++i & 63) == 0) /* the reader may be off its cpu */
				sched_yield();
		}
	}
	native_mb();
	pthread_mutex_unlock(&native_rcu_gp);
}

/* ---- pCPUs: irqs and IPIs ---------------------------------------------------------- */

/* Run every queued handler (lock held, irqs on). */
static void handle_ipis_locked(struct native_cpu *c)
{
	for (int i = 0; i < c->nq; i++)
		if (c->q[i].fn)
			c->q[i].fn(c->q[i].info); /* handlers: plain code, no primitives */
	c->nq = 0;
	__atomic_store_n(&c->handled, __atomic_load_n(&c->sent, __ATOMIC_RELAXED),
			 __ATOMIC_RELEASE);
}

void plat_irq(const struct platform_site *site, bool enable)
{
	struct native_cpu *c = &cpus[need_self("local_irq_*")->cpu];
	(void)site;
	raw_lock(&c->lock);
	c->irq_on = enable;
	if (enable && c->nq)
		handle_ipis_locked(c);
	raw_unlock(&c->lock);
}

bool plat_irqs_disabled(void)
{
	return !cpus[need_self("irqs_disabled")->cpu].irq_on;
}

void plat_send_ipi(const struct platform_site *site, const struct cpumask *mask,
		   smp_call_func_t fn, void *info, bool wait)
{
	uint64_t ticket[NATIVE_CPUS];
	(void)site;
	/* The IPI path orders earlier accesses before the interrupt is raised
	 * (the kernel's llist_add + full barrier before the IPI write). */
	native_mb();
	for (int cpu = 0; cpu < NATIVE_CPUS; cpu++) {
		if (!cpumask_test_cpu(cpu, mask))
			continue;
		struct native_cpu *c = &cpus[cpu];
		raw_lock(&c->lock);
		ticket[cpu] = __atomic_load_n(&c->sent, __ATOMIC_RELAXED) + 1;
		__atomic_store_n(&c->sent, ticket[cpu], __ATOMIC_RELAXED);
		if (c->irq_on) {
			/* handled at once; the queue is empty while irqs are on */
			if (fn)
				fn(info);
			__atomic_store_n(&c->handled, ticket[cpu], __ATOMIC_RELEASE);
		} else {
			if (c->nq == IPI_QUEUE_MAX)
				fatal("too many pending IPIs on one cpu");
			c->q[c->nq++] = (struct native_ipi){fn, info};
		}
		raw_unlock(&c->lock);
	}
	if (!wait)
		return;
	for (int cpu = 0; cpu < NATIVE_CPUS; cpu++) {
		if (!cpumask_test_cpu(cpu, mask))
			continue;
		unsigned i = 0;
		/* Acquire: what the target did before handling (mode = OUTSIDE,
		 * smp_wmb, local_irq_enable) is visible once we see it. */
		while (__atomic_load_n(&cpus[cpu].handled, __ATOMIC_ACQUIRE) < ticket[cpu])
			spin_step(&i);
	}
	native_mb(); /* the wait ends with a full barrier */
}

int plat_cpu(void) { return need_self("smp_processor_id")->cpu; }

/* Context rules are the simulator's oracle (platform.h); real threads are
 * never preempted by us, so there is nothing to count. */
void plat_preempt(int delta) { (void)delta; }

void plat_migrate(const struct platform_site *site, int cpu)
{
	(void)cpu;
	plat_bug(site, "vCPU migration is modelled by the simulator only");
}
void plat_ctx_rule(const struct platform_site *site, enum plat_ctx_rule rule)
{
	(void)site;
	(void)rule;
}

bool native_cpu_in_guest(int cpu)
{
	return __atomic_load_n(&cpus[cpu].in_guest, __ATOMIC_ACQUIRE) != 0;
}

unsigned native_cpu_ipis_pending(int cpu)
{
	/* handled first: a snapshot never shows handled > sent */
	uint64_t h = __atomic_load_n(&cpus[cpu].handled, __ATOMIC_ACQUIRE);
	uint64_t s = __atomic_load_n(&cpus[cpu].sent, __ATOMIC_ACQUIRE);
	return (unsigned)(s - h);
}

/* ---- the guest ------------------------------------------------------------------------ */

struct guest_exit plat_guest_run(const struct platform_site *site)
{
	struct native_thread *t = need_self("guest_run");
	struct native_cpu *c = &cpus[t->cpu];
	struct native_guest_step gs = {0, {GUEST_EXIT_INTR, 0}};
	(void)site;
	/* irqs are off: an IPI already pending makes the entry exit at once */
	if (native_cpu_ipis_pending(t->cpu))
		return (struct guest_exit){GUEST_EXIT_INTR, 0};
	if (t->guest)
		gs = t->guest(t->guest_arg);
	if (gs.exit.reason == GUEST_EXIT_SHUTDOWN && gs.duration_ns == 0)
		return gs.exit;
	uint64_t budget = gs.duration_ns && gs.duration_ns < guest_cap_ns ? gs.duration_ns
									  : guest_cap_ns;
	uint64_t deadline = plat_now_ns() + budget;
	struct guest_exit e = gs.duration_ns && gs.duration_ns <= guest_cap_ns
				      ? gs.exit
				      : (struct guest_exit){GUEST_EXIT_TIMER, 0};
	__atomic_store_n(&c->in_guest, 1, __ATOMIC_RELEASE);
	for (unsigned i = 0;; i++) {
		if (__atomic_load_n(&c->sent, __ATOMIC_RELAXED) !=
		    __atomic_load_n(&c->handled, __ATOMIC_RELAXED)) {
			e = (struct guest_exit){GUEST_EXIT_INTR, 0};
			break;
		}
		if ((i & 63) == 0 && plat_now_ns() >= deadline)
			break;
		native_pause();
		if (oversubscribed && (i % YIELD_EVERY) == YIELD_EVERY - 1)
			sched_yield();
	}
	__atomic_store_n(&c->in_guest, 0, __ATOMIC_RELEASE);
	return e;
}

void native_set_guest(native_guest_fn fn, void *arg)
{
	struct native_thread *t = need_self("native_set_guest");
	t->guest = fn;
	t->guest_arg = arg;
}

void native_set_guest_cap(uint64_t cap_ns) { guest_cap_ns = cap_ns ? cap_ns : 1; }
void native_set_oversubscribed(bool on) { oversubscribed = on; }
void native_set_bug_handler(void (*fn)(const struct platform_site *, const char *))
{
	bug_handler = fn;
}

/* ---- tasks: schedule / wake_up_process ---------------------------------------------- */

static long futex(uint32_t *addr, int op, uint32_t val)
{
	return syscall(SYS_futex, addr, op, val, NULL, NULL, 0);
}

struct task_struct *plat_current(void) { return &need_self("current")->task; }

void plat_schedule(const struct platform_site *site)
{
	struct task_struct *t = plat_current();
	unsigned i = 0;
	(void)site;
	/* schedule() starts with a full barrier (__schedule's
	 * smp_mb__after_spinlock), pairing with try_to_wake_up()'s. */
	native_mb();
	for (;;) {
		uint32_t seq = __atomic_load_n(&t->wake_seq, __ATOMIC_ACQUIRE);
		/* Acquire: pairs with the waker's cmpxchg (a release), so what it
		 * wrote before waking us is visible to TSan as well. */
		if (__atomic_load_n(&t->__state, __ATOMIC_ACQUIRE) == TASK_RUNNING)
			break;
		if (i++ < 64) { /* a short spin first: wake-ups often come at once */
			native_pause();
			continue;
		}
		if (!__atomic_load_n(&t->in_sleep, __ATOMIC_RELAXED)) {
			__atomic_store_n(&t->sleeps, t->sleeps + 1, __ATOMIC_RELAXED);
			__atomic_store_n(&t->in_sleep, 1, __ATOMIC_RELEASE);
		}
		if (futex(&t->wake_seq, FUTEX_WAIT_PRIVATE, seq) && errno != EAGAIN &&
		    errno != EINTR)
			fatal("futex wait failed");
	}
	__atomic_store_n(&t->in_sleep, 0, __ATOMIC_RELEASE);
	native_mb();
}

int plat_wake_up_process(const struct platform_site *site, struct task_struct *p)
{
	(void)site;
	/* try_to_wake_up: full barrier, then the state; pairs with the barrier
	 * in the sleeper's set_current_state(). */
	native_mb();
	long st = __atomic_load_n(&p->__state, __ATOMIC_RELAXED);
	while (st != TASK_RUNNING) {
		if (__atomic_compare_exchange_n(&p->__state, &st, TASK_RUNNING, false,
						__ATOMIC_SEQ_CST, __ATOMIC_RELAXED)) {
			__atomic_fetch_add(&p->wake_seq, 1, __ATOMIC_RELEASE);
			futex(&p->wake_seq, FUTEX_WAKE_PRIVATE, 1);
			return 1;
		}
	}
	return 0;
}

bool native_task_asleep(struct task_struct *t, uint64_t *sleeps)
{
	uint64_t n1 = __atomic_load_n(&t->sleeps, __ATOMIC_ACQUIRE);
	bool in = __atomic_load_n(&t->in_sleep, __ATOMIC_ACQUIRE);
	bool asleep = in && __atomic_load_n(&t->__state, __ATOMIC_ACQUIRE) != TASK_RUNNING;
	uint64_t n2 = __atomic_load_n(&t->sleeps, __ATOMIC_ACQUIRE);
	if (sleeps)
		*sleeps = n2;
	return asleep && n1 == n2;
}

/* ---- work items ------------------------------------------------------------------------- */

static struct {
	pthread_mutex_t lock;
	pthread_cond_t more;   /* work queued, or stop */
	pthread_cond_t idle;   /* some item finished */
	struct work_struct *head, *tail;
	bool stop;
	int nworkers;
	int tids[8];
} pool = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, PTHREAD_COND_INITIALIZER,
	  NULL, NULL, false, 0, {0}};

void plat_init_work(struct work_struct *w, work_func_t fn)
{
	w->func = fn;
	w->next = NULL;
	w->pending = 0;
	w->running = 0;
}

static void kworker_main(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&pool.lock);
	for (;;) {
		while (!pool.head && !pool.stop)
			pthread_cond_wait(&pool.more, &pool.lock);
		if (!pool.head)
			break; /* stop, and the queue is drained */
		struct work_struct *w = pool.head;
		pool.head = w->next;
		if (!pool.head)
			pool.tail = NULL;
		w->next = NULL;
		w->pending = 0;
		w->running = 1;
		pthread_mutex_unlock(&pool.lock);
		w->func(w);
		/* the item may be freed as soon as running is 0 (flush_work) */
		pthread_mutex_lock(&pool.lock);
		w->running = 0;
		pthread_cond_broadcast(&pool.idle);
	}
	pthread_mutex_unlock(&pool.lock);
}

bool plat_schedule_work(const struct platform_site *site, struct work_struct *w)
{
	bool queued = false;
	(void)site;
	/* queue_work: what the caller wrote before is visible to the work
	 * function (the pool mutex: release here, acquire in the worker). */
	pthread_mutex_lock(&pool.lock);
	if (!w->pending) {
		w->pending = 1;
		w->next = NULL;
		if (pool.tail)
			pool.tail->next = w;
		else
			pool.head = w;
		pool.tail = w;
		queued = true;
		pthread_cond_signal(&pool.more);
	}
	pthread_mutex_unlock(&pool.lock);
	return queued;
}

bool plat_flush_work(const struct platform_site *site, struct work_struct *w)
{
	(void)site;
	pthread_mutex_lock(&pool.lock);
	bool waited = w->pending || w->running;
	while (w->pending || w->running)
		pthread_cond_wait(&pool.idle, &pool.lock);
	pthread_mutex_unlock(&pool.lock);
	return waited;
}

bool plat_cancel_work_sync(const struct platform_site *site, struct work_struct *w)
{
	(void)site;
	pthread_mutex_lock(&pool.lock);
	bool was_pending = w->pending;
	if (w->pending) { /* unlink it from the queue */
		struct work_struct **pp = &pool.head, *prev = NULL;
		while (*pp && *pp != w) {
			prev = *pp;
			pp = &(*pp)->next;
		}
		if (*pp) {
			*pp = w->next;
			if (pool.tail == w)
				pool.tail = prev;
		}
		w->next = NULL;
		w->pending = 0;
	}
	while (w->running)
		pthread_cond_wait(&pool.idle, &pool.lock);
	pthread_mutex_unlock(&pool.lock);
	return was_pending;
}

void native_workqueue_start(int nworkers)
{
	if (nworkers < 1)
		nworkers = 1;
	if (nworkers > 8)
		nworkers = 8;
	pool.stop = false;
	pool.nworkers = nworkers;
	for (int i = 0; i < nworkers; i++) {
		char name[24];
		snprintf(name, sizeof(name), "kworker/%d", i);
		pool.tids[i] = native_thread_start(name, 32 + i, kworker_main, NULL);
	}
}

void native_workqueue_stop(void)
{
	pthread_mutex_lock(&pool.lock);
	pool.stop = true;
	pthread_cond_broadcast(&pool.more);
	pthread_mutex_unlock(&pool.lock);
	for (int i = 0; i < pool.nworkers; i++)
		native_thread_join(pool.tids[i], 0);
	pool.nworkers = 0;
}

/* ---- threads ------------------------------------------------------------------------------ */

static void *thread_main(void *arg)
{
	struct native_thread *t = arg;
	self = t;
	t->fn(t->arg);
	__atomic_store_n(&t->done, 1, __ATOMIC_RELEASE);
	return NULL;
}

static struct native_thread *thread_slot(const char *name, int cpu)
{
	if (nthreads == NATIVE_THREADS_MAX)
		fatal("too many native threads");
	if (cpu < 0 || cpu >= NATIVE_CPUS)
		fatal("cpu number out of range");
	for (int i = 0; i < nthreads; i++)
		if (threads[i].cpu == cpu && !threads[i].joined)
			fatal("two threads on one pCPU");
	struct native_thread *t = &threads[nthreads++];
	memset(t, 0, sizeof(*t));
	snprintf(t->name, sizeof(t->name), "%s", name);
	t->cpu = cpu;
	t->task.tid = (int)(t - threads);
	t->task.__state = TASK_RUNNING;
	cpus[cpu].irq_on = 1;
	return t;
}

int native_thread_start(const char *name, int cpu, void (*fn)(void *), void *arg)
{
	struct native_thread *t = thread_slot(name, cpu);
	t->fn = fn;
	t->arg = arg;
	t->started = true;
	if (pthread_create(&t->pt, NULL, thread_main, t))
		fatal("pthread_create failed");
	return t->task.tid;
}

int native_thread_adopt(const char *name, int cpu)
{
	struct native_thread *t = thread_slot(name, cpu);
	t->pt = pthread_self();
	self = t;
	return t->task.tid;
}

bool native_thread_done(int idx)
{
	return __atomic_load_n(&threads[idx].done, __ATOMIC_ACQUIRE) != 0;
}

bool native_thread_join(int idx, uint64_t timeout_ns)
{
	struct native_thread *t = &threads[idx];
	if (!t->started || t->joined)
		return true;
	if (timeout_ns) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		uint64_t ns = (uint64_t)ts.tv_nsec + timeout_ns % 1000000000u;
		ts.tv_sec += (time_t)(timeout_ns / 1000000000u + ns / 1000000000u);
		ts.tv_nsec = (long)(ns % 1000000000u);
		if (pthread_timedjoin_np(t->pt, NULL, &ts))
			return false;
	} else if (pthread_join(t->pt, NULL)) {
		fatal("pthread_join failed");
	}
	t->joined = true;
	return true;
}

struct task_struct *native_thread_task(int idx) { return &threads[idx].task; }
int native_thread_count(void) { return nthreads; }
const char *native_thread_name(int idx) { return threads[idx].name; }

void native_reset(void)
{
	memset(cpus, 0, sizeof(cpus));
	memset(threads, 0, sizeof(threads));
	nthreads = 0;
	native_bug_mask = 0;
	self = NULL;
	pool.head = pool.tail = NULL;
	pool.stop = false;
	pool.nworkers = 0;
}

/* ---- time, memory, checks ------------------------------------------------------------------ */

uint64_t plat_now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void *plat_zalloc(size_t size)
{
	return calloc(1, size);
}

void plat_free(void *p)
{
	free(p);
}

_Noreturn void plat_bug(const struct platform_site *site, const char *what)
{
	if (bug_handler)
		bug_handler(site, what);
	fprintf(stderr, "reqsim-stress: BUG at %s:%d (%s): %s\n", site->file, site->line,
		site->func, what);
	abort();
}
