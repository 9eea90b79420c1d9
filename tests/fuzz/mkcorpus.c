// SPDX-License-Identifier: GPL-2.0
/*
 * Writes the fuzz seed corpus (tests/fuzz/corpus): every test sample
 * (kernel/tests/air_cases.h) as a frame and as a bare PDU, in the input
 * format of fuzz_air.c, plus a few anti-collision runs.
 * Usage: mkcorpus DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frame.h"
#include "air_cases.h"

static void put(const char *dir, const char *name, const u8 *p, size_t n)
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

int main(int argc, char **argv)
{
	static const u8 ac[][12] = {
		{ 0xc0, 2, 16, 0, 77, 2, 2, 0, 1, 1, 2, 0 },	/* Q-algorithm */
		{ 0xc0, 0x81, 4, 0, 0, 2, 1, 0, 2, 0xf0, 1, 1 },/* Schoute */
		{ 0xc0, 2, 16, 0, 0, 2, 2, 0, 0, 0, 1, 0xf5 },	/* ML */
	};
	u8 buf[AIOT_FRAME_MAX_OCTETS + 1];
	struct aiot_msg m;
	char name[96];
	size_t i, bits;
	int link;

	if (argc != 2) {
		fprintf(stderr, "usage: %s DIR\n", argv[0]);
		return 2;
	}
	for (i = 0; i < AIR_N_SAMPLES; i++) {
		memset(&m, 0, sizeof(m));
		air_samples[i].build(&m);
		link = aiot_msg_link(m.type);
		if (aiot_frame_encode(&m, buf + 1, sizeof(buf) - 1, &bits))
			return 1;
		buf[0] = link | ((8 - bits % 8) % 8) << 2;
		snprintf(name, sizeof(name), "frame-%s", air_samples[i].name);
		put(argv[1], name, buf, 1 + (bits + 7) / 8);
		aiot_pdu_encode(&m, buf + 1, sizeof(buf) - 1, &bits);
		buf[0] = link | 2 | ((8 - bits % 8) % 8) << 2;
		snprintf(name, sizeof(name), "pdu-%s", air_samples[i].name);
		put(argv[1], name, buf, 1 + (bits + 7) / 8);
	}
	for (i = 0; i < sizeof(ac) / sizeof(ac[0]); i++) {
		snprintf(name, sizeof(name), "anticoll-%zu", i);
		put(argv[1], name, ac[i], sizeof(ac[i]));
	}
	return 0;
}
