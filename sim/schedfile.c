/*
 * sim/schedfile.c: reading and writing .sched files (format in schedfile.h).
 *
 * Invariants:
 *  1. Bad input never asserts and never crashes: every problem becomes a
 *     one-line message naming the line.
 *  2. A file is written to a temporary name and renamed, so an interrupted
 *     write never leaves a half schedule behind.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "schedfile.h"

#ifndef REQSIM_BUILD_ID
#define REQSIM_BUILD_ID "unknown"
#endif

const char *reqsim_build_id(void) { return REQSIM_BUILD_ID; }

#define LINE_MAX_LEN 4096
#define DECISIONS_MAX (1u << 24)

static int fail(char *err, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int fail(char *err, size_t len, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, len, fmt, ap);
	va_end(ap);
	return -1;
}

void sched_token(const struct sim_choice *c, char *buf, size_t len)
{
	switch (c->kind) {
	case CH_STEP:
		if (c->arg) /* wmm: the load reads the arg-th older store */
			snprintf(buf, len, "t%u.%u", c->tid, c->arg);
		else
			snprintf(buf, len, "t%u", c->tid);
		break;
	case CH_DRAIN:
		if (c->arg)
			snprintf(buf, len, "d%u.%u", c->tid, c->arg);
		else
			snprintf(buf, len, "d%u", c->tid);
		break;
	default: snprintf(buf, len, "e%u", c->arg); break;
	}
}

static bool parse_u32(const char *s, char **end, uint32_t *out)
{
	if (*s < '0' || *s > '9')
		return false;
	errno = 0;
	unsigned long v = strtoul(s, end, 10);
	if (errno || v > UINT32_MAX)
		return false;
	*out = (uint32_t)v;
	return true;
}

static bool parse_token(const char *tok, struct sim_choice *c)
{
	char *end;
	uint32_t a = 0, b = 0;
	memset(c, 0, sizeof(*c));
	switch (tok[0]) {
	case 't':
		c->kind = CH_STEP;
		if (!parse_u32(tok + 1, &end, &a) || a > UINT16_MAX)
			return false;
		c->tid = (uint16_t)a;
		if (*end == '.') {
			if (!parse_u32(end + 1, &end, &b))
				return false;
			c->arg = b;
		}
		return *end == 0;
	case 'd':
		c->kind = CH_DRAIN;
		if (!parse_u32(tok + 1, &end, &a) || a > UINT16_MAX)
			return false;
		c->tid = (uint16_t)a;
		if (*end == '.') {
			if (!parse_u32(end + 1, &end, &b))
				return false;
			c->arg = b;
		}
		return *end == 0;
	case 'e':
		c->kind = CH_EVENT;
		if (!parse_u32(tok + 1, &end, &a) || *end)
			return false;
		c->arg = a;
		return true;
	default:
		return false;
	}
}

static char *trim(char *s)
{
	char *h = strchr(s, '#');
	if (h)
		*h = 0;
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
		     s[n - 1] == '\r'))
		s[--n] = 0;
	return s;
}

static int parse_bugs(char *v, uint64_t *bugs, char *err, size_t len, int line)
{
	*bugs = 0;
	if (!strcmp(v, "-"))
		return 0;
	for (char *save = NULL, *b = strtok_r(v, ",", &save); b;
	     b = strtok_r(NULL, ",", &save)) {
		int id = sim_bug_parse(b);
		if (id < 0)
			return fail(err, len, "line %d: unknown bug '%s'", line, b);
		*bugs |= 1ULL << id;
	}
	return 0;
}

