/*
 * core/vgic_its.c: the vGIC ITS command queue, spec section 7.  A guest
 * writes 32-byte commands into a ring in its memory (GITS_CBASER) and
 * announces them by writing the end offset to GITS_CWRITER; KVM executes
 * them synchronously, inside that MMIO write, and advances GITS_CREADR.
 *
 * Two vCPUs writing CWRITER at once are totally ordered by cmd_lock, a
 * sleeping mutex held across "update cwriter and drain to it":
 *
 *   vCPU0 (CWRITER = 0x40)                 vCPU1 (CWRITER = 0x40)
 *   ----------------------                 ----------------------
 *   mutex_lock(cmd_lock)
 *   cwriter = 0x40                         mutex_lock(cmd_lock)  ... blocks
 *   run 0x00, creadr = 0x20
 *   run 0x20, creadr = 0x40
 *   mutex_unlock(cmd_lock)                 ... gets it
 *   return: creadr == cwriter              cwriter = 0x40, nothing to run
 *                                          mutex_unlock; return: creadr == cwriter
 *
 * The scheme proposed in seeds/001 (BUG_ITS_LOCK_DROPPING) lets the first
 * writer drain with the lock dropped around each command and sends later
 * writers straight back to the guest:
 *
 *   vCPU0 (first writer)                   vCPU1 / CTLR writer
 *   --------------------                   -------------------
 *   lock; creadr == cwriter: "I drain"
 *   cwriter = 0x40; unlock
 *   run 0x00 (lock dropped)                lock; creadr != cwriter: "someone
 *                                            drains"; cwriter = 0x40; unlock
 *                                          return to the guest: creadr (0x00)
 *                                            != cwriter, commands not run
 *                                          CTLR: disable, enable: lock; run
 *                                            from creadr = 0x00: runs 0x00
 *                                            a second time, creadr = 0x40
 *   lock; creadr += 0x20 (now 0x60):
 *     != cwriter, go on past the end of the guest's commands
 *
 * Invariants:
 *  1. creadr, cwriter, cbaser and enabled change only under cmd_lock, by
 *     WRITE_ONCE (there are lockless readers: CREADR/CWRITER/CBASER reads
 *     and the enabled check of a CBASER write).  The simulator also needs
 *     READ_ONCE for the accesses made under the lock, where the kernel
 *     uses plain ones: every shared access is a decision point.
 *  2. Commands are executed only with cmd_lock held and the ITS enabled,
 *     from creadr up to cwriter, wrapping at the buffer size; a command
 *     whose guest memory cannot be read is skipped (GICv3 allows it).
 *  3. Whoever releases cmd_lock with the ITS enabled leaves creadr ==
 *     cwriter; with the ITS disabled cwriter may run ahead until enable.
 *  4. BUG_ITS_LOCK_DROPPING and BUG_ITS_OUTSIDE_LOCK each change
 *     vgic_mmio_write_its_cwriter() at one place.
 */
#include "vgic_its.h"

/* ---- register helpers (vgic-mmio.h) ------------------------------------------------ */

/* The bytes [offset, offset + len) of a 64-bit register value. */
static unsigned long extract_bytes(uint64_t data, unsigned int offset, unsigned int len)
{
	data >>= (offset & 7) * 8;
	return (unsigned long)(data & GENMASK_ULL(len * 8 - 1, 0));
}

/* Merge a 4- or 8-byte write at offset (addr & 7) into a 64-bit register. */
static uint64_t update_64bit_reg(uint64_t reg, unsigned int offset, unsigned int len,
				 unsigned long val)
{
	unsigned int lower = (offset & 4) * 8;
	uint64_t mask = GENMASK_ULL(lower + len * 8 - 1, lower);
	return (reg & ~mask) | (((uint64_t)val << lower) & mask);
}

void vgic_its_init(struct vgic_its *its, const struct vgic_its_ops *ops, void *ctx)
{
	mutex_init(&its->cmd_lock);
	its->cbaser = 0;
	its->creadr = 0;
	its->cwriter = 0;
	its->enabled = false;
	its->baser_device = 0;
	its->baser_coll = 0;
	its->stat_cache_invalidations = 0;
	its->ops = ops;
	its->ctx = ctx;
}

/* ---- command processing ------------------------------------------------------------ */

