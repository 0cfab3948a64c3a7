/*
 * scenarios/stress_its.c: the vGIC ITS command queue (its_scenario.c) on
 * real threads.  Writers (vCPUs) submit commands in rounds into a 128-slot
 * ring that wraps: in round r each writer writes its `cmds` commands, waits
 * on a guest barrier until every writer's are in, then all write
 * GITS_CWRITER = end of the round at once.  A toggler disables and
 * re-enables the ITS while commands are in flight.
 *
 * Oracles (its-command), as in the simulator: every command runs once, in
 * ring order, never two threads at once, never while disabled; a CWRITER
 * write that returns with the ITS enabled throughout has run everything up
 * to its value (CREADR == CWRITER, QUIESCENT); a CTLR enable leaves the
 * queue drained.  And one of real time: a writer waits until at most 8
 * rounds are outstanding before it reuses ring slots; if the queue does not
 * move for 100 watchdogs (at least 1 s), it is stalled.
 *
 * Not covered natively: the CBASER rewrite (cbaser=1 in the simulator).
 *
 * Invariants:
 *  1. Writer t runs on pCPU t, the toggler on 16.
 *  2. The guest's waits sleep with set_current_state() + schedule() and are
 *     woken by wake_up_process(), as in the simulator: the core's sleep
 *     primitives on real threads.
 */
#include <string.h>

#include "stress.h"
#include "vgic_its.h"

#define WRITERS_MAX 4
#define SLOTS 128           /* a 4 KiB command buffer (cbaser size field 0) */
#define RING_GPA 0x10000ULL
#define ROUNDS_AHEAD 8

enum { P_CMDS, P_TOGGLES, P_DELAY };

struct istate {
	struct stress *st;
	struct vgic_its its;
	int writers, cmds;
	bool toggles;
	uint64_t delay_ns;
	uint64_t ring[SLOTS];   /* guest memory: word 0 of each command */
	uint64_t itt[SLOTS];    /* what commands do: one table entry each */
	atomic_t arrived;       /* guest barrier: writers' commands in the ring */
	int tids[WRITERS_MAX + 1];
	int ntids;
	/* ghost */
	uint64_t processing, next_seq, returned_end, toggling, toggle_epoch, disabled;
	uint64_t rng[WRITERS_MAX + 1];
};

struct iarg {
	struct istate *s;
	int idx;
};

static uint64_t seq_of(const struct istate *s, uint64_t r, int t, int i)
{
	return r * (uint64_t)s->writers * (uint64_t)s->cmds + (uint64_t)t * (uint64_t)s->cmds +
	       (uint64_t)i + 1;
}

/* ---- the ITS's view of the guest -------------------------------------------------------- */

static int its_read_guest(struct vgic_its *its, gpa_t gpa, uint64_t *buf, unsigned int len)
{
	struct istate *s = its->ctx;
	uint64_t idx = (gpa - RING_GPA) / ITS_CMD_SIZE;
	if (gpa < RING_GPA || idx >= SLOTS)
		return -EFAULT;
	memset(buf, 0, len);
	buf[0] = READ_ONCE(s->ring[idx]);
	return 0;
}

static void its_handle_command(struct vgic_its *its, const uint64_t *cmd)
{
	struct istate *s = its->ctx;
	uint64_t seq = cmd[0] & 0xffffffff;
	uint64_t busy = __atomic_fetch_add(&s->processing, 1, __ATOMIC_SEQ_CST);
	if (busy)
		stress_violation(s->st, SV_ITS_COMMAND,
				 "two threads execute ITS commands at once (seq %llu)",
				 (unsigned long long)seq);
	if (g_load(&s->disabled))
		stress_violation(s->st, SV_ITS_COMMAND,
				 "command %llu ran while the ITS was disabled",
				 (unsigned long long)seq);
	uint64_t next = g_load(&s->next_seq);
	if (seq < next)
		stress_violation(s->st, SV_ITS_COMMAND, "command %llu ran twice (next expected %llu)",
				 (unsigned long long)seq, (unsigned long long)next);
	else if (seq > next)
		stress_violation(s->st, SV_ITS_COMMAND,
				 "command %llu ran before command %llu (out of ring order)",
				 (unsigned long long)seq, (unsigned long long)next);
	else
		g_store(&s->next_seq, seq + 1);
	WRITE_ONCE(s->itt[seq % SLOTS], seq); /* the command's effect */
	__atomic_fetch_sub(&s->processing, 1, __ATOMIC_SEQ_CST);
}

static const struct vgic_its_ops its_ops = {
	.read_guest = its_read_guest,
	.handle_command = its_handle_command,
};

/* ---- oracles at return -------------------------------------------------------------------- */

