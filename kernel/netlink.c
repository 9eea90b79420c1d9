// SPDX-License-Identifier: GPL-2.0
/*
 * aiot: the generic netlink family "aiot". This is the only file that knows
 * attributes; every attribute is defined in include/uapi/linux/aiot.h and
 * described in Documentation/netlink/specs/aiot.yaml.
 */
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/netlink.h>
#include <linux/slab.h>
#include <net/genetlink.h>
#include <kunit/visibility.h>

#include <linux/aiot.h>
#include "aiot_core.h"
#include "command.h"
#include "inventory.h"
#include "nas.h"
#include "sec.h"

static struct netlink_range_validation aiot_nl_slots_range = {
	.min = 1,
	.max = AIOT_FS_SLOTS_MAX,
};

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
	[AIOT_ATTR_JOB_ID]		= NLA_POLICY_MIN(NLA_U32, 1),
	[AIOT_ATTR_TARGET_TYPE]		= NLA_POLICY_MAX(NLA_U8, AIOT_TARGET_FILTER),
	[AIOT_ATTR_TARGET]		= NLA_POLICY_RANGE(NLA_BINARY, 1, AIOT_ID_MAX_OCTETS),
	[AIOT_ATTR_TARGET_BITS]		= NLA_POLICY_RANGE(NLA_U16, 1, AIOT_ID_MAX_BITS),
	[AIOT_ATTR_RAND]		= NLA_POLICY_RANGE(NLA_BINARY, 1, AIOT_RAND_MAX_OCTETS),
	[AIOT_ATTR_TXN]			= { .type = NLA_U8 },
	[AIOT_ATTR_ALGO]		= NLA_POLICY_MAX(NLA_U8, AIOT_ALGO_ML),
	[AIOT_ATTR_INIT_SLOTS]		= NLA_POLICY_FULL_RANGE(NLA_U32, &aiot_nl_slots_range),
	[AIOT_ATTR_MAX_DEVICES]		= { .type = NLA_U32 },
	[AIOT_ATTR_MAX_TIME_MS]		= { .type = NLA_U32 },
	[AIOT_ATTR_MAX_EMPTY_ROUNDS]	= { .type = NLA_U32 },
	[AIOT_ATTR_REPORT_BATCH]	= NLA_POLICY_RANGE(NLA_U32, 1, 256),
	[AIOT_ATTR_REPORT_MS]		= { .type = NLA_U32 },
	[AIOT_ATTR_DEVICE]		= { .type = NLA_REJECT },
	[AIOT_ATTR_INV_END]		= { .type = NLA_REJECT },
	[AIOT_ATTR_INV_STATS]		= { .type = NLA_REJECT },
	[AIOT_ATTR_AS_ID]		= { .type = NLA_U8 },
	[AIOT_ATTR_NAS]			= NLA_POLICY_RANGE(NLA_BINARY, 1,
							   (AIOT_SDU_MAX_BITS + 7) / 8),
	[AIOT_ATTR_NAS_BITS]		= NLA_POLICY_RANGE(NLA_U16, 1, AIOT_SDU_MAX_BITS),
	[AIOT_ATTR_ATTEMPTS]		= NLA_POLICY_RANGE(NLA_U8, 1, 16),
	[AIOT_ATTR_CMD_OUTCOME]		= { .type = NLA_REJECT },
	[AIOT_ATTR_CMD_CAUSE]		= { .type = NLA_REJECT },
	[AIOT_ATTR_CMD_ERROR]		= { .type = NLA_REJECT },
	[AIOT_ATTR_K_AIOTF]		= NLA_POLICY_EXACT_LEN(AIOT_K_AIOTF_LEN),
	[AIOT_ATTR_K_ENC]		= NLA_POLICY_EXACT_LEN(AIOT_SEC_KEY_LEN),
	[AIOT_ATTR_K_INT]		= NLA_POLICY_EXACT_LEN(AIOT_SEC_KEY_LEN),
	[AIOT_ATTR_CIPHER]		= NLA_POLICY_MAX(NLA_U8, 1),
	[AIOT_ATTR_CMD_SEC]		= { .type = NLA_REJECT },
	[AIOT_ATTR_SEC_DRIVER_CMAC]	= { .type = NLA_REJECT },
	[AIOT_ATTR_SEC_DRIVER_CTR]	= { .type = NLA_REJECT },
	[AIOT_ATTR_SEC_DRIVER_HMAC]	= { .type = NLA_REJECT },
};

/* The uapi enums and the engine's must agree. */
static_assert(AIOT_ALGO_Q == (int)AIOT_AC_QALG);
static_assert(AIOT_ALGO_SCHOUTE == (int)AIOT_AC_SCHOUTE);
static_assert(AIOT_ALGO_ML == (int)AIOT_AC_ML);
static_assert(AIOT_TARGET_ALL == (int)AIOT_ID_NONE);
static_assert(AIOT_TARGET_PERMANENT_ID == (int)AIOT_ID_PERMANENT);
static_assert(AIOT_TARGET_TEMPORARY_ID == (int)AIOT_ID_TEMPORARY);
static_assert(AIOT_TARGET_CONCEALED_ID == (int)AIOT_ID_CONCEALED);
static_assert(AIOT_TARGET_FILTER == (int)AIOT_ID_FILTER);

