/*
 * scenarios/its.c: the vGIC ITS command queue (issue "Request core II",
 * spec section 7) under concurrent CWRITER, CTLR and CBASER writes.  One
 * source for both drivers (scenarios/scen.h): the simulator's scenario `its`
 * and reqsim-stress's `its` on real threads.
 *
 * The guest.  `writers` vCPU threads submit commands in rounds.  In round r
 * writer t writes its `cmds` commands into its own slots of the ring (slot
 * order = ring order = sequence-number order), announces them on a guest
 * barrier, waits until every writer's commands of the round are in the
 * ring, then writes GITS_CWRITER = end of the round.  All writers of a
 * round write the same value, at the same time, so the handlers race
 * while the guest never moves CWRITER backwards (a CWRITER value behind
 * CREADR is guest error: the ITS would walk the whole ring).  A toggler
 * thread disables and re-enables the ITS while commands are in flight
 * (`toggles` times in the simulator, after commands of round k are on
 * their way; on real threads until the run stops, after random delays).
 * With cbaser=1 (simulator only) it then resets the queue, as a GICv3
 * guest must: it waits until no CWRITER write is in flight (every write of
 * the first (rounds+1)/2 rounds returned), disables the ITS, checks that it
 * reads QUIESCENT, rewrites GITS_CBASER to a second ring, and enables the
 * ITS again; the writers' later rounds use the new ring from slot 0.
 *
 * The drivers' loop shapes: the simulator runs `rounds` rounds; real
 * threads run until the run stops, the ring of 128 slots wraps, and a
 * writer waits until at most 8 rounds are outstanding before it reuses
 * slots (if the queue does not move for 100 watchdogs, at least 1 s, it is
 * stalled: an its-command violation).
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
 *    (and, in the simulator, GITS_CTLR.QUIESCENT == 1);
 *  - a CTLR enable that returns has run every command of every CWRITER write
 *    that has returned; the toggler then reads ENABLE and QUIESCENT;
 *  - around the CBASER rewrite: QUIESCENT before it (nothing pending), and
 *    CREADR == CWRITER == 0 after it; no command of the old ring runs
 *    afterwards (the generation change is in the ghost sequence numbers);
 *  - at quiescence (simulator: the ITS enabled, every thread done) every
 *    command has run, and CREADR == CWRITER;
 *  - poll=1 (simulator): a lockless GITS_CREADR read before each CWRITER
 *    write never shows CREADR past a command whose execution has not
 *    completed (ghost done_seq), and the GITS_CTLR read after it never
 *    shows Enabled=1 with Quiescent=0 (one snapshot under cmd_lock, and an
 *    enabled ITS is drained at every release); with cbaser=1, a GITS_CTLR
 *    read by a writer between its last write before the reset and the
 *    reset's end reads QUIESCENT (the CBASER rewrite is one locked update);
 *  - split=1 (simulator): CWRITER is written as two 32-bit accesses, high
 *    word first (it re-stores the current offset: a value read outside
 *    cmd_lock would move CWRITER backwards);
 *  - restore=1 (simulator): a VMM thread (pCPU 17) restores a migrated ITS
 *    before the guest runs.  The ITS refuses an enable with the device
 *    table, the collection table or CBASER invalid; a disable invalidates
 *    the translation cache; a CWRITER beyond the buffer and a CREADR
 *    restore unaligned or beyond the buffer are refused (-EINVAL); the
 *    CREADR restore that races the guest's first enable returns 0 (and
 *    reads back, if the enable has not begun) or -EBUSY, and at the end the
 *    restored commands ran accordingly (those the source ran never, the
 *    rest once, or all once after -EBUSY); once the guest owns the ITS, a
 *    CREADR restore is -EBUSY and a CBASER write is ignored;
 *  - every thread's MMIO handlers with no ITS (NULL) read 0 and ignore
 *    writes (writer 0 and the VMM probe them).
 *
 * The guest's waits (the round barrier, the reset) sleep with
 * set_current_state() + schedule() and are woken by wake_up_process(): a
 * spin-wait would let PCT starve the thread being waited for when two
 * spinners tie at the lowest priority.
 *
 * Ghost state (scen.h: plain C in the simulator, seq_cst atomics on real
 * threads): the toggler marks a toggle as started before its disable and
 * finished after its enable returned, so a writer only checks the "enabled
 * throughout" oracles for calls that no toggle overlapped.
 *
 * Invariants:
 *  1. Writer t is thread t on pCPU t; the toggler is the last thread, on
 *     pCPU 16.
 *  2. The ITS ignores vCPU requests and guest mode: threads are plain
 *     threads calling the MMIO handlers (a data abort on the ITS frame ends
 *     in exactly these calls).
 *  3. Expected verdicts are in its_verdicts[] below; tests check each cell.
 *  4. Round r of the barrier uses arrived[r % ITS_ROUNDS_MAX], cumulatively
 *     (target (r / ITS_ROUNDS_MAX + 1) * writers): the simulator's rounds
 *     each have their own counter, real threads reuse them.
 */
#include <stdio.h>
#include <string.h>

#include "scen.h"
#include "vgic_its.h"

#define ITS_WRITERS_MAX 4
#define ITS_ROUNDS_MAX 4
#define ITS_CMDS_MAX 2
#define ITS_SEQ_MAX (ITS_WRITERS_MAX * ITS_ROUNDS_MAX * ITS_CMDS_MAX)
#define ITS_RING_CMDS 128 /* the ITS's ring: a 4 KiB command buffer (size field 0) */
/* Backed slots per ring and table entries: the simulator's sequence
 * numbers stay below ITS_SEQ_MAX (no wrap); real threads wrap the ring. */
