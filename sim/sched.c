/*
 * sim/sched.c: the discrete-event machine.  Threads, pCPUs, IPIs, guest
 * mode, sleep/wake, work items, the event queue, the decision loop and the
 * platform.h entry points for simulated threads.
 *
 * A thread runs as a coroutine until it calls a platform primitive; the
 * primitive describes itself (struct sim_op) and switches to the scheduler.
 * The scheduler lists every enabled choice (step a thread, i.e. perform its
 * pending primitive and run it to the next one; drain a store buffer entry;
 * deliver a due event), asks the strategy, and carries the choice out.
 *
 * Invariants:
 *  1. Code between two primitives runs atomically: only the scheduler
 *     switches threads, and only at a primitive.
 *  2. All simulated data lives in the sim's arena, allocated in a
 *     deterministic order, so addresses seen as data (task pointers) and
 *     locations in traces and hashes are arena offsets, never raw pointers.
 *  3. Virtual time advances one nanosecond per executed choice; when nothing
 *     can move, it jumps to the earliest event; when no event remains the
 *     run is quiescent and the end-of-run checks run.
 *  4. Every loop and queue is bounded: threads, events, IPIs, buffer entries
 *     and the number of decisions (steps_max reports a livelock).
 */
#define _GNU_SOURCE
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "sim_internal.h"

_Thread_local struct sim_thread *sim_tls_thread;
static _Thread_local struct sim *sim_tls_sim;

#define ARENA_SIZE (64u << 20)
#ifdef __has_feature
#if __has_feature(address_sanitizer)
#define STACK_SIZE (1u << 20)
#endif
#endif
#ifndef STACK_SIZE
#if defined(__SANITIZE_ADDRESS__)
#define STACK_SIZE (1u << 20)
#else
#define STACK_SIZE (256u << 10)
#endif
#endif

/* Bounded copy; cheaper than snprintf on the per-run path. */
static void copy_str(char *dst, size_t len, const char *src)
{
	size_t i = 0;
	for (; i + 1 < len && src[i]; i++)
		dst[i] = src[i];
	dst[i] = 0;
}

static void die(const char *msg)
{
	fprintf(stderr, "reqsim: %s\n", msg);
	exit(2);
}

/* An invariant of the machine itself broke: not a finding about the code
 * under test, so it must never pass for one (exit 70, EX_SOFTWARE). */
void sim_fatal(const struct sim *sim, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "reqsim: simulator error: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (sim)
		fprintf(stderr, " (scenario %s, model %s, step %llu)",
			sim->cfg.scenario ? sim->cfg.scenario->name : "?",
			sim_model_name(sim->cfg.model), (unsigned long long)sim->steps);
	fputc('\n', stderr);
	fflush(stderr);
	exit(70);
}

/* ---- names ----------------------------------------------------------------- */

static const char *const model_names[MODEL_COUNT] = {"sc", "tso", "pso", "wmm"};
static const char *const arch_names[ARCH_COUNT] = {"x86", "arm64"};
static const char *const switch_names[SWITCH_COUNT] = {"asm", "ucontext"};
static const char *const viol_names[V_KIND_COUNT] = {
#define REQSIM_VIOL(id, name) [id] = name,
#include "violations.def"
#undef REQSIM_VIOL
};
static const struct {
	const char *name, *scope, *text;
} bug_table[REQSIM_BUG_COUNT] = {
#define REQSIM_BUG(id, name, scope, text) [id] = {name, scope, text},
#include "bugs.def"
#undef REQSIM_BUG
};

static int lookup(const char *const *tab, int n, const char *s)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(tab[i], s))
			return i;
	return -1;
}
const char *sim_model_name(int m) { return m >= 0 && m < MODEL_COUNT ? model_names[m] : "?"; }
const char *sim_arch_name(int a) { return a >= 0 && a < ARCH_COUNT ? arch_names[a] : "?"; }
const char *sim_switch_name(int s) { return s >= 0 && s < SWITCH_COUNT ? switch_names[s] : "?"; }
int sim_model_parse(const char *s) { return lookup(model_names, MODEL_COUNT, s); }
int sim_arch_parse(const char *s) { return lookup(arch_names, ARCH_COUNT, s); }
int sim_switch_parse(const char *s) { return lookup(switch_names, SWITCH_COUNT, s); }
const char *sim_viol_name(int k) { return k >= 0 && k < V_KIND_COUNT ? viol_names[k] : "?"; }
const char *sim_bug_name(int id) { return bug_table[id].name; }
const char *sim_bug_scope(int id) { return bug_table[id].scope; }
const char *sim_bug_text(int id) { return bug_table[id].text; }
int sim_bug_parse(const char *s)
{
	for (int i = 0; i < REQSIM_BUG_COUNT; i++)
		if (!strcmp(bug_table[i].name, s))
			return i;
	return -1;
}

static const char *const op_names[OP_KIND_COUNT] = {
	[OP_LOAD] = "load", [OP_STORE] = "store", [OP_STORE_MB] = "store+mb",
	[OP_FENCE] = "fence", [OP_RMW] = "rmw", [OP_LOCK] = "lock",
	[OP_TRYLOCK] = "trylock", [OP_UNLOCK] = "unlock", [OP_IRQ] = "irq",
	[OP_IPI] = "ipi", [OP_IPI_WAIT] = "waiting for IPI handlers",
	[OP_RELAX] = "cpu_relax", [OP_SCHEDULE] = "schedule",
	[OP_SLEEP] = "asleep in schedule()", [OP_WAKE] = "wake_up_process",
	[OP_WORK_QUEUE] = "schedule_work", [OP_WORK_FLUSH] = "flush_work",
	[OP_WORK_CANCEL] = "cancel_work_sync",
	[OP_WORK_WAIT] = "waiting for a work item", [OP_WORK_DONE] = "work done",
	[OP_GUEST_RUN] = "guest_run", [OP_IN_GUEST] = "in guest mode",
	[OP_MIGRATE] = "migrate"};
const char *sim_op_name(int k) { return k >= 0 && k < OP_KIND_COUNT ? op_names[k] : "?"; }

/* ---- configuration and lifetime --------------------------------------------- */

void sim_config_defaults(struct sim_config *c, const struct scenario *s)
{
	memset(c, 0, sizeof(*c));
	c->scenario = s;
	for (int i = 0; s && i < s->nparams; i++)
		c->params[i] = s->params[i].def;
	c->model = MODEL_SC;
	c->arch = ARCH_X86;
	c->switch_impl = REQSIM_DEFAULT_SWITCH;
	if (!sim_switch_available(c->switch_impl))
		c->switch_impl = SWITCH_UCONTEXT;
	c->steps_max = 100000;
	c->ipi_latency_ns = 3;
	c->work_delay_ns = 5;
}

