// SPDX-License-Identifier: GPL-2.0
/*
 * aiotctl: the attributes of the aiot and aiot_hwsim families, by the names
 * of their YNL specs (Documentation/netlink/specs/aiot.yaml and
 * aiot_hwsim.yaml, '-' written '_'), turned into JSON objects; the text
 * output prints the same objects. The JSON schema is therefore the specs'
 * and is stable with them.
 */
#include <stdio.h>
#include <string.h>
#include <netlink/netlink.h>
#include <netlink/genl/genl.h>
#include <json-c/json.h>

#include <linux/aiot.h>
#include <linux/aiot_hwsim.h>
#include "aiotctl.h"

enum atype { T_NONE, T_U8, T_U16, T_U32, T_U64, T_S32, T_STR, T_BIN, T_NEST, T_FLAG };

struct adesc {
	const char *name;
	enum atype type;
	const char *const *values;	/* enum names, or NULL */
	unsigned int n_values;
	const struct adesc *nest;	/* T_NEST: the nested set */
	int nest_max;
};

#define ENUM(v)		.values = v, .n_values = sizeof(v) / sizeof(v[0])
#define NEST(s, m)	.type = T_NEST, .nest = s, .nest_max = m

static const char *const target_names[] = {
	"all", "permanent-id", "temporary-id", "concealed-id", "filter",
};
static const char *const algo_names[] = { "q", "schoute", "ml" };
static const char *const end_names[] = {
	"complete", "devices-read", "time", "empty-rounds", "stopped",
	"reader-gone", "failed",
};
static const char *const outcome_names[] = {
	"nas-response", "as-indication", "no-response", "failed",
};
static const char *const cause_names[] = {
	"none", "integrity-failure", "unknown-message",
};
static const char *const sec_names[] = {
	"none", "verified", "integrity-failure", "malformed",
};

static const struct adesc stats_set[AIOT_STATS_MAX + 1] = {
	[AIOT_STATS_TX_FRAMES] = { "tx_frames", T_U64 },
	[AIOT_STATS_TX_ERRORS] = { "tx_errors", T_U64 },
	[AIOT_STATS_RX_FRAMES] = { "rx_frames", T_U64 },
	[AIOT_STATS_RX_EMPTY] = { "rx_empty", T_U64 },
	[AIOT_STATS_RX_COLLISIONS] = { "rx_collisions", T_U64 },
	[AIOT_STATS_RX_CRC_ERRORS] = { "rx_crc_errors", T_U64 },
	[AIOT_STATS_TIMEOUTS] = { "timeouts", T_U64 },
	[AIOT_STATS_LATE_RX] = { "late_rx", T_U64 },
	[AIOT_STATS_JOBS] = { "jobs", T_U64 },
	[AIOT_STATS_DEVICES] = { "devices", T_U64 },
	[AIOT_STATS_COMMANDS] = { "commands", T_U64 },
	[AIOT_STATS_CMD_RETX] = { "cmd_retx", T_U64 },
	[AIOT_STATS_CMD_NAS_RSP] = { "cmd_nas_rsp", T_U64 },
	[AIOT_STATS_CMD_AS_IND] = { "cmd_as_ind", T_U64 },
	[AIOT_STATS_CMD_NO_RSP] = { "cmd_no_rsp", T_U64 },
	[AIOT_STATS_SEC_CONTEXTS] = { "sec_contexts", T_U64 },
	[AIOT_STATS_SEC_PROTECTED] = { "sec_protected", T_U64 },
	[AIOT_STATS_SEC_VERIFIED] = { "sec_verified", T_U64 },
	[AIOT_STATS_SEC_FAILED] = { "sec_failed", T_U64 },
};

static const struct adesc dev_set[AIOT_DEV_MAX + 1] = {
	[AIOT_DEV_SEQ] = { "seq", T_U32 },
	[AIOT_DEV_AS_ID] = { "as_id", T_U8 },
	[AIOT_DEV_RN16] = { "rn16", T_U16 },
	[AIOT_DEV_RSSI] = { "rssi", T_S32 },
	[AIOT_DEV_PORT] = { "port", T_U8 },
	[AIOT_DEV_TSTAMP] = { "tstamp", T_U64 },
	[AIOT_DEV_NAS_BITS] = { "nas_bits", T_U32 },
	[AIOT_DEV_NAS] = { "nas", T_BIN },
};

