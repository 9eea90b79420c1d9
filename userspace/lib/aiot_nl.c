// SPDX-License-Identifier: GPL-2.0
/*
 * libaiot: opening the aiot generic netlink family from userspace.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <netlink/netlink.h>
#include <netlink/genl/genl.h>
#include <netlink/genl/ctrl.h>

#include <linux/netlink.h>

#include "aiot_nl.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

int aiot_nl_open(struct aiot_nl *nl, const char *name, char *why, size_t len)
{
	struct utsname un;
	int err;

	nl->family = -1;
	nl->sk = nl_socket_alloc();
	if (!nl->sk) {
		snprintf(why, len, "cannot allocate a netlink socket: out of memory");
		return -ENOMEM;
	}
	err = genl_connect(nl->sk);
	if (err < 0) {
		snprintf(why, len, "cannot connect to generic netlink: %s",
			 nl_geterror(err));
		goto fail;
	}
	/* error messages with the kernel's extack text */
	setsockopt(nl_socket_get_fd(nl->sk), SOL_NETLINK, NETLINK_EXT_ACK,
		   &(int){ 1 }, sizeof(int));
	nl->family = genl_ctrl_resolve(nl->sk, name);
	if (nl->family < 0) {
		if (uname(&un))
			strcpy(un.release, "this kernel");
		snprintf(why, len,
			 "the generic netlink family '%s' is not registered: the aiot module is not loaded "
			 "(run 'modprobe aiot' as root) or not built for %s (run 'dkms status aiot')",
			 name, un.release);
		nl_socket_free(nl->sk);
		nl->sk = NULL;
		return AIOT_NL_ENOFAMILY;
	}
	return 0;
fail:
	nl_socket_free(nl->sk);
	nl->sk = NULL;
	return -EIO;
}

void aiot_nl_close(struct aiot_nl *nl)
{
	if (nl->sk)
		nl_socket_free(nl->sk);
	nl->sk = NULL;
}

struct nl_msg *aiot_nl_msg(struct aiot_nl *nl, unsigned char cmd, int flags)
{
	struct nl_msg *msg = nlmsg_alloc();

	if (msg && !genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, nl->family, 0,
				flags, cmd, 1)) {
		nlmsg_free(msg);
		msg = NULL;
	}
	return msg;
}

struct talk {
	int err;
	int done;
	char *why;
	size_t len;
};

/* The extack message in the TLVs after an error or a dump's status. */
static void talk_extack(struct talk *t, const struct nlmsghdr *nlh,
			const void *tlvs, int tlen)
{
	struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];

	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS) || tlen <= 0 ||
	    nla_parse(tb, NLMSGERR_ATTR_MAX, (struct nlattr *)tlvs, tlen, NULL) ||
	    !tb[NLMSGERR_ATTR_MSG])
		return;
	snprintf(t->why, t->len, "%.*s", nla_len(tb[NLMSGERR_ATTR_MSG]),
		 (const char *)nla_data(tb[NLMSGERR_ATTR_MSG]));
	/* the string attribute carries its NUL */
	t->why[strcspn(t->why, "\n")] = 0;
}

static int talk_error(struct sockaddr_nl *nla, struct nlmsgerr *e, void *arg)
{
	const struct nlmsghdr *nlh = (const void *)((const char *)e - NLMSG_HDRLEN);
	struct talk *t = arg;
	int off = sizeof(*e);

	(void)nla;
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		off += e->msg.nlmsg_len - NLMSG_HDRLEN;
	t->err = e->error;
	t->done = 1;
	if (e->error)
		talk_extack(t, nlh, (const char *)e + off,
			    (int)nlh->nlmsg_len - NLMSG_HDRLEN - off);
	return NL_STOP;
}

static int talk_finish(struct nl_msg *msg, void *arg)
{
	const struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct talk *t = arg;
	int err = 0;

	if (nlh->nlmsg_len >= NLMSG_HDRLEN + sizeof(int))
		memcpy(&err, nlmsg_data(nlh), sizeof(int));
	t->err = err;
	t->done = 1;
	if (err)
		talk_extack(t, nlh, (const char *)nlmsg_data(nlh) + sizeof(int),
			    (int)nlh->nlmsg_len - NLMSG_HDRLEN - (int)sizeof(int));
	return NL_STOP;
}

static int talk_ack(struct nl_msg *msg, void *arg)
{
	struct talk *t = arg;

	(void)msg;
	t->done = 1;
	return NL_STOP;
}

int aiot_nl_talk(struct aiot_nl *nl, struct nl_msg *msg,
		 int (*cb)(struct nl_msg *msg, void *arg), void *arg,
		 char *why, size_t len)
{
	struct talk t = { .why = why, .len = len };
	struct nl_cb *c = nl_cb_alloc(NL_CB_DEFAULT);
	int err;

	why[0] = 0;
	if (!c) {
		explicit_bzero(nlmsg_hdr(msg), nlmsg_hdr(msg)->nlmsg_len);
		nlmsg_free(msg);
		snprintf(why, len, "out of memory");
		return -ENOMEM;
	}
	if (cb)
		nl_cb_set(c, NL_CB_VALID, NL_CB_CUSTOM, cb, arg);
	nl_cb_err(c, NL_CB_CUSTOM, talk_error, &t);
	nl_cb_set(c, NL_CB_ACK, NL_CB_CUSTOM, talk_ack, &t);
	nl_cb_set(c, NL_CB_FINISH, NL_CB_CUSTOM, talk_finish, &t);
	err = nl_send_auto(nl->sk, msg);
	/* requests may carry keys: nothing of them stays in freed memory */
	explicit_bzero(nlmsg_hdr(msg), nlmsg_hdr(msg)->nlmsg_len);
	nlmsg_free(msg);
	while (err >= 0 && !t.done)
		err = nl_recvmsgs(nl->sk, c);
	nl_cb_put(c);
	/* after an error message libnl returns that error too: t has it */
	if (err < 0 && !t.done) {
		snprintf(why, len, "netlink: %s", nl_geterror(err));
		return -EIO;
	}
	if (t.err && !why[0])
		snprintf(why, len, "%s", strerror(-t.err));
	return t.err;
}
