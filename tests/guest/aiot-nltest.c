// SPDX-License-Identifier: GPL-2.0
/*
 * aiot-nltest: the aiot generic netlink family from userspace, in a guest.
 *
 * An implementation independent of aiotctl (libmnl, not libnl) that sends
 * every command the family has, well-formed and malformed, as root and as
 * an unprivileged user, and checks the kernel's answers: error codes and
 * extack messages. Prints TAP.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

#include <linux/aiot.h>

#ifndef NETLINK_EXT_ACK
#define NETLINK_EXT_ACK 11
#endif

static int n_test;
static int n_fail;

static void ok(bool cond, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %d ", cond ? "" : "not ", ++n_test);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	if (!cond)
		n_fail++;
}

struct nl {
	struct mnl_socket *sk;
	uint16_t family;
	uint32_t groups[3];	/* config, inventory, command */
	unsigned int seq;
};

/* What came back from one request. */
struct answer {
	int error;		/* 0 or -errno */
	char extack[256];
	int replies;		/* data messages */
	uint32_t u32[AIOT_ATTR_MAX + 1];
	bool has[AIOT_ATTR_MAX + 1];
	char version[64];
};

static char buf[1 << 16];

static int attr_cb(const struct nlattr *a, void *data)
{
	struct answer *ans = data;
	int type = mnl_attr_get_type(a);

	if (type > AIOT_ATTR_MAX)
		return MNL_CB_OK;
	ans->has[type] = true;
	if (mnl_attr_get_payload_len(a) == 4)
		ans->u32[type] = mnl_attr_get_u32(a);
	if (type == AIOT_ATTR_VERSION)
		snprintf(ans->version, sizeof(ans->version), "%s", mnl_attr_get_str(a));
	return MNL_CB_OK;
}

static int data_cb(const struct nlmsghdr *nlh, void *data)
{
	struct answer *ans = data;

	ans->replies++;
	mnl_attr_parse(nlh, sizeof(struct genlmsghdr), attr_cb, ans);
	return MNL_CB_OK;
}

static int extack_cb(const struct nlattr *a, void *data)
{
	struct answer *ans = data;

	if (mnl_attr_get_type(a) == NLMSGERR_ATTR_MSG)
		snprintf(ans->extack, sizeof(ans->extack), "%s", mnl_attr_get_str(a));
	return MNL_CB_OK;
}

static int error_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);
	struct answer *ans = data;
	unsigned int off = sizeof(*e);

	ans->error = e->error;
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		off += e->msg.nlmsg_len - sizeof(struct nlmsghdr);
	if (nlh->nlmsg_flags & NLM_F_ACK_TLVS)
		mnl_attr_parse(nlh, off, extack_cb, ans);
	return e->error ? MNL_CB_ERROR : MNL_CB_STOP;
}

/* The end of a dump: its status, and the extack of a dump that failed. */
static int done_cb(const struct nlmsghdr *nlh, void *data)
{
	struct answer *ans = data;

	if (mnl_nlmsg_get_payload_len(nlh) >= sizeof(int))
		ans->error = *(int *)mnl_nlmsg_get_payload(nlh);
	if (nlh->nlmsg_flags & NLM_F_ACK_TLVS)
		mnl_attr_parse(nlh, sizeof(int), extack_cb, ans);
	return MNL_CB_STOP;
}

/* With an array given, libmnl applies no default: name every type. */
static mnl_cb_t ctl_cbs[NLMSG_MIN_TYPE] = {
	[NLMSG_ERROR] = error_cb,
	[NLMSG_DONE] = done_cb,
};

static struct nlmsghdr *req(struct nl *nl, uint16_t type, uint8_t cmd, uint16_t flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genlmsghdr *g;

	nlh->nlmsg_type = type;
	/* a dump ends with NLMSG_DONE, which carries its status */
	nlh->nlmsg_flags = NLM_F_REQUEST | flags | (flags & NLM_F_DUMP ? 0 : NLM_F_ACK);
	nlh->nlmsg_seq = ++nl->seq;
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->cmd = cmd;
	g->version = 1;
	return nlh;
}

