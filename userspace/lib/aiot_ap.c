// SPDX-License-Identifier: GPL-2.0
/*
 * AIoT-AP message codec (aiot_ap.h, Documentation/aiot-ap.rst). Pure: no
 * allocation, no I/O; the decoder is fuzzed (tests/fuzz/fuzz_ap.c).
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/aiot.h>

#include "aiot_ap.h"

#define BIT(ie)	(1ULL << (ie))

/* Size rules of each IE: [min, max] octets; repeat: may appear more than once. */
static const struct {
	uint16_t min, max;
	bool repeat;
} ie_rule[__AIOT_AP_IE_MAX] = {
	[AIOT_AP_IE_GATEWAY_ID]		= { 1, 64 },
	[AIOT_AP_IE_JOURNAL_EPOCH]	= { 8, 8 },
	[AIOT_AP_IE_READER]		= { 4, 4 },
	[AIOT_AP_IE_RAND_N]		= { 8, 8 },
	[AIOT_AP_IE_TARGET_TYPE]	= { 1, 1 },
	[AIOT_AP_IE_TARGET]		= { 1, 16 },
	[AIOT_AP_IE_TARGET_BITS]	= { 2, 2 },
	[AIOT_AP_IE_MAX_DEVICES]	= { 4, 4 },
	[AIOT_AP_IE_MAX_TIME_MS]	= { 4, 4 },
	[AIOT_AP_IE_REPORT_ID]		= { 8, 8, true },
	[AIOT_AP_IE_NAS]		= { 1, 250 },
	[AIOT_AP_IE_RSSI]		= { 4, 4 },
	[AIOT_AP_IE_SEQ]		= { 4, 4 },
	[AIOT_AP_IE_END_CAUSE]		= { 1, 1 },
	[AIOT_AP_IE_DEVICES]		= { 4, 4 },
	[AIOT_AP_IE_AIR_US]		= { 8, 8 },
	[AIOT_AP_IE_SLOTS]		= { 8, 8 },
	[AIOT_AP_IE_COLLISIONS]		= { 8, 8 },
	[AIOT_AP_IE_K_AIOTF]		= { 32, 32 },
	[AIOT_AP_IE_OUTCOME]		= { 1, 1 },
	[AIOT_AP_IE_AS_CAUSE]		= { 1, 1 },
	[AIOT_AP_IE_ERRNO]		= { 4, 4 },
	[AIOT_AP_IE_SEC]		= { 1, 1 },
	[AIOT_AP_IE_CAUSE]		= { 2, 2 },
	[AIOT_AP_IE_DIAG]		= { 1, 255 },
	[AIOT_AP_IE_BAD_TYPE]		= { 1, 1 },
	[AIOT_AP_IE_ATTEMPTS]		= { 1, 1 },
};

/* The IEs each message must carry. */
static const uint64_t mandatory[__AIOT_AP_TYPE_MAX] = {
	[AIOT_AP_SETUP_REQUEST]		= BIT(AIOT_AP_IE_GATEWAY_ID) |
					  BIT(AIOT_AP_IE_JOURNAL_EPOCH),
	[AIOT_AP_INVENTORY_REQUEST]	= BIT(AIOT_AP_IE_READER),
	[AIOT_AP_INVENTORY_REPORT]	= BIT(AIOT_AP_IE_REPORT_ID) | BIT(AIOT_AP_IE_READER) |
					  BIT(AIOT_AP_IE_NAS),
	[AIOT_AP_INVENTORY_END]		= BIT(AIOT_AP_IE_REPORT_ID) | BIT(AIOT_AP_IE_READER) |
					  BIT(AIOT_AP_IE_END_CAUSE) | BIT(AIOT_AP_IE_DEVICES),
	[AIOT_AP_COMMAND_REQUEST]	= BIT(AIOT_AP_IE_READER) | BIT(AIOT_AP_IE_TARGET) |
					  BIT(AIOT_AP_IE_TARGET_BITS) | BIT(AIOT_AP_IE_NAS),
	[AIOT_AP_COMMAND_RESPONSE]	= BIT(AIOT_AP_IE_REPORT_ID) | BIT(AIOT_AP_IE_OUTCOME),
	[AIOT_AP_REPORT_ACK]		= BIT(AIOT_AP_IE_REPORT_ID),
	[AIOT_AP_ERROR_INDICATION]	= BIT(AIOT_AP_IE_CAUSE),
};

