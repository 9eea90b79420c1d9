// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the air interface: kernel/frame.c and
 * kernel/anticoll.c as built in userspace, under ASan and UBSan.
 *
 * The first input octet selects what is fuzzed:
 *   0b00tt tpl   decode the rest as a frame (p = 0) or a bare PDU (p = 1)
 *                received on link l, minus ttt trailing bits;
 *                a success must re-encode to exactly the same bits
 *   0b10xx xxxx  build a message from the rest, field by field; if the
 *                encoder accepts it, the decoder must accept the result
 *                and re-encoding must reproduce it
 *   0b11xx xxxx  anti-collision: configuration, then one slot outcome per
 *                octet; the state's invariants are checked after each
 * Anything else than the documented results aborts (a finding).
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "anticoll.h"
#include "frame.h"

#define CHECK(cond)	do { if (!(cond)) abort(); } while (0)

static int documented(int err)
{
	switch (err) {
	case 0: case -ENODATA: case -EOVERFLOW: case -EBADMSG: case -ENOMSG:
	case -EPROTO: case -EMSGSIZE: case -EINVAL:
		return 1;
	}
	return 0;
}

/* bits of a and b equal over the first @bits bits */
static int same_bits(const u8 *a, const u8 *b, size_t bits)
{
	size_t n = bits / 8;

	if (memcmp(a, b, n))
		return 0;
	if (bits & 7)
		return !((a[n] ^ b[n]) & (0xff00 >> (bits & 7)));
	return 1;
}

static void fuzz_decode(u8 mode, const u8 *data, size_t size)
{
	enum aiot_link link = mode & 1;
	size_t trim = (mode >> 2) & 7, bits, rbits;
	u8 re[AIOT_FRAME_MAX_OCTETS + 32];
	struct aiot_msg m;
	int err;

	if (!size)
		return;
	bits = size * 8 - trim;
	if (mode & 2)
		err = aiot_pdu_decode(data, bits, link, &m);
	else
		err = aiot_frame_decode(data, bits, link, &m);
	CHECK(documented(err) && err != -EINVAL);
	if (err)
		return;
	CHECK(aiot_msg_link(m.type) == (int)link);
	if (mode & 2)
		err = aiot_pdu_encode(&m, re, sizeof(re), &rbits);
	else
		err = aiot_frame_encode(&m, re, sizeof(re), &rbits);
	CHECK(!err && rbits == bits && same_bits(re, data, bits));
}

struct taker {
	const u8 *p;
	size_t bits;
	size_t pos;
};

static u32 take(struct taker *t, unsigned int n)
{
	u32 v = 0;

	while (n--) {
		v <<= 1;
		if (t->pos < t->bits)
			v |= (t->p[t->pos / 8] >> (7 - t->pos % 8)) & 1;
		t->pos++;
	}
	return v;
}

static void take_bytes(struct taker *t, u8 *dst, size_t n)
{
	while (n--)
		*dst++ = take(t, 8);
}

static void take_fsize(struct taker *t, struct aiot_fsize *fs)
{
	fs->explicit_size = take(t, 1);
	fs->q = take(t, 5);
	fs->slots = take(t, 21);
}

