// SPDX-License-Identifier: GPL-2.0
/*
 * Harness self-test: a KUnit case that leaks kzalloc() buffers and
 * otherwise passes. Only kmemleak sees it; the harness must too.
 */
#include <kunit/test.h>
#include <linux/slab.h>

static void *selftest_sink;

/*
 * Leak 16 buffers: a stale copy of the last pointer may survive on some
 * stack or register and hide that one from kmemleak, not the 15 others.
 */
static void selftest_leaks(struct kunit *test)
{
	int i;

	for (i = 0; i < 16; i++) {
		WRITE_ONCE(selftest_sink, kzalloc(64, GFP_KERNEL));
		KUNIT_ASSERT_NOT_NULL(test, READ_ONCE(selftest_sink));
	}
	/* forget the only reference */
	WRITE_ONCE(selftest_sink, NULL);
}

static struct kunit_case selftest_cases[] = {
	KUNIT_CASE(selftest_leaks),
	{}
};

static struct kunit_suite selftest_suite = {
	.name = "aiot_harness_selftest_leak",
	.test_cases = selftest_cases,
};

kunit_test_suite(selftest_suite);
MODULE_LICENSE("GPL");
