/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * aiot: generic netlink interface of the Ambient IoT (3GPP Rel-19 A-IoT)
 * reader subsystem.
 *
 * Documentation/netlink/specs/aiot.yaml describes exactly this header.
 */
#ifndef _UAPI_LINUX_AIOT_H
#define _UAPI_LINUX_AIOT_H

#define AIOT_GENL_NAME		"aiot"
#define AIOT_GENL_VERSION	1

/**
 * enum aiot_cmd - commands of the aiot family
 * @AIOT_CMD_UNSPEC: unused
 * @AIOT_CMD_GET_INFO: subsystem information (module version, API version)
 */
enum aiot_cmd {
	AIOT_CMD_UNSPEC,
	AIOT_CMD_GET_INFO,

	/* add new commands above here */
	__AIOT_CMD_MAX,
	AIOT_CMD_MAX = __AIOT_CMD_MAX - 1
};

/**
 * enum aiot_attr - attributes of the aiot family
 * @AIOT_ATTR_UNSPEC: unused
 * @AIOT_ATTR_PAD: padding for 64-bit attributes
 * @AIOT_ATTR_VERSION: module version (NUL-terminated string)
 * @AIOT_ATTR_API_VERSION: netlink API version (u32), AIOT_GENL_VERSION
 */
enum aiot_attr {
	AIOT_ATTR_UNSPEC,
	AIOT_ATTR_PAD,
	AIOT_ATTR_VERSION,
	AIOT_ATTR_API_VERSION,

	/* add new attributes above here */
	__AIOT_ATTR_MAX,
	AIOT_ATTR_MAX = __AIOT_ATTR_MAX - 1
};

#endif /* _UAPI_LINUX_AIOT_H */