/*
 * The IEs of which each message carries exactly one: an Inventory Request
 * pages with RAND_n or with a NAS container (a study security profile's
 * paging message), never both. Both: malformed; neither: missing.
 */
static const uint64_t one_of[__AIOT_AP_TYPE_MAX] = {
	[AIOT_AP_INVENTORY_REQUEST]	= BIT(AIOT_AP_IE_RAND_N) | BIT(AIOT_AP_IE_NAS),
};

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint64_t get64(const uint8_t *p)
{
	return (uint64_t)get32(p) << 32 | get32(p + 4);
}

long aiot_ap_frame_len(const uint8_t *buf, size_t have)
{
	uint32_t len;

	if (have < AIOT_AP_HDR_LEN)
		return 0;
	len = get32(buf + 4);
	if (len < AIOT_AP_HDR_LEN || len > AIOT_AP_MAX_LEN)
		return -1;
	return len;
}

static void take(struct aiot_ap_msg *m, unsigned int ie, const uint8_t *v, size_t len)
{
	switch (ie) {
	case AIOT_AP_IE_GATEWAY_ID:
		m->gateway_id = (const char *)v;
		m->gateway_id_len = len;
		break;
	case AIOT_AP_IE_JOURNAL_EPOCH:
		m->journal_epoch = get64(v);
		break;
	case AIOT_AP_IE_READER:
		m->reader = get32(v);
		break;
	case AIOT_AP_IE_RAND_N:
		m->rand_n = v;
		break;
	case AIOT_AP_IE_TARGET_TYPE:
		m->target_type = v[0];
		break;
	case AIOT_AP_IE_TARGET:
		m->target = v;
		m->target_len = len;
		break;
	case AIOT_AP_IE_TARGET_BITS:
		m->target_bits = get16(v);
		break;
	case AIOT_AP_IE_MAX_DEVICES:
		m->max_devices = get32(v);
		break;
	case AIOT_AP_IE_MAX_TIME_MS:
		m->max_time_ms = get32(v);
		break;
	case AIOT_AP_IE_REPORT_ID:
		m->report_id[m->n_report_ids++] = get64(v);
		break;
	case AIOT_AP_IE_NAS:
		m->nas = v;
		m->nas_len = len;
		break;
	case AIOT_AP_IE_RSSI:
		m->rssi = (int32_t)get32(v);
		break;
	case AIOT_AP_IE_SEQ:
		m->seq = get32(v);
		break;
	case AIOT_AP_IE_END_CAUSE:
		m->end_cause = v[0];
		break;
	case AIOT_AP_IE_DEVICES:
		m->devices = get32(v);
		break;
	case AIOT_AP_IE_AIR_US:
		m->air_us = get64(v);
		break;
	case AIOT_AP_IE_SLOTS:
		m->slots = get64(v);
		break;
	case AIOT_AP_IE_COLLISIONS:
		m->collisions = get64(v);
		break;
	case AIOT_AP_IE_K_AIOTF:
		m->k_aiotf = v;
		break;
	case AIOT_AP_IE_OUTCOME:
		m->outcome = v[0];
		break;
	case AIOT_AP_IE_AS_CAUSE:
		m->as_cause = v[0];
		break;
	case AIOT_AP_IE_ERRNO:
		m->err_no = get32(v);
		break;
	case AIOT_AP_IE_SEC:
		m->sec = v[0];
		break;
	case AIOT_AP_IE_CAUSE:
		m->cause = get16(v);
		break;
	case AIOT_AP_IE_DIAG:
		m->diag = (const char *)v;
		m->diag_len = len;
		break;
	case AIOT_AP_IE_BAD_TYPE:
		m->bad_type = v[0];
		break;
	case AIOT_AP_IE_ATTEMPTS:
		m->attempts = v[0];
		break;
	}
}