static void fuzz_encode(const u8 *data, size_t size)
{
	struct taker t = { .p = data, .bits = size * 8 };
	u8 a[AIOT_FRAME_MAX_OCTETS + 8], b[AIOT_FRAME_MAX_OCTETS + 8];
	struct aiot_msg m, d;
	size_t abits, bbits, len;
	int err;

	memset(&m, 0, sizeof(m));
	m.type = take(&t, 4);
	switch (m.type) {
	case AIOT_MSG_PAGING:
		m.paging.ra_type = take(&t, 2);
		m.paging.id_type = take(&t, 3);
		m.paging.id_bits = take(&t, 8);
		take_bytes(&t, m.paging.id, sizeof(m.paging.id));
		m.paging.cont_type = take(&t, 2);
		m.paging.cont_len = take(&t, 7);
		take_bytes(&t, m.paging.cont, m.paging.cont_len <= 125 ?
			   m.paging.cont_len : 125);
		take_fsize(&t, &m.paging.fs);
		m.paging.as_id = take(&t, 9);
		m.paging.txn = take(&t, 8);
		break;
	case AIOT_MSG_TRIGGER:
		m.trigger.cmd = take(&t, 2);
		m.trigger.txn = take(&t, 8);
		take_fsize(&t, &m.trigger.fs);
		break;
	case AIOT_MSG_MSG2:
	case AIOT_MSG_NACK:
		m.ra.rn16 = take(&t, 16);
		m.ra.as_id = take(&t, 9);
		break;
	case AIOT_MSG_R2D_DATA:
	case AIOT_MSG_D2R_DATA:
	case AIOT_MSG_MSG3:
		m.data.as_id = take(&t, 9);
		m.data.more = take(&t, 1);
		m.data.offset = take(&t, 1) ? take(&t, 11) : 0;
		m.data.len = take(&t, 10);
		take_bytes(&t, m.data.data, sizeof(m.data.data));
		break;
	case AIOT_MSG_R2D_ACK:
		m.ack_as_id = take(&t, 9);
		break;
	case AIOT_MSG_MSG1:
		m.rn16 = take(&t, 16);
		break;
	case AIOT_MSG_NO_NAS_RSP:
		m.nnr.as_id = take(&t, 9);
		m.nnr.cause = take(&t, 2);
		break;
	default:
		break;
	}
	len = take(&t, 8);		/* buffer size offered */
	err = aiot_frame_encode(&m, a, len < sizeof(a) ? len : sizeof(a),
				&abits);
	CHECK(documented(err));
	if (err)
		return;
	err = aiot_frame_decode(a, abits, aiot_msg_link(m.type), &d);
	CHECK(!err && d.type == m.type);
	CHECK(!aiot_frame_encode(&d, b, sizeof(b), &bbits));
	CHECK(bbits == abits && same_bits(a, b, abits));
}

static void fuzz_anticoll(const u8 *data, size_t size)
{
	struct aiot_ac_cfg cfg = { 0 };
	struct aiot_ac ac;
	size_t i;
	int next, done = 0;

	if (size < 4)
		return;
	cfg.algo = data[0] % (AIOT_AC_ALGO_COUNT + 1);
	cfg.pow2 = data[0] & 0x80;
	cfg.init_slots = data[1] | (data[2] & 0x1f) << 8;
	cfg.q_step = data[3];
	if (aiot_ac_init(&ac, &cfg)) {
		CHECK(cfg.algo == AIOT_AC_ALGO_COUNT);
		return;
	}
	for (i = 4; i < size; i++) {
		if (data[i] >= 0xf0) {	/* a whole round at once */
			u32 e = ac.frame / 3, s = ac.frame / 3;

			next = aiot_ac_round(&ac, e, s, ac.frame - e - s);
		} else {
			next = aiot_ac_slot(&ac, data[i] % 3);
		}
		CHECK(next == AIOT_AC_NEXT_SLOT || next == AIOT_AC_NEW_FRAME ||
		      next == AIOT_AC_DONE || next == -EINVAL);
		CHECK(!done || next == AIOT_AC_DONE);
		done = next == AIOT_AC_DONE;
		CHECK(ac.frame >= 1 && ac.frame <= AIOT_AC_SLOTS_MAX);
		CHECK(ac.slot <= ac.frame && ac.read <= ac.slots);
		CHECK(!ac.pow2 || !(ac.frame & (ac.frame - 1)));
		CHECK(ac.n_empty + ac.n_single + ac.n_coll == ac.slot);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!size)
		return 0;
	if ((data[0] & 0xc0) == 0xc0)
		fuzz_anticoll(data + 1, size - 1);
	else if (data[0] & 0x80)
		fuzz_encode(data + 1, size - 1);
	else
		fuzz_decode(data[0], data + 1, size - 1);
	return 0;
}
