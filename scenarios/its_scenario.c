/*
 * scenarios/its_scenario.c: the vGIC ITS command queue (issue "Request core
 * II", spec section 7) under concurrent CWRITER, CTLR and CBASER writes.
 *
 * The guest.  `writers` vCPU threads submit commands in rounds.  In round r
 * writer t writes its `cmds` commands into its own slots of the ring (slot
 * order = ring order = sequence-number order), announces them on a guest
 * barrier, waits until every writer's commands of the round are in the
 * ring, then writes GITS_CWRITER = end of the round.  All writers of a
 * round write the same value, at the same time, so the handlers race
 * while the guest never moves CWRITER backwards (a CWRITER value behind
 * CREADR is guest error: the ITS would walk the whole ring).  A toggler
 * thread disables and re-enables the ITS `toggles` times while commands
 * are in flight.  With cbaser=1 it then resets the queue, as a GICv3 guest
 * must: it waits until no CWRITER write is in flight (every write of the
 * first (rounds+1)/2 rounds returned), disables the ITS, checks that it
 * reads QUIESCENT, rewrites GITS_CBASER to a second ring, and enables the
 * ITS again; the writers' later rounds use the new ring from slot 0.
 *
 * What the guest expects, and the oracles (all V_ITS_COMMAND):
 *  - every command runs exactly once, in ring order: the execution callback
 *    appends to a ghost log and checks the command is the next one (not a
 *    repeat, not one past a gap, not an unwritten slot);
 *  - no two threads execute commands at once: a ghost "processing" counter
 *    spans each execution (which contains a decision point); and no command
 *    runs between a disable's return and the next enable;
 *  - a CWRITER write that returns with the ITS enabled throughout has run
 *    every command up to its value; the guest then reads CREADR == CWRITER
 *    and GITS_CTLR.QUIESCENT == 1;
 *  - a CTLR enable that returns has run every command of every CWRITER write
 *    that has returned; the toggler then reads ENABLE and QUIESCENT;
 *  - around the CBASER rewrite: QUIESCENT before it (nothing pending), and
 *    CREADR == CWRITER == 0 after it; no command of the old ring runs
 *    afterwards (the generation change is in the ghost sequence numbers);
 *  - at the end (the ITS enabled, every thread done) every command has run.
 *
 * The guest's waits (the round barrier, the reset) sleep with
 * set_current_state() + schedule() and are woken by wake_up_process(): a
 * spin-wait would let PCT starve the thread being waited for when two
 * spinners tie at the lowest priority.
 *
 * Ghost state is plain C written by the threads (outside the memory model):
 * the toggler marks a toggle as started before its disable and finished
 * after its enable returned, so a writer only checks the "enabled
 * throughout" oracles for calls that no toggle overlapped.
 *
 * Invariants:
 *  1. Writer t is thread t on pCPU t; the toggler is the last thread.
 *  2. The ITS ignores vCPU requests and guest mode: threads are plain
 *     simulated threads calling the MMIO handlers (a data abort on the ITS
 *     frame ends in exactly these calls).
 *  3. Expected verdicts are in its_verdicts[] below; tests check each cell.
 */
#include <stdio.h>
#include <string.h>

#include "scenarios.h"
#include "vgic_its.h"

#define ITS_WRITERS_MAX 4
#define ITS_ROUNDS_MAX 4
#define ITS_CMDS_MAX 2
#define ITS_SEQ_MAX (ITS_WRITERS_MAX * ITS_ROUNDS_MAX * ITS_CMDS_MAX)
#define ITS_SLOTS 32  /* backed command slots per ring (the buffer holds 128) */
#define ITS_LOG_MAX 64
#define RING_GPA(g) (0x10000ULL * (uint64_t)((g) + 1))

struct istate {
	struct sim *sim;
	struct vgic_its its;
	int writers, rounds, cmds, toggles, cbaser;
	int reset_round; /* cbaser=1: the first round in the second ring */
	/* guest memory: word 0 of each 32-byte command, two rings */
	uint64_t ring[2][ITS_SLOTS];
	uint64_t itt[ITS_SEQ_MAX + 1]; /* what commands do: one table entry each */
	atomic_t arrived[ITS_ROUNDS_MAX]; /* guest barrier: commands of round r in the ring */
	atomic_t writes_done;             /* CWRITER writes that returned */
	atomic_t reset_done;              /* the CBASER rewrite is complete */
	struct task_struct *task[ITS_WRITERS_MAX + 1]; /* every thread, for guest wakeups */
	int nthreads;
	/* ghost */
	int processing;        /* threads inside the execution callback */
	long next_seq;         /* the command that must run next */
	long returned_end;     /* highest seq covered by a returned CWRITER write */
	int runs[ITS_SEQ_MAX + 1];
	long log[ITS_LOG_MAX]; /* processed commands, in execution order */
	int nlog;
	int toggling, toggle_epoch;
	int disabled; /* between a disable's return and the next enable's call */
};

