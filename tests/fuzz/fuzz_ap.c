// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the AIoT-AP codec (userspace/lib/aiot_ap.c), under
 * ASan and UBSan. Each input is used three ways:
 *
 *   - as one message, as received: aiot_ap_frame_len() and aiot_ap_decode()
 *     must give what the wire format says for its header;
 *   - the same octets with the header's version and length set right, so
 *     that mutations reach the IEs rather than dying on the length field;
 *   - as a stream: aiot_ap_rx_next()/aiot_ap_rx_consume() over it, each
 *     framed message decoded.
 *
 * Every message the decoder accepts must obey the wire format's rules
 * (checked here independently of the decoder), and must survive a round
 * trip: re-encoded from the decoded fields with aiot_ap_begin/put/end, it is
 * as long as the input without its unknown IEs, decodes to the same fields,
 * and re-encodes to the same octets. Anything else aborts (a finding).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "aiot_ap.h"

#define CHECK(cond)	do { if (!(cond)) abort(); } while (0)
#define HAS(m, ie)	AIOT_AP_HAS(m, AIOT_AP_IE_##ie)

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint64_t be64(const uint8_t *p)
{
	return (uint64_t)be32(p) << 32 | be32(p + 4);
}

/* The rules of Documentation/aiot-ap.rst for an accepted message. */
static void check_rules(const struct aiot_ap_msg *m, size_t len)
{
	CHECK(m->version == AIOT_AP_VERSION);
	CHECK(m->type >= AIOT_AP_SETUP_REQUEST && m->type <= AIOT_AP_ERROR_INDICATION);
	CHECK(len >= AIOT_AP_HDR_LEN && len <= AIOT_AP_MAX_LEN);
	CHECK(!(m->present & ~(((1ULL << __AIOT_AP_IE_MAX) - 1) & ~1ULL)));
	CHECK(HAS(m, REPORT_ID) == (m->n_report_ids > 0));
	CHECK(m->n_report_ids <= AIOT_AP_MAX_ACKS);
	if (HAS(m, GATEWAY_ID))
		CHECK(m->gateway_id_len >= 1 && m->gateway_id_len <= 64);
	if (HAS(m, TARGET) || HAS(m, TARGET_BITS)) {
		CHECK(HAS(m, TARGET) && HAS(m, TARGET_BITS));
		CHECK(m->target_bits >= 1 && m->target_bits <= 128);
		CHECK(m->target_len == (size_t)(m->target_bits + 7) / 8);
	}
	if (HAS(m, TARGET_TYPE))
		CHECK(m->target_type <= 4);
	if (HAS(m, NAS))
		CHECK(m->nas_len >= 1 && m->nas_len <= 250);
	if (HAS(m, END_CAUSE))
		CHECK(m->end_cause <= 6);
	if (HAS(m, OUTCOME))
		CHECK(m->outcome < __AIOT_AP_OUTCOME_MAX);
	if (HAS(m, SEC))
		CHECK(m->sec <= 3);
	if (HAS(m, DIAG))
		CHECK(m->diag_len >= 1 && m->diag_len <= 255);
	if (HAS(m, ATTEMPTS))
		CHECK(m->attempts >= 1 && m->attempts <= 16);
	CHECK(!HAS(m, RAND_N) == !m->rand_n && !HAS(m, K_AIOTF) == !m->k_aiotf);
	switch (m->type) {
	case AIOT_AP_SETUP_REQUEST:
		CHECK(HAS(m, GATEWAY_ID) && HAS(m, JOURNAL_EPOCH));
		break;
	case AIOT_AP_INVENTORY_REQUEST:
		CHECK(HAS(m, READER) && HAS(m, RAND_N) != HAS(m, NAS));
		break;
	case AIOT_AP_INVENTORY_REPORT:
		CHECK(HAS(m, REPORT_ID) && HAS(m, READER) && HAS(m, NAS));
		break;
	case AIOT_AP_INVENTORY_END:
		CHECK(HAS(m, REPORT_ID) && HAS(m, READER) && HAS(m, END_CAUSE) &&
		      HAS(m, DEVICES));
		break;
	case AIOT_AP_COMMAND_REQUEST:
		CHECK(HAS(m, READER) && HAS(m, TARGET) && HAS(m, NAS));
		break;
	case AIOT_AP_COMMAND_RESPONSE:
		CHECK(HAS(m, REPORT_ID) && HAS(m, OUTCOME));
		break;
	case AIOT_AP_REPORT_ACK:
		CHECK(HAS(m, REPORT_ID));
		break;
	case AIOT_AP_ERROR_INDICATION:
		CHECK(HAS(m, CAUSE));
		break;
	}
	CHECK(aiot_ap_type_name(m->type) && aiot_ap_outcome_name(m->outcome));
}

/* Octets of the IEs of an accepted message that the decoder does not know. */
static size_t unknown_octets(const uint8_t *buf, size_t len)
{
	size_t off = AIOT_AP_HDR_LEN, n = 0;

	while (off < len) {
		unsigned int ie = buf[off] << 8 | buf[off + 1];
		size_t l = buf[off + 2] << 8 | buf[off + 3];

		if (!ie || ie >= __AIOT_AP_IE_MAX)
			n += 4 + l;
		off += 4 + l;
	}
	CHECK(off == len);
	return n;
}

