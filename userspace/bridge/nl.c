// SPDX-License-Identifier: GPL-2.0
/*
 * The bridge's side of the kernel's "aiot" generic netlink family, on
 * libmnl: one socket for requests (it owns the jobs it starts, so jobs stop
 * when the bridge dies) and one subscribed to the "inventory" and
 * "command" event groups.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/aiot.h>

#include "bridge.h"

#ifndef NETLINK_EXT_ACK
#define NETLINK_EXT_ACK 11
#endif

#define EVENT_RCVBUF	(32 << 20)

static struct mnl_socket *ctl, *ev;
static uint16_t family;
static uint32_t grp_inventory, grp_command;
static unsigned int seq;
static uint8_t buf[1 << 16];

static int group_cb(const struct nlattr *a, void *data)
{
	struct nlattr *tb[CTRL_ATTR_MCAST_GRP_MAX + 1] = { NULL };
	const struct nlattr *x;
	const char *name;
	uint32_t id;

	(void)data;
	mnl_attr_for_each_nested(x, a) {
		int t = mnl_attr_get_type(x);

		if (t <= CTRL_ATTR_MCAST_GRP_MAX)
			tb[t] = (struct nlattr *)x;
	}
	if (!tb[CTRL_ATTR_MCAST_GRP_NAME] || !tb[CTRL_ATTR_MCAST_GRP_ID])
		return MNL_CB_OK;
	name = mnl_attr_get_str(tb[CTRL_ATTR_MCAST_GRP_NAME]);
	id = mnl_attr_get_u32(tb[CTRL_ATTR_MCAST_GRP_ID]);
	if (!strcmp(name, AIOT_MCGRP_INVENTORY))
		grp_inventory = id;
	else if (!strcmp(name, AIOT_MCGRP_COMMAND))
		grp_command = id;
	return MNL_CB_OK;
}

static int family_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nlattr *a;

	(void)data;
	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr)) {
		if (mnl_attr_get_type(a) == CTRL_ATTR_FAMILY_ID)
			family = mnl_attr_get_u16(a);
		else if (mnl_attr_get_type(a) == CTRL_ATTR_MCAST_GROUPS)
			mnl_attr_for_each_nested(a, a)
				group_cb(a, NULL);
	}
	return MNL_CB_OK;
}

static struct nlmsghdr *put_hdr(uint16_t type, uint16_t flags, uint8_t cmd)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genlmsghdr *g;

	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	nlh->nlmsg_seq = ++seq;
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->cmd = cmd;
	g->version = type == GENL_ID_CTRL ? 1 : AIOT_GENL_VERSION;
	return nlh;
}

/* One request's callbacks: libmnl hands the same data to both kinds. */
struct talk_ctx {
	mnl_cb_t cb;
	void *arg;
	struct nl_error *e;
};

static int data_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct talk_ctx *t = data;

	return t->cb ? t->cb(nlh, t->arg) : MNL_CB_OK;
}

/* The error of an NLMSG_ERROR, with the kernel's extack message. */
static int error_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);
	struct nl_error *ne = ((const struct talk_ctx *)data)->e;
	struct nlattr *a;
	unsigned int off;

	if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(*e)))
		return MNL_CB_ERROR;
	if (ne && e->error) {
		ne->err = e->error;
		off = sizeof(*e);
		if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
			off += e->msg.nlmsg_len - sizeof(e->msg);
		if (nlh->nlmsg_flags & NLM_F_ACK_TLVS)
			mnl_attr_for_each(a, nlh, off)
				if (mnl_attr_get_type(a) == NLMSGERR_ATTR_MSG)
					snprintf(ne->msg, sizeof(ne->msg), "%s",
						 mnl_attr_get_str(a));
	}
	if (e->error) {
		errno = -e->error;
		return MNL_CB_ERROR;
	}
	return MNL_CB_STOP;
}

