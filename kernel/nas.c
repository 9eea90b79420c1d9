// SPDX-License-Identifier: GPL-2.0
/*
 * aiot: AIoT NAS messages. Encoding and decoding of the plain messages, and
 * the security envelope of TS 33.369 5.3.2 (seed 003): the whole message
 * integrity protected with 128-NIA2, the message after the security header
 * type ciphered with 128-NEA2 when that header says so. Every layout value
 * is in <aiot/nas_values.h>.
 *
 * The messages of the two study security profiles
 * (Documentation/security-profiles.rst) are laid out and parsed here too,
 * their ciphered parts and MACs carried as opaque octets: computing them is
 * the profiles' cryptography, not the codec's. The lengths the decoder
 * needs come from the flags or the policy octet in clear and from the
 * message's length.
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

/* Octets of an identity of @bits bits */
static unsigned int id_octets(unsigned int bits)
{
	return (bits + 7) / 8;
}

/* id_bits (1) | ID: an identity with its length, clear or ciphered */
#define NAS_IDF_MIN		(1 + 1)
#define NAS_IDF_MAX		(1 + AIOT_ID_MAX_BITS / 8)

/**
 * aiot_nas_is_request() - whether a message type is a command request
 * @type: AIOT_NAS_MT_*
 *
 * A command request is what seed 003's envelope carries to a device for it
 * to execute: what offload mode seals and a device opens and runs. The
 * profiles' R2D messages are not: the Y Paging Request and the Y Network
 * Authentication are no commands, and a 9 Command Request carries its
 * own protection around one (aiot_nas_decode_payload()).
 *
 * Return: true for the Read, Write and Disable Requests.
 */
bool aiot_nas_is_request(u8 type)
{
	return type == AIOT_NAS_MT_READ_REQ || type == AIOT_NAS_MT_WRITE_REQ ||
	       type == AIOT_NAS_MT_DISABLE_REQ;
}
EXPORT_SYMBOL_GPL(aiot_nas_is_request);

/* The Read, Write and Disable Requests and Responses: a profile's payload */
static bool nas_is_command(u8 type)
{
	switch (type) {
	case AIOT_NAS_MT_READ_REQ:
	case AIOT_NAS_MT_READ_RSP:
	case AIOT_NAS_MT_WRITE_REQ:
	case AIOT_NAS_MT_WRITE_RSP:
	case AIOT_NAS_MT_DISABLE_REQ:
	case AIOT_NAS_MT_DISABLE_RSP:
		return true;
	}
	return false;
}

static bool nas_is_profile(u8 type)
{
	switch (type) {
	case AIOT_NAS_MT_SOLY_PAGING_REQ:
	case AIOT_NAS_MT_SOLY_ACCESS_RSP:
	case AIOT_NAS_MT_SOLY_NET_AUTH:
	case AIOT_NAS_MT_SOLY_PROT_ID:
	case AIOT_NAS_MT_SOL9_AUTH_RSP:
	case AIOT_NAS_MT_SOL9_CMD_REQ:
	case AIOT_NAS_MT_SOL9_CMD_RSP:
		return true;
	}
	return false;
}

/*
 * A plain message from its type on (octet @hdr of @out: 1 for a message,
 * 0 for a payload without its SHT octet). Either way it leaves room for the
 * MAC-I of the message's protected form.
 */