#define ITS_SLOTS (SCEN_SIM ? 32 : ITS_RING_CMDS)
#define ITS_TABLE (SCEN_SIM ? ITS_SEQ_MAX + 1 : ITS_RING_CMDS)
#define ITS_SEQ_LIMIT (SCEN_SIM ? (long)ITS_SEQ_MAX : (long)UINT32_MAX)
#define ITS_LOG_MAX 64
#define ITS_ROUNDS_AHEAD 8 /* real threads: rounds in the ring before slots are reused */
#define RING_GPA(g) (0x10000ULL * (uint64_t)((g) + 1))
/* restore=1: the source ITS had ITS_RESTORED commands in slots 0.. of its
 * ring and had run the first ITS_RESTORED_RAN of them; their words carry
 * ITS_RESTORED_TAG and their index. */
#define ITS_RESTORED 2
#define ITS_RESTORED_RAN 1
#define ITS_RESTORED_TAG (1ULL << 48)

/* X(name, default, min, max, help, driver) */
#define ITS_PARAMS(X)                                                                      \
	X("writers", 2, 1, ITS_WRITERS_MAX, "vCPUs writing commands and CWRITER", SIM)     \
	X("rounds", 2, 1, ITS_ROUNDS_MAX, "rounds of commands per writer", SIM)            \
	X("cmds", 1, 1, ITS_CMDS_MAX, "commands per writer per round", BOTH)               \
	X("toggles", 1, 0, 2, "ITS disable/enable pairs while commands are in flight "     \
	  "(real threads: nonzero toggles until the run stops)", BOTH)                     \
	X("cbaser", 0, 0, 1, "1: reset the queue by a CBASER rewrite after the first "     \
	  "half of the rounds", SIM)                                                       \
	X("poll", 0, 0, 1, "1: writers read GITS_CREADR (lockless) before each CWRITER "      \
	  "write, and with cbaser=1 GITS_CTLR while the queue is reset", SIM)               \
	X("split", 0, 0, 1, "1: CWRITER written as two 32-bit accesses, high word first",    \
	  SIM)                                                                             \
	X("restore", 0, 0, 1, "1: a VMM thread restores a migrated ITS (CTLR enable "        \
	  "refusals, CBASER, CWRITER, CREADR) while the guest enables it (rounds capped "  \
	  "so the ring holds the restored commands too)", SIM)                             \
	X("delay_ns", 2000, 0, 100000000, "max random delay between rounds", NATIVE)

/* Real threads only: the delays (after the simulator's state, so that
 * its layout, and with it every address a trace hashes, is unchanged). */
struct its_rt {
	long delay_ns;                /* between rounds, and around toggles */
	uint64_t rng[ITS_WRITERS_MAX + 1]; /* each thread's */
};

struct istate {
	scen_t *scen;
	struct vgic_its its;
	int writers, rounds, cmds, toggles, cbaser;
	int reset_round; /* cbaser=1: the first round in the second ring */
	/* guest memory: word 0 of each 32-byte command, two rings */
	uint64_t ring[2][ITS_SLOTS];
	uint64_t itt[ITS_TABLE]; /* what commands do: one table entry each */
	atomic_t arrived[ITS_ROUNDS_MAX]; /* guest barrier: commands of round r in the ring */
	atomic_t writes_done;             /* CWRITER writes that returned */
	atomic_t reset_done;              /* the CBASER rewrite is complete */
	struct task_struct *task[ITS_WRITERS_MAX + 1]; /* every thread, for guest wakeups */
	int nthreads;
	/* ghost */
	int processing;    /* threads inside the execution callback */
	long next_seq;     /* the command that must run next */
	long returned_end; /* highest seq covered by a returned CWRITER write */
	int runs[ITS_TABLE];
	long log[ITS_LOG_MAX]; /* processed commands, in execution order */
	int nlog;
	int toggling, toggle_epoch;
	int disabled; /* between a disable's return and the next enable's call */
	/* poll / split / restore (simulator parameters; 0 on real threads) */
	int poll, split, restore;
	long done_seq;        /* ghost: the last command whose execution completed */
	int toggles_done;     /* ghost: the toggler's disable/enable loop is over */
	atomic_t vmm_ready;   /* restore: the VMM restored the tables (guest starts) */
	atomic_t enabled_once; /* restore: the guest's first enable returned */
	atomic_t toggler_done; /* restore: the toggler is done (ITS stays enabled) */
	atomic_t creadr_done;  /* restore: the CREADR restore returned */
	struct task_struct *vmm_task;
	int rst_runs[ITS_RESTORED]; /* ghost: runs of each restored command */
	int rst_next;         /* ghost: the restored command that must run next, or -1 */
	int rst_ret;          /* the CREADR restore's return (1: not made yet) */
	uint64_t rst_itt;     /* what a restored command does */
	struct its_rt rt[]; /* real threads: one (see .state_size) */
};

struct iarg {
	struct istate *s;
	int idx;
};

/* Sequence numbers (from 1) in ring order, and where they live. */
static long cmd_seq(const struct istate *s, long r, int t, int i)
{
	return r * s->writers * s->cmds + (long)t * s->cmds + i + 1;
}

static int round_gen(const struct istate *s, long r)
{
	return s->cbaser && r >= s->reset_round;
}

static long gen_first_seq(const struct istate *s, int g)
{
	return g ? cmd_seq(s, s->reset_round, 0, 0) : 1;
}

static long round_end_seq(const struct istate *s, long r)
{
	return cmd_seq(s, r + 1, 0, 0) - 1;
}

