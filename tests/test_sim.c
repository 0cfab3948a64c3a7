/*
 * tests/test_sim.c: the machine itself: IPIs and guest mode, waited IPIs,
 * sleep/wake, work items, locks, deadlock, livelock and BUG_ON detection.
 *
 * Each case is a tiny scenario built on platform.h, explored exhaustively
 * (dfs) when it has no spin loop, otherwise with many random and PCT runs,
 * and checked against the outcome it must (or must not) produce.  Every
 * positive case has a negative twin that shows the check can fail.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "platform.h"
#include "explore.h"
#include "scenarios.h"

#include "check.h"

struct tally {
	uint64_t runs;
	uint64_t kind[V_KIND_COUNT];
	char last_msg[256];
	char last_site[256];
	bool complete;
};

static bool tally_run(void *ctx, int job, uint64_t run, struct sim *sim,
		      const struct sim_result *r)
{
	struct tally *t = ctx;
	(void)job, (void)run, (void)sim;
	t->runs++;
	t->kind[r->violated ? r->v.kind : V_NONE]++;
	if (r->violated) {
		snprintf(t->last_msg, sizeof(t->last_msg), "%s", r->v.msg);
		sim_site_str(r->v.nsites ? r->v.sites[0] : NULL, t->last_site,
			     sizeof(t->last_site));
	}
	return false;
}

/* Run sc under model with strategy kind; dfs runs to completion. */
static struct tally explore(const struct scenario *sc, int model, uint64_t variant,
			    int kind, uint64_t budget)
{
	struct sim_config cfg;
	struct explore_opts o;
	struct explore_result r;
	struct tally t;
	char err[200];
	memset(&t, 0, sizeof(t));
	sim_config_defaults(&cfg, sc);
	cfg.model = model;
	cfg.params[0] = (long)variant;
	cfg.steps_max = 2000;
	explore_opts_init(&o, &cfg, kind);
	o.seed = 7;
	o.pct_steps = 40;
	o.budget = budget;
	o.on_run = tally_run;
	o.ctx = &t;
	CHECK(!explore_run(&o, &r, err, sizeof(err)), "explore: %s", err);
	t.complete = r.exhausted;
	return t;
}

#define PARAMS_VARIANT                                                      \
	.params = {{"variant", 0, 0, 9, "test variant"}}, .nparams = 1,     \
	.bugs = {-1}

/* ---- waited IPI against a vCPU in guest mode ------------------------------------------ */

struct ipi_state {
	int ready, exit_reason, handled, handled_when_returned, irq_was_off_at_handler;
	int vcpu_irqs_back;
};

static void ipi_handler(void *info)
{
	struct ipi_state *s = info;
	s->handled = 1;
}

static void ipi_vcpu(void *arg)
{
	struct ipi_state *s = arg;
	local_irq_disable();
	WRITE_ONCE(s->ready, 1);
	struct guest_exit e = guest_run();
	s->exit_reason = (int)e.reason;
	/* variant 1 forgets to re-enable interrupts after the exit */
	if (!sim_current_param(0))
		local_irq_enable();
}

static void ipi_kicker(void *arg)
{
	struct ipi_state *s = arg;
	while (!READ_ONCE(s->ready))
		cpu_relax();
	smp_call_function_single(0, ipi_handler, s, true);
	s->handled_when_returned = s->handled;
}

static void ipi_setup(struct sim *sim, void *state)
{
	sim_spawn(sim, "vcpu0", 0, ipi_vcpu, state);
	sim_spawn(sim, "kicker", 1, ipi_kicker, state);
}

static void ipi_end(struct sim *sim, void *state)
{
	struct ipi_state *s = state;
	if (!sim_thread_done(sim, 1))
		return; /* the sender is stuck: the deadlock check reports it */
	if (s->exit_reason != GUEST_EXIT_INTR)
		sim_report(sim, V_ASSERT, NULL, "guest exit reason %d, not INTR", s->exit_reason);
	else if (!s->handled_when_returned)
		sim_report(sim, V_WAIT_NOT_HONOURED, NULL, "waited IPI returned before its handler ran");
}

