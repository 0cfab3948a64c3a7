/*
 * fuzz/lfargs.c: the libFuzzer flags the target adds (see lfargs.h).
 */
#include "lfargs.h"

#include <stdio.h>
#include <string.h>

#include "abstract.h"

static bool has_flag(int argc, char **argv, const char *prefix)
{
	size_t n = strlen(prefix);
	for (int i = 1; i < argc; i++)
		if (!strncmp(argv[i], prefix, n))
			return true;
	return false;
}

int reqsim_libfuzzer_args(int argc, char **argv, bool bytes_form, size_t suggested_len,
			  char **out, int cap, char *buf, size_t bufsz)
{
	char max_len[40];
	const char *add[8];
	int nadd = 0;
	if (!has_flag(argc, argv, "-max_len=")) {
		snprintf(max_len, sizeof(max_len), "-max_len=%zu",
			 bytes_form ? suggested_len : (size_t)(ABS_HDR + ABS_REC * ABS_MAX));
		add[nadd++] = max_len;
	}
	if (!has_flag(argc, argv, "-len_control="))
		add[nadd++] = "-len_control=0";
	if (!has_flag(argc, argv, "-use_cmp="))
		add[nadd++] = "-use_cmp=0";
	if (!has_flag(argc, argv, "-use_memmem="))
		add[nadd++] = "-use_memmem=0";
	if (!bytes_form && !has_flag(argc, argv, "-keep_seed="))
		add[nadd++] = "-keep_seed=1";
	if (!bytes_form && !has_flag(argc, argv, "-cross_over="))
		add[nadd++] = "-cross_over=0";
	if (!bytes_form && !has_flag(argc, argv, "-mutate_depth="))
		add[nadd++] = "-mutate_depth=2";
	if (argc < 1 || argc + nadd + 1 > cap)
		return -1;
	size_t used = 0;
	int k = 0;
	out[k++] = argv[0];
	for (int i = 0; i < nadd; i++) {
		size_t len = strlen(add[i]) + 1;
		if (used + len > bufsz)
			return -1;
		memcpy(buf + used, add[i], len);
		out[k++] = buf + used;
		used += len;
	}
	for (int i = 1; i < argc; i++)
		out[k++] = argv[i];
	out[k] = NULL;
	return k;
}