/* The sequence number slot 0 of generation g's ring holds while seq is
 * written: the generation's first, or on real threads that of the ring's
 * current lap. */
static long slot_base(const struct istate *s, int g, long seq)
{
	return seq - (seq - gen_first_seq(s, g)) % ITS_SLOTS;
}

/* The ring slot of generation g's first writer command: restore=1 puts
 * the restored commands before it in ring 0. */
static long slot0(const struct istate *s, int g)
{
	return s->restore && !g ? ITS_RESTORED : 0;
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

/* restore=1: restored command j runs.  In ring order they come first:
 * from j = 0 if the guest's enable won the race with the CREADR restore,
 * from ITS_RESTORED_RAN if the restore won, then one after the other, each
 * once, and before every command of the writers. */
static void its_restored_command(struct istate *s, int j)
{
	int next = ghost_load(&s->rst_next);
	if (j < 0 || j >= ITS_RESTORED)
		return;
	ghost_inc(&s->rst_runs[j]);
	if (ghost_load(&s->next_seq) > 1)
		scen_report(s->scen, V_ITS_COMMAND, "oracle: ring order",
			    "restored command %d ran after command %ld of the guest", j,
			    ghost_load(&s->next_seq) - 1);
	else if (next >= 0 && j < next)
		scen_report(s->scen, V_ITS_COMMAND, "oracle: once",
			    "restored command %d ran twice (next restored command expected %d)",
			    j, next);
	else if (next < 0 ? j != 0 && j != ITS_RESTORED_RAN : j != next)
		scen_report(s->scen, V_ITS_COMMAND, "oracle: ring order",
			    "restored command %d ran out of ring order (next restored command "
			    "expected %d)", j, next);
	ghost_store(&s->rst_next, j + 1);
	WRITE_ONCE(s->rst_itt, (uint64_t)j);
}

/* The command "execution": checks order and exclusivity, then does its
 * effect (a table write, which is a decision point another thread may
 * interleave with). */
static void its_handle_command(struct vgic_its *its, const uint64_t *cmd)
{
	struct istate *s = its->ctx;
	long seq = (long)(cmd[0] & 0xffffffff);
	int running = ghost_inc(&s->processing);
	if (running > 1)
		scen_report(s->scen, V_ITS_COMMAND, "oracle: exclusive processing",
			    "two threads execute ITS commands at once (seq %ld, %ld running)",
			    seq, (long)running);
	if (ghost_load(&s->disabled))
		scen_report(s->scen, V_ITS_COMMAND, "oracle: only while enabled",
			    "command %ld ran while the ITS was disabled (next expected %ld)",
			    seq, ghost_load(&s->next_seq));
	if (cmd[0] & ITS_RESTORED_TAG) {
		its_restored_command(s, (int)(cmd[0] & 0xff));
		ghost_dec(&s->processing);
		return;
	}
	if (s->restore && ghost_load(&s->rst_next) != ITS_RESTORED)
		scen_report(s->scen, V_ITS_COMMAND, "oracle: ring order",
			    "command %ld ran before the restored commands ahead of it in the "
			    "ring (next restored %d)", seq, ghost_load(&s->rst_next));
	int n = ghost_load(&s->nlog);
	if (n < ITS_LOG_MAX) {
		ghost_store(&s->log[n], seq);
		ghost_store(&s->nlog, n + 1);
	}
	long next = ghost_load(&s->next_seq);
	if (seq <= 0 || seq > ITS_SEQ_LIMIT)
		scen_report(s->scen, V_ITS_COMMAND, "oracle: unwritten slot",
			    "the ITS ran an unwritten ring slot (word %ld) while command %ld "
			    "was next", seq, next);
	else if (seq < next)
		scen_report(s->scen, V_ITS_COMMAND, "oracle: once",
			    ghost_load(&s->runs[seq % ITS_TABLE])
				    ? "command %ld ran twice (next expected %ld)"
				    : "command %ld, discarded by the CBASER rewrite, ran "
				      "afterwards (next expected %ld)",
			    seq, next);
	else if (seq > next)
		scen_report(s->scen, V_ITS_COMMAND, "oracle: ring order",
			    "command %ld ran before command %ld (out of ring order)", seq,
			    next);
	else
		ghost_store(&s->next_seq, seq + 1);
	if (seq > 0 && seq <= ITS_SEQ_LIMIT) {
		long n = seq;
		ghost_inc(&s->runs[seq % ITS_TABLE]);
		{
			/* the table entry (wrapping on real threads); the name keeps
			 * the site's label, part of signatures */
			long seq = n % ITS_TABLE;
			WRITE_ONCE(s->itt[seq], (uint64_t)n);
		}
		if (seq == next)
			ghost_store(&s->done_seq, seq); /* its effect is done */
	}
	ghost_dec(&s->processing);
}

static const struct vgic_its_ops its_ops = {
	.read_guest = its_read_guest,
	.handle_command = its_handle_command,
};

/* ---- oracles at return ----------------------------------------------------------------- */

/* Every command of every returned CWRITER write has run (ghost). */
static void expect_drained(struct istate *s, const char *when)
{
	/* returned_end first: on real threads a later next_seq can only be larger */
	long end = ghost_load(&s->returned_end);
	long next = ghost_load(&s->next_seq);
	if (next - 1 < end)
		scen_report(s->scen, V_ITS_COMMAND, "oracle: drained at return",
			    "%s returned with the ITS enabled, but command %ld has not run "
			    "(CWRITER writes up to command %ld returned)", when, next, end);
}

/* The guest reads GITS_CTLR and expects the queue to be quiescent. */
static void expect_quiescent(struct istate *s, bool enabled, const char *when)
{
	unsigned long ctlr = vgic_mmio_read_its_ctlr(&s->its, GITS_CTLR, 4);
	if (!(ctlr & GITS_CTLR_QUIESCENT))
		scen_report(s->scen, V_ITS_COMMAND, "oracle: QUIESCENT",
			    "GITS_CTLR.QUIESCENT reads 0 %s (ctlr=%#lx)", when, ctlr);
	else if (enabled && !(ctlr & GITS_CTLR_ENABLE))
		scen_report(s->scen, V_ITS_COMMAND, "oracle: ENABLE",
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
	if (s->vmm_task && s->vmm_task != current)
		wake_up_process(s->vmm_task);
}

/* Sleep until *c >= target; false if the run stops first (real threads). */
static bool guest_wait(struct istate *s, atomic_t *c, long target)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE); /* smp_store_mb: pairs with
							* the signaller's RMW */
		if (atomic_read_acquire(c) >= target || scen_stopping(s->scen))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	return !scen_stopping(s->scen);
}