/* Values that have a range beyond their size. */
static bool values_ok(const struct aiot_ap_msg *m)
{
	if (AIOT_AP_HAS(m, AIOT_AP_IE_TARGET_BITS) &&
	    (m->target_bits < 1 || m->target_bits > 128))
		return false;
	if (AIOT_AP_HAS(m, AIOT_AP_IE_TARGET) != AIOT_AP_HAS(m, AIOT_AP_IE_TARGET_BITS))
		return false;
	if (AIOT_AP_HAS(m, AIOT_AP_IE_TARGET) &&
	    m->target_len != (size_t)(m->target_bits + 7) / 8)
		return false;
	if (AIOT_AP_HAS(m, AIOT_AP_IE_TARGET_TYPE) && m->target_type > AIOT_TARGET_FILTER)
		return false;
	if (AIOT_AP_HAS(m, AIOT_AP_IE_END_CAUSE) && m->end_cause > AIOT_INV_END_FAILED)
		return false;
	if (AIOT_AP_HAS(m, AIOT_AP_IE_OUTCOME) && m->outcome >= __AIOT_AP_OUTCOME_MAX)
		return false;
	if (AIOT_AP_HAS(m, AIOT_AP_IE_SEC) && m->sec > AIOT_CMD_SEC_MALFORMED)
		return false;
	if (AIOT_AP_HAS(m, AIOT_AP_IE_ATTEMPTS) && (m->attempts < 1 || m->attempts > 16))
		return false;
	return true;
}

