// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the aiot generic netlink family's messages.
 */
#include <kunit/test.h>
#include <linux/skbuff.h>
#include <net/genetlink.h>
#include <net/netlink.h>

#include <linux/aiot.h>
#include <net/aiot.h>
#include "aiot_core.h"
#include "command.h"
#include "inventory.h"

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

static int ok_xmit(struct aiot_reader *r, const u8 *frame, unsigned int bits,
		   unsigned int window_us, u32 cookie)
{
	aiot_fe_rx(r, cookie, AIOT_RX_EMPTY, NULL, 0, NULL);
	return 0;
}

static const struct aiot_fe_ops ok_ops = { .xmit = ok_xmit };

static int test_reader_init(struct kunit_resource *res, void *context)
{
	struct aiot_reader *r;

	r = aiot_reader_alloc(&ok_ops, AIOT_FE_CAP_HW_CRC | AIOT_FE_CAP_HW_SLOTTING,
			      0, NULL);
	if (IS_ERR(r))
		return PTR_ERR(r);
	res->data = r;
	return 0;
}

static void test_reader_free(struct kunit_resource *res)
{
	aiot_reader_free(res->data);
}

/* An allocated (unregistered) reader, freed when the test ends. */
static struct aiot_reader *test_reader(struct kunit *test)
{
	return kunit_alloc_resource(test, test_reader_init, test_reader_free,
				    GFP_KERNEL, NULL);
}

static const struct nla_policy reader_parse_policy[AIOT_ATTR_MAX + 1] = {
	[AIOT_ATTR_READER_INDEX]	= { .type = NLA_U32 },
	[AIOT_ATTR_READER_NAME]		= { .type = NLA_NUL_STRING },
	[AIOT_ATTR_READER_CAPS]		= { .type = NLA_U32 },
	[AIOT_ATTR_TX_POWER]		= { .type = NLA_S32 },
	[AIOT_ATTR_PORT]		= { .type = NLA_U8 },
	[AIOT_ATTR_R2D_RATE]		= { .type = NLA_U32 },
	[AIOT_ATTR_D2R_RATE]		= { .type = NLA_U32 },
	[AIOT_ATTR_N_PORTS]		= { .type = NLA_U8 },
	[AIOT_ATTR_READER_STATS]	= { .type = NLA_NESTED },
	[AIOT_ATTR_READER_PARENT]	= { .type = NLA_NUL_STRING },
	[AIOT_ATTR_TX_POWER_MIN]	= { .type = NLA_S32 },
	[AIOT_ATTR_TX_POWER_MAX]	= { .type = NLA_S32 },
	[AIOT_ATTR_RATE_MIN]		= { .type = NLA_U32 },
	[AIOT_ATTR_RATE_MAX]		= { .type = NLA_U32 },
};

/* GET_READER reply: identity, parameters, limits and counters. */
static void aiot_nl_reader_reply(struct kunit *test)
{
	struct nlattr *tb[AIOT_ATTR_MAX + 1];
	struct aiot_reader *r;
	struct sk_buff *skb;
	char name[16];

	r = test_reader(test);
	KUNIT_ASSERT_NOT_NULL(test, r);
	skb = test_skb(test, nlmsg_total_size(NLMSG_DEFAULT_SIZE));
	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_ASSERT_EQ(test, aiot_nl_fill_reader(skb, r, AIOT_CMD_GET_READER, 1, 2, 0), 0);
	KUNIT_ASSERT_EQ(test, nlmsg_parse(nlmsg_hdr(skb), GENL_HDRLEN, tb, AIOT_ATTR_MAX,
					  reader_parse_policy, NULL), 0);
	KUNIT_ASSERT_NOT_NULL(test, tb[AIOT_ATTR_READER_INDEX]);
	KUNIT_EXPECT_EQ(test, nla_get_u32(tb[AIOT_ATTR_READER_INDEX]),
			(u32)aiot_reader_index(r));
	snprintf(name, sizeof(name), "aiot%d", aiot_reader_index(r));
	KUNIT_ASSERT_NOT_NULL(test, tb[AIOT_ATTR_READER_NAME]);
	KUNIT_EXPECT_STREQ(test, (char *)nla_data(tb[AIOT_ATTR_READER_NAME]), name);
	KUNIT_EXPECT_NULL(test, tb[AIOT_ATTR_READER_PARENT]);
	KUNIT_ASSERT_NOT_NULL(test, tb[AIOT_ATTR_READER_CAPS]);
	KUNIT_EXPECT_EQ(test, nla_get_u32(tb[AIOT_ATTR_READER_CAPS]),
			AIOT_READER_CAP_HW_CRC | AIOT_READER_CAP_HW_SLOTTING);
	KUNIT_ASSERT_NOT_NULL(test, tb[AIOT_ATTR_R2D_RATE]);
	KUNIT_EXPECT_EQ(test, nla_get_u32(tb[AIOT_ATTR_R2D_RATE]), (u32)AIOT_R2D_BPS);
	KUNIT_EXPECT_NOT_NULL(test, tb[AIOT_ATTR_N_PORTS]);
	KUNIT_EXPECT_NOT_NULL(test, tb[AIOT_ATTR_READER_STATS]);
}

