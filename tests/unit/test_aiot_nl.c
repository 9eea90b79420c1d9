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
#include <errno.h>
#include <netlink/netlink.h>
#include <netlink/genl/genl.h>
#include <linux/genetlink.h>

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

/*
 * aiot_nl_talk() returns the kernel's error and its extack message: the
 * generic netlink controller refuses a family id of the wrong size.
 */
static void talk_extack(void **state)
{
	struct aiot_nl nl;
	struct nl_msg *msg;
	char why[256];

	(void)state;
	assert_int_equal(aiot_nl_open(&nl, "nlctrl", why, sizeof(why)), 0);
	msg = aiot_nl_msg(&nl, CTRL_CMD_GETFAMILY, 0);
	assert_non_null(msg);
	assert_int_equal(nla_put_u8(msg, CTRL_ATTR_FAMILY_ID, 1), 0);
	assert_int_equal(aiot_nl_talk(&nl, msg, NULL, NULL, why, sizeof(why)), -ERANGE);
	assert_string_equal(why, "Attribute failed policy validation");
	/* a good request on the same socket: acknowledged, one reply */
	msg = aiot_nl_msg(&nl, CTRL_CMD_GETFAMILY, 0);
	assert_int_equal(nla_put_string(msg, CTRL_ATTR_FAMILY_NAME, "nlctrl"), 0);
	assert_int_equal(aiot_nl_talk(&nl, msg, NULL, NULL, why, sizeof(why)), 0);
	assert_string_equal(why, "");
	aiot_nl_close(&nl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(open_missing_family),
		cmocka_unit_test(open_short_buffer),
		cmocka_unit_test(open_nlctrl),
		cmocka_unit_test(talk_extack),
	};

	return cmocka_run_group_tests_name("aiot_nl", tests, NULL, NULL);
}
