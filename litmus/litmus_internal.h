/*
 * litmus/litmus_internal.h: what the files of litmus/ share and nothing
 * outside litmus/ may include: the parsed program, one run's state, the
 * table of functions a process may call, the lexer's and the parser's state,
 * and the functions one file of the folder calls in another.
 *
 * Why a folder: a litmus file is a small language (herd7's C dialect as the
 * kernel's tools/memory-model writes it), not a scenario.  The built-in
 * litmus programs of scenarios/litmus.c are C functions; this folder lets
 * anyone check the simulator's models against the litmus tests the kernel
 * community writes and maintains, and lets a request-protocol shape be tried
 * as a ten-line litmus file before it becomes a scenario.
 *
 * How, file by file (the public contract is litmus.h):
 *   lexer.c       tokens, comments, the header's Result: line; lf_fail()
 *   calls.c       the kernel functions a process may call (lf_fns)
 *   parser.c      the file: name, processes, resolution; litmus_parse/load
 *   parse_decl.c  types, shared variables and the initial state
 *   parse_expr.c  expressions and calls inside a process body
 *   parse_stmt.c  statements, register declarations, blocks and ifs
 *   parse_cond.c  the filter, locations and final condition clauses
 *   interp.c      the program as a struct scenario: setup, threads that
 *                 interpret their bodies, the final state at quiescence
 *   explore.c     every schedule of one model (dfs), counts, witness, verdicts
 *   run.c         one file under every model, as reqsim litmus runs it
 *   report.c      the herd7-style block of one model; the summary table
 *   walk.c        the *.litmus files below a directory
 *
 * Invariants:
 *  1. A parsed program (struct litmus_prog) is immutable: AST nodes live in
 *     fixed pools inside it and refer to each other by index (-1: none).
 *  2. Parse errors longjmp to parse_all() through lf_fail(); nothing else in
 *     the folder jumps.  Every message is one line "FILE:LINE: message".
 *  3. A run's mutable state (struct lf_state) lives in the simulation arena,
 *     never in the program, so runs are independent and repeatable.
 */
#ifndef REQSIM_LITMUS_INTERNAL_H
#define REQSIM_LITMUS_INTERNAL_H

#include <setjmp.h>
#include <string.h>

#include "litmus.h"
#include "platform.h"

#define LF_NAME_MAX 64    /* identifier length + 1 */
#define LF_TEST_NAME_MAX 128
#define LF_EXPRS_MAX 2048 /* expression nodes per program */
#define LF_CONDS_MAX 512  /* condition nodes per program */
#define LF_NEST_MAX 16    /* nested blocks and ifs */
#define LF_LABEL_MAX 96
#define LF_STMTS_POOL (LITMUS_PROCS_MAX * (LITMUS_STMTS_MAX + 1))
#define LF_DISP_MAX (LITMUS_PROCS_MAX * LITMUS_REGS_MAX + LITMUS_VARS_MAX)

/* ---- the program -------------------------------------------------------------- */

enum lf_vkind { VK_NONE, VK_INT, VK_LONG, VK_PTR, VK_ATOMIC, VK_LOCK };
extern const char *const lf_vkind_names[]; /* by enum lf_vkind, for messages */

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
	bool has_plain;       /* a plain C access: races are checked */
	char cond_text[256];
	int ndisp;
	struct lf_disp disp[LF_DISP_MAX];
};

/* ---- one run's state ---------------------------------------------------------------- */

struct lf_thread {
	struct lf_state *s;
	int proc;
};

/* Data-race bookkeeping of one run (programs with a plain access only):
 * vector clocks per process, see interp.c. */
#define LF_MSGS_MAX 64
struct lf_msg {
	int16_t var, proc;
	int64_t val;
	uint32_t vc[LITMUS_PROCS_MAX];
};
struct lf_race {
	uint32_t vc[LITMUS_PROCS_MAX][LITMUS_PROCS_MAX];    /* each process's clock */
	uint32_t fence[LITMUS_PROCS_MAX][LITMUS_PROCS_MAX]; /* at its last wmb/mb/release */
	uint32_t pend[LITMUS_PROCS_MAX][LITMUS_PROCS_MAX];  /* read, acquired by rmb/mb */
	uint32_t lock[LITMUS_VARS_MAX][LITMUS_PROCS_MAX];   /* at the last unlock */
	uint32_t rcu_unl[LITMUS_PROCS_MAX][LITMUS_PROCS_MAX]; /* at the last rcu exit */
	uint32_t gp_start[LITMUS_PROCS_MAX];               /* every grace period begun */
	/* latest epoch of each process's access to each variable: write,
	 * plain write, read, plain read */
	uint32_t acc[LITMUS_VARS_MAX][LITMUS_PROCS_MAX][4];
	int nmsgs;
	struct lf_msg msg[LF_MSGS_MAX]; /* marked stores that publish a clock (ring) */
};

/* One run's state, in the arena (zeroed by sim_begin). */
struct lf_state {
	const struct litmus_prog *g;
	volatile void *var[LITMUS_VARS_MAX];
	int64_t reg[LITMUS_PROCS_MAX][LITMUS_REGS_MAX];
	uint32_t held[LITMUS_PROCS_MAX]; /* locks held, bit per variable */
	struct lf_thread th[LITMUS_PROCS_MAX];
	int16_t rcu_nest[LITMUS_PROCS_MAX];
	struct lf_race *race; /* NULL unless the program has a plain access */
	bool done, blocked, filtered, holds, failed, racy;
	int err_line;
	char err[200];
	int64_t key[LF_DISP_MAX];   /* the final state over the displayed locations */
	uint8_t key_var[LF_DISP_MAX];
};

