/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * AIoT NAS values: the one place for the layout of the AIoT NAS messages the
 * project carries, shared by the kernel (kernel/nas.c, the reader's offload
 * mode and the simulated devices of aiot_hwsim) and userspace (the AIOTF
 * simulator, aiotctl).
 *
 * The AIoT NAS protocol (CT1) is not public.  TS 23.369 names the messages
 * (Read, Write, Disable; TS 23.369 5.2.2) and TS 33.369 5.3.2 (seed 003)
 * says how a command is protected: the whole message integrity protected
 * with 128-NIA2, the message ciphered with 128-NEA2 except the clear-text
 * indication of whether ciphering is on.  Every octet value and every field
 * below is therefore a project value, pending the AIoT NAS specification;
 * Documentation/air-interface.rst has the table.
 *
 * Layout (octets, most significant bit first):
 *
 *   plain:      SHT=0 | message type | IEs
 *   protected:  SHT   | message type | IEs | MAC-I (4)
 *                       \_____ ciphered when SHT = 2 _____/ (not the MAC-I)
 *
 * MAC-I is 128-NIA2 over SHT | message type | IEs (after ciphering), with
 * COUNT, BEARER and DIRECTION of <aiot/sec_values.h>.
 *
 * The messages of the two study security profiles (0x60..0x73 below,
 * Documentation/security-profiles.rst) are always plain (SHT = 0): their
 * protection is in their IEs, not in this envelope.
 */
#ifndef _AIOT_NAS_VALUES_H
#define _AIOT_NAS_VALUES_H

/*
 * Security header type, octet 0; the upper four bits are spare (zero).
 * Project values, pending the AIoT NAS specification.
 */
#define AIOT_NAS_SHT_PLAIN		0x00
#define AIOT_NAS_SHT_INTEGRITY		0x01
#define AIOT_NAS_SHT_INTEGRITY_CIPHERED	0x02
#define AIOT_NAS_SHT_SPARE_MASK		0xf0

/* Octets before the message type, and the MAC-I after the IEs */
#define AIOT_NAS_HDR_LEN		1
#define AIOT_NAS_TRAILER_LEN		4	/* = AIOT_NAS_MAC_LEN */

/* Message types, octet 1 (project values, pending the AIoT NAS specification) */
#define AIOT_NAS_MT_INVENTORY_RSP	0x41	/* D2R, in Msg3 */
#define AIOT_NAS_MT_READ_REQ		0x50	/* R2D */
#define AIOT_NAS_MT_READ_RSP		0x51	/* D2R */
#define AIOT_NAS_MT_WRITE_REQ		0x52	/* R2D */
#define AIOT_NAS_MT_WRITE_RSP		0x53	/* D2R */
#define AIOT_NAS_MT_DISABLE_REQ		0x54	/* R2D */
#define AIOT_NAS_MT_DISABLE_RSP		0x55	/* D2R */

/*
 * Message types of the study security profiles, octet 1: solution-y (seed
 * 002) from 0x60, solution-9 (seed 004) from 0x70, even R2D and odd D2R
 * as above; 0x70 stays free (the solution-9 paging fields start its
 * exchanges).  Project values, pending the AIoT NAS specification (the
 * seeds name the contents, not the messages).
 */
#define AIOT_NAS_MT_SOLY_PAGING_REQ	0x60	/* R2D, in a paging's NAS container */
#define AIOT_NAS_MT_SOLY_ACCESS_RSP	0x61	/* D2R, in Msg3 */
#define AIOT_NAS_MT_SOLY_NET_AUTH	0x62	/* R2D */
#define AIOT_NAS_MT_SOLY_PROT_ID	0x63	/* D2R */
#define AIOT_NAS_MT_SOL9_AUTH_RSP	0x71	/* D2R, in Msg3 */
#define AIOT_NAS_MT_SOL9_CMD_REQ	0x72	/* R2D */
#define AIOT_NAS_MT_SOL9_CMD_RSP	0x73	/* D2R */

/*
 * IEs (project values, pending the AIoT NAS specification):
 *   Inventory Response: ID type (1) | ID length in bits (1) | ID
 *                       (ceil(bits / 8)) | RAND_AIOT_d | RES_AIOT
 *   Read Request:       offset (2) | length (2)
 *   Read Response:      status (1) | data (the rest)
 *   Write Request:      offset (2) | data (the rest, at least 1 octet)
 *   Write Response:     status (1)
 *   Disable Request:    nothing
 *   Disable Response:   status (1)
 * Multi-octet fields are big endian.
 *
 * IEs of the profiles' messages (project values, pending the AIoT NAS
 * specification; sizes, flags and policy in <aiot/profile_values.h>;
 * [ ] present by the flags or the policy; "ciphered" parts travel as
 * opaque octets, ID is ceil(id_bits / 8) octets, 1..16):
 *   Y Paging Request:        flags (1) | nonce1 (8) | [PID (ciphered):
 *                            ID | [counter (4)]] | [MAC-P (4)]
 *   Y Access Response:       flags (1) | Nonce2 (8) | [KID (4)] |
 *                            [ciphered: counter (4) or id_bits (1) | ID] |
 *                            ARES (8)
 *   Y Network Authentication: NRES (8)
 *   Y Protected Identity:    ciphered: id_bits (1) | ID | MAC (4)
 *   9 Authentication Rsp:    policy (1) | DN (8) | by the policy's ID
 *                            protection: ciphered id_bits (1) | ID | MAC*
 *                            (4), or T-ID* (8), or id_bits (1) | ID | MAC* (4)
 *   9 Command Request:       policy (1) | payload | [MAC (4)]
 *   9 Command Response:      policy (1) | DN (8) | payload | [MAC (4)]
 * The PID's ID and the ciphered IDs have no length field in clear: their
 * length is what the message's length leaves.  A payload is a plain Read,
 * Write or Disable Request (Response) without its SHT octet, ciphered
 * when the policy says so; the MAC is there unless the policy's integrity
 * is none.
 */
#define AIOT_NAS_OFFSET_LEN		2
#define AIOT_NAS_LENGTH_LEN		2

/* Status of a response (project values, pending the AIoT NAS specification) */
#define AIOT_NAS_STATUS_SUCCESS		0x00
#define AIOT_NAS_STATUS_OUT_OF_RANGE	0x01	/* offset/length beyond user memory */
#define AIOT_NAS_STATUS_NOT_SUPPORTED	0x02	/* no user memory, or no such command */
#define AIOT_NAS_STATUS_INVALID		0x03	/* malformed request */

/*
 * Longest AIoT NAS message, octets: what one upper-layer data transfer
 * carries (AIOT_SDU_MAX_BITS / 8 in <aiot/air_values.h>).  A plain command
 * message leaves room in it for the MAC-I of its protected form; the
 * profiles' messages, never put in that envelope, may use all of it.
 */
#define AIOT_NAS_MAX_LEN		250

#endif /* _AIOT_NAS_VALUES_H */
