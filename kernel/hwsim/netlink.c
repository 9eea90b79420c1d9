// SPDX-License-Identifier: GPL-2.0
/*
 * aiot_hwsim: the generic netlink family "aiot_hwsim". Every attribute is
 * defined in include/uapi/linux/aiot_hwsim.h and described in
 * Documentation/netlink/specs/aiot_hwsim.yaml.
 */
#include <linux/module.h>
#include <linux/netlink.h>
#include <linux/slab.h>
#include <net/genetlink.h>

#include "hwsim.h"

static struct netlink_range_validation hwsim_count_range = {
	.min = 1,
	.max = AIOT_HWSIM_MAX_DEVICES,
};

static struct netlink_range_validation hwsim_ber_range = {
	.min = 0,
	.max = AIOT_HWSIM_BER_PPM_MAX,
};

static const struct nla_policy hwsim_nl_policy[AIOT_HWSIM_ATTR_MAX + 1] = {
	[AIOT_HWSIM_ATTR_READER_INDEX]	= { .type = NLA_U32 },
	[AIOT_HWSIM_ATTR_DESTROY_ON_CLOSE] = { .type = NLA_FLAG },
	[AIOT_HWSIM_ATTR_COUNT]		= NLA_POLICY_FULL_RANGE(NLA_U32, &hwsim_count_range),
	[AIOT_HWSIM_ATTR_ID]		= NLA_POLICY_RANGE(NLA_BINARY, 1, AIOT_ID_MAX_OCTETS),
	[AIOT_HWSIM_ATTR_ID_BITS]	= NLA_POLICY_RANGE(NLA_U8, 1, AIOT_ID_MAX_BITS),
	[AIOT_HWSIM_ATTR_ID_SCHEME]	= NLA_POLICY_MAX(NLA_U8, AIOT_HWSIM_ID_SCHEME_SEQUENTIAL),
	[AIOT_HWSIM_ATTR_DEVICE_TYPE]	= NLA_POLICY_MAX(NLA_U8, AIOT_HWSIM_DEVICE_TYPE_2B),
	[AIOT_HWSIM_ATTR_SEC_PROFILE]	= NLA_POLICY_MAX(NLA_U8, AIOT_HWSIM_SEC_PROFILE_SOLUTION_9),
	[AIOT_HWSIM_ATTR_KEY_SEED]	= NLA_POLICY_RANGE(NLA_BINARY, 1, AIOT_HWSIM_SEED_MAX_LEN),
	[AIOT_HWSIM_ATTR_KEY]		= NLA_POLICY_EXACT_LEN(AIOT_K_ROOT_LEN),
	[AIOT_HWSIM_ATTR_MEM]		= NLA_POLICY_RANGE(NLA_BINARY, 1, AIOT_HWSIM_USER_MEM_MAX),
	[AIOT_HWSIM_ATTR_MEM_OFFSET]	= NLA_POLICY_MAX(NLA_U16, AIOT_HWSIM_USER_MEM_MAX - 1),
	[AIOT_HWSIM_ATTR_POLICY]	= NLA_POLICY_MAX(NLA_U8,
							 AIOT_HWSIM_POLICY_AS_INDICATION_CAUSE),
	[AIOT_HWSIM_ATTR_ENERGY]	= { .type = NLA_U32 },
	[AIOT_HWSIM_ATTR_BER_PPM]	= NLA_POLICY_FULL_RANGE(NLA_U32, &hwsim_ber_range),
	[AIOT_HWSIM_ATTR_CAPTURE]	= NLA_POLICY_MAX(NLA_U8, 1),
	[AIOT_HWSIM_ATTR_PACED]		= NLA_POLICY_MAX(NLA_U8, 1),
	[AIOT_HWSIM_ATTR_SEED]		= { .type = NLA_U64 },
	[AIOT_HWSIM_ATTR_STATE]		= { .type = NLA_REJECT },
	[AIOT_HWSIM_ATTR_RSSI]		= { .type = NLA_REJECT },
	[AIOT_HWSIM_ATTR_AES_BLOCKS]	= { .type = NLA_REJECT },
	[AIOT_HWSIM_ATTR_KDF_OPS]	= { .type = NLA_REJECT },
	[AIOT_HWSIM_ATTR_DISABLED]	= { .type = NLA_REJECT },
	[AIOT_HWSIM_ATTR_TX_FRAMES]	= { .type = NLA_REJECT },
	[AIOT_HWSIM_ATTR_TX_BITS]	= { .type = NLA_REJECT },
	[AIOT_HWSIM_ATTR_N_DEVICES]	= { .type = NLA_REJECT },
	[AIOT_HWSIM_ATTR_STATS]		= { .type = NLA_REJECT },
	[AIOT_HWSIM_ATTR_MEM_LEN]	= NLA_POLICY_RANGE(NLA_U16, 1, AIOT_HWSIM_USER_MEM_MAX),
	[AIOT_HWSIM_ATTR_RX_BITS]	= { .type = NLA_REJECT },
	[AIOT_HWSIM_ATTR_SEC_CONFIG]	= { .type = NLA_U32 },
	[AIOT_HWSIM_ATTR_SEC_COUNTER]	= { .type = NLA_U32 },
};

