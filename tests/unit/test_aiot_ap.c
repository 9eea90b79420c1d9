// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: the AIoT-AP codec (userspace/lib/aiot_ap.c,
 * Documentation/aiot-ap.rst). The wire values are pinned, a few messages are
 * written out octet by octet from the wire format (not produced by the
 * encoder), every message type makes a round trip, and every rule of the
 * decoder is broken once, with the cause it must give. Also the stream
 * framing helpers and the address parser.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <cmocka.h>

#include "aiot_ap.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define BIT(ie)		(1ULL << (ie))

/* ---- the wire values ------------------------------------------------------ */

static void wire_values(void **state)
{
	(void)state;
	assert_int_equal(AIOT_AP_VERSION, 1);
	assert_int_equal(AIOT_AP_HDR_LEN, 16);
	assert_int_equal(AIOT_AP_MAX_LEN, 4096);
	assert_int_equal(AIOT_AP_PORT, 38490);
	assert_int_equal(AIOT_AP_MAX_ACKS, 64);

	assert_int_equal(AIOT_AP_SETUP_REQUEST, 1);
	assert_int_equal(AIOT_AP_SETUP_RESPONSE, 2);
	assert_int_equal(AIOT_AP_INVENTORY_REQUEST, 3);
	assert_int_equal(AIOT_AP_INVENTORY_REPORT, 4);
	assert_int_equal(AIOT_AP_INVENTORY_END, 5);
	assert_int_equal(AIOT_AP_COMMAND_REQUEST, 6);
	assert_int_equal(AIOT_AP_COMMAND_RESPONSE, 7);
	assert_int_equal(AIOT_AP_REQUEST_ACK, 8);
	assert_int_equal(AIOT_AP_REPORT_ACK, 9);
	assert_int_equal(AIOT_AP_ERROR_INDICATION, 10);
	assert_int_equal(__AIOT_AP_TYPE_MAX, 11);

	assert_int_equal(AIOT_AP_IE_GATEWAY_ID, 1);
	assert_int_equal(AIOT_AP_IE_JOURNAL_EPOCH, 2);
	assert_int_equal(AIOT_AP_IE_READER, 3);
	assert_int_equal(AIOT_AP_IE_RAND_N, 4);
	assert_int_equal(AIOT_AP_IE_TARGET_TYPE, 5);
	assert_int_equal(AIOT_AP_IE_TARGET, 6);
	assert_int_equal(AIOT_AP_IE_TARGET_BITS, 7);
	assert_int_equal(AIOT_AP_IE_MAX_DEVICES, 8);
	assert_int_equal(AIOT_AP_IE_MAX_TIME_MS, 9);
	assert_int_equal(AIOT_AP_IE_REPORT_ID, 10);
	assert_int_equal(AIOT_AP_IE_NAS, 11);
	assert_int_equal(AIOT_AP_IE_RSSI, 12);
	assert_int_equal(AIOT_AP_IE_SEQ, 13);
	assert_int_equal(AIOT_AP_IE_END_CAUSE, 14);
	assert_int_equal(AIOT_AP_IE_DEVICES, 15);
	assert_int_equal(AIOT_AP_IE_AIR_US, 16);
	assert_int_equal(AIOT_AP_IE_SLOTS, 17);
	assert_int_equal(AIOT_AP_IE_COLLISIONS, 18);
	assert_int_equal(AIOT_AP_IE_K_AIOTF, 19);
	assert_int_equal(AIOT_AP_IE_OUTCOME, 20);
	assert_int_equal(AIOT_AP_IE_AS_CAUSE, 21);
	assert_int_equal(AIOT_AP_IE_ERRNO, 22);
	assert_int_equal(AIOT_AP_IE_SEC, 23);
	assert_int_equal(AIOT_AP_IE_CAUSE, 24);
	assert_int_equal(AIOT_AP_IE_DIAG, 25);
	assert_int_equal(AIOT_AP_IE_BAD_TYPE, 26);
	assert_int_equal(AIOT_AP_IE_ATTEMPTS, 27);
	assert_int_equal(__AIOT_AP_IE_MAX, 28);

	assert_int_equal(AIOT_AP_OUTCOME_NAS_RESPONSE, 0);
	assert_int_equal(AIOT_AP_OUTCOME_AS_INDICATION, 1);
	assert_int_equal(AIOT_AP_OUTCOME_NO_RESPONSE, 2);
	assert_int_equal(AIOT_AP_OUTCOME_FAILED, 3);
	assert_int_equal(AIOT_AP_OUTCOME_REJECTED, 4);
	assert_int_equal(AIOT_AP_OUTCOME_INTERRUPTED, 5);
	assert_int_equal(__AIOT_AP_OUTCOME_MAX, 6);

	assert_int_equal(AIOT_AP_CAUSE_UNSUPPORTED_VERSION, 1);
	assert_int_equal(AIOT_AP_CAUSE_UNKNOWN_TYPE, 2);
	assert_int_equal(AIOT_AP_CAUSE_MALFORMED, 3);
	assert_int_equal(AIOT_AP_CAUSE_MISSING_IE, 4);
	assert_int_equal(AIOT_AP_CAUSE_UNEXPECTED, 5);
	assert_int_equal(AIOT_AP_CAUSE_NOT_SET_UP, 6);
	assert_int_equal(AIOT_AP_CAUSE_UNKNOWN_READER, 7);
	assert_int_equal(AIOT_AP_CAUSE_REJECTED, 8);
	assert_int_equal(__AIOT_AP_CAUSE_MAX, 9);
}

static void names(void **state)
{
	(void)state;
	assert_string_equal(aiot_ap_type_name(AIOT_AP_SETUP_REQUEST), "setup-request");
	assert_string_equal(aiot_ap_type_name(AIOT_AP_ERROR_INDICATION), "error-indication");
	assert_string_equal(aiot_ap_type_name(0), "unknown");
	assert_string_equal(aiot_ap_type_name(__AIOT_AP_TYPE_MAX), "unknown");
	assert_string_equal(aiot_ap_cause_name(AIOT_AP_CAUSE_MISSING_IE), "missing-mandatory-ie");
	assert_string_equal(aiot_ap_cause_name(0), "unknown");
	assert_string_equal(aiot_ap_cause_name(__AIOT_AP_CAUSE_MAX), "unknown");
	assert_string_equal(aiot_ap_outcome_name(AIOT_AP_OUTCOME_NAS_RESPONSE), "nas-response");
	assert_string_equal(aiot_ap_outcome_name(AIOT_AP_OUTCOME_INTERRUPTED), "interrupted");
	assert_string_equal(aiot_ap_outcome_name(__AIOT_AP_OUTCOME_MAX), "unknown");
}

/* ---- messages written out from the wire format ---------------------------- */

/* Setup Request, txn 0x0102030405060708: GATEWAY_ID "gw1", JOURNAL_EPOCH. */
static const uint8_t setup_request_wire[] = {
	0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x23,		/* 35 octets */
	0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
	0x00, 0x01, 0x00, 0x03, 'g', 'w', '1',
	0x00, 0x02, 0x00, 0x08, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88,
};

static void setup_request_octets(void **state)
{
	uint8_t buf[AIOT_AP_MAX_LEN];
	struct aiot_ap_buf b;
	struct aiot_ap_msg m;

	(void)state;
	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_SETUP_REQUEST, 0x0102030405060708ULL);
	aiot_ap_put_str(&b, AIOT_AP_IE_GATEWAY_ID, "gw1");
	aiot_ap_put_u64(&b, AIOT_AP_IE_JOURNAL_EPOCH, 0x1122334455667788ULL);
	assert_int_equal(aiot_ap_end(&b), sizeof(setup_request_wire));
	assert_memory_equal(buf, setup_request_wire, sizeof(setup_request_wire));

	assert_int_equal(aiot_ap_decode(setup_request_wire, sizeof(setup_request_wire), &m), 0);
	assert_int_equal(m.version, 1);
	assert_int_equal(m.type, AIOT_AP_SETUP_REQUEST);
	assert_true(m.txn == 0x0102030405060708ULL);
	assert_true(m.present == (BIT(AIOT_AP_IE_GATEWAY_ID) | BIT(AIOT_AP_IE_JOURNAL_EPOCH)));
	assert_int_equal(m.gateway_id_len, 3);
	assert_memory_equal(m.gateway_id, "gw1", 3);
	assert_ptr_equal(m.gateway_id, (const char *)setup_request_wire + 20);
	assert_true(m.journal_epoch == 0x1122334455667788ULL);
}

/*
 * Command Response, txn 42: REPORT_ID 0x100, OUTCOME nas-response, NAS
 * 00 51 07, SEC verified, ATTEMPTS 2, RSSI -7000 mBm.
 */
static const uint8_t command_response_wire[] = {
	0x01, 0x07, 0x00, 0x00, 0x00, 0x00, 0x00, 0x3a,		/* 58 octets */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x2a,
	0x00, 0x0a, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00,
	0x00, 0x14, 0x00, 0x01, 0x00,
	0x00, 0x0b, 0x00, 0x03, 0x00, 0x51, 0x07,
	0x00, 0x17, 0x00, 0x01, 0x01,
	0x00, 0x1b, 0x00, 0x01, 0x02,
	0x00, 0x0c, 0x00, 0x04, 0xff, 0xff, 0xe4, 0xa8,
};

