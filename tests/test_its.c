/*
 * tests/test_its.c: single-thread behaviour of the vGIC ITS command queue
 * (core/vgic_its.c), run on one simulated thread (every primitive still goes
 * through the machine), under every model, for the correct core and each of
 * its bug variants (which differ only under concurrency): register layout
 * and byte lanes, CBASER only while disabled and its reset of the queue,
 * commands queued while disabled and run on enable (in order), the enable
 * refusal, CWRITER beyond the buffer ignored and offsets masked, QUIESCENT,
 * wrap-around at the buffer end, unreadable commands skipped, the LPI cache
 * invalidation on disable, and the userspace CREADR write.
 */
#include <stdio.h>
#include <string.h>

#include "scenarios.h"
#include "strategy.h"
#include "unit_driver.h"
#include "vgic_its.h"

#define RING0 0x10000ULL /* 128 backed slots: one whole 4 KiB buffer */
#define RING1 0x40000ULL /* 4 backed slots in a 4 KiB buffer */
#define LOG_MAX 256

struct tstate {
	struct vgic_its its;
	uint64_t ring0[128];
	uint64_t ring1[4];
	long log[LOG_MAX];
	int nlog;
	int fails;
	char why[1024];
};

static void fail(struct tstate *s, int line, const char *what)
{
	size_t n = strlen(s->why);
	s->fails++;
	snprintf(s->why + n, sizeof(s->why) - n, "line %d: %s; ", line, what);
}
#define EXPECT(s, c) do { if (!(c)) fail((s), __LINE__, #c); } while (0)

static int t_read_guest(struct vgic_its *its, gpa_t gpa, uint64_t *buf, unsigned int len)
{
	struct tstate *s = its->ctx;
	memset(buf, 0, len);
	if (gpa >= RING0 && gpa < RING0 + sizeof(s->ring0) / 8 * ITS_CMD_SIZE) {
		buf[0] = READ_ONCE(s->ring0[(gpa - RING0) / ITS_CMD_SIZE]);
		return 0;
	}
	if (gpa >= RING1 && gpa < RING1 + sizeof(s->ring1) / 8 * ITS_CMD_SIZE) {
		buf[0] = READ_ONCE(s->ring1[(gpa - RING1) / ITS_CMD_SIZE]);
		return 0;
	}
	return -EFAULT;
}

static void t_handle(struct vgic_its *its, const uint64_t *cmd)
{
	struct tstate *s = its->ctx;
	if (s->nlog < LOG_MAX)
		s->log[s->nlog++] = (long)cmd[0];
}

static const struct vgic_its_ops t_ops = {.read_guest = t_read_guest,
					  .handle_command = t_handle};

/* The log holds exactly first..first+n-1, in order. */
static bool log_is(struct tstate *s, long first, int n)
{
	if (s->nlog != n)
		return false;
	for (int i = 0; i < n; i++)
		if (s->log[i] != first + i)
			return false;
	return true;
}

static unsigned long ctlr(struct tstate *s)
{
	return vgic_mmio_read_its_ctlr(&s->its, GITS_CTLR, 4);
}
static unsigned long creadr(struct tstate *s)
{
	return vgic_mmio_read_its_creadr(&s->its, GITS_CREADR, 8);
}
static unsigned long cwriter(struct tstate *s)
{
	return vgic_mmio_read_its_cwriter(&s->its, GITS_CWRITER, 8);
}
static void write_cwriter(struct tstate *s, unsigned long v)
{
	vgic_mmio_write_its_cwriter(&s->its, GITS_CWRITER, 8, v);
}