struct sim *sim_new(const struct sim_config *cfg)
{
	struct sim *sim = calloc(1, sizeof(*sim));
	if (!sim)
		die("out of memory");
	sim->cfg = *cfg;
	sim->arena_size = ARENA_SIZE;
	sim->arena = mmap(NULL, sim->arena_size, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (sim->arena == MAP_FAILED)
		die("cannot map the simulation arena");
	ctx_init_main(cfg->switch_impl, &sim->main_ctx, &sim->main_uc);
	return sim;
}

void sim_free(struct sim *sim)
{
	if (!sim)
		return;
	for (int i = 0; i < SIM_THREADS_MAX; i++)
		ctx_stack_free(&sim->stacks[i]);
	munmap(sim->arena, sim->arena_size);
	if (fp_tls_sim == sim)
		fp_tls_sim = NULL;
	if (rf_tls_sim == sim)
		rf_tls_sim = NULL;
	free(sim->dec);
	free(sim->dec_width);
	free(sim->tr);
	free(sim);
}

const struct sim_config *sim_config(const struct sim *sim) { return &sim->cfg; }
void *sim_state(struct sim *sim) { return sim->state; }
long sim_param(const struct sim *sim, int i) { return sim->cfg.params[i]; }
long sim_current_param(int i) { return sim_tls_sim->cfg.params[i]; }

long sim_param_named(const struct sim *sim, const char *name)
{
	const struct scenario *sc = sim->cfg.scenario;
	for (int i = 0; i < sc->nparams; i++)
		if (!strcmp(sc->params[i].name, name))
			return sim->cfg.params[i];
	fprintf(stderr, "reqsim: scenario %s reads undeclared parameter %s\n", sc->name, name);
	abort();
}

long sim_current_param_named(const char *name) { return sim_param_named(sim_tls_sim, name); }
int sim_model(const struct sim *sim) { return sim->cfg.model; }
int sim_arch(const struct sim *sim) { return sim->cfg.arch; }
bool sim_bug(const struct sim *sim, int id) { return (sim->cfg.bugs >> id) & 1; }
uint64_t sim_now(const struct sim *sim)
{
	if (sim->running) /* time read during the run is state (sim/snapshot.c) */
		((struct sim *)sim)->clock_read = true;
	return sim->now;
}
bool sim_violated(const struct sim *sim) { return sim->violated; }
int sim_thread_count(const struct sim *sim) { return sim->nthreads; }
const char *sim_thread_name(const struct sim *sim, int tid) { return sim->threads[tid].name; }
static void note_tstate(const struct sim *sim, int tid);
bool sim_thread_done(const struct sim *sim, int tid)
{
	note_tstate(sim, tid);
	return sim->threads[tid].done;
}
struct task_struct *sim_task(struct sim *sim, int tid) { return sim->threads[tid].task; }
size_t sim_decision_count(const struct sim *sim) { return sim->ndec; }
const struct sim_choice *sim_decisions(const struct sim *sim) { return sim->dec; }
const uint16_t *sim_decision_widths(const struct sim *sim) { return sim->dec_width; }
uint64_t sim_peek(const volatile void *p, unsigned size) { return mem_read(p, size); }

void *sim_alloc(struct sim *sim, size_t size)
{
	size_t at = (sim->arena_used + 15) & ~(size_t)15;
	if (at + size > sim->arena_size)
		die("simulation arena exhausted");
	sim->arena_used = at + size;
	return sim->arena + at; /* zeroed by sim_begin */
}

/* ---- identities for hashes and traces ------------------------------------------ */

#define TAG_ARENA (1ULL << 62)
#define TAG_STACK (2ULL << 62)
#define TAG_OTHER (3ULL << 62)

uint64_t loc_id(const struct sim *sim, const volatile void *p)
{
	uintptr_t a = (uintptr_t)p, base = (uintptr_t)sim->arena;
	if (a >= base && a < base + sim->arena_size)
		return TAG_ARENA | (a - base);
	for (int i = 0; i < sim->nthreads; i++) {
		uintptr_t lo = (uintptr_t)sim->stacks[i].lo;
		if (a >= lo && a < lo + sim->stacks[i].size)
			return TAG_STACK | ((uint64_t)i << 40) | (a - lo);
	}
	return TAG_OTHER | (a & 0xfff);
}

uint64_t val_id(const struct sim *sim, uint64_t v)
{
	uintptr_t base = (uintptr_t)sim->arena;
	if (v >= base && v < base + sim->arena_size)
		return TAG_ARENA | (v - base);
	return v;
}

void sim_hash_mix(struct sim *sim, uint64_t v)
{
	uint64_t h = (sim->hash ^ v) * 0x9e3779b97f4a7c15ULL;
	sim->hash = h ^ (h >> 29);
}

void sim_name_sized(struct sim *sim, const volatile void *p, size_t size, const char *name)
{
	if (sim->nnames == SIM_NAMES_MAX)
		return;
	struct sim_name *n = &sim->names[sim->nnames++];
	n->loc = loc_id(sim, p);
	n->size = size ? size : 1;
	copy_str(n->name, sizeof(n->name), name);
}

/* ---- violations -------------------------------------------------------------------- */

static void report_v(struct sim *sim, int kind, const struct platform_site *site,
		     const char *fmt, va_list ap)
{
	if (sim->violated)
		return;
	sim->violated = true;
	sim->v.kind = kind;
	sim->v.step = sim->steps;
	sim->v.nsites = 0;
	if (site)
		sim->v.sites[sim->v.nsites++] = site;
	vsnprintf(sim->v.msg, sizeof(sim->v.msg), fmt, ap);
}

void sim_report(struct sim *sim, int kind, const struct platform_site *site,
		const char *fmt, ...)
{
	va_list ap;
	fp_mark_global();
	va_start(ap, fmt);
	report_v(sim, kind, site, fmt, ap);
	va_end(ap);
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

void sim_site_str(const struct platform_site *s, char *buf, size_t len)
{
	if (!s) {
		snprintf(buf, len, "-");
		return;
	}
	snprintf(buf, len, "%s:%d %s %s", base_name(s->file), s->line, s->func,
		 s->label);
}

static uint64_t str_hash(uint64_t h, const char *s)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}

uint64_t sim_signature(const struct sim_config *cfg, const struct sim_violation *v)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	h = str_hash(h, sim_viol_name(v->kind));
	h = str_hash(h, cfg->scenario->name);
	for (int i = 0; i < v->nsites; i++) {
		const struct platform_site *s = v->sites[i];
		/* a separator after every field: ("ab","c") != ("a","bc") */
		h = str_hash(h, "\x1f");
		if (!s) {
			h = str_hash(h, "-");
			continue;
		}
		h = str_hash(h, s->func ? s->func : "");
		h = str_hash(h, "\x1f");
		h = str_hash(h, s->label ? s->label : "");
	}
	return h;
}

/* ---- events ---------------------------------------------------------------------- */

static struct sim_event *event_add(struct sim *sim, uint64_t delay, int kind)
{
	if (sim->nevents == SIM_EVENTS_MAX)
		die("event queue overflow (more than 64 pending events)");
	struct sim_event e = {.time = sim->now + delay, .seq = sim->event_seq++,
			      .kind = (uint8_t)kind, .live = 1, .target = -1};
	int i = sim->nevents++;
	/* keep the queue sorted by (time, seq) */
	while (i > 0 && sim->events[i - 1].time > e.time) {
		sim->events[i] = sim->events[i - 1];
		i--;
	}
	sim->events[i] = e;
	return &sim->events[i];
}

static void event_remove(struct sim *sim, int i)
{
	memmove(&sim->events[i], &sim->events[i + 1],
		(size_t)(sim->nevents - i - 1) * sizeof(sim->events[0]));
	sim->nevents--;
}

static int event_find(const struct sim *sim, uint32_t seq)
{
	for (int i = 0; i < sim->nevents; i++)
		if (sim->events[i].seq == seq)
			return i;
	return -1;
}

void sim_add_timer(struct sim *sim, uint64_t delay_ns,
		   void (*fn)(struct sim *, void *), void *arg)
{
	fp_mark_global();
	struct sim_event *e = event_add(sim, delay_ns, EV_TIMER);
	e->timer = fn;
	e->timer_arg = arg;
}

/* ---- threads ----------------------------------------------------------------------- */

static void resume(struct sim *sim, struct sim_thread *t)
{
	struct sim_thread *saved = sim_tls_thread;
	sim_tls_thread = t;
	ctx_switch(sim->cfg.switch_impl, &sim->main_ctx, &t->ctx, false);
	sim_tls_thread = saved;
}

/* A thread returns to user space (or its work item ends, where the
 * kernel's workqueue checks the same "leaked atomic"): preemption
 * count back at zero and TASK_RUNNING (a task left in a sleeping state
 * would be taken off the run queue at its next schedule()).  Irqs are
 * not checked: scenarios end threads in the entry window on purpose. */
static void thread_returns(struct sim *sim, struct sim_thread *t)
{
	static const struct platform_site ret = {__FILE__, 0, "(thread return)",
						 "return to user space"};
	long state = (long)mm_peek_own(t, &t->task->__state, sizeof(long));
	if (sim->violated)
		return;
	if (t->preempt || state != TASK_RUNNING)
		sim_report(sim, V_ATOMIC_CONTEXT, &ret,
			   "%s returns with preemption count %d, task state %ld", t->name,
			   t->preempt, state);
}

static void thread_main(void *arg)
{
	struct sim_thread *t = arg;
	struct sim *sim = t->sim;
	ctx_started(&sim->main_ctx);
	t->fn(t->arg);
	thread_returns(sim, t);
	t->done = 1;
	t->op = NULL;
	ctx_switch(sim->cfg.switch_impl, &t->ctx, &sim->main_ctx, true);
	abort();
}

/* sim_spawn clears a thread record around its store buffer's entries. */
_Static_assert(offsetof(struct sim_thread, view) > offsetof(struct sim_thread, buf) &&
		       offsetof(struct sim_thread, gexit) > offsetof(struct sim_thread, pend) &&
		       offsetof(struct sim_thread, name) > offsetof(struct sim_thread, gexit),
	       "sim_thread: buf, view, pend, gexit, ... name in this order");

int sim_spawn(struct sim *sim, const char *name, int cpu, void (*fn)(void *), void *arg)
{
	if (sim->nthreads == SIM_THREADS_MAX)
		die("too many simulated threads (limit 24)");
	if (cpu < 0 || cpu >= SIM_CPUS_MAX)
		die("simulated cpu number out of range");
	int id = sim->nthreads++;
	struct sim_thread *t = &sim->threads[id];
	struct sim_stack *s = &sim->stacks[id];
	/* Nothing of an earlier run's thread in this slot survives: every
	 * field is cleared but the store buffer's entries, which are never
	 * read beyond buf.n (mm_thread_init clears the wmm views). */
	memset(t, 0, offsetof(struct sim_thread, buf));
	t->buf.n = 0;
	t->buf.epoch = 0;
	memset(&t->gexit, 0, sizeof(*t) - offsetof(struct sim_thread, gexit));
	t->sim = sim;
	t->id = (int16_t)id;
	t->cpu = (int16_t)cpu;
	t->fn = fn;
	t->arg = arg;
	t->guest_event = -1;
	t->rcu_nest = 0;
	t->rcu_gp = (struct plat_lock){.kind = PLAT_MUTEX};
	mm_thread_init(sim, t);
	t->task = sim_alloc(sim, sizeof(*t->task));
	t->task->tid = id;
	t->done = t->guest_exited = t->claimed = 0;
	t->acks_pending = 0;
	t->work = NULL;
	copy_str(t->name, sizeof(t->name), name);
	if (!s->map)
		ctx_stack_alloc(s, STACK_SIZE);
	ctx_make(sim->cfg.switch_impl, &t->ctx, s, thread_main, t);
	/* Run it to its first primitive: code before it is local. */
	resume(sim, t);
	return id;
}

