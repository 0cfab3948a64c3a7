/*
 * sim/sim_internal.h: the machine's data structures, shared by the files of
 * sim/ only.
 */
#ifndef REQSIM_SIM_INTERNAL_H
#define REQSIM_SIM_INTERNAL_H

#include <stdarg.h>
#include <string.h>
#include <ucontext.h>

#include "sim.h"
#include "strategy.h"

#define SIM_THREADS_MAX 24
#define SIM_CPUS_MAX 64
#define SIM_EVENTS_MAX 64
#define SIM_SBUF_MAX 16
#define SIM_IPIS_MAX 16
#define SIM_NAMES_MAX 64
#define SIM_CHOICES_MAX (SIM_THREADS_MAX * (4 + SIM_SBUF_MAX * (1 + WMM_PLACE_MAX)) + SIM_EVENTS_MAX)

/* ---- context switch (sim/context.c) --------------------------------------- */

struct sim_ctx {
	void *sp;              /* asm: saved stack pointer */
	ucontext_t *uc;        /* ucontext: saved context */
	void *stack_lo;        /* for sanitizer fiber annotations */
	size_t stack_size;
	void *fake_stack;      /* ASan */
	void *tsan_fiber;      /* TSan */
	char **low_water;      /* ASan: the stack's lowest switch-out point */
};

struct sim_stack {
	void *map;      /* whole mapping, guard page first */
	size_t map_size;
	void *lo;       /* usable low end, just above the guard page */
	size_t size;
	ucontext_t uc;
	void *tsan_fiber;
	char *low_water; /* ASan: lowest frame a coroutine switched out from */
};

void ctx_stack_alloc(struct sim_stack *s, size_t size);
void ctx_stack_free(struct sim_stack *s);
/* Prepare ctx to start fn(arg) on stack s. */
void ctx_make(int impl, struct sim_ctx *ctx, struct sim_stack *s,
	      void (*fn)(void *), void *arg);
void ctx_init_main(int impl, struct sim_ctx *main, ucontext_t *uc);
/* Called first thing on a new coroutine's stack. */
void ctx_started(struct sim_ctx *main);
/* Switch from -> to; leaving_forever: from will never be resumed. */
void ctx_switch(int impl, struct sim_ctx *from, struct sim_ctx *to,
		bool leaving_forever);

/* ---- operations ----------------------------------------------------------- */

enum op_kind {
	OP_LOAD,
	OP_STORE,
	OP_STORE_MB,
	OP_FENCE,
	OP_RMW,
	OP_LOCK,
	OP_TRYLOCK,
	OP_UNLOCK,
	OP_IRQ,
	OP_IPI,
	OP_IPI_WAIT,   /* phase: sender waits for all handlers */
	OP_RELAX,
	OP_SCHEDULE,
	OP_SLEEP,      /* phase: asleep until the task is RUNNING again */
	OP_WAKE,
	OP_WORK_QUEUE,
	OP_WORK_FLUSH,
	OP_WORK_CANCEL,
	OP_WORK_WAIT,  /* phase: waits until the work item is idle */
	OP_WORK_DONE,  /* a worker finished its item */
	OP_GUEST_RUN,
	OP_IN_GUEST,   /* phase: in guest mode until an exit */
	OP_MIGRATE,    /* the scheduler moves the thread to another pCPU */
	OP_KIND_COUNT
};

/* OP_TRYLOCK mode bit: spin_is_locked, a read of the lock's state that
 * takes nothing (ret: 1 if held). */
#define SIM_TRY_PEEK 2

struct sim_op {
	const struct platform_site *site;
	uint8_t kind;
	uint8_t size;
	uint8_t mode;   /* order / fence / rmw class / bool */
	uint8_t rmwop;
	volatile void *addr;
	void *obj;
	uint64_t a, b;
	uint64_t ret, ret2;
	const struct cpumask *mask;
	smp_call_func_t fn;
};