static void expect_drained(struct istate *s, const char *when)
{
	/* returned_end first: a later next_seq can only be larger */
	uint64_t end = g_load(&s->returned_end);
	uint64_t next = g_load(&s->next_seq);
	if (next - 1 < end)
		stress_violation(s->st, SV_ITS_COMMAND,
				 "%s returned with the ITS enabled, but command %llu has not run "
				 "(CWRITER writes up to command %llu returned)", when,
				 (unsigned long long)next, (unsigned long long)end);
}

static void expect_quiescent(struct istate *s, bool enabled, const char *when)
{
	unsigned long ctlr = vgic_mmio_read_its_ctlr(&s->its, GITS_CTLR, 4);
	if (!(ctlr & GITS_CTLR_QUIESCENT))
		stress_violation(s->st, SV_ITS_COMMAND, "GITS_CTLR.QUIESCENT reads 0 %s (ctlr=%#lx)",
				 when, ctlr);
	else if (enabled && !(ctlr & GITS_CTLR_ENABLE))
		stress_violation(s->st, SV_ITS_COMMAND, "GITS_CTLR.ENABLE reads 0 %s (ctlr=%#lx)",
				 when, ctlr);
	else if (enabled)
		expect_drained(s, "a GITS_CTLR read with QUIESCENT=1");
}

/* ---- guest synchronisation (the sleep/wake Dekker of kvm_main.c) ----------------------------- */

static void guest_signal(struct istate *s)
{
	(void)atomic_inc_return(&s->arrived); /* fully ordered: pairs with the acquire
					       * in guest_wait() */
	for (int i = 0; i < s->ntids; i++)
		if (native_thread_task(s->tids[i]) != current)
			wake_up_process(native_thread_task(s->tids[i]));
}

static bool guest_wait(struct istate *s, long target)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE); /* pairs with the signaller's RMW */
		if (atomic_read_acquire(&s->arrived) >= target || stress_stopping(s->st))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	return !stress_stopping(s->st);
}

/* ---- threads ------------------------------------------------------------------------------- */

static void its_writer(void *arg)
{
	struct iarg *a = arg;
	struct istate *s = a->s;
	int t = a->idx;
	uint64_t stall = 100 * stress_watchdog_ns(s->st);
	if (stall < 1000000000ULL)
		stall = 1000000000ULL;
	for (uint64_t r = 0; !stress_stopping(s->st); r++) {
		/* at most ROUNDS_AHEAD rounds in the ring before slots are reused */
		if (r >= ROUNDS_AHEAD &&
		    !stress_wait_u64(s->st, &s->next_seq, seq_of(s, r - ROUNDS_AHEAD + 1, 0, 0),
				     stall)) {
			if (!stress_stopping(s->st))
				stress_violation(s->st, SV_ITS_COMMAND,
						 "the command queue has not moved for %.1f s "
						 "(next command %llu)", (double)stall / 1e9,
						 (unsigned long long)g_load(&s->next_seq));
			return;
		}
		for (int i = 0; i < s->cmds; i++) {
			uint64_t seq = seq_of(s, r, t, i);
			WRITE_ONCE(s->ring[(seq - 1) % SLOTS], seq | (uint64_t)t << 32);
		}
		guest_signal(s); /* every writer's commands of this round are in */
		if (!guest_wait(s, (long)((r + 1) * (uint64_t)s->writers)))
			return;
		uint64_t end = seq_of(s, r + 1, 0, 0) - 1;
		uint32_t off = (uint32_t)(end % SLOTS) * ITS_CMD_SIZE;
		uint64_t epoch0 = g_load(&s->toggle_epoch), toggling0 = g_load(&s->toggling);
		uint64_t t0 = plat_now_ns();
		vgic_mmio_write_its_cwriter(&s->its, GITS_CWRITER, 8, off);
		stress_latency(s->st, plat_now_ns() - t0);
		stress_add_requests(s->st, (uint64_t)s->cmds);
		if (!toggling0 && g_load(&s->toggle_epoch) == epoch0) { /* enabled throughout */
			if (g_load(&s->next_seq) - 1 < end)
				stress_violation(s->st, SV_ITS_COMMAND,
						 "a CWRITER write returned with the ITS enabled, "
						 "but command %llu has not run (CWRITER covers up "
						 "to %llu)", (unsigned long long)g_load(&s->next_seq),
						 (unsigned long long)end);
			unsigned long creadr = vgic_mmio_read_its_creadr(&s->its, GITS_CREADR, 8);
			if (creadr != off && g_load(&s->toggle_epoch) == epoch0)
				stress_violation(s->st, SV_ITS_COMMAND,
						 "CREADR reads %#lx after a CWRITER write of %#x "
						 "returned with the ITS enabled", creadr, off);
		}
		g_max(&s->returned_end, end);
		if (t == 0)
			stress_add_rounds(s->st, 1);
		stress_delay(&s->rng[t], s->delay_ns);
	}
}

