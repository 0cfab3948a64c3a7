/*
 * litmus/lexer.c: the tokens of a litmus file, and how a parse fails.
 *
 * A token is an identifier, a number, or one of the punctuation marks of
 * puncts1/puncts2; whitespace and comments are skipped: // and C comments
 * everywhere, OCaml comments "(* ... *)" (nested) outside process bodies,
 * where "(*" is C.  Comments before the initial state are searched for the
 * "Result: WORD" line that tools/memory-model's scripts read.
 *
 * Invariants:
 *  1. A token never runs past the text (len bytes, not NUL-terminated);
 *     names are shorter than LF_NAME_MAX, numbers fit in int64_t.
 *  2. lf_fail() is the only way out of a failed parse: it writes one line
 *     "FILE:LINE: message" (control bytes as '?') and longjmps to
 *     parse_all().  A malformed file is a "syntax error: ...", never an
 *     unsupported construct (lf_unsupported()).
 */
#include <stdarg.h>

#include "litmus_internal.h"

/* Messages are one line: control bytes (from paths or garbage) become '?'. */
void lf_one_line(char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			*s = '?';
}

_Noreturn void lf_fail(struct lf_parser *p, int line, const char *fmt, ...)
{
	char msg[320];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (p->errlen) {
		snprintf(p->err, p->errlen, "%s:%d: %s", p->path, line, msg);
		lf_one_line(p->err);
	}
	longjmp(p->jb, 1);
}

_Noreturn void lf_unsupported(struct lf_parser *p, int line, const char *what,
			      const char *hint)
{
	lf_fail(p, line, "unsupported construct '%s'%s%s%s", what, hint ? " (" : "",
		hint ? hint : "", hint ? ")" : "");
}

const char *lf_tok_str(const struct lf_tok *t, char *buf, size_t len)
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
		while (j + n < to && n + 1 < sizeof(g->result) && lf_is_alpha(p->src[j + n]))
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
	lf_fail(p, line, "syntax error: unterminated comment '(*'");
}

static void skip_space(struct lf_parser *p)
{
	const char *s = p->src;
	while (p->pos < p->len) {
		char c = s[p->pos], d = p->pos + 1 < p->len ? s[p->pos + 1] : 0;
		if (c == '\n') {
			p->line++;
			p->pos++;
		} else if (lf_is_space(c)) {
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
				lf_fail(p, line, "syntax error: unterminated comment '/*'");
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
		if (lf_is_digit(c))
			d = c - '0';
		else if (base == 16 && c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (base == 16 && c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			break;
		if (v > ((uint64_t)INT64_MAX - (uint64_t)d) / base)
			lf_fail(p, p->line, "number too large");
		v = v * base + (uint64_t)d;
	}
	if (!digits || (i < p->len && (lf_is_alpha(s[i]) || lf_is_digit(s[i]))))
		lf_fail(p, p->line, "syntax error: bad number '%.*s'",
			(int)(i - p->pos + 1 > 40 ? 40 : i - p->pos + 1), s + p->pos);
	t->kind = T_NUM;
	t->num = (int64_t)v;
	t->len = (int)(i - p->pos);
	p->pos = i;
}

void lf_lex(struct lf_parser *p)
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
	if (lf_is_alpha(c)) {
		size_t i = p->pos;
		while (i < p->len && (lf_is_alpha(p->src[i]) || lf_is_digit(p->src[i])))
			i++;
		if (i - p->pos >= LF_NAME_MAX)
			lf_fail(p, p->line, "name too long: '%.40s...'", p->src + p->pos);
		t->kind = T_ID;
		t->len = (int)(i - p->pos);
		p->pos = i;
		return;
	}
	if (lf_is_digit(c)) {
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
		lf_fail(p, p->line, "syntax error: unexpected character '%c'", c);
	lf_fail(p, p->line, "syntax error: unexpected byte 0x%02x", c);
}

void lf_next(struct lf_parser *p)
{
	p->prev = p->tok;
	lf_lex(p);
}

/* The token after the current one, without consuming anything. */
struct lf_tok lf_peek(struct lf_parser *p)
{
	size_t pos = p->pos;
	int line = p->line;
	struct lf_tok tok = p->tok, prev = p->prev, t;
	lf_lex(p);
	t = p->tok;
	p->pos = pos;
	p->line = line;
	p->tok = tok;
	p->prev = prev;
	return t;
}

void lf_expect(struct lf_parser *p, const char *s)
{
	char b[64];
	if (!lf_is_p(p, s))
		lf_fail(p, p->tok.line, "syntax error: expected '%s' before %s", s,
			lf_tok_str(&p->tok, b, sizeof(b)));
	lf_next(p);
}

void lf_tok_copy(const struct lf_tok *t, char *out)
{
	memcpy(out, t->s, (size_t)t->len); /* len < LF_NAME_MAX (lexer) */
	out[t->len] = 0;
}

void lf_expect_name(struct lf_parser *p, char *out, const char *what)
{
	char b[64];
	if (p->tok.kind != T_ID)
		lf_fail(p, p->tok.line, "syntax error: expected %s before %s", what,
			lf_tok_str(&p->tok, b, sizeof(b)));
	lf_tok_copy(&p->tok, out);
	lf_next(p);
}
