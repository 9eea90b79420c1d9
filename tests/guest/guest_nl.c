// SPDX-License-Identifier: GPL-2.0
/* The guest test programs' netlink plumbing and TAP output: guest_nl.h. */
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <linux/genetlink.h>
#include <linux/aiot.h>
#include <linux/aiot_hwsim.h>

#include "guest_nl.h"

#ifndef NETLINK_EXT_ACK
#define NETLINK_EXT_ACK 11
#endif

int n_test;
int n_fail;

void ok(bool cond, const char *fmt, ...)
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

char buf[1 << 16];

static int attr_cb(const struct nlattr *a, void *data)
{
	struct answer *ans = data;

	/* both families number the reader index and the job id this way */
	if (mnl_attr_get_type(a) == AIOT_HWSIM_ATTR_READER_INDEX &&
	    mnl_attr_get_payload_len(a) == 4)
		ans->reader = mnl_attr_get_u32(a);
	if (mnl_attr_get_type(a) == AIOT_ATTR_JOB_ID && mnl_attr_get_payload_len(a) == 4)
		ans->job = mnl_attr_get_u32(a);
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

static int done_cb(const struct nlmsghdr *nlh, void *data)
{
	struct answer *ans = data;

	if (mnl_nlmsg_get_payload_len(nlh) >= sizeof(int))
		ans->error = *(int *)mnl_nlmsg_get_payload(nlh);
	if (nlh->nlmsg_flags & NLM_F_ACK_TLVS)
		mnl_attr_parse(nlh, sizeof(int), extack_cb, ans);
	return MNL_CB_STOP;
}

mnl_cb_t ctl_cbs[NLMSG_MIN_TYPE] = {
	[NLMSG_ERROR] = error_cb,
	[NLMSG_DONE] = done_cb,
};

struct nlmsghdr *req(struct nl *nl, uint16_t type, uint8_t cmd, uint16_t flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genlmsghdr *g;

	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags | (flags & NLM_F_DUMP ? 0 : NLM_F_ACK);
	nlh->nlmsg_seq = ++nl->seq;
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->cmd = cmd;
	g->version = 1;
	return nlh;
}

void talk(struct nl *nl, struct nlmsghdr *nlh, struct answer *ans)
{
	unsigned int portid = mnl_socket_get_portid(nl->sk);
	int n;

	memset(ans, 0, sizeof(*ans));
	ans->reader = ~0U;
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

static int family_cb(const struct nlattr *a, void *data)
{
	struct family_info *fi = data;
	const struct nlattr *g, *f;

	if (mnl_attr_get_type(a) == CTRL_ATTR_FAMILY_ID)
		fi->id = mnl_attr_get_u16(a);
	if (mnl_attr_get_type(a) != CTRL_ATTR_MCAST_GROUPS)
		return MNL_CB_OK;
	mnl_attr_for_each_nested(g, a) {
		const char *name = NULL;
		uint32_t id = 0;

		mnl_attr_for_each_nested(f, g) {
			if (mnl_attr_get_type(f) == CTRL_ATTR_MCAST_GRP_NAME)
				name = mnl_attr_get_str(f);
			else if (mnl_attr_get_type(f) == CTRL_ATTR_MCAST_GRP_ID)
				id = mnl_attr_get_u32(f);
		}
		if (name && !strcmp(name, AIOT_MCGRP_INVENTORY))
			fi->inventory = id;
		if (name && !strcmp(name, AIOT_MCGRP_COMMAND))
			fi->command = id;
	}
	return MNL_CB_OK;
}

static int ctrl_cb(const struct nlmsghdr *nlh, void *data)
{
	mnl_attr_parse(nlh, sizeof(struct genlmsghdr), family_cb, data);
	return MNL_CB_OK;
}

int resolve(struct nl *nl, const char *name, struct family_info *fi)
{
	struct nlmsghdr *nlh;
	int n;

	memset(fi, 0, sizeof(*fi));
	nlh = req(nl, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 0);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, name);
	if (mnl_socket_sendto(nl->sk, nlh, nlh->nlmsg_len) < 0)
		return -1;
	do {
		n = mnl_socket_recvfrom(nl->sk, buf, sizeof(buf));
		if (n < 0)
			return -1;
		n = mnl_cb_run(buf, n, nl->seq, mnl_socket_get_portid(nl->sk), ctrl_cb, fi);
	} while (n > MNL_CB_STOP);
	return fi->id ? 0 : -1;
}

int nl_open(struct nl *nl)
{
	int one = 1;

	nl->seq = 0;
	nl->sk = mnl_socket_open(NETLINK_GENERIC);
	if (!nl->sk || mnl_socket_bind(nl->sk, 0, MNL_SOCKET_AUTOPID) < 0)
		return -1;
	mnl_socket_setsockopt(nl->sk, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(nl->sk, NETLINK_CAP_ACK, &one, sizeof(one));
	return 0;
}

void nl_close(struct nl *nl)
{
	mnl_socket_close(nl->sk);
	nl->sk = NULL;
}

static int job_attr(const struct nlattr *a, void *data)
{
	if (mnl_attr_get_type(a) == AIOT_ATTR_JOB_ID && mnl_attr_get_payload_len(a) == 4)
		*(uint32_t *)data = mnl_attr_get_u32(a);
	return MNL_CB_OK;
}

uint32_t event_job(const struct nlmsghdr *nlh)
{
	uint32_t job = 0;

	mnl_attr_parse(nlh, sizeof(struct genlmsghdr), job_attr, &job);
	return job;
}

int wait_events(struct nl *l, mnl_cb_t cb, void *data, const bool *done, int timeout_s)
{
	struct pollfd p = { .fd = mnl_socket_get_fd(l->sk), .events = POLLIN };
	time_t end = time(NULL) + timeout_s;
	int n;

	while (!*done) {
		if (time(NULL) > end)
			return -ETIMEDOUT;
		if (poll(&p, 1, 1000) <= 0)
			continue;
		n = mnl_socket_recvfrom(l->sk, buf, sizeof(buf));
		if (n < 0)
			return -errno;
		mnl_cb_run(buf, n, 0, 0, cb, data);
	}
	return 0;
}

static int cmd_attr(const struct nlattr *a, void *data)
{
	struct cmd_result *r = data;

	switch (mnl_attr_get_type(a)) {
	case AIOT_ATTR_CMD_OUTCOME:
		r->outcome = mnl_attr_get_u8(a);
		break;
	case AIOT_ATTR_CMD_CAUSE:
		r->cause = mnl_attr_get_u8(a);
		break;
	case AIOT_ATTR_ATTEMPTS:
		r->attempts = mnl_attr_get_u8(a);
		break;
	case AIOT_ATTR_NAS:
		r->nas_len = mnl_attr_get_payload_len(a);
		if (r->nas_len > sizeof(r->nas))
			r->nas_len = 0;
		memcpy(r->nas, mnl_attr_get_payload(a), r->nas_len);
		break;
	}
	return MNL_CB_OK;
}

static int cmd_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct genlmsghdr *g = mnl_nlmsg_get_payload(nlh);
	struct cmd_result *r = data;

	if (nlh->nlmsg_type != r->fam || g->cmd != AIOT_CMD_COMMAND_RESULT ||
	    event_job(nlh) != r->job)
		return MNL_CB_OK;
	mnl_attr_parse(nlh, sizeof(*g), cmd_attr, r);
	r->done = true;
	return MNL_CB_OK;
}

int command_relay(struct nl *ctl, struct nl *l, uint16_t fam, uint32_t reader, uint8_t type,
		  const uint8_t *idf, unsigned int bits, const uint8_t *rand,
		  const uint8_t *nas, unsigned int len, struct cmd_result *r)
{
	struct nlmsghdr *nlh = req(ctl, fam, AIOT_CMD_COMMAND_SEND, 0);
	struct answer a;

	memset(r, 0, sizeof(*r));
	r->fam = fam;
	r->cause = -1;
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, reader);
	mnl_attr_put_u8(nlh, AIOT_ATTR_TARGET_TYPE, type);
	mnl_attr_put(nlh, AIOT_ATTR_TARGET, (bits + 7) / 8, idf);
	mnl_attr_put_u16(nlh, AIOT_ATTR_TARGET_BITS, bits);
	if (rand)
		mnl_attr_put(nlh, AIOT_ATTR_RAND, 8, rand);
	mnl_attr_put_u8(nlh, AIOT_ATTR_AS_ID, 42);
	mnl_attr_put(nlh, AIOT_ATTR_NAS, len, nas);
	mnl_attr_put_u16(nlh, AIOT_ATTR_NAS_BITS, len * 8);
	talk(ctl, nlh, &a);
	if (a.error)
		return a.error;
	r->job = a.job;
	return wait_events(l, cmd_cb, r, &r->done, 30);
}

int hwsim_debugfs_write(uint32_t reader, const char *name, const char *val)
{
	char path[128];
	FILE *f;
	int err = 0;

	snprintf(path, sizeof(path), "/sys/kernel/debug/aiot_hwsim/aiot%u/%s", reader, name);
	f = fopen(path, "w");
	if (!f)
		return -errno;
	if (fputs(val, f) < 0)
		err = -EIO;
	if (fclose(f))
		err = -errno;
	return err;
}
