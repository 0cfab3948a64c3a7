/*
 * fuzz/replay_main.c: reqsim-fuzz-replay, the harness without an engine.
 * Runs every input file (a directory stands for the files in it, in name
 * order) under the configuration of the environment (see harness.h), prints
 * one line per file, and exits 1 if any input violates, 2 on a bad
 * configuration or an unreadable file, 0 otherwise.  This is how crash files
 * and the corpus are replayed by ctest (SQLite's fuzzcheck idea).
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "harness.h"

#define INPUT_MAX (64u << 20)

static int failures, violations;

static void run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "reqsim-fuzz-replay: %s: %s\n", path, strerror(errno));
		failures++;
		return;
	}
	size_t cap = 4096, n = 0, got;
	uint8_t *buf = malloc(cap);
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap && cap < INPUT_MAX) {
			cap *= 2;
			buf = realloc(buf, cap);
		} else if (n == cap) {
			break;
		}
	}
	bool bad = !buf || ferror(f);
	fclose(f);
	if (bad) {
		fprintf(stderr, "reqsim-fuzz-replay: %s: read error\n", path);
		failures++;
		free(buf);
		return;
	}
	reqsim_fuzz_set_input_name(path);
	int v = reqsim_fuzz_one(buf, n);
	printf("%s: %s (%zu bytes)\n", path, v ? "violation" : "clean", n);
	violations += v;
	free(buf);
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static void run_path(const char *path)
{
	struct stat sb;
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		struct dirent **ents;
		int n = scandir(path, &ents, NULL, by_name);
		if (n < 0) {
			fprintf(stderr, "reqsim-fuzz-replay: %s: %s\n", path, strerror(errno));
			failures++;
			return;
		}
		for (int i = 0; i < n; i++) {
			char p[4096];
			snprintf(p, sizeof(p), "%s/%s", path, ents[i]->d_name);
			if (ents[i]->d_name[0] != '.' && stat(p, &sb) == 0 && S_ISREG(sb.st_mode))
				run_file(p);
			free(ents[i]);
		}
		free(ents);
		return;
	}
	run_file(path);
}

int main(int argc, char **argv)
{
	if (argc < 2 || !strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
		fprintf(argc < 2 ? stderr : stdout,
			"usage: reqsim-fuzz-replay FILE|DIR...  (configuration from "
			"REQSIM_FUZZ_SCENARIO, _MODEL, _ARCH, _BUGS, _PARAMS)\n");
		return argc < 2 ? 2 : 0;
	}
	reqsim_fuzz_init();
	reqsim_fuzz_set_abort(false);
	printf("config %s\n", reqsim_fuzz_config_str());
	for (int i = 1; i < argc; i++)
		run_path(argv[i]);
	fflush(stdout);
	if (failures)
		return 2;
	return violations ? 1 : 0;
}
