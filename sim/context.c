/*
 * sim/context.c: coroutine stacks and the context switch.
 *
 * Two implementations, selectable per simulation (the build option
 * REQSIM_DEFAULT_SWITCH picks the default):
 *   asm       a hand-written switch that saves only the callee-saved
 *             registers (x86-64: rbx rbp r12-r15; aarch64: x19-x30, d8-d15)
 *             and swaps stack pointers; about a dozen nanoseconds each way;
 *   ucontext  getcontext/makecontext/swapcontext; portable, but every switch
 *             saves the signal mask with a system call.
 *
 * Invariants:
 *  1. Each stack has a PROT_NONE guard page below it: an overflow faults
 *     instead of corrupting a neighbour.
 *  2. Under ASan and TSan every switch is announced (fiber annotations), and
 *     a stack that is reused for a new coroutine is unpoisoned first.
 *  3. A coroutine never returns into the switch: its entry function ends by
 *     switching away for good (ctx_switch(..., leaving_forever = true)).
 */
#define _GNU_SOURCE
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "sim_internal.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define REQSIM_ASAN 1
#endif
#if __has_feature(thread_sanitizer)
#define REQSIM_TSAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define REQSIM_ASAN 1
#endif
#if defined(__SANITIZE_THREAD__)
#define REQSIM_TSAN 1
#endif

#ifdef REQSIM_ASAN
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#endif
#ifdef REQSIM_TSAN
#include <sanitizer/tsan_interface.h>
#endif

/* ---- the hand-written switch ---------------------------------------------- */

/* void reqsim_ctx_swap(void **save_sp, void *load_sp); */
void reqsim_ctx_swap(void **save_sp, void *load_sp);
void reqsim_ctx_trampoline(void);

#if defined(__x86_64__)
#define REQSIM_HAVE_ASM 1
__asm__(".text\n"
	".globl reqsim_ctx_swap\n"
	".type reqsim_ctx_swap,@function\n"
	"reqsim_ctx_swap:\n"
	"	pushq %rbp\n"
	"	pushq %rbx\n"
	"	pushq %r12\n"
	"	pushq %r13\n"
	"	pushq %r14\n"
	"	pushq %r15\n"
	"	movq %rsp, (%rdi)\n"
	"	movq %rsi, %rsp\n"
	"	popq %r15\n"
	"	popq %r14\n"
	"	popq %r13\n"
	"	popq %r12\n"
	"	popq %rbx\n"
	"	popq %rbp\n"
	"	ret\n"
	".size reqsim_ctx_swap, .-reqsim_ctx_swap\n"
	/* entered by the ret above: r12 = arg, r13 = fn */
	".globl reqsim_ctx_trampoline\n"
	".type reqsim_ctx_trampoline,@function\n"
	"reqsim_ctx_trampoline:\n"
	"	movq %r12, %rdi\n"
	"	callq *%r13\n"
	"	ud2\n"
	".size reqsim_ctx_trampoline, .-reqsim_ctx_trampoline\n"
	".section .note.GNU-stack,\"\",@progbits\n"
	".text\n");

