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

#include "aiot_nl.h"

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
