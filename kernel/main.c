// SPDX-License-Identifier: GPL-2.0
/*
 * aiot: Ambient IoT (3GPP Rel-19 A-IoT) reader subsystem.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>

#include "aiot_core.h"
#include "inventory.h"
#include "sec.h"

static int __init aiot_init(void)
{
	int err;

	err = aiot_sec_init();
	if (err)
		return err;
	err = aiot_reader_init();
	if (err)
		goto err_sec;
	err = aiot_inv_init();
	if (err)
		goto err_class;
	err = aiot_netlink_init();
	if (err)
		goto err_inv;
	pr_info("A-IoT reader subsystem %s\n", AIOT_MODULE_VERSION);
	return 0;

err_inv:
	aiot_inv_exit();
err_class:
	aiot_reader_exit();
err_sec:
	aiot_sec_exit();
	return err;
}

static void __exit aiot_exit(void)
{
	aiot_netlink_exit();
	aiot_inv_exit();
	aiot_reader_exit();
	aiot_sec_exit();
}

module_init(aiot_init);
module_exit(aiot_exit);

MODULE_DESCRIPTION("Ambient IoT (3GPP A-IoT) reader subsystem");
MODULE_LICENSE("GPL");
MODULE_VERSION(AIOT_MODULE_VERSION);
/* the security engine allocates these by name, see kernel/sec.c */
MODULE_SOFTDEP("pre: cmac ctr hmac sha256");