static void talk(struct nl *nl, struct nlmsghdr *nlh, struct answer *ans)
{
	unsigned int portid = mnl_socket_get_portid(nl->sk);
	int n;

	memset(ans, 0, sizeof(*ans));
	if (mnl_socket_sendto(nl->sk, nlh, nlh->nlmsg_len) < 0) {
		ans->error = -errno;
		return;
	}
	for (;;) {
		n = mnl_socket_recvfrom(nl->sk, buf, sizeof(buf));
		if (n < 0) {
			ans->error = -errno;
			return;
		}
		n = mnl_cb_run2(buf, n, nl->seq, portid, data_cb, ans, ctl_cbs,
				MNL_ARRAY_SIZE(ctl_cbs));
		if (n <= MNL_CB_STOP)
			break;
	}
}

struct family_info {
	uint16_t id;
	uint32_t groups[3];
};

static int group_cb(const struct nlattr *a, void *data)
{
	struct family_info *fi = data;
	const char *name = NULL;
	uint32_t id = 0;
	const struct nlattr *g;

	mnl_attr_for_each_nested(g, a) {
		if (mnl_attr_get_type(g) == CTRL_ATTR_MCAST_GRP_NAME)
			name = mnl_attr_get_str(g);
		else if (mnl_attr_get_type(g) == CTRL_ATTR_MCAST_GRP_ID)
			id = mnl_attr_get_u32(g);
	}
	if (!name)
		return MNL_CB_OK;
	if (!strcmp(name, AIOT_MCGRP_CONFIG))
		fi->groups[0] = id;
	else if (!strcmp(name, AIOT_MCGRP_INVENTORY))
		fi->groups[1] = id;
	else if (!strcmp(name, AIOT_MCGRP_COMMAND))
		fi->groups[2] = id;
	return MNL_CB_OK;
}

static int family_cb(const struct nlattr *a, void *data)
{
	struct family_info *fi = data;
	const struct nlattr *g;

	if (mnl_attr_get_type(a) == CTRL_ATTR_FAMILY_ID)
		fi->id = mnl_attr_get_u16(a);
	else if (mnl_attr_get_type(a) == CTRL_ATTR_MCAST_GROUPS)
		mnl_attr_for_each_nested(g, a)
			group_cb(g, data);
	return MNL_CB_OK;
}

static int ctrl_cb(const struct nlmsghdr *nlh, void *data)
{
	mnl_attr_parse(nlh, sizeof(struct genlmsghdr), family_cb, data);
	return MNL_CB_OK;
}

static int nl_open(struct nl *nl)
{
	struct family_info fi = { 0 };
	struct nlmsghdr *nlh;
	int one = 1, n;

	nl->sk = mnl_socket_open(NETLINK_GENERIC);
	if (!nl->sk || mnl_socket_bind(nl->sk, 0, MNL_SOCKET_AUTOPID) < 0)
		return -1;
	mnl_socket_setsockopt(nl->sk, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(nl->sk, NETLINK_CAP_ACK, &one, sizeof(one));
	nlh = req(nl, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 0);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, AIOT_GENL_NAME);
	if (mnl_socket_sendto(nl->sk, nlh, nlh->nlmsg_len) < 0)
		return -1;
	do {
		n = mnl_socket_recvfrom(nl->sk, buf, sizeof(buf));
		if (n < 0)
			return -1;
		n = mnl_cb_run(buf, n, nl->seq, mnl_socket_get_portid(nl->sk), ctrl_cb, &fi);
	} while (n > MNL_CB_STOP);
	nl->family = fi.id;
	memcpy(nl->groups, fi.groups, sizeof(fi.groups));
	return fi.id ? 0 : -1;
}