static int parse_header(struct sched_file *sf, char *key, char *v, int line,
			char *err, size_t len)
{
	if (!strcmp(key, "scenario")) {
		snprintf(sf->scenario, sizeof(sf->scenario), "%s", v);
	} else if (!strcmp(key, "param")) {
		char *eq = strchr(v, '='), *end;
		if (!eq || eq == v)
			return fail(err, len, "line %d: param must be NAME=VALUE", line);
		if (sf->nparams == SCENARIO_PARAMS_MAX)
			return fail(err, len, "line %d: too many params", line);
		*eq = 0;
		errno = 0;
		long x = strtol(eq + 1, &end, 10);
		if (errno || end == eq + 1 || *end)
			return fail(err, len, "line %d: param %s: '%s' is not a number",
				    line, v, eq + 1);
		snprintf(sf->param_name[sf->nparams], 32, "%s", v);
		sf->param_value[sf->nparams++] = x;
	} else if (!strcmp(key, "model")) {
		if ((sf->model = sim_model_parse(v)) < 0)
			return fail(err, len, "line %d: unknown model '%s'", line, v);
	} else if (!strcmp(key, "arch")) {
		if ((sf->arch = sim_arch_parse(v)) < 0)
			return fail(err, len, "line %d: unknown arch '%s'", line, v);
	} else if (!strcmp(key, "bugs")) {
		return parse_bugs(v, &sf->bugs, err, len, line);
	} else if (!strcmp(key, "build")) {
		snprintf(sf->build, sizeof(sf->build), "%s", v);
	} else if (!strcmp(key, "origin")) {
		snprintf(sf->origin, sizeof(sf->origin), "%s", v);
	} else if (!strcmp(key, "result")) {
		char *h = strstr(v, "hash=");
		char *g = strstr(v, "sig=");
		snprintf(sf->result, sizeof(sf->result), "%s", v);
		size_t kl = strcspn(v, " \t");
		if (kl >= sizeof(sf->result_kind))
			return fail(err, len, "line %d: bad result kind", line);
		memcpy(sf->result_kind, v, kl);
		sf->result_kind[kl] = 0;
		if (g) {
			char *end;
			errno = 0;
			sf->sig = strtoull(g + 4, &end, 16);
			if (errno || end == g + 4)
				return fail(err, len, "line %d: bad sig", line);
			sf->has_sig = true;
		}
		if (h) {
			char *end;
			errno = 0;
			sf->hash = strtoull(h + 5, &end, 16);
			if (errno || end == h + 5)
				return fail(err, len, "line %d: bad hash", line);
			sf->has_hash = true;
		}
	} else {
		return fail(err, len, "line %d: unknown key '%s'", line, key);
	}
	return 0;
}

int sched_read(const char *path, struct sched_file *sf, char *err, size_t len)
{
	FILE *f = fopen(path, "r");
	char buf[LINE_MAX_LEN];
	int line = 0, rc = 0;
	bool have_version = false, in_body = false;
	size_t want = 0, cap = 0;

	memset(sf, 0, sizeof(*sf));
	sf->model = sf->arch = -1;
	if (!f)
		return fail(err, len, "%s: %s", path, strerror(errno));
	char *lb = NULL;
	size_t lcap = 0;
	ssize_t got;
	while (rc == 0 && (got = getline(&lb, &lcap, f)) >= 0) {
		line++;
		if (got >= LINE_MAX_LEN) {
			rc = fail(err, len, "%s: line %d is too long", path, line);
			break;
		}
		if (memchr(lb, 0, (size_t)got)) {
			rc = fail(err, len, "%s: line %d: binary data, not a schedule",
				  path, line);
			break;
		}
		memcpy(buf, lb, (size_t)got + 1);
		char *s = trim(buf);
		if (!*s)
			continue;
		if (!have_version) {
			unsigned ver;
			char extra;
			if (sscanf(s, "reqsim-schedule %u %c", &ver, &extra) != 1) {
				rc = fail(err, len, "%s: not a reqsim schedule (line 1 must be "
					  "'reqsim-schedule %d')", path, SCHED_VERSION);
				break;
			}
			if (ver != SCHED_VERSION) {
				rc = fail(err, len, "%s: schedule version %u is not supported "
					  "(this reqsim reads version %d)", path, ver,
					  SCHED_VERSION);
				break;
			}
			have_version = true;
			continue;
		}
		if (in_body) {
			for (char *save = NULL, *tok = strtok_r(s, " \t", &save); tok;
			     tok = strtok_r(NULL, " \t", &save)) {
				if (sf->n == want) {
					rc = fail(err, len, "%s: line %d: more decisions than the "
						  "%zu announced", path, line, want);
					break;
				}
				if (sf->n == cap) {
					cap = cap ? cap * 2 : 256;
					if (cap > want)
						cap = want;
					struct sim_choice *c = realloc(sf->choices, cap * sizeof(*c));
					if (!c) {
						rc = fail(err, len, "out of memory");
						break;
					}
					sf->choices = c;
				}
				if (!parse_token(tok, &sf->choices[sf->n])) {
					rc = fail(err, len, "%s: line %d: bad choice token '%s'",
						  path, line, tok);
					break;
				}
				sf->n++;
			}
			continue;
		}
		char *sp = s + strcspn(s, " \t");
		char *v = *sp ? trim(sp + 1) : sp;
		*sp = 0;
		if (!strcmp(s, "decisions")) {
			char *end;
			errno = 0;
			unsigned long long x = strtoull(v, &end, 10);
			if (errno || end == v || *end || x > DECISIONS_MAX) {
				rc = fail(err, len, "%s: line %d: bad decision count '%s'",
					  path, line, v);
				break;
			}
			want = (size_t)x;
			in_body = true;
			continue;
		}
		if (!*v) {
			rc = fail(err, len, "%s: line %d: '%s' needs a value", path, line, s);
			break;
		}
		char sub[256];
		if (parse_header(sf, s, v, line, sub, sizeof(sub))) {
			rc = fail(err, len, "%s: %s", path, sub);
			break;
		}
	}
	free(lb);
	if (rc == 0 && ferror(f))
		rc = fail(err, len, "%s: read error", path);
	fclose(f);
	if (rc == 0 && !have_version)
		rc = fail(err, len, "%s: empty file, not a reqsim schedule", path);
	if (rc == 0 && !sf->scenario[0])
		rc = fail(err, len, "%s: header has no scenario", path);
	if (rc == 0 && (sf->model < 0 || sf->arch < 0))
		rc = fail(err, len, "%s: header needs model and arch", path);
	if (rc == 0 && !in_body)
		rc = fail(err, len, "%s: truncated: no 'decisions' line", path);
	if (rc == 0 && sf->n != want)
		rc = fail(err, len, "%s: truncated: %zu decisions announced, %zu present",
			  path, want, sf->n);
	if (rc)
		sched_free(sf);
	return rc;
}

