// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: libaiot's netlink helpers, on a host without the module.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "aiot_nl.h"

/* A family that cannot exist: the open fails with a sentence that names
 * it and says what to do, and leaves no socket behind.
 */
static void open_missing_family(void **state)
{
	struct aiot_nl nl = { 0 };
	char why[256] = "";
	int err;

	(void)state;
	err = aiot_nl_open(&nl, "aiot_no_such_fam", why, sizeof(why));
	assert_int_equal(err, AIOT_NL_ENOFAMILY);
	assert_null(nl.sk);
	assert_non_null(strstr(why, "'aiot_no_such_fam' is not registered"));
	assert_non_null(strstr(why, "modprobe aiot"));
	aiot_nl_close(&nl);
	assert_null(nl.sk);
}

/* A tiny buffer truncates the sentence but stays NUL-terminated. */
static void open_short_buffer(void **state)
{
	struct aiot_nl nl = { 0 };
	char why[8];

	(void)state;
	memset(why, 'x', sizeof(why));
	assert_int_equal(aiot_nl_open(&nl, "aiot_no_such_fam", why, sizeof(why)),
			 AIOT_NL_ENOFAMILY);
	assert_int_equal(strlen(why), sizeof(why) - 1);
}

/* The controller family itself always resolves. */
static void open_nlctrl(void **state)
{
	struct aiot_nl nl = { 0 };
	char why[256] = "";

	(void)state;
	assert_int_equal(aiot_nl_open(&nl, "nlctrl", why, sizeof(why)), 0);
	assert_non_null(nl.sk);
	assert_int_equal(nl.family, 0x10);	/* GENL_ID_CTRL */
	aiot_nl_close(&nl);
	assert_null(nl.sk);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(open_missing_family),
		cmocka_unit_test(open_short_buffer),
		cmocka_unit_test(open_nlctrl),
	};

	return cmocka_run_group_tests_name("aiot_nl", tests, NULL, NULL);
}
