// SPDX-License-Identifier: GPL-2.0
/*
 * aiotctl info: what the aiot family reports about itself.
 */
#include <stdio.h>
#include <netlink/netlink.h>
#include <netlink/genl/genl.h>
#include <json-c/json.h>

#include <linux/aiot.h>
#include "aiot_nl.h"
#include "aiotctl.h"

struct info_reply {
	char version[64];
	unsigned int api;
	int got;
};

static int info_cb(struct nl_msg *msg, void *arg)
{
	static struct nla_policy pol[AIOT_ATTR_MAX + 1] = {
		[AIOT_ATTR_VERSION] = { .type = NLA_NUL_STRING },
		[AIOT_ATTR_API_VERSION] = { .type = NLA_U32 },
	};
	struct nlattr *tb[AIOT_ATTR_MAX + 1];
	struct info_reply *r = arg;

	if (genlmsg_parse(nlmsg_hdr(msg), 0, tb, AIOT_ATTR_MAX, pol) < 0)
		return NL_SKIP;
	if (tb[AIOT_ATTR_VERSION])
		snprintf(r->version, sizeof(r->version), "%s",
			 nla_get_string(tb[AIOT_ATTR_VERSION]));
	if (tb[AIOT_ATTR_API_VERSION])
		r->api = nla_get_u32(tb[AIOT_ATTR_API_VERSION]);
	r->got = 1;
	return NL_OK;
}

static int cmd_info(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	struct info_reply r = { .version = "?" };
	struct aiot_nl nl;
	struct nl_msg *msg;
	char why[256];
	int err;

	(void)argv;
	if (argc) {
		aiotctl_err("'info' takes no arguments");
		return AIOTCTL_EXIT_USAGE;
	}
	err = aiot_nl_open(&nl, AIOT_GENL_NAME, why, sizeof(why));
	if (err) {
		aiotctl_err("%s", why);
		return err == AIOT_NL_ENOFAMILY ? AIOTCTL_EXIT_NOFAMILY : AIOTCTL_EXIT_FAIL;
	}
	msg = nlmsg_alloc();
	if (!msg || !genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, nl.family, 0, 0,
				 AIOT_CMD_GET_INFO, AIOT_GENL_VERSION)) {
		aiotctl_err("cannot build the request: out of memory");
		nlmsg_free(msg);
		aiot_nl_close(&nl);
		return AIOTCTL_EXIT_FAIL;
	}
	nl_socket_modify_cb(nl.sk, NL_CB_VALID, NL_CB_CUSTOM, info_cb, &r);
	err = nl_send_auto(nl.sk, msg);
	if (err >= 0)
		err = nl_recvmsgs_default(nl.sk);
	nlmsg_free(msg);
	if (err < 0 || !r.got) {
		aiotctl_err("info request failed: %s",
			    err < 0 ? nl_geterror(err) : "empty reply");
		aiot_nl_close(&nl);
		return AIOTCTL_EXIT_FAIL;
	}
	if (ctx->json) {
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "family", json_object_new_string(AIOT_GENL_NAME));
		json_object_object_add(o, "family_id", json_object_new_int(nl.family));
		json_object_object_add(o, "version", json_object_new_string(r.version));
		json_object_object_add(o, "api_version", json_object_new_int((int)r.api));
		puts(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
		json_object_put(o);
	} else {
		printf("family %s (id %d)\nversion %s\napi %u\n", AIOT_GENL_NAME,
		       nl.family, r.version, r.api);
	}
	aiot_nl_close(&nl);
	return AIOTCTL_EXIT_OK;
}

AIOTCTL_COMMAND(info, "info", NULL, "",
		"show the aiot family: module version and netlink API version",
		cmd_info);