/* The barrier of round r (invariant 4). */
static atomic_t *round_counter(struct istate *s, long r)
{
	return &s->arrived[r % ITS_ROUNDS_MAX];
}

static long round_target(const struct istate *s, long r)
{
	return (r / ITS_ROUNDS_MAX + 1) * s->writers;
}

/* Real threads: before round r reuses ring slots, the commands of round
 * r - ITS_ROUNDS_AHEAD must have run; false if the queue stalled or the run
 * stops.  The simulator's rounds never wrap the ring. */
static bool ring_room(struct istate *s, long r)
{
	if (r < ITS_ROUNDS_AHEAD)
		return true;
	uint64_t stall = 100 * scen_watchdog_ns(s->scen);
	if (stall < 1000000000ULL)
		stall = 1000000000ULL;
	if (scen_await(s->scen, &s->next_seq, cmd_seq(s, r - ITS_ROUNDS_AHEAD + 1, 0, 0), stall))
		return true;
	if (!scen_stopping(s->scen))
		scen_report(s->scen, V_ITS_COMMAND, "oracle: queue moves",
			    "the command queue has not moved for %.1f s (next command %ld)",
			    (double)stall / 1e9, ghost_load(&s->next_seq));
	return false;
}

/* poll=1: the guest reads GITS_CREADR without any lock (a guest driver
 * checking for room, or waiting for its commands): every command before
 * the offset it reads has been executed, not merely taken. */
static void expect_creadr_done(struct istate *s, int g)
{
	unsigned long creadr = vgic_mmio_read_its_creadr(&s->its, GITS_CREADR, 8);
	long slot = (long)(creadr / ITS_CMD_SIZE) - slot0(s, g);
	long last = slot + gen_first_seq(s, g) - 1; /* the command before CREADR */
	if (slot > 0 && ghost_load(&s->done_seq) < last)
		scen_report(s->scen, V_ITS_COMMAND, "oracle: CREADR after execution",
			    "GITS_CREADR reads %#lx, past command %ld, which has not completed "
			    "(last completed %ld)", creadr, last, ghost_load(&s->done_seq));
	/* GITS_CTLR is one snapshot under cmd_lock, and whoever releases the
	 * lock with the ITS enabled has drained the queue: Enabled=1 never
	 * comes with Quiescent=0 (a toggle may be under way meanwhile) */
	unsigned long ctlr = vgic_mmio_read_its_ctlr(&s->its, GITS_CTLR, 4);
	if ((ctlr & GITS_CTLR_ENABLE) && !(ctlr & GITS_CTLR_QUIESCENT))
		scen_report(s->scen, V_ITS_COMMAND, "oracle: CTLR snapshot",
			    "GITS_CTLR reads Enabled=1 with Quiescent=0 (ctlr=%#lx): commands "
			    "pending on an enabled ITS outside cmd_lock", ctlr);
}

/* poll=1 cbaser=1: between the last CWRITER write before the reset and the
 * reset's end the queue is empty: before the CBASER rewrite, during it and
 * after it GITS_CTLR reads QUIESCENT (the rewrite is one locked update). */
static void expect_quiescent_while_reset(struct istate *s)
{
	if (!ghost_load(&s->toggles_done) ||
	    atomic_read(&s->writes_done) < (long)s->writers * s->reset_round)
		return;
	unsigned long ctlr = vgic_mmio_read_its_ctlr(&s->its, GITS_CTLR, 4);
	if (!atomic_read(&s->reset_done) && !(ctlr & GITS_CTLR_QUIESCENT))
		scen_report(s->scen, V_ITS_COMMAND, "oracle: QUIESCENT",
			    "GITS_CTLR.QUIESCENT reads 0 while the queue is reset (every CWRITER "
			    "write returned, ctlr=%#lx)", ctlr);
}

/* A data abort on the ITS frame of a VM without an ITS: the handlers get
 * NULL, reads are 0 and writes are ignored. */
static void its_probe_absent(struct istate *s)
{
	unsigned long v = vgic_mmio_read_its_ctlr(NULL, GITS_CTLR, 4) |
			  vgic_mmio_read_its_cbaser(NULL, GITS_CBASER, 8) |
			  vgic_mmio_read_its_cwriter(NULL, GITS_CWRITER, 8) |
			  vgic_mmio_read_its_creadr(NULL, GITS_CREADR, 8);
	vgic_mmio_write_its_ctlr(NULL, GITS_CTLR, 4, GITS_CTLR_ENABLE);
	vgic_mmio_write_its_cbaser(NULL, GITS_CBASER, 8, GITS_CBASER_VALID);
	vgic_mmio_write_its_cwriter(NULL, GITS_CWRITER, 8, ITS_CMD_SIZE);
	int ret = vgic_mmio_uaccess_write_its_creadr(NULL, GITS_CREADR, 8, 0);
	if (v || ret != -EINVAL)
		scen_report(s->scen, V_ITS_COMMAND, "oracle: no ITS",
			    "the ITS handlers without an ITS read %#lx, CREADR restore returned "
			    "%d", v, ret);
}