static void command_response_octets(void **state)
{
	static const uint8_t nas[] = { 0x00, 0x51, 0x07 };
	uint8_t buf[AIOT_AP_MAX_LEN];
	struct aiot_ap_buf b;
	struct aiot_ap_msg m;

	(void)state;
	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_COMMAND_RESPONSE, 42);
	aiot_ap_put_u64(&b, AIOT_AP_IE_REPORT_ID, 0x100);
	aiot_ap_put_u8(&b, AIOT_AP_IE_OUTCOME, AIOT_AP_OUTCOME_NAS_RESPONSE);
	aiot_ap_put(&b, AIOT_AP_IE_NAS, nas, sizeof(nas));
	aiot_ap_put_u8(&b, AIOT_AP_IE_SEC, 1);
	aiot_ap_put_u8(&b, AIOT_AP_IE_ATTEMPTS, 2);
	aiot_ap_put_u32(&b, AIOT_AP_IE_RSSI, (uint32_t)-7000);
	assert_int_equal(aiot_ap_end(&b), sizeof(command_response_wire));
	assert_memory_equal(buf, command_response_wire, sizeof(command_response_wire));

	assert_int_equal(aiot_ap_decode(command_response_wire, sizeof(command_response_wire),
					&m), 0);
	assert_int_equal(m.type, AIOT_AP_COMMAND_RESPONSE);
	assert_true(m.txn == 42);
	assert_true(m.present == (BIT(AIOT_AP_IE_REPORT_ID) | BIT(AIOT_AP_IE_OUTCOME) |
				  BIT(AIOT_AP_IE_NAS) | BIT(AIOT_AP_IE_SEC) |
				  BIT(AIOT_AP_IE_ATTEMPTS) | BIT(AIOT_AP_IE_RSSI)));
	assert_int_equal(m.n_report_ids, 1);
	assert_true(m.report_id[0] == 0x100);
	assert_int_equal(m.outcome, AIOT_AP_OUTCOME_NAS_RESPONSE);
	assert_int_equal(m.nas_len, 3);
	assert_memory_equal(m.nas, nas, 3);
	assert_int_equal(m.sec, 1);
	assert_int_equal(m.attempts, 2);
	assert_int_equal(m.rssi, -7000);
}

/* Error Indication, txn 0xfedcba9876543210: CAUSE malformed, BAD_TYPE 6, DIAG "bad". */
static const uint8_t error_indication_wire[] = {
	0x01, 0x0a, 0x00, 0x00, 0x00, 0x00, 0x00, 0x22,		/* 34 octets */
	0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10,
	0x00, 0x18, 0x00, 0x02, 0x00, 0x03,
	0x00, 0x1a, 0x00, 0x01, 0x06,
	0x00, 0x19, 0x00, 0x03, 'b', 'a', 'd',
};

static void error_indication_octets(void **state)
{
	uint8_t buf[AIOT_AP_MAX_LEN];
	struct aiot_ap_buf b;
	struct aiot_ap_msg m;

	(void)state;
	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_ERROR_INDICATION, 0xfedcba9876543210ULL);
	aiot_ap_put_u16(&b, AIOT_AP_IE_CAUSE, AIOT_AP_CAUSE_MALFORMED);
	aiot_ap_put_u8(&b, AIOT_AP_IE_BAD_TYPE, AIOT_AP_COMMAND_REQUEST);
	aiot_ap_put_str(&b, AIOT_AP_IE_DIAG, "bad");
	assert_int_equal(aiot_ap_end(&b), sizeof(error_indication_wire));
	assert_memory_equal(buf, error_indication_wire, sizeof(error_indication_wire));

	assert_int_equal(aiot_ap_decode(error_indication_wire, sizeof(error_indication_wire),
					&m), 0);
	assert_int_equal(m.type, AIOT_AP_ERROR_INDICATION);
	assert_true(m.txn == 0xfedcba9876543210ULL);
	assert_int_equal(m.cause, AIOT_AP_CAUSE_MALFORMED);
	assert_int_equal(m.bad_type, AIOT_AP_COMMAND_REQUEST);
	assert_int_equal(m.diag_len, 3);
	assert_memory_equal(m.diag, "bad", 3);
}

/* Report Ack, txn 1: report ids 7 and 0x8000000000000001. */
static const uint8_t report_ack_wire[] = {
	0x01, 0x09, 0x00, 0x00, 0x00, 0x00, 0x00, 0x28,		/* 40 octets */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,
	0x00, 0x0a, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x07,
	0x00, 0x0a, 0x00, 0x08, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,
};

static void report_ack_octets(void **state)
{
	uint8_t buf[AIOT_AP_MAX_LEN];
	struct aiot_ap_buf b;
	struct aiot_ap_msg m;

	(void)state;
	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_REPORT_ACK, 1);
	aiot_ap_put_u64(&b, AIOT_AP_IE_REPORT_ID, 7);
	aiot_ap_put_u64(&b, AIOT_AP_IE_REPORT_ID, 0x8000000000000001ULL);
	assert_int_equal(aiot_ap_end(&b), sizeof(report_ack_wire));
	assert_memory_equal(buf, report_ack_wire, sizeof(report_ack_wire));

	assert_int_equal(aiot_ap_decode(report_ack_wire, sizeof(report_ack_wire), &m), 0);
	assert_int_equal(m.type, AIOT_AP_REPORT_ACK);
	assert_int_equal(m.n_report_ids, 2);
	assert_true(m.report_id[0] == 7);
	assert_true(m.report_id[1] == 0x8000000000000001ULL);
}

/*
 * Inventory Request, txn 7, decoded only: an unknown IE (0x00ff) between
 * READER and RAND_N; a 12-bit target.
 */
static const uint8_t inventory_request_wire[] = {
	0x01, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x4b,		/* 75 octets */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x07,
	0x00, 0x03, 0x00, 0x04, 0x00, 0x00, 0x00, 0x02,
	0x00, 0xff, 0x00, 0x02, 0xaa, 0xbb,
	0x00, 0x04, 0x00, 0x08, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
	0x00, 0x05, 0x00, 0x01, 0x01,
	0x00, 0x06, 0x00, 0x02, 0xa1, 0x70,
	0x00, 0x07, 0x00, 0x02, 0x00, 0x0c,
	0x00, 0x08, 0x00, 0x04, 0x00, 0x00, 0x01, 0x2c,
	0x00, 0x09, 0x00, 0x04, 0x00, 0x00, 0x27, 0x10,
};

static void inventory_request_octets(void **state)
{
	static const uint8_t rand_n[] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	static const uint8_t target[] = { 0xa1, 0x70 };
	struct aiot_ap_msg m;

	(void)state;
	assert_int_equal(aiot_ap_decode(inventory_request_wire, sizeof(inventory_request_wire),
					&m), 0);
	assert_int_equal(m.type, AIOT_AP_INVENTORY_REQUEST);
	assert_true(m.txn == 7);
	assert_true(m.present == (BIT(AIOT_AP_IE_READER) | BIT(AIOT_AP_IE_RAND_N) |
				  BIT(AIOT_AP_IE_TARGET_TYPE) | BIT(AIOT_AP_IE_TARGET) |
				  BIT(AIOT_AP_IE_TARGET_BITS) | BIT(AIOT_AP_IE_MAX_DEVICES) |
				  BIT(AIOT_AP_IE_MAX_TIME_MS)));
	assert_int_equal(m.reader, 2);
	assert_memory_equal(m.rand_n, rand_n, 8);
	assert_int_equal(m.target_type, 1);
	assert_int_equal(m.target_len, 2);
	assert_memory_equal(m.target, target, 2);
	assert_int_equal(m.target_bits, 12);
	assert_int_equal(m.max_devices, 300);
	assert_int_equal(m.max_time_ms, 10000);
	assert_int_equal(aiot_ap_frame_len(inventory_request_wire, AIOT_AP_HDR_LEN), 75);
}

/*
 * Inventory Request, txn 0x0b, paging with a NAS container instead of
 * RAND_N (a study profile's paging message, here an 11-octet Y Paging
 * Request): READER 0, NAS, MAX_DEVICES 1.
 */
static const uint8_t inventory_request_nas_wire[] = {
	0x01, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x2f,		/* 47 octets */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0b,
	0x00, 0x03, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x0b, 0x00, 0x0b, 0x00, 0x60, 0x00,
	0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18,
	0x00, 0x08, 0x00, 0x04, 0x00, 0x00, 0x00, 0x01,
};

static void inventory_request_nas_octets(void **state)
{
	uint8_t buf[AIOT_AP_MAX_LEN];
	struct aiot_ap_buf b;
	struct aiot_ap_msg m;
	const uint8_t *nas = inventory_request_nas_wire + 28;

	(void)state;
	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_INVENTORY_REQUEST, 0x0b);
	aiot_ap_put_u32(&b, AIOT_AP_IE_READER, 0);
	aiot_ap_put(&b, AIOT_AP_IE_NAS, nas, 11);
	aiot_ap_put_u32(&b, AIOT_AP_IE_MAX_DEVICES, 1);
	assert_int_equal(aiot_ap_end(&b), sizeof(inventory_request_nas_wire));
	assert_memory_equal(buf, inventory_request_nas_wire, sizeof(inventory_request_nas_wire));

	assert_int_equal(aiot_ap_decode(inventory_request_nas_wire,
					sizeof(inventory_request_nas_wire), &m), 0);
	assert_int_equal(m.type, AIOT_AP_INVENTORY_REQUEST);
	assert_true(m.txn == 0x0b);
	assert_true(m.present == (BIT(AIOT_AP_IE_READER) | BIT(AIOT_AP_IE_NAS) |
				  BIT(AIOT_AP_IE_MAX_DEVICES)));
	assert_null(m.rand_n);
	assert_int_equal(m.nas_len, 11);
	assert_ptr_equal(m.nas, nas);
	assert_int_equal(m.nas[1], 0x60);
	assert_int_equal(m.max_devices, 1);
}

