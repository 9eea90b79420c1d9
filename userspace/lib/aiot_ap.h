/* SPDX-License-Identifier: GPL-2.0 */
/*
 * AIoT-AP: the application protocol between a reader gateway (aiot-bridge)
 * and the AIOTF (Documentation/aiot-ap.rst). 3GPP has not specified the
 * gateway-AIOTF protocol of a reader that is not part of an NG-RAN node, so
 * every value here is a project value, pending the specification; they
 * live in this header only.
 *
 * A message is a 16-octet header followed by information elements (IEs):
 *
 *   0       1       2       3       4               8              16
 *   +-------+-------+-------+-------+---------------+---------------+
 *   |version| type  | flags (0)     | length (all)  | transaction id |
 *   +-------+-------+-------+-------+---------------+---------------+
 *   | IE type (2)   | IE length (2) | IE value ...  | next IE ...
 *
 * All integers are big-endian; IEs are not padded. The same framing is
 * used over SCTP (one message per SCTP message) and TCP (a byte stream).
 */
#ifndef AIOT_AP_H
#define AIOT_AP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define AIOT_AP_VERSION		1
#define AIOT_AP_HDR_LEN		16
#define AIOT_AP_MAX_LEN		4096	/* whole message, octets */
#define AIOT_AP_PORT		38490	/* project value: SCTP and TCP port */
#define AIOT_AP_MAX_ACKS	64	/* report ids in one Report Ack */

enum aiot_ap_type {
	AIOT_AP_SETUP_REQUEST = 1,	/* gateway -> AIOTF, after connecting */
	AIOT_AP_SETUP_RESPONSE,		/* AIOTF -> gateway */
	AIOT_AP_INVENTORY_REQUEST,	/* AIOTF -> gateway */
	AIOT_AP_INVENTORY_REPORT,	/* gateway -> AIOTF: one device (journaled) */
	AIOT_AP_INVENTORY_END,		/* gateway -> AIOTF: the job ended (journaled) */
	AIOT_AP_COMMAND_REQUEST,	/* AIOTF -> gateway */
	AIOT_AP_COMMAND_RESPONSE,	/* gateway -> AIOTF (journaled) */
	AIOT_AP_REQUEST_ACK,		/* gateway -> AIOTF: request journaled */
	AIOT_AP_REPORT_ACK,		/* AIOTF -> gateway: reports stored */
	AIOT_AP_ERROR_INDICATION,	/* either way */
	__AIOT_AP_TYPE_MAX
};

enum aiot_ap_ie {
	AIOT_AP_IE_GATEWAY_ID = 1,	/* string, 1..64 */
	AIOT_AP_IE_JOURNAL_EPOCH,	/* u64: identifies the gateway's journal */
	AIOT_AP_IE_READER,		/* u32: reader index */
	AIOT_AP_IE_RAND_N,		/* 8 octets: RAND_n, NN */
	AIOT_AP_IE_TARGET_TYPE,		/* u8, enum aiot_target */
	AIOT_AP_IE_TARGET,		/* 1..16 octets, MSB first */
	AIOT_AP_IE_TARGET_BITS,		/* u16, 1..128 */
	AIOT_AP_IE_MAX_DEVICES,		/* u32 */
	AIOT_AP_IE_MAX_TIME_MS,		/* u32 */
	AIOT_AP_IE_REPORT_ID,		/* u64; repeated in a Report Ack */
	AIOT_AP_IE_NAS,			/* AIoT NAS PDU, 1..250 octets */
	AIOT_AP_IE_RSSI,		/* s32, mBm */
	AIOT_AP_IE_SEQ,			/* u32: order in which a device was read */
	AIOT_AP_IE_END_CAUSE,		/* u8, enum aiot_inv_end_cause */
	AIOT_AP_IE_DEVICES,		/* u32 */
	AIOT_AP_IE_AIR_US,		/* u64: modelled air time */
	AIOT_AP_IE_SLOTS,		/* u64 */
	AIOT_AP_IE_COLLISIONS,		/* u64 */
	AIOT_AP_IE_K_AIOTF,		/* 32 octets: offload mode, never journaled */
	AIOT_AP_IE_OUTCOME,		/* u8, enum aiot_ap_outcome */
	AIOT_AP_IE_AS_CAUSE,		/* u8: cause of an AS indication */
	AIOT_AP_IE_ERRNO,		/* u32: errno the gateway's kernel gave */
	AIOT_AP_IE_SEC,			/* u8, enum aiot_cmd_sec_result */
	AIOT_AP_IE_CAUSE,		/* u16, enum aiot_ap_cause */
	AIOT_AP_IE_DIAG,		/* string, 1..255: a sentence for people */
	AIOT_AP_IE_BAD_TYPE,		/* u8: message type an error is about */
	AIOT_AP_IE_ATTEMPTS,		/* u8: command transmissions, 1..16 */
	__AIOT_AP_IE_MAX
};

/* Command Response outcomes: the kernel's enum aiot_cmd_outcome, and two
 * that only the gateway knows.
 */
enum aiot_ap_outcome {
	AIOT_AP_OUTCOME_NAS_RESPONSE,
	AIOT_AP_OUTCOME_AS_INDICATION,
	AIOT_AP_OUTCOME_NO_RESPONSE,
	AIOT_AP_OUTCOME_FAILED,
	AIOT_AP_OUTCOME_REJECTED,	/* the reader refused the request */
	AIOT_AP_OUTCOME_INTERRUPTED,	/* the gateway restarted: unknown */
	__AIOT_AP_OUTCOME_MAX
};

