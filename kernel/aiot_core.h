/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal declarations shared by the files of aiot.ko.
 */
#ifndef _AIOT_CORE_H
#define _AIOT_CORE_H

#include <linux/skbuff.h>

#define AIOT_MODULE_VERSION	"0.1.0"

int aiot_netlink_init(void);
void aiot_netlink_exit(void);

#if IS_ENABLED(CONFIG_KUNIT)
int aiot_nl_fill_info(struct sk_buff *skb, u32 portid, u32 seq, int flags);
#endif

#endif /* _AIOT_CORE_H */
