// SPDX-License-Identifier: GPL-2.0
/*
 * aiot: AIoT NAS messages. Encoding and decoding of the plain messages, and
 * the security envelope of TS 33.369 5.3.2 (seed 003): the whole message
 * integrity protected with 128-NIA2, the message after the security header
 * type ciphered with 128-NEA2 when that header says so. Every layout value
 * is in <aiot/nas_values.h>.
 *
 * No allocation, no locks: the same file builds in the kernel and, through
 * the type shim, in userspace, where the crypto calls go to the OpenSSL twin.
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/string.h>
#include <linux/types.h>
#include <aiot/air_values.h>

#include "nas.h"
#ifdef __KERNEL__
#include "sec.h"
#else
#include "aiot_sec.h"
#endif

static unsigned int get16(const u8 *p)
{
	return (p[0] << 8) | p[1];
}

static void put16(u8 *p, unsigned int v)
{
	p[0] = v >> 8;
	p[1] = v;
}

/**
 * aiot_nas_is_request() - whether a message type goes R2D
 * @type: AIOT_NAS_MT_*
 *
 * Return: true for the Read, Write and Disable Requests.
 */
bool aiot_nas_is_request(u8 type)
{
	return type == AIOT_NAS_MT_READ_REQ || type == AIOT_NAS_MT_WRITE_REQ ||
	       type == AIOT_NAS_MT_DISABLE_REQ;
}
EXPORT_SYMBOL_GPL(aiot_nas_is_request);

/**
 * aiot_nas_encode() - encode a plain AIoT NAS message
 * @m: the message
 * @out: where to put it
 * @size: room at @out, octets
 *
 * Return: the length in octets, -ENOMSG for an unknown type, -EINVAL for
 * a field out of its range, -EMSGSIZE when it does not fit in @size or in
 * AIOT_NAS_MAX_LEN with room for the MAC-I of a protected form.
 */
int aiot_nas_encode(const struct aiot_nas_msg *m, u8 *out, unsigned int size)
{
	unsigned int need = AIOT_NAS_HDR_LEN + 1, idlen = 0;

	switch (m->type) {
	case AIOT_NAS_MT_INVENTORY_RSP:
		if (!m->id_bits || m->id_bits > AIOT_ID_MAX_BITS || !m->id ||
		    !m->rand_d || !m->res)
			return -EINVAL;
		idlen = (m->id_bits + 7) / 8;
		need += 2 + idlen + AIOT_RAND_D_LEN + AIOT_RES_LEN;
		break;
	case AIOT_NAS_MT_READ_REQ:
		need += AIOT_NAS_OFFSET_LEN + AIOT_NAS_LENGTH_LEN;
		break;
	case AIOT_NAS_MT_WRITE_REQ:
		if (!m->data_len || !m->data)
			return -EINVAL;
		need += AIOT_NAS_OFFSET_LEN + m->data_len;
		break;
	case AIOT_NAS_MT_READ_RSP:
		if (m->data_len && !m->data)
			return -EINVAL;
		need += 1 + m->data_len;
		break;
	case AIOT_NAS_MT_WRITE_RSP:
	case AIOT_NAS_MT_DISABLE_RSP:
		need += 1;
		break;
	case AIOT_NAS_MT_DISABLE_REQ:
		break;
	default:
		return -ENOMSG;
	}
	if (need > size || need + AIOT_NAS_TRAILER_LEN > AIOT_NAS_MAX_LEN)
		return -EMSGSIZE;

	out[0] = AIOT_NAS_SHT_PLAIN;
	out[1] = m->type;
	switch (m->type) {
	case AIOT_NAS_MT_INVENTORY_RSP:
		out[2] = m->id_type;
		out[3] = m->id_bits;
		memcpy(out + 4, m->id, idlen);
		memcpy(out + 4 + idlen, m->rand_d, AIOT_RAND_D_LEN);
		memcpy(out + 4 + idlen + AIOT_RAND_D_LEN, m->res, AIOT_RES_LEN);
		break;
	case AIOT_NAS_MT_READ_REQ:
		put16(out + 2, m->offset);
		put16(out + 4, m->length);
		break;
	case AIOT_NAS_MT_WRITE_REQ:
		put16(out + 2, m->offset);
		memcpy(out + 4, m->data, m->data_len);
		break;
	case AIOT_NAS_MT_READ_RSP:
		out[2] = m->status;
		if (m->data_len)
			memcpy(out + 3, m->data, m->data_len);
		break;
	case AIOT_NAS_MT_WRITE_RSP:
	case AIOT_NAS_MT_DISABLE_RSP:
		out[2] = m->status;
		break;
	}
	return need;
}
EXPORT_SYMBOL_GPL(aiot_nas_encode);