/*
 * Command Request, txn 0x0c, with RAND_N (solution-9's NN', which the
 * contention-free paging carries): READER 1, TARGET_TYPE 3 (concealed: a
 * protected ID), TARGET 5e1f902c/32, NAS (a 12-octet 9 Command Request),
 * RAND_N.
 */
static const uint8_t command_request_rand_wire[] = {
	0x01, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x47,		/* 71 octets */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c,
	0x00, 0x03, 0x00, 0x04, 0x00, 0x00, 0x00, 0x01,
	0x00, 0x05, 0x00, 0x01, 0x03,
	0x00, 0x06, 0x00, 0x04, 0x5e, 0x1f, 0x90, 0x2c,
	0x00, 0x07, 0x00, 0x02, 0x00, 0x20,
	0x00, 0x0b, 0x00, 0x0c, 0x00, 0x72, 0x15, 0xc3, 0x9a, 0x07, 0xe1, 0x44,
	0xde, 0xad, 0xbe, 0xef,
	0x00, 0x04, 0x00, 0x08, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98,
};

static void command_request_rand_octets(void **state)
{
	const uint8_t *w = command_request_rand_wire;
	uint8_t buf[AIOT_AP_MAX_LEN];
	struct aiot_ap_buf b;
	struct aiot_ap_msg m;

	(void)state;
	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_COMMAND_REQUEST, 0x0c);
	aiot_ap_put_u32(&b, AIOT_AP_IE_READER, 1);
	aiot_ap_put_u8(&b, AIOT_AP_IE_TARGET_TYPE, 3);
	aiot_ap_put(&b, AIOT_AP_IE_TARGET, w + 33, 4);
	aiot_ap_put_u16(&b, AIOT_AP_IE_TARGET_BITS, 32);
	aiot_ap_put(&b, AIOT_AP_IE_NAS, w + 47, 12);
	aiot_ap_put(&b, AIOT_AP_IE_RAND_N, w + 63, 8);
	assert_int_equal(aiot_ap_end(&b), sizeof(command_request_rand_wire));
	assert_memory_equal(buf, w, sizeof(command_request_rand_wire));

	assert_int_equal(aiot_ap_decode(w, sizeof(command_request_rand_wire), &m), 0);
	assert_int_equal(m.type, AIOT_AP_COMMAND_REQUEST);
	assert_true(m.txn == 0x0c);
	assert_true(m.present == (BIT(AIOT_AP_IE_READER) | BIT(AIOT_AP_IE_TARGET_TYPE) |
				  BIT(AIOT_AP_IE_TARGET) | BIT(AIOT_AP_IE_TARGET_BITS) |
				  BIT(AIOT_AP_IE_NAS) | BIT(AIOT_AP_IE_RAND_N)));
	assert_int_equal(m.reader, 1);
	assert_int_equal(m.target_type, 3);
	assert_int_equal(m.target_bits, 32);
	assert_int_equal(m.target[0], 0x5e);
	assert_int_equal(m.nas_len, 12);
	assert_int_equal(m.nas[1], 0x72);
	assert_ptr_equal(m.rand_n, w + 63);
	assert_int_equal(m.rand_n[7], 0x98);
}

/*
 * An Inventory Request pages with exactly one of RAND_N and NAS. Both:
 * malformed (a value rule, so before the mandatory IEs: also without
 * READER); neither: missing-mandatory-ie. Type and txn are named.
 */
static const uint8_t inventory_request_both_wire[] = {
	0x01, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x2b,		/* 43 octets */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0d,
	0x00, 0x03, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x04, 0x00, 0x08, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
	0x00, 0x0b, 0x00, 0x03, 0x00, 0x60, 0x00,
};
static const uint8_t inventory_request_both_no_reader_wire[] = {
	0x01, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x23,		/* 35 octets */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0e,
	0x00, 0x0b, 0x00, 0x03, 0x00, 0x60, 0x00,
	0x00, 0x04, 0x00, 0x08, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
};
static const uint8_t inventory_request_neither_wire[] = {
	0x01, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x20,		/* 32 octets */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0f,
	0x00, 0x03, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x08, 0x00, 0x04, 0x00, 0x00, 0x00, 0x01,
};

static void inventory_request_paging_rules(void **state)
{
	static const struct {
		const uint8_t *wire;
		size_t len;
		int cause;
		uint64_t txn;
	} c[] = {
		{ inventory_request_both_wire, sizeof(inventory_request_both_wire),
		  AIOT_AP_CAUSE_MALFORMED, 0x0d },
		{ inventory_request_both_no_reader_wire,
		  sizeof(inventory_request_both_no_reader_wire), AIOT_AP_CAUSE_MALFORMED, 0x0e },
		{ inventory_request_neither_wire, sizeof(inventory_request_neither_wire),
		  AIOT_AP_CAUSE_MISSING_IE, 0x0f },
	};
	uint8_t buf[64];
	struct aiot_ap_msg m;
	unsigned int i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(c); i++) {
		assert_int_equal(aiot_ap_decode(c[i].wire, c[i].len, &m), c[i].cause);
		assert_int_equal(m.type, AIOT_AP_INVENTORY_REQUEST);
		assert_true(m.txn == c[i].txn);
	}
	/* one of them alone decodes: RAND_N (as ever), NAS */
	memcpy(buf, inventory_request_both_wire, 36);
	buf[7] = 36;
	assert_int_equal(aiot_ap_decode(buf, 36, &m), 0);
	assert_true(m.present == (BIT(AIOT_AP_IE_READER) | BIT(AIOT_AP_IE_RAND_N)));
	memcpy(buf + 16, inventory_request_both_wire + 16, 8);
	memcpy(buf + 24, inventory_request_both_wire + 36, 7);
	buf[7] = 31;
	assert_int_equal(aiot_ap_decode(buf, 31, &m), 0);
	assert_true(m.present == (BIT(AIOT_AP_IE_READER) | BIT(AIOT_AP_IE_NAS)));
	assert_int_equal(m.nas_len, 3);
}

/* ---- round trips of every message type ------------------------------------ */

static const uint8_t nas_pdu[] = { 0x00, 0x50, 0x01, 0x02, 0x00, 0x09 };
static const uint8_t k_aiotf[32] = {
	0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd,
	0xee, 0xff, 0x0f, 0x1e, 0x2d, 0x3c, 0x4b, 0x5a, 0x69, 0x78, 0x87, 0x96, 0xa5, 0xb4,
	0xc3, 0xd2, 0xe1, 0xf0,
};
static const uint8_t rand_n8[8] = { 0xde, 0xad, 0xbe, 0xef, 0x01, 0x23, 0x45, 0x67 };
static const uint8_t target_id[16] = {
	0xa1, 0x07, 0x00, 0x2a, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0xc0,
};

/* End a message, check its length field, decode it, check header and IEs. */
static void decode_built(struct aiot_ap_buf *b, struct aiot_ap_msg *m, uint8_t type,
			 uint64_t txn, uint64_t present)
{
	long n = aiot_ap_end(b);

	assert_true(n >= AIOT_AP_HDR_LEN);
	assert_int_equal(aiot_ap_frame_len(b->p, n), n);
	assert_int_equal(aiot_ap_decode(b->p, n, m), 0);
	assert_int_equal(m->version, AIOT_AP_VERSION);
	assert_int_equal(m->type, type);
	assert_true(m->txn == txn);
	assert_true(m->present == present);
}

