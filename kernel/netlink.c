// SPDX-License-Identifier: GPL-2.0
/*
 * aiot: the generic netlink family "aiot". This is the only file that knows
 * attributes; every attribute is defined in include/uapi/linux/aiot.h and
 * described in Documentation/netlink/specs/aiot.yaml.
 */
#include <linux/module.h>
#include <net/genetlink.h>
#include <kunit/visibility.h>

#include <linux/aiot.h>
#include "aiot_core.h"

VISIBLE_IF_KUNIT const struct nla_policy aiot_nl_policy[AIOT_ATTR_MAX + 1] = {
	[AIOT_ATTR_VERSION]		= { .type = NLA_REJECT },
	[AIOT_ATTR_API_VERSION]		= { .type = NLA_REJECT },
	[AIOT_ATTR_READER_INDEX]	= { .type = NLA_U32 },
	[AIOT_ATTR_READER_NAME]		= { .type = NLA_REJECT },
	[AIOT_ATTR_READER_PARENT]	= { .type = NLA_REJECT },
	[AIOT_ATTR_READER_CAPS]		= { .type = NLA_REJECT },
	[AIOT_ATTR_TX_POWER]		= { .type = NLA_S32 },
	[AIOT_ATTR_PORT]		= { .type = NLA_U8 },
	[AIOT_ATTR_R2D_RATE]		= NLA_POLICY_MIN(NLA_U32, 1),
	[AIOT_ATTR_D2R_RATE]		= NLA_POLICY_MIN(NLA_U32, 1),
	[AIOT_ATTR_TX_POWER_MIN]	= { .type = NLA_REJECT },
	[AIOT_ATTR_TX_POWER_MAX]	= { .type = NLA_REJECT },
	[AIOT_ATTR_N_PORTS]		= { .type = NLA_REJECT },
	[AIOT_ATTR_RATE_MIN]		= { .type = NLA_REJECT },
	[AIOT_ATTR_RATE_MAX]		= { .type = NLA_REJECT },
	[AIOT_ATTR_READER_STATS]	= { .type = NLA_REJECT },
};
EXPORT_SYMBOL_IF_KUNIT(aiot_nl_policy);

enum aiot_nl_mcgrp {
	AIOT_NL_MCGRP_CONFIG,
	AIOT_NL_MCGRP_INVENTORY,
	AIOT_NL_MCGRP_COMMAND,
};