/* The message from its decoded fields, IEs in number order. */
static long encode(const struct aiot_ap_msg *m, uint8_t *p, size_t cap)
{
	struct aiot_ap_buf b;
	unsigned int ie, i;

	aiot_ap_begin(&b, p, cap, m->type, m->txn);
	for (ie = 1; ie < __AIOT_AP_IE_MAX; ie++) {
		if (!AIOT_AP_HAS(m, ie))
			continue;
		switch (ie) {
		case AIOT_AP_IE_GATEWAY_ID:
			aiot_ap_put(&b, ie, m->gateway_id, m->gateway_id_len);
			break;
		case AIOT_AP_IE_JOURNAL_EPOCH:
			aiot_ap_put_u64(&b, ie, m->journal_epoch);
			break;
		case AIOT_AP_IE_READER:
			aiot_ap_put_u32(&b, ie, m->reader);
			break;
		case AIOT_AP_IE_RAND_N:
			aiot_ap_put(&b, ie, m->rand_n, 8);
			break;
		case AIOT_AP_IE_TARGET_TYPE:
			aiot_ap_put_u8(&b, ie, m->target_type);
			break;
		case AIOT_AP_IE_TARGET:
			aiot_ap_put(&b, ie, m->target, m->target_len);
			break;
		case AIOT_AP_IE_TARGET_BITS:
			aiot_ap_put_u16(&b, ie, m->target_bits);
			break;
		case AIOT_AP_IE_MAX_DEVICES:
			aiot_ap_put_u32(&b, ie, m->max_devices);
			break;
		case AIOT_AP_IE_MAX_TIME_MS:
			aiot_ap_put_u32(&b, ie, m->max_time_ms);
			break;
		case AIOT_AP_IE_REPORT_ID:
			for (i = 0; i < m->n_report_ids; i++)
				aiot_ap_put_u64(&b, ie, m->report_id[i]);
			break;
		case AIOT_AP_IE_NAS:
			aiot_ap_put(&b, ie, m->nas, m->nas_len);
			break;
		case AIOT_AP_IE_RSSI:
			aiot_ap_put_u32(&b, ie, (uint32_t)m->rssi);
			break;
		case AIOT_AP_IE_SEQ:
			aiot_ap_put_u32(&b, ie, m->seq);
			break;
		case AIOT_AP_IE_END_CAUSE:
			aiot_ap_put_u8(&b, ie, m->end_cause);
			break;
		case AIOT_AP_IE_DEVICES:
			aiot_ap_put_u32(&b, ie, m->devices);
			break;
		case AIOT_AP_IE_AIR_US:
			aiot_ap_put_u64(&b, ie, m->air_us);
			break;
		case AIOT_AP_IE_SLOTS:
			aiot_ap_put_u64(&b, ie, m->slots);
			break;
		case AIOT_AP_IE_COLLISIONS:
			aiot_ap_put_u64(&b, ie, m->collisions);
			break;
		case AIOT_AP_IE_K_AIOTF:
			aiot_ap_put(&b, ie, m->k_aiotf, 32);
			break;
		case AIOT_AP_IE_OUTCOME:
			aiot_ap_put_u8(&b, ie, m->outcome);
			break;
		case AIOT_AP_IE_AS_CAUSE:
			aiot_ap_put_u8(&b, ie, m->as_cause);
			break;
		case AIOT_AP_IE_ERRNO:
			aiot_ap_put_u32(&b, ie, m->err_no);
			break;
		case AIOT_AP_IE_SEC:
			aiot_ap_put_u8(&b, ie, m->sec);
			break;
		case AIOT_AP_IE_CAUSE:
			aiot_ap_put_u16(&b, ie, m->cause);
			break;
		case AIOT_AP_IE_DIAG:
			aiot_ap_put(&b, ie, m->diag, m->diag_len);
			break;
		case AIOT_AP_IE_BAD_TYPE:
			aiot_ap_put_u8(&b, ie, m->bad_type);
			break;
		case AIOT_AP_IE_ATTEMPTS:
			aiot_ap_put_u8(&b, ie, m->attempts);
			break;
		default:
			abort();	/* an IE this target does not know yet */
		}
	}
	return aiot_ap_end(&b);
}

static int same_bytes(const void *a, size_t alen, const void *b, size_t blen)
{
	if (alen != blen || !a != !b)
		return 0;
	return !alen || !memcmp(a, b, alen);
}