static struct genl_family hwsim_nl_family;

/* The reader named by the request; under hwsim_lock. */
static struct hwsim_reader *hwsim_nl_reader(struct nlattr **tb,
					    struct netlink_ext_ack *extack)
{
	struct hwsim_reader *hr;

	if (!tb[AIOT_HWSIM_ATTR_READER_INDEX]) {
		NL_SET_ERR_MSG(extack, "which reader? give its index");
		return ERR_PTR(-EINVAL);
	}
	hr = hwsim_reader_find(nla_get_u32(tb[AIOT_HWSIM_ATTR_READER_INDEX]));
	if (!hr) {
		NL_SET_ERR_MSG_ATTR(extack, tb[AIOT_HWSIM_ATTR_READER_INDEX],
				    "no simulated reader with this index");
		return ERR_PTR(-ENODEV);
	}
	return hr;
}

/* An identity: ID and ID_BITS, consistent. */
static int hwsim_nl_id(struct nlattr **tb, u8 *id, u8 *bits,
		       struct netlink_ext_ack *extack)
{
	if (!tb[AIOT_HWSIM_ATTR_ID] || !tb[AIOT_HWSIM_ATTR_ID_BITS]) {
		NL_SET_ERR_MSG(extack, "an identity needs id and id-bits");
		return -EINVAL;
	}
	*bits = nla_get_u8(tb[AIOT_HWSIM_ATTR_ID_BITS]);
	if (nla_len(tb[AIOT_HWSIM_ATTR_ID]) != DIV_ROUND_UP(*bits, 8)) {
		NL_SET_ERR_MSG_ATTR(extack, tb[AIOT_HWSIM_ATTR_ID],
				    "id must have ceil(id-bits / 8) octets");
		return -EINVAL;
	}
	memset(id, 0, AIOT_ID_MAX_OCTETS);
	nla_memcpy(id, tb[AIOT_HWSIM_ATTR_ID], AIOT_ID_MAX_OCTETS);
	if ((*bits % 8) && (id[*bits / 8] & (0xff >> (*bits % 8)))) {
		NL_SET_ERR_MSG_ATTR(extack, tb[AIOT_HWSIM_ATTR_ID],
				    "bits past id-bits must be zero");
		return -EINVAL;
	}
	return 0;
}

static int hwsim_nl_new_reader(struct sk_buff *skb, struct genl_info *info)
{
	u32 owner = info->attrs[AIOT_HWSIM_ATTR_DESTROY_ON_CLOSE] ? info->snd_portid : 0;
	struct hwsim_reader *hr;
	struct sk_buff *msg;
	void *hdr;

	hr = hwsim_reader_new(owner, genl_info_net(info)->net_cookie);
	if (IS_ERR(hr)) {
		if (PTR_ERR(hr) == -ENOSPC)
			NL_SET_ERR_MSG(info->extack, "too many simulated readers");
		else
			NL_SET_ERR_MSG(info->extack, "cannot create a reader");
		return PTR_ERR(hr);
	}
	msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg)
		goto err;
	hdr = genlmsg_put_reply(msg, info, &hwsim_nl_family, 0, AIOT_HWSIM_CMD_NEW_READER);
	if (!hdr || nla_put_u32(msg, AIOT_HWSIM_ATTR_READER_INDEX, hr->index)) {
		nlmsg_free(msg);
		goto err;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
err:
	hwsim_reader_del_index(hr->index);
	NL_SET_ERR_MSG(info->extack, "out of memory for the reply");
	return -ENOMEM;
}