int aiot_ap_decode(const uint8_t *buf, size_t len, struct aiot_ap_msg *m)
{
	size_t off = AIOT_AP_HDR_LEN;
	uint64_t one;

	memset(m, 0, sizeof(*m));
	if (len < AIOT_AP_HDR_LEN)
		return AIOT_AP_CAUSE_MALFORMED;
	m->version = buf[0];
	m->type = buf[1];
	m->txn = get64(buf + 8);
	if (m->version != AIOT_AP_VERSION)
		return AIOT_AP_CAUSE_UNSUPPORTED_VERSION;
	if (get32(buf + 4) != len || len > AIOT_AP_MAX_LEN)
		return AIOT_AP_CAUSE_MALFORMED;
	if (!m->type || m->type >= __AIOT_AP_TYPE_MAX)
		return AIOT_AP_CAUSE_UNKNOWN_TYPE;

	while (off < len) {
		unsigned int ie;
		size_t l;

		if (len - off < 4)
			return AIOT_AP_CAUSE_MALFORMED;
		ie = get16(buf + off);
		l = get16(buf + off + 2);
		off += 4;
		if (l > len - off)
			return AIOT_AP_CAUSE_MALFORMED;
		if (ie && ie < __AIOT_AP_IE_MAX) {
			if (l < ie_rule[ie].min || l > ie_rule[ie].max)
				return AIOT_AP_CAUSE_MALFORMED;
			if (AIOT_AP_HAS(m, ie) &&
			    (!ie_rule[ie].repeat || m->n_report_ids >= AIOT_AP_MAX_ACKS))
				return AIOT_AP_CAUSE_MALFORMED;
			take(m, ie, buf + off, l);
			m->present |= BIT(ie);
		}
		/* unknown IEs are skipped: a newer peer may send them */
		off += l;
	}
	one = m->present & one_of[m->type];
	if (!values_ok(m) || (one & (one - 1)))		/* more than one */
		return AIOT_AP_CAUSE_MALFORMED;
	if ((m->present & mandatory[m->type]) != mandatory[m->type] ||
	    (one_of[m->type] && !one))
		return AIOT_AP_CAUSE_MISSING_IE;
	return 0;
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

void aiot_ap_begin(struct aiot_ap_buf *b, uint8_t *p, size_t cap, uint8_t type, uint64_t txn)
{
	b->p = p;
	b->cap = cap < AIOT_AP_MAX_LEN ? cap : AIOT_AP_MAX_LEN;
	b->overflow = b->cap < AIOT_AP_HDR_LEN;
	b->len = AIOT_AP_HDR_LEN;
	if (b->overflow)
		return;
	memset(p, 0, AIOT_AP_HDR_LEN);
	p[0] = AIOT_AP_VERSION;
	p[1] = type;
	put32(p + 8, txn >> 32);
	put32(p + 12, (uint32_t)txn);
}

void aiot_ap_put(struct aiot_ap_buf *b, uint16_t ie, const void *v, size_t len)
{
	if (b->overflow || len > 0xffff || b->cap - b->len < 4 + len) {
		b->overflow = true;
		return;
	}
	b->p[b->len] = ie >> 8;
	b->p[b->len + 1] = ie;
	b->p[b->len + 2] = len >> 8;
	b->p[b->len + 3] = len;
	if (len)
		memcpy(b->p + b->len + 4, v, len);
	b->len += 4 + len;
}

void aiot_ap_put_u8(struct aiot_ap_buf *b, uint16_t ie, uint8_t v)
{
	aiot_ap_put(b, ie, &v, 1);
}

void aiot_ap_put_u16(struct aiot_ap_buf *b, uint16_t ie, uint16_t v)
{
	uint8_t p[2] = { v >> 8, v };

	aiot_ap_put(b, ie, p, 2);
}

void aiot_ap_put_u32(struct aiot_ap_buf *b, uint16_t ie, uint32_t v)
{
	uint8_t p[4];

	put32(p, v);
	aiot_ap_put(b, ie, p, 4);
}

void aiot_ap_put_u64(struct aiot_ap_buf *b, uint16_t ie, uint64_t v)
{
	uint8_t p[8];

	put32(p, v >> 32);
	put32(p + 4, (uint32_t)v);
	aiot_ap_put(b, ie, p, 8);
}

void aiot_ap_put_str(struct aiot_ap_buf *b, uint16_t ie, const char *s)
{
	size_t n = strlen(s);

	if (n)		/* a string IE is never empty */
		aiot_ap_put(b, ie, s, n > 255 ? 255 : n);
}

long aiot_ap_end(struct aiot_ap_buf *b)
{
	if (b->overflow)
		return -1;
	put32(b->p + 4, b->len);
	return b->len;
}

const char *aiot_ap_type_name(unsigned int type)
{
	static const char *const n[__AIOT_AP_TYPE_MAX] = {
		[AIOT_AP_SETUP_REQUEST] = "setup-request",
		[AIOT_AP_SETUP_RESPONSE] = "setup-response",
		[AIOT_AP_INVENTORY_REQUEST] = "inventory-request",
		[AIOT_AP_INVENTORY_REPORT] = "inventory-report",
		[AIOT_AP_INVENTORY_END] = "inventory-end",
		[AIOT_AP_COMMAND_REQUEST] = "command-request",
		[AIOT_AP_COMMAND_RESPONSE] = "command-response",
		[AIOT_AP_REQUEST_ACK] = "request-ack",
		[AIOT_AP_REPORT_ACK] = "report-ack",
		[AIOT_AP_ERROR_INDICATION] = "error-indication",
	};

	return type < __AIOT_AP_TYPE_MAX && n[type] ? n[type] : "unknown";
}

const char *aiot_ap_cause_name(unsigned int cause)
{
	static const char *const n[__AIOT_AP_CAUSE_MAX] = {
		[AIOT_AP_CAUSE_UNSUPPORTED_VERSION] = "unsupported-version",
		[AIOT_AP_CAUSE_UNKNOWN_TYPE] = "unknown-message-type",
		[AIOT_AP_CAUSE_MALFORMED] = "malformed-message",
		[AIOT_AP_CAUSE_MISSING_IE] = "missing-mandatory-ie",
		[AIOT_AP_CAUSE_UNEXPECTED] = "unexpected-message",
		[AIOT_AP_CAUSE_NOT_SET_UP] = "not-set-up",
		[AIOT_AP_CAUSE_UNKNOWN_READER] = "unknown-reader",
		[AIOT_AP_CAUSE_REJECTED] = "rejected-by-reader",
	};

	return cause < __AIOT_AP_CAUSE_MAX && n[cause] ? n[cause] : "unknown";
}

const char *aiot_ap_outcome_name(unsigned int outcome)
{
	static const char *const n[__AIOT_AP_OUTCOME_MAX] = {
		[AIOT_AP_OUTCOME_NAS_RESPONSE] = "nas-response",
		[AIOT_AP_OUTCOME_AS_INDICATION] = "as-indication",
		[AIOT_AP_OUTCOME_NO_RESPONSE] = "no-response",
		[AIOT_AP_OUTCOME_FAILED] = "failed",
		[AIOT_AP_OUTCOME_REJECTED] = "rejected",
		[AIOT_AP_OUTCOME_INTERRUPTED] = "interrupted",
	};

	return outcome < __AIOT_AP_OUTCOME_MAX ? n[outcome] : "unknown";
}

int aiot_ap_parse_addr(const char *s, int *proto, struct sockaddr_storage *ss,
		       unsigned int *sslen, char *err, size_t errlen)
{
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM }, *ai;
	char host[256], port[8];
	const char *h, *colon;
	size_t hl;
	int rc;

	if (!strncmp(s, "sctp:", 5)) {
		*proto = IPPROTO_SCTP;
	} else if (!strncmp(s, "tcp:", 4)) {
		*proto = IPPROTO_TCP;
	} else {
		snprintf(err, errlen, "address '%s' does not start with sctp: or tcp:", s);
		return -1;
	}
	h = strchr(s, ':') + 1;
	if (*h == '[') {
		const char *end = strchr(h, ']');

		if (!end) {
			snprintf(err, errlen, "address '%s' lacks the closing ']'", s);
			return -1;
		}
		hl = end - h - 1;
		h++;
		colon = end[1] == ':' ? end + 1 : NULL;
		if (!colon && end[1]) {
			snprintf(err, errlen, "address '%s': junk after ']'", s);
			return -1;
		}
	} else {
		colon = strrchr(h, ':');
		hl = colon ? (size_t)(colon - h) : strlen(h);
	}
	if (!hl || hl >= sizeof(host)) {
		snprintf(err, errlen, "address '%s' has no host", s);
		return -1;
	}
	memcpy(host, h, hl);
	host[hl] = 0;
	snprintf(port, sizeof(port), "%u", AIOT_AP_PORT);
	if (colon) {
		char *end;
		unsigned long p = strtoul(colon + 1, &end, 10);

		if (!colon[1] || *end || !p || p > 65535) {
			snprintf(err, errlen, "address '%s': port is not a number in 1..65535", s);
			return -1;
		}
		snprintf(port, sizeof(port), "%lu", p);
	}
	rc = getaddrinfo(host, port, &hints, &ai);
	if (rc) {
		snprintf(err, errlen, "address '%s': %s", s, gai_strerror(rc));
		return -1;
	}
	memcpy(ss, ai->ai_addr, ai->ai_addrlen);
	*sslen = ai->ai_addrlen;
	freeaddrinfo(ai);
	return 0;
}