/* ---- threads ---------------------------------------------------------------------------- */

static void its_writer(void *arg)
{
	struct iarg *a = arg;
	struct istate *s = a->s;
	int t = a->idx;
	if (t == 0)
		its_probe_absent(s);
	if (s->restore)
		guest_wait(s, &s->vmm_ready, 1);
	for (long r = 0; scen_more(s->scen, r, s->rounds); r++) {
		int g = round_gen(s, r);
		long gfirst = gen_first_seq(s, g), end = round_end_seq(s, r);
		if (g && r == s->reset_round) /* the new ring is in place */
			guest_wait(s, &s->reset_done, 1);
		if (!ring_room(s, r))
			return;
		for (int i = 0; i < s->cmds; i++) {
			long seq = cmd_seq(s, r, t, i), first = slot_base(s, g, seq);
			WRITE_ONCE(s->ring[g][seq - first + slot0(s, g)],
				   (uint64_t)seq | (uint64_t)t << 32);
		}
		/* every writer's commands of this round are in the ring */
		guest_signal(s, round_counter(s, r));
		if (!guest_wait(s, round_counter(s, r), round_target(s, r)))
			return;

		uint32_t off = (uint32_t)((end - gfirst + 1 + slot0(s, g)) % ITS_RING_CMDS) *
			       ITS_CMD_SIZE;
		if (s->poll)
			expect_creadr_done(s, g);
		int epoch0 = ghost_load(&s->toggle_epoch), toggling0 = ghost_load(&s->toggling);
		uint64_t t0 = scen_clock_ns(s->scen);
		if (s->split) /* high word first: it rewrites the current offset */
			vgic_mmio_write_its_cwriter(&s->its, GITS_CWRITER + 4, 4, 0);
		vgic_mmio_write_its_cwriter(&s->its, GITS_CWRITER, s->split ? 4 : 8, off);
		scen_latency(s->scen, scen_clock_ns(s->scen) - t0);
		scen_count_requests(s->scen, (uint64_t)s->cmds);
		if (!toggling0 && ghost_load(&s->toggle_epoch) == epoch0) { /* enabled throughout */
			long next = ghost_load(&s->next_seq);
			if (next - 1 < end)
				scen_report(s->scen, V_ITS_COMMAND, "oracle: CWRITER drained",
					    "a CWRITER write returned with the ITS enabled, but "
					    "command %ld has not run (CWRITER covers up to %ld)",
					    next, end);
			unsigned long creadr = vgic_mmio_read_its_creadr(&s->its, GITS_CREADR, 8);
			/* real threads: unless a toggle started meanwhile (in the
			 * simulator the check stays as it was: no recheck) */
			if (creadr != off &&
			    (SCEN_SIM || ghost_load(&s->toggle_epoch) == epoch0))
				scen_report(s->scen, V_ITS_COMMAND, "oracle: CREADR == CWRITER",
					    "CREADR reads %#lx after a CWRITER write of %#lx "
					    "returned with the ITS enabled", (long)creadr,
					    (long)off);
			/* the simulator reads CTLR too (a stopped world: no toggle
			 * can start in between; on real threads one may) */
			if (SCEN_SIM)
				expect_quiescent(s, false, "after a CWRITER write returned "
						 "with the ITS enabled");
		}
		ghost_max(&s->returned_end, end);
		guest_signal(s, &s->writes_done);
		if (s->poll && s->cbaser && r == s->reset_round - 1)
			expect_quiescent_while_reset(s);
		if (t == 0)
			scen_count_rounds(s->scen, 1);
		scen_delay(s->scen, &s->rt[0].rng[t], s->rt[0].delay_ns);
	}
}

static void its_enable(struct istate *s)
{
	ghost_store(&s->disabled, 0); /* before the enable's first decision point */
	vgic_mmio_write_its_ctlr(&s->its, GITS_CTLR, 4, GITS_CTLR_ENABLE);
	expect_drained(s, "a CTLR enable");
	ghost_store(&s->toggling, 0);
	/* only this thread disables: every lock holder now leaves it drained */
	expect_quiescent(s, true, "after the ITS was enabled");
}

static void its_disable(struct istate *s)
{
	ghost_store(&s->toggling, 1); /* before the disable's first decision point */
	ghost_inc(&s->toggle_epoch);
	vgic_mmio_write_its_ctlr(&s->its, GITS_CTLR, 4, 0);
	ghost_store(&s->disabled, 1); /* until its_enable(): no command may run */
}