bool sim_thread_stuck(const struct sim *sim, int tid, const char **why)
{
	const struct sim_thread *t = &sim->threads[tid];
	if (t->done)
		return false;
	if (why)
		*why = t->op ? sim_op_name(t->op->kind) : "aborted";
	return true;
}

void sim_claim_stuck(struct sim *sim, int tid) { sim->threads[tid].claimed = 1; }

const struct platform_site *sim_thread_site(const struct sim *sim, int tid)
{
	const struct sim_thread *t = &sim->threads[tid];
	return t->op ? t->op->site : NULL;
}

const struct platform_site *sim_drain_site(const struct sim *sim, int tid, uint32_t arg)
{
	return sim->threads[tid].buf.e[DRAIN_IDX(arg)].site;
}

const volatile void *sim_choice_writes(const struct sim *sim, const struct sim_choice *c)
{
	if (c->kind == CH_DRAIN) {
		const struct sbuf_entry *e = &sim->threads[c->tid].buf.e[DRAIN_IDX(c->arg)];
		return SB_IS_WRITE(e->kind) ? e->addr : NULL;
	}
	if (c->kind != CH_STEP || !sim->threads[c->tid].op)
		return NULL;
	const struct sim_op *op = sim->threads[c->tid].op;
	return op->kind == OP_STORE || op->kind == OP_STORE_MB || op->kind == OP_RMW ? op->addr
										     : NULL;
}

const volatile void *sim_choice_reads(const struct sim *sim, const struct sim_choice *c)
{
	if (c->kind != CH_STEP || !sim->threads[c->tid].op)
		return NULL;
	const struct sim_op *op = sim->threads[c->tid].op;
	if (op->kind == OP_LOAD || op->kind == OP_RMW)
		return op->addr; /* read before anything drains */
	if (!mm_op_drains(sim, op))
		return NULL;
	/* a draining op reads first what its first drain applies to */
	const struct sbuf *b = &sim->threads[c->tid].buf;
	for (int k = 0; k < b->n; k++)
		if (b->e[k].kind != SB_UNLOCK_W && b->e[k].kind != SB_UNLOCK_R)
			return b->e[k].addr;
	return NULL;
}

bool sim_choice_flushes(const struct sim *sim, const struct sim_choice *c,
			const volatile void *p)
{
	if (c->kind != CH_STEP || !sim->threads[c->tid].op ||
	    !mm_op_drains(sim, sim->threads[c->tid].op))
		return false;
	const struct sbuf *b = &sim->threads[c->tid].buf;
	for (int k = 0; k < b->n; k++)
		if (b->e[k].addr == p && SB_IS_WRITE(b->e[k].kind))
			return true;
	return false;
}

bool sim_ipi_in_flight(const struct sim *sim, int cpu)
{
	if (sim->cpus[cpu].nipis)
		return true;
	for (int i = 0; i < sim->nevents; i++)
		if (sim->events[i].kind == EV_IPI && sim->events[i].target == cpu)
			return true;
	return false;
}

/* check_step reads a thread's wait state: a step that changes it is
 * visible (see fp_finish). */
static void note_tstate(const struct sim *sim, int tid)
{
	if (fp_tls_sim == sim)
		fp_add_key(fp_tls_sim, FP_TSTATE(tid), false);
}

int sim_thread_wait(const struct sim *sim, int tid)
{
	const struct sim_thread *t = &sim->threads[tid];
	note_tstate(sim, tid);
	if (t->done || !t->op)
		return SIM_WAIT_NONE;
	switch (t->op->kind) {
	case OP_IN_GUEST: return t->guest_exited ? SIM_WAIT_NONE : SIM_WAIT_GUEST;
	case OP_SLEEP: return SIM_WAIT_SLEEP;
	case OP_LOCK: return SIM_WAIT_LOCK;
	case OP_IPI_WAIT: return SIM_WAIT_IPI;
	case OP_WORK_WAIT: return SIM_WAIT_WORK;
	default: return SIM_WAIT_OTHER;
	}
}

/* Its own drains do not change what a thread reads at p (the forwarded
 * value becomes memory's), so only p itself is noted, not its buffer. */
uint64_t sim_peek_thread(const struct sim *sim, int tid, const volatile void *p,
			 unsigned size)
{
	return mm_peek_own(&sim->threads[tid], p, size);
}

void sim_watch_irqs_on(struct sim *sim, int tid, const volatile void *p, unsigned size,
		       uint64_t value, int kind, const char *what)
{
	struct sim_thread *t = &sim->threads[tid];
	t->iw_addr = p;
	t->iw_size = (uint8_t)size;
	t->iw_val = value;
	t->iw_last = value; /* the word holds value when the watch starts */
	t->iw_kind = (int16_t)kind;
	t->iw_what = what;
}

/* The watched word of thread t (sim_watch_irqs_on) after t's step: irqs
 * just turned on, or t stored to it.  What counts is t's own last store
 * (the rule is "t puts the value back before irqs come on"); memory is not
 * read, so the check adds nothing to the step's footprint. */
static bool irqs_on_invariant_broken(struct sim *sim, struct sim_thread *t, bool store,
				     uint64_t stored)
{
	if (!t->iw_addr)
		return false;
	if (store)
		t->iw_last = stored & size_mask(t->iw_size);
	if (!sim->cpus[t->cpu].irq_on)
		return false;
	uint64_t v = t->iw_last;
	if (v == t->iw_val)
		return false;
	sim_report(sim, t->iw_kind, t->op->site,
		   "%s %s with irqs on and %s=%llu (must be %llu while irqs are on)",
		   t->name, store ? "stores" : "turns irqs on", t->iw_what,
		   (unsigned long long)v, (unsigned long long)t->iw_val);
	return true;
}

static inline void yield_op(struct sim_thread *t, struct sim_op *op);

static void kworker_main(void *arg)
{
	struct work_struct *w = arg;
	w->func(w);
	/* The worker's completion: a full barrier, then the item is idle
	 * (the kernel's worker takes the pool lock and signals flushers). */
	struct sim_op op = {.site = PLATFORM_SITE("work done"), .kind = OP_WORK_DONE,
			    .obj = w};
	yield_op(sim_tls_thread, &op);
}

/* ---- pCPUs and IPIs ------------------------------------------------------------------ */

static void handle_ipis(struct sim *sim, struct sim_cpu *cpu)
{
	for (int i = 0; i < cpu->nipis; i++) {
		struct sim_ipi *ipi = &cpu->ipis[i];
		if (ipi->fn)
			ipi->fn(ipi->info); /* handler: plain code, no primitives */
		if (ipi->wait)
			sim->threads[ipi->sender].acks_pending--;
	}
	cpu->nipis = 0;
}

static void guest_exit_now(struct sim *sim, struct sim_thread *g, struct guest_exit why)
{
	g->guest_exited = 1;
	g->gexit = why;
	sim->cpus[g->cpu].in_guest = -1;
	if (g->guest_event >= 0) {
		int i = event_find(sim, (uint32_t)g->guest_event);
		if (i >= 0)
			event_remove(sim, i);
		g->guest_event = -1;
	}
}

static void deliver_ipi(struct sim *sim, int target, const struct sim_ipi *ipi)
{
	struct sim_cpu *cpu = &sim->cpus[target];
	if (cpu->in_guest >= 0) /* the hardware exits on any interrupt */
		guest_exit_now(sim, &sim->threads[cpu->in_guest],
			       (struct guest_exit){GUEST_EXIT_INTR, 0});
	if (cpu->nipis == SIM_IPIS_MAX)
		die("too many pending IPIs on one cpu");
	cpu->ipis[cpu->nipis++] = *ipi;
	if (cpu->irq_on)
		handle_ipis(sim, cpu);
}

static void exec_event(struct sim *sim, int idx)
{
	struct sim_event e = sim->events[idx];
	struct trace_rec *r = sim->tr_cur;
	event_remove(sim, idx);
	sim_hash_mix(sim, ((uint64_t)e.kind << 32) ^ (uint64_t)(uint16_t)e.target);
	if (r) {
		r->opkind = e.kind;
		r->val = (uint64_t)e.target;
	}
	switch (e.kind) {
	case EV_IPI:
		if (r)
			snprintf(r->note, sizeof(r->note), "IPI from %s reaches cpu%d%s",
				 sim->threads[e.ipi.sender].name, e.target,
				 sim->cpus[e.target].in_guest >= 0 ? " (guest exit)"
				 : sim->cpus[e.target].irq_on ? "" : " (irqs off: pending)");
		deliver_ipi(sim, e.target, &e.ipi);
		break;
	case EV_GUEST_EXIT: {
		struct sim_thread *g = &sim->threads[e.target];
		if (r)
			snprintf(r->note, sizeof(r->note), "%s: guest exit (%s)", g->name,
				 g->gexit.reason == GUEST_EXIT_HLT ? "hlt" : "script");
		g->guest_event = -1;
		guest_exit_now(sim, g, g->gexit);
		break;
	}
	case EV_WORK_START: {
		struct work_struct *w = e.work;
		char name[24];
		w->pending = 0;
		w->running = 1;
		w->event = -1;
		snprintf(name, sizeof(name), "kworker/%d", sim->nworkers);
		int cpu = 32 + sim->nworkers++ % 16;
		if (r)
			snprintf(r->note, sizeof(r->note), "work starts on %s", name);
		int tid = sim_spawn(sim, name, cpu, kworker_main, w);
		sim->threads[tid].work = w;
		break;
	}
	case EV_TIMER:
		if (r)
			snprintf(r->note, sizeof(r->note), "timer");
		e.timer(sim, e.timer_arg);
		break;
	}
}