static void its_toggler(void *arg)
{
	struct iarg *a = arg;
	struct istate *s = a->s;
	while (!stress_stopping(s->st)) {
		stress_delay(&s->rng[WRITERS_MAX], 10 * s->delay_ns + 1000);
		g_store(&s->toggling, 1); /* before the disable's first access */
		g_inc(&s->toggle_epoch);
		vgic_mmio_write_its_ctlr(&s->its, GITS_CTLR, 4, 0);
		g_store(&s->disabled, 1); /* until the enable: no command may run */
		if (vgic_mmio_read_its_ctlr(&s->its, GITS_CTLR, 4) & GITS_CTLR_ENABLE)
			stress_violation(s->st, SV_ITS_COMMAND,
					 "GITS_CTLR.ENABLE reads 1 after a disable returned");
		stress_delay(&s->rng[WRITERS_MAX], s->delay_ns + 1000);
		g_store(&s->disabled, 0); /* before the enable's first access */
		vgic_mmio_write_its_ctlr(&s->its, GITS_CTLR, 4, GITS_CTLR_ENABLE);
		expect_drained(s, "a CTLR enable");
		g_store(&s->toggling, 0);
		/* only this thread disables: every lock holder now leaves it drained */
		expect_quiescent(s, true, "after the ITS was enabled");
	}
}

/* ---- monitor, stop, setup ---------------------------------------------------------------------- */

static void its_monitor(struct stress *st, void *state, uint64_t now)
{
	(void)st;
	(void)state;
	(void)now; /* every oracle is checked where it happens */
}

static void its_stop(struct stress *st, void *state)
{
	struct istate *s = state;
	(void)st;
	for (int i = 0; i < s->ntids; i++)
		wake_up_process(native_thread_task(s->tids[i]));
}

static void *its_setup(struct stress *st)
{
	struct istate *s = kzalloc(sizeof(*s));
	int T = stress_threads(st);
	s->st = st;
	s->cmds = (int)stress_param(st, P_CMDS);
	s->toggles = stress_param(st, P_TOGGLES) != 0;
	s->delay_ns = (uint64_t)stress_param(st, P_DELAY);
	s->writers = T - s->toggles < 1 ? 1 : T - s->toggles > WRITERS_MAX ? WRITERS_MAX
								      : T - s->toggles;
	s->next_seq = 1;
	/* the ITS as userspace restored it: one 4 KiB ring, tables valid, enabled */
	vgic_its_init(&s->its, &its_ops, s);
	s->its.cbaser = GITS_CBASER_VALID | RING_GPA;
	s->its.baser_device = GITS_BASER_VALID;
	s->its.baser_coll = GITS_BASER_VALID;
	s->its.enabled = true;
	for (int i = 0; i <= WRITERS_MAX; i++)
		s->rng[i] = stress_rng_seed(st, (unsigned)i);
	stress_set_roles(st, "writers:%d,toggler:%d", s->writers, s->toggles);
	int n = s->writers + s->toggles;
	for (int t = 0; t < n; t++) /* the task list is complete before anyone runs */
		s->tids[t] = native_thread_count() + t;
	s->ntids = n;
	for (int t = 0; t < s->writers; t++) {
		struct iarg *a = kzalloc(sizeof(*a));
		char name[24];
		a->s = s;
		a->idx = t;
		snprintf(name, sizeof(name), "vcpu%d", t);
		stress_spawn(st, name, t, its_writer, a);
	}
	if (s->toggles) {
		struct iarg *a = kzalloc(sizeof(*a));
		a->s = s;
		a->idx = WRITERS_MAX;
		stress_spawn(st, "toggler", 16, its_toggler, a);
	}
	return s;
}

#define P(nm, d, lo, hi, h) {nm, d, lo, hi, h}

static const struct stress_scenario its = {
	.name = "its",
	.summary = "vGIC ITS command queue: concurrent CWRITER writes and CTLR enable/disable",
	.roles = "writers T-1 (max 4; T with toggles=0), 1 toggler",
	.latency = "cwriter: GITS_CWRITER write call (drains the queue)",
	.params = {P("cmds", 1, 1, 2, "commands per writer per round"),
		   P("toggles", 1, 0, 1, "1: a thread disables/enables the ITS while commands "
		     "are in flight"),
		   P("delay_ns", 2000, 0, 100000000, "max random delay between rounds")},
	.nparams = 3,
	.bugs = {BUG_ITS_LOCK_DROPPING, BUG_ITS_OUTSIDE_LOCK, -1},
	.setup = its_setup,
	.monitor = its_monitor,
	.stop = its_stop,
};

const struct stress_scenario *stress_its_scenario(void) { return &its; }