static int hwsim_nl_del_reader(struct sk_buff *skb, struct genl_info *info)
{
	int err;

	if (!info->attrs[AIOT_HWSIM_ATTR_READER_INDEX]) {
		NL_SET_ERR_MSG(info->extack, "which reader? give its index");
		return -EINVAL;
	}
	err = hwsim_reader_del_index(nla_get_u32(info->attrs[AIOT_HWSIM_ATTR_READER_INDEX]));
	if (err)
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[AIOT_HWSIM_ATTR_READER_INDEX],
				    "no simulated reader with this index");
	return err;
}

static int hwsim_put_stat(struct sk_buff *skb, int type, u64 v)
{
	return nla_put_u64_64bit(skb, type, v, AIOT_HWSIM_STATS_PAD);
}

/* One reader's message; @cb for a dump (consistency flag), else NULL. */
static int hwsim_nl_fill_reader(struct sk_buff *skb, struct hwsim_reader *hr,
				u32 portid, u32 seq, int flags,
				struct netlink_callback *cb)
{
	const struct hwsim_stats *s = &hr->stats;
	struct nlattr *nest;
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &hwsim_nl_family, flags,
			  AIOT_HWSIM_CMD_GET_READER);
	if (!hdr)
		return -EMSGSIZE;
	mutex_lock(&hr->lock);
	if (nla_put_u32(skb, AIOT_HWSIM_ATTR_READER_INDEX, hr->index) ||
	    nla_put_u32(skb, AIOT_HWSIM_ATTR_N_DEVICES, hr->n_devs) ||
	    nla_put_u32(skb, AIOT_HWSIM_ATTR_BER_PPM, hr->ber_ppm) ||
	    nla_put_u8(skb, AIOT_HWSIM_ATTR_CAPTURE, hr->capture) ||
	    nla_put_u8(skb, AIOT_HWSIM_ATTR_PACED, hr->paced) ||
	    nla_put_u64_64bit(skb, AIOT_HWSIM_ATTR_SEED, hr->seed, AIOT_HWSIM_ATTR_PAD))
		goto cancel;
	nest = nla_nest_start(skb, AIOT_HWSIM_ATTR_STATS);
	if (!nest ||
	    hwsim_put_stat(skb, AIOT_HWSIM_STATS_R2D_FRAMES, s->r2d_frames) ||
	    hwsim_put_stat(skb, AIOT_HWSIM_STATS_D2R_FRAMES, s->d2r_frames) ||
	    hwsim_put_stat(skb, AIOT_HWSIM_STATS_COLLISIONS, s->collisions) ||
	    hwsim_put_stat(skb, AIOT_HWSIM_STATS_CAPTURES, s->captures) ||
	    hwsim_put_stat(skb, AIOT_HWSIM_STATS_BER_FRAMES, s->ber_frames) ||
	    hwsim_put_stat(skb, AIOT_HWSIM_STATS_DROPPED, s->dropped) ||
	    hwsim_put_stat(skb, AIOT_HWSIM_STATS_CORRUPTED, s->corrupted) ||
	    hwsim_put_stat(skb, AIOT_HWSIM_STATS_ENERGY_OUTS, s->energy_outs) ||
	    hwsim_put_stat(skb, AIOT_HWSIM_STATS_AIR_US, s->air_us) ||
	    hwsim_put_stat(skb, AIOT_HWSIM_STATS_FRAMES, s->frames))
		goto cancel;
	nla_nest_end(skb, nest);
	mutex_unlock(&hr->lock);
	if (cb)
		genl_dump_check_consistent(cb, hdr);
	genlmsg_end(skb, hdr);
	return 0;
cancel:
	mutex_unlock(&hr->lock);
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