/* ---- executing one thread step ------------------------------------------------------ */

static bool op_enabled(const struct sim *sim, const struct sim_thread *t)
{
	const struct sim_op *op = t->op;
	switch (op->kind) {
	case OP_LOCK:
		return mm_lock_available(sim, t, op->obj, op->mode);
	case OP_IPI_WAIT:
		return t->acks_pending == 0;
	case OP_SLEEP:
		return mem_read(&t->task->__state, sizeof(long)) == TASK_RUNNING;
	case OP_WORK_WAIT: {
		const struct work_struct *w = op->obj;
		return !w->pending && !w->running;
	}
	case OP_IN_GUEST:
		return t->guest_exited;
	default:
		return true;
	}
}

/* Park the thread in a wait phase; its coroutine op gets the result later. */
static void enter_phase(struct sim_thread *t, int kind)
{
	struct sim_op *orig = t->op;
	t->phase = *orig;
	t->phase.kind = (uint8_t)kind;
	t->phase.obj = orig->obj;
	t->phase.b = (uint64_t)(uintptr_t)orig; /* where the result goes */
	t->op = &t->phase;
}

static void finish_phase(struct sim_thread *t)
{
	struct sim_op *orig = (struct sim_op *)(uintptr_t)t->phase.b;
	orig->ret = t->phase.ret;
	orig->ret2 = t->phase.ret2;
	t->op = orig;
}

static bool unlock_ok(struct sim *sim, struct sim_thread *t, struct plat_lock *l, bool write)
{
	if (write ? l->owner == t->id + 1 : l->readers > 0)
		return true;
	sim_report(sim, V_ASSERT, t->op->site, "%s releases a lock it does not hold",
		   t->name);
	return false;
}

/* The kernel's context rules at a primitive that may sleep (spec: a
 * sleeping primitive runs with preemption and irqs on; anything but
 * schedule() itself also in TASK_RUNNING, or the sleep it may take is
 * lost in the task state the caller set up).  True if one is broken
 * (reported). */
static bool may_sleep_here(const struct sim_op *op)
{
	switch (op->kind) {
	case OP_SCHEDULE:
	case OP_WORK_FLUSH:
	case OP_WORK_CANCEL:
	case OP_MIGRATE: /* only a preemptible thread is moved */
		return true;
	case OP_LOCK:
		return ((const struct plat_lock *)op->obj)->kind != PLAT_SPIN;
	default:
		return false;
	}
}

static bool context_broken(struct sim *sim, struct sim_thread *t)
{
	const struct sim_op *op = t->op;
	if (t->preempt < 0) {
		sim_report(sim, V_ATOMIC_CONTEXT, op->site,
			   "%s: preemption count %d (more preempt_enable/put_cpu than "
			   "preempt_disable/get_cpu)", t->name, t->preempt);
		return true;
	}
	if (!may_sleep_here(op))
		return false;
	if (t->preempt > 0 || !sim->cpus[t->cpu].irq_on) {
		sim_report(sim, V_ATOMIC_CONTEXT, op->site,
			   "%s may sleep in %s while atomic (preemption count %d, irqs %s)",
			   t->name, sim_op_name(op->kind), t->preempt,
			   sim->cpus[t->cpu].irq_on ? "on" : "off");
		return true;
	}
	if (op->kind == OP_SCHEDULE || op->kind == OP_MIGRATE)
		return false;
	long state = (long)mm_peek_own(t, &t->task->__state, sizeof(long));
	if (state != TASK_RUNNING) {
		sim_report(sim, V_ATOMIC_CONTEXT, op->site,
			   "%s calls the blocking %s in task state %ld, not TASK_RUNNING",
			   t->name, sim_op_name(op->kind), state);
		return true;
	}
	return false;
}

/* A spin lock keeps preemption off while it is held (spin_lock raises the
 * count, spin_unlock lowers it). */
static void spin_preempt(struct sim_thread *t, const struct sim_op *op, int delta)
{
	if (((const struct plat_lock *)op->obj)->kind == PLAT_SPIN)
		t->preempt = (int16_t)(t->preempt + delta);
}

/* Returns true if the coroutine should run on to its next primitive. */
static bool exec_op(struct sim *sim, struct sim_thread *t)
{
	struct sim_op *op = t->op;
	struct sim_cpu *cpu = &sim->cpus[t->cpu];

	/* (a wait phase is no primitive of its own: may_sleep_here() is false
	 * for it, and a negative count was reported at the op that began it) */
	if (context_broken(sim, t))
		return false;
	switch (op->kind) {
	case OP_LOAD:
		op->ret = mm_load(sim, t, op->addr, op->size, op->mode);
		return true;
	case OP_STORE:
		mm_store(sim, t, op->addr, op->size, op->a, op->mode);
		return !(op->addr == t->iw_addr && irqs_on_invariant_broken(sim, t, true, op->a));
	case OP_STORE_MB:
		mm_store(sim, t, op->addr, op->size, op->a, PLAT_ONCE);
		mm_fence(sim, t, PLAT_MB);
		return !(op->addr == t->iw_addr && irqs_on_invariant_broken(sim, t, true, op->a));
	case OP_FENCE:
		mm_fence(sim, t, op->mode);
		return true;
	case OP_RMW:
		op->ret = mm_rmw(sim, t, op->addr, op->size, op->rmwop, op->a, op->b,
				 op->mode);
		return true;
	case OP_LOCK:
		mm_lock(sim, t, op->obj, op->mode);
		spin_preempt(t, op, 1);
		return true;
	case OP_TRYLOCK:
		if (op->mode & SIM_TRY_PEEK) { /* spin_is_locked: no effect */
			op->ret = !mm_lock_available(sim, t, op->obj, true);
			return true;
		}
		op->ret = mm_lock_available(sim, t, op->obj, op->mode);
		if (op->ret) {
			mm_lock(sim, t, op->obj, op->mode);
			spin_preempt(t, op, 1);
		}
		return true;
	case OP_UNLOCK:
		if (!unlock_ok(sim, t, op->obj, op->mode))
			return false;
		mm_unlock(sim, t, op->obj, op->mode);
		spin_preempt(t, op, -1);
		return true;
	case OP_IRQ:
		cpu->irq_on = (uint8_t)op->mode;
		if (cpu->irq_on && irqs_on_invariant_broken(sim, t, false, 0))
			return false;
		if (cpu->irq_on)
			handle_ipis(sim, cpu);
		return true;
	case OP_IPI: {
		/* Sending is ordered after earlier accesses (the IPI path has a
		 * full barrier before the interrupt is raised). */
		mm_full_fence(sim, t);
		for (int c = 0; c < SIM_CPUS_MAX; c++) {
			if (!cpumask_test_cpu(c, op->mask))
				continue;
			struct sim_event *e = event_add(sim, sim->cfg.ipi_latency_ns, EV_IPI);
			e->target = (int16_t)c;
			e->ipi = (struct sim_ipi){t->id, op->mode, op->fn, op->obj};
			if (op->mode)
				t->acks_pending++;
		}
		if (op->mode && t->acks_pending) {
			enter_phase(t, OP_IPI_WAIT);
			return false;
		}
		return true;
	}
	case OP_MIGRATE:
		/* a context switch: a full barrier, then the thread runs on
		 * its new pCPU (IPIs to the old one no longer reach it) */
		mm_full_fence(sim, t);
		t->cpu = (int16_t)op->a;
		return true;
	case OP_SCHEDULE:
		mm_full_fence(sim, t);
		if (mem_read(&t->task->__state, sizeof(long)) == TASK_RUNNING)
			return true;
		enter_phase(t, OP_SLEEP);
		return false;
	case OP_WAKE: {
		struct task_struct *p = op->obj;
		mm_full_fence(sim, t);
		op->ret = mem_read(&p->__state, sizeof(long)) != TASK_RUNNING;
		if (op->ret)
			mm_write_direct(sim, t, &p->__state, sizeof(long), TASK_RUNNING);
		return true;
	}
	case OP_WORK_QUEUE: {
		struct work_struct *w = op->obj;
		mm_full_fence(sim, t);
		op->ret = !w->pending;
		if (op->ret) {
			struct sim_event *e = event_add(sim, sim->cfg.work_delay_ns,
							EV_WORK_START);
			e->work = w;
			w->pending = 1;
			w->event = (int16_t)e->seq;
		}
		return true;
	}
	case OP_WORK_CANCEL:
	case OP_WORK_FLUSH: {
		struct work_struct *w = op->obj;
		mm_full_fence(sim, t);
		/* flush_work: true if it had to wait; cancel_work_sync: true if
		 * the item was still pending (cancelled before it ran) */
		op->ret = op->kind == OP_WORK_CANCEL ? w->pending : (w->pending || w->running);
		if (op->kind == OP_WORK_CANCEL && w->pending) {
			int i = event_find(sim, (uint32_t)w->event);
			if (i >= 0)
				event_remove(sim, i);
			w->pending = 0;
			w->event = -1;
		}
		if (w->pending || w->running) {
			enter_phase(t, OP_WORK_WAIT);
			t->phase.ret = op->ret;
			return false;
		}
		return true;
	}
	case OP_GUEST_RUN: {
		const struct scenario *sc = sim->cfg.scenario;
		if (cpu->nipis) { /* an interrupt is already pending: exit at once */
			op->ret = GUEST_EXIT_INTR;
			op->ret2 = 0;
			return true;
		}
		struct guest_step gs = {0, {GUEST_EXIT_INTR, 0}};
		if (sc->guest)
			gs = sc->guest(sim, sim->state, t->id);
		cpu->in_guest = t->id;
		t->guest_exited = 0;
		t->gexit = gs.exit;
		t->guest_event = -1;
		if (gs.duration_ns) {
			struct sim_event *e = event_add(sim, gs.duration_ns, EV_GUEST_EXIT);
			e->target = t->id;
			t->guest_event = (int16_t)e->seq;
		}
		enter_phase(t, OP_IN_GUEST);
		return false;
	}
	case OP_WORK_DONE:
		mm_full_fence(sim, t);
		((struct work_struct *)op->obj)->running = 0;
		return true;
	case OP_IN_GUEST:
		t->phase.ret = t->gexit.reason;
		t->phase.ret2 = t->gexit.arg;
		finish_phase(t);
		return true;
	case OP_IPI_WAIT:
	case OP_SLEEP:
	case OP_WORK_WAIT:
		/* the wait ends with the full barrier of its wake-up path */
		mm_full_fence(sim, t);
		finish_phase(t);
		return true;
	default: /* OP_RELAX */
		return true;
	}
}