/* Send on the request socket and run the answer until the ack. */
static int talk(struct nlmsghdr *nlh, mnl_cb_t cb, void *arg, struct nl_error *e)
{
	mnl_cb_t ctl_cb[NLMSG_MIN_TYPE] = { [NLMSG_ERROR] = error_cb };
	struct nl_error local = { 0 };
	uint32_t port = mnl_socket_get_portid(ctl);
	unsigned int s = nlh->nlmsg_seq;
	struct talk_ctx t;
	int rc;

	if (!e)
		e = &local;
	t = (struct talk_ctx){ .cb = cb, .arg = arg, .e = e };
	e->err = 0;
	e->msg[0] = 0;
	nlh->nlmsg_flags |= NLM_F_ACK;
	if (mnl_socket_sendto(ctl, nlh, nlh->nlmsg_len) < 0) {
		e->err = -errno;
		return e->err;
	}
	/* the request may carry keys: it is not needed any more */
	explicit_bzero(buf, nlh->nlmsg_len);
	do {
		rc = mnl_socket_recvfrom(ctl, buf, sizeof(buf));
		if (rc < 0)
			break;
		rc = mnl_cb_run2(buf, rc, s, port, data_cb, &t, ctl_cb, NLMSG_MIN_TYPE);
	} while (rc > 0);
	if (rc < 0 && !e->err)
		e->err = -errno;
	return rc < 0 ? e->err : 0;
}

int nl_open(char *err, size_t errlen)
{
	struct nlmsghdr *nlh;
	int one = 1, size = EVENT_RCVBUF;
	struct nl_error e;

	ctl = mnl_socket_open2(NETLINK_GENERIC, SOCK_CLOEXEC);
	ev = mnl_socket_open2(NETLINK_GENERIC, SOCK_CLOEXEC | SOCK_NONBLOCK);
	if (!ctl || !ev || mnl_socket_bind(ctl, 0, MNL_SOCKET_AUTOPID) < 0 ||
	    mnl_socket_bind(ev, 0, MNL_SOCKET_AUTOPID) < 0) {
		snprintf(err, errlen, "cannot open a generic netlink socket: %s", strerror(errno));
		return -1;
	}
	mnl_socket_setsockopt(ctl, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(ctl, NETLINK_CAP_ACK, &one, sizeof(one));
	nlh = put_hdr(GENL_ID_CTRL, 0, CTRL_CMD_GETFAMILY);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, AIOT_GENL_NAME);
	if (talk(nlh, family_cb, NULL, &e) || !family) {
		snprintf(err, errlen, "%s",
			 e.err == -ENOENT ?
			 "the kernel has no \"aiot\" family: load the module (modprobe aiot) "
			 "or build it for this kernel" :
			 "cannot ask the kernel for the \"aiot\" family");
		return -1;
	}
	if (!grp_inventory || !grp_command) {
		snprintf(err, errlen, "the \"aiot\" family lacks its event groups: "
			 "the module is older than this bridge");
		return -1;
	}
	/* a large receive buffer: an inventory can report thousands per second */
	if (setsockopt(mnl_socket_get_fd(ev), SOL_SOCKET, SO_RCVBUFFORCE, &size,
		       sizeof(size)) < 0)
		setsockopt(mnl_socket_get_fd(ev), SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
	if (mnl_socket_setsockopt(ev, NETLINK_ADD_MEMBERSHIP, &grp_inventory,
				  sizeof(grp_inventory)) < 0 ||
	    mnl_socket_setsockopt(ev, NETLINK_ADD_MEMBERSHIP, &grp_command,
				  sizeof(grp_command)) < 0) {
		snprintf(err, errlen, "cannot join the \"aiot\" event groups: %s",
			 strerror(errno));
		return -1;
	}
	return 0;
}

void nl_close(void)
{
	if (ctl)
		mnl_socket_close(ctl);
	if (ev)
		mnl_socket_close(ev);
	ctl = ev = NULL;
}

int nl_event_fd(void)
{
	return mnl_socket_get_fd(ev);
}

static void put_target(struct nlmsghdr *nlh, const struct aiot_ap_msg *m, uint8_t def)
{
	if (!AIOT_AP_HAS(m, AIOT_AP_IE_TARGET)) {
		mnl_attr_put_u8(nlh, AIOT_ATTR_TARGET_TYPE, AIOT_TARGET_ALL);
		return;
	}
	mnl_attr_put_u8(nlh, AIOT_ATTR_TARGET_TYPE,
			AIOT_AP_HAS(m, AIOT_AP_IE_TARGET_TYPE) ? m->target_type : def);
	mnl_attr_put(nlh, AIOT_ATTR_TARGET, m->target_len, m->target);
	mnl_attr_put_u16(nlh, AIOT_ATTR_TARGET_BITS, m->target_bits);
}

static int job_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nlattr *a;

	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr))
		if (mnl_attr_get_type(a) == AIOT_ATTR_JOB_ID)
			*(uint32_t *)data = mnl_attr_get_u32(a);
	return MNL_CB_OK;
}

