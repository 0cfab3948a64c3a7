/*
 * core/vgic_its.h: the arm64 vGIC ITS command queue (spec section 7,
 * arch/arm64/kvm/vgic/vgic-its.c): the GITS_CTLR, GITS_CBASER, GITS_CWRITER
 * and GITS_CREADR registers and the command processing behind them.
 *
 * Contract:
 *  1. The ITS is standalone: it knows no vCPU, request or guest mode.  Its
 *     MMIO handlers are called from any thread (a vCPU taking a data abort
 *     on the ITS frame); what a command does and how guest memory is read
 *     come in through struct vgic_its_ops.
 *  2. creadr and cwriter are byte offsets into the command buffer, always
 *     multiples of ITS_CMD_SIZE and below ITS_CMD_BUFFER_SIZE(cbaser).
 *     Only holders of cmd_lock change creadr, cwriter, cbaser and enabled;
 *     the lockless readers (CREADR, CWRITER, CBASER reads, the CBASER
 *     enabled check) use READ_ONCE, so every store to them is a WRITE_ONCE.
 *  3. A CWRITER or CTLR write that returns with the ITS enabled has drained
 *     the queue: creadr == cwriter, and every command up to cwriter has
 *     been handed to ops->handle_command exactly once, in ring order, by a
 *     thread holding cmd_lock.
 *  4. ops->handle_command runs with cmd_lock held (and must not take it);
 *     in the kernel it takes its_lock, which comes after cmd_lock in the
 *     lock order.  The ITS tables it acts on are the caller's business.
 *  5. The bug variants BUG_ITS_LOCK_DROPPING (the first-writer-drains scheme
 *     of seeds/001_45884171c682ec4b.txt) and BUG_ITS_OUTSIDE_LOCK break 3.
 *
 * Deviations from the kernel, all deliberate:
 *  - the MMIO handlers take the ITS, not (kvm, its); register offsets are
 *    relative to the ITS frame, as in the kernel's region table;
 *  - CBASER keeps only Valid, the physical address and Size (the
 *    cacheability and shareability fields are not modelled);
 *  - GITS_BASER<n> are reduced to two words whose Valid bit CTLR checks;
 *  - the LPI translation cache is a counter of invalidations.
 */
#ifndef REQSIM_VGIC_ITS_H
#define REQSIM_VGIC_ITS_H
#include "kvm_host.h"

typedef uint64_t gpa_t;

#ifndef EFAULT
#define EFAULT 14
#endif
#ifndef EBUSY
#define EBUSY 16
#endif
#ifndef EINVAL
#define EINVAL 22
#endif

#define GENMASK_ULL(h, l) ((~0ULL >> (63 - (h))) & (~0ULL << (l)))

/* Register offsets in the ITS control frame. */
#define GITS_CTLR 0x0000
#define GITS_CBASER 0x0080
#define GITS_CWRITER 0x0088
#define GITS_CREADR 0x0090

#define GITS_CTLR_ENABLE (1U << 0)
#define GITS_CTLR_QUIESCENT (1U << 31)

#define GITS_CBASER_VALID (1ULL << 63)
#define GITS_BASER_VALID (1ULL << 63)
#define GITS_CBASER_ADDRESS(cbaser) ((cbaser) & GENMASK_ULL(51, 12))
#define GITS_CBASER_SIZE_MASK 0xffULL
/* What a CBASER write keeps (see the deviations above). */
#define GITS_CBASER_MODELLED (GITS_CBASER_VALID | GENMASK_ULL(51, 12) | GITS_CBASER_SIZE_MASK)

#define ITS_CMD_SIZE 32
/* Size field + 1 pages of 4 KiB: 128 commands per page. */
#define ITS_CMD_BUFFER_SIZE(cbaser) ((((cbaser) & GITS_CBASER_SIZE_MASK) + 1) << 12)
/* CWRITER/CREADR: offset bits 19:5 (32-byte aligned, below 1 MiB). */
#define ITS_CMD_OFFSET(reg) ((reg) & GENMASK_ULL(19, 5))

struct vgic_its;

/* What the owner of the ITS plugs in. */
struct vgic_its_ops {
	/* kvm_read_guest_lock: copy len bytes of guest memory at gpa into
	 * buf; 0 on success, -EFAULT if gpa is not backed. */
	int (*read_guest)(struct vgic_its *its, gpa_t gpa, uint64_t *buf,
			  unsigned int len);
	/* vgic_its_handle_command: execute one 32-byte command (cmd_lock held). */
	void (*handle_command)(struct vgic_its *its, const uint64_t *cmd);
};

struct vgic_its {
	struct mutex cmd_lock; /* serialises the command queue registers */
	uint64_t cbaser;       /* GITS_CBASER (sanitised) */
	uint32_t creadr;       /* GITS_CREADR offset: next command to run */
	uint32_t cwriter;      /* GITS_CWRITER offset: end of the guest's commands */
	bool enabled;          /* GITS_CTLR.Enabled */
	/* GITS_BASER<n> for the device and collection tables: set before any
	 * vCPU runs (userspace restore), constant afterwards. */
	uint64_t baser_device;
	uint64_t baser_coll;
	int stat_cache_invalidations; /* LPI translation cache flushes (cmd_lock) */
	const struct vgic_its_ops *ops;
	void *ctx;             /* the owner's state, for ops */
};

/* vgic_its_create: everything zero (disabled, no command buffer). Not a
 * decision point: call it before the threads that use the ITS run. */
void vgic_its_init(struct vgic_its *its, const struct vgic_its_ops *ops, void *ctx);

/*
 * The MMIO handlers.  addr is the register offset in the ITS frame (its
 * low 3 bits select the byte lane of a 64-bit register), len the access
 * width in bytes (4 or 8), val the value written.  A NULL its is ignored
 * (no ITS) and reads as 0.
 */
unsigned long vgic_mmio_read_its_ctlr(struct vgic_its *its, gpa_t addr, unsigned int len);
void vgic_mmio_write_its_ctlr(struct vgic_its *its, gpa_t addr, unsigned int len,
			      unsigned long val);
unsigned long vgic_mmio_read_its_cbaser(struct vgic_its *its, gpa_t addr, unsigned int len);
void vgic_mmio_write_its_cbaser(struct vgic_its *its, gpa_t addr, unsigned int len,
				unsigned long val);
unsigned long vgic_mmio_read_its_cwriter(struct vgic_its *its, gpa_t addr, unsigned int len);
void vgic_mmio_write_its_cwriter(struct vgic_its *its, gpa_t addr, unsigned int len,
				 unsigned long val);
unsigned long vgic_mmio_read_its_creadr(struct vgic_its *its, gpa_t addr, unsigned int len);
/* Userspace restore of CREADR (read-only for the guest): 0, -EBUSY while
 * the ITS is enabled, -EINVAL for an offset outside the buffer. */
int vgic_mmio_uaccess_write_its_creadr(struct vgic_its *its, gpa_t addr, unsigned int len,
				       unsigned long val);

#endif