static int hwsim_nl_get_reader(struct sk_buff *skb, struct genl_info *info)
{
	struct hwsim_reader *hr;
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	mutex_lock(&hwsim_lock);
	hr = hwsim_nl_reader(info->attrs, info->extack);
	err = IS_ERR(hr) ? PTR_ERR(hr) :
		hwsim_nl_fill_reader(msg, hr, info->snd_portid, info->snd_seq, 0, NULL);
	mutex_unlock(&hwsim_lock);
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

/*
 * cb->args[0]: readers dumped so far, in list order; cb->seq: the list's
 * generation, so a dump that spans a change is flagged NLM_F_DUMP_INTR.
 */
static int hwsim_nl_dump_readers(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct hwsim_reader *hr;
	unsigned long pos = 0;
	int err = 0;

	mutex_lock(&hwsim_lock);
	cb->seq = hwsim_readers_gen;
	list_for_each_entry(hr, &hwsim_readers, node) {
		if (pos++ < cb->args[0])
			continue;
		err = hwsim_nl_fill_reader(skb, hr, NETLINK_CB(cb->skb).portid,
					   cb->nlh->nlmsg_seq, NLM_F_MULTI, cb);
		if (err)
			break;
		cb->args[0] = pos;
	}
	mutex_unlock(&hwsim_lock);
	return err == -EMSGSIZE && skb->len ? skb->len : (err ?: skb->len);
}

static int hwsim_nl_add_devices(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **tb = info->attrs;
	struct hwsim_pop_cfg *cfg;
	struct hwsim_reader *hr;
	int err;

	if (!tb[AIOT_HWSIM_ATTR_COUNT] || !tb[AIOT_HWSIM_ATTR_KEY_SEED]) {
		NL_SET_ERR_MSG(info->extack, "a population needs count, id, id-bits and key-seed");
		return -EINVAL;
	}
	cfg = kzalloc(sizeof(*cfg), GFP_KERNEL);
	if (!cfg)
		return -ENOMEM;
	err = hwsim_nl_id(tb, cfg->id, &cfg->id_bits, info->extack);
	if (err)
		goto out;
	cfg->count = nla_get_u32(tb[AIOT_HWSIM_ATTR_COUNT]);
	cfg->seed_len = nla_len(tb[AIOT_HWSIM_ATTR_KEY_SEED]);
	nla_memcpy(cfg->seed, tb[AIOT_HWSIM_ATTR_KEY_SEED], sizeof(cfg->seed));
	if (tb[AIOT_HWSIM_ATTR_ID_SCHEME])
		cfg->scheme = nla_get_u8(tb[AIOT_HWSIM_ATTR_ID_SCHEME]);
	if (tb[AIOT_HWSIM_ATTR_DEVICE_TYPE])
		cfg->type = nla_get_u8(tb[AIOT_HWSIM_ATTR_DEVICE_TYPE]);
	if (tb[AIOT_HWSIM_ATTR_SEC_PROFILE])
		cfg->profile = nla_get_u8(tb[AIOT_HWSIM_ATTR_SEC_PROFILE]);
	cfg->sec_config = tb[AIOT_HWSIM_ATTR_SEC_CONFIG] ?
		nla_get_u32(tb[AIOT_HWSIM_ATTR_SEC_CONFIG]) :
		hwsim_sec_config_default(cfg->profile);
	if (tb[AIOT_HWSIM_ATTR_POLICY])
		cfg->policy = nla_get_u8(tb[AIOT_HWSIM_ATTR_POLICY]);
	cfg->mem_len = tb[AIOT_HWSIM_ATTR_MEM_LEN] ?
		nla_get_u16(tb[AIOT_HWSIM_ATTR_MEM_LEN]) : AIOT_HWSIM_USER_MEM_LEN;
	cfg->energy = tb[AIOT_HWSIM_ATTR_ENERGY] ?
		nla_get_u32(tb[AIOT_HWSIM_ATTR_ENERGY]) : AIOT_HWSIM_ENERGY_UNLIMITED;
	mutex_lock(&hwsim_lock);
	hr = hwsim_nl_reader(tb, info->extack);
	err = IS_ERR(hr) ? PTR_ERR(hr) : hwsim_pop_add(hr, cfg, info->extack);
	mutex_unlock(&hwsim_lock);
out:
	memzero_explicit(cfg, sizeof(*cfg));
	kfree(cfg);
	return err;
}

static int hwsim_nl_clear_devices(struct sk_buff *skb, struct genl_info *info)
{
	struct hwsim_reader *hr;
	int err = 0;

	mutex_lock(&hwsim_lock);
	hr = hwsim_nl_reader(info->attrs, info->extack);
	if (IS_ERR(hr))
		err = PTR_ERR(hr);
	else
		hwsim_pop_clear(hr);
	mutex_unlock(&hwsim_lock);
	return err;
}

static int hwsim_nl_set_device(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **tb = info->attrs;
	u8 id[AIOT_ID_MAX_OCTETS], bits;
	struct hwsim_reader *hr;
	struct hwsim_dev *dev;
	unsigned int off = 0;
	int err;

	err = hwsim_nl_id(tb, id, &bits, info->extack);
	if (err)
		return err;
	if (tb[AIOT_HWSIM_ATTR_MEM_OFFSET])
		off = nla_get_u16(tb[AIOT_HWSIM_ATTR_MEM_OFFSET]);
	if (tb[AIOT_HWSIM_ATTR_MEM_OFFSET] && !tb[AIOT_HWSIM_ATTR_MEM]) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[AIOT_HWSIM_ATTR_MEM_OFFSET],
				    "an offset without mem");
		return -EINVAL;
	}
	mutex_lock(&hwsim_lock);
	hr = hwsim_nl_reader(tb, info->extack);
	if (IS_ERR(hr)) {
		err = PTR_ERR(hr);
		goto out;
	}
	mutex_lock(&hr->lock);
	dev = hwsim_dev_find(hr, id, bits);
	if (!dev) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[AIOT_HWSIM_ATTR_ID],
				    "no device with this identity on the reader");
		err = -ENOENT;
	} else if (tb[AIOT_HWSIM_ATTR_MEM] &&
		   off + nla_len(tb[AIOT_HWSIM_ATTR_MEM]) > dev->mem_len) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[AIOT_HWSIM_ATTR_MEM],
				    "beyond the end of the device's user memory");
		err = -ERANGE;
	} else if (tb[AIOT_HWSIM_ATTR_SEC_COUNTER] &&
		   dev->profile != AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[AIOT_HWSIM_ATTR_SEC_COUNTER],
				    "only a solution-y device has a counter");
		err = -EINVAL;
	} else if (tb[AIOT_HWSIM_ATTR_SEC_CONFIG] &&
		   hwsim_sec_config_check(dev->profile,
					  nla_get_u32(tb[AIOT_HWSIM_ATTR_SEC_CONFIG]),
					  info->extack)) {
		err = -EINVAL;
	} else {
		if (tb[AIOT_HWSIM_ATTR_SEC_CONFIG])
			dev->sec_config = nla_get_u32(tb[AIOT_HWSIM_ATTR_SEC_CONFIG]);
		if (tb[AIOT_HWSIM_ATTR_SEC_COUNTER])
			dev->counter = nla_get_u32(tb[AIOT_HWSIM_ATTR_SEC_COUNTER]);
		if (tb[AIOT_HWSIM_ATTR_KEY]) {
			nla_memcpy(dev->k_root, tb[AIOT_HWSIM_ATTR_KEY], sizeof(dev->k_root));
			dev->auth = false;	/* the last RES was from the old key */
		}
		if (tb[AIOT_HWSIM_ATTR_MEM])
			nla_memcpy(dev->mem + off, tb[AIOT_HWSIM_ATTR_MEM],
				   dev->mem_len - off);
		if (tb[AIOT_HWSIM_ATTR_POLICY])
			dev->policy = nla_get_u8(tb[AIOT_HWSIM_ATTR_POLICY]);
		if (tb[AIOT_HWSIM_ATTR_ENERGY])
			hwsim_dev_set_energy(hr, dev, nla_get_u32(tb[AIOT_HWSIM_ATTR_ENERGY]));
	}
	mutex_unlock(&hr->lock);