/* Error Indication causes. */
enum aiot_ap_cause {
	AIOT_AP_CAUSE_UNSUPPORTED_VERSION = 1,
	AIOT_AP_CAUSE_UNKNOWN_TYPE,
	AIOT_AP_CAUSE_MALFORMED,	/* bad length, IE overrun, bad IE size */
	AIOT_AP_CAUSE_MISSING_IE,
	AIOT_AP_CAUSE_UNEXPECTED,	/* a message the receiver never takes */
	AIOT_AP_CAUSE_NOT_SET_UP,	/* before the Setup exchange */
	AIOT_AP_CAUSE_UNKNOWN_READER,
	AIOT_AP_CAUSE_REJECTED,		/* the reader refused (see ERRNO, DIAG) */
	__AIOT_AP_CAUSE_MAX
};

/* A decoded message. Binary and string IEs point into the buffer. */
struct aiot_ap_msg {
	uint8_t version;
	uint8_t type;
	uint64_t txn;
	uint64_t present;		/* bit (1 << enum aiot_ap_ie) */

	const char *gateway_id;		/* not NUL-terminated */
	size_t gateway_id_len;
	uint64_t journal_epoch;
	uint32_t reader;
	const uint8_t *rand_n;
	uint8_t target_type;
	const uint8_t *target;
	size_t target_len;
	uint16_t target_bits;
	uint32_t max_devices;
	uint32_t max_time_ms;
	uint64_t report_id[AIOT_AP_MAX_ACKS];
	unsigned int n_report_ids;
	const uint8_t *nas;
	size_t nas_len;
	int32_t rssi;
	uint32_t seq;
	uint8_t end_cause;
	uint32_t devices;
	uint64_t air_us;
	uint64_t slots;
	uint64_t collisions;
	const uint8_t *k_aiotf;
	uint8_t outcome;
	uint8_t as_cause;
	uint32_t err_no;
	uint8_t sec;
	uint16_t cause;
	const char *diag;		/* not NUL-terminated */
	size_t diag_len;
	uint8_t bad_type;
	uint8_t attempts;
};

#define AIOT_AP_HAS(m, ie)	(!!((m)->present & (1ULL << (ie))))

/*
 * How long the message at the start of a stream buffer is: 0 when fewer
 * than AIOT_AP_HDR_LEN octets are there, the length from its header when
 * that is a possible length, else -1 (the stream cannot be resynchronised).
 */
long aiot_ap_frame_len(const uint8_t *buf, size_t have);

/*
 * Decode one whole message. Returns 0, or an enum aiot_ap_cause; on error
 * m->type and m->txn are filled in when the header was readable, so the
 * Error Indication can name them. Unknown IEs are skipped; an IE that is
 * repeated where it may not be, has the wrong size or overruns the
 * message makes it malformed, and so does an Inventory Request with both
 * RAND_N and NAS; a missing mandatory IE is MISSING_IE, and so is an
 * Inventory Request with neither (its paging carries one of them).
 */
int aiot_ap_decode(const uint8_t *buf, size_t len, struct aiot_ap_msg *m);

/* Building a message: begin, put IEs, end (which writes the length). */
struct aiot_ap_buf {
	uint8_t *p;
	size_t len, cap;
	bool overflow;
};

void aiot_ap_begin(struct aiot_ap_buf *b, uint8_t *p, size_t cap, uint8_t type, uint64_t txn);
void aiot_ap_put(struct aiot_ap_buf *b, uint16_t ie, const void *v, size_t len);
void aiot_ap_put_u8(struct aiot_ap_buf *b, uint16_t ie, uint8_t v);
void aiot_ap_put_u16(struct aiot_ap_buf *b, uint16_t ie, uint16_t v);
void aiot_ap_put_u32(struct aiot_ap_buf *b, uint16_t ie, uint32_t v);
void aiot_ap_put_u64(struct aiot_ap_buf *b, uint16_t ie, uint64_t v);
/* A string IE; an empty string puts nothing (string IEs are never empty). */
void aiot_ap_put_str(struct aiot_ap_buf *b, uint16_t ie, const char *s);
/* The message's length, or -1 when it did not fit. */
long aiot_ap_end(struct aiot_ap_buf *b);

const char *aiot_ap_type_name(unsigned int type);
const char *aiot_ap_cause_name(unsigned int cause);
const char *aiot_ap_outcome_name(unsigned int outcome);

/*
 * "sctp:HOST:PORT" or "tcp:HOST:PORT" (HOST an IPv4 or IPv6 literal or a
 * name; ":PORT" optional, AIOT_AP_PORT by default; IPv6 in brackets).
 * Fills *proto with IPPROTO_SCTP or IPPROTO_TCP. Returns 0 or -1 with a
 * sentence in err.
 */
struct sockaddr_storage;
int aiot_ap_parse_addr(const char *s, int *proto, struct sockaddr_storage *ss,
		       unsigned int *sslen, char *err, size_t errlen);

/*
 * Receiving from a stream socket: fill reads what the socket has (returns
 * as recv(), EMSGSIZE when the buffer is full); next gives the length of
 * the whole message at rx->buf, 0 when more is needed, -1 when the stream
 * cannot be resynchronised (close it); consume drops it.
 */
struct aiot_ap_rx {
	uint8_t buf[2 * AIOT_AP_MAX_LEN];
	size_t have;
};

long aiot_ap_rx_fill(int fd, struct aiot_ap_rx *rx);
long aiot_ap_rx_next(struct aiot_ap_rx *rx);
void aiot_ap_rx_consume(struct aiot_ap_rx *rx, size_t len);
/* Send a whole message (blocking; never SIGPIPE). 0 or -1 with errno. */
int aiot_ap_send(int fd, const uint8_t *p, size_t len);
/* A stream socket of the address's protocol, with a sentence on failure. */
int aiot_ap_socket(int family, int proto, char *err, size_t errlen);

#endif /* AIOT_AP_H */