static void round_trips(void **state)
{
	uint8_t buf[AIOT_AP_MAX_LEN];
	struct aiot_ap_buf b;
	struct aiot_ap_msg m;
	unsigned int i;

	(void)state;
	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_SETUP_REQUEST, 0);
	aiot_ap_put_str(&b, AIOT_AP_IE_GATEWAY_ID,
			"0123456789012345678901234567890123456789012345678901234567890123");
	aiot_ap_put_u64(&b, AIOT_AP_IE_JOURNAL_EPOCH, UINT64_MAX);
	decode_built(&b, &m, AIOT_AP_SETUP_REQUEST, 0,
		     BIT(AIOT_AP_IE_GATEWAY_ID) | BIT(AIOT_AP_IE_JOURNAL_EPOCH));
	assert_int_equal(m.gateway_id_len, 64);
	assert_memory_equal(m.gateway_id + 60, "0123", 4);
	assert_true(m.journal_epoch == UINT64_MAX);

	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_SETUP_RESPONSE, UINT64_MAX);
	decode_built(&b, &m, AIOT_AP_SETUP_RESPONSE, UINT64_MAX, 0);
	assert_int_equal(b.len, AIOT_AP_HDR_LEN);

	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_INVENTORY_REQUEST, 0x1000);
	aiot_ap_put_u32(&b, AIOT_AP_IE_READER, 0xfffffffe);
	aiot_ap_put(&b, AIOT_AP_IE_RAND_N, rand_n8, 8);
	aiot_ap_put_u8(&b, AIOT_AP_IE_TARGET_TYPE, 4);
	aiot_ap_put(&b, AIOT_AP_IE_TARGET, target_id, 16);
	aiot_ap_put_u16(&b, AIOT_AP_IE_TARGET_BITS, 128);
	aiot_ap_put_u32(&b, AIOT_AP_IE_MAX_DEVICES, 100000);
	aiot_ap_put_u32(&b, AIOT_AP_IE_MAX_TIME_MS, 0x80000001);
	decode_built(&b, &m, AIOT_AP_INVENTORY_REQUEST, 0x1000,
		     BIT(AIOT_AP_IE_READER) | BIT(AIOT_AP_IE_RAND_N) |
		     BIT(AIOT_AP_IE_TARGET_TYPE) | BIT(AIOT_AP_IE_TARGET) |
		     BIT(AIOT_AP_IE_TARGET_BITS) | BIT(AIOT_AP_IE_MAX_DEVICES) |
		     BIT(AIOT_AP_IE_MAX_TIME_MS));
	assert_int_equal(m.reader, 0xfffffffe);
	assert_memory_equal(m.rand_n, rand_n8, 8);
	assert_int_equal(m.target_type, 4);
	assert_int_equal(m.target_len, 16);
	assert_memory_equal(m.target, target_id, 16);
	assert_int_equal(m.target_bits, 128);
	assert_int_equal(m.max_devices, 100000);
	assert_int_equal(m.max_time_ms, 0x80000001);

	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_INVENTORY_REPORT, 0x1000);
	aiot_ap_put_u64(&b, AIOT_AP_IE_REPORT_ID, 77);
	aiot_ap_put_u32(&b, AIOT_AP_IE_READER, 0);
	aiot_ap_put(&b, AIOT_AP_IE_NAS, nas_pdu, sizeof(nas_pdu));
	aiot_ap_put_u32(&b, AIOT_AP_IE_RSSI, (uint32_t)INT32_MIN);
	aiot_ap_put_u32(&b, AIOT_AP_IE_SEQ, 299);
	decode_built(&b, &m, AIOT_AP_INVENTORY_REPORT, 0x1000,
		     BIT(AIOT_AP_IE_REPORT_ID) | BIT(AIOT_AP_IE_READER) | BIT(AIOT_AP_IE_NAS) |
		     BIT(AIOT_AP_IE_RSSI) | BIT(AIOT_AP_IE_SEQ));
	assert_int_equal(m.n_report_ids, 1);
	assert_true(m.report_id[0] == 77);
	assert_int_equal(m.reader, 0);
	assert_int_equal(m.nas_len, sizeof(nas_pdu));
	assert_memory_equal(m.nas, nas_pdu, sizeof(nas_pdu));
	assert_int_equal(m.rssi, INT32_MIN);
	assert_int_equal(m.seq, 299);

	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_INVENTORY_END, 0x1000);
	aiot_ap_put_u64(&b, AIOT_AP_IE_REPORT_ID, 78);
	aiot_ap_put_u32(&b, AIOT_AP_IE_READER, 3);
	aiot_ap_put_u8(&b, AIOT_AP_IE_END_CAUSE, 6);
	aiot_ap_put_u32(&b, AIOT_AP_IE_DEVICES, 300);
	aiot_ap_put_u64(&b, AIOT_AP_IE_AIR_US, 0x123456789aULL);
	aiot_ap_put_u64(&b, AIOT_AP_IE_SLOTS, 1024);
	aiot_ap_put_u64(&b, AIOT_AP_IE_COLLISIONS, 0x0100000000000000ULL);
	decode_built(&b, &m, AIOT_AP_INVENTORY_END, 0x1000,
		     BIT(AIOT_AP_IE_REPORT_ID) | BIT(AIOT_AP_IE_READER) |
		     BIT(AIOT_AP_IE_END_CAUSE) | BIT(AIOT_AP_IE_DEVICES) |
		     BIT(AIOT_AP_IE_AIR_US) | BIT(AIOT_AP_IE_SLOTS) | BIT(AIOT_AP_IE_COLLISIONS));
	assert_true(m.report_id[0] == 78);
	assert_int_equal(m.reader, 3);
	assert_int_equal(m.end_cause, 6);
	assert_int_equal(m.devices, 300);
	assert_true(m.air_us == 0x123456789aULL);
	assert_true(m.slots == 1024);
	assert_true(m.collisions == 0x0100000000000000ULL);

	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_COMMAND_REQUEST, 0x2000);
	aiot_ap_put_u32(&b, AIOT_AP_IE_READER, 1);
	aiot_ap_put_u8(&b, AIOT_AP_IE_TARGET_TYPE, 1);
	aiot_ap_put(&b, AIOT_AP_IE_TARGET, target_id, 4);
	aiot_ap_put_u16(&b, AIOT_AP_IE_TARGET_BITS, 25);
	aiot_ap_put(&b, AIOT_AP_IE_NAS, nas_pdu, sizeof(nas_pdu));
	aiot_ap_put(&b, AIOT_AP_IE_K_AIOTF, k_aiotf, sizeof(k_aiotf));
	aiot_ap_put_u8(&b, AIOT_AP_IE_ATTEMPTS, 16);
	decode_built(&b, &m, AIOT_AP_COMMAND_REQUEST, 0x2000,
		     BIT(AIOT_AP_IE_READER) | BIT(AIOT_AP_IE_TARGET_TYPE) |
		     BIT(AIOT_AP_IE_TARGET) | BIT(AIOT_AP_IE_TARGET_BITS) | BIT(AIOT_AP_IE_NAS) |
		     BIT(AIOT_AP_IE_K_AIOTF) | BIT(AIOT_AP_IE_ATTEMPTS));
	assert_int_equal(m.reader, 1);
	assert_int_equal(m.target_type, 1);
	assert_int_equal(m.target_len, 4);
	assert_memory_equal(m.target, target_id, 4);
	assert_int_equal(m.target_bits, 25);
	assert_int_equal(m.nas_len, sizeof(nas_pdu));
	assert_memory_equal(m.k_aiotf, k_aiotf, 32);
	assert_int_equal(m.attempts, 16);

	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_COMMAND_RESPONSE, 0x2000);
	aiot_ap_put_u64(&b, AIOT_AP_IE_REPORT_ID, 79);
	aiot_ap_put_u8(&b, AIOT_AP_IE_OUTCOME, AIOT_AP_OUTCOME_AS_INDICATION);
	aiot_ap_put_u8(&b, AIOT_AP_IE_AS_CAUSE, 1);
	aiot_ap_put_u32(&b, AIOT_AP_IE_ERRNO, 110);
	aiot_ap_put_u8(&b, AIOT_AP_IE_ATTEMPTS, 1);
	aiot_ap_put_u8(&b, AIOT_AP_IE_SEC, 3);
	aiot_ap_put_str(&b, AIOT_AP_IE_DIAG, "AS indication");
	decode_built(&b, &m, AIOT_AP_COMMAND_RESPONSE, 0x2000,
		     BIT(AIOT_AP_IE_REPORT_ID) | BIT(AIOT_AP_IE_OUTCOME) |
		     BIT(AIOT_AP_IE_AS_CAUSE) | BIT(AIOT_AP_IE_ERRNO) |
		     BIT(AIOT_AP_IE_ATTEMPTS) | BIT(AIOT_AP_IE_SEC) | BIT(AIOT_AP_IE_DIAG));
	assert_true(m.report_id[0] == 79);
	assert_int_equal(m.outcome, AIOT_AP_OUTCOME_AS_INDICATION);
	assert_int_equal(m.as_cause, 1);
	assert_int_equal(m.err_no, 110);
	assert_int_equal(m.attempts, 1);
	assert_int_equal(m.sec, 3);
	assert_int_equal(m.diag_len, 13);
	assert_memory_equal(m.diag, "AS indication", 13);

	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_REQUEST_ACK, 0x2000);
	decode_built(&b, &m, AIOT_AP_REQUEST_ACK, 0x2000, 0);

	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_REPORT_ACK, 5);
	for (i = 0; i < AIOT_AP_MAX_ACKS; i++)
		aiot_ap_put_u64(&b, AIOT_AP_IE_REPORT_ID, 1000 + i * i);
	decode_built(&b, &m, AIOT_AP_REPORT_ACK, 5, BIT(AIOT_AP_IE_REPORT_ID));
	assert_int_equal(m.n_report_ids, AIOT_AP_MAX_ACKS);
	for (i = 0; i < AIOT_AP_MAX_ACKS; i++)
		assert_true(m.report_id[i] == 1000 + i * i);

	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_ERROR_INDICATION, 6);
	aiot_ap_put_u16(&b, AIOT_AP_IE_CAUSE, AIOT_AP_CAUSE_UNKNOWN_READER);
	aiot_ap_put_u8(&b, AIOT_AP_IE_BAD_TYPE, AIOT_AP_INVENTORY_REQUEST);
	decode_built(&b, &m, AIOT_AP_ERROR_INDICATION, 6,
		     BIT(AIOT_AP_IE_CAUSE) | BIT(AIOT_AP_IE_BAD_TYPE));
	assert_int_equal(m.cause, AIOT_AP_CAUSE_UNKNOWN_READER);
	assert_int_equal(m.bad_type, AIOT_AP_INVENTORY_REQUEST);
}

/* ---- header rules ---------------------------------------------------------- */