/* The removal event names the reader and nothing else. */
static void aiot_nl_reader_del_event(struct kunit *test)
{
	struct nlattr *tb[AIOT_ATTR_MAX + 1];
	struct aiot_reader *r;
	struct sk_buff *skb;

	r = test_reader(test);
	KUNIT_ASSERT_NOT_NULL(test, r);
	skb = test_skb(test, nlmsg_total_size(NLMSG_DEFAULT_SIZE));
	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_ASSERT_EQ(test, aiot_nl_fill_reader(skb, r, AIOT_CMD_DEL_READER, 0, 0, 0), 0);
	KUNIT_ASSERT_EQ(test, nlmsg_parse(nlmsg_hdr(skb), GENL_HDRLEN, tb, AIOT_ATTR_MAX,
					  reader_parse_policy, NULL), 0);
	KUNIT_EXPECT_NOT_NULL(test, tb[AIOT_ATTR_READER_INDEX]);
	KUNIT_EXPECT_NOT_NULL(test, tb[AIOT_ATTR_READER_NAME]);
	KUNIT_EXPECT_NULL(test, tb[AIOT_ATTR_READER_CAPS]);
	KUNIT_EXPECT_NULL(test, tb[AIOT_ATTR_READER_STATS]);
}

struct policy_case {
	const char *name;
	int attr;
	int len;	/* payload octets */
	u32 value;
	int err;	/* expected from the family's policy */
};

static const struct policy_case policy_cases[] = {
	{ "index u32 ok", AIOT_ATTR_READER_INDEX, 4, 3, 0 },
	{ "index too short", AIOT_ATTR_READER_INDEX, 2, 3, -EINVAL },
	{ "name is output only", AIOT_ATTR_READER_NAME, 4, 0x61696f74, -EINVAL },
	{ "caps are output only", AIOT_ATTR_READER_CAPS, 4, 1, -EINVAL },
	{ "stats are output only", AIOT_ATTR_READER_STATS, 4, 0, -EINVAL },
	{ "version is output only", AIOT_ATTR_VERSION, 4, 0, -EINVAL },
	{ "r2d rate 0", AIOT_ATTR_R2D_RATE, 4, 0, -ERANGE },
	{ "d2r rate 0", AIOT_ATTR_D2R_RATE, 4, 0, -ERANGE },
	{ "d2r rate 1", AIOT_ATTR_D2R_RATE, 4, 1, 0 },
	{ "port u8 ok", AIOT_ATTR_PORT, 1, 1, 0 },
	{ "power s32 ok", AIOT_ATTR_TX_POWER, 4, (u32)-500, 0 },
	{ "unknown attribute", AIOT_ATTR_MAX + 1, 4, 0, -EINVAL },
};

