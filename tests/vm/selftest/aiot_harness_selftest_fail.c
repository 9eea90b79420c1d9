// SPDX-License-Identifier: GPL-2.0
/*
 * Harness self-test: a KUnit case that fails. The harness must say so.
 */
#include <kunit/test.h>

static void selftest_fails(struct kunit *test)
{
	int answer = 41;

	KUNIT_EXPECT_EQ_MSG(test, answer, 42, "deliberate failure");
}

static struct kunit_case selftest_cases[] = {
	KUNIT_CASE(selftest_fails),
	{}
};

static struct kunit_suite selftest_suite = {
	.name = "aiot_harness_selftest_fail",
	.test_cases = selftest_cases,
};

kunit_test_suite(selftest_suite);
MODULE_LICENSE("GPL");