static void its_main(void *arg)
{
	struct tstate *s = arg;
	struct vgic_its *its = &s->its;

	/* no ITS: ignored, reads 0 */
	vgic_mmio_write_its_cwriter(NULL, GITS_CWRITER, 8, 0x20);
	EXPECT(s, vgic_mmio_read_its_ctlr(NULL, GITS_CTLR, 4) == 0);

	/* CBASER while disabled: sanitised, both halves readable, queue at 0 */
	vgic_mmio_write_its_cbaser(its, GITS_CBASER, 8,
				   GITS_CBASER_VALID | RING0 | (7ULL << 59) | 0x300);
	EXPECT(s, vgic_mmio_read_its_cbaser(its, GITS_CBASER, 8) == (GITS_CBASER_VALID | RING0));
	EXPECT(s, vgic_mmio_read_its_cbaser(its, GITS_CBASER + 4, 4) == (GITS_CBASER_VALID >> 32));
	EXPECT(s, vgic_mmio_read_its_cbaser(its, GITS_CBASER, 4) == RING0);
	EXPECT(s, creadr(s) == 0 && cwriter(s) == 0);
	EXPECT(s, ctlr(s) == GITS_CTLR_QUIESCENT);

	/* enable refused while the device/collection tables are invalid */
	vgic_mmio_write_its_ctlr(its, GITS_CTLR, 4, GITS_CTLR_ENABLE);
	EXPECT(s, ctlr(s) == GITS_CTLR_QUIESCENT);
	its->baser_device = GITS_BASER_VALID;
	its->baser_coll = GITS_BASER_VALID;

	/* commands queued while disabled wait; QUIESCENT reads 0 */
	for (int i = 0; i < 3; i++)
		WRITE_ONCE(s->ring0[i], (uint64_t)(i + 1));
	write_cwriter(s, 2 * ITS_CMD_SIZE);
	EXPECT(s, s->nlog == 0);
	EXPECT(s, cwriter(s) == 2 * ITS_CMD_SIZE && creadr(s) == 0);
	EXPECT(s, ctlr(s) == 0);
	/* a 4-byte write to the low half merges with the register */
	vgic_mmio_write_its_cwriter(its, GITS_CWRITER, 4, 3 * ITS_CMD_SIZE);
	EXPECT(s, cwriter(s) == 3 * ITS_CMD_SIZE);
	EXPECT(s, vgic_mmio_read_its_cwriter(its, GITS_CWRITER + 4, 4) == 0);

	/* enable drains them in ring order */
	vgic_mmio_write_its_ctlr(its, GITS_CTLR, 4, GITS_CTLR_ENABLE);
	EXPECT(s, log_is(s, 1, 3));
	EXPECT(s, creadr(s) == 3 * ITS_CMD_SIZE);
	EXPECT(s, ctlr(s) == (GITS_CTLR_ENABLE | GITS_CTLR_QUIESCENT));

	/* CBASER is read-only while enabled */
	vgic_mmio_write_its_cbaser(its, GITS_CBASER, 8, GITS_CBASER_VALID | RING1);
	EXPECT(s, vgic_mmio_read_its_cbaser(its, GITS_CBASER, 8) == (GITS_CBASER_VALID | RING0));
	EXPECT(s, creadr(s) == 3 * ITS_CMD_SIZE);

	/* CWRITER beyond the buffer is ignored; low bits are masked off */
	write_cwriter(s, 4096);
	EXPECT(s, cwriter(s) == 3 * ITS_CMD_SIZE);
	WRITE_ONCE(s->ring0[3], 4);
	write_cwriter(s, 4 * ITS_CMD_SIZE + 0x1f);
	EXPECT(s, cwriter(s) == 4 * ITS_CMD_SIZE && creadr(s) == 4 * ITS_CMD_SIZE);
	EXPECT(s, log_is(s, 1, 4));
	write_cwriter(s, 4 * ITS_CMD_SIZE); /* the same value again: nothing runs */
	EXPECT(s, log_is(s, 1, 4));

	/* wrap-around: 130 more commands, one CWRITER write each */
	for (int i = 4; i < 134; i++) {
		WRITE_ONCE(s->ring0[i % 128], (uint64_t)(i + 1));
		write_cwriter(s, (unsigned long)((i + 1) % 128) * ITS_CMD_SIZE);
	}
	EXPECT(s, log_is(s, 1, 134));
	EXPECT(s, creadr(s) == 6 * ITS_CMD_SIZE && cwriter(s) == 6 * ITS_CMD_SIZE);

	/* userspace CREADR: -EBUSY while enabled */
	EXPECT(s, vgic_mmio_uaccess_write_its_creadr(its, GITS_CREADR, 8, 0) == -EBUSY);

	/* disable: invalidates the translation cache, keeps the queue */
	vgic_mmio_write_its_ctlr(its, GITS_CTLR, 4, 0);
	EXPECT(s, its->stat_cache_invalidations == 1);
	EXPECT(s, ctlr(s) == GITS_CTLR_QUIESCENT);
	EXPECT(s, vgic_mmio_uaccess_write_its_creadr(its, GITS_CREADR, 8, 0x21) == -EINVAL);
	EXPECT(s, vgic_mmio_uaccess_write_its_creadr(its, GITS_CREADR, 8, 4096) == -EINVAL);
	EXPECT(s, vgic_mmio_uaccess_write_its_creadr(its, GITS_CREADR, 8, 0x40) == 0);
	EXPECT(s, creadr(s) == 0x40);

	/* CBASER rewrite: new base, CREADR = CWRITER = 0, pending work gone */
	WRITE_ONCE(s->ring0[6], 999);
	write_cwriter(s, 7 * ITS_CMD_SIZE);
	vgic_mmio_write_its_cbaser(its, GITS_CBASER, 8, GITS_CBASER_VALID | RING1);
	EXPECT(s, creadr(s) == 0 && cwriter(s) == 0);
	EXPECT(s, ctlr(s) == GITS_CTLR_QUIESCENT);

	/* only 4 slots of this buffer are backed: unreadable commands are
	 * skipped, CREADR still advances past them */
	for (int i = 0; i < 4; i++)
		WRITE_ONCE(s->ring1[i], (uint64_t)(1001 + i));
	vgic_mmio_write_its_ctlr(its, GITS_CTLR, 4, GITS_CTLR_ENABLE);
	EXPECT(s, log_is(s, 1, 134)); /* 999 was discarded by the reset */
	write_cwriter(s, 6 * ITS_CMD_SIZE);
	EXPECT(s, creadr(s) == 6 * ITS_CMD_SIZE);
	EXPECT(s, s->nlog == 138 && s->log[134] == 1001 && s->log[137] == 1004);
	EXPECT(s, ctlr(s) == (GITS_CTLR_ENABLE | GITS_CTLR_QUIESCENT));
}

static void its_setup(struct sim *sim, void *state)
{
	struct tstate *s = state;
	vgic_its_init(&s->its, &t_ops, s);
	sim_spawn(sim, "test", 0, its_main, s);
}

static void its_end(struct sim *sim, void *state)
{
	struct tstate *s = state;
	if (s->fails)
		sim_report(sim, V_ASSERT, NULL, "%s", s->why);
	else if (!sim_thread_done(sim, 0))
		sim_report(sim, V_ASSERT, NULL, "the test thread did not finish");
}

static const struct scenario sc_its = {
	.name = "t-its", .summary = "ITS unit checks", .bugs = {-1},
	.state_size = sizeof(struct tstate), .setup = its_setup, .check_end = its_end,
};

int main(void)
{
	static const int variants[] = {-1, BUG_ITS_LOCK_DROPPING, BUG_ITS_OUTSIDE_LOCK};
	return unit_drive(&sc_its, variants, 3, 20, false, false) ? 1 : 0;
}
