/* SPDX-License-Identifier: GPL-2.0 */
/*
 * aiot: AIoT NAS messages (the layout is in <aiot/nas_values.h>).
 *
 * One codec for the kernel and userspace, like frame.c: the reader's offload
 * mode and the simulated devices of aiot_hwsim use it in the kernel, the
 * AIOTF simulator and aiotctl in userspace, where the crypto calls go to the
 * OpenSSL twin of sec.c.
 *
 * Errors: -EPROTO malformed (length, spare bits, security header type),
 * -ENOMSG unknown message type, -EMSGSIZE does not fit, -EBADMSG integrity
 * check failed.
 */
#ifndef _AIOT_NAS_H
#define _AIOT_NAS_H

#include <linux/types.h>
#include <aiot/nas_values.h>
#include <aiot/sec_values.h>

struct aiot_sec_ctx;

/**
 * struct aiot_nas_msg - one plain AIoT NAS message, decoded
 * @type: AIOT_NAS_MT_*
 * @status: AIOT_NAS_STATUS_* (responses)
 * @offset: user-memory offset (Read and Write Requests)
 * @length: octets to read (Read Request)
 * @data: data (Read Response, Write Request); points into the buffer
 *	decoded from
 * @data_len: octets at @data
 * @id_type: identity type (Inventory Response)
 * @id_bits: identity length in bits, 1..AIOT_ID_MAX_BITS
 * @id: the identity, MSB first; points into the buffer
 * @rand_d: RAND_AIOT_d, AIOT_RAND_D_LEN octets; points into the buffer
 * @res: RES_AIOT, AIOT_RES_LEN octets; points into the buffer
 */
struct aiot_nas_msg {
	u8 type;
	u8 status;
	u16 offset;
	u16 length;
	const u8 *data;
	u16 data_len;
	u8 id_type;
	u8 id_bits;
	const u8 *id;
	const u8 *rand_d;
	const u8 *res;
};

int aiot_nas_encode(const struct aiot_nas_msg *m, u8 *out, unsigned int size);
int aiot_nas_decode(const u8 *buf, unsigned int len, struct aiot_nas_msg *m);
int aiot_nas_seal(struct aiot_sec_ctx *ctx, u8 dir, bool cipher, u8 *buf,
		  unsigned int len, unsigned int size);
int aiot_nas_open(struct aiot_sec_ctx *ctx, u8 dir, u8 *buf, unsigned int len);
bool aiot_nas_is_request(u8 type);

#endif /* _AIOT_NAS_H */