/* Defaults of an inventory request. */
#define AIOT_NL_REPORT_BATCH	16
#define AIOT_NL_REPORT_MS	1000
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

static int aiot_nl_put_counters(struct sk_buff *skb,
				const struct aiot_reader_stats *st, u64 contexts)
{
	const struct {
		int type;
		u64 val;
	} ctr[] = {
		{ AIOT_STATS_TX_FRAMES, st->tx_frames },
		{ AIOT_STATS_TX_ERRORS, st->tx_errors },
		{ AIOT_STATS_RX_FRAMES, st->rx_frames },
		{ AIOT_STATS_RX_EMPTY, st->rx_empty },
		{ AIOT_STATS_RX_COLLISIONS, st->rx_collisions },
		{ AIOT_STATS_RX_CRC_ERRORS, st->rx_crc_errors },
		{ AIOT_STATS_TIMEOUTS, st->timeouts },
		{ AIOT_STATS_LATE_RX, st->late_rx },
		{ AIOT_STATS_JOBS, st->jobs },
		{ AIOT_STATS_DEVICES, st->devices },
		{ AIOT_STATS_COMMANDS, st->commands },
		{ AIOT_STATS_CMD_RETX, st->cmd_retx },
		{ AIOT_STATS_CMD_NAS_RSP, st->cmd_nas_rsp },
		{ AIOT_STATS_CMD_AS_IND, st->cmd_as_ind },
		{ AIOT_STATS_CMD_NO_RSP, st->cmd_no_rsp },
		{ AIOT_STATS_SEC_CONTEXTS, contexts },
		{ AIOT_STATS_SEC_PROTECTED, st->sec_protected },
		{ AIOT_STATS_SEC_VERIFIED, st->sec_verified },
		{ AIOT_STATS_SEC_FAILED, st->sec_failed },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ctr); i++)
		if (nla_put_u64_64bit(skb, ctr[i].type, ctr[i].val, AIOT_STATS_PAD))
			return -EMSGSIZE;
	return 0;
}

static int aiot_nl_put_stats(struct sk_buff *skb, struct aiot_reader *r)
{
	struct aiot_reader_stats st;
	struct nlattr *nest;

	aiot_reader_read_stats(r, &st);
	nest = nla_nest_start(skb, AIOT_ATTR_READER_STATS);
	if (!nest)
		return -EMSGSIZE;
	if (aiot_nl_put_counters(skb, &st, aiot_cmd_sec_count(r))) {
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
	if (cmd == AIOT_CMD_GET_STATS) {
		if (aiot_nl_put_stats(skb, r) ||
		    nla_put_string(skb, AIOT_ATTR_SEC_DRIVER_CMAC,
				   aiot_sec_driver_name(AIOT_SEC_TFM_CMAC)) ||
		    nla_put_string(skb, AIOT_ATTR_SEC_DRIVER_CTR,
				   aiot_sec_driver_name(AIOT_SEC_TFM_CTR)) ||
		    nla_put_string(skb, AIOT_ATTR_SEC_DRIVER_HMAC,
				   aiot_sec_driver_name(AIOT_SEC_TFM_HMAC)))
			goto nospace;
		goto done;
	}
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

	if (!info->attrs[AIOT_ATTR_READER_INDEX]) {
		NL_SET_ERR_MSG(info->extack, "which reader? give its index");
		return ERR_PTR(-EINVAL);
	}
	r = aiot_reader_get_by_index(nla_get_u32(info->attrs[AIOT_ATTR_READER_INDEX]));
	if (!r) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[AIOT_ATTR_READER_INDEX],
				    "no reader with this index");
		return ERR_PTR(-ENODEV);
	}
	return r;
}

