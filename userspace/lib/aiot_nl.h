/* SPDX-License-Identifier: GPL-2.0 */
/*
 * libaiot: opening the aiot generic netlink family from userspace.
 */
#ifndef AIOT_NL_H
#define AIOT_NL_H

#include <stddef.h>

struct nl_sock;

struct aiot_nl {
	struct nl_sock *sk;
	int family;		/* generic netlink family id */
};

/* Error returned by aiot_nl_open() when the family is not registered. */
#define AIOT_NL_ENOFAMILY	1

/*
 * Connect to generic netlink and resolve family @name. Returns 0, or
 * AIOT_NL_ENOFAMILY / a negative errno with a sentence for a human in @why.
 */
int aiot_nl_open(struct aiot_nl *nl, const char *name, char *why, size_t len);
void aiot_nl_close(struct aiot_nl *nl);

struct nl_msg;

/* A request of family @nl with @flags (NLM_F_DUMP or 0); NULL on ENOMEM. */
struct nl_msg *aiot_nl_msg(struct aiot_nl *nl, unsigned char cmd, int flags);

/*
 * Send @msg (consumed, and wiped before it is freed: it may hold keys)
 * and receive until the kernel's acknowledgement or
 * the end of a dump; @cb (may be NULL) sees every data message. Returns 0
 * or a negative errno; on error @why holds the kernel's extack message
 * when there is one, else strerror.
 */
int aiot_nl_talk(struct aiot_nl *nl, struct nl_msg *msg,
		 int (*cb)(struct nl_msg *msg, void *arg), void *arg,
		 char *why, size_t len);

#endif