int nl_start_inventory(const struct aiot_ap_msg *m, unsigned int batch, uint32_t *job,
		       struct nl_error *e)
{
	struct nlmsghdr *nlh = put_hdr(family, 0, AIOT_CMD_INVENTORY_START);

	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, m->reader);
	/* the paging's container: RAND_n, or a study profile's NAS (the decoder: one) */
	if (AIOT_AP_HAS(m, AIOT_AP_IE_RAND_N))
		mnl_attr_put(nlh, AIOT_ATTR_RAND, 8, m->rand_n);
	else
		mnl_attr_put(nlh, AIOT_ATTR_NAS, m->nas_len, m->nas);
	put_target(nlh, m, AIOT_TARGET_FILTER);
	if (AIOT_AP_HAS(m, AIOT_AP_IE_MAX_DEVICES))
		mnl_attr_put_u32(nlh, AIOT_ATTR_MAX_DEVICES, m->max_devices);
	if (AIOT_AP_HAS(m, AIOT_AP_IE_MAX_TIME_MS))
		mnl_attr_put_u32(nlh, AIOT_ATTR_MAX_TIME_MS, m->max_time_ms);
	mnl_attr_put_u32(nlh, AIOT_ATTR_REPORT_BATCH, batch);
	*job = 0;
	return talk(nlh, job_cb, job, e);
}

int nl_send_command(const struct aiot_ap_msg *m, uint32_t *job, struct nl_error *e)
{
	struct nlmsghdr *nlh;
	int rc;

	if (AIOT_AP_HAS(m, AIOT_AP_IE_K_AIOTF)) {
		nlh = put_hdr(family, 0, AIOT_CMD_SEC_CTX_SET);
		mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, m->reader);
		put_target(nlh, m, AIOT_TARGET_PERMANENT_ID);
		mnl_attr_put(nlh, AIOT_ATTR_K_AIOTF, 32, m->k_aiotf);
		rc = talk(nlh, NULL, NULL, e);
		if (rc)
			return rc;
	}
	nlh = put_hdr(family, 0, AIOT_CMD_COMMAND_SEND);
	mnl_attr_put_u32(nlh, AIOT_ATTR_READER_INDEX, m->reader);
	put_target(nlh, m, AIOT_TARGET_PERMANENT_ID);
	mnl_attr_put(nlh, AIOT_ATTR_NAS, m->nas_len, m->nas);
	mnl_attr_put_u16(nlh, AIOT_ATTR_NAS_BITS, m->nas_len * 8);
	if (AIOT_AP_HAS(m, AIOT_AP_IE_ATTEMPTS))
		mnl_attr_put_u8(nlh, AIOT_ATTR_ATTEMPTS, m->attempts);
	/* the contention-free paging's RAND: solution-9's NN' */
	if (AIOT_AP_HAS(m, AIOT_AP_IE_RAND_N))
		mnl_attr_put(nlh, AIOT_ATTR_RAND, 8, m->rand_n);
	*job = 0;
	return talk(nlh, job_cb, job, e);
}

/* ---- events ---------------------------------------------------------------- */

static void device(uint32_t reader, uint32_t job, const struct nlattr *nest)
{
	const struct nlattr *a, *nas = NULL;
	int32_t rssi = 0;
	uint32_t dseq = 0;
	bool has_rssi = false;

	mnl_attr_for_each_nested(a, nest) {
		switch (mnl_attr_get_type(a)) {
		case AIOT_DEV_NAS:
			nas = a;
			break;
		case AIOT_DEV_RSSI:
			rssi = (int32_t)mnl_attr_get_u32(a);
			has_rssi = true;
			break;
		case AIOT_DEV_SEQ:
			dseq = mnl_attr_get_u32(a);
			break;
		}
	}
	if (!nas || !mnl_attr_get_payload_len(nas) || mnl_attr_get_payload_len(nas) > 250) {
		log_warn("reader %u job %u: a device report without a usable NAS PDU", reader, job);
		return;
	}
	bridge_inventory_report(reader, job, mnl_attr_get_payload(nas),
				mnl_attr_get_payload_len(nas), rssi, dseq, has_rssi);
}