void sched_free(struct sched_file *sf)
{
	free(sf->choices);
	sf->choices = NULL;
	sf->n = 0;
}

int sched_write(const char *path, const struct sim_config *cfg,
		const struct sim_choice *c, size_t n, const char *origin, const char *notes,
		const struct sim_result *res, char *err, size_t len)
{
	char tmp[4096];
	const struct scenario *sc = cfg->scenario;
	snprintf(tmp, sizeof(tmp), "%s.tmp.%d", path, (int)getpid());
	FILE *f = fopen(tmp, "w");
	if (!f)
		return fail(err, len, "%s: %s", tmp, strerror(errno));
	fprintf(f, "reqsim-schedule %d\n", SCHED_VERSION);
	fprintf(f, "scenario %s\n", sc->name);
	for (int i = 0; i < sc->nparams; i++)
		fprintf(f, "param %s=%ld\n", sc->params[i].name, cfg->params[i]);
	fprintf(f, "model %s\narch %s\nbugs ", sim_model_name(cfg->model),
		sim_arch_name(cfg->arch));
	if (!cfg->bugs)
		fputc('-', f);
	for (int i = 0, first = 1; i < REQSIM_BUG_COUNT; i++)
		if ((cfg->bugs >> i) & 1) {
			fprintf(f, "%s%s", first ? "" : ",", sim_bug_name(i));
			first = 0;
		}
	fprintf(f, "\nbuild %s\n", reqsim_build_id());
	if (origin && *origin)
		fprintf(f, "origin %s\n", origin);
	for (const char *l = notes; l && *l;) {
		size_t k = strcspn(l, "\n");
		fprintf(f, "# %.*s\n", (int)k, l);
		l += k + (l[k] == '\n');
	}
	if (res && res->violated)
		fprintf(f, "result %s steps=%" PRIu64 " hash=%016" PRIx64 " sig=%016" PRIx64 "\n",
			sim_viol_name(res->v.kind), res->steps, res->hash,
			sim_signature(cfg, &res->v));
	else if (res)
		fprintf(f, "result clean steps=%" PRIu64 " hash=%016" PRIx64 "\n", res->steps,
			res->hash);
	fprintf(f, "decisions %zu\n", n);
	for (size_t i = 0; i < n; i++) {
		char tok[32];
		sched_token(&c[i], tok, sizeof(tok));
		fprintf(f, "%s%c", tok, (i % 16 == 15 || i + 1 == n) ? '\n' : ' ');
	}
	if (fclose(f) != 0) {
		unlink(tmp);
		return fail(err, len, "%s: write failed", tmp);
	}
	if (rename(tmp, path) != 0) {
		unlink(tmp);
		return fail(err, len, "%s: %s", path, strerror(errno));
	}
	return 0;
}
