/*
 * tests/test_native_rcu.c: the native backend's RCU (core/native/native.c)
 * on real threads: readers dereference a published slot inside (nested)
 * read-side critical sections and check it is live; the updater publishes
 * the other slot, waits for a grace period and only then marks the old one
 * dead (and later reuses it).  A reader that sees a dead slot means a grace
 * period ended while a critical section that began before it still ran.
 * Built against the native core (ctest native_rcu, and under TSan in the
 * tsan preset).
 */
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>

#include "check.h"
#include "platform.h"

struct slot {
	int alive;
};

static struct slot slots[2] = {{1}, {0}};
static struct slot *cur = &slots[0];
static int stop;
static int seen_dead;
static long reads; /* critical sections completed, all readers */

#define ROUNDS 150
#define READERS 2

static void *reader(void *arg)
{
	(void)arg;
	while (!READ_ONCE(stop)) {
		rcu_read_lock();
		struct slot *s = rcu_dereference(cur);
		rcu_read_lock(); /* nested: only the outermost unlock ends it */
		rcu_read_unlock();
		for (int i = 0; i < 200; i++)
			if (!READ_ONCE(s->alive))
				WRITE_ONCE(seen_dead, 1);
		rcu_read_unlock();
		__atomic_add_fetch(&reads, 1, __ATOMIC_RELAXED);
	}
	return NULL;
}

int main(void)
{
	pthread_t r[READERS];
	for (int i = 0; i < READERS; i++)
		if (pthread_create(&r[i], NULL, reader, NULL))
			return 2;
	for (int n = 0; n < ROUNDS; n++) {
		/* let the readers run between grace periods */
		long seen = __atomic_load_n(&reads, __ATOMIC_RELAXED);
		for (int k = 0; k < 100000 && __atomic_load_n(&reads, __ATOMIC_RELAXED) < seen + 2; k++)
			sched_yield();
		struct slot *old = cur, *next = old == &slots[0] ? &slots[1] : &slots[0];
		WRITE_ONCE(next->alive, 1);
		rcu_assign_pointer(cur, next);
		if (n & 1)
			synchronize_rcu();
		else
			synchronize_rcu_expedited();
		WRITE_ONCE(old->alive, 0); /* the "free" */
	}
	WRITE_ONCE(stop, 1);
	for (int i = 0; i < READERS; i++)
		pthread_join(r[i], NULL);
	CHECK(!seen_dead, "a reader saw a slot freed after a grace period it began before");
	printf("native_rcu: %d grace periods, %s\n", ROUNDS, failures ? "FAILED" : "ok");
	return failures ? 1 : 0;
}
