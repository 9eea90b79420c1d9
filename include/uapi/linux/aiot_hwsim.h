/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * aiot_hwsim: generic netlink interface of the simulated A-IoT front end
 * (simulated readers, device populations, the medium).
 *
 * Documentation/netlink/specs/aiot_hwsim.yaml describes exactly this header;
 * Documentation/hwsim.rst describes the simulation.
 */
#ifndef _UAPI_LINUX_AIOT_HWSIM_H
#define _UAPI_LINUX_AIOT_HWSIM_H

#define AIOT_HWSIM_GENL_NAME		"aiot_hwsim"
#define AIOT_HWSIM_GENL_VERSION		1

/**
 * enum aiot_hwsim_cmd - commands of the aiot_hwsim family
 * @AIOT_HWSIM_CMD_UNSPEC: unused
 * @AIOT_HWSIM_CMD_NEW_READER: create a simulated reader; the reply carries
 *	its aiot reader index %AIOT_HWSIM_ATTR_READER_INDEX. With
 *	%AIOT_HWSIM_ATTR_DESTROY_ON_CLOSE it is destroyed when the requesting
 *	socket closes (admin)
 * @AIOT_HWSIM_CMD_DEL_READER: destroy simulated reader
 *	%AIOT_HWSIM_ATTR_READER_INDEX (admin)
 * @AIOT_HWSIM_CMD_GET_READER: one simulated reader or a dump of all: its
 *	device count, medium settings and counters
 * @AIOT_HWSIM_CMD_ADD_DEVICES: add %AIOT_HWSIM_ATTR_COUNT devices with
 *	identities from %AIOT_HWSIM_ATTR_ID (%AIOT_HWSIM_ATTR_ID_BITS long)
 *	by %AIOT_HWSIM_ATTR_ID_SCHEME, keys from %AIOT_HWSIM_ATTR_KEY_SEED
 *	(admin)
 * @AIOT_HWSIM_CMD_CLEAR_DEVICES: remove every device of a reader (admin)
 * @AIOT_HWSIM_CMD_SET_DEVICE: override the key, user memory, policy or
 *	energy of device %AIOT_HWSIM_ATTR_ID (admin)
 * @AIOT_HWSIM_CMD_SET_MEDIUM: bit error rate, capture effect, pacing, the
 *	random seed of a reader's medium (admin)
 * @AIOT_HWSIM_CMD_GET_DEVICE: dump the devices of a reader
 */
enum aiot_hwsim_cmd {
	AIOT_HWSIM_CMD_UNSPEC,
	AIOT_HWSIM_CMD_NEW_READER,
	AIOT_HWSIM_CMD_DEL_READER,
	AIOT_HWSIM_CMD_GET_READER,
	AIOT_HWSIM_CMD_ADD_DEVICES,
	AIOT_HWSIM_CMD_CLEAR_DEVICES,
	AIOT_HWSIM_CMD_SET_DEVICE,
	AIOT_HWSIM_CMD_SET_MEDIUM,
	AIOT_HWSIM_CMD_GET_DEVICE,

	/* add new commands above here */
	__AIOT_HWSIM_CMD_MAX,
	AIOT_HWSIM_CMD_MAX = __AIOT_HWSIM_CMD_MAX - 1
};