static void trace_step(struct sim *sim, struct trace_rec *r, const struct sim_thread *t,
		       const struct sim_op *op)
{
	r->site = op->site;
	r->opkind = op->kind;
	r->loc = op->addr ? loc_id(sim, op->addr) : 0;
	switch (op->kind) {
	case OP_STORE:
	case OP_STORE_MB:
		r->val = val_id(sim, op->a);
		break;
	case OP_RMW:
		r->val = val_id(sim, op->ret);
		r->val2 = val_id(sim, op->a);
		break;
	case OP_WAKE:
		r->val = op->ret;
		snprintf(r->note, sizeof(r->note), "wakes %s: %s",
			 sim->threads[((struct task_struct *)op->obj)->tid].name,
			 op->ret ? "woken" : "was running");
		break;
	case OP_GUEST_RUN:
		snprintf(r->note, sizeof(r->note), "%s",
			 t->op->kind == OP_IN_GUEST ? "enters guest" : "exits at once (IPI pending)");
		break;
	default:
		r->val = val_id(sim, op->ret);
		break;
	}
}

static void step_thread(struct sim *sim, int tid)
{
	struct sim_thread *t = &sim->threads[tid];
	struct sim_op *op = t->op;
	struct trace_rec *r = sim->tr_cur;
	int kind = op->kind;

	sim->cur_site = op->site;
	bool run_on = exec_op(sim, t);
	sim_hash_mix(sim, ((uint64_t)tid << 40) ^ ((uint64_t)kind << 32) ^
				  (uint64_t)(op->site ? op->site->line : 0));
	if (op->addr)
		sim_hash_mix(sim, loc_id(sim, op->addr));
	sim_hash_mix(sim, val_id(sim, kind == OP_STORE || kind == OP_STORE_MB ? op->a : op->ret));
	if (r)
		trace_step(sim, r, t, op);
	if (run_on && !sim->violated)
		resume(sim, t);
	sim->last_tid = tid;
}

/* ---- the decision loop ---------------------------------------------------------------- */

void sim_collect_choices(struct sim *sim)
{
	struct sim_choice *c = sim->choices;
	int n = 0;
	bool observe = sim->st && sim->st->observe;
	sim->nhidden = 0;
	for (int i = 0; i < sim->nthreads; i++) {
		struct sim_thread *t = &sim->threads[i];
		if (!t->op || !op_enabled(sim, t))
			continue;
		if (observe && t->buf.n && mm_op_drains(sim, t->op)) {
			/* partial-order reduction: a fence that would drain the
			 * buffer waits for explicit drains (the same behaviours,
			 * one way to reach them); replay still sees the choice */
			sim->nhidden++;
			continue;
		}
		/* under wmm, which store a load reads is part of the choice */
		int reads = sim->cfg.model == MODEL_WMM ? mm_read_choices(sim, t) : 1;
		for (int k = 0; k < reads; k++)
			c[n++] = (struct sim_choice){CH_STEP,
						     t->op->kind == OP_RELAX ? CHF_SPIN : 0,
						     (uint16_t)i, (uint32_t)k};
	}
	for (int i = 0; i < sim->nthreads; i++)
		if (sim->threads[i].buf.n)
			n += mm_drain_choices(sim, &sim->threads[i], &c[n]);
	for (int i = 0; i < sim->nevents && sim->events[i].time <= sim->now; i++)
		c[n++] = (struct sim_choice){CH_EVENT, 0, 0, sim->events[i].seq};
	sim->nchoices = n;
}

struct trace_rec *trace_begin(struct sim *sim, int ckind, int tid)
{
	if (!sim->cfg.trace)
		return NULL;
	if (sim->ntr == sim->tr_cap) {
		sim->tr_cap = sim->tr_cap ? sim->tr_cap * 2 : 1024;
		sim->tr = realloc(sim->tr, sim->tr_cap * sizeof(*sim->tr));
		if (!sim->tr)
			die("out of memory");
	}
	struct trace_rec *r = &sim->tr[sim->ntr++];
	memset(r, 0, sizeof(*r));
	r->step = sim->steps;
	r->time = sim->now;
	r->tid = (int16_t)tid;
	r->ckind = (uint8_t)ckind;
	return r;
}

static void record_decision(struct sim *sim, const struct sim_choice *c, int n)
{
	if (sim->ndec == sim->dec_cap) {
		sim->dec_cap = sim->dec_cap ? sim->dec_cap * 2 : 1024;
		sim->dec = realloc(sim->dec, sim->dec_cap * sizeof(*sim->dec));
		sim->dec_width = realloc(sim->dec_width, sim->dec_cap * sizeof(uint16_t));
		if (!sim->dec || !sim->dec_width)
			die("out of memory");
	}
	sim->dec[sim->ndec] = *c;
	sim->dec_width[sim->ndec++] = (uint16_t)n;
}

static void oracle_reads(struct sim *sim);

bool sim_step_reads_from(const struct sim *sim, const struct platform_site **load,
			 const struct platform_site **store)
{
	if (!sim->cfg.track_rf || !sim->rf_valid)
		return false;
	*load = sim->rf_load;
	*store = sim->rf_store;
	return true;
}

int sim_step_overtook(const struct sim *sim, const struct platform_site **out, int max)
{
	if (!sim->cfg.track_rf || !sim->steps || sim->rf_choice.kind == CH_EVENT)
		return 0;
	const struct sbuf *b = &sim->threads[sim->rf_choice.tid].buf;
	int n = 0, upto = b->n;
	const volatile void *skip;
	if (sim->rf_choice.kind == CH_DRAIN) {
		upto = DRAIN_IDX(sim->rf_choice.arg); /* the older entries, still there */
		skip = NULL;
	} else if (sim->rf_valid) {
		skip = sim->rf_laddr; /* forwarded from its own buffer: no reordering */
	} else {
		return 0;
	}
	for (int k = 0; k < upto && k < b->n && n < max; k++)
		if (SB_IS_WRITE(b->e[k].kind) && b->e[k].addr != skip)
			out[n++] = b->e[k].site;
	return n;
}

int sim_step_flushed(const struct sim *sim, const struct platform_site **out, int max)
{
	if (!sim->cfg.track_rf || !sim->steps)
		return 0;
	int n = 0;
	for (; n < sim->nflushed && n < max; n++)
		out[n] = sim->flushed[n];
	return n;
}

const struct sim_choice *sim_step_choice(const struct sim *sim)
{
	return sim->cfg.track_rf && sim->steps ? &sim->rf_choice : NULL;
}

const struct platform_site *sim_step_site(const struct sim *sim)
{
	return sim->cfg.track_rf ? sim->rf_site : NULL;
}