out:
	mutex_unlock(&hwsim_lock);
	return err;
}

static int hwsim_nl_set_medium(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **tb = info->attrs;
	struct hwsim_reader *hr;
	u32 ber;
	bool capture, paced;
	u64 seed;
	int err = 0;

	mutex_lock(&hwsim_lock);
	hr = hwsim_nl_reader(tb, info->extack);
	if (IS_ERR(hr)) {
		err = PTR_ERR(hr);
		goto out;
	}
	/* what is not given stays as it is */
	mutex_lock(&hr->lock);
	ber = hr->ber_ppm;
	capture = hr->capture;
	paced = hr->paced;
	seed = hr->seed;
	mutex_unlock(&hr->lock);
	if (tb[AIOT_HWSIM_ATTR_BER_PPM])
		ber = nla_get_u32(tb[AIOT_HWSIM_ATTR_BER_PPM]);
	if (tb[AIOT_HWSIM_ATTR_CAPTURE])
		capture = nla_get_u8(tb[AIOT_HWSIM_ATTR_CAPTURE]);
	if (tb[AIOT_HWSIM_ATTR_PACED])
		paced = nla_get_u8(tb[AIOT_HWSIM_ATTR_PACED]);
	if (tb[AIOT_HWSIM_ATTR_SEED])
		seed = nla_get_u64(tb[AIOT_HWSIM_ATTR_SEED]);
	hwsim_medium_set(hr, ber, capture, paced, seed);
out:
	mutex_unlock(&hwsim_lock);
	return err;
}

