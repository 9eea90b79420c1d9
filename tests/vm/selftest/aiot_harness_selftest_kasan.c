// SPDX-License-Identifier: GPL-2.0
/*
 * Harness self-test: a KUnit case that writes one byte past a kmalloc()
 * buffer and otherwise passes. Only KASAN sees it; the harness must too.
 */
#include <kunit/test.h>
#include <linux/slab.h>

static void selftest_overflows(struct kunit *test)
{
	volatile size_t idx = 16;
	char *p = kmalloc(16, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	p[idx] = 1;
	kfree(p);
}

static struct kunit_case selftest_cases[] = {
	KUNIT_CASE(selftest_overflows),
	{}
};

static struct kunit_suite selftest_suite = {
	.name = "aiot_harness_selftest_kasan",
	.test_cases = selftest_cases,
};

kunit_test_suite(selftest_suite);
MODULE_LICENSE("GPL");