void sim_begin(struct sim *sim, struct strategy *st)
{
	sim->rf_run++;
	sim->rf_valid = false;
	const struct scenario *sc = sim->cfg.scenario;
	memset(sim->arena, 0, sim->arena_used);
	sim->arena_used = 0;
	sim->st = st;
	sim->nthreads = 0;
	sim->nworkers = 0;
	sim->nevents = 0;
	sim->event_seq = 0;
	sim->now = 0;
	sim->steps = 0;
	sim->clock_read = false;
	sim->hash = 0x6a09e667f3bcc909ULL;
	sim->last_tid = -1;
	sim->violated = false;
	sim->aborted = false;
	sim->quiescent = false;
	memset(&sim->v, 0, sizeof(sim->v));
	sim->ndec = 0;
	sim->ntr = 0;
	mm_reset(sim);
	sim->tr_cur = NULL;
	sim->nnames = 0;
	/* per-step fields: an event taken as a run's first choice must not
	 * see the previous run's site, read choice or footprint */
	sim->cur_site = NULL;
	sim->read_choice = 0;
	sim->nchoices = 0;
	sim->nhidden = 0;
	sim->fp_memw = false;
	sim->rf_site = sim->rf_load = sim->rf_store = NULL;
	for (int i = 0; i < SIM_CPUS_MAX; i++) {
		sim->cpus[i].irq_on = 1;
		sim->cpus[i].in_guest = -1;
		sim->cpus[i].nipis = 0;
	}
	sim->running = true;
	sim_tls_sim = sim;
	sim->state = sim_alloc(sim, sc->state_size ? sc->state_size : 1);
	/* the oracle's read sets: for dfs, and for steps taken observed
	 * (sim_take(..., true)) by other drivers */
	orc_clear(&sim->orc[0]);
	orc_clear(&sim->orc[1]);
	sc->setup(sim, sim->state);
	if (st->observe) { /* the oracle's reads in the initial state */
		/* only steps are checked, as without dfs: what this evaluation
		 * reports is dropped, what setup itself reported (a thread
		 * started by sim_spawn runs to its first primitive) is kept */
		bool was = sim->violated;
		struct sim_violation saved = sim->v;
		oracle_reads(sim);
		sim->violated = was;
		sim->v = saved;
	}
}

/* Nothing can move and no event is due: every unfinished thread must be
 * waiting for something.  A thread whose operation is enabled but that
 * offered no choice fell out of the choice set (a simulator bug, such as a
 * wmm view ahead of every store); ending the run here would report a
 * deadlock or lost work that never happened. */
static void check_really_quiescent(const struct sim *sim)
{
	for (int i = 0; i < sim->nthreads; i++) {
		const struct sim_thread *t = &sim->threads[i];
		if (t->done || !t->op || !op_enabled(sim, t))
			continue;
		char site[160] = "?";
		if (t->op->site)
			sim_site_str(t->op->site, site, sizeof(site));
		sim_fatal(sim, "thread %s is runnable (%s at %s) but offered no choice; "
			  "the run is not quiescent", t->name, sim_op_name(t->op->kind), site);
	}
	if (sim->nhidden)
		sim_fatal(sim, "%d draining operation(s) wait for drains that are not offered",
			  sim->nhidden);
}

static void end_checks(struct sim *sim)
{
	const struct scenario *sc = sim->cfg.scenario;
	sim->quiescent = true;
	if (sc->check_end && !sim->violated)
		sc->check_end(sim, sim->state);
	for (int i = 0; i < sim->nthreads && !sim->violated; i++) {
		struct sim_thread *t = &sim->threads[i];
		if (t->done || t->claimed)
			continue;
		sim_report(sim, V_DEADLOCK, t->op ? t->op->site : NULL,
			   "%s is blocked forever (%s)", t->name,
			   t->op ? sim_op_name(t->op->kind) : "?");
	}
}

/* Run check_step recording what it reads (the read set of this state). */
static void oracle_reads(struct sim *sim)
{
	const struct scenario *sc = sim->cfg.scenario;
	sim->orc_cur ^= 1;
	orc_clear(&sim->orc[sim->orc_cur]);
	if (!sc->check_step || sim->violated)
		return;
	sim->fp_mode = FPM_ORACLE;
	fp_tls_sim = sim;
	sc->check_step(sim, sim->state);
	fp_tls_sim = NULL;
	sim->fp_mode = FPM_OFF;
}

/* Complete the footprint of the transition that just ran: what the
 * simulator knows about it beyond the memory accesses recorded. */
static void fp_finish(struct sim *sim, const struct sim_choice *c, int wait_before)
{
	struct sim_fp *f = &sim->fp;
	bool wmm = sim->cfg.model == MODEL_WMM;
	if (c->kind == CH_EVENT) {
		f->global = 1;
		return;
	}
	if (c->kind == CH_DRAIN) {
		/* drains of one buffer are ordered (FIFO, wmb epochs) */
		fp_add_key(sim, FP_BUF(c->tid), true);
	} else {
		const struct sim_thread *t = &sim->threads[c->tid];
		const struct sim_op *op = &sim->fp_op; /* what the step executed */
		switch (op->kind) {
		case OP_LOAD:
		case OP_RELAX:
			break;
		case OP_TRYLOCK:
			if (op->mode & SIM_TRY_PEEK) { /* spin_is_locked: reads the
							* lock (its own pending
							* unlock drains write it) */
				fp_add_key(sim, fp_key(sim, op->obj), false);
				break;
			}
			/* fall through */
		case OP_LOCK:
		case OP_UNLOCK:
			/* Acquires also write a key of their own, so that two
			 * acquires race directly: an unlock and the acquire it
			 * enables never can be reordered (not co-enabled). */
			f->lock = fp_key(sim, op->obj);
			fp_add_key(sim, f->lock, true);
			if (op->kind == OP_UNLOCK) {
				f->flags |= FPF_RELEASE;
			} else {
				f->flags |= FPF_ACQUIRE;
				if (op->kind == OP_TRYLOCK)
					f->flags |= FPF_TRY;
				fp_add_key(sim, f->lock | FP_KEY_ACQ, true);
			}
			/* fall through */
		case OP_STORE:
		case OP_STORE_MB:
		case OP_FENCE:
		case OP_RMW:
			/* a store commutes with draining older entries; a fence
			 * or RMW may drain the buffer itself (and disable drains) */
			if (op->kind != OP_STORE)
				fp_add_key(sim, FP_BUF(c->tid), true);
			if (wmm && op->kind != OP_STORE)
				fp_add_key(sim, FP_ALLTS, false);
			break;
		case OP_IRQ: /* enabling with IPIs pending runs their handlers */
			if (op->mode && sim->fp_pre_nipis)
				f->global = 1;
			else
				fp_add_key(sim, FP_CPU(t->cpu), true);
			break;
		case OP_GUEST_RUN: /* an exit timer reads the time: global */
			if (sim->fp_pre_nipis)
				fp_add_key(sim, FP_CPU(t->cpu), false);
			else if (t->guest_event >= 0)
				f->global = 1;
			else
				fp_add_key(sim, FP_CPU(t->cpu), true);
			break;
		case OP_IN_GUEST:
			fp_add_key(sim, FP_CPU(t->cpu), true);
			break;
		case OP_MIGRATE: /* rare: which pCPU an IPI reaches changes */
			f->global = 1;
			break;
		case OP_IPI: /* its full barrier's drains are recorded; the IPIs
			      * are events (global) once they arrive */
			fp_add_key(sim, FP_EVENTQ, true);
			fp_add_key(sim, FP_BUF(c->tid), true);
			for (int cpu = 0; cpu < SIM_CPUS_MAX; cpu++)
				if (cpumask_test_cpu(cpu, &sim->fp_ipi_mask)) {
					fp_add_key(sim, FP_CPU(cpu), true);
					/* sending reads the clock: the IPI is due
					 * ipi_latency_ns after now, and now counts
					 * every step of every thread, so how many
					 * steps of others come before the send
					 * decides whether the IPI can arrive before
					 * a later step: time is global, like a timer */
					f->global = 1;
				}
			if (wmm)
				fp_add_key(sim, FP_ALLTS, false);
			break;
		default:
			f->global = 1; /* IPIs, sleep/wake, work items */
			break;
		}
		/* A step that leaves its thread parked in down_write() makes
		 * the rwsem unavailable to new readers (writer fairness): it
		 * races with their acquires, which write the same key. */
		if (!t->done && t->op && t->op->kind == OP_LOCK && t->op->mode &&
		    ((const struct plat_lock *)t->op->obj)->kind == PLAT_RWSEM)
			fp_add_key(sim, fp_key(sim, t->op->obj) | FP_KEY_ACQ, true);
		if (!sim_footprints_exact())
			fp_add_key(sim, FP_PLAIN, true); /* plain accesses unseen */
		if (sim_thread_wait(sim, c->tid) != wait_before || t->done)
			fp_add_key(sim, FP_TSTATE(c->tid), true);
	}
	/* a write to something check_step reads is visible */
	for (int k = 0; k < f->n; k++) {
		uint64_t key = f->loc[k] >> 1;
		if (!(f->loc[k] & 1) || ((key & FP_KEY_PSEUDO) && (key & ~0xffULL) !=
							 (FP_TSTATE(0) & ~0xffULL)))
			continue;
		if (orc_has(&sim->orc[0], key) || orc_has(&sim->orc[1], key)) {
			fp_add_key(sim, FP_ORACLE, true);
			break;
		}
	}
	/* wmm: a store snapshots every location's latest store (vis) */
	if (wmm && sim->fp_memw)
		fp_add_key(sim, FP_ALLTS, true);
}