static int event_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct genlmsghdr *g = mnl_nlmsg_get_payload(nlh);
	uint64_t slots = 0, coll = 0, air = 0;
	struct aiot_ap_msg r = { 0 };
	uint32_t reader = 0, job = 0;
	uint8_t end = AIOT_INV_END_FAILED;
	struct nlattr *a, *x;

	(void)data;
	if (nlh->nlmsg_type != family)
		return MNL_CB_OK;
	mnl_attr_for_each(a, nlh, sizeof(*g)) {
		switch (mnl_attr_get_type(a)) {
		case AIOT_ATTR_READER_INDEX:
			reader = mnl_attr_get_u32(a);
			break;
		case AIOT_ATTR_JOB_ID:
			job = mnl_attr_get_u32(a);
			break;
		}
	}
	switch (g->cmd) {
	case AIOT_CMD_INVENTORY_REPORT:
		mnl_attr_for_each(a, nlh, sizeof(*g))
			if (mnl_attr_get_type(a) == AIOT_ATTR_DEVICE)
				device(reader, job, a);
		break;
	case AIOT_CMD_INVENTORY_DONE:
		mnl_attr_for_each(a, nlh, sizeof(*g)) {
			if (mnl_attr_get_type(a) == AIOT_ATTR_INV_END)
				end = mnl_attr_get_u8(a);
			if (mnl_attr_get_type(a) != AIOT_ATTR_INV_STATS)
				continue;
			mnl_attr_for_each_nested(x, a) {
				if (mnl_attr_get_type(x) == AIOT_INV_STATS_SLOTS)
					slots = mnl_attr_get_u64(x);
				else if (mnl_attr_get_type(x) == AIOT_INV_STATS_COLLISIONS)
					coll = mnl_attr_get_u64(x);
				else if (mnl_attr_get_type(x) == AIOT_INV_STATS_AIR_US)
					air = mnl_attr_get_u64(x);
			}
		}
		bridge_inventory_done(reader, job, end, slots, coll, air);
		break;
	case AIOT_CMD_COMMAND_RESULT:
		mnl_attr_for_each(a, nlh, sizeof(*g)) {
			switch (mnl_attr_get_type(a)) {
			case AIOT_ATTR_CMD_OUTCOME:
				r.outcome = mnl_attr_get_u8(a);
				r.present |= 1ULL << AIOT_AP_IE_OUTCOME;
				break;
			case AIOT_ATTR_CMD_CAUSE:
				r.as_cause = mnl_attr_get_u8(a);
				r.present |= 1ULL << AIOT_AP_IE_AS_CAUSE;
				break;
			case AIOT_ATTR_CMD_SEC:
				r.sec = mnl_attr_get_u8(a);
				r.present |= 1ULL << AIOT_AP_IE_SEC;
				break;
			case AIOT_ATTR_CMD_ERROR:
				r.err_no = -(int32_t)mnl_attr_get_u32(a);
				r.present |= 1ULL << AIOT_AP_IE_ERRNO;
				break;
			case AIOT_ATTR_ATTEMPTS:
				r.attempts = mnl_attr_get_u8(a);
				r.present |= 1ULL << AIOT_AP_IE_ATTEMPTS;
				break;
			case AIOT_ATTR_NAS:
				r.nas = mnl_attr_get_payload(a);
				r.nas_len = mnl_attr_get_payload_len(a);
				if (r.nas_len && r.nas_len <= 250)
					r.present |= 1ULL << AIOT_AP_IE_NAS;
				break;
			}
		}
		if (AIOT_AP_HAS(&r, AIOT_AP_IE_OUTCOME))
			bridge_command_result(reader, job, &r);
		break;
	}
	return MNL_CB_OK;
}

int nl_read_events(void)
{
	static uint8_t rbuf[1 << 17];
	bool lost = false;
	int n;

	for (;;) {
		n = mnl_socket_recvfrom(ev, rbuf, sizeof(rbuf));
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ENOBUFS) {
				lost = true;
				continue;
			}
			break;
		}
		mnl_cb_run(rbuf, n, 0, 0, event_cb, NULL);
	}
	return lost ? -ENOBUFS : 0;
}
