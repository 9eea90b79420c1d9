// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: kernel/nas.c built in userspace, with the OpenSSL twin behind
 * its crypto calls (the AIOTF simulator's configuration). Round trips,
 * malformed and unknown messages, seal and open, tampering and wrong keys;
 * the security profiles' messages byte for byte in every flag combination
 * and policy the design allows, every truncation and added octet, every
 * other flags and policy value, the identity and payload helpers (the
 * same cases as the KUnit suite's). The kernel runs the same checks in
 * KUnit (aiot_nas) and the cross-check compares the two sides bit for bit.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <aiot/air_values.h>

#include "nas.h"
#include "aiot_sec.h"
#include "nas_cases.h"

static const uint8_t id[] = { 0xa1, 0x07, 0x00, 0x2a };
static const uint8_t rand_d[AIOT_RAND_D_LEN] = { 1, 2, 3, 4, 5, 6, 7, 8 };
static const uint8_t res[AIOT_RES_LEN] = { 9, 10, 11, 12, 13, 14, 15, 16 };

static void inventory_response(void **state)
{
	struct aiot_nas_msg m = {
		.type = AIOT_NAS_MT_INVENTORY_RSP, .id_type = 1, .id_bits = 32,
		.id = id, .rand_d = rand_d, .res = res,
	}, got;
	uint8_t buf[AIOT_NAS_MAX_LEN];
	int n, k;

	(void)state;
	n = aiot_nas_encode(&m, buf, sizeof(buf));
	assert_int_equal(n, 4 + 4 + AIOT_RAND_D_LEN + AIOT_RES_LEN);
	assert_int_equal(buf[0], AIOT_NAS_SHT_PLAIN);
	assert_int_equal(buf[1], AIOT_NAS_MT_INVENTORY_RSP);
	assert_int_equal(aiot_nas_decode(buf, n, &got), 0);
	assert_int_equal(got.id_bits, 32);
	assert_memory_equal(got.id, id, 4);
	assert_memory_equal(got.rand_d, rand_d, sizeof(rand_d));
	assert_memory_equal(got.res, res, sizeof(res));
	for (k = 0; k < n; k++)
		assert_int_equal(aiot_nas_decode(buf, k, &got), -EPROTO);
	assert_int_equal(aiot_nas_decode(buf, n + 1, &got), -EPROTO);
}

static void requests(void **state)
{
	static const uint8_t data[] = { 0xde, 0xad, 0xbe, 0xef };
	struct aiot_nas_msg rd = { .type = AIOT_NAS_MT_READ_REQ, .offset = 0x102, .length = 9 };
	struct aiot_nas_msg wr = { .type = AIOT_NAS_MT_WRITE_REQ, .offset = 3, .data = data,
				   .data_len = sizeof(data) };
	struct aiot_nas_msg dis = { .type = AIOT_NAS_MT_DISABLE_REQ }, got;
	uint8_t buf[AIOT_NAS_MAX_LEN];
	static const uint8_t rd_wire[] = { 0x00, 0x50, 0x01, 0x02, 0x00, 0x09 };

	(void)state;
	assert_int_equal(aiot_nas_encode(&rd, buf, sizeof(buf)), 6);
	assert_memory_equal(buf, rd_wire, sizeof(rd_wire));
	assert_int_equal(aiot_nas_decode(buf, 6, &got), 0);
	assert_int_equal(got.offset, 0x102);
	assert_int_equal(got.length, 9);
	assert_true(aiot_nas_is_request(got.type));

	assert_int_equal(aiot_nas_encode(&wr, buf, sizeof(buf)), 8);
	assert_int_equal(aiot_nas_decode(buf, 8, &got), 0);
	assert_int_equal(got.data_len, 4);
	assert_memory_equal(got.data, data, 4);
	assert_int_equal(aiot_nas_decode(buf, 4, &got), -EPROTO);	/* no data */

	assert_int_equal(aiot_nas_encode(&dis, buf, sizeof(buf)), 2);
	assert_int_equal(aiot_nas_decode(buf, 2, &got), 0);
	assert_int_equal(aiot_nas_decode(buf, 3, &got), -EPROTO);
	assert_false(aiot_nas_is_request(AIOT_NAS_MT_READ_RSP));

	buf[1] = 0x7f;
	assert_int_equal(aiot_nas_decode(buf, 2, &got), -ENOMSG);
	buf[0] = 0x20;
	assert_int_equal(aiot_nas_decode(buf, 2, &got), -EPROTO);
}

static struct aiot_sec_ctx *ctx_from(uint8_t first)
{
	uint8_t k[AIOT_K_AIOTF_LEN];
	struct aiot_sec_ctx *ctx = aiot_sec_ctx_alloc();
	unsigned int i;

	assert_non_null(ctx);
	for (i = 0; i < sizeof(k); i++)
		k[i] = first + i;
	assert_int_equal(aiot_sec_ctx_set_kaiotf(ctx, k), 0);
	return ctx;
}

static void seal_open(void **state)
{
	struct aiot_nas_msg rsp = { .type = AIOT_NAS_MT_READ_RSP, .data = id,
				    .data_len = sizeof(id) };
	struct aiot_sec_ctx *ctx = ctx_from(0x40), *other = ctx_from(0x41);
	uint8_t plain[AIOT_NAS_MAX_LEN], buf[AIOT_NAS_MAX_LEN], sealed[AIOT_NAS_MAX_LEN];
	int len, n, bit, cipher;

	(void)state;
	len = aiot_nas_encode(&rsp, plain, sizeof(plain));
	assert_int_equal(len, 7);
	for (cipher = 0; cipher <= 1; cipher++) {
		memcpy(buf, plain, len);
		n = aiot_nas_seal(ctx, AIOT_NAS_DIR_D2R, cipher, buf, len, sizeof(buf));
		assert_int_equal(n, len + AIOT_NAS_TRAILER_LEN);
		assert_int_equal(buf[0], cipher ? AIOT_NAS_SHT_INTEGRITY_CIPHERED :
						  AIOT_NAS_SHT_INTEGRITY);
		if (cipher)
			assert_memory_not_equal(buf + 1, plain + 1, len - 1);
		else
			assert_memory_equal(buf + 1, plain + 1, len - 1);
		memcpy(sealed, buf, n);
		for (bit = 0; bit < n * 8; bit++) {
			buf[bit / 8] ^= 0x80 >> (bit % 8);
			assert_true(aiot_nas_open(ctx, AIOT_NAS_DIR_D2R, buf, n) < 0);
			buf[bit / 8] ^= 0x80 >> (bit % 8);
			assert_memory_equal(buf, sealed, n);
		}
		assert_int_equal(aiot_nas_open(other, AIOT_NAS_DIR_D2R, buf, n), -EBADMSG);
		assert_int_equal(aiot_nas_open(ctx, AIOT_NAS_DIR_R2D, buf, n), -EBADMSG);
		assert_int_equal(aiot_nas_open(ctx, AIOT_NAS_DIR_D2R, buf, n), len);
		assert_memory_equal(buf, plain, len);
	}
	assert_int_equal(aiot_nas_open(ctx, AIOT_NAS_DIR_D2R, plain, len), -EPROTO);
	assert_int_equal(aiot_nas_seal(ctx, AIOT_NAS_DIR_D2R, 1, plain, len, len + 3),
			 -EMSGSIZE);
	aiot_sec_ctx_free(ctx);
	aiot_sec_ctx_free(other);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(inventory_response),
		cmocka_unit_test(requests),
		cmocka_unit_test(seal_open),
		cmocka_unit_test(nas_profile_messages),
		cmocka_unit_test(nas_profile_flags),
		cmocka_unit_test(nas_profile_policies),
		cmocka_unit_test(nas_profile_encode_refuses),
		cmocka_unit_test(nas_profile_mac_later),
		cmocka_unit_test(nas_profile_ciphered_id),
		cmocka_unit_test(nas_profile_payload),
		cmocka_unit_test(nas_profile_types),
	};

	return cmocka_run_group_tests_name("nas", tests, NULL, NULL);
}