static int hwsim_nl_put_dev(struct sk_buff *skb, struct hwsim_reader *hr,
			    const struct hwsim_dev *dev)
{
	if (nla_put_u32(skb, AIOT_HWSIM_ATTR_READER_INDEX, hr->index) ||
	    nla_put(skb, AIOT_HWSIM_ATTR_ID, DIV_ROUND_UP(dev->id_bits, 8), dev->id) ||
	    nla_put_u8(skb, AIOT_HWSIM_ATTR_ID_BITS, dev->id_bits) ||
	    nla_put_u8(skb, AIOT_HWSIM_ATTR_DEVICE_TYPE, dev->type) ||
	    nla_put_u8(skb, AIOT_HWSIM_ATTR_STATE, dev->state) ||
	    nla_put_u8(skb, AIOT_HWSIM_ATTR_POLICY, dev->policy) ||
	    nla_put_s32(skb, AIOT_HWSIM_ATTR_RSSI, hwsim_dev_rssi(hr, dev)) ||
	    nla_put_u32(skb, AIOT_HWSIM_ATTR_ENERGY, dev->energy) ||
	    nla_put_u64_64bit(skb, AIOT_HWSIM_ATTR_AES_BLOCKS, dev->aes_blocks,
			      AIOT_HWSIM_ATTR_PAD) ||
	    nla_put_u64_64bit(skb, AIOT_HWSIM_ATTR_KDF_OPS, dev->kdf_ops,
			      AIOT_HWSIM_ATTR_PAD) ||
	    nla_put_u64_64bit(skb, AIOT_HWSIM_ATTR_TX_FRAMES, dev->tx_frames,
			      AIOT_HWSIM_ATTR_PAD) ||
	    nla_put_u64_64bit(skb, AIOT_HWSIM_ATTR_TX_BITS, dev->tx_bits,
			      AIOT_HWSIM_ATTR_PAD) ||
	    nla_put_u64_64bit(skb, AIOT_HWSIM_ATTR_RX_BITS, dev->rx_bits,
			      AIOT_HWSIM_ATTR_PAD) ||
	    nla_put_u16(skb, AIOT_HWSIM_ATTR_MEM_LEN, dev->mem_len))
		return -EMSGSIZE;
	if (dev->disabled && nla_put_flag(skb, AIOT_HWSIM_ATTR_DISABLED))
		return -EMSGSIZE;
	if (nla_put_u8(skb, AIOT_HWSIM_ATTR_SEC_PROFILE, dev->profile) ||
	    nla_put_u32(skb, AIOT_HWSIM_ATTR_SEC_CONFIG, dev->sec_config) ||
	    (dev->profile == AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y &&
	     nla_put_u32(skb, AIOT_HWSIM_ATTR_SEC_COUNTER, dev->counter)))
		return -EMSGSIZE;
	return 0;
}

/*
 * The devices of a reader, one message each. cb->args[0]: next device, in
 * population order; cb->seq: the population's generation, so a dump that
 * spans a change is flagged NLM_F_DUMP_INTR.
 */
static int hwsim_nl_dump_devices(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct nlattr *tb[AIOT_HWSIM_ATTR_MAX + 1];
	struct hwsim_reader *hr;
	struct hwsim_pop *pop;
	unsigned long at = 0;
	void *hdr;
	int err;
	u32 i;

	err = nlmsg_parse(cb->nlh, GENL_HDRLEN, tb, AIOT_HWSIM_ATTR_MAX,
			  hwsim_nl_policy, cb->extack);
	if (err)
		return err;
	mutex_lock(&hwsim_lock);
	hr = hwsim_nl_reader(tb, cb->extack);
	if (IS_ERR(hr)) {
		err = PTR_ERR(hr);
		goto out;
	}
	mutex_lock(&hr->lock);
	cb->seq = hr->gen;
	list_for_each_entry(pop, &hr->pops, node) {
		if (at + pop->n <= cb->args[0]) {
			at += pop->n;
			continue;
		}
		for (i = cb->args[0] - at; i < pop->n; i++) {
			hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid,
					  cb->nlh->nlmsg_seq, &hwsim_nl_family,
					  NLM_F_MULTI, AIOT_HWSIM_CMD_GET_DEVICE);
			if (!hdr) {
				err = -EMSGSIZE;
				goto unlock;
			}
			if (hwsim_nl_put_dev(skb, hr, &pop->devs[i])) {
				genlmsg_cancel(skb, hdr);
				err = -EMSGSIZE;
				goto unlock;
			}
			genlmsg_end(skb, hdr);
			genl_dump_check_consistent(cb, hdr);
			cb->args[0]++;
		}
		at += pop->n;
	}
