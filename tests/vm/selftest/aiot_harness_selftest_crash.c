// SPDX-License-Identifier: GPL-2.0
/*
 * Harness self-test: a KUnit case that crashes the guest (BUG with
 * oops=panic). The harness must report the suite as not finished.
 */
#include <kunit/test.h>

static void selftest_crashes(struct kunit *test)
{
	BUG();
}

static struct kunit_case selftest_cases[] = {
	KUNIT_CASE(selftest_crashes),
	{}
};

static struct kunit_suite selftest_suite = {
	.name = "aiot_harness_selftest_crash",
	.test_cases = selftest_cases,
};

kunit_test_suite(selftest_suite);
MODULE_LICENSE("GPL");