/* ---- the functions a process may call ------------------------------------------- */

enum lf_fkind {
	F_LOAD, F_STORE, F_STORE_MB, F_FENCE, F_RMW, F_LOCK, F_UNLOCK, F_TRYLOCK,
	F_IS_LOCKED, /* spin_is_locked: a read of the lock's state */
	F_RCU_LOCK, F_RCU_UNLOCK, F_SYNC_RCU
};
/* R_ADDED: 1 if an add_unless added (old != the stop value); R_ZERO: 1 if
 * the new value is 0 (*_and_test). */
enum lf_ret { R_NONE, R_VAL, R_OLD, R_NEW, R_ADDED, R_ZERO };
/* Names of the table rows for plain C accesses ("*x = v;", "*x"): not
 * identifiers, so no call can name them. */
#define LF_PLAIN_LOAD "plain read"
#define LF_PLAIN_STORE "plain write"

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
	uint8_t cpl;      /* the value argument is complemented (atomic_and as ANDNOT) */
	uint8_t plain;    /* a plain C access (races are checked) */
};

extern const struct lf_fn lf_fns[];

/* calls.c: the index of the function named name[0..len) in lf_fns, or -1. */
int lf_fn_find(const char *name, size_t len);
bool lf_fn_is_lock(const struct lf_fn *f);

/* ---- load buffering as program variants (reorder.c) ---------------------------- */

#define LF_VARIANTS_MAX 256
struct lf_variants;
/* The variants of p in which independent relaxed loads and later relaxed
 * stores of a process are swapped (reorder: false gives the program alone).
 * NULL: out of memory. */
struct lf_variants *lf_variants_new(const struct litmus_prog *p, bool reorder);
void lf_variants_free(struct lf_variants *v);
uint64_t lf_variants_count(const struct lf_variants *v);
bool lf_variants_truncated(const struct lf_variants *v); /* more than were kept */
/* A malloc'd copy of p with variant n's statement order (free() it). */
struct litmus_prog *lf_variant(const struct litmus_prog *p, const struct lf_variants *v,
			       uint64_t n);
/* "P0: line 20 before line 19, ...": the stores variant n moved up. */
int lf_variant_describe(const struct litmus_prog *p, const struct lf_variants *v, uint64_t n,
			char *buf, size_t len);

/* ---- lexer and parser ------------------------------------------------------------ */

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

static inline bool lf_is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
static inline bool lf_is_digit(int c) { return c >= '0' && c <= '9'; }
static inline bool lf_is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\n';
}

static inline bool lf_tok_is(const struct lf_tok *t, const char *s)
{
	size_t n = strlen(s);
	return (size_t)t->len == n && !memcmp(t->s, s, n);
}

static inline bool lf_is_p(const struct lf_parser *p, const char *s)
{
	return p->tok.kind == T_P && lf_tok_is(&p->tok, s);
}

static inline bool lf_is_id(const struct lf_parser *p, const char *s)
{
	return p->tok.kind == T_ID && lf_tok_is(&p->tok, s);
}

/* The process being parsed (p->proc >= 0). */
static inline struct lf_proc *lf_cur_proc(struct lf_parser *p)
{
	return &p->g->procs[p->proc];
}

/* lexer.c */
void lf_one_line(char *s);
_Noreturn void lf_fail(struct lf_parser *p, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
_Noreturn void lf_unsupported(struct lf_parser *p, int line, const char *what,
			      const char *hint);
const char *lf_tok_str(const struct lf_tok *t, char *buf, size_t len);
void lf_lex(struct lf_parser *p);
void lf_next(struct lf_parser *p);
struct lf_tok lf_peek(struct lf_parser *p);
void lf_expect(struct lf_parser *p, const char *s);
void lf_tok_copy(const struct lf_tok *t, char *out);
void lf_expect_name(struct lf_parser *p, char *out, const char *what);

/* parse_decl.c */
enum lf_base { B_NONE, B_INT, B_LONG, B_ATOMIC, B_LOCK };
int lf_var_find(const struct litmus_prog *g, const char *name);
int lf_var_declare(struct lf_parser *p, const char *name, int kind, int line);
int lf_reg_find(const struct lf_proc *pr, const char *name);
int lf_param_find(const struct litmus_prog *g, const struct lf_proc *pr, const char *name);
bool lf_is_type_word(const struct lf_tok *t);
bool lf_parse_type(struct lf_parser *p, int *base, int *stars);
int lf_base_kind(int base, int stars);
int64_t lf_parse_signed_num(struct lf_parser *p);
void lf_parse_init(struct lf_parser *p);

/* parse_expr.c */
int lf_parse_expr(struct lf_parser *p, int depth);
int lf_parse_plain(struct lf_parser *p, int line, int value_depth, bool store);
void lf_need_value(struct lf_parser *p, int e);

/* parse_stmt.c */
int lf_parse_block_items(struct lf_parser *p, int line, bool counted);
void lf_squeeze(char *dst, size_t len, const char *src, size_t n);

/* parse_cond.c */
void lf_parse_tail(struct lf_parser *p);

/* parser.c */
bool lf_proc_number(const struct lf_tok *t, int *n);

/* interp.c: the struct scenario callbacks, and a final state as text. */
void lf_setup(struct sim *sim, void *state);
void lf_check_end(struct sim *sim, void *state);
void lf_outcome(struct sim *sim, void *state, char *buf, size_t len);
void lf_format_state(const struct litmus_prog *g, const int64_t *key, const uint8_t *isvar,
		     char *buf, size_t len);

#endif
