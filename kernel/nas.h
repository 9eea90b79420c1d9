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
#include <aiot/profile_values.h>
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
 * @id_bits: identity length in bits, 1..AIOT_ID_MAX_BITS (Inventory
 *	Response, 9 Authentication Response with AIOT_SOL9_POL_IDP_CLEAR,
 *	aiot_nas_decode_id())
 * @id: the identity, MSB first; points into the buffer
 * @rand_d: RAND_AIOT_d, AIOT_RAND_D_LEN octets; points into the buffer
 * @res: RES_AIOT, AIOT_RES_LEN octets; points into the buffer
 * @flags: AIOT_SOLY_PF_* (Y Paging Request) or AIOT_SOLY_AF_* (Y Access
 *	Response)
 * @policy: the Security Policy octet, AIOT_SOL9_POL_* (9 Authentication
 *	Response, 9 Command Request and Response)
 * @nonce: 8 octets: nonce1 (Y Paging Request), Nonce2 (Y Access
 *	Response), DN (9 Authentication and Command Responses)
 * @kid: KID, AIOT_SOLY_KID_LEN octets (Y Access Response with
 *	AIOT_SOLY_AF_KID)
 * @enc: the ciphered part, as it travels (the codec never looks inside):
 *	the PID of a Y Paging Request (the ID's octets, then the counter with
 *	AIOT_SOLY_PF_COUNTER); the counter (AIOT_SOLY_AF_RESYNC) or
 *	id_bits | ID (AIOT_SOLY_AF_PID) of a Y Access Response; id_bits | ID
 *	of a Y Protected Identity and of a 9 Authentication Response with
 *	AIOT_SOL9_POL_IDP_PID. Its length is what the message leaves for it:
 *	after deciphering, aiot_nas_decode_id() checks an id_bits | ID
 *	against it
 * @enc_len: octets at @enc
 * @tid: T-ID*, AIOT_SOL9_TID_LEN octets (9 Authentication Response with
 *	AIOT_SOL9_POL_IDP_TID)
 * @payload: a 9 Command Request's or Response's payload, as it travels:
 *	type | IEs of a plain command message, ciphered with
 *	AIOT_SOL9_POL_CIPHER; aiot_nas_decode_payload() takes it apart
 * @payload_len: octets at @payload, at least 1
 * @ares: ARES, AIOT_SOLY_ARES_LEN octets (Y Access Response)
 * @nres: NRES, AIOT_SOLY_NRES_LEN octets (Y Network Authentication)
 * @mac: the 4-octet MAC: MAC-P (Y Paging Request with AIOT_SOLY_PF_MAC),
 *	MAC (Y Protected Identity; 9 Command Request and Response unless the
 *	policy's integrity is none), MAC* (9 Authentication Response with a
 *	clear or protected ID)
 *
 * The pointers of a decoded message point into the buffer decoded from.
 * In the profiles' messages @ares and @mac are always the last octets:
 * the encoder writes zeros for a NULL one, which the caller then computes
 * over the octets before it and writes in place. Fields a message type
 * does not have are ignored by the encoder and zero after decoding.
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
	u8 flags;
	u8 policy;
	const u8 *nonce;
	const u8 *kid;
	const u8 *enc;
	u16 enc_len;
	const u8 *tid;
	const u8 *payload;
	u16 payload_len;
	const u8 *ares;
	const u8 *nres;
	const u8 *mac;
};

int aiot_nas_encode(const struct aiot_nas_msg *m, u8 *out, unsigned int size);
int aiot_nas_decode(const u8 *buf, unsigned int len, struct aiot_nas_msg *m);
int aiot_nas_seal(struct aiot_sec_ctx *ctx, u8 dir, bool cipher, u8 *buf,
		  unsigned int len, unsigned int size);
int aiot_nas_open(struct aiot_sec_ctx *ctx, u8 dir, u8 *buf, unsigned int len);
bool aiot_nas_is_request(u8 type);
int aiot_nas_encode_id(const struct aiot_nas_msg *m, u8 *out, unsigned int size);
int aiot_nas_decode_id(const u8 *buf, unsigned int len, struct aiot_nas_msg *m);
int aiot_nas_encode_payload(const struct aiot_nas_msg *m, u8 *out,
			    unsigned int size);
int aiot_nas_decode_payload(const u8 *buf, unsigned int len,
			    struct aiot_nas_msg *m);

#endif /* _AIOT_NAS_H */