struct iarg {
	struct istate *s;
	int idx;
};

static void its_fail(struct istate *s, const struct platform_site *site, const char *what,
		     long a, long b)
{
	char msg[200];
	snprintf(msg, sizeof(msg), what, a, b);
	sim_report(s->sim, V_ITS_COMMAND, site, "%s", msg);
}

/* Sequence numbers (from 1) in ring order, and where they live. */
static long cmd_seq(const struct istate *s, int r, int t, int i)
{
	return (long)r * s->writers * s->cmds + (long)t * s->cmds + i + 1;
}

static int round_gen(const struct istate *s, int r)
{
	return s->cbaser && r >= s->reset_round;
}

static long gen_first_seq(const struct istate *s, int g)
{
	return g ? cmd_seq(s, s->reset_round, 0, 0) : 1;
}

static long round_end_seq(const struct istate *s, int r)
{
	return cmd_seq(s, r + 1, 0, 0) - 1;
}

/* ---- the ITS's view of the guest ------------------------------------------------------- */

static int its_read_guest(struct vgic_its *its, gpa_t gpa, uint64_t *buf, unsigned int len)
{
	struct istate *s = its->ctx;
	for (int g = 0; g < 2; g++) {
		uint64_t idx = (gpa - RING_GPA(g)) / ITS_CMD_SIZE;
		if (gpa < RING_GPA(g) || idx >= ITS_SLOTS)
			continue;
		memset(buf, 0, len);
		buf[0] = READ_ONCE(s->ring[g][idx]);
		return 0;
	}
	return -EFAULT;
}

/* The command "execution": checks order and exclusivity, then does its
 * effect (a table write, which is a decision point another thread may
 * interleave with). */
static void its_handle_command(struct vgic_its *its, const uint64_t *cmd)
{
	struct istate *s = its->ctx;
	long seq = (long)(cmd[0] & 0xffffffff);
	if (s->processing++)
		its_fail(s, PLATFORM_SITE("oracle: exclusive processing"),
			 "two threads execute ITS commands at once (seq %ld, %ld running)",
			 seq, s->processing);
	if (s->disabled)
		its_fail(s, PLATFORM_SITE("oracle: only while enabled"),
			 "command %ld ran while the ITS was disabled (next expected %ld)",
			 seq, s->next_seq);
	if (s->nlog < ITS_LOG_MAX)
		s->log[s->nlog++] = seq;
	if (seq <= 0 || seq > ITS_SEQ_MAX)
		its_fail(s, PLATFORM_SITE("oracle: unwritten slot"),
			 "the ITS ran an unwritten ring slot (word %ld) while command %ld was next",
			 seq, s->next_seq);
	else if (seq < s->next_seq)
		its_fail(s, PLATFORM_SITE("oracle: once"),
			 s->runs[seq] ? "command %ld ran twice (next expected %ld)"
				      : "command %ld, discarded by the CBASER rewrite, ran "
					"afterwards (next expected %ld)",
			 seq, s->next_seq);
	else if (seq > s->next_seq)
		its_fail(s, PLATFORM_SITE("oracle: ring order"),
			 "command %ld ran before command %ld (out of ring order)", seq,
			 s->next_seq);
	else
		s->next_seq = seq + 1;
	if (seq > 0 && seq <= ITS_SEQ_MAX) {
		s->runs[seq]++;
		WRITE_ONCE(s->itt[seq], seq);
	}
	s->processing--;
}

static const struct vgic_its_ops its_ops = {
	.read_guest = its_read_guest,
	.handle_command = its_handle_command,
};

/* ---- oracles at return ----------------------------------------------------------------- */

