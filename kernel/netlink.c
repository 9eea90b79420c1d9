// SPDX-License-Identifier: GPL-2.0
/*
 * aiot: the generic netlink family "aiot". This is the only file that knows
 * attributes; every attribute is defined in include/uapi/linux/aiot.h.
 */
#include <linux/module.h>
#include <net/genetlink.h>
#include <kunit/visibility.h>

#include <linux/aiot.h>
#include "aiot_core.h"

static const struct nla_policy aiot_nl_policy[AIOT_ATTR_MAX + 1] = {
	[AIOT_ATTR_VERSION]	= { .type = NLA_REJECT },
	[AIOT_ATTR_API_VERSION]	= { .type = NLA_REJECT },
};

static struct genl_family aiot_nl_family;

VISIBLE_IF_KUNIT int aiot_nl_fill_info(struct sk_buff *skb, u32 portid,
				       u32 seq, int flags)
{
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &aiot_nl_family, flags,
			  AIOT_CMD_GET_INFO);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_string(skb, AIOT_ATTR_VERSION, AIOT_MODULE_VERSION) ||
	    nla_put_u32(skb, AIOT_ATTR_API_VERSION, AIOT_GENL_VERSION)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(aiot_nl_fill_info);

static int aiot_nl_get_info(struct sk_buff *skb, struct genl_info *info)
{
	struct sk_buff *msg;
	int err;

	msg = nlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	err = aiot_nl_fill_info(msg, info->snd_portid, info->snd_seq, 0);
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

static const struct genl_small_ops aiot_nl_ops[] = {
	{
		.cmd = AIOT_CMD_GET_INFO,
		.doit = aiot_nl_get_info,
	},
};

static struct genl_family aiot_nl_family __ro_after_init = {
	.name = AIOT_GENL_NAME,
	.version = AIOT_GENL_VERSION,
	.maxattr = AIOT_ATTR_MAX,
	.policy = aiot_nl_policy,
	.netnsok = true,
	.module = THIS_MODULE,
	.small_ops = aiot_nl_ops,
	.n_small_ops = ARRAY_SIZE(aiot_nl_ops),
};

int __init aiot_netlink_init(void)
{
	return genl_register_family(&aiot_nl_family);
}

void aiot_netlink_exit(void)
{
	genl_unregister_family(&aiot_nl_family);
}
