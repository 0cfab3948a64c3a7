/* tests/check.h: the CHECK macro of the C test programs. */
#ifndef REQSIM_TESTS_CHECK_H
#define REQSIM_TESTS_CHECK_H
#include <stdio.h>

static int failures;

/* Count and print a failure; the program exits non-zero at the end. */
#define CHECK(cond, ...)                                                    \
	do {                                                                \
		if (!(cond)) {                                              \
			failures++;                                         \
			printf("FAIL %s:%d: ", __FILE__, __LINE__);         \
			printf(__VA_ARGS__);                                \
			printf("\n");                                       \
		}                                                           \
	} while (0)

#endif