static void header_rejections(void **state)
{
	uint8_t buf[AIOT_AP_MAX_LEN + 16];
	struct aiot_ap_msg m;
	size_t n;

	(void)state;
	memcpy(buf, setup_request_wire, sizeof(setup_request_wire));
	/* short header: nothing can be named */
	for (n = 0; n < AIOT_AP_HDR_LEN; n++) {
		memset(&m, 0xa5, sizeof(m));
		assert_int_equal(aiot_ap_decode(buf, n, &m), AIOT_AP_CAUSE_MALFORMED);
		assert_int_equal(m.type, 0);
		assert_true(m.txn == 0);
		assert_true(m.present == 0);
	}
	/* wrong version: type and txn still filled in */
	buf[0] = 2;
	assert_int_equal(aiot_ap_decode(buf, sizeof(setup_request_wire), &m),
			 AIOT_AP_CAUSE_UNSUPPORTED_VERSION);
	assert_int_equal(m.version, 2);
	assert_int_equal(m.type, AIOT_AP_SETUP_REQUEST);
	assert_true(m.txn == 0x0102030405060708ULL);
	buf[0] = 0;
	assert_int_equal(aiot_ap_decode(buf, sizeof(setup_request_wire), &m),
			 AIOT_AP_CAUSE_UNSUPPORTED_VERSION);
	/* the version is looked at before anything else */
	assert_int_equal(aiot_ap_decode(buf, AIOT_AP_HDR_LEN, &m),
			 AIOT_AP_CAUSE_UNSUPPORTED_VERSION);
	buf[0] = 1;

	/* length field does not match the message */
	assert_int_equal(aiot_ap_decode(buf, sizeof(setup_request_wire) - 1, &m),
			 AIOT_AP_CAUSE_MALFORMED);
	assert_int_equal(m.type, AIOT_AP_SETUP_REQUEST);
	assert_true(m.txn == 0x0102030405060708ULL);
	buf[sizeof(setup_request_wire)] = 0;
	assert_int_equal(aiot_ap_decode(buf, sizeof(setup_request_wire) + 1, &m),
			 AIOT_AP_CAUSE_MALFORMED);
	buf[7] = 0x22;
	assert_int_equal(aiot_ap_decode(buf, sizeof(setup_request_wire), &m),
			 AIOT_AP_CAUSE_MALFORMED);
	buf[4] = 0x01;
	buf[7] = 0x23;
	assert_int_equal(aiot_ap_decode(buf, sizeof(setup_request_wire), &m),
			 AIOT_AP_CAUSE_MALFORMED);
	buf[4] = 0;
	assert_int_equal(aiot_ap_decode(buf, sizeof(setup_request_wire), &m), 0);

	/*
	 * longer than AIOT_AP_MAX_LEN, length field right: an unknown IE of
	 * 4077 octets after the header would otherwise be skipped
	 */
	memset(buf, 0, sizeof(buf));
	buf[0] = 1;
	buf[1] = AIOT_AP_REQUEST_ACK;
	buf[6] = 0x10;			/* 4097 */
	buf[7] = 0x01;
	buf[15] = 3;
	buf[16] = 0x7f;			/* IE 0x7fff, 4077 octets */
	buf[17] = 0xff;
	buf[18] = 0x0f;
	buf[19] = 0xed;
	assert_int_equal(aiot_ap_decode(buf, AIOT_AP_MAX_LEN + 1, &m), AIOT_AP_CAUSE_MALFORMED);
	assert_int_equal(m.type, AIOT_AP_REQUEST_ACK);
	assert_true(m.txn == 3);
	buf[7] = 0x00;			/* 4096, the IE 4076 */
	buf[19] = 0xec;
	assert_int_equal(aiot_ap_decode(buf, AIOT_AP_MAX_LEN, &m), 0);
	assert_true(m.present == 0);

	/* type 0 and types past the last */
	memcpy(buf, setup_request_wire, sizeof(setup_request_wire));
	buf[1] = 0;
	assert_int_equal(aiot_ap_decode(buf, sizeof(setup_request_wire), &m),
			 AIOT_AP_CAUSE_UNKNOWN_TYPE);
	assert_int_equal(m.type, 0);
	assert_true(m.txn == 0x0102030405060708ULL);
	buf[1] = __AIOT_AP_TYPE_MAX;
	assert_int_equal(aiot_ap_decode(buf, sizeof(setup_request_wire), &m),
			 AIOT_AP_CAUSE_UNKNOWN_TYPE);
	assert_int_equal(m.type, 11);
	assert_true(m.txn == 0x0102030405060708ULL);
	buf[1] = 0xff;
	assert_int_equal(aiot_ap_decode(buf, sizeof(setup_request_wire), &m),
			 AIOT_AP_CAUSE_UNKNOWN_TYPE);
	assert_int_equal(m.type, 0xff);
	/* the flags are not looked at */
	buf[1] = AIOT_AP_SETUP_REQUEST;
	buf[2] = 0x80;
	buf[3] = 0x01;
	assert_int_equal(aiot_ap_decode(buf, sizeof(setup_request_wire), &m), 0);
}

/* ---- IE rules -------------------------------------------------------------- */

/* A message of @type and txn 0x55 with the octets @ies after the header. */
static size_t wrap(uint8_t *buf, uint8_t type, const uint8_t *ies, size_t len)
{
	size_t n = AIOT_AP_HDR_LEN + len;

	memset(buf, 0, AIOT_AP_HDR_LEN);
	buf[0] = 1;
	buf[1] = type;
	buf[6] = n >> 8;
	buf[7] = n;
	buf[15] = 0x55;
	memcpy(buf + AIOT_AP_HDR_LEN, ies, len);
	return n;
}

static void ie_framing(void **state)
{
	static const uint8_t reader[] = { 0x00, 0x03, 0x00, 0x04, 0, 0, 0, 9 };
	uint8_t ies[32], buf[64];
	struct aiot_ap_msg m;
	size_t k;

	(void)state;
	/* an IE header cut short after a whole IE */
	memcpy(ies, reader, sizeof(reader));
	memset(ies + 8, 0, 4);
	for (k = 1; k < 4; k++) {
		assert_int_equal(aiot_ap_decode(buf, wrap(buf, AIOT_AP_REQUEST_ACK, ies, 8 + k), &m),
				 AIOT_AP_CAUSE_MALFORMED);
		assert_int_equal(m.type, AIOT_AP_REQUEST_ACK);
		assert_true(m.txn == 0x55);
	}
	assert_int_equal(aiot_ap_decode(buf, wrap(buf, AIOT_AP_REQUEST_ACK, ies, 12), &m), 0);
	assert_true(m.present == BIT(AIOT_AP_IE_READER));
	assert_int_equal(m.reader, 9);

	/* an IE whose value runs past the message, known or not */
	for (k = 0; k < 4; k++)
		assert_int_equal(aiot_ap_decode(buf, wrap(buf, AIOT_AP_REQUEST_ACK, reader, 4 + k),
						&m), AIOT_AP_CAUSE_MALFORMED);
	ies[0] = 0x12;
	ies[1] = 0x34;
	ies[2] = 0x00;
	ies[3] = 0x05;
	assert_int_equal(aiot_ap_decode(buf, wrap(buf, AIOT_AP_REQUEST_ACK, ies, 8), &m),
			 AIOT_AP_CAUSE_MALFORMED);
	ies[2] = 0xff;
	ies[3] = 0xff;
	assert_int_equal(aiot_ap_decode(buf, wrap(buf, AIOT_AP_REQUEST_ACK, ies, 8), &m),
			 AIOT_AP_CAUSE_MALFORMED);
	ies[2] = 0x00;
	ies[3] = 0x04;
	assert_int_equal(aiot_ap_decode(buf, wrap(buf, AIOT_AP_REQUEST_ACK, ies, 8), &m), 0);
}

/* Sizes from the wire format (Documentation/aiot-ap.rst), not from the codec. */
static const struct {
	uint16_t ie, min, max;
} ie_size[] = {
	{ AIOT_AP_IE_GATEWAY_ID, 1, 64 },	{ AIOT_AP_IE_JOURNAL_EPOCH, 8, 8 },
	{ AIOT_AP_IE_READER, 4, 4 },		{ AIOT_AP_IE_RAND_N, 8, 8 },
	{ AIOT_AP_IE_TARGET_TYPE, 1, 1 },	{ AIOT_AP_IE_TARGET, 1, 16 },
	{ AIOT_AP_IE_TARGET_BITS, 2, 2 },	{ AIOT_AP_IE_MAX_DEVICES, 4, 4 },
	{ AIOT_AP_IE_MAX_TIME_MS, 4, 4 },	{ AIOT_AP_IE_REPORT_ID, 8, 8 },
	{ AIOT_AP_IE_NAS, 1, 250 },		{ AIOT_AP_IE_RSSI, 4, 4 },
	{ AIOT_AP_IE_SEQ, 4, 4 },		{ AIOT_AP_IE_END_CAUSE, 1, 1 },
	{ AIOT_AP_IE_DEVICES, 4, 4 },		{ AIOT_AP_IE_AIR_US, 8, 8 },
	{ AIOT_AP_IE_SLOTS, 8, 8 },		{ AIOT_AP_IE_COLLISIONS, 8, 8 },
	{ AIOT_AP_IE_K_AIOTF, 32, 32 },		{ AIOT_AP_IE_OUTCOME, 1, 1 },
	{ AIOT_AP_IE_AS_CAUSE, 1, 1 },		{ AIOT_AP_IE_ERRNO, 4, 4 },
	{ AIOT_AP_IE_SEC, 1, 1 },		{ AIOT_AP_IE_CAUSE, 2, 2 },
	{ AIOT_AP_IE_DIAG, 1, 255 },		{ AIOT_AP_IE_BAD_TYPE, 1, 1 },
	{ AIOT_AP_IE_ATTEMPTS, 1, 1 },
};

/*
 * Put IE @ie with a value of @len octets that is in range (octets 0x01;
 * TARGET and TARGET_BITS come with each other, @len octets or 8 bits).
 */
static void put_ok(struct aiot_ap_buf *b, uint16_t ie, size_t len)
{
	uint8_t v[300];

	memset(v, 0x01, sizeof(v));
	if (ie == AIOT_AP_IE_TARGET_BITS) {
		aiot_ap_put_u16(b, ie, 8);
		aiot_ap_put(b, AIOT_AP_IE_TARGET, v, 1);
		return;
	}
	aiot_ap_put(b, ie, v, len);
	if (ie == AIOT_AP_IE_TARGET)
		aiot_ap_put_u16(b, AIOT_AP_IE_TARGET_BITS, 8 * len);
}