static const struct adesc inv_stats_set[AIOT_INV_STATS_MAX + 1] = {
	[AIOT_INV_STATS_DEVICES] = { "devices", T_U64 },
	[AIOT_INV_STATS_SLOTS] = { "slots", T_U64 },
	[AIOT_INV_STATS_EMPTY] = { "empty", T_U64 },
	[AIOT_INV_STATS_COLLISIONS] = { "collisions", T_U64 },
	[AIOT_INV_STATS_FRAMES] = { "frames", T_U64 },
	[AIOT_INV_STATS_MSG3_LOST] = { "msg3_lost", T_U64 },
	[AIOT_INV_STATS_R2D_FRAMES] = { "r2d_frames", T_U64 },
	[AIOT_INV_STATS_D2R_FRAMES] = { "d2r_frames", T_U64 },
	[AIOT_INV_STATS_R2D_BITS] = { "r2d_bits", T_U64 },
	[AIOT_INV_STATS_D2R_BITS] = { "d2r_bits", T_U64 },
	[AIOT_INV_STATS_AIR_US] = { "air_us", T_U64 },
};

static const struct adesc aiot_set[AIOT_ATTR_MAX + 1] = {
	[AIOT_ATTR_VERSION] = { "version", T_STR },
	[AIOT_ATTR_API_VERSION] = { "api_version", T_U32 },
	[AIOT_ATTR_READER_INDEX] = { "reader_index", T_U32 },
	[AIOT_ATTR_READER_NAME] = { "reader_name", T_STR },
	[AIOT_ATTR_READER_PARENT] = { "reader_parent", T_STR },
	[AIOT_ATTR_READER_CAPS] = { "reader_caps", T_U32 },
	[AIOT_ATTR_TX_POWER] = { "tx_power", T_S32 },
	[AIOT_ATTR_PORT] = { "port", T_U8 },
	[AIOT_ATTR_R2D_RATE] = { "r2d_rate", T_U32 },
	[AIOT_ATTR_D2R_RATE] = { "d2r_rate", T_U32 },
	[AIOT_ATTR_TX_POWER_MIN] = { "tx_power_min", T_S32 },
	[AIOT_ATTR_TX_POWER_MAX] = { "tx_power_max", T_S32 },
	[AIOT_ATTR_N_PORTS] = { "n_ports", T_U8 },
	[AIOT_ATTR_RATE_MIN] = { "rate_min", T_U32 },
	[AIOT_ATTR_RATE_MAX] = { "rate_max", T_U32 },
	[AIOT_ATTR_READER_STATS] = { "reader_stats", NEST(stats_set, AIOT_STATS_MAX) },
	[AIOT_ATTR_JOB_ID] = { "job_id", T_U32 },
	[AIOT_ATTR_TARGET_TYPE] = { "target_type", T_U8, ENUM(target_names) },
	[AIOT_ATTR_TARGET] = { "target", T_BIN },
	[AIOT_ATTR_TARGET_BITS] = { "target_bits", T_U16 },
	[AIOT_ATTR_RAND] = { "rand", T_BIN },
	[AIOT_ATTR_TXN] = { "txn", T_U8 },
	[AIOT_ATTR_ALGO] = { "algo", T_U8, ENUM(algo_names) },
	[AIOT_ATTR_DEVICE] = { "device", NEST(dev_set, AIOT_DEV_MAX) },
	[AIOT_ATTR_INV_END] = { "inv_end", T_U8, ENUM(end_names) },
	[AIOT_ATTR_INV_STATS] = { "inv_stats", NEST(inv_stats_set, AIOT_INV_STATS_MAX) },
	[AIOT_ATTR_AS_ID] = { "as_id", T_U8 },
	[AIOT_ATTR_NAS] = { "nas", T_BIN },
	[AIOT_ATTR_NAS_BITS] = { "nas_bits", T_U16 },
	[AIOT_ATTR_ATTEMPTS] = { "attempts", T_U8 },
	[AIOT_ATTR_CMD_OUTCOME] = { "cmd_outcome", T_U8, ENUM(outcome_names) },
	[AIOT_ATTR_CMD_CAUSE] = { "cmd_cause", T_U8, ENUM(cause_names) },
	[AIOT_ATTR_CMD_ERROR] = { "cmd_error", T_S32 },
	[AIOT_ATTR_CMD_SEC] = { "cmd_sec", T_U8, ENUM(sec_names) },
	[AIOT_ATTR_SEC_DRIVER_CMAC] = { "sec_driver_cmac", T_STR },
	[AIOT_ATTR_SEC_DRIVER_CTR] = { "sec_driver_ctr", T_STR },
	[AIOT_ATTR_SEC_DRIVER_HMAC] = { "sec_driver_hmac", T_STR },
};