/* Everything an unprivileged caller may and may not do. */
static void unprivileged(struct nl *nl)
{
	struct nlmsghdr *nlh;
	struct answer a;

	nlh = req(nl, nl->family, AIOT_CMD_GET_INFO, 0);
	talk(nl, nlh, &a);
	ok(a.error == 0 && a.replies == 1, "unprivileged: get-info allowed");

	nlh = req(nl, nl->family, AIOT_CMD_SET_READER, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_TX_POWER, 1000);
	talk(nl, nlh, &a);
	ok(a.error == -EPERM, "unprivileged: set-reader is EPERM (got %d)", a.error);

	nlh = req(nl, nl->family, AIOT_CMD_INVENTORY_START, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 0);
	talk(nl, nlh, &a);
	ok(a.error == -EPERM, "unprivileged: inventory-start is EPERM (got %d)", a.error);

	nlh = req(nl, nl->family, AIOT_CMD_INVENTORY_STOP, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 0);
	talk(nl, nlh, &a);
	ok(a.error == -EPERM, "unprivileged: inventory-stop is EPERM (got %d)", a.error);

	nlh = req(nl, nl->family, AIOT_CMD_COMMAND_SEND, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 0);
	talk(nl, nlh, &a);
	ok(a.error == -EPERM, "unprivileged: command-send is EPERM (got %d)", a.error);

	nlh = req(nl, nl->family, AIOT_CMD_SEC_CTX_SET, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 0);
	talk(nl, nlh, &a);
	ok(a.error == -EPERM, "unprivileged: sec-ctx-set is EPERM (got %d)", a.error);

	nlh = req(nl, nl->family, AIOT_CMD_SEC_CTX_DEL, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 0);
	talk(nl, nlh, &a);
	ok(a.error == -EPERM, "unprivileged: sec-ctx-del is EPERM (got %d)", a.error);

	nlh = req(nl, nl->family, AIOT_CMD_GET_STATS, NLM_F_DUMP);
	talk(nl, nlh, &a);
	ok(a.error == 0, "unprivileged: get-stats dump allowed (got %d)", a.error);
}
#define N_UNPRIVILEGED	8

/* A device's identity, as command-send and the security contexts take it. */
static void put_identity(struct nlmsghdr *nlh)
{
	static const uint8_t id[4] = { 0xa1, 0x07, 0, 1 };

	mnl_attr_put_u8(nlh, AIOT_ATTR_TARGET_TYPE, AIOT_TARGET_PERMANENT_ID);
	mnl_attr_put(nlh, AIOT_ATTR_TARGET, 4, id);
	mnl_attr_put_u16(nlh, AIOT_ATTR_TARGET_BITS, 32);
}

/* sec-ctx-set, sec-ctx-del and get-stats: every way a request can be wrong. */
static void sec_ctx_errors(struct nl *nl)
{
	static const uint8_t key[32] = { 1, 2, 3 };
	struct nlmsghdr *nlh;
	struct answer a;

	nlh = req(nl, nl->family, AIOT_CMD_SEC_CTX_SET, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 0);
	mnl_attr_put(nlh, AIOT_ATTR_K_AIOTF, 32, key);
	talk(nl, nlh, &a);
	ok(a.error == -EINVAL && strstr(a.extack, "identity"),
	   "sec-ctx-set without a device: EINVAL, \"%s\"", a.extack);

	nlh = req(nl, nl->family, AIOT_CMD_SEC_CTX_SET, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 0);
	put_identity(nlh);
	talk(nl, nlh, &a);
	ok(a.error == -EINVAL && strstr(a.extack, "K_AIOTF"),
	   "sec-ctx-set without keys: EINVAL, \"%s\"", a.extack);

	nlh = req(nl, nl->family, AIOT_CMD_SEC_CTX_SET, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 0);
	put_identity(nlh);
	mnl_attr_put(nlh, AIOT_ATTR_K_AIOTF, 32, key);
	mnl_attr_put(nlh, AIOT_ATTR_K_ENC, 16, key);
	talk(nl, nlh, &a);
	ok(a.error == -EINVAL && strstr(a.extack, "not both"),
	   "sec-ctx-set with K_AIOTF and a command key: EINVAL, \"%s\"", a.extack);

	nlh = req(nl, nl->family, AIOT_CMD_SEC_CTX_SET, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 0);
	put_identity(nlh);
	mnl_attr_put(nlh, AIOT_ATTR_K_ENC, 16, key);
	talk(nl, nlh, &a);
	ok(a.error == -EINVAL && strstr(a.extack, "both"),
	   "sec-ctx-set with K_Command_enc alone: EINVAL, \"%s\"", a.extack);

	nlh = req(nl, nl->family, AIOT_CMD_SEC_CTX_SET, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 0);
	put_identity(nlh);
	mnl_attr_put(nlh, AIOT_ATTR_K_AIOTF, 31, key);
	talk(nl, nlh, &a);
	ok((a.error == -EINVAL || a.error == -ERANGE) && a.extack[0],
	   "sec-ctx-set with a 31-octet K_AIOTF: refused, \"%s\"", a.extack);

	nlh = req(nl, nl->family, AIOT_CMD_SEC_CTX_SET, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 0);
	put_identity(nlh);
	mnl_attr_put(nlh, AIOT_ATTR_K_AIOTF, 32, key);
	mnl_attr_put_u8(nlh, AIOT_ATTR_CIPHER, 2);
	talk(nl, nlh, &a);
	ok(a.error == -ERANGE, "sec-ctx-set with cipher 2: ERANGE (got %d)", a.error);

	nlh = req(nl, nl->family, AIOT_CMD_SEC_CTX_SET, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 4242);
	put_identity(nlh);
	mnl_attr_put(nlh, AIOT_ATTR_K_ENC, 16, key);
	mnl_attr_put(nlh, AIOT_ATTR_K_INT, 16, key + 16);
	talk(nl, nlh, &a);
	ok(a.error == -ENODEV, "sec-ctx-set on a missing reader: ENODEV (got %d)", a.error);

	nlh = req(nl, nl->family, AIOT_CMD_SEC_CTX_DEL, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 0);
	talk(nl, nlh, &a);
	ok(a.error == -EINVAL && strstr(a.extack, "identity"),
	   "sec-ctx-del without a device: EINVAL, \"%s\"", a.extack);

	nlh = req(nl, nl->family, AIOT_CMD_SEC_CTX_DEL, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 4242);
	put_identity(nlh);
	talk(nl, nlh, &a);
	ok(a.error == -ENODEV, "sec-ctx-del on a missing reader: ENODEV (got %d)", a.error);

	nlh = req(nl, nl->family, AIOT_CMD_GET_STATS, NLM_F_DUMP);
	talk(nl, nlh, &a);
	ok(a.error == 0 && a.replies == 0, "get-stats dump with no reader: empty (%d)", a.replies);

	nlh = req(nl, nl->family, AIOT_CMD_GET_STATS, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 4242);
	talk(nl, nlh, &a);
	ok(a.error == -ENODEV && strstr(a.extack, "no reader"),
	   "get-stats of a missing reader: ENODEV, \"%s\"", a.extack);
}

