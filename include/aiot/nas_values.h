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
 * carries (AIOT_SDU_MAX_BITS / 8 in <aiot/air_values.h>).
 */
#define AIOT_NAS_MAX_LEN		250

#endif /* _AIOT_NAS_VALUES_H */