static const struct genl_multicast_group aiot_nl_mcgrps[] = {
	[AIOT_NL_MCGRP_CONFIG] = { .name = AIOT_MCGRP_CONFIG },
	[AIOT_NL_MCGRP_INVENTORY] = { .name = AIOT_MCGRP_INVENTORY },
	[AIOT_NL_MCGRP_COMMAND] = { .name = AIOT_MCGRP_COMMAND },
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

static int aiot_nl_put_stats(struct sk_buff *skb, struct aiot_reader *r)
{
	struct aiot_reader_stats st;
	struct nlattr *nest;

	aiot_reader_read_stats(r, &st);
	nest = nla_nest_start(skb, AIOT_ATTR_READER_STATS);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u64_64bit(skb, AIOT_STATS_TX_FRAMES, st.tx_frames, AIOT_STATS_PAD) ||
	    nla_put_u64_64bit(skb, AIOT_STATS_TX_ERRORS, st.tx_errors, AIOT_STATS_PAD) ||
	    nla_put_u64_64bit(skb, AIOT_STATS_RX_FRAMES, st.rx_frames, AIOT_STATS_PAD) ||
	    nla_put_u64_64bit(skb, AIOT_STATS_RX_EMPTY, st.rx_empty, AIOT_STATS_PAD) ||
	    nla_put_u64_64bit(skb, AIOT_STATS_RX_COLLISIONS, st.rx_collisions,
			      AIOT_STATS_PAD) ||
	    nla_put_u64_64bit(skb, AIOT_STATS_RX_CRC_ERRORS, st.rx_crc_errors,
			      AIOT_STATS_PAD) ||
	    nla_put_u64_64bit(skb, AIOT_STATS_TIMEOUTS, st.timeouts, AIOT_STATS_PAD) ||
	    nla_put_u64_64bit(skb, AIOT_STATS_LATE_RX, st.late_rx, AIOT_STATS_PAD)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/* One reader's attributes: the reply to GET_READER and the events. */
VISIBLE_IF_KUNIT int aiot_nl_fill_reader(struct sk_buff *skb,
					 struct aiot_reader *r, u8 cmd,
					 u32 portid, u32 seq, int flags)
{
	struct aiot_fe_params p;
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &aiot_nl_family, flags, cmd);
	if (!hdr)
		return -EMSGSIZE;
	mutex_lock(&r->lock);
	p = r->params;
	mutex_unlock(&r->lock);
	if (nla_put_u32(skb, AIOT_ATTR_READER_INDEX, r->index) ||
	    nla_put_string(skb, AIOT_ATTR_READER_NAME, dev_name(&r->dev)) ||
	    (r->dev.parent &&
	     nla_put_string(skb, AIOT_ATTR_READER_PARENT, dev_name(r->dev.parent))))
		goto nospace;
	if (cmd == AIOT_CMD_DEL_READER)
		goto done;
	if (nla_put_u32(skb, AIOT_ATTR_READER_CAPS, r->caps) ||
	    nla_put_s32(skb, AIOT_ATTR_TX_POWER, p.tx_power_mbm) ||
	    nla_put_u8(skb, AIOT_ATTR_PORT, p.port) ||
	    nla_put_u32(skb, AIOT_ATTR_R2D_RATE, p.r2d_bps) ||
	    nla_put_u32(skb, AIOT_ATTR_D2R_RATE, p.d2r_bps) ||
	    nla_put_s32(skb, AIOT_ATTR_TX_POWER_MIN, r->limits.tx_power_min_mbm) ||
	    nla_put_s32(skb, AIOT_ATTR_TX_POWER_MAX, r->limits.tx_power_max_mbm) ||
	    nla_put_u8(skb, AIOT_ATTR_N_PORTS, r->limits.n_ports) ||
	    nla_put_u32(skb, AIOT_ATTR_RATE_MIN, r->limits.rate_min_bps) ||
	    nla_put_u32(skb, AIOT_ATTR_RATE_MAX, r->limits.rate_max_bps) ||
	    aiot_nl_put_stats(skb, r))
		goto nospace;
done:
	genlmsg_end(skb, hdr);
	return 0;
nospace:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}
EXPORT_SYMBOL_IF_KUNIT(aiot_nl_fill_reader);

/* The reader a request names, with a reference; extack says what is wrong. */
static struct aiot_reader *aiot_nl_reader(struct genl_info *info)
{
	struct aiot_reader *r;

	if (GENL_REQ_ATTR_CHECK(info, AIOT_ATTR_READER_INDEX))
		return ERR_PTR(-EINVAL);
	r = aiot_reader_get_by_index(nla_get_u32(info->attrs[AIOT_ATTR_READER_INDEX]));
	if (!r) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[AIOT_ATTR_READER_INDEX],
				    "no reader with this index");
		return ERR_PTR(-ENODEV);
	}
	return r;
}

static int aiot_nl_get_reader(struct sk_buff *skb, struct genl_info *info)
{
	struct aiot_reader *r;
	struct sk_buff *msg;
	int err;

	r = aiot_nl_reader(info);
	if (IS_ERR(r))
		return PTR_ERR(r);
	msg = nlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg) {
		aiot_reader_put(r);
		return -ENOMEM;
	}
	err = aiot_nl_fill_reader(msg, r, AIOT_CMD_GET_READER,
				  info->snd_portid, info->snd_seq, 0);
	aiot_reader_put(r);
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

/*
 * Dump every reader. cb->args[0] is the index to resume from; cb->seq the
 * list generation, so userspace sees NLM_F_DUMP_INTR when the list changed
 * between two parts of the dump.
 */