/* ---- memory model (sim/memmodel.c) ---------------------------------------- */

enum sbuf_kind { SB_STORE, SB_OR, SB_ANDNOT, SB_ADD, SB_UNLOCK_W, SB_UNLOCK_R, SB_XOR };
/* A buffered entry that writes its location's value (not a lock's). */
#define SB_IS_WRITE(k) ((k) <= SB_ADD || (k) == SB_XOR)
struct sbuf_entry {
	volatile void *addr; /* the location; for unlocks, the lock */
	uint64_t val;
	const struct platform_site *site;
	uint32_t epoch;
	uint8_t size;
	uint8_t kind;
};
struct sbuf {
	struct sbuf_entry e[SIM_SBUF_MAX];
	uint8_t n;
	uint32_t epoch; /* current epoch for new entries */
};

/* ---- the view-based model (wmm) ------------------------------------------ */

#define WMM_LOCS 64  /* tracked locations; more are treated as SC (stronger) */
#define WMM_HIST 4   /* stores kept per location (older ones unreadable) */
#define WMM_SLOTS 256
#define WMM_PLACE_MAX 2 /* a drained store may be placed before at most
			   this many visible stores in coherence order */
/* A drain choice's arg: the buffer entry, and (wmm) how many of the
 * location's latest visible stores the store is placed before in
 * coherence order (0: after all of them, the only choice elsewhere). */
#define DRAIN_IDX(arg) ((int)((arg) & 0xffffu))
#define DRAIN_PLACE(arg) ((int)((arg) >> 16))

struct wmm_msg {
	uint64_t val;
	uint32_t ts;                 /* position in the location's coherence order */
	int16_t tid;                 /* writer, -1 for the initial value */
	uint8_t rmw;                 /* written by an RMW: nothing may be placed
					between it and the store it read */
	uint8_t fixed;               /* its writer made another write visible
					since: nothing may be placed before it */
	uint64_t step;
	int nvis;                    /* locations registered when it was appended */
	uint32_t vis[WMM_LOCS];      /* latest ts of every location when it became
					visible: what an acquirer of it may not miss;
					only vis[0..nvis-1] are of this run (a
					location registered later had only its
					initial store, ts 0, then) */
};

struct wmm_loc {
	const volatile void *addr;
	uint32_t next_ts;
	uint16_t slot;
	uint8_t size, n;
	struct wmm_msg h[WMM_HIST];  /* oldest first; h[n-1] is in memory */
};

struct wmm {
	int nlocs;
	struct wmm_loc locs[WMM_LOCS];
	int16_t slot[WMM_SLOTS];     /* address hash -> location index + 1 */
};

/* ---- threads, cpus, events ------------------------------------------------ */

struct sim_thread {
	struct sim_ctx ctx;
	struct sim *sim;
	struct sim_op *op;   /* pending operation, NULL once finished */
	struct sim_op phase; /* thread-owned op for wait phases */
	void (*fn)(void *);
	void *arg;
	struct task_struct *task; /* in the arena: its address is data */
	struct work_struct *work; /* kworker: the item it runs */
	struct sbuf buf;
	uint32_t view[WMM_LOCS];     /* wmm: oldest ts each location may read */
	uint32_t pend[WMM_LOCS];     /* wmm: acquired by the next smp_rmb() */
	struct guest_exit gexit;
	int16_t id, cpu;
	int16_t acks_pending;
	int16_t guest_event;
	int16_t preempt; /* the kernel's preempt_count: get_cpu, spin locks */
	int16_t iw_kind; /* sim_watch_irqs_on: the word, its value, kind, name */
	uint8_t iw_size;
	const volatile void *iw_addr;
	uint64_t iw_val, iw_last; /* iw_last: the thread's own last store */
	const char *iw_what;
	uint8_t done, guest_exited, claimed;
	int16_t rcu_nest;        /* rcu_read_lock nesting (bookkeeping only) */
	struct plat_lock rcu_gp; /* readers: 1 while in a read-side critical
				  * section; synchronize_rcu write-locks it */
	char name[24];
};

