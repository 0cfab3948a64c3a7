/*
 * scenarios/litmus_file.c: C litmus tests in the format of the Linux
 * kernel's tools/memory-model, parsed, run on simulated threads and
 * enumerated exhaustively under every memory model.
 *
 * Why: the built-in programs of scenarios/litmus.c are C functions; this
 * file lets anyone check the simulator's models against the litmus tests
 * the kernel community writes and maintains, and lets a request-protocol
 * shape be tried as a ten-line litmus file before it becomes a scenario.
 *
 * How: a file is parsed into an immutable program (AST nodes in fixed
 * pools).  The program carries a struct scenario: setup() allocates the
 * shared variables in the arena (sim_alloc, sim_name), writes their
 * initial values and spawns P0..Pn on cpus 0..n; each thread walks its
 * statements and performs every shared access as one platform primitive
 * (plat_load, plat_store, plat_store_mb, plat_fence, plat_rmw, plat_lock,
 * plat_unlock, plat_trylock) whose platform_site names the litmus file, the
 * line and the statement.  At quiescence check_end() reads the final memory
 * with sim_peek() and evaluates the filter and the final condition.
 *
 *   litmus statement              platform primitive (one scheduler decision)
 *   WRITE_ONCE(*x, 1);            plat_store(site, &x, 4, 1, PLAT_ONCE)
 *   r0 = smp_load_acquire(y);     r0 = sign-extended plat_load(site, &y, 4, PLAT_ACQUIRE)
 *   r1 = READ_ONCE(*r0);          plat_load(site, the variable r0 points to, ...)
 *   r2 = xchg_relaxed(z, 2);      plat_rmw(site, &z, 4, XCHG, 2, 0, PLAT_RMW_RELAXED)
 *   atomic_inc(v);                plat_rmw(site, &v, 4, ADD, 1, 0, PLAT_RMW_NORET)
 *   spin_lock(l);                 plat_lock(site, l, PLAT_SPIN, true)
 *   smp_mb__after_spinlock();     plat_fence(site, PLAT_MB)
 *   rcu_dereference(*p), rcu_assign_pointer(*p, v): acquire, smp_store_release
 *   A load of a pointer-valued variable is an acquire: the simulator tracks
 *   no address dependencies, so the access through the pointer is ordered
 *   the stronger way (never weaker than the kernel's model).
 *
 * Refused: plain C accesses (*x = 1, r = *x), RCU read-side and grace-period
 * primitives, srcu, spin_is_locked, loops, goto, unknown functions, casts,
 * '/' and '%', arrays, structs.
 *
 * Invariants:
 *  1. Bad input never asserts, crashes or yields a verdict: every problem is
 *     one line "FILE:LINE: message"; every size is bounded and checked while
 *     parsing (file, processes, statements, registers, variables, expression
 *     and statement nesting, pools).
 *  2. A construct that cannot be run as written is refused ("unsupported
 *     construct 'X'"), never approximated.  A file that is not well formed
 *     is a syntax error ("syntax error: expected '}' before 'P1' ..."), never
 *     an unsupported construct: callers count the two apart.
 *  3. One shared access is one platform primitive, hence one scheduler
 *     decision; registers are plain C variables in the run's state and never
 *     go through the memory model.  Code between two accesses is local.
 *  4. The program is immutable once parsed; a run's mutable state (struct
 *     lf_state) lives in the simulation arena, so every run starts from the
 *     same state and the same schedule gives the same execution.
 *  5. Values are 64-bit.  A variable keeps one size for its whole life: int
 *     and atomic_t are 4 bytes (loads sign-extend), long and pointers 8.
 *     A pointer value is the arena address of a shared variable.
 *  6. Nothing here names a memory model: exploration takes the model as a
 *     number, and the caller loops over MODEL_COUNT.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "litmus_file.h"
#include "platform.h"
#include "strategy.h"

#define LF_NAME_MAX 64    /* identifier length + 1 */
#define LF_TEST_NAME_MAX 128
#define LF_EXPRS_MAX 2048 /* expression nodes per program */
#define LF_CONDS_MAX 512  /* condition nodes per program */
#define LF_NEST_MAX 16    /* nested blocks and ifs */
#define LF_LABEL_MAX 96
#define LF_STMTS_POOL (LITMUS_PROCS_MAX * (LITMUS_STMTS_MAX + 1))
#define LF_DISP_MAX (LITMUS_PROCS_MAX * LITMUS_REGS_MAX + LITMUS_VARS_MAX)
#define LF_FILES_MAX 100000
#define LF_DIR_DEPTH_MAX 32

/* ---- the program -------------------------------------------------------------- */

enum lf_vkind { VK_NONE, VK_INT, VK_LONG, VK_PTR, VK_ATOMIC, VK_LOCK };
static const char *const vkind_names[] = {"untyped", "int", "long", "a pointer",
					  "atomic_t", "spinlock_t"};

struct lf_var {
	char name[LF_NAME_MAX];
	uint8_t kind;
	bool in_init;       /* declared in the initial-state block */
	int line;           /* first seen */
	int init_line;
	int64_t init;       /* initial integer value */
	int16_t init_var;   /* or the address of this variable (-1: none) */
	char init_ref[LF_NAME_MAX]; /* its name, until resolved */
};

struct lf_reg {
	char name[LF_NAME_MAX];
	int line;
	bool ptr; /* declared as a pointer: may be a location (*r0) */
};

enum lf_ekind { E_NUM, E_REG, E_ADDR, E_UN, E_BIN, E_CALL };
enum lf_op {
	O_NOT, O_NEG, O_BNOT, O_POS,
	O_ADD, O_SUB, O_MUL, O_BAND, O_BOR, O_XOR, O_SHL, O_SHR,
	O_EQ, O_NE, O_LT, O_LE, O_GT, O_GE, O_LAND, O_LOR
};
enum lf_loc_kind { LOC_VAR, LOC_REG };

struct lf_expr {
	uint8_t kind, op, loc_kind, depth;
	int16_t fn;   /* E_CALL: index into lf_fns */
	int16_t idx;  /* E_REG: register; E_ADDR: variable; E_CALL: location */
	int16_t a, b; /* operands; E_CALL: value arguments in source order */
	int line;
	int64_t num;
	struct platform_site site; /* E_CALL: file, line, process, statement */
};

enum lf_skind { S_BLOCK, S_ASSIGN, S_EXPR, S_IF };
struct lf_stmt {
	uint8_t kind;
	int16_t reg;            /* S_ASSIGN target */
	int16_t expr;           /* S_ASSIGN value, S_EXPR call, S_IF condition */
	int16_t then_s, else_s; /* S_IF, -1: none */
	int16_t first, next;    /* S_BLOCK children, sibling link */
	int line;
};

enum lf_ckind { C_TRUE, C_FALSE, C_NOT, C_AND, C_OR, C_IMPL, C_REG, C_VAR };
struct lf_cond {
	uint8_t kind;
	bool neq;
	int16_t a, b;      /* operands */
	int16_t proc, idx; /* C_REG: process and register; C_VAR: variable */
	int16_t val_var;   /* compare with this variable's address, or -1 */
	int64_t val;
};
enum lf_quant { Q_EXISTS, Q_NOT_EXISTS, Q_FORALL };

struct lf_disp {
	int16_t proc; /* -1: a shared variable */
	int16_t idx;
};

struct lf_proc {
	char name[8];
	int line;
	int nparams;
	int16_t params[LITMUS_VARS_MAX];
	int nregs;
	struct lf_reg regs[LITMUS_REGS_MAX];
	int16_t body;
	int nstmts;
};

struct litmus_prog {
	struct scenario sc; /* first: a run finds its program from its scenario */
	const char *path;
	char name[LF_TEST_NAME_MAX];
	char result[LITMUS_RESULT_MAX];
	int nvars;
	struct lf_var vars[LITMUS_VARS_MAX];
	int nprocs;
	struct lf_proc procs[LITMUS_PROCS_MAX];
	int nexprs;
	struct lf_expr exprs[LF_EXPRS_MAX];
	int nstmts;
	struct lf_stmt stmts[LF_STMTS_POOL];
	int nlabels;
	char labels[LF_STMTS_POOL][LF_LABEL_MAX];
	int nconds;
	struct lf_cond conds[LF_CONDS_MAX];
	int quant;
	int16_t cond, filter; /* filter -1: none */
	char cond_text[256];
	int ndisp;
	struct lf_disp disp[LF_DISP_MAX];
};

/* ---- one run's state ---------------------------------------------------------------- */

struct lf_thread {
	struct lf_state *s;
	int proc;
};

/* One run's state, in the arena (zeroed by sim_begin). */
struct lf_state {
	const struct litmus_prog *g;
	volatile void *var[LITMUS_VARS_MAX];
	int64_t reg[LITMUS_PROCS_MAX][LITMUS_REGS_MAX];
	uint32_t held[LITMUS_PROCS_MAX]; /* locks held, bit per variable */
	struct lf_thread th[LITMUS_PROCS_MAX];
	bool done, blocked, filtered, holds, failed;
	int err_line;
	char err[200];
	int64_t key[LF_DISP_MAX];   /* the final state over the displayed locations */
	uint8_t key_var[LF_DISP_MAX];
};

/* ---- the functions a process may call ------------------------------------------- */

enum lf_fkind { F_LOAD, F_STORE, F_STORE_MB, F_FENCE, F_RMW, F_LOCK, F_UNLOCK, F_TRYLOCK };
enum lf_ret { R_NONE, R_VAL, R_OLD, R_NEW };

struct lf_fn {
	const char *name;
	uint8_t kind;
	uint8_t nargs;
	uint8_t loc_arg;  /* which argument is the location */
	uint8_t deref;    /* the location is written *x (WRITE_ONCE), else x */
	uint8_t order;    /* F_LOAD/F_STORE: enum plat_order; F_FENCE: enum plat_fence */
	uint8_t rmw;      /* enum plat_rmw_op */
	uint8_t cls;      /* enum plat_rmw_class */
	int8_t sign;      /* PLAT_RMW_ADD: the addend is sign * (value argument) */
	uint8_t implicit; /* PLAT_RMW_ADD: no value argument, the addend is sign */
	uint8_t ret;
};

#define LD(n, d, o) {.name = n, .kind = F_LOAD, .nargs = 1, .deref = d, .order = o, .ret = R_VAL}
#define ST(n, d, o) {.name = n, .kind = F_STORE, .nargs = 2, .deref = d, .order = o}
#define FE(n, f) {.name = n, .kind = F_FENCE, .order = f}
#define LK(n, k, r) {.name = n, .kind = k, .nargs = 1, .ret = r}
#define RMW1(n, c, na, la, op, sg, im, rt)                                         \
	{.name = n, .kind = F_RMW, .nargs = na, .loc_arg = la, .rmw = op, .cls = c,   \
	 .sign = sg, .implicit = im, .ret = rt}
/* Fully ordered, _relaxed, _acquire and _release forms (atomic_t.txt). */
#define RMW4(n, na, la, op, sg, im, rt)                                             \
	RMW1(n, PLAT_RMW_FULL, na, la, op, sg, im, rt),                             \
	RMW1(n "_relaxed", PLAT_RMW_RELAXED, na, la, op, sg, im, rt),               \
	RMW1(n "_acquire", PLAT_RMW_ACQUIRE, na, la, op, sg, im, rt),               \
	RMW1(n "_release", PLAT_RMW_RELEASE, na, la, op, sg, im, rt)