static const char *const cmd_names[AIOT_CMD_MAX + 1] = {
	[AIOT_CMD_GET_INFO] = "get-info",
	[AIOT_CMD_GET_READER] = "get-reader",
	[AIOT_CMD_SET_READER] = "set-reader",
	[AIOT_CMD_NEW_READER] = "new-reader",
	[AIOT_CMD_DEL_READER] = "del-reader",
	[AIOT_CMD_INVENTORY_START] = "inventory-start",
	[AIOT_CMD_INVENTORY_STOP] = "inventory-stop",
	[AIOT_CMD_GET_DEVICE] = "get-device",
	[AIOT_CMD_INVENTORY_REPORT] = "inventory-report",
	[AIOT_CMD_INVENTORY_DONE] = "inventory-done",
	[AIOT_CMD_COMMAND_SEND] = "command-send",
	[AIOT_CMD_COMMAND_RESULT] = "command-result",
	[AIOT_CMD_SEC_CTX_SET] = "sec-ctx-set",
	[AIOT_CMD_SEC_CTX_DEL] = "sec-ctx-del",
	[AIOT_CMD_GET_STATS] = "get-stats",
};

/* ---- aiot_hwsim (Documentation/netlink/specs/aiot_hwsim.yaml) ---------- */

static const char *const hwsim_scheme_names[] = { "sequential" };
static const char *const hwsim_type_names[] = { "1", "2a", "2b" };
static const char *const hwsim_profile_names[] = { "normative", "solution-y", "solution-9" };
static const char *const hwsim_policy_names[] = {
	"silent", "as-indication", "as-indication-cause",
};
static const char *const hwsim_state_names[] = {
	"idle", "contending", "replied", "msg3", "read", "selected", "no-energy",
};

static const struct adesc hwsim_stats_set[AIOT_HWSIM_STATS_MAX + 1] = {
	[AIOT_HWSIM_STATS_R2D_FRAMES] = { "r2d_frames", T_U64 },
	[AIOT_HWSIM_STATS_D2R_FRAMES] = { "d2r_frames", T_U64 },
	[AIOT_HWSIM_STATS_COLLISIONS] = { "collisions", T_U64 },
	[AIOT_HWSIM_STATS_CAPTURES] = { "captures", T_U64 },
	[AIOT_HWSIM_STATS_BER_FRAMES] = { "ber_frames", T_U64 },
	[AIOT_HWSIM_STATS_DROPPED] = { "dropped", T_U64 },
	[AIOT_HWSIM_STATS_CORRUPTED] = { "corrupted", T_U64 },
	[AIOT_HWSIM_STATS_ENERGY_OUTS] = { "energy_outs", T_U64 },
	[AIOT_HWSIM_STATS_AIR_US] = { "air_us", T_U64 },
	[AIOT_HWSIM_STATS_FRAMES] = { "frames", T_U64 },
};