struct sim_ipi {
	int16_t sender;
	uint8_t wait;
	smp_call_func_t fn;
	void *info;
};

struct sim_cpu {
	uint8_t irq_on;
	int16_t in_guest; /* tid of the thread in guest mode, -1 */
	uint8_t nipis;
	struct sim_ipi ipis[SIM_IPIS_MAX];
};

enum event_kind { EV_IPI, EV_GUEST_EXIT, EV_WORK_START, EV_TIMER };
struct sim_event {
	uint64_t time;
	uint32_t seq;
	uint8_t kind;
	uint8_t live;
	int16_t target; /* cpu (IPI) or tid (guest exit) */
	struct sim_ipi ipi;
	struct work_struct *work;
	void (*timer)(struct sim *, void *);
	void *timer_arg;
};

/* ---- footprints (sim/footprint.c) ------------------------------------------ */

/* Keys: arena word offsets; other addresses and pseudo locations are tagged. */
#define FP_KEY_OTHER (1ULL << 58)
#define FP_KEY_PSEUDO (1ULL << 59)
#define FP_ALLTS (FP_KEY_PSEUDO | 1)      /* wmm: every location's latest store */
#define FP_ORACLE (FP_KEY_PSEUDO | 2)     /* something check_step reads */
#define FP_PLAIN (FP_KEY_PSEUDO | 3)      /* plain accesses, when not observed */
#define FP_BUF(t) (FP_KEY_PSEUDO | 0x100 | (uint64_t)(t))    /* a store buffer */
#define FP_TSTATE(t) (FP_KEY_PSEUDO | 0x200 | (uint64_t)(t)) /* a thread's wait state */
#define FP_CPU(c) (FP_KEY_PSEUDO | 0x400 | (uint64_t)(c))    /* a pCPU's irq/guest state */
#define FP_EVENTQ (FP_KEY_PSEUDO | 4)   /* the event queue (sequence numbers) */

enum fp_mode { FPM_OFF, FPM_STEP, FPM_ORACLE };

struct fp_set {
	uint64_t *slot; /* key + 1, 0 = empty */
	size_t n, cap;
};
#define ORC_SLOTS 512
struct orc_set {
	uint32_t stamp, n;
	bool full;
	uint32_t stamps[ORC_SLOTS];
	uint64_t keys[ORC_SLOTS];
};
void orc_clear(struct orc_set *s);
void orc_add(struct orc_set *s, uint64_t key);
bool orc_has(const struct orc_set *s, uint64_t key);
bool fp_set_has(const struct fp_set *s, uint64_t key);
void fp_set_add(struct fp_set *s, uint64_t key);
void fp_set_free(struct fp_set *s);

extern _Thread_local struct sim *fp_tls_sim; /* non-NULL while recording */
extern _Thread_local struct sim *rf_tls_sim; /* non-NULL while a step runs (track_rf) */
void rf_note(struct sim *sim, const volatile void *p, bool write);
uint64_t fp_key(const struct sim *sim, const volatile void *p);
void fp_add_key(struct sim *sim, uint64_t key, bool write);
void fp_record(struct sim *sim, const volatile void *p, size_t size, bool write);
/* A primitive's access to simulated memory (mem_read/mem_write). */
bool sim_footprints_exact(void);
/* One recorded step, for traces (only when cfg.trace). */
struct trace_rec {
	uint64_t step, time;
	const struct platform_site *site;
	uint64_t loc;     /* location id (see loc_id) */
	uint64_t val, val2;
	int16_t tid;
	uint8_t ckind;    /* enum choice_kind */
	uint8_t opkind;   /* enum op_kind or sbuf_kind for drains, event kind */
	uint8_t flags;
	char note[96];
};
#define TR_BUFFERED 1 /* the store went to the store buffer */
#define TR_FORWARD 2  /* the load was forwarded from the own buffer */
#define TR_OLD 4      /* wmm: the load read an older store */