/* Read the command at gpa from guest memory and execute it; a failed read
 * skips the command. */
static void vgic_its_handle_one(struct vgic_its *its, gpa_t gpa)
{
	uint64_t cmd[ITS_CMD_SIZE / 8] = {0};
	if (its->ops->read_guest(its, gpa, cmd, ITS_CMD_SIZE))
		return;
	its->ops->handle_command(its, cmd);
}

/* The offset after off, wrapping at the end of the buffer. */
static uint32_t its_cmd_next(uint64_t cbaser, uint32_t off)
{
	off += ITS_CMD_SIZE;
	return off >= ITS_CMD_BUFFER_SIZE(cbaser) ? 0 : off;
}

/* vgic_its_process_commands: drain from creadr to cwriter.  Requires
 * cmd_lock (BUG_ITS_OUTSIDE_LOCK calls it without). */
static void vgic_its_process_commands(struct vgic_its *its)
{
	uint32_t creadr;
	if (!READ_ONCE(its->enabled))
		return; /* commands are only processed while the ITS is enabled */
	uint64_t cbaser = READ_ONCE(its->cbaser);
	gpa_t base = GITS_CBASER_ADDRESS(cbaser);
	while ((creadr = READ_ONCE(its->creadr)) != READ_ONCE(its->cwriter)) {
		vgic_its_handle_one(its, base + creadr);
		WRITE_ONCE(its->creadr, its_cmd_next(cbaser, creadr));
	}
}

/*
 * BUG_ITS_LOCK_DROPPING: the CWRITER handler proposed in seeds/001, with
 * the spec's "only while enabled" rule added at each step.  Called with
 * cmd_lock held and the new cwriter offset not yet stored; returns with
 * cmd_lock released.  A queue that is not empty before the update is taken
 * to mean that another vCPU is draining it.
 */
static void its_cwriter_first_writer_drains(struct vgic_its *its, uint32_t reg)
{
	uint32_t creadr = READ_ONCE(its->creadr);
	uint64_t cbaser = READ_ONCE(its->cbaser);
	bool finished = creadr != READ_ONCE(its->cwriter) || !READ_ONCE(its->enabled) ||
			creadr == reg;
	WRITE_ONCE(its->cwriter, reg);
	mutex_unlock(&its->cmd_lock);
	while (!finished) {
		vgic_its_handle_one(its, GITS_CBASER_ADDRESS(cbaser) + creadr);
		mutex_lock(&its->cmd_lock);
		cbaser = READ_ONCE(its->cbaser);
		creadr = its_cmd_next(cbaser, READ_ONCE(its->creadr)); /* "creadr += 32" */
		WRITE_ONCE(its->creadr, creadr);
		finished = creadr == READ_ONCE(its->cwriter) || !READ_ONCE(its->enabled);
		mutex_unlock(&its->cmd_lock);
	}
}

/* ---- GITS_CWRITER / GITS_CREADR ---------------------------------------------------- */

void vgic_mmio_write_its_cwriter(struct vgic_its *its, gpa_t addr, unsigned int len,
				 unsigned long val)
{
	uint64_t reg;
	if (!its)
		return;
	mutex_lock(&its->cmd_lock);
	reg = update_64bit_reg(READ_ONCE(its->cwriter), (unsigned int)addr & 7, len, val);
	reg = ITS_CMD_OFFSET(reg);
	if (reg >= ITS_CMD_BUFFER_SIZE(READ_ONCE(its->cbaser))) {
		mutex_unlock(&its->cmd_lock); /* beyond the buffer: ignored */
		return;
	}
	if (reqsim_bug(BUG_ITS_LOCK_DROPPING)) {
		its_cwriter_first_writer_drains(its, (uint32_t)reg);
		return;
	}
	WRITE_ONCE(its->cwriter, (uint32_t)reg);
	if (reqsim_bug(BUG_ITS_OUTSIDE_LOCK)) {
		mutex_unlock(&its->cmd_lock);
		vgic_its_process_commands(its); /* two writers drain at once */
		return;
	}
	vgic_its_process_commands(its);
	mutex_unlock(&its->cmd_lock);
}