static const struct adesc hwsim_set[AIOT_HWSIM_ATTR_MAX + 1] = {
	[AIOT_HWSIM_ATTR_READER_INDEX] = { "reader_index", T_U32 },
	[AIOT_HWSIM_ATTR_DESTROY_ON_CLOSE] = { "destroy_on_close", T_FLAG },
	[AIOT_HWSIM_ATTR_COUNT] = { "count", T_U32 },
	[AIOT_HWSIM_ATTR_ID] = { "id", T_BIN },
	[AIOT_HWSIM_ATTR_ID_BITS] = { "id_bits", T_U8 },
	[AIOT_HWSIM_ATTR_ID_SCHEME] = { "id_scheme", T_U8, ENUM(hwsim_scheme_names) },
	[AIOT_HWSIM_ATTR_DEVICE_TYPE] = { "device_type", T_U8, ENUM(hwsim_type_names) },
	[AIOT_HWSIM_ATTR_SEC_PROFILE] = { "sec_profile", T_U8, ENUM(hwsim_profile_names) },
	/* key-seed and key are never sent back */
	[AIOT_HWSIM_ATTR_MEM] = { "mem", T_BIN },
	[AIOT_HWSIM_ATTR_MEM_OFFSET] = { "mem_offset", T_U16 },
	[AIOT_HWSIM_ATTR_POLICY] = { "policy", T_U8, ENUM(hwsim_policy_names) },
	[AIOT_HWSIM_ATTR_ENERGY] = { "energy", T_U32 },
	[AIOT_HWSIM_ATTR_BER_PPM] = { "ber_ppm", T_U32 },
	[AIOT_HWSIM_ATTR_CAPTURE] = { "capture", T_U8 },
	[AIOT_HWSIM_ATTR_PACED] = { "paced", T_U8 },
	[AIOT_HWSIM_ATTR_SEED] = { "seed", T_U64 },
	[AIOT_HWSIM_ATTR_STATE] = { "state", T_U8, ENUM(hwsim_state_names) },
	[AIOT_HWSIM_ATTR_RSSI] = { "rssi", T_S32 },
	[AIOT_HWSIM_ATTR_AES_BLOCKS] = { "aes_blocks", T_U64 },
	[AIOT_HWSIM_ATTR_KDF_OPS] = { "kdf_ops", T_U64 },
	[AIOT_HWSIM_ATTR_DISABLED] = { "disabled", T_FLAG },
	[AIOT_HWSIM_ATTR_TX_FRAMES] = { "tx_frames", T_U64 },
	[AIOT_HWSIM_ATTR_TX_BITS] = { "tx_bits", T_U64 },
	[AIOT_HWSIM_ATTR_N_DEVICES] = { "n_devices", T_U32 },
	[AIOT_HWSIM_ATTR_STATS] = { "stats", NEST(hwsim_stats_set, AIOT_HWSIM_STATS_MAX) },
	[AIOT_HWSIM_ATTR_MEM_LEN] = { "mem_len", T_U16 },
	[AIOT_HWSIM_ATTR_RX_BITS] = { "rx_bits", T_U64 },
	[AIOT_HWSIM_ATTR_SEC_CONFIG] = { "sec_config", T_U32 },
	[AIOT_HWSIM_ATTR_SEC_COUNTER] = { "sec_counter", T_U32 },
};

static const char *const hwsim_cmd_names[AIOT_HWSIM_CMD_MAX + 1] = {
	[AIOT_HWSIM_CMD_NEW_READER] = "new-reader",
	[AIOT_HWSIM_CMD_DEL_READER] = "del-reader",
	[AIOT_HWSIM_CMD_GET_READER] = "get-reader",
	[AIOT_HWSIM_CMD_ADD_DEVICES] = "add-devices",
	[AIOT_HWSIM_CMD_CLEAR_DEVICES] = "clear-devices",
	[AIOT_HWSIM_CMD_SET_DEVICE] = "set-device",
	[AIOT_HWSIM_CMD_SET_MEDIUM] = "set-medium",
	[AIOT_HWSIM_CMD_GET_DEVICE] = "get-device",
};

static struct json_object *hex(const unsigned char *p, int n)
{
	char s[2 * 512 + 1];
	int i;

	if (n > 512)
		n = 512;
	for (i = 0; i < n; i++)
		snprintf(s + 2 * i, 3, "%02x", p[i]);
	s[2 * n] = 0;
	return json_object_new_string(s);
}

static struct json_object *attr_value(const struct adesc *d, struct nlattr *a);

/* The attributes of a set; repeated ones (devices) become an array. */
static void set_to_json(struct json_object *o, const struct adesc *set, int max,
			struct nlattr *head, int len)
{
	struct nlattr *a;
	int rem;