static void *asm_initial_sp(void *stack_hi, void (*fn)(void *), void *arg)
{
	/* After the swap pops six registers and returns into the trampoline,
	 * rsp is 16-byte aligned; its call then leaves fn with rsp = 8 mod 16,
	 * as the ABI wants at function entry. */
	uintptr_t *sp = (uintptr_t *)((uintptr_t)stack_hi & ~(uintptr_t)15);
	*--sp = (uintptr_t)reqsim_ctx_trampoline; /* return address */
	*--sp = 0;                                /* rbp */
	*--sp = 0;                                /* rbx */
	*--sp = (uintptr_t)arg;                   /* r12 */
	*--sp = (uintptr_t)fn;                    /* r13 */
	*--sp = 0;                                /* r14 */
	*--sp = 0;                                /* r15 */
	return sp;
}
#elif defined(__aarch64__)
#define REQSIM_HAVE_ASM 1
__asm__(".text\n"
	".globl reqsim_ctx_swap\n"
	".type reqsim_ctx_swap,%function\n"
	"reqsim_ctx_swap:\n"
	"	sub sp, sp, #160\n"
	"	stp x19, x20, [sp, #0]\n"
	"	stp x21, x22, [sp, #16]\n"
	"	stp x23, x24, [sp, #32]\n"
	"	stp x25, x26, [sp, #48]\n"
	"	stp x27, x28, [sp, #64]\n"
	"	stp x29, x30, [sp, #80]\n"
	"	stp d8, d9, [sp, #96]\n"
	"	stp d10, d11, [sp, #112]\n"
	"	stp d12, d13, [sp, #128]\n"
	"	stp d14, d15, [sp, #144]\n"
	"	mov x2, sp\n"
	"	str x2, [x0]\n"
	"	mov sp, x1\n"
	"	ldp x19, x20, [sp, #0]\n"
	"	ldp x21, x22, [sp, #16]\n"
	"	ldp x23, x24, [sp, #32]\n"
	"	ldp x25, x26, [sp, #48]\n"
	"	ldp x27, x28, [sp, #64]\n"
	"	ldp x29, x30, [sp, #80]\n"
	"	ldp d8, d9, [sp, #96]\n"
	"	ldp d10, d11, [sp, #112]\n"
	"	ldp d12, d13, [sp, #128]\n"
	"	ldp d14, d15, [sp, #144]\n"
	"	add sp, sp, #160\n"
	"	ret\n"
	".size reqsim_ctx_swap, .-reqsim_ctx_swap\n"
	/* entered by the ret above: x19 = arg, x20 = fn */
	".globl reqsim_ctx_trampoline\n"
	".type reqsim_ctx_trampoline,%function\n"
	"reqsim_ctx_trampoline:\n"
	"	mov x0, x19\n"
	"	blr x20\n"
	"	brk #0\n"
	".size reqsim_ctx_trampoline, .-reqsim_ctx_trampoline\n"
	".section .note.GNU-stack,\"\",%progbits\n"
	".text\n");

static void *asm_initial_sp(void *stack_hi, void (*fn)(void *), void *arg)
{
	uintptr_t *sp = (uintptr_t *)((uintptr_t)stack_hi & ~(uintptr_t)15);
	sp -= 20; /* the 160-byte frame reqsim_ctx_swap pops */
	for (int i = 0; i < 20; i++)
		sp[i] = 0;
	sp[0] = (uintptr_t)arg;                   /* x19 */
	sp[1] = (uintptr_t)fn;                    /* x20 */
	sp[11] = (uintptr_t)reqsim_ctx_trampoline; /* x30 */
	return sp;
}
#endif

bool sim_switch_available(int s)
{
#ifdef REQSIM_HAVE_ASM
	return s == SWITCH_ASM || s == SWITCH_UCONTEXT;
#else
	return s == SWITCH_UCONTEXT;
#endif
}

/* ---- stacks ----------------------------------------------------------------- */

void ctx_stack_alloc(struct sim_stack *s, size_t size)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size = (size + page - 1) & ~(page - 1);
	s->map_size = size + page;
	s->map = mmap(NULL, s->map_size, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (s->map == MAP_FAILED) {
		fprintf(stderr, "reqsim: cannot map a coroutine stack\n");
		exit(2);
	}
	if (mprotect(s->map, page, PROT_NONE) != 0) {
		fprintf(stderr, "reqsim: cannot protect a stack guard page\n");
		exit(2);
	}
	s->lo = (char *)s->map + page;
	s->size = size;
	s->low_water = NULL;
}

void ctx_stack_free(struct sim_stack *s)
{
#ifdef REQSIM_TSAN
	if (s->tsan_fiber)
		__tsan_destroy_fiber(s->tsan_fiber);
	s->tsan_fiber = NULL;
#endif
	if (s->map)
		munmap(s->map, s->map_size);
	s->map = NULL;
}

/* ---- ucontext ------------------------------------------------------------- */