unsigned long vgic_mmio_read_its_cwriter(struct vgic_its *its, gpa_t addr, unsigned int len)
{
	if (!its)
		return 0;
	return extract_bytes(READ_ONCE(its->cwriter), (unsigned int)addr & 7, len);
}

unsigned long vgic_mmio_read_its_creadr(struct vgic_its *its, gpa_t addr, unsigned int len)
{
	if (!its)
		return 0;
	return extract_bytes(READ_ONCE(its->creadr), (unsigned int)addr & 7, len);
}

int vgic_mmio_uaccess_write_its_creadr(struct vgic_its *its, gpa_t addr, unsigned int len,
				       unsigned long val)
{
	int ret = 0;
	uint64_t reg;
	if (!its)
		return -EINVAL;
	mutex_lock(&its->cmd_lock);
	if (READ_ONCE(its->enabled)) {
		ret = -EBUSY;
		goto out;
	}
	reg = update_64bit_reg(READ_ONCE(its->creadr), (unsigned int)addr & 7, len, val);
	if (reg != ITS_CMD_OFFSET(reg) ||
	    reg >= ITS_CMD_BUFFER_SIZE(READ_ONCE(its->cbaser))) {
		ret = -EINVAL;
		goto out;
	}
	WRITE_ONCE(its->creadr, (uint32_t)reg);
out:
	mutex_unlock(&its->cmd_lock);
	return ret;
}

/* ---- GITS_CBASER --------------------------------------------------------------------- */

unsigned long vgic_mmio_read_its_cbaser(struct vgic_its *its, gpa_t addr, unsigned int len)
{
	if (!its)
		return 0;
	return extract_bytes(READ_ONCE(its->cbaser), (unsigned int)addr & 7, len);
}

void vgic_mmio_write_its_cbaser(struct vgic_its *its, gpa_t addr, unsigned int len,
				unsigned long val)
{
	uint64_t reg;
	if (!its)
		return;
	/* An enabled ITS ignores CBASER writes.  The test is lockless (spec
	 * 7): a guest that disables the ITS from another vCPU at the same
	 * time gets either outcome. */
	if (READ_ONCE(its->enabled))
		return;
	mutex_lock(&its->cmd_lock);
	reg = update_64bit_reg(READ_ONCE(its->cbaser), (unsigned int)addr & 7, len, val);
	WRITE_ONCE(its->cbaser, reg & GITS_CBASER_MODELLED);
	/* The queue restarts at the new base: nothing pending survives. */
	WRITE_ONCE(its->creadr, 0);
	WRITE_ONCE(its->cwriter, 0);
	mutex_unlock(&its->cmd_lock);
}

/* ---- GITS_CTLR ------------------------------------------------------------------------- */

unsigned long vgic_mmio_read_its_ctlr(struct vgic_its *its, gpa_t addr, unsigned int len)
{
	uint32_t reg = 0;
	(void)addr;
	(void)len;
	if (!its)
		return 0;
	mutex_lock(&its->cmd_lock);
	if (READ_ONCE(its->creadr) == READ_ONCE(its->cwriter))
		reg |= GITS_CTLR_QUIESCENT;
	if (READ_ONCE(its->enabled))
		reg |= GITS_CTLR_ENABLE;
	mutex_unlock(&its->cmd_lock);
	return reg;
}

void vgic_mmio_write_its_ctlr(struct vgic_its *its, gpa_t addr, unsigned int len,
			      unsigned long val)
{
	bool enable = (val & GITS_CTLR_ENABLE) != 0;
	(void)addr;
	(void)len;
	if (!its)
		return;
	mutex_lock(&its->cmd_lock);
	/* Enabling with an invalid command queue or device/collection table
	 * is UNPREDICTABLE: refuse it. */
	if (!READ_ONCE(its->enabled) && enable &&
	    (!(its->baser_device & GITS_BASER_VALID) ||
	     !(its->baser_coll & GITS_BASER_VALID) ||
	     !(READ_ONCE(its->cbaser) & GITS_CBASER_VALID)))
		goto out;
	WRITE_ONCE(its->enabled, enable);
	if (!enable)
		its->stat_cache_invalidations++; /* vgic_its_invalidate_cache() */
	/* Run whatever was queued while the ITS was disabled. */
	vgic_its_process_commands(its);
out:
	mutex_unlock(&its->cmd_lock);
}
