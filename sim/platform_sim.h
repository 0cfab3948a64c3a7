/*
 * sim/platform_sim.h: the simulator backend of core/platform.h.
 * Defines the backend-private parts of the platform types and declares the
 * plat_* contract; sim/ implements it.  Include core/platform.h, never this.
 */
#ifndef REQSIM_PLATFORM_DISPATCH
#error "include core/platform.h, not sim/platform_sim.h"
#endif
#ifndef REQSIM_PLATFORM_SIM_H
#define REQSIM_PLATFORM_SIM_H

/*
 * Lock state is owned by the simulator (who holds it, how many readers);
 * its memory effects (acquire on lock, release on unlock) go through the
 * memory model like any other access.
 */
struct plat_lock {
	int16_t owner;   /* thread id + 1 of the writer/holder, 0 if free */
	int16_t readers; /* rwsem readers */
	uint8_t kind;    /* enum plat_lock_kind */
};
typedef struct {
	struct plat_lock l;
} spinlock_t;
struct mutex {
	struct plat_lock l;
};
struct rw_semaphore {
	struct plat_lock l;
};

struct task_struct {
	long __state;       /* TASK_*: a shared memory word, through the model */
	int sigpending;     /* shared memory word */
	int tid;            /* simulator thread id (fixed) */
};

struct work_struct {
	work_func_t func;
	uint8_t pending;    /* queued, not started (simulator-owned) */
	uint8_t running;    /* its worker is executing func (simulator-owned) */
	int16_t event;      /* queued start event, -1 if none */
};

uint64_t plat_load(const struct platform_site *site, const volatile void *p,
		   unsigned size, enum plat_order order);
void plat_store(const struct platform_site *site, volatile void *p,
		unsigned size, uint64_t v, enum plat_order order);
void plat_store_mb(const struct platform_site *site, volatile void *p,
		   unsigned size, uint64_t v);
void plat_fence(const struct platform_site *site, enum plat_fence f);
uint64_t plat_rmw(const struct platform_site *site, volatile void *p,
		  unsigned size, enum plat_rmw_op op, uint64_t a, uint64_t b,
		  enum plat_rmw_class cls);

void plat_lock_init_(struct plat_lock *l, enum plat_lock_kind kind);
void plat_lock_(const struct platform_site *site, struct plat_lock *l, bool write);
bool plat_trylock_(const struct platform_site *site, struct plat_lock *l, bool write);
void plat_unlock_(const struct platform_site *site, struct plat_lock *l, bool write);
#define plat_lock_init(x, kind) plat_lock_init_(&(x)->l, (kind))
#define plat_lock(site, x, kind, write) plat_lock_((site), &(x)->l, (write))
#define plat_trylock(site, x, kind, write) plat_trylock_((site), &(x)->l, (write))
#define plat_unlock(site, x, kind, write) plat_unlock_((site), &(x)->l, (write))

/* The rest of the contract is declared once for both backends in platform.h. */
void plat_cpu_relax(const struct platform_site *site);
bool plat_bug_enabled(int bug_id);

#endif