/**
 * aiot_nas_decode() - decode a plain AIoT NAS message
 * @buf: the message, security header type AIOT_NAS_SHT_PLAIN
 * @len: its length in octets
 * @m: the result; its pointers point into @buf
 *
 * Return: 0, -EPROTO when the message is malformed (a protected one
 * included: open it first), or -ENOMSG for an unknown message type.
 */
int aiot_nas_decode(const u8 *buf, unsigned int len, struct aiot_nas_msg *m)
{
	unsigned int body, idlen;

	memset(m, 0, sizeof(*m));
	if (len < AIOT_NAS_HDR_LEN + 1 || len > AIOT_NAS_MAX_LEN ||
	    buf[0] != AIOT_NAS_SHT_PLAIN)
		return -EPROTO;
	m->type = buf[1];
	body = len - 2;
	buf += 2;
	switch (m->type) {
	case AIOT_NAS_MT_INVENTORY_RSP:
		if (body < 2)
			return -EPROTO;
		m->id_type = buf[0];
		m->id_bits = buf[1];
		if (!m->id_bits || m->id_bits > AIOT_ID_MAX_BITS)
			return -EPROTO;
		idlen = (m->id_bits + 7) / 8;
		if (body != 2 + idlen + AIOT_RAND_D_LEN + AIOT_RES_LEN)
			return -EPROTO;
		m->id = buf + 2;
		m->rand_d = buf + 2 + idlen;
		m->res = m->rand_d + AIOT_RAND_D_LEN;
		return 0;
	case AIOT_NAS_MT_READ_REQ:
		if (body != AIOT_NAS_OFFSET_LEN + AIOT_NAS_LENGTH_LEN)
			return -EPROTO;
		m->offset = get16(buf);
		m->length = get16(buf + 2);
		return 0;
	case AIOT_NAS_MT_WRITE_REQ:
		if (body < AIOT_NAS_OFFSET_LEN + 1)
			return -EPROTO;
		m->offset = get16(buf);
		m->data = buf + AIOT_NAS_OFFSET_LEN;
		m->data_len = body - AIOT_NAS_OFFSET_LEN;
		return 0;
	case AIOT_NAS_MT_READ_RSP:
		if (body < 1)
			return -EPROTO;
		m->status = buf[0];
		m->data = body > 1 ? buf + 1 : NULL;
		m->data_len = body - 1;
		return 0;
	case AIOT_NAS_MT_WRITE_RSP:
	case AIOT_NAS_MT_DISABLE_RSP:
		if (body != 1)
			return -EPROTO;
		m->status = buf[0];
		return 0;
	case AIOT_NAS_MT_DISABLE_REQ:
		return body ? -EPROTO : 0;
	default:
		return -ENOMSG;
	}
}
EXPORT_SYMBOL_GPL(aiot_nas_decode);

/**
 * aiot_nas_seal() - protect a plain message in place
 * @ctx: security context with K_Command_enc and K_Command_int
 * @dir: AIOT_NAS_DIR_R2D or AIOT_NAS_DIR_D2R
 * @cipher: cipher with 128-NEA2 (security header type 2) or integrity
 *	protect only (type 1)
 * @buf: the plain message, security header type AIOT_NAS_SHT_PLAIN; in
 *	the kernel, in the linear mapping (not on the stack)
 * @len: its length in octets
 * @size: room at @buf, at least @len + AIOT_NAS_TRAILER_LEN
 *
 * Return: the protected length, -EPROTO for a buffer that is not a plain
 * message, -EMSGSIZE when the MAC-I does not fit, or an error of the
 * security engine.
 */
