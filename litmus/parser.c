/*
 * litmus/parser.c: a litmus file as a whole: "C NAME", the initial state
 * (parse_decl.c), the processes P0..Pn with their parameters and bodies
 * (parse_stmt.c), the clauses after them (parse_cond.c), and the names
 * resolved at the end; litmus_parse() and litmus_load() of litmus.h.
 *
 * Refused (unsupported constructs): plain C accesses (*x = 1, r = *x), RCU
 * read-side and grace-period primitives, srcu, spin_is_locked, loops, goto,
 * unknown functions, casts, '/' and '%', arrays, structs.
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
 *  3. Processes are numbered P0, P1, ... without gaps; process n runs on
 *     cpu n (interp.c).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "litmus_internal.h"

bool lf_proc_number(const struct lf_tok *t, int *n)
{
	if (t->kind != T_ID || t->len < 2 || t->len > 4 || t->s[0] != 'P')
		return false;
	for (int i = 1; i < t->len; i++)
		if (!lf_is_digit(t->s[i]))
			return false;
	if (t->len > 2 && t->s[1] == '0')
		return false;
	*n = atoi(t->s + 1);
	return true;
}

static void parse_param(struct lf_parser *p)
{
	struct litmus_prog *g = p->g;
	struct lf_proc *pr = lf_cur_proc(p);
	int base, stars, line = p->tok.line;
	char name[LF_NAME_MAX], b[64], what[LF_NAME_MAX + 16];
	if (!lf_parse_type(p, &base, &stars))
		lf_fail(p, line, "syntax error: expected a parameter type before %s",
			lf_tok_str(&p->tok, b, sizeof(b)));
	lf_expect_name(p, name, "a parameter name");
	if (stars == 0) {
		snprintf(what, sizeof(what), "%s(... %s)", pr->name, name);
		lf_unsupported(p, line, what, "a parameter must point to a shared variable");
	}
	if (lf_param_find(g, pr, name) >= 0)
		lf_fail(p, line, "duplicate parameter '%s' in %s", name, pr->name);
	int v = lf_var_declare(p, name, lf_base_kind(base, stars - 1), line);
	pr->params[pr->nparams++] = (int16_t)v; /* distinct, so <= LITMUS_VARS_MAX */
}

static void parse_proc(struct lf_parser *p, int n)
{
	struct litmus_prog *g = p->g;
	int line = p->tok.line;
	if (n < g->nprocs)
		lf_fail(p, line, "duplicate process P%d (first at line %d)", n, g->procs[n].line);
	if (n >= LITMUS_PROCS_MAX)
		lf_fail(p, line, "too many processes: P%d (limit %d)", n, LITMUS_PROCS_MAX);
	if (n != g->nprocs && g->nprocs)
		lf_fail(p, line, "process numbering gap: P%d follows P%d", n, g->nprocs - 1);
	if (n != g->nprocs)
		lf_fail(p, line, "process numbering gap: the first process is P%d, not P0", n);
	p->proc = g->nprocs++;
	struct lf_proc *pr = lf_cur_proc(p);
	snprintf(pr->name, sizeof(pr->name), "P%d", n & 0xff); /* n < LITMUS_PROCS_MAX */
	pr->line = line;
	lf_next(p);
	lf_expect(p, "(");
	if (!lf_is_p(p, ")"))
		for (;;) {
			parse_param(p);
			if (!lf_is_p(p, ","))
				break;
			lf_next(p);
		}
	lf_expect(p, ")");
	if (!lf_is_p(p, "{")) {
		char b[64];
		lf_fail(p, p->tok.line, "syntax error: expected '{' (the body of %s) before %s",
			pr->name, lf_tok_str(&p->tok, b, sizeof(b)));
	}
	int open = p->tok.line;
	p->body = true; /* from the token after '{' on */
	lf_next(p);
	pr->body = (int16_t)lf_parse_block_items(p, open, false);
	p->body = false;
	lf_next(p);
	p->proc = -1;
}