static const struct scenario sc_ipi = {
	.name = "t-ipi", .summary = "waited IPI vs guest mode",
	PARAMS_VARIANT, .state_size = sizeof(struct ipi_state),
	.setup = ipi_setup, .check_end = ipi_end,
};

/* ---- sleep / wake ---------------------------------------------------------------------- */

struct wake_state {
	int cond;
	struct task_struct *sleeper;
	int woke;
};

static void wake_sleeper(void *arg)
{
	struct wake_state *s = arg;
	if (sim_current_param(0) == 1)
		__set_current_state(TASK_INTERRUPTIBLE); /* no barrier: the bug */
	else
		set_current_state(TASK_INTERRUPTIBLE); /* pairs with the waker's smp_mb() */
	if (!READ_ONCE(s->cond))
		schedule();
	__set_current_state(TASK_RUNNING);
	s->woke = 1;
}

static void wake_waker(void *arg)
{
	struct wake_state *s = arg;
	WRITE_ONCE(s->cond, 1);
	smp_mb(); /* pairs with set_current_state(): we see the sleeper or it sees cond */
	wake_up_process(s->sleeper);
}

static void wake_setup(struct sim *sim, void *state)
{
	struct wake_state *s = state;
	int t = sim_spawn(sim, "sleeper", 0, wake_sleeper, s);
	s->sleeper = sim_task(sim, t);
	sim_spawn(sim, "waker", 1, wake_waker, s);
}

static void wake_end(struct sim *sim, void *state)
{
	const char *why;
	(void)state;
	if (sim_thread_stuck(sim, 0, &why)) {
		sim_claim_stuck(sim, 0);
		sim_report(sim, V_LOST_WAKEUP, NULL, "sleeper stuck: %s", why);
	}
}

static const struct scenario sc_wake = {
	.name = "t-wake", .summary = "set_current_state/schedule vs wake_up_process",
	PARAMS_VARIANT, .state_size = sizeof(struct wake_state),
	.setup = wake_setup, .check_end = wake_end,
};

/* ---- work items ------------------------------------------------------------------------- */

struct work_state {
	struct work_struct w;
	int count;
	int second_queue, flushed_count, cancel_idle;
};

static void work_fn(struct work_struct *w)
{
	struct work_state *s = (struct work_state *)w;
	WRITE_ONCE(s->count, READ_ONCE(s->count) + 1);
}

static void work_main(void *arg)
{
	struct work_state *s = arg;
	INIT_WORK(&s->w, work_fn);
	schedule_work(&s->w);
	s->second_queue = schedule_work(&s->w); /* still pending or running */
	flush_work(&s->w);
	s->flushed_count = READ_ONCE(s->count);
	s->cancel_idle = cancel_work_sync(&s->w);
}

static void work_setup(struct sim *sim, void *state)
{
	sim_spawn(sim, "main", 0, work_main, state);
}

static void work_end(struct sim *sim, void *state)
{
	struct work_state *s = state;
	int expect = s->second_queue ? 2 : 1;
	if (s->flushed_count != expect || s->cancel_idle)
		sim_report(sim, V_ASSERT, NULL, "flush saw %d runs (expected %d), cancel=%d",
			   s->flushed_count, expect, s->cancel_idle);
}

static const struct scenario sc_work = {
	.name = "t-work", .summary = "schedule_work/flush_work/cancel_work_sync",
	PARAMS_VARIANT, .state_size = sizeof(struct work_state),
	.setup = work_setup, .check_end = work_end,
};

/* ---- locks --------------------------------------------------------------------------------- */

struct lock_state {
	spinlock_t l;
	struct mutex m;
	struct rw_semaphore rw;
	spinlock_t a, b;
	long c;
};

static void lock_inc(void *arg)
{
	struct lock_state *s = arg;
	long v = sim_current_param(0);
	for (int i = 0; i < 2; i++) {
		if (v == 0)
			spin_lock(&s->l);
		else if (v == 2)
			mutex_lock(&s->m);
		else if (v == 3)
			down_write(&s->rw);
		long x = READ_ONCE(s->c);
		WRITE_ONCE(s->c, x + 1);
		if (v == 0)
			spin_unlock(&s->l);
		else if (v == 2)
			mutex_unlock(&s->m);
		else if (v == 3)
			up_write(&s->rw);
	}
}