static void uc_entry(unsigned hi, unsigned lo, unsigned fhi, unsigned flo)
{
	void *arg = (void *)(((uintptr_t)hi << 32) | lo);
	void (*fn)(void *) = (void (*)(void *))(((uintptr_t)fhi << 32) | flo);
	fn(arg);
	abort(); /* invariant 3 */
}

void ctx_make(int impl, struct sim_ctx *ctx, struct sim_stack *s,
	      void (*fn)(void *), void *arg)
{
#ifdef REQSIM_ASAN
	/* Frames abandoned by an earlier run left poisoned redzones here.
	 * They all lie above the lowest point the coroutines on this stack
	 * switched out from: frames below it had returned, and a returning
	 * frame unpoisons its own redzones.  Unpoisoning only that part (with
	 * a page of margin) instead of the whole 1 MiB stack saved 7% of every
	 * fuzz execution (perf: memset of 128 KiB of shadow per thread). */
	char *hi = (char *)s->lo + s->size, *from = (char *)s->lo;
	if (s->low_water && s->low_water - 4096 > (char *)s->lo)
		from = s->low_water - 4096;
	__asan_unpoison_memory_region(from, (size_t)(hi - from));
	s->low_water = hi;
	ctx->low_water = &s->low_water;
#endif
	ctx->stack_lo = s->lo;
	ctx->stack_size = s->size;
	ctx->fake_stack = NULL;
#ifdef REQSIM_TSAN
	/* One fiber per stack slot, reused by every coroutine on it. */
	if (!s->tsan_fiber)
		s->tsan_fiber = __tsan_create_fiber(0);
	ctx->tsan_fiber = s->tsan_fiber;
#endif
	if (impl == SWITCH_UCONTEXT) {
		uintptr_t a = (uintptr_t)arg, f = (uintptr_t)fn;
		getcontext(&s->uc);
		s->uc.uc_stack.ss_sp = s->lo;
		s->uc.uc_stack.ss_size = s->size;
		s->uc.uc_link = NULL;
		makecontext(&s->uc, (void (*)(void))uc_entry, 4,
			    (unsigned)(a >> 32), (unsigned)a, (unsigned)(f >> 32),
			    (unsigned)f);
		ctx->uc = &s->uc;
		return;
	}
#ifdef REQSIM_HAVE_ASM
	ctx->sp = asm_initial_sp((char *)s->lo + s->size, fn, arg);
#else
	abort();
#endif
}

void ctx_init_main(int impl, struct sim_ctx *main, ucontext_t *uc)
{
	(void)impl;
	main->uc = uc;
	main->stack_lo = NULL;
	main->stack_size = 0;
	main->low_water = NULL;
#ifdef REQSIM_TSAN
	main->tsan_fiber = __tsan_get_current_fiber();
#endif
}

void ctx_switch(int impl, struct sim_ctx *from, struct sim_ctx *to,
		bool leaving_forever)
{
	(void)leaving_forever;
#ifdef REQSIM_ASAN
	if (from->low_water) {
		char *sp = __builtin_frame_address(0);
		if (sp < *from->low_water)
			*from->low_water = sp;
	}
	__sanitizer_start_switch_fiber(leaving_forever ? NULL : &from->fake_stack,
				       to->stack_lo, to->stack_size);
#endif
#ifdef REQSIM_TSAN
	__tsan_switch_to_fiber(to->tsan_fiber, 0);
#endif
	if (impl == SWITCH_UCONTEXT) {
		swapcontext(from->uc, to->uc);
	} else {
#ifdef REQSIM_HAVE_ASM
		reqsim_ctx_swap(&from->sp, to->sp);
#else
		abort();
#endif
	}
#ifdef REQSIM_ASAN
	__sanitizer_finish_switch_fiber(from->fake_stack, NULL, NULL);
#endif
}

void ctx_started(struct sim_ctx *main)
{
	(void)main;
#ifdef REQSIM_ASAN
	/* First code on a new stack: finish the switch, learn main's bounds. */
	const void *lo;
	size_t size;
	__sanitizer_finish_switch_fiber(NULL, &lo, &size);
	main->stack_lo = (void *)lo;
	main->stack_size = size;
#endif
}
