// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the R2D/D2R codec and its CRCs. The checks themselves are in
 * air_cases.h and also run in userspace (tests/unit/test_frame.c).
 */
#include <kunit/test.h>
#include <linux/module.h>

#include "frame.h"
#include "air_cases.h"

static void air_run(struct kunit *test, int (*check)(struct air_scratch *s))
{
	struct air_scratch *s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_EQ_MSG(test, check(s), 0, "%s", s->why);
}

static void frame_crc_known_answers(struct kunit *test)
{
	air_run(test, air_check_crc_kat);
}

static void frame_crc_tables(struct kunit *test)
{
	air_run(test, air_check_crc_tables);
}

static void frame_golden(struct kunit *test)
{
	air_run(test, air_check_goldens);
}

static void frame_round_trip(struct kunit *test)
{
	air_run(test, air_check_round_trip);
}

static void frame_every_truncation(struct kunit *test)
{
	air_run(test, air_check_truncation);
}

static void frame_overlong(struct kunit *test)
{
	air_run(test, air_check_overlong);
}

static void frame_field_violations(struct kunit *test)
{
	air_run(test, air_check_violations);
}

static void frame_bad_crc(struct kunit *test)
{
	air_run(test, air_check_bad_crc);
}

static void frame_message_types(struct kunit *test)
{
	air_run(test, air_check_types);
}

static void frame_lengths(struct kunit *test)
{
	air_run(test, air_check_frame_lengths);
}

static void frame_encoder_rejects(struct kunit *test)
{
	air_run(test, air_check_encoder);
}

static void frame_distinct_errors(struct kunit *test)
{
	air_run(test, air_check_distinct_errors);
}

static void frame_coverage(struct kunit *test)
{
	air_run(test, air_check_coverage);
}

static void frame_fast_paths(struct kunit *test)
{
	air_run(test, air_check_fast_paths);
}

/* Decoding garbage never reads past the frame: KASAN watches this one. */
static void frame_decode_exact_buffer(struct kunit *test)
{
	struct aiot_msg *m = kunit_kzalloc(test, sizeof(*m), GFP_KERNEL);
	size_t bits, n;
	u32 x = 1;
	u8 *buf;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, m);
	for (bits = 0; bits <= AIOT_FRAME_MAX_BITS; bits += 3) {
		n = (bits + 7) / 8;
		buf = kmalloc(n ? n : 1, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, buf);
		for (i = 0; i < 8; i++) {
			for (n = 0; n < (bits + 7) / 8; n++) {
				x = x * 1103515245 + 12345;
				buf[n] = x >> 16;
			}
			aiot_pdu_decode(buf, bits, i & 1, m);
			aiot_frame_decode(buf, bits, i & 1, m);
		}
		kfree(buf);
	}
}

static struct kunit_case aiot_frame_cases[] = {
	KUNIT_CASE(frame_crc_known_answers),
	KUNIT_CASE(frame_crc_tables),
	KUNIT_CASE(frame_golden),
	KUNIT_CASE(frame_round_trip),
	KUNIT_CASE(frame_every_truncation),
	KUNIT_CASE(frame_overlong),
	KUNIT_CASE(frame_field_violations),
	KUNIT_CASE(frame_bad_crc),
	KUNIT_CASE(frame_message_types),
	KUNIT_CASE(frame_lengths),
	KUNIT_CASE(frame_encoder_rejects),
	KUNIT_CASE(frame_distinct_errors),
	KUNIT_CASE(frame_coverage),
	KUNIT_CASE(frame_fast_paths),
	KUNIT_CASE(frame_decode_exact_buffer),
	{}
};

static struct kunit_suite aiot_frame_suite = {
	.name = "aiot_frame",
	.test_cases = aiot_frame_cases,
};

kunit_test_suite(aiot_frame_suite);

MODULE_DESCRIPTION("KUnit tests for the aiot R2D/D2R codec");
MODULE_LICENSE("GPL");
