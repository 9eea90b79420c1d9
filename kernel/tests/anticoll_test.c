// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: anti-collision algorithms. The checks are in air_ac_cases.h and
 * also run in userspace (tests/unit/test_anticoll.c).
 */
#include <kunit/test.h>
#include <linux/module.h>

#include "anticoll.h"
#include "air_ac_cases.h"

static void ac_run(struct kunit *test, int (*check)(struct air_ac_scratch *s))
{
	struct air_ac_scratch *s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_EQ_MSG(test, check(s), 0, "%s", s->why);
}

static void ac_tabled_decisions(struct kunit *test)
{
	ac_run(test, air_ac_check_tables);
}

static void ac_round_feedback(struct kunit *test)
{
	ac_run(test, air_ac_check_round);
}

static void ac_init(struct kunit *test)
{
	ac_run(test, air_ac_check_init);
}

static void ac_fixed_point(struct kunit *test)
{
	ac_run(test, air_ac_check_fixed_point);
}

static void ac_inventory_complete(struct kunit *test)
{
	ac_run(test, air_ac_check_inventory_complete);
}

static void ac_ml_beats_qalg(struct kunit *test)
{
	ac_run(test, air_ac_check_ml_beats_qalg);
}

static struct kunit_case aiot_anticoll_cases[] = {
	KUNIT_CASE(ac_tabled_decisions),
	KUNIT_CASE(ac_round_feedback),
	KUNIT_CASE(ac_init),
	KUNIT_CASE(ac_fixed_point),
	KUNIT_CASE(ac_inventory_complete),
	KUNIT_CASE(ac_ml_beats_qalg),
	{}
};

static struct kunit_suite aiot_anticoll_suite = {
	.name = "aiot_anticoll",
	.test_cases = aiot_anticoll_cases,
};

kunit_test_suite(aiot_anticoll_suite);

MODULE_DESCRIPTION("KUnit tests for the aiot anti-collision algorithms");
MODULE_LICENSE("GPL");