static void lock_setup(struct sim *sim, void *state)
{
	struct lock_state *s = state;
	spin_lock_init(&s->l);
	mutex_init(&s->m);
	init_rwsem(&s->rw);
	sim_spawn(sim, "A", 0, lock_inc, s);
	sim_spawn(sim, "B", 1, lock_inc, s);
}

static void lock_end(struct sim *sim, void *state)
{
	struct lock_state *s = state;
	if (s->c != 4)
		sim_report(sim, V_ASSERT, NULL, "lost update: c=%ld", s->c);
}

static const struct scenario sc_lock = {
	.name = "t-lock", .summary = "counter under spinlock/mutex/rwsem (1: no lock)",
	PARAMS_VARIANT, .state_size = sizeof(struct lock_state),
	.setup = lock_setup, .check_end = lock_end,
};

/* ABBA */
static void abba_1(void *arg)
{
	struct lock_state *s = arg;
	spin_lock(&s->a);
	spin_lock(&s->b);
	spin_unlock(&s->b);
	spin_unlock(&s->a);
}
static void abba_2(void *arg)
{
	struct lock_state *s = arg;
	spin_lock(&s->b);
	spin_lock(&s->a);
	spin_unlock(&s->a);
	spin_unlock(&s->b);
}
static void abba_setup(struct sim *sim, void *state)
{
	struct lock_state *s = state;
	spin_lock_init(&s->a);
	spin_lock_init(&s->b);
	sim_spawn(sim, "A", 0, abba_1, s);
	sim_spawn(sim, "B", 1, abba_2, s);
}
static const struct scenario sc_abba = {
	.name = "t-abba", .summary = "ABBA deadlock", PARAMS_VARIANT,
	.state_size = sizeof(struct lock_state), .setup = abba_setup,
};

/* rwsem writer fairness: R1 holds the rwsem for read, W waits in
 * down_write(), R2 comes later.  Variant 0: R2 must not join R1 while W
 * waits (reported as V_ASSERT if it does).  Variant 1 (twin): R2 does share
 * with R1 when no writer waits (reported, so it must show up).  Variant 2:
 * a recursive down_read by R1 deadlocks once W queues between the two, as
 * in the kernel (lockdep's "recursive read" rule). */
struct rw_state {
	struct sim *sim;
	struct rw_semaphore rw;
	long x;
	int r1_in, w_in;
};

static void rw_r1(void *arg)
{
	struct rw_state *s = arg;
	down_read(&s->rw);
	s->r1_in = 1;
	if (sim_current_param(0) == 2) {
		READ_ONCE(s->x);
		down_read(&s->rw);
		up_read(&s->rw);
	}
	READ_ONCE(s->x);
	READ_ONCE(s->x);
	s->r1_in = 0;
	up_read(&s->rw);
}

static void rw_w(void *arg)
{
	struct rw_state *s = arg;
	if (sim_current_param(0) == 1)
		return;
	down_write(&s->rw);
	s->w_in = 1;
	WRITE_ONCE(s->x, 1);
	s->w_in = 0;
	up_write(&s->rw);
}

static void rw_r2(void *arg)
{
	struct rw_state *s = arg;
	struct sim *sim = s->sim;
	READ_ONCE(s->x);
	down_read(&s->rw);
	if (s->w_in)
		sim_report(sim, V_ASSERT, NULL, "a reader holds the rwsem with a writer");
	else if (sim_current_param(0) == 0 && s->r1_in && sim_thread_wait(sim, 1) == SIM_WAIT_LOCK)
		sim_report(sim, V_ASSERT, NULL, "R2 overtook the waiting writer W");
	else if (sim_current_param(0) == 1 && s->r1_in)
		sim_report(sim, V_ASSERT, NULL, "R2 shares the rwsem with R1");
	up_read(&s->rw);
}

static void rw_setup(struct sim *sim, void *state)
{
	struct rw_state *s = state;
	s->sim = sim;
	init_rwsem(&s->rw);
	sim_spawn(sim, "R1", 0, rw_r1, s);
	sim_spawn(sim, "W", 1, rw_w, s);
	sim_spawn(sim, "R2", 2, rw_r2, s);
}