struct sim_name {
	uint64_t loc;
	uint64_t size; /* the named object's bytes: [loc, loc + size) */
	char name[32];
};

struct sim {
	struct sim_config cfg;
	struct strategy *st;
	struct sim_ctx main_ctx;
	ucontext_t main_uc;

	/* arena: all scenario/core data, so addresses are reproducible data */
	unsigned char *arena;
	size_t arena_size, arena_used;

	struct sim_stack stacks[SIM_THREADS_MAX];
	struct sim_thread threads[SIM_THREADS_MAX];
	int nthreads;
	int nworkers;
	struct sim_cpu cpus[SIM_CPUS_MAX];
	struct sim_event events[SIM_EVENTS_MAX];
	int nevents;
	uint32_t event_seq;

	void *state;
	uint64_t now, steps;
	bool clock_read; /* a thread read now: it is state from then on */
	uint64_t hash;
	int last_tid;   /* thread of the last step, -1 */
	bool running;   /* between sim_begin and the end of the run */
	bool violated;
	bool aborted;
	bool quiescent;
	struct sim_violation v;

	struct wmm wmm;
	uint32_t read_choice;  /* wmm: candidate picked for the load being stepped */

	struct sim_choice choices[SIM_CHOICES_MAX];
	int nchoices;
	uint8_t agents[SIM_CHOICES_MAX]; /* observe: agent of each choice */
	int nhidden; /* observe: draining ops held back until drained explicitly */

	/* footprints, for partial-order reduction (strategy observes) */
	uint8_t fp_mode;        /* enum fp_mode */
	struct sim_fp fp;       /* the transition being executed */
	struct sim_op fp_op;    /* the operation it executed (steps) */
	struct cpumask fp_ipi_mask; /* its IPI targets (the op's mask is gone) */
	bool fp_memw;           /* it wrote simulated memory (a store's effect) */

	/* reads-from (cfg.track_rf): last store site per word, this run */
	struct { uint64_t key; const struct platform_site *site; uint64_t run; } rf[1024];
	uint64_t rf_run;
	const struct platform_site *rf_site; /* the store/load site being executed */
	struct sim_choice rf_choice; /* the choice the last step took (track_rf) */
	const struct platform_site *rf_load, *rf_store;
	const volatile void *rf_laddr; /* the location rf_load read */
	/* the stores the last step made visible (cfg.track_rf; the first
	 * SIM_SBUF_MAX): a drain's one store, a fence's or RMW's drained buffer */
	const struct platform_site *flushed[SIM_SBUF_MAX];
	uint8_t nflushed;
	bool rf_valid;
	uint8_t fp_pre_nipis;   /* IPIs pending on the stepping thread's cpu before */
	struct orc_set orc[2];  /* keys check_step read before / after the step */
	int orc_cur;

	/* decision record */
	struct sim_choice *dec;
	uint16_t *dec_width;
	size_t ndec, dec_cap;

	/* trace */
	struct trace_rec *tr;
	size_t ntr, tr_cap;
	struct trace_rec *tr_cur;
	const struct platform_site *cur_site; /* site of the op being executed */
	struct sim_name names[SIM_NAMES_MAX];
	int nnames;
};

extern _Thread_local struct sim_thread *sim_tls_thread;

/* The transition being recorded touches simulator state. */
static inline void fp_mark_global(void)
{
	if (fp_tls_sim && fp_tls_sim->fp_mode == FPM_STEP)
		fp_tls_sim->fp.global = 1;
}
static inline void fp_note(const volatile void *p, size_t size, bool write)
{
	if (__builtin_expect(rf_tls_sim != NULL, 0))
		rf_note(rf_tls_sim, p, write);
	struct sim *sim = fp_tls_sim;
	if (__builtin_expect(sim != NULL, 0)) {
		fp_record(sim, p, size, write);
		sim->fp_memw |= write;
	}
}