/* cbaser=1: a GICv3 guest resets its command queue. */
static void its_reset_queue(struct istate *s)
{
	long first = gen_first_seq(s, 1);
	/* no CWRITER write in flight: the writers wait for reset_done */
	guest_wait(s, &s->writes_done, s->writers * s->reset_round);
	its_disable(s);
	expect_quiescent(s, false, "before the CBASER rewrite, with every CWRITER write "
			 "returned");
	vgic_mmio_write_its_cbaser(&s->its, GITS_CBASER, 8,
				   GITS_CBASER_VALID | RING_GPA(1));
	if (ghost_load(&s->next_seq) != first)
		scen_report(s->scen, V_ITS_COMMAND, "oracle: before reset",
			    "command %ld never ran before the queue was reset (next ring starts "
			    "at %ld)", ghost_load(&s->next_seq), first);
	ghost_store(&s->next_seq, first); /* the old ring is gone: nothing of it may run */
	ghost_store(&s->done_seq, first - 1);
	ghost_store(&s->returned_end, first - 1);
	unsigned long creadr = vgic_mmio_read_its_creadr(&s->its, GITS_CREADR, 8);
	unsigned long cwriter = vgic_mmio_read_its_cwriter(&s->its, GITS_CWRITER, 8);
	if (creadr || cwriter)
		scen_report(s->scen, V_ITS_COMMAND, "oracle: CBASER reset",
			    "after the CBASER rewrite CREADR=%#lx CWRITER=%#lx (expected 0)",
			    (long)creadr, (long)cwriter);
	its_enable(s);
	guest_signal(s, &s->reset_done);
}

/* Before toggle k: the simulator waits until commands of round k (or the
 * last round before a reset) are on their way; real threads wait a random
 * while. */
static void toggle_pace(struct istate *s, long k)
{
	if (SCEN_SIM) {
		long last = (s->cbaser ? s->reset_round : s->rounds) - 1;
		guest_wait(s, round_counter(s, k < last ? k : last), 1);
	}
	scen_delay(s->scen, &s->rt[0].rng[ITS_WRITERS_MAX], 10 * s->rt[0].delay_ns + 1000);
}

static void its_toggler(void *arg)
{
	struct iarg *a = arg;
	struct istate *s = a->s;
	if (s->restore) { /* the guest enables the ITS the VMM restored */
		guest_wait(s, &s->vmm_ready, 1);
		its_enable(s);
		guest_signal(s, &s->enabled_once);
		/* no disable before the restore returned: it races the enable only */
		guest_wait(s, &s->creadr_done, 1);
	}
	for (long k = 0; scen_more(s->scen, k, s->toggles); k++) {
		toggle_pace(s, k);
		its_disable(s);
		/* a while with the ITS disabled: the guest looks at it */
		if (vgic_mmio_read_its_ctlr(&s->its, GITS_CTLR, 4) & GITS_CTLR_ENABLE)
			scen_report(s->scen, V_ITS_COMMAND, "oracle: ENABLE after disable",
				    "GITS_CTLR.ENABLE reads 1 after a disable returned");
		cpu_relax();
		scen_delay(s->scen, &s->rt[0].rng[ITS_WRITERS_MAX], s->rt[0].delay_ns + 1000);
		its_enable(s);
	}
	ghost_store(&s->toggles_done, 1);
	if (s->cbaser)
		its_reset_queue(s);
	if (s->restore)
		guest_signal(s, &s->toggler_done);
}

/* ---- restore=1: the VMM restores a migrated ITS ------------------------------------------ */

/* GITS_CTLR.Enable must not be set with an invalid device or collection
 * table or command queue. */
static void expect_enable_refused(struct istate *s, const char *what)
{
	vgic_mmio_write_its_ctlr(&s->its, GITS_CTLR, 4, GITS_CTLR_ENABLE);
	if (vgic_mmio_read_its_ctlr(&s->its, GITS_CTLR, 4) & GITS_CTLR_ENABLE)
		scen_report(s->scen, V_ITS_COMMAND, "oracle: enable refused",
			    "GITS_CTLR.Enable was set with %s", what);
}

/* A CREADR restore the ITS must refuse with -EINVAL, leaving CREADR. */
static void expect_creadr_refused(struct istate *s, unsigned long val)
{
	int ret = vgic_mmio_uaccess_write_its_creadr(&s->its, GITS_CREADR, 8, val);
	unsigned long creadr = vgic_mmio_read_its_creadr(&s->its, GITS_CREADR, 8);
	if (ret != -EINVAL || creadr != 0)
		scen_report(s->scen, V_ITS_COMMAND, "oracle: CREADR restore",
			    "restoring CREADR=%#lx (outside the buffer or unaligned) returned %d, "
			    "CREADR reads %#lx", val, ret, creadr);
}

/*
 * The VMM (userspace, no vCPU) restores the ITS of a migrated VM before
 * the guest runs: first it checks that the ITS refuses an enable while a
 * table or the command queue is invalid, then restores CBASER, CWRITER
 * (the source's queue: ITS_RESTORED commands) and, racing the guest's
 * first enable, CREADR (the source had run ITS_RESTORED_RAN of them).
 * The restore is all or nothing against the enable: 0 (before it: the
 * enable runs the rest) or -EBUSY (after it: the enable ran them all).
 * Once the guest has the ITS for good, CREADR and CBASER writes bounce.
 */