/**
 * enum aiot_hwsim_attr - attributes of the aiot_hwsim family
 * @AIOT_HWSIM_ATTR_UNSPEC: unused
 * @AIOT_HWSIM_ATTR_PAD: padding for 64-bit attributes
 * @AIOT_HWSIM_ATTR_READER_INDEX: aiot reader index (u32), N of "aiotN"
 * @AIOT_HWSIM_ATTR_DESTROY_ON_CLOSE: destroy the reader when the socket
 *	that created it closes (flag)
 * @AIOT_HWSIM_ATTR_COUNT: devices to add (u32)
 * @AIOT_HWSIM_ATTR_ID: a device identity, or the first one of a
 *	population (binary, MSB first, ceil(bits / 8) octets)
 * @AIOT_HWSIM_ATTR_ID_BITS: identity length in bits (u8, 1..128)
 * @AIOT_HWSIM_ATTR_ID_SCHEME: how a population's identities follow each
 *	other (u8, &enum aiot_hwsim_id_scheme)
 * @AIOT_HWSIM_ATTR_DEVICE_TYPE: A-IoT device type (u8,
 *	&enum aiot_hwsim_device_type)
 * @AIOT_HWSIM_ATTR_SEC_PROFILE: security profile (u8,
 *	&enum aiot_hwsim_sec_profile)
 * @AIOT_HWSIM_ATTR_KEY_SEED: the seed of the population's key rule
 *	(binary, 1..64 octets)
 * @AIOT_HWSIM_ATTR_KEY: a device's K_AIoT_root (binary, 16 octets)
 * @AIOT_HWSIM_ATTR_MEM: user memory contents (binary, 1..256 octets)
 * @AIOT_HWSIM_ATTR_MEM_OFFSET: where %AIOT_HWSIM_ATTR_MEM goes (u16)
 * @AIOT_HWSIM_ATTR_POLICY: integrity-failure policy (u8,
 *	&enum aiot_hwsim_policy)
 * @AIOT_HWSIM_ATTR_ENERGY: energy budget, nJ (u32; 0xffffffff: unlimited)
 * @AIOT_HWSIM_ATTR_BER_PPM: D2R bit error rate, parts per million (u32)
 * @AIOT_HWSIM_ATTR_CAPTURE: capture effect on (1) or off (0) (u8)
 * @AIOT_HWSIM_ATTR_PACED: pace exchanges in real time (1) or not (0) (u8)
 * @AIOT_HWSIM_ATTR_SEED: seed of the reader's random numbers (u64)
 * @AIOT_HWSIM_ATTR_STATE: a device's state (u8, &enum aiot_hwsim_dev_state)
 * @AIOT_HWSIM_ATTR_RSSI: a device's D2R RSSI at the reader (s32, mBm)
 * @AIOT_HWSIM_ATTR_AES_BLOCKS: AES block operations of a device (u64)
 * @AIOT_HWSIM_ATTR_KDF_OPS: HMAC-SHA-256 key derivations of a device (u64)
 * @AIOT_HWSIM_ATTR_DISABLED: the device was disabled (flag)
 * @AIOT_HWSIM_ATTR_TX_FRAMES: D2R frames a device sent (u64)
 * @AIOT_HWSIM_ATTR_TX_BITS: D2R bits a device sent (u64)
 * @AIOT_HWSIM_ATTR_N_DEVICES: devices on a reader (u32)
 * @AIOT_HWSIM_ATTR_STATS: reader counters (nested,
 *	&enum aiot_hwsim_stats_attr)
 * @AIOT_HWSIM_ATTR_MEM_LEN: user memory of each device of a population,
 *	octets (u16, 1..256; default 64)
 * @AIOT_HWSIM_ATTR_SEC_CONFIG: a security profile's configuration (u32):
 *	the AIOT_SOLY_CFG_* or AIOT_SOL9_CFG_* bits of <aiot/profile_values.h>
 *	(the profile's default when absent; the normative profile has none)
 * @AIOT_HWSIM_ATTR_SEC_COUNTER: the solution-y profile's non-volatile
 *	counter of a device (u32)
 * @AIOT_HWSIM_ATTR_RX_BITS: R2D bits a device heard while taking part in
 *	a procedure (u64)
 */