static int decode_buf(struct aiot_ap_buf *b, struct aiot_ap_msg *m)
{
	long n = aiot_ap_end(b);

	assert_true(n > 0);
	return aiot_ap_decode(b->p, n, m);
}

static void ie_sizes(void **state)
{
	uint8_t buf[AIOT_AP_MAX_LEN], v[300];
	struct aiot_ap_buf b;
	struct aiot_ap_msg m;
	unsigned int i;

	(void)state;
	assert_int_equal(ARRAY_SIZE(ie_size), __AIOT_AP_IE_MAX - 1);
	memset(v, 0x01, sizeof(v));
	for (i = 0; i < ARRAY_SIZE(ie_size); i++) {
		uint16_t ie = ie_size[i].ie, min = ie_size[i].min, max = ie_size[i].max;

		assert_int_equal(ie, i + 1);
		/* the smallest and the largest size are taken */
		aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_REQUEST_ACK, 1);
		put_ok(&b, ie, min);
		assert_int_equal(decode_buf(&b, &m), 0);
		assert_true(AIOT_AP_HAS(&m, ie));
		aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_REQUEST_ACK, 1);
		put_ok(&b, ie, max);
		assert_int_equal(decode_buf(&b, &m), 0);
		/* one octet less and one more are not */
		aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_REQUEST_ACK, 1);
		aiot_ap_put(&b, ie, v, min - 1);
		assert_int_equal(decode_buf(&b, &m), AIOT_AP_CAUSE_MALFORMED);
		aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_REQUEST_ACK, 1);
		aiot_ap_put(&b, ie, v, max + 1);
		assert_int_equal(decode_buf(&b, &m), AIOT_AP_CAUSE_MALFORMED);
		if (min == max) {
			/* a fixed-size IE: none of the sizes around it */
			aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_REQUEST_ACK, 1);
			aiot_ap_put(&b, ie, v, 2 * max);
			assert_int_equal(decode_buf(&b, &m), AIOT_AP_CAUSE_MALFORMED);
		}
	}
}

static void ie_repeats(void **state)
{
	uint8_t buf[AIOT_AP_MAX_LEN];
	struct aiot_ap_buf b;
	struct aiot_ap_msg m;
	unsigned int i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(ie_size); i++) {
		uint16_t ie = ie_size[i].ie;

		if (ie == AIOT_AP_IE_REPORT_ID)
			continue;
		aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_REQUEST_ACK, 1);
		put_ok(&b, ie, ie_size[i].min);
		assert_int_equal(decode_buf(&b, &m), 0);
		put_ok(&b, ie, ie_size[i].min);
		assert_int_equal(decode_buf(&b, &m), AIOT_AP_CAUSE_MALFORMED);
		assert_int_equal(m.type, AIOT_AP_REQUEST_ACK);
	}
	/* REPORT_ID: up to AIOT_AP_MAX_ACKS times, in any message */
	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_REQUEST_ACK, 1);
	for (i = 0; i < AIOT_AP_MAX_ACKS; i++)
		aiot_ap_put_u64(&b, AIOT_AP_IE_REPORT_ID, i);
	assert_int_equal(decode_buf(&b, &m), 0);
	assert_int_equal(m.n_report_ids, AIOT_AP_MAX_ACKS);
	assert_true(m.report_id[AIOT_AP_MAX_ACKS - 1] == AIOT_AP_MAX_ACKS - 1);
	aiot_ap_put_u64(&b, AIOT_AP_IE_REPORT_ID, i);
	assert_int_equal(decode_buf(&b, &m), AIOT_AP_CAUSE_MALFORMED);
	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_REPORT_ACK, 1);
	for (i = 0; i <= AIOT_AP_MAX_ACKS; i++)
		aiot_ap_put_u64(&b, AIOT_AP_IE_REPORT_ID, i);
	assert_int_equal(decode_buf(&b, &m), AIOT_AP_CAUSE_MALFORMED);
}

static void target_rules(void **state)
{
	uint8_t buf[AIOT_AP_MAX_LEN];
	struct aiot_ap_buf b;
	struct aiot_ap_msg m;
	unsigned int bits;

	(void)state;
	/* one without the other */
	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_INVENTORY_REQUEST, 1);
	aiot_ap_put_u32(&b, AIOT_AP_IE_READER, 0);
	aiot_ap_put(&b, AIOT_AP_IE_RAND_N, rand_n8, 8);
	assert_int_equal(decode_buf(&b, &m), 0);
	aiot_ap_put(&b, AIOT_AP_IE_TARGET, target_id, 2);
	assert_int_equal(decode_buf(&b, &m), AIOT_AP_CAUSE_MALFORMED);
	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_INVENTORY_REQUEST, 1);
	aiot_ap_put_u32(&b, AIOT_AP_IE_READER, 0);
	aiot_ap_put(&b, AIOT_AP_IE_RAND_N, rand_n8, 8);
	aiot_ap_put_u16(&b, AIOT_AP_IE_TARGET_BITS, 16);
	assert_int_equal(decode_buf(&b, &m), AIOT_AP_CAUSE_MALFORMED);
	aiot_ap_put(&b, AIOT_AP_IE_TARGET, target_id, 2);
	assert_int_equal(decode_buf(&b, &m), 0);

	/* the length is ceil(bits / 8) octets, bits 1..128 */
	for (bits = 0; bits <= 130; bits++) {
		size_t need = (bits + 7) / 8, len;

		for (len = 1; len <= 17; len++) {
			int want = bits >= 1 && bits <= 128 && len == need ? 0 :
				   AIOT_AP_CAUSE_MALFORMED;

			aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_REQUEST_ACK, 1);
			aiot_ap_put_u16(&b, AIOT_AP_IE_TARGET_BITS, bits);
			aiot_ap_put(&b, AIOT_AP_IE_TARGET, buf + 100, len);	/* any octets */
			assert_int_equal(decode_buf(&b, &m), want);
		}
	}
	/* bits 0; bits 129 with 16 and with 17 octets */
	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_REQUEST_ACK, 1);
	aiot_ap_put_u16(&b, AIOT_AP_IE_TARGET_BITS, 0);
	aiot_ap_put(&b, AIOT_AP_IE_TARGET, target_id, 1);
	assert_int_equal(decode_buf(&b, &m), AIOT_AP_CAUSE_MALFORMED);
	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_REQUEST_ACK, 1);
	aiot_ap_put_u16(&b, AIOT_AP_IE_TARGET_BITS, 129);
	aiot_ap_put(&b, AIOT_AP_IE_TARGET, target_id, 16);
	assert_int_equal(decode_buf(&b, &m), AIOT_AP_CAUSE_MALFORMED);
	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_REQUEST_ACK, 1);
	aiot_ap_put_u16(&b, AIOT_AP_IE_TARGET_BITS, 129);
	aiot_ap_put(&b, AIOT_AP_IE_TARGET, buf + 100, 17);
	assert_int_equal(decode_buf(&b, &m), AIOT_AP_CAUSE_MALFORMED);
	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_REQUEST_ACK, 1);
	aiot_ap_put_u16(&b, AIOT_AP_IE_TARGET_BITS, 0xffff);
	aiot_ap_put(&b, AIOT_AP_IE_TARGET, target_id, 16);
	assert_int_equal(decode_buf(&b, &m), AIOT_AP_CAUSE_MALFORMED);
}

/* A u8 IE: values up to @last are taken, the next one is malformed. */
static void u8_range(uint16_t ie, unsigned int first, unsigned int last)
{
	uint8_t buf[64];
	struct aiot_ap_buf b;
	struct aiot_ap_msg m;
	unsigned int v;

	for (v = 0; v <= 255; v++) {
		aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_REQUEST_ACK, 1);
		aiot_ap_put_u8(&b, ie, v);
		assert_int_equal(decode_buf(&b, &m),
				 v >= first && v <= last ? 0 : AIOT_AP_CAUSE_MALFORMED);
	}
}

static void value_ranges(void **state)
{
	(void)state;
	u8_range(AIOT_AP_IE_OUTCOME, 0, 5);		/* ..interrupted */
	u8_range(AIOT_AP_IE_END_CAUSE, 0, 6);		/* ..AIOT_INV_END_FAILED */
	u8_range(AIOT_AP_IE_SEC, 0, 3);			/* ..AIOT_CMD_SEC_MALFORMED */
	u8_range(AIOT_AP_IE_TARGET_TYPE, 0, 4);		/* ..AIOT_TARGET_FILTER */
	u8_range(AIOT_AP_IE_ATTEMPTS, 1, 16);
	/* no range beyond the size */
	u8_range(AIOT_AP_IE_AS_CAUSE, 0, 255);
	u8_range(AIOT_AP_IE_BAD_TYPE, 0, 255);
}