unlock:
	mutex_unlock(&hr->lock);
out:
	mutex_unlock(&hwsim_lock);
	if (err == -EMSGSIZE && skb->len)
		return skb->len;
	return err ?: skb->len;
}

static const struct genl_small_ops hwsim_nl_ops[] = {
	{
		.cmd = AIOT_HWSIM_CMD_NEW_READER,
		.doit = hwsim_nl_new_reader,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = AIOT_HWSIM_CMD_DEL_READER,
		.doit = hwsim_nl_del_reader,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = AIOT_HWSIM_CMD_GET_READER,
		.doit = hwsim_nl_get_reader,
		.dumpit = hwsim_nl_dump_readers,
	},
	{
		.cmd = AIOT_HWSIM_CMD_ADD_DEVICES,
		.doit = hwsim_nl_add_devices,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = AIOT_HWSIM_CMD_CLEAR_DEVICES,
		.doit = hwsim_nl_clear_devices,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = AIOT_HWSIM_CMD_SET_DEVICE,
		.doit = hwsim_nl_set_device,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = AIOT_HWSIM_CMD_SET_MEDIUM,
		.doit = hwsim_nl_set_medium,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = AIOT_HWSIM_CMD_GET_DEVICE,
		.dumpit = hwsim_nl_dump_devices,
	},
};

static struct genl_family hwsim_nl_family __ro_after_init = {
	.name = AIOT_HWSIM_GENL_NAME,
	.version = AIOT_HWSIM_GENL_VERSION,
	.maxattr = AIOT_HWSIM_ATTR_MAX,
	.policy = hwsim_nl_policy,
	.netnsok = true,
	.module = THIS_MODULE,
	.small_ops = hwsim_nl_ops,
	.n_small_ops = ARRAY_SIZE(hwsim_nl_ops),
};

/*
 * A netlink socket closed: destroy the readers it created with
 * destroy-on-close (port ids are per network namespace: both must match).
 * The notifier runs in atomic context; destroying a reader sleeps, so it is
 * deferred.
 */
struct hwsim_nl_release {
	struct work_struct work;
	u32 portid;
	u64 net;
};

static void hwsim_nl_release_work(struct work_struct *work)
{
	struct hwsim_nl_release *rel = container_of(work, struct hwsim_nl_release, work);

	hwsim_reader_destroy_owner(rel->portid, rel->net);
	kfree(rel);
}

static int hwsim_nl_notify(struct notifier_block *nb, unsigned long state, void *ptr)
{
	struct netlink_notify *n = ptr;
	struct hwsim_nl_release *rel;

	if (state != NETLINK_URELEASE || n->protocol != NETLINK_GENERIC || !n->portid)
		return NOTIFY_DONE;
	rel = kmalloc(sizeof(*rel), GFP_ATOMIC);
	if (!rel)
		return NOTIFY_DONE;
	INIT_WORK(&rel->work, hwsim_nl_release_work);
	rel->portid = n->portid;
	rel->net = n->net->net_cookie;
	queue_work(hwsim_wq, &rel->work);
	return NOTIFY_DONE;
}

static struct notifier_block hwsim_nl_notifier = {
	.notifier_call = hwsim_nl_notify,
};

int __init hwsim_nl_init(void)
{
	int err;

	err = genl_register_family(&hwsim_nl_family);
	if (err)
		return err;
	err = netlink_register_notifier(&hwsim_nl_notifier);
	if (err)
		genl_unregister_family(&hwsim_nl_family);
	return err;
}

void hwsim_nl_exit(void)
{
	netlink_unregister_notifier(&hwsim_nl_notifier);
	genl_unregister_family(&hwsim_nl_family);
}

MODULE_ALIAS_GENL_FAMILY(AIOT_HWSIM_GENL_NAME);