static const struct scenario sc_rwsem = {
	.name = "t-rwsem", .summary = "rwsem writer fairness", PARAMS_VARIANT,
	.state_size = sizeof(struct rw_state), .setup = rw_setup,
};

/* ---- livelock, BUG_ON, guest script ------------------------------------------------------- */

struct misc_state {
	int flag, reason;
};

static void spin_forever(void *arg)
{
	struct misc_state *s = arg;
	while (!READ_ONCE(s->flag))
		cpu_relax();
}
static void bugger(void *arg)
{
	struct misc_state *s = arg;
	BUG_ON(READ_ONCE(s->flag) == 0);
}
static void guest_thread(void *arg)
{
	struct misc_state *s = arg;
	local_irq_disable();
	s->reason = (int)guest_run().reason;
	local_irq_enable();
}
static void misc_setup(struct sim *sim, void *state)
{
	long v = sim_param(sim, 0);
	sim_spawn(sim, "T", 0, v == 0 ? spin_forever : v == 1 ? bugger : guest_thread, state);
}
static struct guest_step misc_guest(struct sim *sim, void *state, int tid)
{
	(void)sim, (void)state, (void)tid;
	return (struct guest_step){10, {GUEST_EXIT_HLT, 0}};
}
static void misc_end(struct sim *sim, void *state)
{
	struct misc_state *s = state;
	if (sim_param(sim, 0) == 2 && s->reason != GUEST_EXIT_HLT)
		sim_report(sim, V_ASSERT, NULL, "guest exit %d, expected HLT", s->reason);
}
static const struct scenario sc_misc = {
	.name = "t-misc", .summary = "0 livelock, 1 BUG_ON, 2 guest script",
	PARAMS_VARIANT, .state_size = sizeof(struct misc_state),
	.setup = misc_setup, .check_end = misc_end, .guest = misc_guest,
};

/* ---- kernel context rules (platform.h: plat_preempt, plat_ctx_rule) ------------------------- */

struct ctx_state {
	struct mutex m;
	spinlock_t l;
	int word, other;
};

static void ack_nothing(void *info) { (void)info; }

/* variant: 0 get_cpu/put_cpu around a spin lock, then a mutex (clean);
 * 1 a mutex under get_cpu(); 2 a mutex under a spin lock; 3 schedule()
 * with irqs off; 4 returns with preemption disabled; 5 mutex_lock() in
 * TASK_INTERRUPTIBLE; 6 smp_call_function_many() preemptible; 7 the same
 * under get_cpu() (clean); 8 the watched word restored before irqs come
 * on (clean); 9 irqs on with the word not restored; 10 a store of another
 * value with irqs on; 11 put_cpu() without get_cpu() */
static void ctx_thread(void *arg)
{
	struct ctx_state *s = arg;
	long v = sim_current_param(0);
	struct cpumask mask;
	switch (v) {
	case 0:
		(void)get_cpu();
		spin_lock(&s->l);
		WRITE_ONCE(s->other, 1);
		spin_unlock(&s->l);
		put_cpu();
		mutex_lock(&s->m);
		mutex_unlock(&s->m);
		break;
	case 1:
		(void)get_cpu();
		mutex_lock(&s->m);
		mutex_unlock(&s->m);
		put_cpu();
		break;
	case 2:
		spin_lock(&s->l);
		mutex_lock(&s->m);
		mutex_unlock(&s->m);
		spin_unlock(&s->l);
		break;
	case 3:
		local_irq_disable();
		schedule(); /* TASK_RUNNING: returns at once, but it may sleep */
		local_irq_enable();
		break;
	case 4:
		(void)get_cpu();
		break;
	case 5:
		set_current_state(TASK_INTERRUPTIBLE);
		mutex_lock(&s->m);
		mutex_unlock(&s->m);
		__set_current_state(TASK_RUNNING);
		break;
	case 6:
	case 7:
		cpumask_clear(&mask);
		cpumask_set_cpu(1, &mask);
		if (v == 7)
			(void)get_cpu();
		smp_call_function_many(&mask, ack_nothing, NULL, false);
		if (v == 7)
			put_cpu();
		break;
	case 8:
	case 9:
		local_irq_disable();
		WRITE_ONCE(s->word, 2);
		if (v == 8)
			WRITE_ONCE(s->word, 0);
		local_irq_enable();
		break;
	case 10:
		WRITE_ONCE(s->word, 3);
		break;
	case 11:
		put_cpu();
		WRITE_ONCE(s->other, 1);
		break;
	}
}