static void its_vmm(void *arg)
{
	struct istate *s = arg;
	const uint32_t cwriter = ITS_RESTORED * ITS_CMD_SIZE, creadr = ITS_RESTORED_RAN * ITS_CMD_SIZE;
	its_probe_absent(s);
	/* setup: device table invalid, collection table valid, CBASER valid */
	expect_enable_refused(s, "GITS_BASER(device) invalid");
	s->its.baser_device = GITS_BASER_VALID;
	s->its.baser_coll = 0;
	expect_enable_refused(s, "GITS_BASER(collection) invalid");
	s->its.baser_coll = GITS_BASER_VALID;
	vgic_mmio_write_its_cbaser(&s->its, GITS_CBASER, 8, RING_GPA(0)); /* not Valid */
	expect_enable_refused(s, "GITS_CBASER invalid");
	/* a disable invalidates the LPI translation cache, whatever else holds */
	int inval = s->its.stat_cache_invalidations;
	vgic_mmio_write_its_ctlr(&s->its, GITS_CTLR, 4, 0);
	if (s->its.stat_cache_invalidations != inval + 1)
		scen_report(s->scen, V_ITS_COMMAND, "oracle: cache invalidated",
			    "a GITS_CTLR disable did not invalidate the translation cache");
	vgic_mmio_write_its_cbaser(&s->its, GITS_CBASER, 8, GITS_CBASER_VALID | RING_GPA(0));
	vgic_mmio_write_its_cwriter(&s->its, GITS_CWRITER, 8, cwriter);
	/* beyond the 4 KiB buffer: ignored */
	vgic_mmio_write_its_cwriter(&s->its, GITS_CWRITER, 8, ITS_RING_CMDS * ITS_CMD_SIZE);
	if (vgic_mmio_read_its_cwriter(&s->its, GITS_CWRITER, 8) != cwriter)
		scen_report(s->scen, V_ITS_COMMAND, "oracle: CWRITER beyond the buffer",
			    "a CWRITER write beyond the command buffer was not ignored (reads %#lx)",
			    vgic_mmio_read_its_cwriter(&s->its, GITS_CWRITER, 8));
	expect_creadr_refused(s, creadr + 8);
	expect_creadr_refused(s, ITS_RING_CMDS * ITS_CMD_SIZE);
	guest_signal(s, &s->vmm_ready);

	/* CREADR, racing the guest's enable */
	int ret = vgic_mmio_uaccess_write_its_creadr(&s->its, GITS_CREADR, 8, creadr);
	unsigned long now = vgic_mmio_read_its_creadr(&s->its, GITS_CREADR, 8);
	ghost_store(&s->rst_ret, ret);
	guest_signal(s, &s->creadr_done);
	if (ret != 0 && ret != -EBUSY)
		scen_report(s->scen, V_ITS_COMMAND, "oracle: CREADR restore",
			    "restoring CREADR=%#x returned %d", (unsigned)creadr, ret);
	else if (ghost_load(&s->disabled) && !ghost_load(&s->toggle_epoch) &&
		 (ret != 0 || now != creadr)) /* the guest's first enable has not begun */
		scen_report(s->scen, V_ITS_COMMAND, "oracle: CREADR restore",
			    "restoring CREADR=%#x with the ITS disabled returned %d, CREADR reads "
			    "%#lx", (unsigned)creadr, ret, now);

	/* the guest owns the ITS for good: it stays enabled */
	guest_wait(s, &s->toggler_done, 1);
	uint64_t cbaser = vgic_mmio_read_its_cbaser(&s->its, GITS_CBASER, 8);
	ret = vgic_mmio_uaccess_write_its_creadr(&s->its, GITS_CREADR, 8, 0);
	if (ret != -EBUSY)
		scen_report(s->scen, V_ITS_COMMAND, "oracle: CREADR restore",
			    "restoring CREADR with the ITS enabled returned %d", ret);
	vgic_mmio_write_its_cbaser(&s->its, GITS_CBASER, 8, GITS_CBASER_VALID | RING_GPA(1));
	if (vgic_mmio_read_its_cbaser(&s->its, GITS_CBASER, 8) != cbaser ||
	    !(vgic_mmio_read_its_ctlr(&s->its, GITS_CTLR, 4) & GITS_CTLR_ENABLE))
		scen_report(s->scen, V_ITS_COMMAND, "oracle: CBASER while enabled",
			    "a CBASER write with the ITS enabled was not ignored");
}

/* ---- setup and end ---------------------------------------------------------------------- */

static void its_setup(scen_t *scen, void *state)
{
	struct istate *s = state;
	s->scen = scen;
	s->cmds = (int)scen_param(scen, "cmds");
	s->toggles = (int)scen_param(scen, "toggles");
	if (SCEN_SIM) {
		s->writers = (int)scen_param(scen, "writers");
		s->rounds = (int)scen_param(scen, "rounds");
		s->cbaser = (int)scen_param(scen, "cbaser");
		s->poll = (int)scen_param(scen, "poll");
		s->split = (int)scen_param(scen, "split");
		s->restore = (int)scen_param(scen, "restore");
		int room = (ITS_SLOTS - ITS_RESTORED) / (s->writers * s->cmds);
		if (s->restore && s->rounds > room)
			s->rounds = room;
	} else { /* --threads: writers and a toggler */
		int w = scen_threads(scen) - (s->toggles != 0);
		s->writers = w < 1 ? 1 : w > ITS_WRITERS_MAX ? ITS_WRITERS_MAX : w;
		s->rt[0].delay_ns = scen_param(scen, "delay_ns");
		for (int i = 0; i <= ITS_WRITERS_MAX; i++)
			s->rt[0].rng[i] = scen_rng_seed(scen, (unsigned)i);
		scen_roles(scen, "writers:%d,toggler:%d", s->writers, s->toggles != 0);
	}
	s->reset_round = (s->rounds + 1) / 2;
	s->next_seq = 1;
	/* the VM as userspace restored it: one 4 KiB ring, tables valid, enabled */
	vgic_its_init(&s->its, &its_ops, s);
	s->its.cbaser = GITS_CBASER_VALID | RING_GPA(0);
	s->its.baser_device = GITS_BASER_VALID;
	s->its.baser_coll = GITS_BASER_VALID;
	s->its.enabled = true;
	if (s->restore) { /* disabled, the device table not yet restored */
		s->its.enabled = false;
		s->its.baser_device = 0;
		s->toggling = 1; /* as if a disable had run: no "enabled throughout" */
		s->disabled = 1;
		s->rst_next = -1;
		s->rst_ret = 1;
		for (int j = 0; j < ITS_RESTORED; j++) /* the source's commands */
			s->ring[0][j] = ITS_RESTORED_TAG | (uint64_t)j;
	}
	scen_name(scen, &s->its.creadr, "its.creadr");
	scen_name(scen, &s->its.cwriter, "its.cwriter");
	scen_name(scen, &s->its.enabled, "its.enabled");
	scen_name(scen, &s->its.cbaser, "its.cbaser");
	for (int t = 0; t < s->writers; t++) {
		struct iarg *a = scen_alloc(scen, sizeof(*a));
		char name[16];
		a->s = s;
		a->idx = t;
		snprintf(name, sizeof(name), "vcpu%d", t);
		s->task[s->nthreads++] = scen_spawn(scen, name, t, its_writer, a);
	}
	if (s->toggles || s->cbaser || s->restore) {
		struct iarg *a = scen_alloc(scen, sizeof(*a));
		a->s = s;
		a->idx = ITS_WRITERS_MAX;
		s->task[s->nthreads++] = scen_spawn(scen, "toggler", 16, its_toggler, a);
	}
	if (s->restore)
		s->vmm_task = scen_spawn(scen, "vmm", 17, its_vmm, s);
}