/* The mandatory IEs of each message type (the wire format, not the codec). */
static const struct {
	uint8_t type;
	uint16_t ie[4];
} mandatory[] = {
	{ AIOT_AP_SETUP_REQUEST, { AIOT_AP_IE_GATEWAY_ID, AIOT_AP_IE_JOURNAL_EPOCH } },
	{ AIOT_AP_SETUP_RESPONSE, { 0 } },
	/* RAND_N here stands for one of RAND_N and NAS (inventory_request_paging_rules) */
	{ AIOT_AP_INVENTORY_REQUEST, { AIOT_AP_IE_READER, AIOT_AP_IE_RAND_N } },
	{ AIOT_AP_INVENTORY_REPORT, { AIOT_AP_IE_REPORT_ID, AIOT_AP_IE_READER, AIOT_AP_IE_NAS } },
	{ AIOT_AP_INVENTORY_END, { AIOT_AP_IE_REPORT_ID, AIOT_AP_IE_READER,
				   AIOT_AP_IE_END_CAUSE, AIOT_AP_IE_DEVICES } },
	{ AIOT_AP_COMMAND_REQUEST, { AIOT_AP_IE_READER, AIOT_AP_IE_TARGET, AIOT_AP_IE_NAS } },
	{ AIOT_AP_COMMAND_RESPONSE, { AIOT_AP_IE_REPORT_ID, AIOT_AP_IE_OUTCOME } },
	{ AIOT_AP_REQUEST_ACK, { 0 } },
	{ AIOT_AP_REPORT_ACK, { AIOT_AP_IE_REPORT_ID } },
	{ AIOT_AP_ERROR_INDICATION, { AIOT_AP_IE_CAUSE } },
};

static void missing_ies(void **state)
{
	uint8_t buf[AIOT_AP_MAX_LEN];
	struct aiot_ap_buf b;
	struct aiot_ap_msg m;
	unsigned int t, i, j;

	(void)state;
	assert_int_equal(ARRAY_SIZE(mandatory), __AIOT_AP_TYPE_MAX - 1);
	for (t = 0; t < ARRAY_SIZE(mandatory); t++) {
		const uint16_t *ie = mandatory[t].ie;

		/* all of them (TARGET comes with TARGET_BITS): decodes */
		aiot_ap_begin(&b, buf, sizeof(buf), mandatory[t].type, 9);
		for (j = 0; j < 4 && ie[j]; j++)
			put_ok(&b, ie[j], ie_size[ie[j] - 1].min);
		assert_int_equal(decode_buf(&b, &m), 0);
		/* all but one: MISSING_IE, with the type and txn */
		for (i = 0; i < 4 && ie[i]; i++) {
			aiot_ap_begin(&b, buf, sizeof(buf), mandatory[t].type, 9);
			for (j = 0; j < 4 && ie[j]; j++)
				if (j != i)
					put_ok(&b, ie[j], ie_size[ie[j] - 1].min);
			assert_int_equal(decode_buf(&b, &m), AIOT_AP_CAUSE_MISSING_IE);
			assert_int_equal(m.type, mandatory[t].type);
			assert_true(m.txn == 9);
		}
	}
	/*
	 * Command Request: TARGET and TARGET_BITS are both mandatory; without
	 * one of them the pair is broken, which is MALFORMED before MISSING_IE
	 */
	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_COMMAND_REQUEST, 9);
	aiot_ap_put_u32(&b, AIOT_AP_IE_READER, 0);
	aiot_ap_put(&b, AIOT_AP_IE_NAS, nas_pdu, sizeof(nas_pdu));
	aiot_ap_put(&b, AIOT_AP_IE_TARGET, target_id, 1);
	assert_int_equal(decode_buf(&b, &m), AIOT_AP_CAUSE_MALFORMED);
	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_COMMAND_REQUEST, 9);
	aiot_ap_put_u32(&b, AIOT_AP_IE_READER, 0);
	aiot_ap_put(&b, AIOT_AP_IE_NAS, nas_pdu, sizeof(nas_pdu));
	aiot_ap_put_u16(&b, AIOT_AP_IE_TARGET_BITS, 8);
	assert_int_equal(decode_buf(&b, &m), AIOT_AP_CAUSE_MALFORMED);
	/* a message that is also malformed is MALFORMED */
	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_ERROR_INDICATION, 9);
	aiot_ap_put_u8(&b, AIOT_AP_IE_ATTEMPTS, 0);
	assert_int_equal(decode_buf(&b, &m), AIOT_AP_CAUSE_MALFORMED);
}

static void unknown_ies(void **state)
{
	static const uint16_t unknown[] = { 0, __AIOT_AP_IE_MAX, 63, 64, 0x100, 0xffff };
	uint8_t buf[AIOT_AP_MAX_LEN], junk[600];
	struct aiot_ap_buf b;
	struct aiot_ap_msg m;
	unsigned int i;

	(void)state;
	memset(junk, 0xee, sizeof(junk));
	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_ERROR_INDICATION, 2);
	for (i = 0; i < ARRAY_SIZE(unknown); i++)
		aiot_ap_put(&b, unknown[i], junk, i * 100);
	aiot_ap_put_u16(&b, AIOT_AP_IE_CAUSE, AIOT_AP_CAUSE_UNEXPECTED);
	for (i = 0; i < ARRAY_SIZE(unknown); i++)	/* again: repeats are fine */
		aiot_ap_put(&b, unknown[i], junk, 7);
	assert_int_equal(decode_buf(&b, &m), 0);
	assert_true(m.present == BIT(AIOT_AP_IE_CAUSE));
	assert_int_equal(m.cause, AIOT_AP_CAUSE_UNEXPECTED);

	/* an unknown IE does not stand in for a mandatory one */
	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_ERROR_INDICATION, 2);
	aiot_ap_put(&b, 0xffff, junk, 2);
	assert_int_equal(decode_buf(&b, &m), AIOT_AP_CAUSE_MISSING_IE);
}

/* ---- encoder --------------------------------------------------------------- */

static void encoder_overflow(void **state)
{
	uint8_t buf[AIOT_AP_MAX_LEN + 64], big[300];
	struct aiot_ap_buf b;
	unsigned int i;

	(void)state;
	memset(big, 0x5a, sizeof(big));
	/* no room for the header */
	aiot_ap_begin(&b, buf, AIOT_AP_HDR_LEN - 1, AIOT_AP_REQUEST_ACK, 1);
	assert_int_equal(aiot_ap_end(&b), -1);
	/* exactly the header */
	aiot_ap_begin(&b, buf, AIOT_AP_HDR_LEN, AIOT_AP_REQUEST_ACK, 1);
	assert_int_equal(aiot_ap_end(&b), AIOT_AP_HDR_LEN);
	aiot_ap_put_u8(&b, AIOT_AP_IE_BAD_TYPE, 1);
	assert_int_equal(aiot_ap_end(&b), -1);
	/* an IE that fits to the octet, and one octet more */
	aiot_ap_begin(&b, buf, AIOT_AP_HDR_LEN + 8, AIOT_AP_REQUEST_ACK, 1);
	aiot_ap_put_u32(&b, AIOT_AP_IE_READER, 1);
	assert_int_equal(aiot_ap_end(&b), AIOT_AP_HDR_LEN + 8);
	aiot_ap_begin(&b, buf, AIOT_AP_HDR_LEN + 7, AIOT_AP_REQUEST_ACK, 1);
	aiot_ap_put_u32(&b, AIOT_AP_IE_READER, 1);
	assert_int_equal(aiot_ap_end(&b), -1);
	aiot_ap_begin(&b, buf, AIOT_AP_HDR_LEN + 8, AIOT_AP_REQUEST_ACK, 1);
	aiot_ap_put_u64(&b, AIOT_AP_IE_SLOTS, 1);
	assert_int_equal(aiot_ap_end(&b), -1);
	/* once overflowed, always: a smaller IE after it does not help */
	aiot_ap_put_u8(&b, AIOT_AP_IE_BAD_TYPE, 1);
	assert_int_equal(aiot_ap_end(&b), -1);
	/* a value too long for the IE length field */
	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_REQUEST_ACK, 1);
	aiot_ap_put(&b, 0x7fff, buf, 0x10000);
	assert_int_equal(aiot_ap_end(&b), -1);
	/* a bigger buffer does not make a message longer than AIOT_AP_MAX_LEN */
	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_REQUEST_ACK, 1);
	for (i = 0; i < 16; i++)
		aiot_ap_put(&b, AIOT_AP_IE_NAS + 100, big, 250);	/* 16 * 254 */
	assert_int_equal(aiot_ap_end(&b), AIOT_AP_HDR_LEN + 16 * 254);
	aiot_ap_put(&b, 0x7fff, big, AIOT_AP_MAX_LEN - b.len - 4);
	assert_int_equal(aiot_ap_end(&b), AIOT_AP_MAX_LEN);
	aiot_ap_put(&b, 0x7fff, big, 0);
	assert_int_equal(aiot_ap_end(&b), -1);
	/* a string IE is cut at 255 octets */
	{
		char s[400];

		memset(s, 'x', sizeof(s) - 1);
		s[sizeof(s) - 1] = 0;
		aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_REQUEST_ACK, 1);
		aiot_ap_put_str(&b, AIOT_AP_IE_DIAG, s);
		assert_int_equal(aiot_ap_end(&b), AIOT_AP_HDR_LEN + 4 + 255);
		assert_int_equal(buf[AIOT_AP_HDR_LEN + 2], 0);
		assert_int_equal(buf[AIOT_AP_HDR_LEN + 3], 255);
	}
}

/* ---- stream framing -------------------------------------------------------- */