long aiot_ap_rx_fill(int fd, struct aiot_ap_rx *rx)
{
	ssize_t n;

	if (rx->have == sizeof(rx->buf)) {
		errno = EMSGSIZE;
		return -1;
	}
	do
		n = recv(fd, rx->buf + rx->have, sizeof(rx->buf) - rx->have, MSG_DONTWAIT);
	while (n < 0 && errno == EINTR);
	if (n > 0)
		rx->have += n;
	return n;
}

long aiot_ap_rx_next(struct aiot_ap_rx *rx)
{
	long len = aiot_ap_frame_len(rx->buf, rx->have);

	if (len > 0 && (size_t)len > rx->have)
		return 0;
	return len;
}

void aiot_ap_rx_consume(struct aiot_ap_rx *rx, size_t len)
{
	memmove(rx->buf, rx->buf + len, rx->have - len);
	rx->have -= len;
}

int aiot_ap_send(int fd, const uint8_t *p, size_t len)
{
	while (len) {
		ssize_t n = send(fd, p, len, MSG_NOSIGNAL);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= n;
	}
	return 0;
}

int aiot_ap_socket(int family, int proto, char *err, size_t errlen)
{
	int fd = socket(family, SOCK_STREAM | SOCK_CLOEXEC, proto);

	if (fd < 0)
		snprintf(err, errlen, "cannot open a%s socket: %s%s",
			 proto == IPPROTO_SCTP ? "n SCTP" : " TCP", strerror(errno),
			 proto == IPPROTO_SCTP && (errno == EPROTONOSUPPORT ||
						   errno == ESOCKTNOSUPPORT) ?
			 " (load the sctp module, or use a tcp: address)" : "");
	return fd;
}
