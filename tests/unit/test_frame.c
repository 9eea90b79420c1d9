// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: the R2D/D2R codec and its CRCs, built from the kernel source
 * through the userspace shim. Same checks as the KUnit suite aiot_frame
 * (kernel/tests/air_cases.h), plus a random-input sweep.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "frame.h"
#include "air_cases.h"

static void run_check(void **state)
{
	const struct air_check *c = *state;
	struct air_scratch *s = calloc(1, sizeof(*s));

	assert_non_null(s);
	if (c->run(s)) {
		print_error("%s: %s\n", c->name, s->why);
		free(s);
		fail();
	}
	free(s);
}

/* Random and mutated frames into exactly sized heap buffers: the decoder
 * returns one of its documented errors, or a message that encodes back to
 * the very same bits (the encoding is canonical).
 */
static void random_frames(void **state)
{
	struct aiot_msg m;
	uint32_t x = 7;
	size_t bits, n, i, pbits;
	unsigned int round, link;
	uint8_t *buf, tmp[AIOT_FRAME_MAX_OCTETS], re[AIOT_FRAME_MAX_OCTETS];
	int err, ok = 0;

	(void)state;
	for (round = 0; round < 40000; round++) {
		x = x * 1103515245 + 12345;
		link = (x >> 20) & 1;
		if (round & 1) {
			/* a sample with 1..3 flipped PDU bits, resealed */
			memset(&m, 0, sizeof(m));
			air_samples[(x >> 8) % AIR_N_SAMPLES].build(&m);
			link = aiot_msg_link(m.type);
			aiot_pdu_encode(&m, tmp, sizeof(tmp), &pbits);
			for (i = 0; i <= (x >> 4) % 3; i++) {
				x = x * 1103515245 + 12345;
				tmp[((x >> 8) % pbits) / 8] ^=
					0x80 >> (((x >> 8) % pbits) % 8);
			}
			aiot_frame_seal(tmp, sizeof(tmp), pbits, &bits);
		} else {
			bits = (x >> 8) % 200;
			for (i = 0; i < (bits + 7) / 8; i++) {
				x = x * 1103515245 + 12345;
				tmp[i] = x >> 16;
			}
		}
		n = (bits + 7) / 8;
		buf = malloc(n ? n : 1);
		assert_non_null(buf);
		memcpy(buf, tmp, n);
		err = aiot_frame_decode(buf, bits, link, &m);
		switch (err) {
		case 0:
			ok++;
			assert_int_equal(aiot_frame_encode(&m, re, sizeof(re),
							   &pbits), 0);
			assert_int_equal(pbits, bits);
			if (bits & 7) {
				re[n - 1] &= 0xff00 >> (bits & 7);
				buf[n - 1] &= 0xff00 >> (bits & 7);
			}
			assert_memory_equal(re, buf, n);
			break;
		case -ENODATA: case -EOVERFLOW: case -EBADMSG: case -ENOMSG:
		case -EPROTO: case -EMSGSIZE:
			break;
		default:
			fail_msg("undocumented error %d", err);
		}
		free(buf);
	}
	assert_true(ok > 1000);
}

int main(void)
{
	struct CMUnitTest tests[AIR_N_CHECKS + 1];
	size_t i;

	for (i = 0; i < AIR_N_CHECKS; i++)
		tests[i] = (struct CMUnitTest){
			.name = air_checks[i].name,
			.test_func = run_check,
			.initial_state = (void *)&air_checks[i],
		};
	tests[i] = (struct CMUnitTest)cmocka_unit_test(random_frames);
	return _cmocka_run_group_tests("frame", tests, AIR_N_CHECKS + 1,
				       NULL, NULL);
}
