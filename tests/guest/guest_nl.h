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
#include <aiot/nas_values.h>

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

/* Write @val to aiot_hwsim's debugfs file @name of reader @reader; 0 or -errno. */
int hwsim_debugfs_write(uint32_t reader, const char *name, const char *val);

/* The job id an event of the aiot family names, 0 when none. */
uint32_t event_job(const struct nlmsghdr *nlh);
/*
 * Run @cb over the events read from @l until *@done, for at most
 * @timeout_s seconds: 0, -ETIMEDOUT or -errno.
 */
int wait_events(struct nl *l, mnl_cb_t cb, void *data, const bool *done, int timeout_s);

/* What a command-send got: its command-result event. */
struct cmd_result {
	uint16_t fam;		/* the aiot family */
	uint32_t job;
	bool done;
	int outcome;
	int cause;		/* -1: none */
	int attempts;
	uint8_t nas[AIOT_NAS_MAX_LEN];
	unsigned int nas_len;
};

/*
 * command-send on @ctl of @len octets of NAS to the device the
 * contention-free paging of reader @reader names by @type (enum
 * aiot_target) @idf of @bits bits, with the 8-octet RAND @rand when not
 * NULL; waits on @l (in the command group) for the result in @r.
 */
int command_relay(struct nl *ctl, struct nl *l, uint16_t fam, uint32_t reader, uint8_t type,
		  const uint8_t *idf, unsigned int bits, const uint8_t *rand,
		  const uint8_t *nas, unsigned int len, struct cmd_result *r);

#endif /* GUEST_NL_H */
