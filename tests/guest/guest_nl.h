/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The guest test programs' generic netlink plumbing (libmnl) and TAP
 * output: requests with the kernel's error and extack message, family and
 * multicast group resolution. Shared by aiot-hwsim-test and
 * aiot-attack-test; aiot-nltest keeps its own, independent one.
 */
#ifndef GUEST_NL_H
#define GUEST_NL_H

#include <stdbool.h>
#include <stdint.h>
#include <libmnl/libmnl.h>
#include <linux/netlink.h>

extern int n_test;
extern int n_fail;
extern char buf[1 << 16];	/* requests and answers, one at a time */
extern mnl_cb_t ctl_cbs[NLMSG_MIN_TYPE];

struct nl {
	struct mnl_socket *sk;
	unsigned int seq;
};

/* What came back from one request. */
struct answer {
	int error;
	char extack[256];
	int replies;
	uint32_t reader;
	uint32_t job;
};

struct family_info {
	uint16_t id;
	uint32_t inventory;
	uint32_t command;
};

/* TAP: one "ok N ..." or "not ok N ..." line. */
void ok(bool cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A request of @cmd in @buf; acknowledged unless it is a dump. */
struct nlmsghdr *req(struct nl *nl, uint16_t type, uint8_t cmd, uint16_t flags);
/* Send and read until the ack or the end of the dump. */
void talk(struct nl *nl, struct nlmsghdr *nlh, struct answer *ans);
int resolve(struct nl *nl, const char *name, struct family_info *fi);
int nl_open(struct nl *nl);
void nl_close(struct nl *nl);

#endif /* GUEST_NL_H */