/* Every command of every returned CWRITER write has run (ghost). */
static void expect_drained(struct istate *s, const char *when)
{
	if (s->next_seq - 1 < s->returned_end) {
		char msg[160];
		snprintf(msg, sizeof(msg), "%s returned with the ITS enabled, but command %ld "
			 "has not run (CWRITER writes up to command %ld returned)",
			 when, s->next_seq, s->returned_end);
		sim_report(s->sim, V_ITS_COMMAND, PLATFORM_SITE("oracle: drained at return"),
			   "%s", msg);
	}
}

/* The guest reads GITS_CTLR and expects the queue to be quiescent. */
static void expect_quiescent(struct istate *s, bool enabled, const char *when)
{
	unsigned long ctlr = vgic_mmio_read_its_ctlr(&s->its, GITS_CTLR, 4);
	if (!(ctlr & GITS_CTLR_QUIESCENT))
		sim_report(s->sim, V_ITS_COMMAND, PLATFORM_SITE("oracle: QUIESCENT"),
			   "GITS_CTLR.QUIESCENT reads 0 %s (ctlr=%#lx)", when, ctlr);
	else if (enabled && !(ctlr & GITS_CTLR_ENABLE))
		sim_report(s->sim, V_ITS_COMMAND, PLATFORM_SITE("oracle: ENABLE"),
			   "GITS_CTLR.ENABLE reads 0 %s (ctlr=%#lx)", when, ctlr);
	else if (enabled)
		expect_drained(s, "a GITS_CTLR read with QUIESCENT=1");
}

/* ---- guest synchronisation ------------------------------------------------------------- */

/*
 * The guest's waits sleep instead of spinning (a spin-wait is a livelock
 * hazard for PCT).  The sleep/wake Dekker of kvm_main.c:
 *
 *   waiter                                signaller
 *   set_current_state(INTERRUPTIBLE)      atomic_inc_return(c)  (full barrier)
 *   if (c < target) schedule()            wake_up_process(every other thread)
 */
static void guest_signal(struct istate *s, atomic_t *c)
{
	(void)atomic_inc_return(c); /* fully ordered: what was written before is
				     * visible before the count; pairs with the
				     * acquire in guest_wait() */
	for (int i = 0; i < s->nthreads; i++)
		if (s->task[i] != current)
			wake_up_process(s->task[i]);
}

static void guest_wait(atomic_t *c, int target)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE); /* smp_store_mb: pairs with
							* the signaller's RMW */
		if (atomic_read_acquire(c) >= target)
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}

/* ---- threads ---------------------------------------------------------------------------- */

static void its_writer(void *arg)
{
	struct iarg *a = arg;
	struct istate *s = a->s;
	int t = a->idx;
	for (int r = 0; r < s->rounds; r++) {
		int g = round_gen(s, r);
		long first = gen_first_seq(s, g), end = round_end_seq(s, r);
		if (g && r == s->reset_round) /* the new ring is in place */
			guest_wait(&s->reset_done, 1);
		for (int i = 0; i < s->cmds; i++) {
			long seq = cmd_seq(s, r, t, i);
			WRITE_ONCE(s->ring[g][seq - first], (uint64_t)seq | (uint64_t)t << 32);
		}
		/* every writer's commands of this round are in the ring */
		guest_signal(s, &s->arrived[r]);
		guest_wait(&s->arrived[r], s->writers);

		uint32_t off = (uint32_t)(end - first + 1) * ITS_CMD_SIZE;
		int epoch0 = s->toggle_epoch, toggling0 = s->toggling;
		vgic_mmio_write_its_cwriter(&s->its, GITS_CWRITER, 8, off);
		if (!toggling0 && s->toggle_epoch == epoch0) { /* enabled throughout */
			if (s->next_seq - 1 < end)
				its_fail(s, PLATFORM_SITE("oracle: CWRITER drained"),
					 "a CWRITER write returned with the ITS enabled, but "
					 "command %ld has not run (CWRITER covers up to %ld)",
					 s->next_seq, end);
			unsigned long creadr = vgic_mmio_read_its_creadr(&s->its, GITS_CREADR, 8);
			if (creadr != off)
				its_fail(s, PLATFORM_SITE("oracle: CREADR == CWRITER"),
					 "CREADR reads %#lx after a CWRITER write of %#lx returned "
					 "with the ITS enabled", (long)creadr, (long)off);
			expect_quiescent(s, false, "after a CWRITER write returned with the "
					 "ITS enabled");
		}
		if (end > s->returned_end)
			s->returned_end = end;
		guest_signal(s, &s->writes_done);
	}
}