static const struct lf_fn lf_fns[] = {
	LD("READ_ONCE", 1, PLAT_ONCE),
	LD("rcu_dereference", 1, PLAT_ACQUIRE), /* as platform.h: an acquire */
	LD("smp_load_acquire", 0, PLAT_ACQUIRE),
	LD("atomic_read", 0, PLAT_ONCE),
	LD("atomic_read_acquire", 0, PLAT_ACQUIRE),
	ST("WRITE_ONCE", 1, PLAT_ONCE),
	ST("rcu_assign_pointer", 1, PLAT_RELEASE), /* as platform.h: release */
	ST("smp_store_release", 0, PLAT_RELEASE),
	ST("atomic_set", 0, PLAT_ONCE),
	ST("atomic_set_release", 0, PLAT_RELEASE),
	{.name = "smp_store_mb", .kind = F_STORE_MB, .nargs = 2, .deref = 1},
	FE("smp_mb", PLAT_MB),
	FE("smp_wmb", PLAT_WMB),
	FE("smp_rmb", PLAT_RMB),
	FE("smp_mb__before_atomic", PLAT_MB_BEFORE_ATOMIC),
	FE("smp_mb__after_atomic", PLAT_MB_AFTER_ATOMIC),
	FE("smp_mb__after_spinlock", PLAT_MB),
	RMW4("xchg", 2, 0, PLAT_RMW_XCHG, 1, 0, R_OLD),
	RMW4("cmpxchg", 3, 0, PLAT_RMW_CMPXCHG, 1, 0, R_OLD),
	RMW4("atomic_xchg", 2, 0, PLAT_RMW_XCHG, 1, 0, R_OLD),
	RMW4("atomic_cmpxchg", 3, 0, PLAT_RMW_CMPXCHG, 1, 0, R_OLD),
	RMW4("atomic_add_return", 2, 1, PLAT_RMW_ADD, 1, 0, R_NEW),
	RMW4("atomic_sub_return", 2, 1, PLAT_RMW_ADD, -1, 0, R_NEW),
	RMW4("atomic_inc_return", 1, 0, PLAT_RMW_ADD, 1, 1, R_NEW),
	RMW4("atomic_dec_return", 1, 0, PLAT_RMW_ADD, -1, 1, R_NEW),
	RMW4("atomic_fetch_add", 2, 1, PLAT_RMW_ADD, 1, 0, R_OLD),
	RMW4("atomic_fetch_sub", 2, 1, PLAT_RMW_ADD, -1, 0, R_OLD),
	RMW4("atomic_fetch_inc", 1, 0, PLAT_RMW_ADD, 1, 1, R_OLD),
	RMW4("atomic_fetch_dec", 1, 0, PLAT_RMW_ADD, -1, 1, R_OLD),
	/* Non-value-returning: order nothing. */
	RMW1("atomic_add", PLAT_RMW_NORET, 2, 1, PLAT_RMW_ADD, 1, 0, R_NONE),
	RMW1("atomic_sub", PLAT_RMW_NORET, 2, 1, PLAT_RMW_ADD, -1, 0, R_NONE),
	RMW1("atomic_inc", PLAT_RMW_NORET, 1, 0, PLAT_RMW_ADD, 1, 1, R_NONE),
	RMW1("atomic_dec", PLAT_RMW_NORET, 1, 0, PLAT_RMW_ADD, -1, 1, R_NONE),
	LK("spin_lock", F_LOCK, R_NONE),
	LK("spin_unlock", F_UNLOCK, R_NONE),
	LK("spin_trylock", F_TRYLOCK, R_VAL),
};
#define LF_NFNS (int)(sizeof(lf_fns) / sizeof(lf_fns[0]))

static int fn_find(const char *name, size_t len)
{
	for (int i = 0; i < LF_NFNS; i++)
		if (strlen(lf_fns[i].name) == len && !memcmp(lf_fns[i].name, name, len))
			return i;
	return -1;
}

static bool fn_is_lock(const struct lf_fn *f)
{
	return f->kind == F_LOCK || f->kind == F_UNLOCK || f->kind == F_TRYLOCK;
}

/* ---- lexer ---------------------------------------------------------------------- */

enum { T_EOF, T_ID, T_NUM, T_P };

struct lf_tok {
	int kind;
	const char *s;
	int len;
	int line;
	size_t off;
	int64_t num;
};

struct lf_parser {
	const char *path, *src;
	size_t len, pos;
	int line;
	bool body;   /* inside a process body: "(*" is C, not a comment */
	bool header; /* before the initial state: comments may hold Result: */
	struct lf_tok tok, prev;
	struct litmus_prog *g;
	int proc;    /* the process being parsed, -1 outside */
	int nest;
	int block_line; /* the line of the innermost open '{' of a body */
	char *err;
	size_t errlen;
	jmp_buf jb;
};

/* Messages are one line: control bytes (from paths or garbage) become '?'. */
static void one_line(char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			*s = '?';
}

static _Noreturn void fail(struct lf_parser *p, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static _Noreturn void fail(struct lf_parser *p, int line, const char *fmt, ...)
{
	char msg[320];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (p->errlen) {
		snprintf(p->err, p->errlen, "%s:%d: %s", p->path, line, msg);
		one_line(p->err);
	}
	longjmp(p->jb, 1);
}

static _Noreturn void unsupported(struct lf_parser *p, int line, const char *what,
				  const char *hint)
{
	fail(p, line, "unsupported construct '%s'%s%s%s", what, hint ? " (" : "",
	     hint ? hint : "", hint ? ")" : "");
}

static bool is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static bool is_digit(int c) { return c >= '0' && c <= '9'; }
static bool is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\n';
}

static bool tok_is(const struct lf_tok *t, const char *s)
{
	size_t n = strlen(s);
	return (size_t)t->len == n && !memcmp(t->s, s, n);
}

static const char *tok_str(const struct lf_tok *t, char *buf, size_t len)
{
	if (t->kind == T_EOF)
		return "end of file";
	snprintf(buf, len, "'%.*s'", t->len > 40 ? 40 : t->len, t->s);
	return buf;
}

/* "Result: WORD" in a header comment, as tools/memory-model's scripts read it. */
static void find_result(struct lf_parser *p, size_t from, size_t to)
{
	static const char key[] = "Result:";
	struct litmus_prog *g = p->g;
	if (g->result[0])
		return;
	for (size_t i = from; i + sizeof(key) - 1 <= to; i++) {
		if (memcmp(p->src + i, key, sizeof(key) - 1))
			continue;
		size_t j = i + sizeof(key) - 1, n = 0;
		while (j < to && (p->src[j] == ' ' || p->src[j] == '\t'))
			j++;
		while (j + n < to && n + 1 < sizeof(g->result) && is_alpha(p->src[j + n]))
			n++;
		memcpy(g->result, p->src + j, n);
		g->result[n] = 0;
		return;
	}
}

static void skip_ml_comment(struct lf_parser *p)
{
	int line = p->line;
	size_t start = p->pos;
	long depth = 0;
	while (p->pos < p->len) {
		char c = p->src[p->pos], d = p->pos + 1 < p->len ? p->src[p->pos + 1] : 0;
		if (c == '(' && d == '*') {
			depth++;
			p->pos += 2;
		} else if (c == '*' && d == ')') {
			p->pos += 2;
			if (--depth == 0) {
				if (p->header)
					find_result(p, start, p->pos);
				return;
			}
		} else {
			p->line += c == '\n';
			p->pos++;
		}
	}
	fail(p, line, "syntax error: unterminated comment '(*'");
}

static void skip_space(struct lf_parser *p)
{
	const char *s = p->src;
	while (p->pos < p->len) {
		char c = s[p->pos], d = p->pos + 1 < p->len ? s[p->pos + 1] : 0;
		if (c == '\n') {
			p->line++;
			p->pos++;
		} else if (is_space(c)) {
			p->pos++;
		} else if (c == '/' && d == '/') {
			while (p->pos < p->len && s[p->pos] != '\n')
				p->pos++;
		} else if (c == '/' && d == '*') {
			int line = p->line;
			p->pos += 2;
			while (p->pos + 1 < p->len && !(s[p->pos] == '*' && s[p->pos + 1] == '/'))
				p->line += s[p->pos++] == '\n';
			if (p->pos + 1 >= p->len)
				fail(p, line, "syntax error: unterminated comment '/*'");
			p->pos += 2;
		} else if (c == '(' && d == '*' && !p->body) {
			skip_ml_comment(p);
		} else {
			break;
		}
	}
}

static const char *const puncts2[] = {"/\\", "\\/", "==", "!=", "<=", ">=", "&&",
				      "||", "<<", ">>", "->", "++", "--", "+=",
				      "-=", "*=", "|=", "&=", "^=", "=>"};
static const char puncts1[] = "{}()[];,=+-*&|^!<>~:.?/%#\\\"'";