/* sched.c */
/* A broken invariant of the simulator: one line on stderr naming it, exit 70. */
void sim_fatal(const struct sim *sim, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 2, 3)));
const char *sim_op_name(int kind);
void sim_hash_mix(struct sim *sim, uint64_t v);
uint64_t loc_id(const struct sim *sim, const volatile void *p);
uint64_t val_id(const struct sim *sim, uint64_t v);
struct trace_rec *trace_begin(struct sim *sim, int ckind, int tid);
void sim_collect_choices(struct sim *sim);
/* The decision loop in two halves (sim_step is both, with the strategy in
 * between): sim_ready() brings the run to its next decision and returns the
 * number of choices in sim->choices (0: the run has ended); sim_take() runs
 * choice i of them, records it as a decision and runs the step oracle.
 * For drivers that choose themselves (sim/stateful.c). */
int sim_ready(struct sim *sim);
/* observed: record the transition's footprint in sim->fp (as for dfs; the
 * step oracle runs as read-set recording, with the same verdicts). */
void sim_take(struct sim *sim, int i, bool observed);

/* memmodel.c */
uint64_t mem_read(const volatile void *p, unsigned size);
void mem_write(volatile void *p, unsigned size, uint64_t v);
uint64_t mm_peek_own(const struct sim_thread *t, const volatile void *p, unsigned size);
/* The bits of a size-byte access. */
static inline uint64_t size_mask(unsigned size)
{
	return size >= 8 ? ~0ULL : (1ULL << (size * 8)) - 1;
}
uint64_t mm_load(struct sim *sim, struct sim_thread *t, const volatile void *p,
		 unsigned size, int order);
void mm_store(struct sim *sim, struct sim_thread *t, volatile void *p,
	      unsigned size, uint64_t v, int order);
void mm_fence(struct sim *sim, struct sim_thread *t, int fence);
uint64_t mm_rmw(struct sim *sim, struct sim_thread *t, volatile void *p,
		unsigned size, int op, uint64_t a, uint64_t b, int cls);
void mm_drain_all(struct sim *sim, struct sim_thread *t);
/* A full barrier of the kernel's (schedule, wake_up_process, IPIs, work
 * items): drain, and under wmm read only the latest from now on. */
void mm_full_fence(struct sim *sim, struct sim_thread *t);
/* A write to simulated memory outside a store (wake_up_process's state). */
void mm_write_direct(struct sim *sim, struct sim_thread *t, volatile void *p,
		     unsigned size, uint64_t v);
/* wmm: how many stores a load by t of its pending op may read (>= 1). */
int mm_read_choices(struct sim *sim, struct sim_thread *t);
void mm_thread_init(struct sim *sim, struct sim_thread *t);
void mm_reset(struct sim *sim);
void mm_drain(struct sim *sim, struct sim_thread *t, int idx);
void mm_drain_at(struct sim *sim, struct sim_thread *t, int idx, int place);
/* The operation drains the store buffer first (a full fence, most RMWs). */
bool mm_op_drains(const struct sim *sim, const struct sim_op *op);
void mm_rcu_enter(struct sim *sim, struct sim_thread *t);
void mm_rcu_exit(struct sim *sim, struct sim_thread *t);
int mm_drain_choices(const struct sim *sim, const struct sim_thread *t,
		     struct sim_choice *out);
bool mm_lock_available(const struct sim *sim, const struct sim_thread *t,
		       const struct plat_lock *l, bool write);
void mm_lock(struct sim *sim, struct sim_thread *t, struct plat_lock *l, bool write);
void mm_unlock(struct sim *sim, struct sim_thread *t, struct plat_lock *l, bool write);

#endif