/* command-send: every way a request can be wrong. */
static void command_send_errors(struct nl *nl)
{
	static const uint8_t id[4] = { 0xa1, 0x07, 0, 1 }, nas[8] = { 1, 2, 3 };
	struct nlmsghdr *nlh;
	struct answer a;

	nlh = req(nl, nl->family, AIOT_CMD_COMMAND_SEND, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 0);
	talk(nl, nlh, &a);
	ok(a.error == -EINVAL && strstr(a.extack, "identity"),
	   "command-send without a device: EINVAL, \"%s\"", a.extack);

	nlh = req(nl, nl->family, AIOT_CMD_COMMAND_SEND, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 0);
	mnl_attr_put_u8(nlh, AIOT_ATTR_TARGET_TYPE, AIOT_TARGET_ALL);
	mnl_attr_put(nlh, AIOT_ATTR_TARGET, 4, id);
	mnl_attr_put_u16(nlh, AIOT_ATTR_TARGET_BITS, 32);
	talk(nl, nlh, &a);
	ok(a.error == -EINVAL && strstr(a.extack, "one device"),
	   "command-send to every device: EINVAL, \"%s\"", a.extack);

	nlh = req(nl, nl->family, AIOT_CMD_COMMAND_SEND, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 0);
	mnl_attr_put_u8(nlh, AIOT_ATTR_TARGET_TYPE, AIOT_TARGET_PERMANENT_ID);
	mnl_attr_put(nlh, AIOT_ATTR_TARGET, 4, id);
	mnl_attr_put_u16(nlh, AIOT_ATTR_TARGET_BITS, 32);
	talk(nl, nlh, &a);
	ok(a.error == -EINVAL && strstr(a.extack, "NAS"),
	   "command-send without a NAS PDU: EINVAL, \"%s\"", a.extack);

	nlh = req(nl, nl->family, AIOT_CMD_COMMAND_SEND, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 0);
	mnl_attr_put_u16(nlh, AIOT_ATTR_NAS_BITS, 2001);
	talk(nl, nlh, &a);
	ok(a.error == -ERANGE, "command-send with a 2001-bit PDU: ERANGE (got %d)", a.error);

	nlh = req(nl, nl->family, AIOT_CMD_COMMAND_SEND, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 0);
	mnl_attr_put_u8(nlh, AIOT_ATTR_ATTEMPTS, 0);
	talk(nl, nlh, &a);
	ok(a.error == -ERANGE, "command-send with 0 attempts: ERANGE (got %d)", a.error);

	nlh = req(nl, nl->family, AIOT_CMD_COMMAND_SEND, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 4242);
	mnl_attr_put_u8(nlh, AIOT_ATTR_TARGET_TYPE, AIOT_TARGET_PERMANENT_ID);
	mnl_attr_put(nlh, AIOT_ATTR_TARGET, 4, id);
	mnl_attr_put_u16(nlh, AIOT_ATTR_TARGET_BITS, 32);
	mnl_attr_put(nlh, AIOT_ATTR_NAS, 3, nas);
	mnl_attr_put_u16(nlh, AIOT_ATTR_NAS_BITS, 20);
	talk(nl, nlh, &a);
	ok(a.error == -ENODEV, "command-send on a missing reader: ENODEV (got %d)", a.error);

	nlh = req(nl, nl->family, AIOT_CMD_COMMAND_RESULT, 0);
	talk(nl, nlh, &a);
	ok(a.error == -EOPNOTSUPP, "command-result is an event: EOPNOTSUPP (got %d)", a.error);
}