/* ---- parser: the file --------------------------------------------------------------- */

static void parse_header(struct lf_parser *p)
{
	struct litmus_prog *g = p->g;
	char b[64];
	lf_lex(p);
	if (p->tok.kind == T_EOF)
		lf_fail(p, p->tok.line, "empty file (expected 'C NAME')");
	if (p->tok.kind == T_ID && !lf_tok_is(&p->tok, "C")) {
		char w[LF_NAME_MAX];
		lf_tok_copy(&p->tok, w);
		lf_unsupported(p, p->tok.line, w, "only C litmus tests are supported");
	}
	if (!lf_is_id(p, "C"))
		lf_fail(p, p->tok.line, "syntax error: expected 'C NAME' before %s",
			lf_tok_str(&p->tok, b, sizeof(b)));
	size_t i = p->pos, n = 0;
	while (i < p->len && (p->src[i] == ' ' || p->src[i] == '\t'))
		i++;
	while (i + n < p->len && (unsigned char)p->src[i + n] > 0x20 &&
	       (unsigned char)p->src[i + n] < 0x7f)
		n++;
	if (!n)
		lf_fail(p, p->tok.line, "syntax error: missing test name after 'C'");
	if (n >= sizeof(g->name))
		lf_fail(p, p->tok.line, "test name too long (limit %zu)", sizeof(g->name) - 1);
	memcpy(g->name, p->src + i, n);
	g->name[n] = 0;
	p->pos = i + n;
	lf_next(p);
}

static void resolve(struct lf_parser *p)
{
	struct litmus_prog *g = p->g;
	for (int i = 0; i < g->nvars; i++) {
		struct lf_var *v = &g->vars[i];
		if (v->init_ref[0]) {
			int j = lf_var_find(g, v->init_ref);
			if (j < 0)
				lf_fail(p, v->init_line,
					"unknown variable '%s' in the initial value of '%s'",
					v->init_ref, v->name);
			if (g->vars[j].kind == VK_LOCK)
				lf_fail(p, v->init_line,
					"the address of spinlock_t '%s' as a value",
					v->init_ref);
			v->init_var = (int16_t)j;
			if (v->kind == VK_NONE)
				v->kind = VK_PTR;
			if (v->kind != VK_PTR)
				lf_fail(p, v->init_line, "'%s' is %s, but its initial value is the "
					"address of '%s'", v->name, lf_vkind_names[v->kind],
					v->init_ref);
		}
		if (v->kind == VK_NONE)
			v->kind = VK_INT;
	}
}

/* The whole file; errors longjmp back here. */
static bool parse_all(struct lf_parser *p)
{
	struct litmus_prog *g = p->g;
	if (setjmp(p->jb))
		return false;
	if (p->len > LITMUS_FILE_MAX)
		lf_fail(p, 1, "file too large (limit %u bytes)", LITMUS_FILE_MAX);
	const char *nul = memchr(p->src, 0, p->len);
	if (nul) {
		int line = 1;
		for (const char *c = p->src; c < nul; c++)
			line += *c == '\n';
		lf_fail(p, line, "binary file (NUL byte), not a litmus test");
	}
	parse_header(p);
	lf_parse_init(p);
	while (p->tok.kind == T_ID) {
		int n;
		if (lf_is_id(p, "void")) {
			struct lf_tok t = lf_peek(p);
			if (lf_proc_number(&t, &n))
				lf_next(p);
		}
		if (!lf_proc_number(&p->tok, &n))
			break;
		parse_proc(p, n);
	}
	if (!g->nprocs)
		lf_fail(p, p->tok.line, "no processes (expected P0 after the initial state)");
	lf_parse_tail(p);
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
		lf_one_line(err);
		return NULL;
	}
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		snprintf(err, errlen, "%s: is a directory", path);
		lf_one_line(err);
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
		lf_one_line(err);
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