/* GET_READER and GET_STATS, for one reader. */
static int aiot_nl_get_reader(struct sk_buff *skb, struct genl_info *info)
{
	u8 cmd = info->genlhdr->cmd;
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
	err = aiot_nl_fill_reader(msg, r, cmd, info->snd_portid, info->snd_seq, 0);
	aiot_reader_put(r);
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

/*
 * Dump every reader (GET_READER or GET_STATS). cb->args[0] is the index to resume from; cb->seq the
 * list generation, so userspace sees NLM_F_DUMP_INTR when the list changed
 * between two parts of the dump.
 */
static int aiot_nl_dump_readers(struct sk_buff *skb, struct netlink_callback *cb)
{
	u8 cmd = ((struct genlmsghdr *)nlmsg_data(cb->nlh))->cmd;
	struct aiot_reader *r;
	unsigned int start;
	int err = 0;

	mutex_lock(&aiot_readers_lock);
	cb->seq = aiot_readers_generation;
	list_for_each_entry(r, &aiot_readers, list) {
		if (r->index < cb->args[0])
			continue;
		start = skb->len;
		err = aiot_nl_fill_reader(skb, r, cmd, NETLINK_CB(cb->skb).portid,
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

/* ---- Inventory ----------------------------------------------------------- */

static int aiot_nl_put_device(struct sk_buff *skb, const struct aiot_inv_dev *dev,
			      const u8 *nas, unsigned int nas_bits)
{
	struct nlattr *nest = nla_nest_start(skb, AIOT_ATTR_DEVICE);

	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(skb, AIOT_DEV_SEQ, dev->seq) ||
	    nla_put_u8(skb, AIOT_DEV_AS_ID, dev->as_id) ||
	    nla_put_u16(skb, AIOT_DEV_RN16, dev->rn16) ||
	    nla_put_s32(skb, AIOT_DEV_RSSI, dev->rssi_mbm) ||
	    nla_put_u8(skb, AIOT_DEV_PORT, dev->port) ||
	    nla_put_u64_64bit(skb, AIOT_DEV_TSTAMP, dev->tstamp_ns, AIOT_DEV_PAD) ||
	    nla_put_u32(skb, AIOT_DEV_NAS_BITS, dev->nas_bits) ||
	    (nas && nla_put(skb, AIOT_DEV_NAS, DIV_ROUND_UP(nas_bits, 8), nas))) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static void aiot_nl_report_flush(struct aiot_inv_job *job)
{
	if (!job->report)
		return;
	genlmsg_end(job->report, job->report_hdr);
	genlmsg_multicast(&aiot_nl_family, job->report, 0, AIOT_NL_MCGRP_INVENTORY,
			  GFP_KERNEL);
	job->report = NULL;
	job->report_count = 0;
}

static int aiot_nl_report_open(struct aiot_inv_job *job)
{
	job->report = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!job->report)
		return -ENOMEM;
	job->report_hdr = genlmsg_put(job->report, 0, 0, &aiot_nl_family, 0,
				      AIOT_CMD_INVENTORY_REPORT);
	if (!job->report_hdr ||
	    nla_put_u32(job->report, AIOT_ATTR_READER_INDEX, job->reader->index) ||
	    nla_put_u32(job->report, AIOT_ATTR_JOB_ID, job->id)) {
		nlmsg_free(job->report);
		job->report = NULL;
		return -EMSGSIZE;
	}
	job->report_first_ns = ktime_get_ns();
	return 0;
}

static bool aiot_nl_report_due(const struct aiot_inv_job *job)
{
	return job->report &&
	       (job->report_count >= job->report_batch ||
		ktime_get_ns() - job->report_first_ns >=
		(u64)job->report_ms * NSEC_PER_MSEC);
}

/* A device was read: batch it into the job's report. */
static void aiot_nl_inv_device(struct aiot_inv_job *job,
			       const struct aiot_inv_dev *dev,
			       const u8 *nas, unsigned int nas_bits)
{
	if (!genl_has_listeners(&aiot_nl_family, &init_net, AIOT_NL_MCGRP_INVENTORY)) {
		kfree_skb(job->report);
		job->report = NULL;
		job->report_count = 0;
		return;
	}
	if (!job->report && aiot_nl_report_open(job))
		return;
	if (aiot_nl_put_device(job->report, dev, nas, nas_bits)) {
		/* full: send what is there, put the device in a new one */
		aiot_nl_report_flush(job);
		if (aiot_nl_report_open(job) ||
		    aiot_nl_put_device(job->report, dev, nas, nas_bits))
			return;
	}
	job->report_count++;
	if (aiot_nl_report_due(job))
		aiot_nl_report_flush(job);
}

static void aiot_nl_inv_tick(struct aiot_inv_job *job)
{
	if (aiot_nl_report_due(job))
		aiot_nl_report_flush(job);
}

static int aiot_nl_put_inv_stats(struct sk_buff *skb, const struct aiot_inv_stats *st)
{
	struct nlattr *nest = nla_nest_start(skb, AIOT_ATTR_INV_STATS);

	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u64_64bit(skb, AIOT_INV_STATS_DEVICES, st->devices, AIOT_INV_STATS_PAD) ||
	    nla_put_u64_64bit(skb, AIOT_INV_STATS_SLOTS, st->slots, AIOT_INV_STATS_PAD) ||
	    nla_put_u64_64bit(skb, AIOT_INV_STATS_EMPTY, st->empty, AIOT_INV_STATS_PAD) ||
	    nla_put_u64_64bit(skb, AIOT_INV_STATS_COLLISIONS, st->collisions,
			      AIOT_INV_STATS_PAD) ||
	    nla_put_u64_64bit(skb, AIOT_INV_STATS_FRAMES, st->frames, AIOT_INV_STATS_PAD) ||
	    nla_put_u64_64bit(skb, AIOT_INV_STATS_MSG3_LOST, st->msg3_lost,
			      AIOT_INV_STATS_PAD) ||
	    nla_put_u64_64bit(skb, AIOT_INV_STATS_R2D_FRAMES, st->air.r2d_frames,
			      AIOT_INV_STATS_PAD) ||
	    nla_put_u64_64bit(skb, AIOT_INV_STATS_D2R_FRAMES, st->air.d2r_frames,
			      AIOT_INV_STATS_PAD) ||
	    nla_put_u64_64bit(skb, AIOT_INV_STATS_R2D_BITS, st->air.r2d_bits, AIOT_INV_STATS_PAD) ||
	    nla_put_u64_64bit(skb, AIOT_INV_STATS_D2R_BITS, st->air.d2r_bits, AIOT_INV_STATS_PAD) ||
	    nla_put_u64_64bit(skb, AIOT_INV_STATS_AIR_US, st->air.air_us, AIOT_INV_STATS_PAD)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/* A job ended: the last report, then why, with its counters. */
static void aiot_nl_inv_done(struct aiot_inv_job *job, enum aiot_inv_end_cause end)
{
	struct sk_buff *msg;
	void *hdr;

	aiot_nl_report_flush(job);
	if (!genl_has_listeners(&aiot_nl_family, &init_net, AIOT_NL_MCGRP_INVENTORY))
		return;
	msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg)
		return;
	hdr = genlmsg_put(msg, 0, 0, &aiot_nl_family, 0, AIOT_CMD_INVENTORY_DONE);
	if (!hdr ||
	    nla_put_u32(msg, AIOT_ATTR_READER_INDEX, job->reader->index) ||
	    nla_put_u32(msg, AIOT_ATTR_JOB_ID, job->id) ||
	    nla_put_u8(msg, AIOT_ATTR_INV_END, end) ||
	    aiot_nl_put_inv_stats(msg, &job->stats)) {
		nlmsg_free(msg);
		return;
	}
	genlmsg_end(msg, hdr);
	genlmsg_multicast(&aiot_nl_family, msg, 0, AIOT_NL_MCGRP_INVENTORY, GFP_KERNEL);
}

/* A command job ended: its outcome on the "command" group. */
static void aiot_nl_cmd_done(struct aiot_inv_job *job, int err)
{
	const struct aiot_cmd_result *res = job->cmd_res;
	struct sk_buff *msg;
	void *hdr;
	u8 outcome = err ? AIOT_CMD_OUTCOME_FAILED : res->outcome;

	if (!genl_has_listeners(&aiot_nl_family, &init_net, AIOT_NL_MCGRP_COMMAND))
		return;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return;
	hdr = genlmsg_put(msg, 0, 0, &aiot_nl_family, 0, AIOT_CMD_COMMAND_RESULT);
	if (!hdr ||
	    nla_put_u32(msg, AIOT_ATTR_READER_INDEX, job->reader->index) ||
	    nla_put_u32(msg, AIOT_ATTR_JOB_ID, job->id) ||
	    nla_put_u8(msg, AIOT_ATTR_CMD_OUTCOME, outcome) ||
	    (err && nla_put_s32(msg, AIOT_ATTR_CMD_ERROR, err)) ||
	    (!err && nla_put_u8(msg, AIOT_ATTR_ATTEMPTS, res->attempts)) ||
	    (!err && outcome == AIOT_CMD_OUTCOME_AS_INDICATION && res->cause &&
	     nla_put_u8(msg, AIOT_ATTR_CMD_CAUSE, res->cause)) ||
	    (!err && outcome == AIOT_CMD_OUTCOME_NAS_RESPONSE &&
	     res->sec != AIOT_CMD_SEC_NONE &&
	     nla_put_u8(msg, AIOT_ATTR_CMD_SEC, res->sec)) ||
	    (!err && outcome == AIOT_CMD_OUTCOME_NAS_RESPONSE &&
	     (nla_put_u16(msg, AIOT_ATTR_NAS_BITS, res->rsp_bits) ||
	      nla_put(msg, AIOT_ATTR_NAS, DIV_ROUND_UP(res->rsp_bits, 8), res->rsp)))) {
		nlmsg_free(msg);
		return;
	}
	genlmsg_end(msg, hdr);
	genlmsg_multicast(&aiot_nl_family, msg, 0, AIOT_NL_MCGRP_COMMAND, GFP_KERNEL);
}

static const struct aiot_inv_events aiot_nl_inv_events = {
	.device = aiot_nl_inv_device,
	.tick = aiot_nl_inv_tick,
	.done = aiot_nl_inv_done,
	.cmd_done = aiot_nl_cmd_done,
};

static_assert(AIOT_NNR_CAUSE_INTEGRITY_FAILURE == (int)AIOT_NNR_INTEGRITY);
static_assert(AIOT_NNR_CAUSE_UNKNOWN_MESSAGE == (int)AIOT_NNR_UNKNOWN_MSG);

/* One device's identity in @tb: a command's or a security context's. */
static int aiot_nl_parse_identity(struct nlattr **tb, u8 *type, u16 *bits, u8 *id,
				  struct netlink_ext_ack *extack)
{
	if (!tb[AIOT_ATTR_TARGET_TYPE] || !tb[AIOT_ATTR_TARGET] ||
	    !tb[AIOT_ATTR_TARGET_BITS]) {
		NL_SET_ERR_MSG(extack, "give the device's identity: type, target, bits");
		return -EINVAL;
	}
	*type = nla_get_u8(tb[AIOT_ATTR_TARGET_TYPE]);
	if (*type == AIOT_TARGET_ALL || *type == AIOT_TARGET_FILTER) {
		NL_SET_ERR_MSG_ATTR(extack, tb[AIOT_ATTR_TARGET_TYPE],
				    "this names one device: give its identity");
		return -EINVAL;
	}
	*bits = nla_get_u16(tb[AIOT_ATTR_TARGET_BITS]);
	if (DIV_ROUND_UP(*bits, 8) != nla_len(tb[AIOT_ATTR_TARGET])) {
		NL_SET_ERR_MSG_ATTR(extack, tb[AIOT_ATTR_TARGET_BITS],
				    "target length in bits does not match the target");
		return -EINVAL;
	}
	memset(id, 0, AIOT_ID_MAX_OCTETS);
	nla_memcpy(id, tb[AIOT_ATTR_TARGET], AIOT_ID_MAX_OCTETS);
	return 0;
}

/* The command request in @tb, checked beyond the policy. */
VISIBLE_IF_KUNIT int aiot_nl_parse_command(struct nlattr **tb, struct aiot_cmd_req *req,
					   struct netlink_ext_ack *extack)
{
	int err;

	memset(req, 0, sizeof(*req));
	err = aiot_nl_parse_identity(tb, &req->id_type, &req->id_bits, req->id, extack);
	if (err)
		return err;
	if (!tb[AIOT_ATTR_NAS] || !tb[AIOT_ATTR_NAS_BITS]) {
		NL_SET_ERR_MSG(extack, "a command needs a NAS PDU and its length in bits");
		return -EINVAL;
	}
	req->nas_bits = nla_get_u16(tb[AIOT_ATTR_NAS_BITS]);
	if (DIV_ROUND_UP(req->nas_bits, 8) != nla_len(tb[AIOT_ATTR_NAS])) {
		NL_SET_ERR_MSG_ATTR(extack, tb[AIOT_ATTR_NAS_BITS],
				    "NAS length in bits does not match the NAS PDU");
		return -EINVAL;
	}
	nla_memcpy(req->nas, tb[AIOT_ATTR_NAS], sizeof(req->nas));
	if (tb[AIOT_ATTR_AS_ID])
		req->as_id = nla_get_u8(tb[AIOT_ATTR_AS_ID]);
	if (tb[AIOT_ATTR_TXN])
		req->txn = nla_get_u8(tb[AIOT_ATTR_TXN]);
	if (tb[AIOT_ATTR_RAND]) {
		req->rand_len = nla_len(tb[AIOT_ATTR_RAND]);
		nla_memcpy(req->rand, tb[AIOT_ATTR_RAND], sizeof(req->rand));
	}
	req->attempts = tb[AIOT_ATTR_ATTEMPTS] ? nla_get_u8(tb[AIOT_ATTR_ATTEMPTS]) :
						 AIOT_CMD_ATTEMPTS;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(aiot_nl_parse_command);

/* The inventory request in @tb, checked beyond the policy. */
VISIBLE_IF_KUNIT int aiot_nl_parse_inventory(struct nlattr **tb,
					     struct aiot_inv_cfg *cfg,
					     struct netlink_ext_ack *extack)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->ac.algo = AIOT_AC_ML;
	if (tb[AIOT_ATTR_TARGET_TYPE])
		cfg->id_type = nla_get_u8(tb[AIOT_ATTR_TARGET_TYPE]);
	if (cfg->id_type == AIOT_TARGET_ALL) {
		struct nlattr *t = tb[AIOT_ATTR_TARGET] ?: tb[AIOT_ATTR_TARGET_BITS];

		if (t) {
			NL_SET_ERR_MSG_ATTR(extack, t,
					    "a target needs a target type other than all");
			return -EINVAL;
		}
	} else {
		if (!tb[AIOT_ATTR_TARGET] || !tb[AIOT_ATTR_TARGET_BITS]) {
			NL_SET_ERR_MSG(extack,
				       "this target type needs a target and its length in bits");
			return -EINVAL;
		}
		cfg->id_bits = nla_get_u16(tb[AIOT_ATTR_TARGET_BITS]);
		if (DIV_ROUND_UP(cfg->id_bits, 8) != nla_len(tb[AIOT_ATTR_TARGET])) {
			NL_SET_ERR_MSG_ATTR(extack, tb[AIOT_ATTR_TARGET_BITS],
					    "target length in bits does not match the target");
			return -EINVAL;
		}
		nla_memcpy(cfg->id, tb[AIOT_ATTR_TARGET], sizeof(cfg->id));
	}
	if (tb[AIOT_ATTR_RAND] && tb[AIOT_ATTR_NAS]) {
		NL_SET_ERR_MSG_ATTR(extack, tb[AIOT_ATTR_NAS],
				    "a paging carries a RAND or a NAS container, not both");
		return -EINVAL;
	}
	if (tb[AIOT_ATTR_RAND]) {
		cfg->rand_len = nla_len(tb[AIOT_ATTR_RAND]);
		nla_memcpy(cfg->rand, tb[AIOT_ATTR_RAND], sizeof(cfg->rand));
	}
	if (tb[AIOT_ATTR_NAS]) {
		if (nla_len(tb[AIOT_ATTR_NAS]) > AIOT_NAS_CONT_MAX_OCTETS) {
			NL_SET_ERR_MSG_ATTR(extack, tb[AIOT_ATTR_NAS],
					    "a paging's NAS container holds at most 125 octets");
			return -EINVAL;
		}
		cfg->nas_len = nla_len(tb[AIOT_ATTR_NAS]);
		nla_memcpy(cfg->nas, tb[AIOT_ATTR_NAS], sizeof(cfg->nas));
	}
	if (tb[AIOT_ATTR_TXN])
		cfg->txn = nla_get_u8(tb[AIOT_ATTR_TXN]);
	if (tb[AIOT_ATTR_ALGO])
		cfg->ac.algo = nla_get_u8(tb[AIOT_ATTR_ALGO]);
	if (tb[AIOT_ATTR_INIT_SLOTS])
		cfg->ac.init_slots = nla_get_u32(tb[AIOT_ATTR_INIT_SLOTS]);
	if (tb[AIOT_ATTR_MAX_DEVICES])
		cfg->max_devices = nla_get_u32(tb[AIOT_ATTR_MAX_DEVICES]);
	if (tb[AIOT_ATTR_MAX_TIME_MS])
		cfg->max_time_ms = nla_get_u32(tb[AIOT_ATTR_MAX_TIME_MS]);
	if (tb[AIOT_ATTR_MAX_EMPTY_ROUNDS])
		cfg->max_empty_rounds = nla_get_u32(tb[AIOT_ATTR_MAX_EMPTY_ROUNDS]);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(aiot_nl_parse_inventory);

/* The requesting socket, as the owner of what it starts or installs. */
static struct aiot_owner aiot_nl_owner(struct genl_info *info)
{
	return (struct aiot_owner){
		.port = info->snd_portid,
		.net = genl_info_net(info)->net_cookie,
	};
}

/* Queue a job on the reader and reply with its id. */
static int aiot_nl_submit(struct genl_info *info, struct aiot_reader *r,
			  struct aiot_inv_job *job, u8 cmd)
{
	struct sk_buff *msg;
	void *hdr;
	u32 id;
	int err;

	msg = nlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg) {
		aiot_inv_job_release(job);
		kfree(job);
		return -ENOMEM;
	}
	job->owner = aiot_nl_owner(info);
	err = aiot_inv_submit(r, job, &id);	/* the reader's now, or freed */
	if (err) {
		NL_SET_ERR_MSG(info->extack, "the reader is going away");
		nlmsg_free(msg);
		return err;
	}
	hdr = genlmsg_put_reply(msg, info, &aiot_nl_family, 0, cmd);
	if (!hdr || nla_put_u32(msg, AIOT_ATTR_READER_INDEX, r->index) ||
	    nla_put_u32(msg, AIOT_ATTR_JOB_ID, id)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

static int aiot_nl_inventory_start(struct sk_buff *skb, struct genl_info *info)
{
	struct aiot_inv_job *job;
	struct aiot_inv_cfg cfg;
	struct aiot_reader *r;
	int err;

	err = aiot_nl_parse_inventory(info->attrs, &cfg, info->extack);
	if (err)
		return err;
	r = aiot_nl_reader(info);
	if (IS_ERR(r))
		return PTR_ERR(r);
	job = kzalloc(sizeof(*job), GFP_KERNEL);
	err = job ? aiot_inv_job_init(job, r, &cfg, &aiot_nl_inv_events) : -ENOMEM;
	if (err) {
		if (err == -EINVAL)
			NL_SET_ERR_MSG(info->extack, "inconsistent inventory request");
		kfree(job);
		goto out;
	}
	job->report_batch = info->attrs[AIOT_ATTR_REPORT_BATCH] ?
		nla_get_u32(info->attrs[AIOT_ATTR_REPORT_BATCH]) : AIOT_NL_REPORT_BATCH;
	job->report_ms = info->attrs[AIOT_ATTR_REPORT_MS] ?
		nla_get_u32(info->attrs[AIOT_ATTR_REPORT_MS]) : AIOT_NL_REPORT_MS;
	err = aiot_nl_submit(info, r, job, AIOT_CMD_INVENTORY_START);
out:
	aiot_reader_put(r);
	return err;
}

/* Offload mode takes a plain AIoT NAS request and protects it. */
static int aiot_nl_check_plain(const struct aiot_cmd_req *req,
			       struct netlink_ext_ack *extack)
{
	unsigned int len = req->nas_bits / 8;
	struct aiot_nas_msg m;

	if (req->nas_bits % 8 || aiot_nas_decode(req->nas, len, &m)) {
		NL_SET_ERR_MSG(extack,
			       "the device has a security context: the NAS PDU must be a plain AIoT NAS message");
		return -EINVAL;
	}
	if (!aiot_nas_is_request(m.type)) {
		NL_SET_ERR_MSG(extack, "offload mode sends Read, Write or Disable Requests only");
		return -EINVAL;
	}
	if (len + AIOT_NAS_TRAILER_LEN > AIOT_NAS_MAX_LEN) {
		NL_SET_ERR_MSG(extack, "no room for the MAC-I: the NAS message is too long");
		return -EMSGSIZE;
	}
	return 0;
}

/* A context taken for a command that did not start goes back, or is freed. */
static void aiot_nl_sec_return(struct aiot_reader *r, struct aiot_cmd_sec *s)
{
	if (s && aiot_cmd_sec_install(r, s))
		aiot_cmd_sec_free(s);
}

static int aiot_nl_command_send(struct sk_buff *skb, struct genl_info *info)
{
	struct aiot_inv_job *job;
	struct aiot_cmd_req *req;
	struct aiot_reader *r;
	int err;

	req = kmalloc(sizeof(*req), GFP_KERNEL);
	if (!req)
		return -ENOMEM;
	err = aiot_nl_parse_command(info->attrs, req, info->extack);
	if (err)
		goto out_req;
	r = aiot_nl_reader(info);
	if (IS_ERR(r)) {
		err = PTR_ERR(r);
		goto out_req;
	}
	req->sec = aiot_cmd_sec_take(r, req->id_type, req->id_bits, req->id);
	err = req->sec ? aiot_nl_check_plain(req, info->extack) : 0;
	job = err ? NULL : kzalloc(sizeof(*job), GFP_KERNEL);
	if (!err)
		err = job ? aiot_cmd_job_init(job, r, req, &aiot_nl_inv_events) : -ENOMEM;
	if (err) {
		aiot_nl_sec_return(r, req->sec);
		kfree(job);
	} else {
		err = aiot_nl_submit(info, r, job, AIOT_CMD_COMMAND_SEND);
	}
	aiot_reader_put(r);
out_req:
	kfree_sensitive(req);
	return err;
}

/* Wipe key attributes from the request once they are used. */
static void aiot_nl_wipe_keys(struct nlattr **tb)
{
	static const int keys[] = { AIOT_ATTR_K_AIOTF, AIOT_ATTR_K_ENC, AIOT_ATTR_K_INT };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(keys); i++)
		if (tb[keys[i]])
			memzero_explicit(nla_data(tb[keys[i]]), nla_len(tb[keys[i]]));
}

/* The keys of a SEC_CTX_SET request into @s. */
static int aiot_nl_parse_keys(struct nlattr **tb, struct aiot_cmd_sec *s,
			      struct netlink_ext_ack *extack)
{
	bool pair = tb[AIOT_ATTR_K_ENC] || tb[AIOT_ATTR_K_INT];

	if (tb[AIOT_ATTR_K_AIOTF] && pair) {
		NL_SET_ERR_MSG(extack, "give K_AIOTF or the two command keys, not both");
		return -EINVAL;
	}
	if (tb[AIOT_ATTR_K_AIOTF])
		return aiot_sec_ctx_set_kaiotf(s->ctx, nla_data(tb[AIOT_ATTR_K_AIOTF]));
	if (!tb[AIOT_ATTR_K_ENC] || !tb[AIOT_ATTR_K_INT]) {
		NL_SET_ERR_MSG(extack, "give K_AIOTF, or both K_Command_enc and K_Command_int");
		return -EINVAL;
	}
	return aiot_sec_ctx_set_keys(s->ctx, nla_data(tb[AIOT_ATTR_K_ENC]),
				     nla_data(tb[AIOT_ATTR_K_INT]));
}

static int aiot_nl_sec_ctx_set(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **tb = info->attrs;
	struct aiot_cmd_sec *s;
	struct aiot_reader *r;
	int err;

	s = aiot_cmd_sec_alloc();
	if (!s) {
		err = -ENOMEM;
		goto out;
	}
	err = aiot_nl_parse_identity(tb, &s->id_type, &s->id_bits, s->id, info->extack);
	if (!err)
		err = aiot_nl_parse_keys(tb, s, info->extack);
	if (err)
		goto out;
	s->cipher = tb[AIOT_ATTR_CIPHER] ? nla_get_u8(tb[AIOT_ATTR_CIPHER]) : 1;
	s->owner = aiot_nl_owner(info);
	r = aiot_nl_reader(info);
	if (IS_ERR(r)) {
		err = PTR_ERR(r);
		goto out;
	}
	err = aiot_cmd_sec_install(r, s);
	aiot_reader_put(r);
	if (!err)
		s = NULL;
	else if (err == -ENOSPC)
		NL_SET_ERR_MSG(info->extack, "the reader holds its maximum of security contexts");
	else
		NL_SET_ERR_MSG(info->extack, "the reader is going away");
out:
	aiot_nl_wipe_keys(tb);
	aiot_cmd_sec_free(s);
	return err;
}

static int aiot_nl_sec_ctx_del(struct sk_buff *skb, struct genl_info *info)
{
	u8 id[AIOT_ID_MAX_OCTETS], type;
	struct aiot_reader *r;
	u16 bits;
	int err;

	err = aiot_nl_parse_identity(info->attrs, &type, &bits, id, info->extack);
	if (err)
		return err;
	r = aiot_nl_reader(info);
	if (IS_ERR(r))
		return PTR_ERR(r);
	err = aiot_cmd_sec_delete(r, type, bits, id);
	if (err)
		NL_SET_ERR_MSG(info->extack, "no security context for this device");
	aiot_reader_put(r);
	return err;
}

static int aiot_nl_inventory_stop(struct sk_buff *skb, struct genl_info *info)
{
	struct aiot_reader *r;
	u32 id = 0;
	int err;

	r = aiot_nl_reader(info);
	if (IS_ERR(r))
		return PTR_ERR(r);
	if (info->attrs[AIOT_ATTR_JOB_ID])
		id = nla_get_u32(info->attrs[AIOT_ATTR_JOB_ID]);
	err = aiot_inv_stop(r, id);
	if (err && id)
		NL_SET_ERR_MSG(info->extack, "no such job on this reader");
	else if (err)
		NL_SET_ERR_MSG(info->extack, "no job runs or waits on this reader");
	aiot_reader_put(r);
	return err;
}

/*
 * The device table of the reader's current or last job, one message per
 * device. cb->args[0]: next device; cb->seq: job and table generation, so
 * a dump that spans a change is flagged NLM_F_DUMP_INTR.
 */
static int aiot_nl_dump_devices(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct nlattr *tb[AIOT_ATTR_MAX + 1];
	struct aiot_inv_job *job;
	struct aiot_inv_dev *dev;
	struct aiot_reader *r;
	void *hdr;
	int err = 0;

	/*
	 * The core validated the request against the family's policy; parse
	 * it here the same way on every kernel (where the dump's parsed
	 * attributes live changed in 6.6).
	 */
	err = nlmsg_parse(cb->nlh, GENL_HDRLEN, tb, AIOT_ATTR_MAX, aiot_nl_policy,
			  cb->extack);
	if (err)
		return err;
	if (!tb[AIOT_ATTR_READER_INDEX]) {
		NL_SET_ERR_MSG(cb->extack, "which reader? give its index");
		return -EINVAL;
	}
	r = aiot_reader_get_by_index(nla_get_u32(tb[AIOT_ATTR_READER_INDEX]));
	if (!r) {
		NL_SET_ERR_MSG(cb->extack, "no reader with this index");
		return -ENODEV;
	}
	mutex_lock(&r->lock);
	job = aiot_inv_current(r);
	if (!job)
		goto out;
	mutex_lock(&job->lock);
	cb->seq = job->generation ^ (job->id << 20);
	list_for_each_entry(dev, &job->devices, node) {
		if (dev->seq < cb->args[0])
			continue;
		hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
				  &aiot_nl_family, NLM_F_MULTI, AIOT_CMD_GET_DEVICE);
		if (!hdr) {
			err = -EMSGSIZE;
			break;
		}
		if (nla_put_u32(skb, AIOT_ATTR_READER_INDEX, r->index) ||
		    nla_put_u32(skb, AIOT_ATTR_JOB_ID, job->id) ||
		    aiot_nl_put_device(skb, dev, NULL, 0)) {
			genlmsg_cancel(skb, hdr);
			err = -EMSGSIZE;
			break;
		}
		genlmsg_end(skb, hdr);
		genl_dump_check_consistent(cb, hdr);
		cb->args[0] = dev->seq + 1;
	}
	mutex_unlock(&job->lock);
out:
	mutex_unlock(&r->lock);
	aiot_reader_put(r);
	return err == -EMSGSIZE ? skb->len : (err ?: skb->len);
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
	{
		.cmd = AIOT_CMD_INVENTORY_START,
		.doit = aiot_nl_inventory_start,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = AIOT_CMD_INVENTORY_STOP,
		.doit = aiot_nl_inventory_stop,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = AIOT_CMD_GET_DEVICE,
		.dumpit = aiot_nl_dump_devices,
	},
	{
		.cmd = AIOT_CMD_COMMAND_SEND,
		.doit = aiot_nl_command_send,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = AIOT_CMD_SEC_CTX_SET,
		.doit = aiot_nl_sec_ctx_set,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = AIOT_CMD_SEC_CTX_DEL,
		.doit = aiot_nl_sec_ctx_del,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = AIOT_CMD_GET_STATS,
		.doit = aiot_nl_get_reader,
		.dumpit = aiot_nl_dump_readers,
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

/*
 * A netlink socket closed: stop the jobs it started and free the security
 * contexts it installed. The notifier runs in
 * atomic context; stopping takes mutexes, so it is deferred.
 */
static struct workqueue_struct *aiot_nl_wq;

struct aiot_nl_release {
	struct work_struct work;
	struct aiot_owner owner;
};

static void aiot_nl_release_work(struct work_struct *work)
{
	struct aiot_nl_release *rel = container_of(work, struct aiot_nl_release, work);
	struct aiot_reader *r;

	aiot_inv_stop_owner(&rel->owner);
	mutex_lock(&aiot_readers_lock);
	list_for_each_entry(r, &aiot_readers, list)
		aiot_cmd_sec_flush(r, &rel->owner);
	mutex_unlock(&aiot_readers_lock);
	kfree(rel);
}

static int aiot_nl_notify(struct notifier_block *nb, unsigned long state, void *ptr)
{
	struct netlink_notify *n = ptr;
	struct aiot_nl_release *rel;

	if (state != NETLINK_URELEASE || n->protocol != NETLINK_GENERIC || !n->portid)
		return NOTIFY_DONE;
	rel = kmalloc(sizeof(*rel), GFP_ATOMIC);
	if (!rel)
		return NOTIFY_DONE;
	INIT_WORK(&rel->work, aiot_nl_release_work);
	rel->owner.port = n->portid;
	rel->owner.net = n->net->net_cookie;
	queue_work(aiot_nl_wq, &rel->work);
	return NOTIFY_DONE;
}

static struct notifier_block aiot_nl_notifier = {
	.notifier_call = aiot_nl_notify,
};

int __init aiot_netlink_init(void)
{
	int err;

	aiot_nl_wq = alloc_ordered_workqueue("aiot_nl", 0);
	if (!aiot_nl_wq)
		return -ENOMEM;
	err = genl_register_family(&aiot_nl_family);
	if (err)
		goto err_wq;
	err = netlink_register_notifier(&aiot_nl_notifier);
	if (err)
		goto err_family;
	return 0;

err_family:
	genl_unregister_family(&aiot_nl_family);
err_wq:
	destroy_workqueue(aiot_nl_wq);
	return err;
}

void aiot_netlink_exit(void)
{
	netlink_unregister_notifier(&aiot_nl_notifier);
	/* release work still queued must not outlive the module */
	destroy_workqueue(aiot_nl_wq);
	genl_unregister_family(&aiot_nl_family);
}

MODULE_ALIAS_GENL_FAMILY(AIOT_GENL_NAME);