int main(int argc, char **argv)
{
	struct nlmsghdr *nlh;
	struct answer a;
	struct nl nl = { 0 };
	uint8_t big[64] = { 0 };
	int status, g;
	pid_t pid;

	(void)argc;
	(void)argv;
	if (nl_open(&nl)) {
		printf("1..1\nnot ok 1 resolve family %s\n", AIOT_GENL_NAME);
		return 1;
	}
	ok(nl.family >= GENL_MIN_ID, "family %s resolves (id %u)", AIOT_GENL_NAME, nl.family);
	for (g = 0; g < 3; g++)
		ok(nl.groups[g] != 0, "multicast group %d is registered", g);
	for (g = 0; g < 3; g++)
		ok(mnl_socket_setsockopt(nl.sk, NETLINK_ADD_MEMBERSHIP, &nl.groups[g],
					 sizeof(nl.groups[g])) == 0,
		   "joins multicast group %d", g);

	nlh = req(&nl, nl.family, AIOT_CMD_GET_INFO, 0);
	talk(&nl, nlh, &a);
	ok(a.error == 0 && a.replies == 1 && a.version[0] &&
	   a.u32[AIOT_ATTR_API_VERSION] == AIOT_GENL_VERSION,
	   "get-info: version %s, api %u", a.version, a.u32[AIOT_ATTR_API_VERSION]);

	nlh = req(&nl, nl.family, AIOT_CMD_GET_INFO, 0);
	mnl_attr_put_strz(nlh, AIOT_ATTR_VERSION, "9.9");
	talk(&nl, nlh, &a);
	ok(a.error == -EINVAL && a.extack[0], "get-info with an output-only attribute: EINVAL, \"%s\"",
	   a.extack);

	nlh = req(&nl, nl.family, AIOT_CMD_GET_READER, NLM_F_DUMP);
	talk(&nl, nlh, &a);
	ok(a.error == 0 && a.replies == 0, "get-reader dump with no reader: empty (%d)", a.replies);

	nlh = req(&nl, nl.family, AIOT_CMD_GET_READER, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 4242);
	talk(&nl, nlh, &a);
	ok(a.error == -ENODEV && strstr(a.extack, "no reader"),
	   "get-reader of a missing reader: ENODEV, \"%s\"", a.extack);

	nlh = req(&nl, nl.family, AIOT_CMD_GET_READER, 0);
	talk(&nl, nlh, &a);
	ok(a.error == -EINVAL && a.extack[0], "get-reader without an index: EINVAL, \"%s\"",
	   a.extack);

	nlh = req(&nl, nl.family, AIOT_CMD_GET_READER, 0);
	mnl_attr_put_u16(nlh, AIOT_ATTR_READER_INDEX, 1);
	talk(&nl, nlh, &a);
	ok(a.error == -EINVAL, "get-reader with a 16-bit index: EINVAL (got %d)", a.error);

	nlh = req(&nl, nl.family, AIOT_CMD_SET_READER, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 4242);
	mnl_attr_put_u32(nlh, AIOT_ATTR_R2D_RATE, 0);
	talk(&nl, nlh, &a);
	ok(a.error == -ERANGE && a.extack[0], "set-reader with rate 0: ERANGE, \"%s\"", a.extack);

	nlh = req(&nl, nl.family, AIOT_CMD_SET_READER, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 4242);
	mnl_attr_put_u32(nlh, AIOT_ATTR_TX_POWER, 100);
	talk(&nl, nlh, &a);
	ok(a.error == -ENODEV, "set-reader of a missing reader: ENODEV (got %d)", a.error);

	nlh = req(&nl, nl.family, AIOT_CMD_INVENTORY_START, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 0);
	mnl_attr_put_u8(nlh, AIOT_ATTR_ALGO, 9);
	talk(&nl, nlh, &a);
	ok(a.error == -ERANGE && a.extack[0], "inventory-start with algorithm 9: ERANGE, \"%s\"",
	   a.extack);

	nlh = req(&nl, nl.family, AIOT_CMD_INVENTORY_START, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 0);
	mnl_attr_put(nlh, AIOT_ATTR_RAND, 33, big);
	talk(&nl, nlh, &a);
	ok(a.error == -ERANGE || a.error == -EINVAL,
	   "inventory-start with a 33-octet RAND_n refused (got %d)", a.error);

	nlh = req(&nl, nl.family, AIOT_CMD_INVENTORY_START, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 0);
	mnl_attr_put_u8(nlh, AIOT_ATTR_TARGET_TYPE, AIOT_TARGET_FILTER);
	talk(&nl, nlh, &a);
	ok(a.error == -EINVAL && strstr(a.extack, "target"),
	   "inventory-start of a filter without one: EINVAL, \"%s\"", a.extack);

	nlh = req(&nl, nl.family, AIOT_CMD_INVENTORY_START, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 0);
	mnl_attr_put_u8(nlh, AIOT_ATTR_TARGET_TYPE, AIOT_TARGET_FILTER);
	mnl_attr_put(nlh, AIOT_ATTR_TARGET, 2, big);
	mnl_attr_put_u16(nlh, AIOT_ATTR_TARGET_BITS, 24);
	talk(&nl, nlh, &a);
	ok(a.error == -EINVAL && strstr(a.extack, "length"),
	   "inventory-start with a target shorter than its bits: EINVAL, \"%s\"", a.extack);

	nlh = req(&nl, nl.family, AIOT_CMD_INVENTORY_START, 0);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 4242);
	talk(&nl, nlh, &a);
	ok(a.error == -ENODEV, "inventory-start on a missing reader: ENODEV (got %d)", a.error);

	nlh = req(&nl, nl.family, AIOT_CMD_INVENTORY_STOP, 0);
	talk(&nl, nlh, &a);
	ok(a.error == -EINVAL, "inventory-stop without a reader: EINVAL (got %d)", a.error);

	nlh = req(&nl, nl.family, AIOT_CMD_GET_DEVICE, NLM_F_DUMP);
	talk(&nl, nlh, &a);
	ok(a.error == -EINVAL && a.extack[0], "get-device dump without a reader: EINVAL, \"%s\"",
	   a.extack);

	nlh = req(&nl, nl.family, AIOT_CMD_GET_DEVICE, NLM_F_DUMP);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, 4242);
	talk(&nl, nlh, &a);
	ok(a.error == -ENODEV, "get-device dump of a missing reader: ENODEV (got %d)", a.error);

	nlh = req(&nl, nl.family, AIOT_CMD_INVENTORY_REPORT, 0);
	talk(&nl, nlh, &a);
	ok(a.error == -EOPNOTSUPP, "an event is not a command: EOPNOTSUPP (got %d)", a.error);

	command_send_errors(&nl);
	sec_ctx_errors(&nl);

	nlh = req(&nl, nl.family, AIOT_CMD_MAX + 1, 0);
	talk(&nl, nlh, &a);
	ok(a.error == -EOPNOTSUPP, "unknown command: EOPNOTSUPP (got %d)", a.error);

	/* the same socket, after dropping root: the admin commands are refused */
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		int before = n_fail;

		if (setresgid(65534, 65534, 65534) || setresuid(65534, 65534, 65534)) {
			printf("not ok %d drop privileges\n", ++n_test);
			_exit(1);
		}
		unprivileged(&nl);
		_exit(n_fail != before);
	}
	waitpid(pid, &status, 0);
	n_test += N_UNPRIVILEGED;	/* the child's */
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, "unprivileged checks ran (%d)", status);

	mnl_socket_close(nl.sk);
	printf("1..%d\n", n_test);
	return n_fail ? 1 : 0;
}
