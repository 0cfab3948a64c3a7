/*
 * litmus/walk.c: the litmus files below a directory, for
 * "reqsim litmus DIR": every regular file (or symbolic link to one) named
 * *.litmus, recursively, sorted by path.
 *
 * Invariants:
 *  1. Symbolic links to directories are not followed, so the walk ends;
 *     depth (LF_DIR_DEPTH_MAX) and count (LF_FILES_MAX) are bounded.
 *  2. The order is strcmp order of the paths, whatever readdir() returns.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "litmus_internal.h"

#define LF_FILES_MAX 100000
#define LF_DIR_DEPTH_MAX 32

struct pathvec {
	char **v;
	size_t n, cap;
};

static bool has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);
	return n > m && !strcmp(s + n - m, suf);
}

/* Is path (its name in its directory, and its lstat in st) a litmus file:
 * named *.litmus, and a regular file or a symbolic link to one? */
static bool is_litmus_file(const char *name, const char *path, struct stat *st)
{
	return has_suffix(name, ".litmus") &&
	       !(S_ISLNK(st->st_mode) && (stat(path, st) != 0 || !S_ISREG(st->st_mode))) &&
	       (S_ISREG(st->st_mode) || S_ISLNK(st->st_mode));
}

/* Hand path (found in dir) to pv, which then owns it.  Returns 0, or -1 with
 * a message in err (path freed). */
static int push_path(struct pathvec *pv, char *path, const char *dir, char *err, size_t errlen)
{
	if (pv->n == LF_FILES_MAX) {
		snprintf(err, errlen, "%s: more than %d litmus files", dir, LF_FILES_MAX);
		free(path);
		return -1;
	}
	if (pv->n == pv->cap) {
		size_t cap = pv->cap ? pv->cap * 2 : 64;
		char **v = realloc(pv->v, cap * sizeof(*v));
		if (!v) {
			snprintf(err, errlen, "out of memory");
			free(path);
			return -1;
		}
		pv->v = v;
		pv->cap = cap;
	}
	pv->v[pv->n++] = path;
	return 0;
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
		} else if (S_ISDIR(st.st_mode)) {
			rc = walk(path, depth + 1, pv, err, errlen);
			free(path);
		} else if (!is_litmus_file(de->d_name, path, &st)) {
			free(path);
		} else {
			rc = push_path(pv, path, dir, err, errlen);
		}
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
		lf_one_line(err);
		return -1;
	}
	if (pv.n)
		qsort(pv.v, pv.n, sizeof(*pv.v), path_cmp);
	*paths = pv.v;
	*n = pv.n;
	return 0;
}