/* Every field of two decoded messages equal (binary IEs by content). */
static void check_same(const struct aiot_ap_msg *a, const struct aiot_ap_msg *b)
{
	CHECK(a->version == b->version && a->type == b->type && a->txn == b->txn);
	CHECK(a->present == b->present);
	CHECK(same_bytes(a->gateway_id, a->gateway_id_len, b->gateway_id, b->gateway_id_len));
	CHECK(a->journal_epoch == b->journal_epoch);
	CHECK(a->reader == b->reader);
	CHECK(same_bytes(a->rand_n, a->rand_n ? 8 : 0, b->rand_n, b->rand_n ? 8 : 0));
	CHECK(a->target_type == b->target_type);
	CHECK(same_bytes(a->target, a->target_len, b->target, b->target_len));
	CHECK(a->target_bits == b->target_bits);
	CHECK(a->max_devices == b->max_devices && a->max_time_ms == b->max_time_ms);
	CHECK(a->n_report_ids == b->n_report_ids);
	CHECK(!memcmp(a->report_id, b->report_id, a->n_report_ids * sizeof(a->report_id[0])));
	CHECK(same_bytes(a->nas, a->nas_len, b->nas, b->nas_len));
	CHECK(a->rssi == b->rssi && a->seq == b->seq);
	CHECK(a->end_cause == b->end_cause && a->devices == b->devices);
	CHECK(a->air_us == b->air_us && a->slots == b->slots && a->collisions == b->collisions);
	CHECK(same_bytes(a->k_aiotf, a->k_aiotf ? 32 : 0, b->k_aiotf, b->k_aiotf ? 32 : 0));
	CHECK(a->outcome == b->outcome && a->as_cause == b->as_cause);
	CHECK(a->err_no == b->err_no && a->sec == b->sec && a->cause == b->cause);
	CHECK(same_bytes(a->diag, a->diag_len, b->diag, b->diag_len));
	CHECK(a->bad_type == b->bad_type && a->attempts == b->attempts);
}

static void round_trip(const struct aiot_ap_msg *m, const uint8_t *buf, size_t len)
{
	static uint8_t a[AIOT_AP_MAX_LEN], b[AIOT_AP_MAX_LEN];
	struct aiot_ap_msg d;
	long na, nb;

	check_rules(m, len);
	na = encode(m, a, sizeof(a));
	CHECK(na >= AIOT_AP_HDR_LEN && (size_t)na == len - unknown_octets(buf, len));
	CHECK(aiot_ap_frame_len(a, na) == na);
	CHECK(aiot_ap_decode(a, na, &d) == 0);
	check_same(m, &d);
	nb = encode(&d, b, sizeof(b));
	CHECK(nb == na && !memcmp(a, b, na));
	/* and in a buffer one octet too small it does not fit */
	CHECK(encode(m, b, na - 1) == -1);
}

/* Decode one message as received, check the result against its header. */
static void decode_one(const uint8_t *buf, size_t len)
{
	struct aiot_ap_msg m;
	long fl = aiot_ap_frame_len(buf, len);
	int rc = aiot_ap_decode(buf, len, &m);

	CHECK(rc >= 0 && rc <= AIOT_AP_CAUSE_MISSING_IE);
	CHECK(aiot_ap_cause_name(rc));
	if (len < AIOT_AP_HDR_LEN) {
		CHECK(fl == 0 && rc == AIOT_AP_CAUSE_MALFORMED);
		CHECK(!m.type && !m.txn && !m.present);
		return;
	}
	if (be32(buf + 4) >= AIOT_AP_HDR_LEN && be32(buf + 4) <= AIOT_AP_MAX_LEN)
		CHECK(fl == (long)be32(buf + 4));
	else
		CHECK(fl == -1);
	CHECK(m.version == buf[0] && m.type == buf[1] && m.txn == be64(buf + 8));
	CHECK((rc == AIOT_AP_CAUSE_UNSUPPORTED_VERSION) == (buf[0] != AIOT_AP_VERSION));
	if (buf[0] == AIOT_AP_VERSION && (be32(buf + 4) != len || len > AIOT_AP_MAX_LEN))
		CHECK(rc == AIOT_AP_CAUSE_MALFORMED);
	if (rc)
		return;
	CHECK(fl == (long)len);
	round_trip(&m, buf, len);
}

static void decode_stream(const uint8_t *data, size_t size)
{
	static struct aiot_ap_rx rx;
	long n;

	rx.have = size < sizeof(rx.buf) ? size : sizeof(rx.buf);
	memcpy(rx.buf, data, rx.have);
	while ((n = aiot_ap_rx_next(&rx)) > 0) {
		CHECK(n >= AIOT_AP_HDR_LEN && n <= AIOT_AP_MAX_LEN && (size_t)n <= rx.have);
		decode_one(rx.buf, n);
		aiot_ap_rx_consume(&rx, n);
	}
	CHECK(n == 0 || n == -1);
	CHECK(n == -1 || rx.have < AIOT_AP_HDR_LEN || be32(rx.buf + 4) > rx.have);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t fixed[AIOT_AP_MAX_LEN];

	decode_one(data, size);
	if (size >= AIOT_AP_HDR_LEN && size <= AIOT_AP_MAX_LEN) {
		memcpy(fixed, data, size);
		fixed[0] = AIOT_AP_VERSION;
		fixed[4] = size >> 24;
		fixed[5] = size >> 16;
		fixed[6] = size >> 8;
		fixed[7] = size;
		decode_one(fixed, size);
	}
	decode_stream(data, size);
	return 0;
}