/* Bring the run to its next decision: the enabled choices in sim->choices,
 * time jumped to the next event when nothing can move.  Returns their
 * number, or 0 when the run has ended (violation, quiescence with its
 * end-of-run checks, or the step budget). */
int sim_ready(struct sim *sim)
{
	if (!sim->running)
		return 0;
	sim_tls_sim = sim;
	if (sim->violated) {
		sim->running = false;
		return 0;
	}
	sim_collect_choices(sim);
	while (sim->nchoices == 0) {
		if (!sim->nevents) {
			check_really_quiescent(sim);
			end_checks(sim);
			sim->running = false;
			return 0;
		}
		sim->now = sim->events[0].time; /* jump to the next event */
		sim_collect_choices(sim);
	}
	if (sim->steps >= sim->cfg.steps_max) {
		sim_report(sim, V_LIVELOCK, NULL,
			   "no quiescence after %llu steps (step budget)",
			   (unsigned long long)sim->steps);
		sim->running = false;
		return 0;
	}
	return sim->nchoices;
}

static void take(struct sim *sim, int i, bool observe);

bool sim_step(struct sim *sim)
{
	int n = sim_ready(sim), i = 0;
	if (!n)
		return false;
	bool observe = sim->st->observe;
	if (observe && sim->st->dp) {
		/* agents for partial-order reduction: a thread's steps; the
		 * drains of one thread's entries for one location; events */
		for (int k = 0; k < n; k++) {
			const struct sim_choice *ch = &sim->choices[k];
			sim->agents[k] = ch->kind == CH_STEP ? (uint8_t)ch->tid
				: ch->kind == CH_EVENT ? 63
				: (uint8_t)dpor_drain_agent(sim->st->dp, ch->tid,
					fp_key(sim, sim->threads[ch->tid].buf.e[DRAIN_IDX(ch->arg)].addr));
		}
		sim->st->agents = sim->agents;
	}
	if (n > 1 || observe || sim->st->every_step) {
		i = strategy_choose(sim->st, sim->choices, n);
		if (i < 0) {
			sim->aborted = true;
			sim->running = false;
			return false;
		}
		if (n + sim->nhidden > 1)
			record_decision(sim, &sim->choices[i], n + sim->nhidden);
	}
	take(sim, i, observe);
	return true;
}

void sim_take(struct sim *sim, int i, bool observed)
{
	if (sim->nchoices > 1)
		record_decision(sim, &sim->choices[i], sim->nchoices);
	take(sim, i, observed);
}

/* Carry out choice i of sim->choices, then the step oracle. */
static void take(struct sim *sim, int i, bool observe)
{
	struct sim_choice c = sim->choices[i];
	int wait_before = 0;
	if (observe) {
		memset(&sim->fp, 0, offsetof(struct sim_fp, loc));
		sim->fp_memw = false;
		if (c.kind == CH_STEP) {
			wait_before = sim_thread_wait(sim, c.tid);
			sim->fp_op = *sim->threads[c.tid].op;
			if (sim->fp_op.kind == OP_IPI) /* the mask lives on its stack */
				sim->fp_ipi_mask = *sim->fp_op.mask;
			sim->fp_pre_nipis = sim->cpus[sim->threads[c.tid].cpu].nipis;
		}
		sim->fp_mode = FPM_STEP;
		fp_tls_sim = sim;
	}
	if (sim->cfg.track_rf || (sim->st && sim->st->track_writers)) {
		sim->rf_valid = false;
		sim->nflushed = 0;
		sim->rf_choice = c;
		sim->rf_site = c.kind == CH_STEP ? sim->threads[c.tid].op->site
			     : c.kind == CH_DRAIN ? sim->threads[c.tid].buf.e[DRAIN_IDX(c.arg)].site : NULL;
		rf_tls_sim = sim;
	}
	sim->tr_cur = trace_begin(sim, c.kind, c.tid);
	switch (c.kind) {
	case CH_STEP:
		sim->read_choice = c.arg;
		step_thread(sim, c.tid);
		break;
	case CH_DRAIN:
		sim->cur_site = NULL;
		if (observe) { /* unlock entries change lock state, not memory */
			const struct sbuf_entry *e = &sim->threads[c.tid].buf.e[DRAIN_IDX(c.arg)];
			fp_record(sim, e->addr, 1, true);
			if (e->kind == SB_UNLOCK_W || e->kind == SB_UNLOCK_R) {
				sim->fp.flags |= FPF_RELEASE;
				sim->fp.lock = fp_key(sim, e->addr);
			}
		}
		mm_drain_at(sim, &sim->threads[c.tid], DRAIN_IDX(c.arg), DRAIN_PLACE(c.arg));
		break;
	default:
		exec_event(sim, event_find(sim, c.arg));
		break;
	}
	sim->tr_cur = NULL;
	rf_tls_sim = NULL;
	sim->steps++;
	sim->now++;
	if (observe) {
		fp_tls_sim = NULL;
		sim->fp_mode = FPM_OFF;
		oracle_reads(sim); /* R(state after), before the footprint ends */
		fp_finish(sim, &c, wait_before);
		strategy_step_done(sim->st, &sim->fp);
		return;
	}
	const struct scenario *sc = sim->cfg.scenario;
	if (sc->check_step && !sim->violated)
		sc->check_step(sim, sim->state);
}

void sim_finish(struct sim *sim, struct sim_result *res)
{
	memset(res, 0, sizeof(*res));
	res->violated = sim->violated;
	res->v = sim->v;
	res->steps = sim->steps;
	res->decisions = sim->ndec;
	res->vtime_ns = sim->now;
	res->hash = sim->hash;
	res->aborted = sim->aborted;
	sim->running = false;
}

void sim_outcome(struct sim *sim, char *buf, size_t len)
{
	const struct scenario *sc = sim->cfg.scenario;
	buf[0] = 0;
	if (sc->outcome && sim->quiescent)
		sc->outcome(sim, sim->state, buf, len);
}

int sim_vcpu_view(struct sim *sim, struct scen_vcpu_view *out, int max)
{
	const struct scenario *sc = sim->cfg.scenario;
	return sc->vcpu_view ? sc->vcpu_view(sim, sim->state, out, max) : 0;
}

bool sim_run(struct sim *sim, struct strategy *st, struct sim_result *res)
{
	sim_begin(sim, st);
	while (sim_step(sim))
		;
	sim_finish(sim, res);
	return res->violated;
}

/* ---- platform.h entry points ------------------------------------------------------------ */

static inline struct sim_thread *cur(void) { return sim_tls_thread; }

static inline void yield_op(struct sim_thread *t, struct sim_op *op)
{
	t->op = op;
	ctx_switch(t->sim->cfg.switch_impl, &t->ctx, &t->sim->main_ctx, false);
}

static struct sim_thread *need_thread(const char *what)
{
	struct sim_thread *t = cur();
	if (!t) {
		fprintf(stderr, "reqsim: %s called outside a simulated thread\n", what);
		abort();
	}
	return t;
}

uint64_t plat_load(const struct platform_site *site, const volatile void *p,
		   unsigned size, enum plat_order order)
{
	struct sim_thread *t = cur();
	if (!t) /* scenario setup: plain access */
		return mem_read(p, size);
	struct sim_op op = {.site = site, .kind = OP_LOAD, .size = (uint8_t)size,
			    .mode = (uint8_t)order, .addr = (volatile void *)p};
	yield_op(t, &op);
	return op.ret;
}

void plat_store(const struct platform_site *site, volatile void *p, unsigned size,
		uint64_t v, enum plat_order order)
{
	struct sim_thread *t = cur();
	if (!t) {
		mem_write(p, size, v);
		return;
	}
	struct sim_op op = {.site = site, .kind = OP_STORE, .size = (uint8_t)size,
			    .mode = (uint8_t)order, .addr = p, .a = v};
	yield_op(t, &op);
}

void plat_store_mb(const struct platform_site *site, volatile void *p, unsigned size,
		   uint64_t v)
{
	struct sim_thread *t = cur();
	if (!t) {
		mem_write(p, size, v);
		return;
	}
	struct sim_op op = {.site = site, .kind = OP_STORE_MB, .size = (uint8_t)size,
			    .addr = p, .a = v};
	yield_op(t, &op);
}

void plat_fence(const struct platform_site *site, enum plat_fence f)
{
	struct sim_thread *t = cur();
	if (!t)
		return;
	struct sim_op op = {.site = site, .kind = OP_FENCE, .mode = (uint8_t)f};
	yield_op(t, &op);
}

uint64_t plat_rmw(const struct platform_site *site, volatile void *p, unsigned size,
		  enum plat_rmw_op rop, uint64_t a, uint64_t b, enum plat_rmw_class cls)
{
	struct sim_thread *t = cur();
	if (!t) {
		uint64_t old = mem_read(p, size);
		uint64_t nv = rop == PLAT_RMW_OR ? old | a : rop == PLAT_RMW_ANDNOT ? old & ~a
			    : rop == PLAT_RMW_ADD ? old + a : rop == PLAT_RMW_XOR ? old ^ a
			    : rop == PLAT_RMW_ADD_UNLESS ? (old == b ? old : old + a)
			    : rop == PLAT_RMW_XCHG ? a : (old == b ? a : old);
		mem_write(p, size, nv);
		return old;
	}
	struct sim_op op = {.site = site, .kind = OP_RMW, .size = (uint8_t)size,
			    .mode = (uint8_t)cls, .rmwop = (uint8_t)rop, .addr = p,
			    .a = a, .b = b};
	yield_op(t, &op);
	return op.ret;
}