static int nas_encode_cmd(const struct aiot_nas_msg *m, u8 *out,
			  unsigned int size, unsigned int hdr)
{
	unsigned int need = 1, idlen = 0;
	u8 *p;

	switch (m->type) {
	case AIOT_NAS_MT_INVENTORY_RSP:
		if (!m->id_bits || m->id_bits > AIOT_ID_MAX_BITS || !m->id ||
		    !m->rand_d || !m->res)
			return -EINVAL;
		idlen = id_octets(m->id_bits);
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
	if (hdr + need > size ||
	    AIOT_NAS_HDR_LEN + need + AIOT_NAS_TRAILER_LEN > AIOT_NAS_MAX_LEN)
		return -EMSGSIZE;

	if (hdr)
		out[0] = AIOT_NAS_SHT_PLAIN;
	p = out + hdr;
	p[0] = m->type;
	switch (m->type) {
	case AIOT_NAS_MT_INVENTORY_RSP:
		p[1] = m->id_type;
		p[2] = m->id_bits;
		memcpy(p + 3, m->id, idlen);
		memcpy(p + 3 + idlen, m->rand_d, AIOT_RAND_D_LEN);
		memcpy(p + 3 + idlen + AIOT_RAND_D_LEN, m->res, AIOT_RES_LEN);
		break;
	case AIOT_NAS_MT_READ_REQ:
		put16(p + 1, m->offset);
		put16(p + 3, m->length);
		break;
	case AIOT_NAS_MT_WRITE_REQ:
		put16(p + 1, m->offset);
		memcpy(p + 3, m->data, m->data_len);
		break;
	case AIOT_NAS_MT_READ_RSP:
		p[1] = m->status;
		if (m->data_len)
			memcpy(p + 2, m->data, m->data_len);
		break;
	case AIOT_NAS_MT_WRITE_RSP:
	case AIOT_NAS_MT_DISABLE_RSP:
		p[1] = m->status;
		break;
	}
	return hdr + need;
}

/*
 * Where a profile message's fields are: SHT, type, the flags or policy
 * octet (@opt octets), a nonce of @nonce octets, a KID of @kid octets
 * (@head octets in all), then a part of @min..@max octets whose length is
 * what the message leaves for it (the PID, a ciphered or clear identity,
 * the counter, a payload; none when @max is 0), then @tail octets (ARES,
 * NRES, a MAC or the T-ID*).
 */
struct nas_layout {
	unsigned int opt;
	unsigned int nonce;
	unsigned int kid;
	unsigned int head;
	unsigned int min;
	unsigned int max;
	unsigned int tail;
};

/* The flags or the policy octet follows the type in all but two */
static bool nas_has_opt(u8 type)
{
	return type != AIOT_NAS_MT_SOLY_NET_AUTH && type != AIOT_NAS_MT_SOLY_PROT_ID;
}

/* A Security Policy octet: no spare bit, no reserved value */
static bool sol9_policy_ok(u8 pol)
{
	u8 idp = pol & AIOT_SOL9_POL_IDP_MASK, integ = pol & AIOT_SOL9_POL_INT_MASK;

	return !(pol & AIOT_SOL9_POL_SPARE_MASK) &&
	       (idp == AIOT_SOL9_POL_IDP_CLEAR || idp == AIOT_SOL9_POL_IDP_PID ||
		idp == AIOT_SOL9_POL_IDP_TID) &&
	       (integ == AIOT_SOL9_POL_INT_NONE || integ == AIOT_SOL9_POL_INT_PAYLOAD ||
		integ == AIOT_SOL9_POL_INT_MESSAGE);
}

/* Y Paging Request: the counter and MAC-P protect a PID, MAC-P the counter */
static bool soly_pf_ok(u8 flags)
{
	return !(flags & AIOT_SOLY_PF_SPARE_MASK) &&
	       (!flags || flags & AIOT_SOLY_PF_PID) &&
	       (!(flags & AIOT_SOLY_PF_MAC) || flags & AIOT_SOLY_PF_COUNTER);
}

/* Y Access Response: a counter or an identity; a group paging has no counter */
static bool soly_af_ok(u8 flags)
{
	return !(flags & AIOT_SOLY_AF_SPARE_MASK) &&
	       (!(flags & AIOT_SOLY_AF_RESYNC) ||
		!(flags & (AIOT_SOLY_AF_PID | AIOT_SOLY_AF_KID)));
}

/*
 * The layout of a profile message of @type with flags or policy @opt.
 * Return: 0, or -EPROTO when @opt has spare bits, a reserved value or a
 * combination that no configuration sends.
 */
static int nas_layout(u8 type, u8 opt, struct nas_layout *l)
{
	memset(l, 0, sizeof(*l));
	l->opt = nas_has_opt(type);
	switch (type) {
	case AIOT_NAS_MT_SOLY_PAGING_REQ:
		if (!soly_pf_ok(opt))
			return -EPROTO;
		l->nonce = AIOT_SOLY_NONCE1_LEN;
		if (opt & AIOT_SOLY_PF_PID) {
			l->min = 1;
			l->max = AIOT_ID_MAX_BITS / 8;
		}
		if (opt & AIOT_SOLY_PF_COUNTER) {
			l->min += AIOT_SOLY_COUNTER_LEN;
			l->max += AIOT_SOLY_COUNTER_LEN;
		}
		if (opt & AIOT_SOLY_PF_MAC)
			l->tail = AIOT_SOLY_MAC_LEN;
		break;
	case AIOT_NAS_MT_SOLY_ACCESS_RSP:
		if (!soly_af_ok(opt))
			return -EPROTO;
		l->nonce = AIOT_SOLY_NONCE2_LEN;
		if (opt & AIOT_SOLY_AF_KID)
			l->kid = AIOT_SOLY_KID_LEN;
		if (opt & AIOT_SOLY_AF_RESYNC) {
			l->min = AIOT_SOLY_COUNTER_LEN;
			l->max = AIOT_SOLY_COUNTER_LEN;
		} else if (opt & AIOT_SOLY_AF_PID) {
			l->min = NAS_IDF_MIN;
			l->max = NAS_IDF_MAX;
		}
		l->tail = AIOT_SOLY_ARES_LEN;
		break;
	case AIOT_NAS_MT_SOLY_NET_AUTH:
		l->tail = AIOT_SOLY_NRES_LEN;
		break;
	case AIOT_NAS_MT_SOLY_PROT_ID:
		l->min = NAS_IDF_MIN;
		l->max = NAS_IDF_MAX;
		l->tail = AIOT_SOLY_MAC_LEN;
		break;
	case AIOT_NAS_MT_SOL9_AUTH_RSP:
		if (!sol9_policy_ok(opt))
			return -EPROTO;
		l->nonce = AIOT_SOL9_DN_LEN;
		if ((opt & AIOT_SOL9_POL_IDP_MASK) == AIOT_SOL9_POL_IDP_TID) {
			l->tail = AIOT_SOL9_TID_LEN;
		} else {
			l->min = NAS_IDF_MIN;
			l->max = NAS_IDF_MAX;
			l->tail = AIOT_SOL9_MAC_LEN;
		}
		break;
	case AIOT_NAS_MT_SOL9_CMD_REQ:
	case AIOT_NAS_MT_SOL9_CMD_RSP:
		if (!sol9_policy_ok(opt))
			return -EPROTO;
		if (type == AIOT_NAS_MT_SOL9_CMD_RSP)
			l->nonce = AIOT_SOL9_DN_LEN;
		l->min = 1;		/* the payload's type */
		l->max = ~0U;		/* bounded by the message only */
		if ((opt & AIOT_SOL9_POL_INT_MASK) != AIOT_SOL9_POL_INT_NONE)
			l->tail = AIOT_SOL9_MAC_LEN;
		break;
	}
	l->head = AIOT_NAS_HDR_LEN + 1 + l->opt + l->nonce + l->kid;
	return 0;
}

static int nas_encode_profile(const struct aiot_nas_msg *m, u8 *out,
			      unsigned int size)
{
	bool clear_id = false, end_zero = true;	/* a MAC or ARES comes later */
	const u8 *part = NULL, *end;
	unsigned int len = 0, need;
	struct nas_layout l;
	u8 opt = 0;
	u8 *p;

	if (m->type == AIOT_NAS_MT_SOLY_PAGING_REQ ||
	    m->type == AIOT_NAS_MT_SOLY_ACCESS_RSP)
		opt = m->flags;
	else if (nas_has_opt(m->type))
		opt = m->policy;
	if (nas_layout(m->type, opt, &l))
		return -EINVAL;
	end = m->type == AIOT_NAS_MT_SOLY_ACCESS_RSP ? m->ares : m->mac;
	switch (m->type) {
	case AIOT_NAS_MT_SOLY_PAGING_REQ:
	case AIOT_NAS_MT_SOLY_ACCESS_RSP:
	case AIOT_NAS_MT_SOLY_PROT_ID:
		if (l.max) {
			part = m->enc;
			len = m->enc_len;
		}
		break;
	case AIOT_NAS_MT_SOLY_NET_AUTH:
		end = m->nres;
		end_zero = false;
		break;
	case AIOT_NAS_MT_SOL9_AUTH_RSP:
		switch (opt & AIOT_SOL9_POL_IDP_MASK) {
		case AIOT_SOL9_POL_IDP_TID:
			end = m->tid;
			end_zero = false;
			break;
		case AIOT_SOL9_POL_IDP_PID:
			part = m->enc;
			len = m->enc_len;
			break;
		default:
			if (!m->id_bits || m->id_bits > AIOT_ID_MAX_BITS)
				return -EINVAL;
			clear_id = true;
			part = m->id;
			len = 1 + id_octets(m->id_bits);
			break;
		}
		break;
	default:	/* 9 Command Request and Response */
		part = m->payload;
		len = m->payload_len;
		break;
	}
	if (len < l.min || len > l.max || (len && !part) ||
	    (!end && !end_zero) || (l.nonce && !m->nonce) || (l.kid && !m->kid))
		return -EINVAL;
	need = l.head + len + l.tail;
	if (need > size || need > AIOT_NAS_MAX_LEN)
		return -EMSGSIZE;

	out[0] = AIOT_NAS_SHT_PLAIN;
	out[1] = m->type;
	p = out + AIOT_NAS_HDR_LEN + 1;
	if (l.opt)
		*p++ = opt;
	if (l.nonce)
		memcpy(p, m->nonce, l.nonce);
	p += l.nonce;
	if (l.kid)
		memcpy(p, m->kid, l.kid);
	p += l.kid;
	if (clear_id) {
		*p++ = m->id_bits;
		len--;
	}
	if (len)
		memcpy(p, part, len);
	p += len;
	if (end)
		memcpy(p, end, l.tail);
	else
		memset(p, 0, l.tail);
	return need;
}

/**
 * aiot_nas_encode() - encode a plain AIoT NAS message
 * @m: the message
 * @out: where to put it
 * @size: room at @out, octets
 *
 * A profile message's ciphered part (@m->enc) and payload are copied as
 * they are, ciphered or not yet; a NULL @m->mac or @m->ares is encoded as
 * zeros, for the caller to compute over the octets before it.
 *
 * Return: the length in octets, -ENOMSG for an unknown type, -EINVAL for
 * a field out of its range (spare or reserved flags and policy bits, a
 * length the layout does not allow, a missing field), -EMSGSIZE when it
 * does not fit in @size or in AIOT_NAS_MAX_LEN (a command message: with
 * room for the MAC-I of its protected form).
 */
int aiot_nas_encode(const struct aiot_nas_msg *m, u8 *out, unsigned int size)
{
	if (nas_is_profile(m->type))
		return nas_encode_profile(m, out, size);
	return nas_encode_cmd(m, out, size, AIOT_NAS_HDR_LEN);
}
EXPORT_SYMBOL_GPL(aiot_nas_encode);

/* A command message's IEs (@body octets at @buf) for m->type */
static int nas_decode_cmd(const u8 *buf, unsigned int body, struct aiot_nas_msg *m)
{
	unsigned int idlen;

	switch (m->type) {
	case AIOT_NAS_MT_INVENTORY_RSP:
		if (body < 2)
			return -EPROTO;
		m->id_type = buf[0];
		m->id_bits = buf[1];
		if (!m->id_bits || m->id_bits > AIOT_ID_MAX_BITS)
			return -EPROTO;
		idlen = id_octets(m->id_bits);
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

static int nas_decode_profile(const u8 *buf, unsigned int len,
			      struct aiot_nas_msg *m)
{
	const u8 *part, *end;
	struct nas_layout l;
	unsigned int n;
	u8 opt = 0;
	int err;

	if (nas_has_opt(m->type)) {
		if (len < AIOT_NAS_HDR_LEN + 2)
			return -EPROTO;
		opt = buf[AIOT_NAS_HDR_LEN + 1];
	}
	err = nas_layout(m->type, opt, &l);
	if (err)
		return err;
	if (len < l.head + l.tail)
		return -EPROTO;
	n = len - l.head - l.tail;
	if (n < l.min || n > l.max)
		return -EPROTO;
	part = buf + l.head;
	end = part + n;
	if (l.nonce)
		m->nonce = buf + AIOT_NAS_HDR_LEN + 1 + l.opt;
	if (l.kid)
		m->kid = buf + l.head - l.kid;
	switch (m->type) {
	case AIOT_NAS_MT_SOLY_PAGING_REQ:
		m->flags = opt;
		m->mac = l.tail ? end : NULL;
		break;
	case AIOT_NAS_MT_SOLY_ACCESS_RSP:
		m->flags = opt;
		m->ares = end;
		break;
	case AIOT_NAS_MT_SOLY_NET_AUTH:
		m->nres = end;
		break;
	case AIOT_NAS_MT_SOLY_PROT_ID:
		m->mac = end;
		break;
	case AIOT_NAS_MT_SOL9_AUTH_RSP:
		m->policy = opt;
		switch (opt & AIOT_SOL9_POL_IDP_MASK) {
		case AIOT_SOL9_POL_IDP_TID:
			m->tid = end;
			return 0;
		case AIOT_SOL9_POL_IDP_CLEAR:
			err = aiot_nas_decode_id(part, n, m);
			if (err)
				return err;
			n = 0;		/* not a ciphered part */
			break;
		}
		m->mac = end;
		break;
	default:	/* 9 Command Request and Response */
		m->policy = opt;
		m->payload = part;
		m->payload_len = n;
		m->mac = l.tail ? end : NULL;
		return 0;
	}
	if (n) {
		m->enc = part;
		m->enc_len = n;
	}
	return 0;
}

/**
 * aiot_nas_decode() - decode a plain AIoT NAS message
 * @buf: the message, security header type AIOT_NAS_SHT_PLAIN
 * @len: its length in octets
 * @m: the result; its pointers point into @buf
 *
 * A profile message decodes with its ciphered part still ciphered: @m->enc
 * and @m->enc_len (or @m->payload and @m->payload_len) say where it is;
 * once deciphered, aiot_nas_decode_id() or aiot_nas_decode_payload() takes
 * it apart.
 *
 * Return: 0, -EPROTO when the message is malformed (a protected one
 * included: open it first; in a profile message also spare bits or a
 * reserved value in the flags or the policy, or flags no configuration
 * sends), or -ENOMSG for an unknown message type.
 */
int aiot_nas_decode(const u8 *buf, unsigned int len, struct aiot_nas_msg *m)
{
	memset(m, 0, sizeof(*m));
	if (len < AIOT_NAS_HDR_LEN + 1 || len > AIOT_NAS_MAX_LEN ||
	    buf[0] != AIOT_NAS_SHT_PLAIN)
		return -EPROTO;
	m->type = buf[1];
	if (nas_is_profile(m->type))
		return nas_decode_profile(buf, len, m);
	return nas_decode_cmd(buf + 2, len - 2, m);
}
EXPORT_SYMBOL_GPL(aiot_nas_decode);

/**
 * aiot_nas_encode_id() - encode an identity with its length: id_bits | ID
 * @m: @m->id_bits (1..AIOT_ID_MAX_BITS) and @m->id
 * @out: where to put it
 * @size: room at @out, octets
 *
 * The plain form of the ciphered identity of a Y Access Response with
 * AIOT_SOLY_AF_PID, a Y Protected Identity and a 9 Authentication Response
 * with AIOT_SOL9_POL_IDP_PID: the caller ciphers it and hands it to
 * aiot_nas_encode() as @enc.
 *
 * Return: its length, 1 + ceil(id_bits / 8) octets, -EINVAL for a length
 * out of range or no identity, -EMSGSIZE when it does not fit.
 */
int aiot_nas_encode_id(const struct aiot_nas_msg *m, u8 *out, unsigned int size)
{
	unsigned int n;

	if (!m->id_bits || m->id_bits > AIOT_ID_MAX_BITS || !m->id)
		return -EINVAL;
	n = id_octets(m->id_bits);
	if (1 + n > size)
		return -EMSGSIZE;
	out[0] = m->id_bits;
	memcpy(out + 1, m->id, n);
	return 1 + n;
}
EXPORT_SYMBOL_GPL(aiot_nas_encode_id);

/**
 * aiot_nas_decode_id() - decode an identity with its length: id_bits | ID
 * @buf: the deciphered part of a decoded message (@enc_len octets)
 * @len: its length
 * @m: where to set @m->id_bits and @m->id (pointing into @buf); nothing
 *	else is touched, so @m can be the decoded message itself
 *
 * The ciphered part of a message with an identity has no length in clear:
 * aiot_nas_decode() takes all the octets the message leaves (2 to
 * 1 + AIOT_ID_MAX_BITS / 8), and only the deciphered id_bits tells whether
 * they are right.
 *
 * Return: 0, or -EPROTO when id_bits is 0, above AIOT_ID_MAX_BITS or
 * disagrees with @len (@m untouched).
 */
int aiot_nas_decode_id(const u8 *buf, unsigned int len, struct aiot_nas_msg *m)
{
	if (len < NAS_IDF_MIN || !buf[0] || buf[0] > AIOT_ID_MAX_BITS ||
	    len != 1 + id_octets(buf[0]))
		return -EPROTO;
	m->id_bits = buf[0];
	m->id = buf + 1;
	return 0;
}
EXPORT_SYMBOL_GPL(aiot_nas_decode_id);

/**
 * aiot_nas_encode_payload() - encode a command message without its SHT
 * @m: a Read, Write or Disable Request or Response
 * @out: where to put it
 * @size: room at @out, octets
 *
 * The payload of a 9 Command Request or Response: the plain message from
 * its type on, what aiot_nas_encode() writes after the SHT octet. The
 * caller ciphers it if the policy says so and hands it to aiot_nas_encode()
 * as @payload.
 *
 * Return: its length, -ENOMSG for any other type, otherwise as
 * aiot_nas_encode().
 */
int aiot_nas_encode_payload(const struct aiot_nas_msg *m, u8 *out,
			    unsigned int size)
{
	if (!nas_is_command(m->type))
		return -ENOMSG;
	return nas_encode_cmd(m, out, size, 0);
}
EXPORT_SYMBOL_GPL(aiot_nas_encode_payload);

/**
 * aiot_nas_decode_payload() - decode the payload of a 9 Command message
 * @buf: the payload, deciphered if the policy ciphers it
 * @len: its length in octets
 * @m: the result, as from aiot_nas_decode() of the same message with its
 *	SHT octet; its pointers point into @buf
 *
 * Return: 0, -EPROTO when it is malformed, or -ENOMSG for a type that is
 * not a Read, Write or Disable Request or Response.
 */
int aiot_nas_decode_payload(const u8 *buf, unsigned int len,
			    struct aiot_nas_msg *m)
{
	memset(m, 0, sizeof(*m));
	if (len < 1 || len > AIOT_NAS_MAX_LEN - AIOT_NAS_HDR_LEN)
		return -EPROTO;
	m->type = buf[0];
	if (!nas_is_command(m->type))
		return -ENOMSG;
	return nas_decode_cmd(buf + 1, len - 1, m);
}
EXPORT_SYMBOL_GPL(aiot_nas_decode_payload);

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