static void policy_case_desc(const struct policy_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(policy, policy_cases, policy_case_desc);

/* The family's policy accepts and refuses exactly what it should. */
static void aiot_nl_policy_cases(struct kunit *test)
{
	const struct policy_case *c = test->param_value;
	struct nlattr *tb[AIOT_ATTR_MAX + 1];
	struct netlink_ext_ack extack = {};
	struct sk_buff *skb;
	u32 value = c->value;
	int err;

	skb = test_skb(test, NLMSG_GOODSIZE);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_ASSERT_EQ(test, nla_put(skb, c->attr, c->len, &value), 0);
	err = nla_parse(tb, AIOT_ATTR_MAX, (struct nlattr *)skb->data, skb->len,
			aiot_nl_policy, &extack);
	KUNIT_EXPECT_EQ(test, err, c->err);
	if (c->err)
		KUNIT_EXPECT_NOT_NULL(test, extack._msg);
}

/* SET_READER with nothing to set is refused with a reason. */
static void aiot_nl_set_reader_empty(struct kunit *test)
{
	struct nlattr *tb[AIOT_ATTR_MAX + 1] = {};
	struct netlink_ext_ack extack = {};
	struct aiot_fe_params p;
	struct aiot_reader *r;

	r = test_reader(test);
	KUNIT_ASSERT_NOT_NULL(test, r);
	KUNIT_EXPECT_EQ(test, aiot_nl_parse_set_reader(tb, r, &p, &extack), -EINVAL);
	KUNIT_EXPECT_STREQ(test, extack._msg, "nothing to set: give a power, port or rate");
}

/* COMMAND_SEND's checks beyond the policy, and its defaults. */
static void aiot_nl_command_parse(struct kunit *test)
{
	struct nlattr *tb[AIOT_ATTR_MAX + 1] = {};
	struct netlink_ext_ack extack = {};
	struct aiot_cmd_req *req;
	struct sk_buff *skb;
	static const u8 id[4] = { 1, 2, 3, 4 }, nas[3] = { 0xaa, 0xbb, 0xc0 };
	int off;

	req = kunit_kzalloc(test, sizeof(*req), GFP_KERNEL);
	skb = test_skb(test, NLMSG_GOODSIZE);
	KUNIT_ASSERT_NOT_NULL(test, req);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_EXPECT_EQ(test, aiot_nl_parse_command(tb, req, &extack), -EINVAL);
	KUNIT_EXPECT_STREQ(test, extack._msg,
			   "give the device's identity: type, target, bits");

	off = skb->len;
	KUNIT_ASSERT_EQ(test, nla_put_u8(skb, AIOT_ATTR_TARGET_TYPE, AIOT_TARGET_FILTER), 0);
	KUNIT_ASSERT_EQ(test, nla_put(skb, AIOT_ATTR_TARGET, 4, id), 0);
	KUNIT_ASSERT_EQ(test, nla_put_u16(skb, AIOT_ATTR_TARGET_BITS, 32), 0);
	KUNIT_ASSERT_EQ(test, nla_put(skb, AIOT_ATTR_NAS, 3, nas), 0);
	KUNIT_ASSERT_EQ(test, nla_put_u16(skb, AIOT_ATTR_NAS_BITS, 18), 0);
	KUNIT_ASSERT_EQ(test, nla_parse(tb, AIOT_ATTR_MAX, (struct nlattr *)(skb->data + off),
					skb->len - off, aiot_nl_policy, &extack), 0);
	KUNIT_EXPECT_EQ(test, aiot_nl_parse_command(tb, req, &extack), -EINVAL);
	KUNIT_EXPECT_STREQ(test, extack._msg, "this names one device: give its identity");

	*(u8 *)nla_data(tb[AIOT_ATTR_TARGET_TYPE]) = AIOT_TARGET_PERMANENT_ID;
	KUNIT_EXPECT_EQ(test, aiot_nl_parse_command(tb, req, &extack), 0);
	KUNIT_EXPECT_EQ(test, req->nas_bits, 18);
	KUNIT_EXPECT_EQ(test, req->attempts, AIOT_CMD_ATTEMPTS);
	KUNIT_EXPECT_EQ(test, memcmp(req->nas, nas, 3), 0);
	KUNIT_EXPECT_EQ(test, req->id_bits, 32);

	KUNIT_EXPECT_EQ(test, req->rand_len, 0);

	*(u16 *)nla_data(tb[AIOT_ATTR_NAS_BITS]) = 25;	/* 4 octets, 3 given */
	KUNIT_EXPECT_EQ(test, aiot_nl_parse_command(tb, req, &extack), -EINVAL);
	KUNIT_EXPECT_STREQ(test, extack._msg, "NAS length in bits does not match the NAS PDU");

	/* a RAND for the contention-free paging (solution-9's nonce) */
	*(u16 *)nla_data(tb[AIOT_ATTR_NAS_BITS]) = 18;
	off = skb->len;
	KUNIT_ASSERT_EQ(test, nla_put(skb, AIOT_ATTR_RAND, 3, nas), 0);
	tb[AIOT_ATTR_RAND] = (struct nlattr *)(skb->data + off);
	KUNIT_EXPECT_EQ(test, aiot_nl_parse_command(tb, req, &extack), 0);
	KUNIT_EXPECT_EQ(test, req->rand_len, 3);
	KUNIT_EXPECT_EQ(test, memcmp(req->rand, nas, 3), 0);
}

/* INVENTORY_START: a RAND or a NAS container in the paging, not both. */
static void aiot_nl_inventory_parse(struct kunit *test)
{
	struct nlattr *tb[AIOT_ATTR_MAX + 1] = {};
	struct netlink_ext_ack extack = {};
	struct aiot_inv_cfg *cfg;
	struct sk_buff *skb;
	static const u8 rnd[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	u8 *big;
	int off;

	cfg = kunit_kzalloc(test, sizeof(*cfg), GFP_KERNEL);
	big = kunit_kzalloc(test, AIOT_NAS_CONT_MAX_OCTETS + 1, GFP_KERNEL);
	skb = test_skb(test, NLMSG_GOODSIZE);
	KUNIT_ASSERT_NOT_NULL(test, cfg);
	KUNIT_ASSERT_NOT_NULL(test, big);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	off = skb->len;
	KUNIT_ASSERT_EQ(test, nla_put(skb, AIOT_ATTR_RAND, sizeof(rnd), rnd), 0);
	KUNIT_ASSERT_EQ(test, nla_put(skb, AIOT_ATTR_NAS, 5, rnd), 0);
	KUNIT_ASSERT_EQ(test, nla_parse(tb, AIOT_ATTR_MAX, (struct nlattr *)(skb->data + off),
					skb->len - off, aiot_nl_policy, &extack), 0);
	KUNIT_EXPECT_EQ(test, aiot_nl_parse_inventory(tb, cfg, &extack), -EINVAL);
	KUNIT_EXPECT_STREQ(test, extack._msg,
			   "a paging carries a RAND or a NAS container, not both");

	tb[AIOT_ATTR_RAND] = NULL;
	KUNIT_EXPECT_EQ(test, aiot_nl_parse_inventory(tb, cfg, &extack), 0);
	KUNIT_EXPECT_EQ(test, cfg->nas_len, 5);
	KUNIT_EXPECT_EQ(test, cfg->rand_len, 0);
	KUNIT_EXPECT_EQ(test, memcmp(cfg->nas, rnd, 5), 0);

	off = skb->len;
	KUNIT_ASSERT_EQ(test, nla_put(skb, AIOT_ATTR_NAS, AIOT_NAS_CONT_MAX_OCTETS + 1, big), 0);
	tb[AIOT_ATTR_NAS] = (struct nlattr *)(skb->data + off);
	KUNIT_EXPECT_EQ(test, aiot_nl_parse_inventory(tb, cfg, &extack), -EINVAL);
	KUNIT_EXPECT_STREQ(test, extack._msg,
			   "a paging's NAS container holds at most 125 octets");
}

static struct kunit_case aiot_netlink_cases[] = {
	KUNIT_CASE(aiot_nl_info_reply),
	KUNIT_CASE(aiot_nl_info_too_small),
	KUNIT_CASE(aiot_nl_reader_reply),
	KUNIT_CASE(aiot_nl_reader_del_event),
	KUNIT_CASE_PARAM(aiot_nl_policy_cases, policy_gen_params),
	KUNIT_CASE(aiot_nl_set_reader_empty),
	KUNIT_CASE(aiot_nl_command_parse),
	KUNIT_CASE(aiot_nl_inventory_parse),
	{}
};

static struct kunit_suite aiot_netlink_suite = {
	.name = "aiot_netlink",
	.test_cases = aiot_netlink_cases,
};

kunit_test_suite(aiot_netlink_suite);

MODULE_DESCRIPTION("KUnit tests for the aiot netlink family");
MODULE_LICENSE("GPL");
