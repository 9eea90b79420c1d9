// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the aiot generic netlink family's messages.
 */
#include <kunit/test.h>
#include <linux/skbuff.h>
#include <net/genetlink.h>
#include <net/netlink.h>

#include <linux/aiot.h>
#include "aiot_core.h"

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);

static const struct nla_policy info_parse_policy[AIOT_ATTR_MAX + 1] = {
	[AIOT_ATTR_VERSION]	= { .type = NLA_NUL_STRING },
	[AIOT_ATTR_API_VERSION]	= { .type = NLA_U32 },
};

static int test_skb_init(struct kunit_resource *res, void *size)
{
	res->data = alloc_skb(*(unsigned int *)size, GFP_KERNEL);
	return res->data ? 0 : -ENOMEM;
}

static void test_skb_free(struct kunit_resource *res)
{
	kfree_skb(res->data);
}

/* An skb freed by KUnit when the test ends, even when an assertion fails. */
static struct sk_buff *test_skb(struct kunit *test, unsigned int size)
{
	return kunit_alloc_resource(test, test_skb_init, test_skb_free,
				    GFP_KERNEL, &size);
}

/* GET_INFO reply: a valid genetlink message carrying version and API. */
static void aiot_nl_info_reply(struct kunit *test)
{
	struct nlattr *tb[AIOT_ATTR_MAX + 1];
	struct genlmsghdr *ghdr;
	struct nlmsghdr *nlh;
	struct sk_buff *skb;
	int err;

	skb = test_skb(test, nlmsg_total_size(NLMSG_DEFAULT_SIZE));
	KUNIT_ASSERT_NOT_NULL(test, skb);

	KUNIT_ASSERT_EQ(test, aiot_nl_fill_info(skb, 42, 7, 0), 0);

	nlh = nlmsg_hdr(skb);
	KUNIT_EXPECT_EQ(test, nlh->nlmsg_len, skb->len);
	KUNIT_EXPECT_EQ(test, nlh->nlmsg_pid, 42U);
	KUNIT_EXPECT_EQ(test, nlh->nlmsg_seq, 7U);
	KUNIT_EXPECT_GT(test, nlh->nlmsg_type, (u16)GENL_MIN_ID - 1);
	ghdr = nlmsg_data(nlh);
	KUNIT_EXPECT_EQ(test, ghdr->cmd, AIOT_CMD_GET_INFO);
	KUNIT_EXPECT_EQ(test, ghdr->version, AIOT_GENL_VERSION);

	err = nlmsg_parse(nlh, GENL_HDRLEN, tb, AIOT_ATTR_MAX,
			  info_parse_policy, NULL);
	KUNIT_ASSERT_EQ(test, err, 0);
	KUNIT_ASSERT_NOT_NULL(test, tb[AIOT_ATTR_VERSION]);
	KUNIT_EXPECT_STREQ(test, (char *)nla_data(tb[AIOT_ATTR_VERSION]),
			   AIOT_MODULE_VERSION);
	KUNIT_ASSERT_NOT_NULL(test, tb[AIOT_ATTR_API_VERSION]);
	KUNIT_EXPECT_EQ(test, nla_get_u32(tb[AIOT_ATTR_API_VERSION]),
			(u32)AIOT_GENL_VERSION);
}

/* A reply that does not fit is refused whole, leaving the skb untouched. */
static void aiot_nl_info_too_small(struct kunit *test)
{
	struct sk_buff *skb;
	unsigned int before;
	int room;

	skb = test_skb(test, NLMSG_GOODSIZE);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	/* leave room for the headers and one attribute header, no more */
	room = NLMSG_HDRLEN + GENL_HDRLEN + NLA_HDRLEN;
	KUNIT_ASSERT_GT(test, skb_tailroom(skb), room);
	skb_put(skb, skb_tailroom(skb) - room);
	before = skb->len;
	KUNIT_EXPECT_EQ(test, aiot_nl_fill_info(skb, 0, 0, 0), -EMSGSIZE);
	KUNIT_EXPECT_EQ(test, skb->len, before);
}

static struct kunit_case aiot_netlink_cases[] = {
	KUNIT_CASE(aiot_nl_info_reply),
	KUNIT_CASE(aiot_nl_info_too_small),
	{}
};

static struct kunit_suite aiot_netlink_suite = {
	.name = "aiot_netlink",
	.test_cases = aiot_netlink_cases,
};

kunit_test_suite(aiot_netlink_suite);

MODULE_DESCRIPTION("KUnit tests for the aiot netlink family");
MODULE_LICENSE("GPL");