	nla_for_each_attr(a, head, len, rem) {
		int t = nla_type(a);
		struct json_object *v, *prev;

		if (t > max || !set[t].name)
			continue;
		v = attr_value(&set[t], a);
		if (!v)
			continue;
		if (t == AIOT_ATTR_DEVICE && set == aiot_set) {
			if (!json_object_object_get_ex(o, "devices", &prev)) {
				prev = json_object_new_array();
				json_object_object_add(o, "devices", prev);
			}
			json_object_array_add(prev, v);
			continue;
		}
		json_object_object_add(o, set[t].name, v);
	}
}

static struct json_object *attr_value(const struct adesc *d, struct nlattr *a)
{
	unsigned long long u;
	struct json_object *o;

	switch (d->type) {
	case T_U8:
		u = nla_get_u8(a);
		break;
	case T_U16:
		u = nla_get_u16(a);
		break;
	case T_U32:
		u = nla_get_u32(a);
		break;
	case T_U64:
		return json_object_new_uint64(nla_get_u64(a));
	case T_S32:
		return json_object_new_int((int32_t)nla_get_u32(a));
	case T_STR:
		return json_object_new_string_len(nla_data(a), strnlen(nla_data(a), nla_len(a)));
	case T_BIN:
		return hex(nla_data(a), nla_len(a));
	case T_FLAG:
		return json_object_new_boolean(1);
	case T_NEST:
		o = json_object_new_object();
		set_to_json(o, d->nest, d->nest_max, nla_data(a), nla_len(a));
		return o;
	default:
		return NULL;
	}
	if (d->values && u < d->n_values)
		return json_object_new_string(d->values[u]);
	return json_object_new_uint64(u);
}

struct json_object *aiotctl_msg_json(struct nl_msg *msg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct genlmsghdr *g = nlmsg_data(nlh);
	struct json_object *o = json_object_new_object();

	if (g->cmd <= AIOT_CMD_MAX && cmd_names[g->cmd])
		json_object_object_add(o, "message", json_object_new_string(cmd_names[g->cmd]));
	set_to_json(o, aiot_set, AIOT_ATTR_MAX, genlmsg_attrdata(g, 0), genlmsg_attrlen(g, 0));
	return o;
}

struct json_object *aiotctl_hwsim_msg_json(struct nl_msg *msg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct genlmsghdr *g = nlmsg_data(nlh);
	struct json_object *o = json_object_new_object();

	if (g->cmd <= AIOT_HWSIM_CMD_MAX && hwsim_cmd_names[g->cmd])
		json_object_object_add(o, "message",
				       json_object_new_string(hwsim_cmd_names[g->cmd]));
	set_to_json(o, hwsim_set, AIOT_HWSIM_ATTR_MAX, genlmsg_attrdata(g, 0),
		    genlmsg_attrlen(g, 0));
	return o;
}

/* Text: "key value" lines, nested sets indented, arrays one item each. */
static void print_text(struct json_object *o, int indent)
{
	struct json_object_iterator it = json_object_iter_begin(o);
	struct json_object_iterator end = json_object_iter_end(o);
	size_t i;

	for (; !json_object_iter_equal(&it, &end); json_object_iter_next(&it)) {
		const char *k = json_object_iter_peek_name(&it);
		struct json_object *v = json_object_iter_peek_value(&it);

		if (json_object_is_type(v, json_type_object)) {
			printf("%*s%s:\n", indent, "", k);
			print_text(v, indent + 2);
		} else if (json_object_is_type(v, json_type_array)) {
			for (i = 0; i < json_object_array_length(v); i++) {
				printf("%*s%s %zu:\n", indent, "", k, i);
				print_text(json_object_array_get_idx(v, i), indent + 2);
			}
		} else {
			printf("%*s%s %s\n", indent, "", k, json_object_get_string(v));
		}
	}
}

void aiotctl_print(struct aiotctl_ctx *ctx, struct json_object *o)
{
	size_t i;

	if (ctx->json) {
		puts(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
	} else if (json_object_is_type(o, json_type_array)) {
		for (i = 0; i < json_object_array_length(o); i++) {
			if (i)
				putchar('\n');
			print_text(json_object_array_get_idx(o, i), 0);
		}
	} else {
		print_text(o, 0);
	}
	fflush(stdout);
}