static void ctx_setup(struct sim *sim, void *state)
{
	struct ctx_state *s = state;
	mutex_init(&s->m);
	spin_lock_init(&s->l);
	sim_spawn(sim, "T", 0, ctx_thread, s);
	sim_watch_irqs_on(sim, 0, &s->word, sizeof(s->word), 0, V_MODE_INVARIANT, "word");
}

static const struct scenario sc_ctx = {
	.name = "t-ctx", .summary = "kernel context rules", PARAMS_VARIANT,
	.state_size = sizeof(struct ctx_state), .setup = ctx_setup,
};

/* ---- the cases ------------------------------------------------------------------------------ */

int main(void)
{
	struct tally t;

	for (int m = 0; m < MODEL_COUNT; m++) {
		/* A waited IPI returns only after the handler ran, and a vCPU in
		 * guest mode (irqs off on the host) exits with INTR. */
		t = explore(&sc_ipi, m, 0, ST_RANDOM, 3000);
		CHECK(t.kind[V_NONE] == t.runs, "t-ipi %s: %" PRIu64 "/%" PRIu64 " clean; %s",
		      sim_model_name(m), t.kind[V_NONE], t.runs, t.last_msg);
		t = explore(&sc_ipi, m, 0, ST_PCT, 1000);
		CHECK(t.kind[V_NONE] == t.runs, "t-ipi pct %s: %s", sim_model_name(m), t.last_msg);
		/* Negative: irqs never come back, the sender waits forever. */
		t = explore(&sc_ipi, m, 1, ST_RANDOM, 500);
		CHECK(t.kind[V_DEADLOCK] == t.runs, "t-ipi irqs-off %s: %" PRIu64 " deadlocks of %"
		      PRIu64 "; %s", sim_model_name(m), t.kind[V_DEADLOCK], t.runs, t.last_msg);
		CHECK(strstr(t.last_msg, "kicker") && strstr(t.last_msg, "IPI"),
		      "deadlock message names the waiting sender: %s", t.last_msg);

		/* Sleep/wake with the barriers: no lost wakeup, in any schedule. */
		t = explore(&sc_wake, m, 0, ST_DFS, 1000000);
		CHECK(t.complete && t.kind[V_NONE] == t.runs, "t-wake %s: %" PRIu64 " lost of %"
		      PRIu64, sim_model_name(m), t.kind[V_LOST_WAKEUP], t.runs);
		/* Without set_current_state()'s barrier: lost under TSO/PSO only. */
		t = explore(&sc_wake, m, 1, ST_DFS, 1000000);
		CHECK(t.complete && (m == MODEL_SC ? t.kind[V_LOST_WAKEUP] == 0
						 : t.kind[V_LOST_WAKEUP] > 0),
		      "t-wake no-barrier %s: %" PRIu64 " lost of %" PRIu64, sim_model_name(m),
		      t.kind[V_LOST_WAKEUP], t.runs);

		/* Work items: flush waits for the function; cancel of idle is false. */
		t = explore(&sc_work, m, 0, ST_DFS, 1000000);
		CHECK(t.complete && t.kind[V_NONE] == t.runs, "t-work %s: %s", sim_model_name(m),
		      t.last_msg);

		/* Locks: no lost update under spinlock, mutex, rwsem; lost without. */
		for (uint64_t v = 0; v < 4; v++) {
			t = explore(&sc_lock, m, v, ST_DFS, 1000000);
			if (v == 1)
				CHECK(t.complete && t.kind[V_ASSERT] > 0, "t-lock unlocked %s: "
				      "no lost update found", sim_model_name(m));
			else
				CHECK(t.complete && t.kind[V_NONE] == t.runs, "t-lock v%" PRIu64
				      " %s: %s", v, sim_model_name(m), t.last_msg);
		}

		/* rwsem: a reader queues behind a waiting writer; readers still
		 * share when no writer waits; recursive read can deadlock. */
		/* (random and PCT: the ghost flags are plain C, which the
		 * reduction of dfs does not see) */
		t = explore(&sc_rwsem, m, 0, ST_RANDOM, 3000);
		CHECK(t.kind[V_NONE] == t.runs, "t-rwsem fair %s: %" PRIu64 " of %" PRIu64 ": %s",
		      sim_model_name(m), t.kind[V_ASSERT], t.runs, t.last_msg);
		t = explore(&sc_rwsem, m, 0, ST_PCT, 1000);
		CHECK(t.kind[V_NONE] == t.runs, "t-rwsem fair pct %s: %s", sim_model_name(m),
		      t.last_msg);
		t = explore(&sc_rwsem, m, 1, ST_RANDOM, 3000);
		CHECK(t.kind[V_ASSERT] > 0 && t.kind[V_NONE] > 0,
		      "t-rwsem share %s: %" PRIu64 " shared of %" PRIu64, sim_model_name(m),
		      t.kind[V_ASSERT], t.runs);
		/* the deadlock depends on lock operations only: dfs proves it
		 * reachable (the writer's arrival races with the second read) */
		t = explore(&sc_rwsem, m, 2, ST_DFS, 1000000);
		CHECK(t.complete && t.kind[V_DEADLOCK] > 0 && t.kind[V_NONE] > 0,
		      "t-rwsem recursive read %s: %" PRIu64 " deadlocks, %" PRIu64 " clean",
		      sim_model_name(m), t.kind[V_DEADLOCK], t.kind[V_NONE]);

		/* ABBA: some schedule deadlocks, some completes. */
		t = explore(&sc_abba, m, 0, ST_DFS, 1000000);
		CHECK(t.complete && t.kind[V_DEADLOCK] > 0 && t.kind[V_NONE] > 0,
		      "t-abba %s: %" PRIu64 " deadlocks, %" PRIu64 " clean", sim_model_name(m),
		      t.kind[V_DEADLOCK], t.kind[V_NONE]);
	}

	/* Kernel context rules: each broken rule is reported, at its primitive
	 * (or the thread's return), and nothing is reported when they hold. */
	{
		static const int want[12] = {V_NONE, V_ATOMIC_CONTEXT, V_ATOMIC_CONTEXT,
					     V_ATOMIC_CONTEXT, V_ATOMIC_CONTEXT,
					     V_ATOMIC_CONTEXT, V_ATOMIC_CONTEXT, V_NONE,
					     V_NONE, V_MODE_INVARIANT, V_MODE_INVARIANT,
					     V_ATOMIC_CONTEXT};
		for (int m = 0; m < MODEL_COUNT; m++)
			for (uint64_t v = 0; v < 12; v++) {
				t = explore(&sc_ctx, m, v, ST_DFS, 1000);
				CHECK(t.complete && t.kind[want[v]] == t.runs,
				      "t-ctx %s variant %d: want %s in all %" PRIu64
				      " runs: %s", sim_model_name(m), (int)v,
				      sim_viol_name(want[v]), t.runs, t.last_msg);
			}
	}

	/* Livelock: the step budget reports it. */
	t = explore(&sc_misc, MODEL_TSO, 0, ST_RANDOM, 5);
	CHECK(t.kind[V_LIVELOCK] == t.runs, "t-misc livelock: %s", t.last_msg);
	/* BUG_ON: an assertion violation with the BUG_ON site. */
	t = explore(&sc_misc, MODEL_SC, 1, ST_RANDOM, 1);
	CHECK(t.kind[V_ASSERT] == 1 && strstr(t.last_site, "BUG_ON"), "t-misc BUG_ON: %s",
	      t.last_site);
	/* Guest script: the guest exits by itself with HLT after its slice. */
	t = explore(&sc_misc, MODEL_SC, 2, ST_DFS, 100);
	CHECK(t.complete && t.kind[V_NONE] == t.runs, "t-misc guest: %s", t.last_msg);

	printf("%d failure(s)\n", failures);
	return failures ? 1 : 0;
}