static void lex_number(struct lf_parser *p, struct lf_tok *t)
{
	const char *s = p->src;
	size_t i = p->pos;
	uint64_t v = 0, base = 10;
	if (s[i] == '0' && i + 1 < p->len && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
		base = 16;
		i += 2;
	}
	size_t digits = 0;
	for (; i < p->len; i++, digits++) {
		int c = s[i], d;
		if (is_digit(c))
			d = c - '0';
		else if (base == 16 && c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (base == 16 && c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			break;
		if (v > ((uint64_t)INT64_MAX - (uint64_t)d) / base)
			fail(p, p->line, "number too large");
		v = v * base + (uint64_t)d;
	}
	if (!digits || (i < p->len && (is_alpha(s[i]) || is_digit(s[i]))))
		fail(p, p->line, "syntax error: bad number '%.*s'",
		     (int)(i - p->pos + 1 > 40 ? 40 : i - p->pos + 1), s + p->pos);
	t->kind = T_NUM;
	t->num = (int64_t)v;
	t->len = (int)(i - p->pos);
	p->pos = i;
}

static void lex(struct lf_parser *p)
{
	struct lf_tok *t = &p->tok;
	skip_space(p);
	memset(t, 0, sizeof(*t));
	t->line = p->line;
	t->off = p->pos;
	t->s = p->src + p->pos;
	if (p->pos >= p->len) {
		t->kind = T_EOF; /* on the last line, not after its newline */
		if (p->len && p->src[p->len - 1] == '\n' && p->line > 1)
			t->line = p->line - 1;
		return;
	}
	unsigned char c = (unsigned char)p->src[p->pos];
	if (is_alpha(c)) {
		size_t i = p->pos;
		while (i < p->len && (is_alpha(p->src[i]) || is_digit(p->src[i])))
			i++;
		if (i - p->pos >= LF_NAME_MAX)
			fail(p, p->line, "name too long: '%.40s...'", p->src + p->pos);
		t->kind = T_ID;
		t->len = (int)(i - p->pos);
		p->pos = i;
		return;
	}
	if (is_digit(c)) {
		lex_number(p, t);
		return;
	}
	t->kind = T_P;
	for (size_t k = 0; k < sizeof(puncts2) / sizeof(puncts2[0]); k++)
		if (p->pos + 1 < p->len && !memcmp(p->src + p->pos, puncts2[k], 2)) {
			t->len = 2;
			p->pos += 2;
			return;
		}
	if (c && strchr(puncts1, c)) {
		t->len = 1;
		p->pos++;
		return;
	}
	if (c >= 0x21 && c < 0x7f)
		fail(p, p->line, "syntax error: unexpected character '%c'", c);
	fail(p, p->line, "syntax error: unexpected byte 0x%02x", c);
}

static void next(struct lf_parser *p)
{
	p->prev = p->tok;
	lex(p);
}

/* The token after the current one, without consuming anything. */
static struct lf_tok peek(struct lf_parser *p)
{
	size_t pos = p->pos;
	int line = p->line;
	struct lf_tok tok = p->tok, prev = p->prev, t;
	lex(p);
	t = p->tok;
	p->pos = pos;
	p->line = line;
	p->tok = tok;
	p->prev = prev;
	return t;
}

static bool is_p(const struct lf_parser *p, const char *s)
{
	return p->tok.kind == T_P && tok_is(&p->tok, s);
}

static bool is_id(const struct lf_parser *p, const char *s)
{
	return p->tok.kind == T_ID && tok_is(&p->tok, s);
}

static void expect(struct lf_parser *p, const char *s)
{
	char b[64];
	if (!is_p(p, s))
		fail(p, p->tok.line, "syntax error: expected '%s' before %s", s,
		     tok_str(&p->tok, b, sizeof(b)));
	next(p);
}

static void tok_copy(const struct lf_tok *t, char *out)
{
	memcpy(out, t->s, (size_t)t->len); /* len < LF_NAME_MAX (lexer) */
	out[t->len] = 0;
}

static void expect_name(struct lf_parser *p, char *out, const char *what)
{
	char b[64];
	if (p->tok.kind != T_ID)
		fail(p, p->tok.line, "syntax error: expected %s before %s", what,
		     tok_str(&p->tok, b, sizeof(b)));
	tok_copy(&p->tok, out);
	next(p);
}

/* ---- parser: names and types -------------------------------------------------- */

static int var_find(const struct litmus_prog *g, const char *name)
{
	for (int i = 0; i < g->nvars; i++)
		if (!strcmp(g->vars[i].name, name))
			return i;
	return -1;
}

/* Find or add a shared variable; kind VK_NONE adds no type information. */
static int var_declare(struct lf_parser *p, const char *name, int kind, int line)
{
	struct litmus_prog *g = p->g;
	int i = var_find(g, name);
	if (i < 0) {
		if (g->nvars == LITMUS_VARS_MAX)
			fail(p, line, "too many shared variables (limit %d)", LITMUS_VARS_MAX);
		i = g->nvars++;
		struct lf_var *v = &g->vars[i];
		snprintf(v->name, sizeof(v->name), "%s", name);
		v->line = line;
		v->init_var = -1;
	}
	struct lf_var *v = &g->vars[i];
	if (kind != VK_NONE) {
		if (v->kind == VK_NONE)
			v->kind = (uint8_t)kind;
		else if (v->kind != kind)
			fail(p, line, "conflicting types for '%s': %s here, %s at line %d", name,
			     vkind_names[kind], vkind_names[v->kind], v->line);
	}
	return i;
}

static int reg_find(const struct lf_proc *pr, const char *name)
{
	for (int i = 0; i < pr->nregs; i++)
		if (!strcmp(pr->regs[i].name, name))
			return i;
	return -1;
}

static int param_find(const struct litmus_prog *g, const struct lf_proc *pr, const char *name)
{
	for (int i = 0; i < pr->nparams; i++)
		if (!strcmp(g->vars[pr->params[i]].name, name))
			return pr->params[i];
	return -1;
}

enum lf_base { B_NONE, B_INT, B_LONG, B_ATOMIC, B_LOCK };

static bool is_type_word(const struct lf_tok *t)
{
	static const char *const words[] = {
		"int", "long", "unsigned", "signed", "u32", "s32", "u64", "s64", "bool",
		"_Bool", "atomic_t", "spinlock_t", "volatile", "const", "char", "short",
		"struct", "union", "enum", "float", "double", "void", "atomic_long_t",
		"atomic64_t", "raw_spinlock_t", "rwlock_t", "u8", "u16", "s8", "s16",
		"size_t", "uintptr_t"};
	if (t->kind != T_ID)
		return false;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (tok_is(t, words[i]))
			return true;
	return false;
}

/* A type: qualifiers, one base type, stars.  False if the current token does
 * not start one (nothing consumed). */
static bool parse_type(struct lf_parser *p, int *base, int *stars)
{
	int b = B_NONE, line = p->tok.line;
	bool any = false;
	char w[LF_NAME_MAX];
	while (is_type_word(&p->tok)) {
		int nb = B_NONE;
		tok_copy(&p->tok, w);
		if (!strcmp(w, "volatile") || !strcmp(w, "const")) {
			any = true;
			next(p);
			continue;
		}
		if (!strcmp(w, "int") || !strcmp(w, "unsigned") || !strcmp(w, "signed") ||
		    !strcmp(w, "u32") || !strcmp(w, "s32") || !strcmp(w, "bool") ||
		    !strcmp(w, "_Bool"))
			nb = B_INT;
		else if (!strcmp(w, "long") || !strcmp(w, "u64") || !strcmp(w, "s64"))
			nb = B_LONG;
		else if (!strcmp(w, "atomic_t"))
			nb = B_ATOMIC;
		else if (!strcmp(w, "spinlock_t"))
			nb = B_LOCK;
		else
			unsupported(p, line, w, "type");
		if (b == B_NONE || (b == B_INT && nb == B_LONG))
			b = nb;
		else if (!((b == B_LONG && nb == B_INT) || (b == B_INT && nb == B_INT) ||
			   (b == B_LONG && nb == B_LONG)))
			fail(p, line, "syntax error: bad type near '%s'", w);
		any = true;
		next(p);
	}
	if (!any)
		return false;
	if (b == B_NONE)
		fail(p, line, "syntax error: a type needs a base type (int, long, atomic_t, spinlock_t)");
	*base = b;
	*stars = 0;
	while (is_p(p, "*")) {
		if (++*stars > 4)
			fail(p, line, "syntax error: too many '*'");
		next(p);
	}
	return true;
}

static int base_kind(int base, int stars)
{
	if (stars > 0)
		return VK_PTR;
	switch (base) {
	case B_LONG: return VK_LONG;
	case B_ATOMIC: return VK_ATOMIC;
	case B_LOCK: return VK_LOCK;
	default: return VK_INT;
	}
}

/* ---- parser: the initial state ------------------------------------------------- */

static int64_t parse_signed_num(struct lf_parser *p)
{
	char b[64];
	bool neg = false;
	if (is_p(p, "-")) {
		neg = true;
		next(p);
	}
	if (p->tok.kind != T_NUM)
		fail(p, p->tok.line, "syntax error: expected a number before %s",
		     tok_str(&p->tok, b, sizeof(b)));
	int64_t v = p->tok.num;
	next(p);
	return neg ? -v : v;
}

static void parse_init_value(struct lf_parser *p, int vi)
{
	struct lf_var *v = &p->g->vars[vi];
	int line = p->tok.line;
	v->init_line = line;
	if (v->kind == VK_LOCK)
		unsupported(p, line, "spinlock_t initialiser", "a spinlock_t starts unlocked");
	if (is_p(p, "&")) {
		next(p);
		expect_name(p, v->init_ref, "a variable name after '&'");
	} else if (is_id(p, "ATOMIC_INIT")) {
		next(p);
		expect(p, "(");
		v->init = parse_signed_num(p);
		expect(p, ")");
	} else if (is_id(p, "true") || is_id(p, "false")) {
		v->init = is_id(p, "true");
		next(p);
	} else if (p->tok.kind == T_ID) {
		expect_name(p, v->init_ref, "a value");
	} else {
		v->init = parse_signed_num(p);
	}
}

static int declare_init(struct lf_parser *p, const char *name, int kind, int line)
{
	int i = var_find(p->g, name);
	if (i >= 0 && p->g->vars[i].in_init)
		fail(p, line, "duplicate declaration of '%s' (first at line %d)", name,
		     p->g->vars[i].line);
	i = var_declare(p, name, kind, line);
	p->g->vars[i].in_init = true;
	return i;
}

static void parse_init_item(struct lf_parser *p)
{
	int line = p->tok.line, base, stars;
	char name[LF_NAME_MAX], b[64];
	if (p->tok.kind == T_NUM)
		unsupported(p, line, "N:reg=value", "initial register values");
	if (parse_type(p, &base, &stars)) {
		for (;;) {
			int s = stars;
			while (is_p(p, "*")) {
				s++;
				next(p);
			}
			expect_name(p, name, "a variable name");
			if (is_p(p, "["))
				unsupported(p, line, "array", NULL);
			int i = declare_init(p, name, base_kind(base, s), line);
			if (is_p(p, "=")) {
				next(p);
				parse_init_value(p, i);
			}
			if (!is_p(p, ","))
				break;
			next(p);
		}
		return;
	}
	if (p->tok.kind == T_ID) {
		struct lf_tok t = peek(p);
		tok_copy(&p->tok, name);
		if (t.kind == T_P && tok_is(&t, "=")) {
			next(p);
			next(p);
			parse_init_value(p, declare_init(p, name, VK_NONE, line));
			return;
		}
		if (t.kind == T_ID)
			unsupported(p, line, name, "type");
	}
	fail(p, line, "syntax error: expected a declaration in the initial state before %s",
	     tok_str(&p->tok, b, sizeof(b)));
}

static void parse_init(struct lf_parser *p)
{
	char b[64];
	if (!is_p(p, "{"))
		fail(p, p->tok.line, "syntax error: expected '{' (the initial state) before %s",
		     tok_str(&p->tok, b, sizeof(b)));
	p->header = false;
	next(p);
	while (!is_p(p, "}")) {
		if (p->tok.kind == T_EOF)
			fail(p, p->tok.line, "syntax error: unterminated initial state (missing '}')");
		if (is_p(p, ";")) {
			next(p);
			continue;
		}
		parse_init_item(p);
		if (!is_p(p, "}") && !is_p(p, ";"))
			fail(p, p->tok.line, "syntax error: expected ';' before %s",
			     tok_str(&p->tok, b, sizeof(b)));
	}
	next(p);
}

/* ---- parser: expressions ---------------------------------------------------------- */

static struct lf_proc *cur_proc(struct lf_parser *p) { return &p->g->procs[p->proc]; }

static int new_expr(struct lf_parser *p, int kind, int line)
{
	struct litmus_prog *g = p->g;
	if (g->nexprs == LF_EXPRS_MAX)
		fail(p, line, "too many expressions (limit %d)", LF_EXPRS_MAX);
	int i = g->nexprs++;
	struct lf_expr *e = &g->exprs[i];
	memset(e, 0, sizeof(*e));
	e->kind = (uint8_t)kind;
	e->a = e->b = -1;
	e->fn = -1;
	e->line = line;
	e->depth = 1;
	return i;
}

/* The expression's value is used: it must not be a void call. */
static void need_value(struct lf_parser *p, int e)
{
	const struct lf_expr *x = &p->g->exprs[e];
	if (x->kind == E_CALL && lf_fns[x->fn].ret == R_NONE)
		fail(p, x->line, "'%s' does not return a value", lf_fns[x->fn].name);
}

static void set_depth(struct lf_parser *p, int e, int a, int b)
{
	struct lf_expr *x = &p->g->exprs[e];
	int d = 0;
	if (a >= 0 && p->g->exprs[a].depth > d)
		d = p->g->exprs[a].depth;
	if (b >= 0 && p->g->exprs[b].depth > d)
		d = p->g->exprs[b].depth;
	if (d + 1 > LITMUS_DEPTH_MAX)
		fail(p, x->line, "expression nested too deeply (limit %d)", LITMUS_DEPTH_MAX);
	x->depth = (uint8_t)(d + 1);
}

static int mk_op(struct lf_parser *p, int kind, int op, int a, int b, int line)
{
	need_value(p, a);
	if (b >= 0)
		need_value(p, b);
	int e = new_expr(p, kind, line);
	p->g->exprs[e].op = (uint8_t)op;
	p->g->exprs[e].a = (int16_t)a;
	p->g->exprs[e].b = (int16_t)b;
	set_depth(p, e, a, b);
	return e;
}

static int parse_expr(struct lf_parser *p, int depth);

/* The location argument of a call: x or *x, a parameter or a register. */
static void parse_loc(struct lf_parser *p, int e, const struct lf_fn *f)
{
	struct litmus_prog *g = p->g;
	const struct lf_proc *pr = cur_proc(p);
	char name[LF_NAME_MAX], what[160], b[64];
	int line = p->tok.line;
	bool star = is_p(p, "*");
	if (star)
		next(p);
	if (p->tok.kind != T_ID)
		fail(p, p->tok.line, "syntax error: expected a shared variable or a pointer "
		     "register in '%s' before %s", f->name, tok_str(&p->tok, b, sizeof(b)));
	tok_copy(&p->tok, name);
	if (f->deref && !star) {
		snprintf(what, sizeof(what), "%s(%s)", f->name, name);
		unsupported(p, line, what, f->kind == F_LOAD ? "expected READ_ONCE(*x) form"
				  : "expected WRITE_ONCE(*x, v) form");
	}
	if (!f->deref && star) {
		snprintf(what, sizeof(what), "%s(*%s)", f->name, name);
		unsupported(p, line, what, "this one takes a pointer: write it without '*'");
	}
	next(p);
	struct lf_expr *x = &g->exprs[e];
	int r = reg_find(pr, name);
	if (r >= 0 && !pr->regs[r].ptr)
		fail(p, line, "register '%s' is not a pointer (declare it: int *%s;)", name, name);
	if (r >= 0) {
		x->loc_kind = LOC_REG;
		x->idx = (int16_t)r;
		return;
	}
	int v = param_find(g, pr, name);
	if (v < 0) {
		if (var_find(g, name) >= 0)
			fail(p, line, "'%s' is not a parameter of %s", name, pr->name);
		fail(p, line, "unknown name '%s' in '%s' (neither a register nor a parameter "
		     "of %s)", name, f->name, pr->name);
	}
	x->loc_kind = LOC_VAR;
	x->idx = (int16_t)v;
	int k = g->vars[v].kind;
	if (fn_is_lock(f) && k != VK_LOCK)
		fail(p, line, "'%s' needs a spinlock_t, but '%s' is %s", f->name, name,
		     vkind_names[k]);
	if (!fn_is_lock(f) && k == VK_LOCK)
		fail(p, line, "'%s' cannot access spinlock_t '%s'", f->name, name);
}

static int parse_call(struct lf_parser *p, int depth)
{
	struct litmus_prog *g = p->g;
	int line = p->tok.line;
	char name[LF_NAME_MAX];
	tok_copy(&p->tok, name);
	int fn = fn_find(p->tok.s, (size_t)p->tok.len);
	if (fn < 0)
		unsupported(p, line, name, NULL);
	const struct lf_fn *f = &lf_fns[fn];
	next(p);
	expect(p, "(");
	int e = new_expr(p, E_CALL, line), nval = 0;
	g->exprs[e].fn = (int16_t)fn;
	for (int k = 0; k < f->nargs; k++) {
		if (k && !is_p(p, ","))
			fail(p, p->tok.line, "'%s' takes %d argument%s", f->name, f->nargs,
			     f->nargs == 1 ? "" : "s");
		if (k)
			next(p);
		if (is_p(p, ")"))
			fail(p, p->tok.line, "'%s' takes %d argument%s", f->name, f->nargs,
			     f->nargs == 1 ? "" : "s");
		if (k == f->loc_arg) {
			parse_loc(p, e, f);
			continue;
		}
		int v = parse_expr(p, depth + 1);
		need_value(p, v);
		if (nval++ == 0)
			g->exprs[e].a = (int16_t)v;
		else
			g->exprs[e].b = (int16_t)v;
	}
	if (is_p(p, ","))
		fail(p, p->tok.line, "'%s' takes %d argument%s", f->name, f->nargs,
		     f->nargs == 1 ? "" : "s");
	if (!is_p(p, ")")) {
		char b[64];
		fail(p, p->tok.line, "syntax error: expected ')' before %s (to close the call "
		     "of '%s' at line %d)", tok_str(&p->tok, b, sizeof(b)), f->name, line);
	}
	next(p);
	set_depth(p, e, g->exprs[e].a, g->exprs[e].b);
	struct lf_expr *x = &g->exprs[e];
	x->site.file = g->path;
	x->site.line = line;
	x->site.func = cur_proc(p)->name;
	x->site.label = NULL; /* the statement's text, set when it ends */
	return e;
}

/* A name in an expression: a register's value or a shared variable's address. */
static int parse_name(struct lf_parser *p)
{
	struct litmus_prog *g = p->g;
	const struct lf_proc *pr = cur_proc(p);
	char name[LF_NAME_MAX];
	int line = p->tok.line, e;
	tok_copy(&p->tok, name);
	next(p);
	int r = reg_find(pr, name);
	if (r >= 0) {
		e = new_expr(p, E_REG, line);
		g->exprs[e].idx = (int16_t)r;
		return e;
	}
	int v = param_find(g, pr, name);
	if (v >= 0) {
		if (g->vars[v].kind == VK_LOCK)
			fail(p, line, "spinlock_t '%s' used as a value", name);
		e = new_expr(p, E_ADDR, line);
		g->exprs[e].idx = (int16_t)v;
		return e;
	}
	if (var_find(g, name) >= 0)
		fail(p, line, "'%s' is not a parameter of %s", name, pr->name);
	fail(p, line, "unknown name '%s' (neither a register nor a parameter of %s)", name,
	     pr->name);
}

static void no_postfix(struct lf_parser *p)
{
	static const char *const bad[] = {"[", "->", ".", "++", "--"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (is_p(p, bad[i]))
			unsupported(p, p->tok.line, bad[i], NULL);
}

static int parse_unary(struct lf_parser *p, int depth)
{
	struct litmus_prog *g = p->g;
	int line = p->tok.line, e;
	char b[64], what[LF_NAME_MAX + 4];
	if (depth > LITMUS_DEPTH_MAX)
		fail(p, line, "expression nested too deeply (limit %d)", LITMUS_DEPTH_MAX);
	static const struct { const char *s; int op; } un[] = {
		{"!", O_NOT}, {"-", O_NEG}, {"~", O_BNOT}, {"+", O_POS}};
	for (size_t i = 0; i < sizeof(un) / sizeof(un[0]); i++)
		if (is_p(p, un[i].s)) {
			next(p);
			int a = parse_unary(p, depth + 1);
			return mk_op(p, E_UN, un[i].op, a, -1, line);
		}
	if (is_p(p, "*") || is_p(p, "&")) {
		struct lf_tok t = peek(p);
		snprintf(what, sizeof(what), "%s%.*s", is_p(p, "*") ? "*" : "&",
			 t.kind == T_ID ? t.len : 0, t.s);
		unsupported(p, line, what, is_p(p, "*") ? "plain C access: use READ_ONCE()"
			    : "address-of");
	}
	if (is_p(p, "(")) {
		struct lf_tok t = peek(p);
		if (is_type_word(&t))
			unsupported(p, line, "cast", NULL);
		next(p);
		e = parse_expr(p, depth + 1);
		expect(p, ")");
		no_postfix(p);
		return e;
	}
	if (p->tok.kind == T_NUM) {
		e = new_expr(p, E_NUM, line);
		g->exprs[e].num = p->tok.num;
		next(p);
		return e;
	}
	if (is_id(p, "true") || is_id(p, "false")) {
		e = new_expr(p, E_NUM, line);
		g->exprs[e].num = is_id(p, "true");
		next(p);
		return e;
	}
	if (p->tok.kind == T_ID) {
		struct lf_tok t = peek(p);
		e = t.kind == T_P && tok_is(&t, "(") ? parse_call(p, depth) : parse_name(p);
		no_postfix(p);
		return e;
	}
	fail(p, line, "syntax error: expected an expression before %s",
	     tok_str(&p->tok, b, sizeof(b)));
}

/* Binary operators by C precedence; -1 if the token is not one. */
static int binop(struct lf_parser *p, int *prec)
{
	static const struct { const char *s; int op, prec; } ops[] = {
		{"||", O_LOR, 1}, {"&&", O_LAND, 2}, {"|", O_BOR, 3}, {"^", O_XOR, 4},
		{"&", O_BAND, 5}, {"==", O_EQ, 6}, {"!=", O_NE, 6}, {"<", O_LT, 7},
		{"<=", O_LE, 7}, {">", O_GT, 7}, {">=", O_GE, 7}, {"<<", O_SHL, 8},
		{">>", O_SHR, 8}, {"+", O_ADD, 9}, {"-", O_SUB, 9}, {"*", O_MUL, 10}};
	static const char *const bad[] = {"/", "%", "?", "+=", "-=", "*=", "|=", "&=", "^="};
	if (p->tok.kind != T_P)
		return -1;
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (tok_is(&p->tok, ops[i].s)) {
			*prec = ops[i].prec;
			return ops[i].op;
		}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (tok_is(&p->tok, bad[i]))
			unsupported(p, p->tok.line, bad[i], "operator");
	if (tok_is(&p->tok, "="))
		unsupported(p, p->tok.line, "=", "assignment inside an expression");
	return -1;
}

static int parse_bin(struct lf_parser *p, int minprec, int depth)
{
	int l = parse_unary(p, depth), prec, op;
	while ((op = binop(p, &prec)) >= 0 && prec >= minprec) {
		int line = p->tok.line;
		next(p);
		int r = parse_bin(p, prec + 1, depth + 1);
		l = mk_op(p, E_BIN, op, l, r, line);
	}
	return l;
}

static int parse_expr(struct lf_parser *p, int depth)
{
	if (depth > LITMUS_DEPTH_MAX)
		fail(p, p->tok.line, "expression nested too deeply (limit %d)", LITMUS_DEPTH_MAX);
	return parse_bin(p, 1, depth);
}

/* ---- parser: statements -------------------------------------------------------- */

static int new_stmt(struct lf_parser *p, int kind, int line, bool counted)
{
	struct litmus_prog *g = p->g;
	struct lf_proc *pr = cur_proc(p);
	if (counted && pr->nstmts == LITMUS_STMTS_MAX)
		fail(p, line, "too many statements in %s (limit %d)", pr->name, LITMUS_STMTS_MAX);
	if (g->nstmts == LF_STMTS_POOL)
		fail(p, line, "too many statements (limit %d)", LF_STMTS_POOL);
	pr->nstmts += counted;
	int i = g->nstmts++;
	struct lf_stmt *s = &g->stmts[i];
	s->kind = (uint8_t)kind;
	s->line = line;
	s->reg = s->expr = s->then_s = s->else_s = s->first = s->next = -1;
	return i;
}

/* Source text on one line: whitespace runs become one space, and text that
 * does not fit ends in "...". */
static void squeeze(char *dst, size_t len, const char *src, size_t n)
{
	size_t o = 0, k = 0;
	bool space = false;
	for (; k < n && o + 4 < len; k++) {
		if (is_space(src[k])) {
			space = o > 0;
			continue;
		}
		if (space)
			dst[o++] = ' ';
		space = false;
		dst[o++] = src[k];
	}
	if (k < n)
		memcpy(dst + o, "...", 3), o += 3;
	dst[o] = 0;
	one_line(dst);
}

/* Label the calls made since expression first with the statement's text. */
static void label_calls(struct lf_parser *p, int first, size_t from)
{
	struct litmus_prog *g = p->g;
	size_t to = p->prev.off + (size_t)p->prev.len;
	char *lbl = NULL;
	for (int i = first; i < g->nexprs; i++) {
		struct lf_expr *x = &g->exprs[i];
		if (x->kind != E_CALL || x->site.label)
			continue;
		if (!lbl) {
			if (g->nlabels == LF_STMTS_POOL)
				fail(p, x->line, "too many statements (limit %d)", LF_STMTS_POOL);
			lbl = g->labels[g->nlabels++];
			squeeze(lbl, LF_LABEL_MAX, p->src + from, to - from);
		}
		x->site.label = lbl;
	}
}

static void declare_reg(struct lf_parser *p, const char *name, int line, bool ptr)
{
	struct litmus_prog *g = p->g;
	struct lf_proc *pr = cur_proc(p);
	int r = reg_find(pr, name);
	if (r >= 0)
		fail(p, line, "duplicate register '%s' in %s (first at line %d)", name, pr->name,
		     pr->regs[r].line);
	if (param_find(g, pr, name) >= 0)
		fail(p, line, "register '%s' has the name of a parameter of %s", name, pr->name);
	if (pr->nregs == LITMUS_REGS_MAX)
		fail(p, line, "too many registers in %s (limit %d)", pr->name, LITMUS_REGS_MAX);
	r = pr->nregs++;
	snprintf(pr->regs[r].name, sizeof(pr->regs[r].name), "%s", name);
	pr->regs[r].line = line;
	pr->regs[r].ptr = ptr;
}

static int parse_stmt(struct lf_parser *p);

static void link_stmt(struct litmus_prog *g, int blk, int *last, int s)
{
	if (s < 0)
		return;
	if (*last < 0)
		g->stmts[blk].first = (int16_t)s;
	else
		g->stmts[*last].next = (int16_t)s;
	*last = s;
}

/* Register declarations: int r0; int r1 = READ_ONCE(*x), *r2; */
static void parse_decl(struct lf_parser *p, int blk, int *last)
{
	struct litmus_prog *g = p->g;
	int base, stars, line = p->tok.line;
	size_t from = p->tok.off;
	char name[LF_NAME_MAX];
	parse_type(p, &base, &stars);
	if (base == B_LOCK || base == B_ATOMIC)
		unsupported(p, line, base == B_LOCK ? "local spinlock_t" : "local atomic_t", NULL);
	for (;;) {
		int first = g->nexprs, dline = p->tok.line;
		while (is_p(p, "*")) { /* int *a, *b: each declarator's own stars */
			stars++;
			next(p);
		}
		expect_name(p, name, "a register name");
		if (is_p(p, "["))
			unsupported(p, dline, "array", NULL);
		declare_reg(p, name, dline, stars > 0);
		stars = 0;
		if (is_p(p, "=")) {
			next(p);
			int e = parse_expr(p, 0), s = new_stmt(p, S_ASSIGN, dline, true);
			need_value(p, e);
			g->stmts[s].reg = (int16_t)reg_find(cur_proc(p), name);
			g->stmts[s].expr = (int16_t)e;
			label_calls(p, first, from);
			link_stmt(g, blk, last, s);
		}
		if (!is_p(p, ","))
			break;
		next(p);
	}
	expect(p, ";");
}

static bool proc_number(const struct lf_tok *t, int *n);

/* Where a statement should be: the next process ("P1(", "void P1"), a
 * clause of the tail (exists, ~exists, forall, filter, locations) or the end
 * of the file.  Then a '}' is missing: the block opened at p->block_line was
 * never closed.  A syntax error, not an unsupported call to 'P1'. */
static void check_unclosed(struct lf_parser *p)
{
	static const char *const tail[] = {"exists", "forall", "filter", "locations"};
	struct lf_tok t;
	char b[64];
	int n;
	bool end = p->tok.kind == T_EOF;
	if (!end && p->tok.kind == T_ID) {
		t = peek(p);
		if (proc_number(&p->tok, &n))
			end = t.kind == T_P && tok_is(&t, "(");
		else if (is_id(p, "void"))
			end = proc_number(&t, &n);
		for (size_t i = 0; i < sizeof(tail) / sizeof(tail[0]) && !end; i++)
			end = is_id(p, tail[i]) && !(t.kind == T_P && tok_is(&t, "=")) &&
			      reg_find(cur_proc(p), tail[i]) < 0;
	} else if (is_p(p, "~")) {
		t = peek(p);
		end = t.kind == T_ID && tok_is(&t, "exists");
	}
	if (end)
		fail(p, p->tok.line, "syntax error: expected '}' before %s (the block opened "
		     "at line %d is not closed)", tok_str(&p->tok, b, sizeof(b)), p->block_line);
}

/* Statements until '}' (not consumed); returns the block. */
static int parse_block_items(struct lf_parser *p, int line, bool counted)
{
	struct litmus_prog *g = p->g;
	int blk = new_stmt(p, S_BLOCK, line, counted), last = -1, outer = p->block_line;
	p->block_line = line;
	while (!is_p(p, "}")) {
		check_unclosed(p);
		if (is_type_word(&p->tok))
			parse_decl(p, blk, &last);
		else
			link_stmt(g, blk, &last, parse_stmt(p));
	}
	p->block_line = outer;
	return blk;
}

static void nest_in(struct lf_parser *p, int line)
{
	if (++p->nest > LF_NEST_MAX)
		fail(p, line, "statements nested too deeply (limit %d)", LF_NEST_MAX);
}

static int parse_branch(struct lf_parser *p)
{
	check_unclosed(p);
	if (is_type_word(&p->tok))
		fail(p, p->tok.line, "syntax error: a declaration is not a statement here");
	return parse_stmt(p);
}

static int parse_if(struct lf_parser *p, int line, size_t from)
{
	struct litmus_prog *g = p->g;
	int first = g->nexprs;
	next(p);
	expect(p, "(");
	int c = parse_expr(p, 0);
	need_value(p, c);
	expect(p, ")");
	label_calls(p, first, from);
	int s = new_stmt(p, S_IF, line, true);
	g->stmts[s].expr = (int16_t)c;
	nest_in(p, line);
	int t = parse_branch(p);
	g->stmts[s].then_s = (int16_t)t;
	if (is_id(p, "else")) {
		next(p);
		int e = parse_branch(p);
		g->stmts[s].else_s = (int16_t)e;
	}
	p->nest--;
	return s;
}

static int parse_stmt(struct lf_parser *p)
{
	struct litmus_prog *g = p->g;
	static const char *const banned[] = {
		"while", "for", "do", "switch", "goto", "return", "break", "continue",
		"case", "default", "asm", "__asm__"};
	int line = p->tok.line, first = g->nexprs, s;
	size_t from = p->tok.off;
	char name[LF_NAME_MAX + 16], b[64];

	if (is_p(p, "{")) {
		nest_in(p, line);
		next(p);
		s = parse_block_items(p, line, true);
		expect(p, "}");
		p->nest--;
		return s;
	}
	if (is_p(p, ";")) {
		next(p);
		return -1;
	}
	if (is_id(p, "if"))
		return parse_if(p, line, from);
	if (is_id(p, "else"))
		fail(p, line, "syntax error: 'else' without 'if'");
	for (size_t i = 0; i < sizeof(banned) / sizeof(banned[0]); i++)
		if (is_id(p, banned[i]))
			unsupported(p, line, banned[i], NULL);
	if (is_p(p, "*")) {
		struct lf_tok t = peek(p);
		snprintf(name, sizeof(name), "*%.*s = ...", t.kind == T_ID ? t.len : 0, t.s);
		unsupported(p, line, name, "plain C access: use WRITE_ONCE()");
	}
	if (is_p(p, "(")) {
		struct lf_tok t = peek(p);
		if (t.kind == T_ID && tok_is(&t, "void")) {
			next(p);
			next(p);
			expect(p, ")");
		}
	} else if (p->tok.kind == T_ID) {
		struct lf_tok t = peek(p);
		tok_copy(&p->tok, name);
		if (t.kind == T_P && tok_is(&t, "=")) {
			const struct lf_proc *pr = cur_proc(p);
			int r = reg_find(pr, name);
			if (r < 0 && param_find(g, pr, name) >= 0) {
				strcat(name, " = ...");
				unsupported(p, line, name, "assignment to a parameter");
			}
			if (r < 0)
				fail(p, line, "unknown register '%s' (declare it: int %s;)", name, name);
			next(p);
			next(p);
			int e = parse_expr(p, 0);
			need_value(p, e);
			expect(p, ";");
			s = new_stmt(p, S_ASSIGN, line, true);
			g->stmts[s].reg = (int16_t)r;
			g->stmts[s].expr = (int16_t)e;
			label_calls(p, first, from);
			return s;
		}
		if (t.kind == T_P && (tok_is(&t, "+=") || tok_is(&t, "-=") || tok_is(&t, "++") ||
				      tok_is(&t, "--") || tok_is(&t, "*=") || tok_is(&t, "|=") ||
				      tok_is(&t, "&=") || tok_is(&t, "^="))) {
			snprintf(name + strlen(name), 16, "%.*s", t.len, t.s);
			unsupported(p, line, name, NULL);
		}
		if (t.kind == T_P && tok_is(&t, ":"))
			unsupported(p, line, "label", NULL);
	}
	int e = parse_expr(p, 0);
	if (g->exprs[e].kind != E_CALL)
		fail(p, line, "syntax error: expected a statement (a call or 'r = ...;')");
	if (!is_p(p, ";"))
		fail(p, p->tok.line, "syntax error: expected ';' before %s",
		     tok_str(&p->tok, b, sizeof(b)));
	next(p);
	s = new_stmt(p, S_EXPR, line, true);
	g->stmts[s].expr = (int16_t)e;
	label_calls(p, first, from);
	return s;
}

/* ---- parser: processes ------------------------------------------------------------ */

static bool proc_number(const struct lf_tok *t, int *n)
{
	if (t->kind != T_ID || t->len < 2 || t->len > 4 || t->s[0] != 'P')
		return false;
	for (int i = 1; i < t->len; i++)
		if (!is_digit(t->s[i]))
			return false;
	if (t->len > 2 && t->s[1] == '0')
		return false;
	*n = atoi(t->s + 1);
	return true;
}

static void parse_param(struct lf_parser *p)
{
	struct litmus_prog *g = p->g;
	struct lf_proc *pr = cur_proc(p);
	int base, stars, line = p->tok.line;
	char name[LF_NAME_MAX], b[64], what[LF_NAME_MAX + 16];
	if (!parse_type(p, &base, &stars))
		fail(p, line, "syntax error: expected a parameter type before %s",
		     tok_str(&p->tok, b, sizeof(b)));
	expect_name(p, name, "a parameter name");
	if (stars == 0) {
		snprintf(what, sizeof(what), "%s(... %s)", pr->name, name);
		unsupported(p, line, what, "a parameter must point to a shared variable");
	}
	if (param_find(g, pr, name) >= 0)
		fail(p, line, "duplicate parameter '%s' in %s", name, pr->name);
	int v = var_declare(p, name, base_kind(base, stars - 1), line);
	pr->params[pr->nparams++] = (int16_t)v; /* distinct, so <= LITMUS_VARS_MAX */
}

static void parse_proc(struct lf_parser *p, int n)
{
	struct litmus_prog *g = p->g;
	int line = p->tok.line;
	if (n < g->nprocs)
		fail(p, line, "duplicate process P%d (first at line %d)", n, g->procs[n].line);
	if (n >= LITMUS_PROCS_MAX)
		fail(p, line, "too many processes: P%d (limit %d)", n, LITMUS_PROCS_MAX);
	if (n != g->nprocs && g->nprocs)
		fail(p, line, "process numbering gap: P%d follows P%d", n, g->nprocs - 1);
	if (n != g->nprocs)
		fail(p, line, "process numbering gap: the first process is P%d, not P0", n);
	p->proc = g->nprocs++;
	struct lf_proc *pr = cur_proc(p);
	snprintf(pr->name, sizeof(pr->name), "P%d", n & 0xff); /* n < LITMUS_PROCS_MAX */
	pr->line = line;
	next(p);
	expect(p, "(");
	if (!is_p(p, ")"))
		for (;;) {
			parse_param(p);
			if (!is_p(p, ","))
				break;
			next(p);
		}
	expect(p, ")");
	if (!is_p(p, "{")) {
		char b[64];
		fail(p, p->tok.line, "syntax error: expected '{' (the body of %s) before %s",
		     pr->name, tok_str(&p->tok, b, sizeof(b)));
	}
	int open = p->tok.line;
	p->body = true; /* from the token after '{' on */
	next(p);
	pr->body = (int16_t)parse_block_items(p, open, false);
	p->body = false;
	next(p);
	p->proc = -1;
}

/* ---- parser: conditions ------------------------------------------------------------ */

static int new_cond(struct lf_parser *p, int kind, int line)
{
	struct litmus_prog *g = p->g;
	if (g->nconds == LF_CONDS_MAX)
		fail(p, line, "condition too large (limit %d nodes)", LF_CONDS_MAX);
	int i = g->nconds++;
	struct lf_cond *c = &g->conds[i];
	memset(c, 0, sizeof(*c));
	c->kind = (uint8_t)kind;
	c->a = c->b = c->val_var = -1;
	return i;
}

static void add_disp(struct litmus_prog *g, int proc, int idx)
{
	for (int i = 0; i < g->ndisp; i++)
		if (g->disp[i].proc == proc && g->disp[i].idx == idx)
			return;
	g->disp[g->ndisp++] = (struct lf_disp){(int16_t)proc, (int16_t)idx}; /* distinct */
}

/* N:reg or a variable name, as the condition and the locations clause write them. */
static void parse_location(struct lf_parser *p, int *proc, int *idx, const char *where)
{
	struct litmus_prog *g = p->g;
	int line = p->tok.line;
	char name[LF_NAME_MAX], b[64];
	if (p->tok.kind == T_NUM) {
		int64_t n = p->tok.num;
		next(p);
		expect(p, ":");
		expect_name(p, name, "a register name");
		if (n >= g->nprocs)
			fail(p, line, "%s names process P%" PRId64 ", but the test has %d", where,
			     n, g->nprocs);
		int r = reg_find(&g->procs[n], name);
		if (r < 0)
			fail(p, line, "unknown register '%" PRId64 ":%s' in %s", n, name, where);
		*proc = (int)n;
		*idx = r;
		return;
	}
	bool bracket = is_p(p, "[");
	if (bracket)
		next(p);
	if (p->tok.kind != T_ID)
		fail(p, line, "syntax error: expected a location in %s before %s", where,
		     tok_str(&p->tok, b, sizeof(b)));
	expect_name(p, name, "a location");
	if (bracket)
		expect(p, "]");
	int v = var_find(g, name);
	if (v < 0)
		fail(p, line, "unknown location '%s' in %s", name, where);
	if (g->vars[v].kind == VK_LOCK)
		fail(p, line, "spinlock_t '%s' in %s", name, where);
	*proc = -1;
	*idx = v;
}

static int parse_prop(struct lf_parser *p, int depth);

static int parse_term(struct lf_parser *p, int depth)
{
	struct litmus_prog *g = p->g;
	int line = p->tok.line, c, proc, idx;
	char b[64], name[LF_NAME_MAX];
	if (depth > LITMUS_DEPTH_MAX)
		fail(p, line, "condition nested too deeply (limit %d)", LITMUS_DEPTH_MAX);
	if (is_p(p, "~")) {
		next(p);
		int a = parse_term(p, depth + 1);
		c = new_cond(p, C_NOT, line);
		g->conds[c].a = (int16_t)a;
		return c;
	}
	if (is_p(p, "(")) {
		next(p);
		c = parse_prop(p, depth + 1);
		expect(p, ")");
		return c;
	}
	if (is_id(p, "true") || is_id(p, "false")) {
		c = new_cond(p, is_id(p, "true") ? C_TRUE : C_FALSE, line);
		next(p);
		return c;
	}
	if (p->tok.kind != T_NUM && p->tok.kind != T_ID && !is_p(p, "["))
		fail(p, line, "syntax error: expected a condition before %s",
		     tok_str(&p->tok, b, sizeof(b)));
	parse_location(p, &proc, &idx, "the condition");
	c = new_cond(p, proc < 0 ? C_VAR : C_REG, line);
	g->conds[c].proc = (int16_t)proc;
	g->conds[c].idx = (int16_t)idx;
	if (is_p(p, "!="))
		g->conds[c].neq = true;
	else if (!is_p(p, "=") && !is_p(p, "=="))
		fail(p, p->tok.line, "syntax error: expected '=' before %s",
		     tok_str(&p->tok, b, sizeof(b)));
	next(p);
	if (is_p(p, "&"))
		next(p);
	if (p->tok.kind == T_ID) {
		expect_name(p, name, "a value");
		int v = var_find(g, name);
		if (v < 0)
			fail(p, line, "unknown variable '%s' in the condition", name);
		g->conds[c].val_var = (int16_t)v;
	} else {
		g->conds[c].val = parse_signed_num(p);
	}
	return c;
}

static int parse_conj(struct lf_parser *p, int depth)
{
	int l = parse_term(p, depth);
	while (is_p(p, "/\\")) {
		int line = p->tok.line;
		next(p);
		int r = parse_term(p, depth + 1), c = new_cond(p, C_AND, line);
		p->g->conds[c].a = (int16_t)l;
		p->g->conds[c].b = (int16_t)r;
		l = c;
	}
	return l;
}

static int parse_prop(struct lf_parser *p, int depth)
{
	if (depth > LITMUS_DEPTH_MAX)
		fail(p, p->tok.line, "condition nested too deeply (limit %d)", LITMUS_DEPTH_MAX);
	int l = parse_conj(p, depth + 1);
	while (is_p(p, "\\/")) {
		int line = p->tok.line;
		next(p);
		int r = parse_conj(p, depth + 1), c = new_cond(p, C_OR, line);
		p->g->conds[c].a = (int16_t)l;
		p->g->conds[c].b = (int16_t)r;
		l = c;
	}
	if (is_p(p, "=>")) {
		int line = p->tok.line;
		next(p);
		int r = parse_prop(p, depth + 1), c = new_cond(p, C_IMPL, line);
		p->g->conds[c].a = (int16_t)l;
		p->g->conds[c].b = (int16_t)r;
		l = c;
	}
	return l;
}

/* Every location a condition reads is displayed in the final states. */
static void cond_disp(struct litmus_prog *g, int c)
{
	const struct lf_cond *x = &g->conds[c];
	if (x->kind == C_REG || x->kind == C_VAR)
		add_disp(g, x->proc, x->idx);
	if (x->a >= 0)
		cond_disp(g, x->a);
	if (x->b >= 0)
		cond_disp(g, x->b);
}

static void parse_locations(struct lf_parser *p)
{
	int proc, idx;
	next(p);
	expect(p, "[");
	while (!is_p(p, "]")) {
		if (is_p(p, ";")) {
			next(p);
			continue;
		}
		parse_location(p, &proc, &idx, "the locations clause");
		add_disp(p->g, proc, idx);
		if (!is_p(p, ";") && !is_p(p, "]")) {
			char b[64];
			fail(p, p->tok.line, "syntax error: expected ';' or ']' before %s",
			     tok_str(&p->tok, b, sizeof(b)));
		}
	}
	next(p);
}

static void parse_tail(struct lf_parser *p)
{
	struct litmus_prog *g = p->g;
	char b[64];
	int locs_line = 0, filter_line = 0;
	for (;;) {
		if (is_id(p, "locations")) {
			if (locs_line)
				fail(p, p->tok.line, "duplicate locations clause (first at line %d)",
				     locs_line);
			locs_line = p->tok.line;
			parse_locations(p);
		} else if (is_id(p, "filter")) {
			if (filter_line)
				fail(p, p->tok.line, "duplicate filter clause (first at line %d)",
				     filter_line);
			filter_line = p->tok.line;
			next(p);
			g->filter = (int16_t)parse_prop(p, 0);
		} else {
			break;
		}
	}
	int line = p->tok.line;
	size_t from = p->tok.off;
	if (is_id(p, "exists")) {
		g->quant = Q_EXISTS;
	} else if (is_id(p, "forall")) {
		g->quant = Q_FORALL;
	} else if (is_p(p, "~")) {
		next(p);
		if (!is_id(p, "exists"))
			fail(p, p->tok.line, "syntax error: expected 'exists' after '~'");
		g->quant = Q_NOT_EXISTS;
	} else if (p->tok.kind == T_EOF) {
		fail(p, line, "syntax error: missing final condition (exists, ~exists or forall)");
	} else {
		fail(p, line, "syntax error: expected a process, 'locations', 'filter', "
		     "'exists', '~exists' or 'forall' before %s", tok_str(&p->tok, b, sizeof(b)));
	}
	next(p);
	g->cond = (int16_t)parse_prop(p, 0);
	cond_disp(g, g->cond);
	squeeze(g->cond_text, sizeof(g->cond_text), p->src + from,
		p->prev.off + (size_t)p->prev.len - from);
	if (p->tok.kind != T_EOF)
		fail(p, p->tok.line, "syntax error: unexpected %s after the final condition",
		     tok_str(&p->tok, b, sizeof(b)));
}

/* ---- parser: the file --------------------------------------------------------------- */

static void parse_header(struct lf_parser *p)
{
	struct litmus_prog *g = p->g;
	char b[64];
	lex(p);
	if (p->tok.kind == T_EOF)
		fail(p, p->tok.line, "empty file (expected 'C NAME')");
	if (p->tok.kind == T_ID && !tok_is(&p->tok, "C")) {
		char w[LF_NAME_MAX];
		tok_copy(&p->tok, w);
		unsupported(p, p->tok.line, w, "only C litmus tests are supported");
	}
	if (!is_id(p, "C"))
		fail(p, p->tok.line, "syntax error: expected 'C NAME' before %s",
		     tok_str(&p->tok, b, sizeof(b)));
	size_t i = p->pos, n = 0;
	while (i < p->len && (p->src[i] == ' ' || p->src[i] == '\t'))
		i++;
	while (i + n < p->len && (unsigned char)p->src[i + n] > 0x20 &&
	       (unsigned char)p->src[i + n] < 0x7f)
		n++;
	if (!n)
		fail(p, p->tok.line, "syntax error: missing test name after 'C'");
	if (n >= sizeof(g->name))
		fail(p, p->tok.line, "test name too long (limit %zu)", sizeof(g->name) - 1);
	memcpy(g->name, p->src + i, n);
	g->name[n] = 0;
	p->pos = i + n;
	next(p);
}

static void resolve(struct lf_parser *p)
{
	struct litmus_prog *g = p->g;
	for (int i = 0; i < g->nvars; i++) {
		struct lf_var *v = &g->vars[i];
		if (v->init_ref[0]) {
			int j = var_find(g, v->init_ref);
			if (j < 0)
				fail(p, v->init_line, "unknown variable '%s' in the initial value of '%s'",
				     v->init_ref, v->name);
			if (g->vars[j].kind == VK_LOCK)
				fail(p, v->init_line, "the address of spinlock_t '%s' as a value",
				     v->init_ref);
			v->init_var = (int16_t)j;
			if (v->kind == VK_NONE)
				v->kind = VK_PTR;
			if (v->kind != VK_PTR)
				fail(p, v->init_line, "'%s' is %s, but its initial value is the "
				     "address of '%s'", v->name, vkind_names[v->kind], v->init_ref);
		}
		if (v->kind == VK_NONE)
			v->kind = VK_INT;
	}
}

static void lf_setup(struct sim *sim, void *state);
static void lf_check_end(struct sim *sim, void *state);
static void lf_outcome(struct sim *sim, void *state, char *buf, size_t len);

/* The whole file; errors longjmp back here. */
static bool parse_all(struct lf_parser *p)
{
	struct litmus_prog *g = p->g;
	if (setjmp(p->jb))
		return false;
	if (p->len > LITMUS_FILE_MAX)
		fail(p, 1, "file too large (limit %u bytes)", LITMUS_FILE_MAX);
	const char *nul = memchr(p->src, 0, p->len);
	if (nul) {
		int line = 1;
		for (const char *c = p->src; c < nul; c++)
			line += *c == '\n';
		fail(p, line, "binary file (NUL byte), not a litmus test");
	}
	parse_header(p);
	parse_init(p);
	while (p->tok.kind == T_ID) {
		int n;
		if (is_id(p, "void")) {
			struct lf_tok t = peek(p);
			if (proc_number(&t, &n))
				next(p);
		}
		if (!proc_number(&p->tok, &n))
			break;
		parse_proc(p, n);
	}
	if (!g->nprocs)
		fail(p, p->tok.line, "no processes (expected P0 after the initial state)");
	parse_tail(p);
	resolve(p);
	return true;
}

struct litmus_prog *litmus_parse(const char *path, const char *text, size_t len,
				 char *result, char *err, size_t errlen)
{
	struct lf_parser *p = calloc(1, sizeof(*p));
	struct litmus_prog *g = calloc(1, sizeof(*g));
	if (!p || !g) {
		snprintf(err, errlen, "%s: out of memory", path);
		free(p);
		free(g);
		return NULL;
	}
	p->path = path;
	p->src = text;
	p->len = len;
	p->line = 1;
	p->header = true;
	p->proc = -1;
	p->g = g;
	p->err = err;
	p->errlen = errlen;
	g->path = path;
	g->filter = -1;
	bool ok = parse_all(p);
	free(p);
	if (result)
		snprintf(result, LITMUS_RESULT_MAX, "%s", g->result);
	if (!ok) {
		free(g);
		return NULL;
	}
	g->sc.name = g->name;
	g->sc.summary = "C litmus test";
	g->sc.bugs[0] = -1;
	g->sc.archs = SCEN_ARCHS_ALL; /* nothing reads the arch */
	g->sc.state_size = sizeof(struct lf_state);
	g->sc.setup = lf_setup;
	g->sc.check_end = lf_check_end;
	g->sc.outcome = lf_outcome;
	return g;
}

struct litmus_prog *litmus_load(const char *path, char *result, char *err, size_t errlen)
{
	if (result)
		result[0] = 0;
	FILE *f = fopen(path, "rb");
	struct stat st;
	if (!f) {
		snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
		one_line(err);
		return NULL;
	}
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		snprintf(err, errlen, "%s: is a directory", path);
		one_line(err);
		return NULL;
	}
	char *buf = malloc(LITMUS_FILE_MAX + 1);
	if (!buf) {
		fclose(f);
		snprintf(err, errlen, "%s: out of memory", path);
		return NULL;
	}
	size_t n = fread(buf, 1, LITMUS_FILE_MAX + 1, f);
	bool bad = ferror(f);
	fclose(f);
	if (bad) {
		free(buf);
		snprintf(err, errlen, "%s:1: read error", path);
		one_line(err);
		return NULL;
	}
	struct litmus_prog *g = litmus_parse(path, buf, n, result, err, errlen);
	free(buf);
	return g;
}

void litmus_free(struct litmus_prog *p) { free(p); }
const char *litmus_name(const struct litmus_prog *p) { return p->name; }
const char *litmus_result(const struct litmus_prog *p) { return p->result[0] ? p->result : NULL; }
const struct scenario *litmus_scenario(const struct litmus_prog *p) { return &p->sc; }

/* ---- the interpreter ------------------------------------------------------------------ */

struct lf_ctx {
	struct lf_state *s;
	const struct litmus_prog *g;
	int proc;
};

static unsigned var_size(const struct lf_var *v)
{
	switch (v->kind) {
	case VK_LONG:
	case VK_PTR: return 8;
	case VK_LOCK: return sizeof(spinlock_t);
	default: return 4;
	}
}

static int64_t sext(uint64_t v, unsigned size)
{
	return size == 4 ? (int64_t)(int32_t)(uint32_t)v : (int64_t)v;
}

static void rt_fail(struct lf_ctx *c, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void rt_fail(struct lf_ctx *c, int line, const char *fmt, ...)
{
	va_list ap;
	if (c->s->failed)
		return;
	c->s->failed = true;
	c->s->err_line = line;
	va_start(ap, fmt);
	vsnprintf(c->s->err, sizeof(c->s->err), fmt, ap);
	va_end(ap);
}

static int var_at(const struct lf_state *s, int64_t addr)
{
	for (int i = 0; i < s->g->nvars; i++)
		if ((uint64_t)(uintptr_t)s->var[i] == (uint64_t)addr)
			return i;
	return -1;
}

static int64_t eval(struct lf_ctx *c, int e);

static int64_t call(struct lf_ctx *c, const struct lf_expr *e)
{
	const struct lf_fn *f = &lf_fns[e->fn];
	const struct litmus_prog *g = c->g;
	struct lf_state *s = c->s;
	const struct platform_site *site = &e->site;
	int64_t v0 = 0, v1 = 0;
	if (f->kind == F_FENCE) {
		plat_fence(site, (enum plat_fence)f->order);
		return 0;
	}
	if (e->a >= 0)
		v0 = eval(c, e->a);
	if (e->b >= 0 && !s->failed)
		v1 = eval(c, e->b);
	if (s->failed)
		return 0;
	int vi = e->idx;
	if (e->loc_kind == LOC_REG) {
		const struct lf_proc *pr = &g->procs[c->proc];
		int64_t a = s->reg[c->proc][e->idx];
		vi = var_at(s, a);
		if (vi < 0) {
			rt_fail(c, e->line, "%s: %s = %" PRId64 " is not the address of a shared "
				"variable", pr->name, pr->regs[e->idx].name, a);
			return 0;
		}
		if (fn_is_lock(f) != (g->vars[vi].kind == VK_LOCK)) {
			rt_fail(c, e->line, "%s: '%s' through %s on %s '%s'", pr->name, f->name,
				pr->regs[e->idx].name, vkind_names[g->vars[vi].kind],
				g->vars[vi].name);
			return 0;
		}
	}
	volatile void *addr = s->var[vi];
	unsigned size = var_size(&g->vars[vi]);
	spinlock_t *lock = (spinlock_t *)(uintptr_t)addr;
	uint32_t bit = 1u << vi;
	switch (f->kind) {
	case F_LOAD: {
		enum plat_order order = (enum plat_order)f->order;
		if (g->vars[vi].kind == VK_PTR) /* address dependency: see the header */
			order = PLAT_ACQUIRE;
		return sext(plat_load(site, addr, size, order), size);
	}
	case F_STORE:
		plat_store(site, addr, size, (uint64_t)v0, (enum plat_order)f->order);
		return 0;
	case F_STORE_MB:
		plat_store_mb(site, addr, size, (uint64_t)v0);
		return 0;
	case F_LOCK:
		plat_lock(site, lock, PLAT_SPIN, true);
		s->held[c->proc] |= bit;
		return 0;
	case F_UNLOCK:
		if (!(s->held[c->proc] & bit)) {
			rt_fail(c, e->line, "%s: spin_unlock(%s) of a lock it does not hold",
				g->procs[c->proc].name, g->vars[vi].name);
			return 0;
		}
		s->held[c->proc] &= ~bit;
		plat_unlock(site, lock, PLAT_SPIN, true);
		return 0;
	case F_TRYLOCK: {
		bool ok = plat_trylock(site, lock, PLAT_SPIN, true);
		if (ok)
			s->held[c->proc] |= bit;
		return ok;
	}
	default: { /* F_RMW */
		uint64_t a = (uint64_t)v0, b = 0, delta = 0;
		if (f->rmw == PLAT_RMW_CMPXCHG) {
			b = (uint64_t)v0; /* expected */
			a = (uint64_t)v1; /* new */
		} else if (f->rmw == PLAT_RMW_ADD) {
			delta = f->implicit ? (uint64_t)(int64_t)f->sign
				: f->sign < 0 ? 0 - (uint64_t)v0 : (uint64_t)v0;
			a = delta;
		}
		int64_t old = sext(plat_rmw(site, addr, size, (enum plat_rmw_op)f->rmw, a, b,
					    (enum plat_rmw_class)f->cls), size);
		return f->ret == R_NEW ? sext((uint64_t)old + delta, size) : old;
	}
	}
}

static int64_t binary(int op, int64_t l, int64_t r)
{
	uint64_t ul = (uint64_t)l, ur = (uint64_t)r;
	switch (op) {
	case O_ADD: return (int64_t)(ul + ur);
	case O_SUB: return (int64_t)(ul - ur);
	case O_MUL: return (int64_t)(ul * ur);
	case O_BAND: return l & r;
	case O_BOR: return l | r;
	case O_XOR: return l ^ r;
	case O_SHL: return (int64_t)(ul << (ur & 63));
	case O_SHR: return l >> (ur & 63);
	case O_EQ: return l == r;
	case O_NE: return l != r;
	case O_LT: return l < r;
	case O_LE: return l <= r;
	case O_GT: return l > r;
	default: return l >= r; /* O_GE */
	}
}

/* Depth is bounded by the parser (LITMUS_DEPTH_MAX). */
static int64_t eval(struct lf_ctx *c, int i)
{
	const struct lf_expr *e = &c->g->exprs[i];
	int64_t l, r;
	switch (e->kind) {
	case E_NUM: return e->num;
	case E_REG: return c->s->reg[c->proc][e->idx];
	case E_ADDR: return (int64_t)(uintptr_t)c->s->var[e->idx];
	case E_CALL: return call(c, e);
	case E_UN:
		l = eval(c, e->a);
		switch (e->op) {
		case O_NOT: return !l;
		case O_NEG: return (int64_t)(0 - (uint64_t)l);
		case O_BNOT: return ~l;
		default: return l;
		}
	default: /* E_BIN */
		l = eval(c, e->a);
		if (c->s->failed)
			return 0;
		if (e->op == O_LAND || e->op == O_LOR) {
			if ((e->op == O_LAND) != (l != 0)) /* short circuit, as C */
				return e->op == O_LOR;
			return eval(c, e->b) != 0;
		}
		r = eval(c, e->b);
		return binary(e->op, l, r);
	}
}

/* Nesting is bounded by the parser (LF_NEST_MAX). */
static void exec(struct lf_ctx *c, int i)
{
	const struct lf_stmt *st = &c->g->stmts[i];
	int64_t v;
	switch (st->kind) {
	case S_BLOCK:
		for (int k = st->first; k >= 0 && !c->s->failed; k = c->g->stmts[k].next)
			exec(c, k);
		break;
	case S_ASSIGN:
		v = eval(c, st->expr);
		if (!c->s->failed)
			c->s->reg[c->proc][st->reg] = v;
		break;
	case S_EXPR:
		(void)eval(c, st->expr);
		break;
	default: /* S_IF */
		v = eval(c, st->expr);
		if (c->s->failed)
			break;
		if (v && st->then_s >= 0)
			exec(c, st->then_s);
		else if (!v && st->else_s >= 0)
			exec(c, st->else_s);
		break;
	}
}

static void lf_thread_main(void *arg)
{
	struct lf_thread *t = arg;
	struct lf_ctx c = {t->s, t->s->g, t->proc};
	exec(&c, c.g->procs[t->proc].body);
}

static void lf_setup(struct sim *sim, void *state)
{
	struct lf_state *s = state;
	const struct litmus_prog *g = (const struct litmus_prog *)sim_config(sim)->scenario;
	s->g = g;
	for (int i = 0; i < g->nvars; i++) {
		s->var[i] = sim_alloc(sim, var_size(&g->vars[i]));
		sim_name_sized(sim, s->var[i], var_size(&g->vars[i]), g->vars[i].name);
	}
	/* Initial values: plain writes before any thread exists. */
	for (int i = 0; i < g->nvars; i++) {
		const struct lf_var *v = &g->vars[i];
		uint64_t x = v->init_var >= 0 ? (uint64_t)(uintptr_t)s->var[v->init_var]
			     : (uint64_t)v->init;
		if (v->kind == VK_LOCK)
			spin_lock_init((spinlock_t *)(uintptr_t)s->var[i]);
		else if (var_size(v) == 4)
			*(volatile uint32_t *)s->var[i] = (uint32_t)x;
		else
			*(volatile uint64_t *)s->var[i] = x;
	}
	for (int i = 0; i < g->nprocs; i++) {
		s->th[i] = (struct lf_thread){s, i};
		sim_spawn(sim, g->procs[i].name, i, lf_thread_main, &s->th[i]);
	}
}

static int64_t final_value(const struct lf_state *s, int v)
{
	const struct lf_var *x = &s->g->vars[v];
	return sext(sim_peek(s->var[v], var_size(x)), var_size(x));
}

static bool cond_eval(const struct lf_state *s, int i)
{
	const struct lf_cond *c = &s->g->conds[i];
	int64_t v, want;
	switch (c->kind) {
	case C_TRUE: return true;
	case C_FALSE: return false;
	case C_NOT: return !cond_eval(s, c->a);
	case C_AND: return cond_eval(s, c->a) && cond_eval(s, c->b);
	case C_OR: return cond_eval(s, c->a) || cond_eval(s, c->b);
	case C_IMPL: return !cond_eval(s, c->a) || cond_eval(s, c->b);
	default:
		v = c->kind == C_REG ? s->reg[c->proc][c->idx] : final_value(s, c->idx);
		want = c->val_var >= 0 ? (int64_t)(uintptr_t)s->var[c->val_var] : c->val;
		return (v == want) != c->neq;
	}
}

static void lf_check_end(struct sim *sim, void *state)
{
	struct lf_state *s = state;
	const struct litmus_prog *g = s->g;
	s->done = true;
	for (int t = 0; t < sim_thread_count(sim); t++)
		if (!sim_thread_done(sim, t)) { /* waits forever for a lock */
			s->blocked = true;
			sim_claim_stuck(sim, t);
		}
	if (s->failed || s->blocked)
		return;
	if (g->filter >= 0 && !cond_eval(s, g->filter)) {
		s->filtered = true;
		return;
	}
	s->holds = cond_eval(s, g->cond);
	for (int i = 0; i < g->ndisp; i++) {
		const struct lf_disp *d = &g->disp[i];
		int64_t v = d->proc >= 0 ? s->reg[d->proc][d->idx] : final_value(s, d->idx);
		int at = var_at(s, v);
		s->key_var[i] = at >= 0;
		s->key[i] = at >= 0 ? at : v;
	}
}

/* Bounded appending: a full buffer stays NUL-terminated and takes no more. */
struct lf_buf {
	char *b;
	size_t len, o;
};

static void app(struct lf_buf *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void app(struct lf_buf *s, const char *fmt, ...)
{
	va_list ap;
	if (s->o >= s->len)
		return;
	va_start(ap, fmt);
	int n = vsnprintf(s->b + s->o, s->len - s->o, fmt, ap);
	va_end(ap);
	s->o = n < 0 || s->o + (size_t)n >= s->len ? s->len : s->o + (size_t)n;
}

static void disp_name(const struct litmus_prog *g, int i, struct lf_buf *b)
{
	const struct lf_disp *d = &g->disp[i];
	if (d->proc >= 0)
		app(b, "%d:%s", d->proc, g->procs[d->proc].regs[d->idx].name);
	else
		app(b, "%s", g->vars[d->idx].name);
}

/* "0:r0=0; 1:r0=1; x=1;" as herd7 prints a final state. */
static void format_state(const struct litmus_prog *g, const int64_t *key, const uint8_t *isvar,
			 char *buf, size_t len)
{
	struct lf_buf b = {buf, len, 0};
	buf[0] = 0;
	for (int i = 0; i < g->ndisp; i++) {
		app(&b, "%s", i ? " " : "");
		disp_name(g, i, &b);
		if (isvar[i])
			app(&b, "=%s;", g->vars[key[i]].name);
		else
			app(&b, "=%" PRId64 ";", key[i]);
	}
}

static void lf_outcome(struct sim *sim, void *state, char *buf, size_t len)
{
	const struct lf_state *s = state;
	(void)sim;
	if (!len)
		return;
	buf[0] = 0;
	if (s->done && !s->blocked && !s->failed && !s->filtered)
		format_state(s->g, s->key, s->key_var, buf, len);
}

/* ---- exploration ------------------------------------------------------------------------ */

static uint64_t key_hash(const int64_t *k, const uint8_t *a, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < n; i++) {
		h = (h ^ (uint64_t)k[i]) * 0x100000001b3ULL;
		h = (h ^ a[i]) * 0x100000001b3ULL;
	}
	return h ^ (h >> 31);
}

static bool add_state(struct litmus_outcome *o, const int64_t *k, const uint8_t *a)
{
	size_t w = o->width;
	if (!o->slots) {
		o->nslots = 2 * LITMUS_STATES_MAX;
		o->slots = calloc(o->nslots, sizeof(*o->slots));
		o->vals = calloc(LITMUS_STATES_MAX, (w ? w : 1) * sizeof(*o->vals));
		o->isvar = calloc(LITMUS_STATES_MAX, w ? w : 1);
		if (!o->slots || !o->vals || !o->isvar)
			return false;
	}
	size_t h = (size_t)key_hash(k, a, w) & (o->nslots - 1);
	for (;; h = (h + 1) & (o->nslots - 1)) {
		uint32_t s = o->slots[h];
		if (!s)
			break;
		if (!memcmp(o->vals + (s - 1) * w, k, w * sizeof(*k)) &&
		    !memcmp(o->isvar + (s - 1) * w, a, w))
			return true;
	}
	if (o->nstates == LITMUS_STATES_MAX) {
		o->states_truncated = true;
		return true;
	}
	memcpy(o->vals + o->nstates * w, k, w * sizeof(*k));
	memcpy(o->isvar + o->nstates * w, a, w);
	o->slots[h] = (uint32_t)++o->nstates;
	return true;
}

static bool keep_witness(struct litmus_outcome *o, const struct sim *sim)
{
	size_t n = sim_decision_count(sim);
	o->witness = malloc((n ? n : 1) * sizeof(*o->witness));
	if (!o->witness)
		return false;
	memcpy(o->witness, sim_decisions(sim), n * sizeof(*o->witness));
	o->nwitness = n;
	o->witness_run = o->schedules;
	return true;
}

int litmus_explore(const struct litmus_prog *p, int model, uint64_t budget,
		   int switch_impl, struct litmus_outcome *o, char *err, size_t errlen)
{
	struct sim_config cfg;
	struct strategy st;
	struct sim_result r;
	int rc = 0;

	memset(o, 0, sizeof(*o));
	o->model = model;
	o->width = (size_t)p->ndisp;
	sim_config_defaults(&cfg, &p->sc);
	cfg.model = model;
	if (switch_impl >= 0)
		cfg.switch_impl = switch_impl;
	struct sim *sim = sim_new(&cfg);
	strategy_init(&st, ST_DFS, 0);
	for (;;) {
		strategy_begin_run(&st, o->schedules);
		sim_run(sim, &st, &r);
		o->schedules++;
		const struct lf_state *s = sim_state(sim);
		if (s->failed) {
			snprintf(err, errlen, "%s:%d: %s (model %s, schedule %" PRIu64 ")", p->path,
				 s->err_line, s->err, sim_model_name(model), o->schedules);
			rc = -1;
		} else if (r.violated) {
			int line = r.v.nsites && r.v.sites[0] ? r.v.sites[0]->line : p->procs[0].line;
			snprintf(err, errlen, "%s:%d: %s: %s (model %s, schedule %" PRIu64 ")",
				 p->path, line, sim_viol_name(r.v.kind), r.v.msg,
				 sim_model_name(model), o->schedules);
			rc = -1;
		} else if (r.aborted) {
			/* cut by partial-order reduction: equivalent to a
			 * schedule explored before (sim/dpor.c) */
		} else if (!s->done) {
			snprintf(err, errlen, "%s:%d: the run ended before quiescence (model %s)",
				 p->path, p->procs[0].line, sim_model_name(model));
			rc = -1;
		} else if (s->blocked) {
			o->blocked++;
		} else if (s->filtered) {
			o->filtered++;
		} else {
			if (s->holds)
				o->pos++;
			else
				o->neg++;
			if (!o->witness && s->holds == (p->quant != Q_FORALL) &&
			    !keep_witness(o, sim)) {
				snprintf(err, errlen, "%s: out of memory", p->path);
				rc = -1;
			}
			if (!add_state(o, s->key, s->key_var)) {
				snprintf(err, errlen, "%s: out of memory", p->path);
				rc = -1;
			}
		}
		if (rc)
			break;
		if (!strategy_dfs_next(&st)) {
			o->complete = true;
			break;
		}
		if (o->schedules >= budget)
			break;
	}
	if (rc)
		one_line(err);
	strategy_free(&st);
	sim_free(sim);
	return rc;
}

void litmus_outcome_free(struct litmus_outcome *o)
{
	free(o->slots);
	free(o->vals);
	free(o->isvar);
	free(o->witness);
	o->slots = NULL;
	o->vals = NULL;
	o->isvar = NULL;
	o->witness = NULL;
}

int litmus_witness(const struct litmus_prog *p, const struct litmus_outcome *o,
		   int switch_impl, FILE *out, char *err, size_t errlen)
{
	struct sim_config cfg;
	struct strategy st;
	struct sim_result r;
	char outcome[1024];
	if (!o->witness) {
		snprintf(err, errlen, "%s: no execution %s the condition under %s", p->path,
			 p->quant == Q_FORALL ? "falsifies" : "satisfies", sim_model_name(o->model));
		return -1;
	}
	sim_config_defaults(&cfg, &p->sc);
	cfg.model = o->model;
	cfg.trace = true;
	if (switch_impl >= 0)
		cfg.switch_impl = switch_impl;
	struct sim *sim = sim_new(&cfg);
	strategy_init(&st, ST_REPLAY, 0);
	strategy_set_replay(&st, o->witness, o->nwitness);
	strategy_begin_run(&st, 0);
	sim_run(sim, &st, &r);
	int rc = 0;
	if (r.aborted || st.pos != o->nwitness) {
		snprintf(err, errlen, "%s: the witness did not replay (%s)", p->path,
			 st.error[0] ? st.error : "diverged");
		rc = -1;
	} else {
		sim_outcome(sim, outcome, sizeof(outcome));
		fprintf(out, "Witness %s model=%s schedule %" PRIu64 ": %s\n", p->name,
			sim_model_name(o->model), o->witness_run, outcome);
		sim_trace_write(sim, out, TRACE_TEXT);
		fprintf(out, "\n");
	}
	strategy_free(&st);
	sim_free(sim);
	return rc;
}

int litmus_verdict(const struct litmus_outcome *o)
{
	return o->pos == 0 ? NEVER : o->neg == 0 ? ALWAYS : SOMETIMES;
}

bool litmus_validated(const struct litmus_prog *p, const struct litmus_outcome *o)
{
	switch (p->quant) {
	case Q_EXISTS: return o->pos > 0;
	case Q_NOT_EXISTS: return o->pos == 0;
	default: return o->neg == 0;
	}
}

int litmus_agrees(const struct litmus_prog *p, const struct litmus_outcome *o)
{
	static const char *const words[] = {"Never", "Sometimes", "Always"};
	static const int verdicts[] = {NEVER, SOMETIMES, ALWAYS};
	if (!p->result[0])
		return -1;
	if (!strcmp(p->result, "DEADLOCK"))
		return o->pos == 0 && o->neg == 0;
	for (int i = 0; i < 3; i++)
		if (!strcmp(p->result, words[i]))
			return litmus_verdict(o) == verdicts[i];
	return -1;
}

/* ---- the report ---------------------------------------------------------------------------- */

struct state_row {
	const int64_t *k;
	const uint8_t *a;
	size_t w;
};

static int row_cmp(const void *x, const void *y)
{
	const struct state_row *a = x, *b = y;
	for (size_t i = 0; i < a->w; i++) {
		if (a->a[i] != b->a[i])
			return a->a[i] < b->a[i] ? -1 : 1;
		if (a->k[i] != b->k[i])
			return a->k[i] < b->k[i] ? -1 : 1;
	}
	return 0;
}

void litmus_report(FILE *out, const struct litmus_prog *p, const struct litmus_outcome *o,
		   bool show_states, double seconds)
{
	fprintf(out, "Test %s model=%s\n", p->name, sim_model_name(o->model));
	if (show_states) {
		fprintf(out, "States %zu%s\n", o->nstates,
			o->states_truncated ? " (more not kept)" : "");
		struct state_row *rows = calloc(o->nstates ? o->nstates : 1, sizeof(*rows));
		for (size_t i = 0; rows && i < o->nstates; i++)
			rows[i] = (struct state_row){o->vals + i * o->width,
						     o->isvar + i * o->width, o->width};
		if (rows && o->nstates)
			qsort(rows, o->nstates, sizeof(*rows), row_cmp);
		for (size_t i = 0; rows && i < o->nstates; i++) {
			char line[LF_DISP_MAX * 96];
			format_state(p, rows[i].k, rows[i].a, line, sizeof(line));
			fprintf(out, "%s\n", line);
		}
		free(rows);
	}
	fprintf(out, "%s\n", litmus_validated(p, o) ? "Ok" : "No");
	fprintf(out, "Witnesses\nPositive: %" PRIu64 " Negative: %" PRIu64 "\n",
		p->quant == Q_NOT_EXISTS ? o->neg : o->pos,
		p->quant == Q_NOT_EXISTS ? o->pos : o->neg);
	fprintf(out, "Condition %s\n", p->cond_text);
	fprintf(out, "Observation %s %s %" PRIu64 " %" PRIu64 "\n", p->name,
		verdict_name(litmus_verdict(o)), o->pos, o->neg);
	fprintf(out, "Schedules %" PRIu64 " (%s; filtered %" PRIu64 ", blocked %" PRIu64 ")\n",
		o->schedules, o->complete ? "complete" : "incomplete: budget reached",
		o->filtered, o->blocked);
	fprintf(out, "Time %s %.2f\n\n", p->name, seconds);
}

/* ---- directories ------------------------------------------------------------------------------ */

struct pathvec {
	char **v;
	size_t n, cap;
};

static bool has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);
	return n > m && !strcmp(s + n - m, suf);
}

static int walk(const char *dir, int depth, struct pathvec *pv, char *err, size_t errlen)
{
	if (depth > LF_DIR_DEPTH_MAX) {
		snprintf(err, errlen, "%s: directories nested too deeply (limit %d)", dir,
			 LF_DIR_DEPTH_MAX);
		return -1;
	}
	DIR *d = opendir(dir);
	if (!d) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		return -1;
	}
	struct dirent *de;
	int rc = 0;
	size_t dl = strlen(dir);
	bool slash = dl && dir[dl - 1] == '/';
	while (!rc && (de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		size_t len = dl + 2 + strlen(de->d_name);
		char *path = malloc(len);
		struct stat st;
		if (!path) {
			snprintf(err, errlen, "out of memory");
			rc = -1;
			break;
		}
		snprintf(path, len, "%s%s%s", dir, slash ? "" : "/", de->d_name);
		if (lstat(path, &st) != 0) {
			free(path);
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			rc = walk(path, depth + 1, pv, err, errlen);
			free(path);
			continue;
		}
		if (!has_suffix(de->d_name, ".litmus") ||
		    (S_ISLNK(st.st_mode) && (stat(path, &st) != 0 || !S_ISREG(st.st_mode))) ||
		    !(S_ISREG(st.st_mode) || S_ISLNK(st.st_mode))) {
			free(path);
			continue;
		}
		if (pv->n == LF_FILES_MAX) {
			snprintf(err, errlen, "%s: more than %d litmus files", dir, LF_FILES_MAX);
			free(path);
			rc = -1;
			break;
		}
		if (pv->n == pv->cap) {
			size_t cap = pv->cap ? pv->cap * 2 : 64;
			char **v = realloc(pv->v, cap * sizeof(*v));
			if (!v) {
				snprintf(err, errlen, "out of memory");
				free(path);
				rc = -1;
				break;
			}
			pv->v = v;
			pv->cap = cap;
		}
		pv->v[pv->n++] = path;
	}
	closedir(d);
	return rc;
}

static int path_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int litmus_collect(const char *dir, char ***paths, size_t *n, char *err, size_t errlen)
{
	struct pathvec pv = {0};
	int rc = walk(dir, 0, &pv, err, errlen);
	if (rc) {
		for (size_t i = 0; i < pv.n; i++)
			free(pv.v[i]);
		free(pv.v);
		one_line(err);
		return -1;
	}
	if (pv.n)
		qsort(pv.v, pv.n, sizeof(*pv.v), path_cmp);
	*paths = pv.v;
	*n = pv.n;
	return 0;
}