static int aiot_nl_dump_readers(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct aiot_reader *r;
	unsigned int start;
	int err = 0;

	mutex_lock(&aiot_readers_lock);
	cb->seq = aiot_readers_generation;
	list_for_each_entry(r, &aiot_readers, list) {
		if (r->index < cb->args[0])
			continue;
		start = skb->len;
		err = aiot_nl_fill_reader(skb, r, AIOT_CMD_GET_READER,
					  NETLINK_CB(cb->skb).portid,
					  cb->nlh->nlmsg_seq, NLM_F_MULTI);
		if (err)
			break;
		genl_dump_check_consistent(cb, genlmsg_data(nlmsg_data((struct nlmsghdr *)
								      (skb->data + start))));
		cb->args[0] = r->index + 1;
	}
	mutex_unlock(&aiot_readers_lock);
	/* a full skb ends this part; the next part resumes */
	return err == -EMSGSIZE ? skb->len : (err ?: skb->len);
}

/* SET_READER's attributes on top of the current parameters. */
VISIBLE_IF_KUNIT int aiot_nl_parse_set_reader(struct nlattr **tb,
					      struct aiot_reader *r,
					      struct aiot_fe_params *p,
					      struct netlink_ext_ack *extack)
{
	mutex_lock(&r->lock);
	*p = r->params;
	mutex_unlock(&r->lock);
	if (!tb[AIOT_ATTR_TX_POWER] && !tb[AIOT_ATTR_PORT] &&
	    !tb[AIOT_ATTR_R2D_RATE] && !tb[AIOT_ATTR_D2R_RATE]) {
		NL_SET_ERR_MSG(extack, "nothing to set: give a power, port or rate");
		return -EINVAL;
	}
	if (tb[AIOT_ATTR_TX_POWER])
		p->tx_power_mbm = nla_get_s32(tb[AIOT_ATTR_TX_POWER]);
	if (tb[AIOT_ATTR_PORT])
		p->port = nla_get_u8(tb[AIOT_ATTR_PORT]);
	if (tb[AIOT_ATTR_R2D_RATE])
		p->r2d_bps = nla_get_u32(tb[AIOT_ATTR_R2D_RATE]);
	if (tb[AIOT_ATTR_D2R_RATE])
		p->d2r_bps = nla_get_u32(tb[AIOT_ATTR_D2R_RATE]);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(aiot_nl_parse_set_reader);

static int aiot_nl_set_reader(struct sk_buff *skb, struct genl_info *info)
{
	struct aiot_fe_params p;
	struct aiot_reader *r;
	int err;

	r = aiot_nl_reader(info);
	if (IS_ERR(r))
		return PTR_ERR(r);
	err = aiot_nl_parse_set_reader(info->attrs, r, &p, info->extack);
	if (!err)
		err = aiot_reader_change(r, &p, info->extack);
	aiot_reader_put(r);
	return err;
}

static const struct genl_small_ops aiot_nl_ops[] = {
	{
		.cmd = AIOT_CMD_GET_INFO,
		.doit = aiot_nl_get_info,
	},
	{
		.cmd = AIOT_CMD_GET_READER,
		.doit = aiot_nl_get_reader,
		.dumpit = aiot_nl_dump_readers,
	},
	{
		.cmd = AIOT_CMD_SET_READER,
		.doit = aiot_nl_set_reader,
		.flags = GENL_ADMIN_PERM,
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
	.mcgrps = aiot_nl_mcgrps,
	.n_mcgrps = ARRAY_SIZE(aiot_nl_mcgrps),
};

/* Tell "config" listeners that a reader came or went. */
void aiot_nl_reader_event(struct aiot_reader *r, u8 cmd)
{
	struct sk_buff *msg;

	if (!genl_has_listeners(&aiot_nl_family, &init_net, AIOT_NL_MCGRP_CONFIG))
		return;
	msg = nlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg)
		return;
	if (aiot_nl_fill_reader(msg, r, cmd, 0, 0, 0)) {
		nlmsg_free(msg);
		return;
	}
	genlmsg_multicast(&aiot_nl_family, msg, 0, AIOT_NL_MCGRP_CONFIG, GFP_KERNEL);
}

int __init aiot_netlink_init(void)
{
	return genl_register_family(&aiot_nl_family);
}

void aiot_netlink_exit(void)
{
	genl_unregister_family(&aiot_nl_family);
}

MODULE_ALIAS_GENL_FAMILY(AIOT_GENL_NAME);