/* Simulator, at quiescence: every command has run. */
static SCEN_HOOK void its_check_end(scen_t *scen, void *state)
{
	struct istate *s = state;
	long total = cmd_seq(s, s->rounds, 0, 0) - 1;
	if (!scen_threads_done(scen))
		return; /* the simulator reports the stuck thread */
	if (s->next_seq != total + 1)
		scen_report(scen, V_ITS_COMMAND, "oracle: all commands ran",
			    "the run ended with the ITS enabled but command %ld of %ld never "
			    "ran (CREADR=%#x CWRITER=%#x)", s->next_seq, total,
			    (unsigned)scen_peek(&s->its.creadr, 4),
			    (unsigned)scen_peek(&s->its.cwriter, 4));
	else if (scen_peek(&s->its.creadr, 4) != scen_peek(&s->its.cwriter, 4))
		scen_report(scen, V_ITS_COMMAND, "oracle: CREADR == CWRITER at the end",
			    "the run ended with the ITS enabled and every command run, but "
			    "CREADR=%#x CWRITER=%#x", (unsigned)scen_peek(&s->its.creadr, 4),
			    (unsigned)scen_peek(&s->its.cwriter, 4));
	for (int j = 0; s->restore && j < ITS_RESTORED; j++) {
		/* 0: CREADR restored before the enable, which ran the rest;
		 * -EBUSY: after it, the enable ran them all */
		int want = s->rst_ret == 0 ? j >= ITS_RESTORED_RAN : 1;
		if (s->rst_runs[j] != want) {
			scen_report(scen, V_ITS_COMMAND, "oracle: restore",
				    "restored command %d ran %d times, the CREADR restore "
				    "returned %d (expected %d runs)", j, s->rst_runs[j],
				    s->rst_ret, want);
			break;
		}
	}
}

/* Real threads, while stopping: wake every sleeper so it sees the stop. */
static SCEN_HOOK void its_stop(scen_t *scen, void *state)
{
	struct istate *s = state;
	(void)scen;
	for (int i = 0; i < s->nthreads; i++)
		wake_up_process(s->task[i]);
}

SCEN_FAMILY(its,
	.name = "its",
	.summary = "vGIC ITS command queue: concurrent CWRITER writes, CTLR "
		   "enable/disable and a CBASER reset",
	.params = {ITS_PARAMS(SCEN_PARAM)},
	.nparams = 0 ITS_PARAMS(SCEN_PARAM_COUNT),
	.bugs = {BUG_ITS_LOCK_DROPPING, BUG_ITS_OUTSIDE_LOCK, -1},
	/* the ITS is arm64 hardware, but nothing here reads the arch switch
	 * (no run loop): a run is the same under either profile, so both are
	 * allowed; the verdict rows are arm64's */
	.archs = SCEN_ARCHS_ALL,
	.state_size = sizeof(struct istate) + (SCEN_SIM ? 0 : sizeof(struct its_rt)),
	.setup = its_setup,
	SCEN_ON_SIM(.check_end = its_check_end,)
	SCEN_ON_NATIVE(.roles = "writers T-1 (max 4; T with toggles=0), 1 toggler",
		       .latency = "cwriter: GITS_CWRITER write call (drains the queue)",
		       .stop = its_stop,))

#if SCEN_SIM
/* Expected verdicts per model SC/TSO/PSO/WMM.  The ITS is arm64 hardware
 * and nothing here depends on the arch switch, so every row is arm64 only. */
#define S SOMETIMES
#define N NEVER
static const struct verdict_row its_verdicts[] = {
	{"its", -1, "", ARCH_ARM64, {N, N, N, N}},
	{"its", -1, "toggles=0", ARCH_ARM64, {N, N, N, N}},
	{"its", -1, "cbaser=1", ARCH_ARM64, {N, N, N, N}},
	{"its", -1, "writers=3 cmds=2 toggles=2", ARCH_ARM64, {N, N, N, N}},
	/* the guest polls CREADR / CTLR without the lock; CWRITER in halves;
	 * a VMM restores a migrated ITS while the guest enables it */
	{"its", -1, "poll=1", ARCH_ARM64, {N, N, N, N}},
	{"its", -1, "cbaser=1 toggles=0 poll=1", ARCH_ARM64, {N, N, N, N}},
	{"its", -1, "split=1", ARCH_ARM64, {N, N, N, N}},
	{"its", -1, "restore=1", ARCH_ARM64, {N, N, N, N}},
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
#endif