void plat_lock_init_(struct plat_lock *l, enum plat_lock_kind kind)
{
	l->owner = 0;
	l->readers = 0;
	l->kind = (uint8_t)kind;
}

void plat_lock_(const struct platform_site *site, struct plat_lock *l, bool write)
{
	struct sim_op op = {.site = site, .kind = OP_LOCK, .mode = write, .obj = l,
			    .addr = (volatile void *)l};
	yield_op(need_thread("a lock"), &op);
}

bool plat_trylock_(const struct platform_site *site, struct plat_lock *l, bool write)
{
	struct sim_op op = {.site = site, .kind = OP_TRYLOCK, .mode = write, .obj = l,
			    .addr = (volatile void *)l};
	yield_op(need_thread("a trylock"), &op);
	return op.ret;
}

void plat_unlock_(const struct platform_site *site, struct plat_lock *l, bool write)
{
	struct sim_op op = {.site = site, .kind = OP_UNLOCK, .mode = write, .obj = l,
			    .addr = (volatile void *)l};
	yield_op(need_thread("an unlock"), &op);
}

bool plat_spin_is_locked(const struct platform_site *site, spinlock_t *l)
{
	struct sim_thread *t = cur();
	if (!t)
		return l->l.owner != 0;
	struct sim_op op = {.site = site, .kind = OP_TRYLOCK, .mode = 1 | SIM_TRY_PEEK,
			    .obj = &l->l, .addr = (volatile void *)&l->l};
	yield_op(t, &op);
	return op.ret;
}

/* ---- RCU ---------------------------------------------------------------------------- */

/* A read-side critical section's entry and exit are bookkeeping in the
 * thread's current step, never a scheduling point: the step's footprint
 * writes the thread's rcu_gp lock (which synchronize_rcu write-locks), and
 * under wmm reads every location's latest store (mm_rcu_enter). */
static void rcu_note(struct sim *sim, struct sim_thread *t, bool enter)
{
	if (fp_tls_sim != sim)
		return;
	fp_add_key(sim, fp_key(sim, &t->rcu_gp), true);
	if (enter && sim->cfg.model == MODEL_WMM)
		fp_add_key(sim, FP_ALLTS, false);
	if (!enter && t->buf.n)
		fp_add_key(sim, FP_BUF(t->id), true);
}

void plat_rcu_read_lock(const struct platform_site *site)
{
	struct sim_thread *t = cur();
	(void)site;
	if (!t || t->rcu_nest++ > 0)
		return;
	rcu_note(t->sim, t, true);
	mm_rcu_enter(t->sim, t);
}

void plat_rcu_read_unlock(const struct platform_site *site)
{
	struct sim_thread *t = cur();
	(void)site;
	if (!t || t->rcu_nest <= 0 || --t->rcu_nest > 0)
		return;
	rcu_note(t->sim, t, false);
	mm_rcu_exit(t->sim, t);
}

/* A grace period: a full barrier; then, thread by thread, write-lock and
 * release that thread's rcu_gp (available only while the thread is outside
 * a read-side critical section, its exit drained): every critical section
 * that began before the grace period has ended and its stores are visible;
 * then a full barrier.  A thread that begins a critical section after its
 * turn is not waited for, as RCU's grace period does not wait for it. */
void plat_synchronize_rcu(const struct platform_site *site)
{
	struct sim_thread *t = need_thread("synchronize_rcu");
	struct sim *sim = t->sim;
	plat_fence(site, PLAT_MB);
	int n = sim->nthreads;
	for (int i = 0; i < n; i++) {
		if (i == t->id)
			continue;
		plat_lock_(site, &sim->threads[i].rcu_gp, true);
		plat_unlock_(site, &sim->threads[i].rcu_gp, true);
	}
	plat_fence(site, PLAT_MB);
}

void plat_irq(const struct platform_site *site, bool enable)
{
	struct sim_op op = {.site = site, .kind = OP_IRQ, .mode = enable};
	yield_op(need_thread("local_irq_*"), &op);
}

bool plat_irqs_disabled(void)
{
	struct sim_thread *t = need_thread("irqs_disabled");
	return !t->sim->cpus[t->cpu].irq_on;
}

void plat_send_ipi(const struct platform_site *site, const struct cpumask *mask,
		   smp_call_func_t fn, void *info, bool wait)
{
	struct sim_op op = {.site = site, .kind = OP_IPI, .mode = wait, .mask = mask,
			    .fn = fn, .obj = info};
	yield_op(need_thread("an IPI"), &op);
}

int plat_cpu(void) { return need_thread("smp_processor_id")->cpu; }

void plat_migrate(const struct platform_site *site, int cpu)
{
	struct sim_thread *t = need_thread("a migration");
	if (cpu < 0 || cpu >= SIM_CPUS_MAX)
		die("simulated cpu number out of range");
	struct sim_op op = {.site = site, .kind = OP_MIGRATE, .a = (uint64_t)cpu};
	yield_op(t, &op);
}

int sim_thread_cpu(const struct sim *sim, int tid)
{
	return sim->threads[tid].cpu;
}

void plat_preempt(int delta)
{
	struct sim_thread *t = cur();
	if (t)
		t->preempt = (int16_t)(t->preempt + delta);
}

void plat_ctx_rule(const struct platform_site *site, enum plat_ctx_rule rule)
{
	struct sim_thread *t = cur();
	if (!t || t->sim->violated)
		return;
	bool irq_on = t->sim->cpus[t->cpu].irq_on;
	if (rule == PLAT_CTX_PREEMPT_OFF && (t->preempt <= 0 || !irq_on))
		sim_report(t->sim, V_ATOMIC_CONTEXT, site,
			   "%s: %s needs preemption off and irqs on (preemption count "
			   "%d, irqs %s)", t->name, site->label, t->preempt,
			   irq_on ? "on" : "off");
}

void plat_cpu_relax(const struct platform_site *site)
{
	struct sim_op op = {.site = site, .kind = OP_RELAX};
	yield_op(need_thread("cpu_relax"), &op);
}

struct task_struct *plat_current(void) { return need_thread("current")->task; }

void plat_schedule(const struct platform_site *site)
{
	struct sim_op op = {.site = site, .kind = OP_SCHEDULE};
	yield_op(need_thread("schedule"), &op);
}

int plat_wake_up_process(const struct platform_site *site, struct task_struct *p)
{
	struct sim_op op = {.site = site, .kind = OP_WAKE, .obj = p,
			    .addr = &p->__state};
	yield_op(need_thread("wake_up_process"), &op);
	return (int)op.ret;
}

void plat_init_work(struct work_struct *w, work_func_t fn)
{
	w->func = fn;
	w->pending = 0;
	w->running = 0;
	w->event = -1;
}

static bool work_op(const struct platform_site *site, struct work_struct *w, int kind)
{
	struct sim_op op = {.site = site, .kind = (uint8_t)kind, .obj = w};
	yield_op(need_thread("a work item call"), &op);
	return op.ret;
}
bool plat_schedule_work(const struct platform_site *s, struct work_struct *w)
{
	return work_op(s, w, OP_WORK_QUEUE);
}
bool plat_flush_work(const struct platform_site *s, struct work_struct *w)
{
	return work_op(s, w, OP_WORK_FLUSH);
}
bool plat_cancel_work_sync(const struct platform_site *s, struct work_struct *w)
{
	return work_op(s, w, OP_WORK_CANCEL);
}

uint64_t plat_now_ns(void)
{
	fp_mark_global(); /* time: every step advances it */
	if (!sim_tls_sim)
		return 0;
	sim_tls_sim->clock_read = true; /* now is state (sim/snapshot.c) */
	return sim_tls_sim->now;
}

struct guest_exit plat_guest_run(const struct platform_site *site)
{
	struct sim_op op = {.site = site, .kind = OP_GUEST_RUN};
	yield_op(need_thread("guest_run"), &op);
	return (struct guest_exit){(enum guest_exit_reason)op.ret, op.ret2};
}

void *plat_zalloc(size_t size)
{
	fp_mark_global(); /* the arena's bump pointer */
	return sim_alloc(sim_tls_sim, size);
}

void plat_free(void *p)
{
	(void)p; /* arena memory is reclaimed when the run ends */
}

_Noreturn void plat_bug(const struct platform_site *site, const char *what)
{
	struct sim_thread *t = need_thread("BUG_ON");
	struct sim *sim = t->sim;
	sim_report(sim, V_ASSERT, site, "%s: %s", t->name, what);
	t->op = NULL;
	t->done = 1;
	ctx_switch(sim->cfg.switch_impl, &t->ctx, &sim->main_ctx, true);
	abort();
}

bool plat_bug_enabled(int id)
{
	return sim_tls_sim && ((sim_tls_sim->cfg.bugs >> id) & 1);
}
