// SPDX-License-Identifier: GPL-2.0
/*
 * Writes the seed corpus of fuzz_ap.c (tests/fuzz/corpus-ap): valid AIoT-AP
 * messages of every type, with and without their optional IEs (an
 * Inventory Request paging with a NAS container instead of RAND_N, a
 * Command Request with RAND_N), one with unknown IEs, and two messages
 * back to back (a stream).
 * Usage: mkcorpus_ap DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aiot_ap.h"

static const char *dir;

static void put(const char *name, const uint8_t *p, size_t n)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(p, 1, n, f) != n || fclose(f)) {
		perror(path);
		exit(1);
	}
}

static uint8_t buf[AIOT_AP_MAX_LEN];
static struct aiot_ap_buf b;

static void begin(uint8_t type, uint64_t txn)
{
	aiot_ap_begin(&b, buf, sizeof(buf), type, txn);
}

/* End the message, check that it decodes, write it. */
static long end(const char *name)
{
	struct aiot_ap_msg m;
	long n = aiot_ap_end(&b);

	if (n < 0 || aiot_ap_decode(buf, n, &m)) {
		fprintf(stderr, "%s: not a valid message\n", name);
		exit(1);
	}
	put(name, buf, n);
	return n;
}

int main(int argc, char **argv)
{
	static const uint8_t rand_n[8] = { 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88 };
	static const uint8_t id[16] = { 0xa1, 0x07, 0x00, 0x2a, 0x10, 0x20, 0x30, 0x40,
					0x50, 0x60, 0x70, 0x80, 0x90, 0xa0, 0xb0, 0xc0 };
	/* AIoT NAS: an Inventory Response, a Read Request, a Read Response */
	static const uint8_t inv_rsp[] = { 0x00, 0x41, 0x00, 0x20, 0xa1, 0x07, 0x00, 0x2a,
					   1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
	static const uint8_t read_req[] = { 0x00, 0x50, 0x00, 0x00, 0x00, 0x04 };
	static const uint8_t read_rsp[] = { 0x00, 0x51, 0x00, 0xde, 0xad, 0xbe, 0xef };
	/* a Y Paging Request (group), a 9 Command Request (Read, as it travels) */
	static const uint8_t y_paging[] = { 0x00, 0x60, 0x00, 1, 2, 3, 4, 5, 6, 7, 8 };
	static const uint8_t s9_cmd_req[] = { 0x00, 0x72, 0x15, 0x3c, 0x0e, 0x91, 0x5d,
					      0x27, 0x61, 0x8a, 0x01, 0xf3 };
	uint8_t k[32], pair[2 * AIOT_AP_MAX_LEN];
	unsigned int i;
	long n1, n2;

	if (argc != 2) {
		fprintf(stderr, "usage: %s DIR\n", argv[0]);
		return 2;
	}
	dir = argv[1];
	for (i = 0; i < sizeof(k); i++)
		k[i] = 0x40 + i;

	begin(AIOT_AP_SETUP_REQUEST, 1);
	aiot_ap_put_str(&b, AIOT_AP_IE_GATEWAY_ID, "gw-1");
	aiot_ap_put_u64(&b, AIOT_AP_IE_JOURNAL_EPOCH, 0x0000019345a2b3c4ULL);
	n1 = end("setup-request-0");
	memcpy(pair, buf, n1);
	begin(AIOT_AP_SETUP_REQUEST, 0xffffffffffffffffULL);
	aiot_ap_put_str(&b, AIOT_AP_IE_GATEWAY_ID,
			"gateway.example.org/reader-hall-7/0123456789abcdef0123456789ab");
	aiot_ap_put_u64(&b, AIOT_AP_IE_JOURNAL_EPOCH, 1);
	end("setup-request-1");

	begin(AIOT_AP_SETUP_RESPONSE, 1);
	n2 = end("setup-response-0");
	memcpy(pair + n1, buf, n2);
	put("stream-setup", pair, n1 + n2);
	begin(AIOT_AP_SETUP_RESPONSE, 1);
	aiot_ap_put(&b, 0x0100, "newer", 5);	/* unknown IEs: skipped */
	aiot_ap_put(&b, 0, NULL, 0);
	end("setup-response-unknown-ies");

	begin(AIOT_AP_INVENTORY_REQUEST, 0x100);
	aiot_ap_put_u32(&b, AIOT_AP_IE_READER, 0);
	aiot_ap_put(&b, AIOT_AP_IE_RAND_N, rand_n, 8);
	end("inventory-request-0");
	begin(AIOT_AP_INVENTORY_REQUEST, 0x101);
	aiot_ap_put_u32(&b, AIOT_AP_IE_READER, 2);
	aiot_ap_put(&b, AIOT_AP_IE_RAND_N, rand_n, 8);
	aiot_ap_put_u8(&b, AIOT_AP_IE_TARGET_TYPE, 4);
	aiot_ap_put(&b, AIOT_AP_IE_TARGET, id, 2);
	aiot_ap_put_u16(&b, AIOT_AP_IE_TARGET_BITS, 12);
	aiot_ap_put_u32(&b, AIOT_AP_IE_MAX_DEVICES, 300);
	aiot_ap_put_u32(&b, AIOT_AP_IE_MAX_TIME_MS, 10000);
	end("inventory-request-1");
	begin(AIOT_AP_INVENTORY_REQUEST, 0x102);
	aiot_ap_put_u32(&b, AIOT_AP_IE_READER, 0);
	aiot_ap_put(&b, AIOT_AP_IE_NAS, y_paging, sizeof(y_paging));
	aiot_ap_put_u32(&b, AIOT_AP_IE_MAX_DEVICES, 1);
	end("inventory-request-nas");

	begin(AIOT_AP_INVENTORY_REPORT, 0x101);
	aiot_ap_put_u64(&b, AIOT_AP_IE_REPORT_ID, 1);
	aiot_ap_put_u32(&b, AIOT_AP_IE_READER, 2);
	aiot_ap_put(&b, AIOT_AP_IE_NAS, inv_rsp, sizeof(inv_rsp));
	end("inventory-report-0");
	begin(AIOT_AP_INVENTORY_REPORT, 0x101);
	aiot_ap_put_u64(&b, AIOT_AP_IE_REPORT_ID, 2);
	aiot_ap_put_u32(&b, AIOT_AP_IE_READER, 2);
	aiot_ap_put(&b, AIOT_AP_IE_NAS, inv_rsp, sizeof(inv_rsp));
	aiot_ap_put_u32(&b, AIOT_AP_IE_RSSI, (uint32_t)-6150);
	aiot_ap_put_u32(&b, AIOT_AP_IE_SEQ, 1);
	end("inventory-report-1");

	begin(AIOT_AP_INVENTORY_END, 0x100);
	aiot_ap_put_u64(&b, AIOT_AP_IE_REPORT_ID, 3);
	aiot_ap_put_u32(&b, AIOT_AP_IE_READER, 0);
	aiot_ap_put_u8(&b, AIOT_AP_IE_END_CAUSE, 0);
	aiot_ap_put_u32(&b, AIOT_AP_IE_DEVICES, 0);
	end("inventory-end-0");
	begin(AIOT_AP_INVENTORY_END, 0x101);
	aiot_ap_put_u64(&b, AIOT_AP_IE_REPORT_ID, 4);
	aiot_ap_put_u32(&b, AIOT_AP_IE_READER, 2);
	aiot_ap_put_u8(&b, AIOT_AP_IE_END_CAUSE, 1);
	aiot_ap_put_u32(&b, AIOT_AP_IE_DEVICES, 300);
	aiot_ap_put_u64(&b, AIOT_AP_IE_AIR_US, 1834000);
	aiot_ap_put_u64(&b, AIOT_AP_IE_SLOTS, 812);
	aiot_ap_put_u64(&b, AIOT_AP_IE_COLLISIONS, 201);
	end("inventory-end-1");

	begin(AIOT_AP_COMMAND_REQUEST, 0x200);
	aiot_ap_put_u32(&b, AIOT_AP_IE_READER, 0);
	aiot_ap_put(&b, AIOT_AP_IE_TARGET, id, 4);
	aiot_ap_put_u16(&b, AIOT_AP_IE_TARGET_BITS, 32);
	aiot_ap_put(&b, AIOT_AP_IE_NAS, read_req, sizeof(read_req));
	end("command-request-0");
	begin(AIOT_AP_COMMAND_REQUEST, 0x201);
	aiot_ap_put_u32(&b, AIOT_AP_IE_READER, 1);
	aiot_ap_put_u8(&b, AIOT_AP_IE_TARGET_TYPE, 1);
	aiot_ap_put(&b, AIOT_AP_IE_TARGET, id, 16);
	aiot_ap_put_u16(&b, AIOT_AP_IE_TARGET_BITS, 128);
	aiot_ap_put(&b, AIOT_AP_IE_NAS, read_req, sizeof(read_req));
	aiot_ap_put(&b, AIOT_AP_IE_K_AIOTF, k, sizeof(k));
	aiot_ap_put_u8(&b, AIOT_AP_IE_ATTEMPTS, 4);
	end("command-request-1");
	begin(AIOT_AP_COMMAND_REQUEST, 0x202);
	aiot_ap_put_u32(&b, AIOT_AP_IE_READER, 0);
	aiot_ap_put_u8(&b, AIOT_AP_IE_TARGET_TYPE, 3);
	aiot_ap_put(&b, AIOT_AP_IE_TARGET, id + 4, 4);
	aiot_ap_put_u16(&b, AIOT_AP_IE_TARGET_BITS, 32);
	aiot_ap_put(&b, AIOT_AP_IE_NAS, s9_cmd_req, sizeof(s9_cmd_req));
	aiot_ap_put(&b, AIOT_AP_IE_RAND_N, rand_n, 8);
	end("command-request-rand");

	begin(AIOT_AP_COMMAND_RESPONSE, 0x200);
	aiot_ap_put_u64(&b, AIOT_AP_IE_REPORT_ID, 5);
	aiot_ap_put_u8(&b, AIOT_AP_IE_OUTCOME, AIOT_AP_OUTCOME_NAS_RESPONSE);
	aiot_ap_put(&b, AIOT_AP_IE_NAS, read_rsp, sizeof(read_rsp));
	aiot_ap_put_u8(&b, AIOT_AP_IE_ATTEMPTS, 1);
	end("command-response-0");
	begin(AIOT_AP_COMMAND_RESPONSE, 0x201);
	aiot_ap_put_u64(&b, AIOT_AP_IE_REPORT_ID, 6);
	aiot_ap_put_u8(&b, AIOT_AP_IE_OUTCOME, AIOT_AP_OUTCOME_AS_INDICATION);
	aiot_ap_put_u8(&b, AIOT_AP_IE_AS_CAUSE, 0);
	aiot_ap_put_u8(&b, AIOT_AP_IE_SEC, 2);
	aiot_ap_put_u32(&b, AIOT_AP_IE_RSSI, (uint32_t)-7000);
	aiot_ap_put_u8(&b, AIOT_AP_IE_ATTEMPTS, 1);
	end("command-response-1");
	begin(AIOT_AP_COMMAND_RESPONSE, 0x202);
	aiot_ap_put_u64(&b, AIOT_AP_IE_REPORT_ID, 7);
	aiot_ap_put_u8(&b, AIOT_AP_IE_OUTCOME, AIOT_AP_OUTCOME_REJECTED);
	aiot_ap_put_u32(&b, AIOT_AP_IE_ERRNO, 19);
	aiot_ap_put_str(&b, AIOT_AP_IE_DIAG, "no such reader");
	end("command-response-2");

	begin(AIOT_AP_REQUEST_ACK, 0x200);
	end("request-ack-0");

	begin(AIOT_AP_REPORT_ACK, 0);
	aiot_ap_put_u64(&b, AIOT_AP_IE_REPORT_ID, 1);
	end("report-ack-0");
	begin(AIOT_AP_REPORT_ACK, 0);
	for (i = 0; i < AIOT_AP_MAX_ACKS; i++)
		aiot_ap_put_u64(&b, AIOT_AP_IE_REPORT_ID, 100 + i);
	end("report-ack-1");

	begin(AIOT_AP_ERROR_INDICATION, 0x202);
	aiot_ap_put_u16(&b, AIOT_AP_IE_CAUSE, AIOT_AP_CAUSE_UNKNOWN_READER);
	end("error-indication-0");
	begin(AIOT_AP_ERROR_INDICATION, 0x203);
	aiot_ap_put_u16(&b, AIOT_AP_IE_CAUSE, AIOT_AP_CAUSE_MISSING_IE);
	aiot_ap_put_u8(&b, AIOT_AP_IE_BAD_TYPE, AIOT_AP_COMMAND_REQUEST);
	aiot_ap_put_str(&b, AIOT_AP_IE_DIAG, "missing IE 11 (NAS)");
	end("error-indication-1");
	return 0;
}