enum aiot_hwsim_attr {
	AIOT_HWSIM_ATTR_UNSPEC,
	AIOT_HWSIM_ATTR_PAD,
	AIOT_HWSIM_ATTR_READER_INDEX,
	AIOT_HWSIM_ATTR_DESTROY_ON_CLOSE,
	AIOT_HWSIM_ATTR_COUNT,
	AIOT_HWSIM_ATTR_ID,
	AIOT_HWSIM_ATTR_ID_BITS,
	AIOT_HWSIM_ATTR_ID_SCHEME,
	AIOT_HWSIM_ATTR_DEVICE_TYPE,
	AIOT_HWSIM_ATTR_SEC_PROFILE,
	AIOT_HWSIM_ATTR_KEY_SEED,
	AIOT_HWSIM_ATTR_KEY,
	AIOT_HWSIM_ATTR_MEM,
	AIOT_HWSIM_ATTR_MEM_OFFSET,
	AIOT_HWSIM_ATTR_POLICY,
	AIOT_HWSIM_ATTR_ENERGY,
	AIOT_HWSIM_ATTR_BER_PPM,
	AIOT_HWSIM_ATTR_CAPTURE,
	AIOT_HWSIM_ATTR_PACED,
	AIOT_HWSIM_ATTR_SEED,
	AIOT_HWSIM_ATTR_STATE,
	AIOT_HWSIM_ATTR_RSSI,
	AIOT_HWSIM_ATTR_AES_BLOCKS,
	AIOT_HWSIM_ATTR_KDF_OPS,
	AIOT_HWSIM_ATTR_DISABLED,
	AIOT_HWSIM_ATTR_TX_FRAMES,
	AIOT_HWSIM_ATTR_TX_BITS,
	AIOT_HWSIM_ATTR_N_DEVICES,
	AIOT_HWSIM_ATTR_STATS,
	AIOT_HWSIM_ATTR_MEM_LEN,
	AIOT_HWSIM_ATTR_RX_BITS,
	AIOT_HWSIM_ATTR_SEC_CONFIG,
	AIOT_HWSIM_ATTR_SEC_COUNTER,

	/* add new attributes above here */
	__AIOT_HWSIM_ATTR_MAX,
	AIOT_HWSIM_ATTR_MAX = __AIOT_HWSIM_ATTR_MAX - 1
};

/**
 * enum aiot_hwsim_stats_attr - counters of a simulated reader (all u64)
 * @AIOT_HWSIM_STATS_UNSPEC: unused
 * @AIOT_HWSIM_STATS_PAD: padding
 * @AIOT_HWSIM_STATS_R2D_FRAMES: R2D frames put on the air
 * @AIOT_HWSIM_STATS_D2R_FRAMES: D2R frames devices sent
 * @AIOT_HWSIM_STATS_COLLISIONS: windows in which two or more devices sent
 * @AIOT_HWSIM_STATS_CAPTURES: collisions the strongest frame survived
 * @AIOT_HWSIM_STATS_BER_FRAMES: D2R frames with bits flipped by the BER
 * @AIOT_HWSIM_STATS_DROPPED: D2R frames dropped by fault injection
 * @AIOT_HWSIM_STATS_CORRUPTED: D2R frames corrupted by fault injection
 * @AIOT_HWSIM_STATS_ENERGY_OUTS: devices that ran out of energy
 * @AIOT_HWSIM_STATS_AIR_US: modelled air time, microseconds
 * @AIOT_HWSIM_STATS_FRAMES: access frames after the first of a paging
 *	(adjust triggers the devices followed)
 */
enum aiot_hwsim_stats_attr {
	AIOT_HWSIM_STATS_UNSPEC,
	AIOT_HWSIM_STATS_PAD,
	AIOT_HWSIM_STATS_R2D_FRAMES,
	AIOT_HWSIM_STATS_D2R_FRAMES,
	AIOT_HWSIM_STATS_COLLISIONS,
	AIOT_HWSIM_STATS_CAPTURES,
	AIOT_HWSIM_STATS_BER_FRAMES,
	AIOT_HWSIM_STATS_DROPPED,
	AIOT_HWSIM_STATS_CORRUPTED,
	AIOT_HWSIM_STATS_ENERGY_OUTS,
	AIOT_HWSIM_STATS_AIR_US,
	AIOT_HWSIM_STATS_FRAMES,

	__AIOT_HWSIM_STATS_MAX,
	AIOT_HWSIM_STATS_MAX = __AIOT_HWSIM_STATS_MAX - 1
};