int aiot_nas_seal(struct aiot_sec_ctx *ctx, u8 dir, bool cipher, u8 *buf,
		  unsigned int len, unsigned int size)
{
	int err;

	if (len < AIOT_NAS_HDR_LEN + 1 || buf[0] != AIOT_NAS_SHT_PLAIN)
		return -EPROTO;
	if (len + AIOT_NAS_TRAILER_LEN > size ||
	    len + AIOT_NAS_TRAILER_LEN > AIOT_NAS_MAX_LEN)
		return -EMSGSIZE;
	buf[0] = cipher ? AIOT_NAS_SHT_INTEGRITY_CIPHERED : AIOT_NAS_SHT_INTEGRITY;
	if (cipher) {
		err = aiot_nea2_crypt(ctx, AIOT_NAS_COUNT, AIOT_NAS_BEARER, dir,
				      buf + AIOT_NAS_HDR_LEN, buf + AIOT_NAS_HDR_LEN,
				      (len - AIOT_NAS_HDR_LEN) * 8);
		if (err)
			goto fail;
	}
	err = aiot_nia2_mac(ctx, AIOT_NAS_COUNT, AIOT_NAS_BEARER, dir, buf,
			    len * 8, buf + len);
	if (err)
		goto fail;
	return len + AIOT_NAS_TRAILER_LEN;
fail:
	memset(buf, 0, len);
	return err;
}
EXPORT_SYMBOL_GPL(aiot_nas_seal);

/**
 * aiot_nas_open() - verify and decipher a protected message in place
 * @ctx: security context with K_Command_enc and K_Command_int
 * @dir: the direction the message travelled
 * @buf: the protected message; in the kernel, in the linear mapping
 * @len: its length in octets
 *
 * The MAC-I is checked first, in constant time; the message is deciphered
 * only when it is right and is left untouched otherwise. On success @buf
 * holds the plain message (security header type AIOT_NAS_SHT_PLAIN) for
 * aiot_nas_decode().
 *
 * Return: the plain length, -EPROTO for a malformed or unprotected
 * message, -EBADMSG when the integrity check fails, or an error of the
 * security engine.
 */
int aiot_nas_open(struct aiot_sec_ctx *ctx, u8 dir, u8 *buf, unsigned int len)
{
	unsigned int plain = len - AIOT_NAS_TRAILER_LEN;
	int err;

	if (len < AIOT_NAS_HDR_LEN + 1 + AIOT_NAS_TRAILER_LEN ||
	    len > AIOT_NAS_MAX_LEN ||
	    (buf[0] != AIOT_NAS_SHT_INTEGRITY &&
	     buf[0] != AIOT_NAS_SHT_INTEGRITY_CIPHERED))
		return -EPROTO;
	err = aiot_nia2_verify(ctx, AIOT_NAS_COUNT, AIOT_NAS_BEARER, dir, buf,
			       plain * 8, buf + plain);
	if (err)
		return err;
	if (buf[0] == AIOT_NAS_SHT_INTEGRITY_CIPHERED) {
		err = aiot_nea2_crypt(ctx, AIOT_NAS_COUNT, AIOT_NAS_BEARER, dir,
				      buf + AIOT_NAS_HDR_LEN, buf + AIOT_NAS_HDR_LEN,
				      (plain - AIOT_NAS_HDR_LEN) * 8);
		if (err)
			return err;
	}
	buf[0] = AIOT_NAS_SHT_PLAIN;
	memset(buf + plain, 0, AIOT_NAS_TRAILER_LEN);
	return plain;
}
EXPORT_SYMBOL_GPL(aiot_nas_open);