static void its_enable(struct istate *s)
{
	s->disabled = 0; /* before the enable's first decision point */
	vgic_mmio_write_its_ctlr(&s->its, GITS_CTLR, 4, GITS_CTLR_ENABLE);
	expect_drained(s, "a CTLR enable");
	s->toggling = 0;
	/* only this thread disables: every lock holder now leaves it drained */
	expect_quiescent(s, true, "after the ITS was enabled");
}

static void its_disable(struct istate *s)
{
	s->toggling = 1; /* before the disable's first decision point */
	s->toggle_epoch++;
	vgic_mmio_write_its_ctlr(&s->its, GITS_CTLR, 4, 0);
	s->disabled = 1; /* until its_enable(): no command may run */
}

/* cbaser=1: a GICv3 guest resets its command queue. */
static void its_reset_queue(struct istate *s)
{
	long first = gen_first_seq(s, 1);
	/* no CWRITER write in flight: the writers wait for reset_done */
	guest_wait(&s->writes_done, s->writers * s->reset_round);
	its_disable(s);
	expect_quiescent(s, false, "before the CBASER rewrite, with every CWRITER write "
			 "returned");
	vgic_mmio_write_its_cbaser(&s->its, GITS_CBASER, 8,
				   GITS_CBASER_VALID | RING_GPA(1));
	if (s->next_seq != first)
		its_fail(s, PLATFORM_SITE("oracle: before reset"),
			 "command %ld never ran before the queue was reset (next ring starts "
			 "at %ld)", s->next_seq, first);
	s->next_seq = first; /* the old ring is gone: nothing of it may run */
	s->returned_end = first - 1;
	unsigned long creadr = vgic_mmio_read_its_creadr(&s->its, GITS_CREADR, 8);
	unsigned long cwriter = vgic_mmio_read_its_cwriter(&s->its, GITS_CWRITER, 8);
	if (creadr || cwriter)
		its_fail(s, PLATFORM_SITE("oracle: CBASER reset"),
			 "after the CBASER rewrite CREADR=%#lx CWRITER=%#lx (expected 0)",
			 (long)creadr, (long)cwriter);
	its_enable(s);
	guest_signal(s, &s->reset_done);
}

static void its_toggler(void *arg)
{
	struct iarg *a = arg;
	struct istate *s = a->s;
	int last = (s->cbaser ? s->reset_round : s->rounds) - 1;
	for (int k = 0; k < s->toggles; k++) {
		int r = k < last ? k : last;
		guest_wait(&s->arrived[r], 1); /* commands on their way */
		its_disable(s);
		/* a while with the ITS disabled: the guest looks at it */
		if (vgic_mmio_read_its_ctlr(&s->its, GITS_CTLR, 4) & GITS_CTLR_ENABLE)
			sim_report(s->sim, V_ITS_COMMAND,
				   PLATFORM_SITE("oracle: ENABLE after disable"),
				   "GITS_CTLR.ENABLE reads 1 after a disable returned");
		cpu_relax();
		its_enable(s);
	}
	if (s->cbaser)
		its_reset_queue(s);
}

/* ---- setup and end ---------------------------------------------------------------------- */

static void its_setup(struct sim *sim, void *state)
{
	struct istate *s = state;
	s->sim = sim;
	s->writers = (int)sim_param(sim, 0);
	s->rounds = (int)sim_param(sim, 1);
	s->cmds = (int)sim_param(sim, 2);
	s->toggles = (int)sim_param(sim, 3);
	s->cbaser = (int)sim_param(sim, 4);
	s->reset_round = (s->rounds + 1) / 2;
	s->next_seq = 1;
	/* the VM as userspace restored it: one 4 KiB ring, tables valid, enabled */
	vgic_its_init(&s->its, &its_ops, s);
	s->its.cbaser = GITS_CBASER_VALID | RING_GPA(0);
	s->its.baser_device = GITS_BASER_VALID;
	s->its.baser_coll = GITS_BASER_VALID;
	s->its.enabled = true;
	sim_name(sim, &s->its.creadr, "its.creadr");
	sim_name(sim, &s->its.cwriter, "its.cwriter");
	sim_name(sim, &s->its.enabled, "its.enabled");
	sim_name(sim, &s->its.cbaser, "its.cbaser");
	for (int t = 0; t < s->writers; t++) {
		struct iarg *a = sim_alloc(sim, sizeof(*a));
		char name[16];
		a->s = s;
		a->idx = t;
		snprintf(name, sizeof(name), "vcpu%d", t);
		s->task[s->nthreads++] = sim_task(sim, sim_spawn(sim, name, t, its_writer, a));
	}
	if (s->toggles || s->cbaser) {
		struct iarg *a = sim_alloc(sim, sizeof(*a));
		a->s = s;
		s->task[s->nthreads++] = sim_task(sim, sim_spawn(sim, "toggler", 16,
								 its_toggler, a));
	}
}