/**
 * enum aiot_hwsim_id_scheme - identities of a population
 * @AIOT_HWSIM_ID_SCHEME_SEQUENTIAL: permanent identities first, first + 1,
 *	... (as unsigned numbers of the given bit length)
 */
enum aiot_hwsim_id_scheme {
	AIOT_HWSIM_ID_SCHEME_SEQUENTIAL,
};

/**
 * enum aiot_hwsim_device_type - A-IoT device types (TR 38.848)
 * @AIOT_HWSIM_DEVICE_TYPE_1: no energy storage, backscatter
 * @AIOT_HWSIM_DEVICE_TYPE_2A: energy storage, backscatter
 * @AIOT_HWSIM_DEVICE_TYPE_2B: energy storage, active transmitter
 */
enum aiot_hwsim_device_type {
	AIOT_HWSIM_DEVICE_TYPE_1,
	AIOT_HWSIM_DEVICE_TYPE_2A,
	AIOT_HWSIM_DEVICE_TYPE_2B,
};

/**
 * enum aiot_hwsim_sec_profile - device-side security
 * @AIOT_HWSIM_SEC_PROFILE_NORMATIVE: TS 33.369 as drafted (seeds 001 and
 *	003): RES_AIOT in inventory, commands under K_Command_enc/int
 * @AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y: TR 33.713 "Solution #Y" (seed 002):
 *	a security context from the random access
 * @AIOT_HWSIM_SEC_PROFILE_SOLUTION_9: TR 33.713 "Solution #9" (seed 004):
 *	protected or temporary identities, network and device nonces, a
 *	security policy in command messages
 *
 * Documentation/security-profiles.rst has the procedures.
 */
enum aiot_hwsim_sec_profile {
	AIOT_HWSIM_SEC_PROFILE_NORMATIVE,
	AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y,
	AIOT_HWSIM_SEC_PROFILE_SOLUTION_9,
};

/**
 * enum aiot_hwsim_policy - what a device does when a command fails its
 *	integrity check (seed 000)
 * @AIOT_HWSIM_POLICY_SILENT: nothing
 * @AIOT_HWSIM_POLICY_AS_INDICATION: the AS "no NAS response expected"
 *	indication, without a cause
 * @AIOT_HWSIM_POLICY_AS_INDICATION_CAUSE: the indication with the
 *	integrity-failure cause
 */
enum aiot_hwsim_policy {
	AIOT_HWSIM_POLICY_SILENT,
	AIOT_HWSIM_POLICY_AS_INDICATION,
	AIOT_HWSIM_POLICY_AS_INDICATION_CAUSE,
};

/**
 * enum aiot_hwsim_dev_state - where a simulated device is
 * @AIOT_HWSIM_DEV_STATE_IDLE: not taking part in a procedure
 * @AIOT_HWSIM_DEV_STATE_CONTENDING: paged, waiting for its slot
 * @AIOT_HWSIM_DEV_STATE_REPLIED: sent Msg1, waits for Msg2
 * @AIOT_HWSIM_DEV_STATE_MSG3: sent Msg3, waits for the acknowledgment
 * @AIOT_HWSIM_DEV_STATE_READ: read in the current inventory
 * @AIOT_HWSIM_DEV_STATE_SELECTED: paged contention-free for a command
 * @AIOT_HWSIM_DEV_STATE_NO_ENERGY: out of energy, silent
 */
enum aiot_hwsim_dev_state {
	AIOT_HWSIM_DEV_STATE_IDLE,
	AIOT_HWSIM_DEV_STATE_CONTENDING,
	AIOT_HWSIM_DEV_STATE_REPLIED,
	AIOT_HWSIM_DEV_STATE_MSG3,
	AIOT_HWSIM_DEV_STATE_READ,
	AIOT_HWSIM_DEV_STATE_SELECTED,
	AIOT_HWSIM_DEV_STATE_NO_ENERGY,
};

#endif /* _UAPI_LINUX_AIOT_HWSIM_H */