static void frame_len(void **state)
{
	uint8_t h[AIOT_AP_HDR_LEN] = { 0 };
	size_t n;

	(void)state;
	for (n = 0; n < AIOT_AP_HDR_LEN; n++)
		assert_int_equal(aiot_ap_frame_len(setup_request_wire, n), 0);
	assert_int_equal(aiot_ap_frame_len(setup_request_wire, AIOT_AP_HDR_LEN), 35);
	assert_int_equal(aiot_ap_frame_len(setup_request_wire, 35), 35);
	assert_int_equal(aiot_ap_frame_len(setup_request_wire, 34), 35);
	/* a possible length whatever the version and type */
	h[0] = 9;
	h[7] = AIOT_AP_HDR_LEN;
	assert_int_equal(aiot_ap_frame_len(h, sizeof(h)), 16);
	h[6] = 0x10;			/* 4112 */
	assert_int_equal(aiot_ap_frame_len(h, sizeof(h)), -1);
	h[7] = 0;			/* 4096 */
	assert_int_equal(aiot_ap_frame_len(h, sizeof(h)), AIOT_AP_MAX_LEN);
	h[7] = 1;			/* 4097 */
	assert_int_equal(aiot_ap_frame_len(h, sizeof(h)), -1);
	h[6] = 0;
	h[7] = AIOT_AP_HDR_LEN - 1;
	assert_int_equal(aiot_ap_frame_len(h, sizeof(h)), -1);
	h[7] = 0;
	assert_int_equal(aiot_ap_frame_len(h, sizeof(h)), -1);
	h[4] = 0x80;			/* 2^31 */
	assert_int_equal(aiot_ap_frame_len(h, sizeof(h)), -1);
	h[4] = 0xff;
	h[5] = 0xff;
	h[6] = 0xff;
	h[7] = 0xff;
	assert_int_equal(aiot_ap_frame_len(h, sizeof(h)), -1);
}

static void rx_stream(void **state)
{
	static struct aiot_ap_rx rx;
	size_t a = sizeof(command_response_wire), c = sizeof(error_indication_wire);
	struct aiot_ap_msg m;

	(void)state;
	memset(&rx, 0, sizeof(rx));
	assert_int_equal(aiot_ap_rx_next(&rx), 0);
	/* one message and half of the next */
	memcpy(rx.buf, command_response_wire, a);
	memcpy(rx.buf + a, error_indication_wire, c / 2);
	rx.have = a + c / 2;
	assert_int_equal(aiot_ap_rx_next(&rx), a);
	assert_int_equal(aiot_ap_decode(rx.buf, a, &m), 0);
	assert_int_equal(m.type, AIOT_AP_COMMAND_RESPONSE);
	aiot_ap_rx_consume(&rx, a);
	assert_int_equal(rx.have, c / 2);
	assert_memory_equal(rx.buf, error_indication_wire, c / 2);
	assert_int_equal(aiot_ap_rx_next(&rx), 0);	/* header whole, message not */
	/* the rest arrives, with the first octets of a bad header */
	memcpy(rx.buf + rx.have, error_indication_wire + c / 2, c - c / 2);
	rx.have = c;
	assert_int_equal(aiot_ap_rx_next(&rx), c);
	assert_int_equal(aiot_ap_decode(rx.buf, c, &m), 0);
	assert_int_equal(m.type, AIOT_AP_ERROR_INDICATION);
	memset(rx.buf + c, 0xff, AIOT_AP_HDR_LEN);
	rx.have = c + AIOT_AP_HDR_LEN - 1;
	aiot_ap_rx_consume(&rx, c);
	assert_int_equal(rx.have, AIOT_AP_HDR_LEN - 1);
	assert_int_equal(aiot_ap_rx_next(&rx), 0);	/* fewer than 16 octets */
	rx.have++;
	assert_int_equal(aiot_ap_rx_next(&rx), -1);	/* cannot resynchronise */
	aiot_ap_rx_consume(&rx, rx.have);
	assert_int_equal(rx.have, 0);
	assert_int_equal(aiot_ap_rx_next(&rx), 0);
}

/* ---- addresses ------------------------------------------------------------- */

static void parse_addr(void **state)
{
	struct sockaddr_storage ss;
	struct sockaddr_in *sin = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&ss;
	unsigned int sslen;
	char err[256];
	int proto;

	(void)state;
	assert_int_equal(aiot_ap_parse_addr("sctp:192.0.2.7:1234", &proto, &ss, &sslen,
					    err, sizeof(err)), 0);
	assert_int_equal(proto, IPPROTO_SCTP);
	assert_int_equal(ss.ss_family, AF_INET);
	assert_int_equal(sslen, sizeof(struct sockaddr_in));
	assert_int_equal(ntohs(sin->sin_port), 1234);
	assert_int_equal(ntohl(sin->sin_addr.s_addr), 0xc0000207);

	assert_int_equal(aiot_ap_parse_addr("tcp:127.0.0.1:65535", &proto, &ss, &sslen,
					    err, sizeof(err)), 0);
	assert_int_equal(proto, IPPROTO_TCP);
	assert_int_equal(ss.ss_family, AF_INET);
	assert_int_equal(ntohs(sin->sin_port), 65535);
	assert_int_equal(ntohl(sin->sin_addr.s_addr), 0x7f000001);

	/* default port */
	assert_int_equal(aiot_ap_parse_addr("tcp:10.1.2.3", &proto, &ss, &sslen,
					    err, sizeof(err)), 0);
	assert_int_equal(proto, IPPROTO_TCP);
	assert_int_equal(ntohs(sin->sin_port), AIOT_AP_PORT);
	assert_int_equal(ntohl(sin->sin_addr.s_addr), 0x0a010203);

	/* IPv6 in brackets */
	assert_int_equal(aiot_ap_parse_addr("sctp:[2001:db8::1]:38491", &proto, &ss, &sslen,
					    err, sizeof(err)), 0);
	assert_int_equal(proto, IPPROTO_SCTP);
	assert_int_equal(ss.ss_family, AF_INET6);
	assert_int_equal(sslen, sizeof(struct sockaddr_in6));
	assert_int_equal(ntohs(sin6->sin6_port), 38491);
	{
		static const uint8_t a6[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };

		assert_memory_equal(&sin6->sin6_addr, a6, 16);
	}
	assert_int_equal(aiot_ap_parse_addr("tcp:[::1]", &proto, &ss, &sslen,
					    err, sizeof(err)), 0);
	assert_int_equal(proto, IPPROTO_TCP);
	assert_int_equal(ss.ss_family, AF_INET6);
	assert_int_equal(ntohs(sin6->sin6_port), AIOT_AP_PORT);
	assert_true(IN6_IS_ADDR_LOOPBACK(&sin6->sin6_addr));

	/* refused, with a sentence */
	err[0] = 0;
	assert_int_equal(aiot_ap_parse_addr("udp:10.1.2.3:1", &proto, &ss, &sslen,
					    err, sizeof(err)), -1);
	assert_non_null(strstr(err, "does not start with sctp: or tcp:"));
	assert_int_equal(aiot_ap_parse_addr("10.1.2.3", &proto, &ss, &sslen,
					    err, sizeof(err)), -1);
	assert_int_equal(aiot_ap_parse_addr("SCTP:10.1.2.3", &proto, &ss, &sslen,
					    err, sizeof(err)), -1);
	err[0] = 0;
	assert_int_equal(aiot_ap_parse_addr("tcp:10.1.2.3:0", &proto, &ss, &sslen,
					    err, sizeof(err)), -1);
	assert_non_null(strstr(err, "port is not a number in 1..65535"));
	assert_int_equal(aiot_ap_parse_addr("tcp:10.1.2.3:65536", &proto, &ss, &sslen,
					    err, sizeof(err)), -1);
	assert_int_equal(aiot_ap_parse_addr("tcp:10.1.2.3:", &proto, &ss, &sslen,
					    err, sizeof(err)), -1);
	assert_int_equal(aiot_ap_parse_addr("tcp:10.1.2.3:80x", &proto, &ss, &sslen,
					    err, sizeof(err)), -1);
	assert_int_equal(aiot_ap_parse_addr("sctp:[::1]:99999", &proto, &ss, &sslen,
					    err, sizeof(err)), -1);
	assert_non_null(strstr(err, "port"));
	err[0] = 0;
	assert_int_equal(aiot_ap_parse_addr("sctp:[::1:38490", &proto, &ss, &sslen,
					    err, sizeof(err)), -1);
	assert_non_null(strstr(err, "lacks the closing ']'"));
	err[0] = 0;
	assert_int_equal(aiot_ap_parse_addr("sctp:[::1]38490", &proto, &ss, &sslen,
					    err, sizeof(err)), -1);
	assert_non_null(strstr(err, "junk after ']'"));
	err[0] = 0;
	assert_int_equal(aiot_ap_parse_addr("tcp::38490", &proto, &ss, &sslen,
					    err, sizeof(err)), -1);
	assert_non_null(strstr(err, "has no host"));
	assert_int_equal(aiot_ap_parse_addr("tcp:[]:1", &proto, &ss, &sslen,
					    err, sizeof(err)), -1);
	assert_int_equal(aiot_ap_parse_addr("tcp:", &proto, &ss, &sslen,
					    err, sizeof(err)), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wire_values),
		cmocka_unit_test(names),
		cmocka_unit_test(setup_request_octets),
		cmocka_unit_test(command_response_octets),
		cmocka_unit_test(error_indication_octets),
		cmocka_unit_test(report_ack_octets),
		cmocka_unit_test(inventory_request_octets),
		cmocka_unit_test(inventory_request_nas_octets),
		cmocka_unit_test(command_request_rand_octets),
		cmocka_unit_test(inventory_request_paging_rules),
		cmocka_unit_test(round_trips),
		cmocka_unit_test(header_rejections),
		cmocka_unit_test(ie_framing),
		cmocka_unit_test(ie_sizes),
		cmocka_unit_test(ie_repeats),
		cmocka_unit_test(target_rules),
		cmocka_unit_test(value_ranges),
		cmocka_unit_test(missing_ies),
		cmocka_unit_test(unknown_ies),
		cmocka_unit_test(encoder_overflow),
		cmocka_unit_test(frame_len),
		cmocka_unit_test(rx_stream),
		cmocka_unit_test(parse_addr),
	};

	return cmocka_run_group_tests_name("aiot_ap", tests, NULL, NULL);
}