static void its_check_end(struct sim *sim, void *state)
{
	struct istate *s = state;
	long total = cmd_seq(s, s->rounds, 0, 0) - 1;
	for (int t = 0; t < sim_thread_count(sim); t++)
		if (!sim_thread_done(sim, t))
			return; /* the simulator reports the stuck thread */
	if (s->next_seq != total + 1)
		sim_report(sim, V_ITS_COMMAND, PLATFORM_SITE("oracle: all commands ran"),
			   "the run ended with the ITS enabled but command %ld of %ld never "
			   "ran (CREADR=%#x CWRITER=%#x)", s->next_seq, total,
			   (unsigned)sim_peek(&s->its.creadr, 4),
			   (unsigned)sim_peek(&s->its.cwriter, 4));
}

#define P(nm, d, lo, hi, h) {nm, d, lo, hi, h}

static const struct scenario its_all[] = {
	{
		.name = "its",
		.summary = "vGIC ITS command queue: concurrent CWRITER writes, CTLR "
			   "enable/disable and a CBASER reset",
		.params = {P("writers", 2, 1, ITS_WRITERS_MAX, "vCPUs writing commands and CWRITER"),
			   P("rounds", 2, 1, ITS_ROUNDS_MAX, "rounds of commands per writer"),
			   P("cmds", 1, 1, ITS_CMDS_MAX, "commands per writer per round"),
			   P("toggles", 1, 0, 2, "ITS disable/enable pairs while commands "
			     "are in flight"),
			   P("cbaser", 0, 0, 1, "1: reset the queue by a CBASER rewrite "
			     "after the first half of the rounds")},
		.nparams = 5,
		.bugs = {BUG_ITS_LOCK_DROPPING, BUG_ITS_OUTSIDE_LOCK, -1},
		/* the ITS is arm64 hardware, but nothing here reads the arch
		 * switch (no run loop): a run is the same under either profile,
		 * so both are allowed; the verdict rows are arm64's */
		.archs = SCEN_ARCHS_ALL,
		.state_size = sizeof(struct istate),
		.setup = its_setup,
		.check_end = its_check_end,
	},
};

static const struct scenario *const its_list[] = {&its_all[0]};

const struct scenario *const *its_scenarios(int *n)
{
	*n = (int)(sizeof(its_list) / sizeof(its_list[0]));
	return its_list;
}

/* Expected verdicts per model SC/TSO/PSO/WMM.  The ITS is arm64 hardware
 * and nothing here depends on the arch switch, so every row is arm64 only. */
#define S SOMETIMES
#define N NEVER
static const struct verdict_row its_verdicts[] = {
	{"its", -1, "", ARCH_ARM64, {N, N, N, N}},
	{"its", -1, "toggles=0", ARCH_ARM64, {N, N, N, N}},
	{"its", -1, "cbaser=1", ARCH_ARM64, {N, N, N, N}},
	{"its", -1, "writers=3 cmds=2 toggles=2", ARCH_ARM64, {N, N, N, N}},
	/* Both bugs are protocol races (two drainers, or a writer sent back
	 * to the guest early): they need no reordering and show under SC. */
	{"its", BUG_ITS_LOCK_DROPPING, "", ARCH_ARM64, {S, S, S, S}},
	{"its", BUG_ITS_LOCK_DROPPING, "toggles=0", ARCH_ARM64, {S, S, S, S}},
	{"its", BUG_ITS_LOCK_DROPPING, "cbaser=1", ARCH_ARM64, {S, S, S, S}},
	{"its", BUG_ITS_OUTSIDE_LOCK, "", ARCH_ARM64, {S, S, S, S}},
	{"its", BUG_ITS_OUTSIDE_LOCK, "toggles=0", ARCH_ARM64, {S, S, S, S}},
};
#undef S
#undef N

const struct verdict_row *its_verdict_table(int *n)
{
	*n = (int)(sizeof(its_verdicts) / sizeof(its_verdicts[0]));
	return its_verdicts;
}
