// SPDX-License-Identifier: GPL-2.0
/*
 * aiotf-sim: a reference AIOTF with its ADM, on libaiot's OpenSSL twin of
 * the security engine and the shared AIoT NAS codec (kernel/nas.c).
 *
 *   aiotf-sim key     --seed HEX --device ID
 *   aiotf-sim rand
 *   aiotf-sim verify  --seed HEX --rand HEX [FILE]
 *   aiotf-sim request --seed HEX --rand HEX --device ID --rand-d HEX
 *                     [--integrity-only] [--keys] (read OFF LEN | write OFF HEX | disable)
 *   aiotf-sim response --seed HEX --rand HEX --device ID --rand-d HEX NAS
 *   aiotf-sim run FILE [-j] [--listen ADDR]
 *
 * run plays the AIOTF over AIoT-AP: it listens for a gateway (aiot-bridge),
 * sends the requests of a scenario file (scenario.c) and checks what comes
 * back (run.c); the others are one-shot tools for scripts.
 *
 * The ADM holds each device's K_AIoT_root; for simulated devices it is
 * derived from the population's key seed by aiot_hwsim's documented rule
 * (<aiot/hwsim_values.h>). Device IDs are written HEX[/BITS].
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <aiot/hwsim_values.h>
#include "aiot_sec.h"
#include "aiotf-sim.h"
#include "nas.h"

struct opts {
	uint8_t seed[AIOT_HWSIM_SEED_MAX_LEN];
	size_t seed_len;
	uint8_t rand_n[AIOT_RAND_N_LEN];
	bool have_rand;
	uint8_t id[16];
	unsigned int id_bits;
	uint8_t rand_d[AIOT_RAND_D_LEN];
	bool have_rand_d;
	bool integrity_only;
	bool keys;
	bool json;
};

void sim_err(const char *fmt, ...)
{
	va_list ap;

	fputs("aiotf-sim: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static int hex_exact(const char *what, const char *s, uint8_t *out, size_t want)
{
	size_t len;

	if (aiot_hex_decode(s, out, want, &len) || len != want) {
		sim_err("%s must be %zu octets of hex", what, want);
		return -1;
	}
	return 0;
}

/* HEX[/BITS] */
int sim_parse_id_quiet(const char *s, uint8_t *id, unsigned int *bits)
{
	char hex[40];
	const char *slash = strchr(s, '/');
	size_t n = slash ? (size_t)(slash - s) : strlen(s), len;
	char *end;

	if (n >= sizeof(hex))
		return -1;
	memcpy(hex, s, n);
	hex[n] = 0;
	memset(id, 0, 16);
	if (aiot_hex_decode(hex, id, 16, &len) || !len)
		return -1;
	*bits = len * 8;
	if (slash) {
		if (!isdigit((unsigned char)slash[1]))
			return -1;
		*bits = strtoul(slash + 1, &end, 10);
		if (*end || !*bits || *bits > len * 8 || *bits + 8 <= len * 8)
			return -1;
	}
	return 0;
}

int sim_parse_id(const char *s, uint8_t *id, unsigned int *bits)
{
	if (!sim_parse_id_quiet(s, id, bits))
		return 0;
	sim_err("device '%s' is not HEX[/BITS] of at most 128 bits", s);
	return -1;
}

void sim_format_id(const uint8_t *id, unsigned int bits, char *out, size_t size)
{
	char hex[2 * 16 + 1];
	size_t n = (bits + 7) / 8;

	aiot_hex_encode(id, n > 16 ? 16 : n, hex);
	if (bits % 8)
		snprintf(out, size, "%s/%u", hex, bits);
	else
		snprintf(out, size, "%s", hex);
}

/* The ADM: K_AIoT_root of a simulated device, by aiot_hwsim's key rule. */
static int k_root(const struct opts *o, const uint8_t *id, unsigned int bits, uint8_t *k)
{
	return aiot_hwsim_k_root(o->seed, o->seed_len, id, bits, k);
}

void sim_print_hex(const char *key, const uint8_t *p, size_t n, struct json_object *o)
{
	char s[2 * 256 + 1];

	aiot_hex_encode(p, n, s);
	if (o)
		json_object_object_add(o, key, json_object_new_string(s));
	else
		printf("%s %s\n", key, s);
}

static int cmd_key(struct opts *o)
{
	uint8_t k[AIOT_K_ROOT_LEN];

	if (!o->seed_len || !o->id_bits) {
		sim_err("key needs --seed and --device");
		return EXIT_USAGE;
	}
	if (k_root(o, o->id, o->id_bits, k)) {
		sim_err("HMAC-SHA-256 failed");
		return EXIT_FAILED;
	}
	sim_print_hex("k_root", k, sizeof(k), NULL);
	OPENSSL_cleanse(k, sizeof(k));
	return EXIT_OK;
}

static int cmd_rand(void)
{
	uint8_t r[AIOT_RAND_N_LEN];

	if (RAND_bytes(r, sizeof(r)) != 1) {
		sim_err("no random bytes from OpenSSL");
		return EXIT_FAILED;
	}
	sim_print_hex("rand_n", r, sizeof(r), NULL);
	return EXIT_OK;
}

struct tally {
	unsigned long devices, ok, bad, malformed;
	struct json_object *out;
};

/* One reported device: its Inventory Response against XRES_AIOT. */
static void check_device(const struct opts *o, struct json_object *dev, struct tally *t)
{
	struct json_object *nasj, *r = json_object_new_object();
	uint8_t nas[AIOT_NAS_MAX_LEN], k[AIOT_K_ROOT_LEN], xres[AIOT_RES_LEN];
	struct aiot_nas_msg m;
	size_t len;
	const char *verdict = "malformed";

	t->devices++;
	if (!json_object_object_get_ex(dev, "nas", &nasj) ||
	    aiot_hex_decode(json_object_get_string(nasj), nas, sizeof(nas), &len) ||
	    aiot_nas_decode(nas, len, &m) || m.type != AIOT_NAS_MT_INVENTORY_RSP) {
		t->malformed++;
		goto out;
	}
	sim_print_hex("device", m.id, (m.id_bits + 7) / 8, r);
	json_object_object_add(r, "device_bits", json_object_new_int(m.id_bits));
	sim_print_hex("rand_d", m.rand_d, AIOT_RAND_D_LEN, r);
	if (k_root(o, m.id, m.id_bits, k) || aiot_res_aiot(k, o->rand_n, m.rand_d, xres)) {
		t->malformed++;
		goto out;
	}
	if (CRYPTO_memcmp(xres, m.res, AIOT_RES_LEN)) {
		verdict = "failed";
		t->bad++;
	} else {
		verdict = "authenticated";
		t->ok++;
	}
out:
	OPENSSL_cleanse(k, sizeof(k));
	json_object_object_add(r, "verdict", json_object_new_string(verdict));
	json_object_array_add(t->out, r);
}

static void walk(const struct opts *o, struct json_object *v, struct tally *t)
{
	struct json_object *devs;
	size_t i;

	if (json_object_is_type(v, json_type_array)) {
		for (i = 0; i < json_object_array_length(v); i++)
			walk(o, json_object_array_get_idx(v, i), t);
	} else if (json_object_is_type(v, json_type_object) &&
		   json_object_object_get_ex(v, "devices", &devs)) {
		for (i = 0; i < json_object_array_length(devs); i++)
			check_device(o, json_object_array_get_idx(devs, i), t);
	}
}

/* Inventory reports (aiotctl -j ... watch) in, one verdict per device out. */
static int cmd_verify(struct opts *o, const char *file)
{
	struct tally t = { .out = json_object_new_array() };
	struct json_tokener *tok = json_tokener_new();
	FILE *f = file && strcmp(file, "-") ? fopen(file, "r") : stdin;
	char line[1 << 16];
	size_t i;

	if (!o->seed_len || !o->have_rand) {
		sim_err("verify needs --seed and --rand");
		return EXIT_USAGE;
	}
	if (!f) {
		sim_err("cannot open '%s': %s", file, strerror(errno));
		return EXIT_FAILED;
	}
	while (fgets(line, sizeof(line), f)) {
		struct json_object *v = json_tokener_parse_ex(tok, line, strlen(line));

		if (v) {
			walk(o, v, &t);
			json_object_put(v);
		} else if (json_tokener_get_error(tok) != json_tokener_continue) {
			sim_err("input is not JSON: %s",
			    json_tokener_error_desc(json_tokener_get_error(tok)));
			json_tokener_reset(tok);
		}
	}
	if (f != stdin)
		fclose(f);
	json_tokener_free(tok);
	if (o->json) {
		struct json_object *r = json_object_new_object();

		json_object_object_add(r, "devices", json_object_get(t.out));
		json_object_object_add(r, "authenticated", json_object_new_int64(t.ok));
		json_object_object_add(r, "failed", json_object_new_int64(t.bad));
		json_object_object_add(r, "malformed", json_object_new_int64(t.malformed));
		puts(json_object_to_json_string_ext(r, JSON_C_TO_STRING_PLAIN));
		json_object_put(r);
	} else {
		for (i = 0; i < json_object_array_length(t.out); i++) {
			struct json_object *d = json_object_array_get_idx(t.out, i), *x;

			printf("device %s %s",
			       json_object_object_get_ex(d, "device", &x) ?
			       json_object_get_string(x) : "?",
			       json_object_get_string(json_object_object_get(d, "verdict")));
			if (json_object_object_get_ex(d, "rand_d", &x))
				printf(" rand_d %s", json_object_get_string(x));
			putchar('\n');
		}
		printf("%lu devices: %lu authenticated, %lu failed, %lu malformed\n",
		       t.devices, t.ok, t.bad, t.malformed);
	}
	json_object_put(t.out);
	return t.devices && t.ok == t.devices ? EXIT_OK : EXIT_FAILED;
}

/* K_AIOTF and the command keys of the device's session. */
static struct aiot_sec_ctx *session(const struct opts *o, uint8_t *k_aiotf)
{
	uint8_t k[AIOT_K_ROOT_LEN];
	struct aiot_sec_ctx *ctx;

	if (!o->seed_len || !o->have_rand || !o->id_bits || !o->have_rand_d) {
		sim_err("needs --seed, --rand, --device and --rand-d");
		return NULL;
	}
	ctx = aiot_sec_ctx_alloc();
	if (!ctx || k_root(o, o->id, o->id_bits, k) ||
	    aiot_k_aiotf(k, o->rand_n, o->rand_d, k_aiotf) ||
	    aiot_sec_ctx_set_kaiotf(ctx, k_aiotf)) {
		sim_err("cannot derive the session keys");
		aiot_sec_ctx_free(ctx);
		ctx = NULL;
	}
	OPENSSL_cleanse(k, sizeof(k));
	return ctx;
}

static int cmd_request(struct opts *o, int argc, char **argv)
{
	uint8_t buf[AIOT_NAS_MAX_LEN], data[AIOT_NAS_MAX_LEN], k_aiotf[AIOT_K_AIOTF_LEN];
	struct aiot_nas_msg m = { 0 };
	struct aiot_sec_ctx *ctx;
	unsigned long v;
	char *end;
	size_t len;
	int n;

	if (argc >= 1 && !strcmp(argv[0], "disable") && argc == 1) {
		m.type = AIOT_NAS_MT_DISABLE_REQ;
	} else if (argc == 3 && (!strcmp(argv[0], "read") || !strcmp(argv[0], "write"))) {
		v = strtoul(argv[1], &end, 0);
		if (*end || v > 0xffff) {
			sim_err("offset '%s' is not a number in 0..65535", argv[1]);
			return EXIT_USAGE;
		}
		m.offset = v;
		if (argv[0][0] == 'r') {
			m.type = AIOT_NAS_MT_READ_REQ;
			v = strtoul(argv[2], &end, 0);
			if (*end || v > 0xffff) {
				sim_err("length '%s' is not a number in 0..65535", argv[2]);
				return EXIT_USAGE;
			}
			m.length = v;
		} else {
			m.type = AIOT_NAS_MT_WRITE_REQ;
			if (aiot_hex_decode(argv[2], data, sizeof(data), &len) || !len) {
				sim_err("write data '%s' is not hex", argv[2]);
				return EXIT_USAGE;
			}
			m.data = data;
			m.data_len = len;
		}
	} else {
		sim_err("request: give read OFF LEN, write OFF HEX or disable");
		return EXIT_USAGE;
	}
	n = aiot_nas_encode(&m, buf, sizeof(buf));
	if (n < 0) {
		sim_err("the request does not fit an AIoT NAS message");
		return EXIT_USAGE;
	}
	ctx = session(o, k_aiotf);
	if (!ctx)
		return EXIT_USAGE;
	/* the plain request for offload mode, with the session's K_AIOTF */
	sim_print_hex("plain", buf, n, NULL);
	if (o->keys)
		sim_print_hex("k_aiotf", k_aiotf, sizeof(k_aiotf), NULL);
	n = aiot_nas_seal(ctx, AIOT_NAS_DIR_R2D, !o->integrity_only, buf, n, sizeof(buf));
	aiot_sec_ctx_free(ctx);
	OPENSSL_cleanse(k_aiotf, sizeof(k_aiotf));
	if (n < 0) {
		sim_err("sealing failed: %s", aiot_sec_strerror(n));
		return EXIT_FAILED;
	}
	sim_print_hex("protected", buf, n, NULL);
	return EXIT_OK;
}

/* A response: relay mode (protected, verified here) or offload (plain). */
static int cmd_response(struct opts *o, const char *hex)
{
	uint8_t buf[AIOT_NAS_MAX_LEN], k_aiotf[AIOT_K_AIOTF_LEN];
	const char *status = "integrity-failure";
	struct aiot_sec_ctx *ctx;
	struct aiot_nas_msg m;
	size_t len;
	int n, rc = EXIT_FAILED;

	if (!hex || aiot_hex_decode(hex, buf, sizeof(buf), &len) || !len) {
		sim_err("response: give the NAS response in hex");
		return EXIT_USAGE;
	}
	n = len;
	if (buf[0] != AIOT_NAS_SHT_PLAIN) {
		ctx = session(o, k_aiotf);
		if (!ctx)
			return EXIT_USAGE;
		n = aiot_nas_open(ctx, AIOT_NAS_DIR_D2R, buf, len);
		aiot_sec_ctx_free(ctx);
		OPENSSL_cleanse(k_aiotf, sizeof(k_aiotf));
	}
	if (n >= 0 && !aiot_nas_decode(buf, n, &m)) {
		status = "ok";
		rc = EXIT_OK;
		printf("type 0x%02x\nstatus %u\n", m.type, m.status);
		if (m.data_len)
			sim_print_hex("data", m.data, m.data_len, NULL);
	} else if (n >= 0 || n != -EBADMSG) {
		status = "malformed";
	}
	printf("verdict %s\n", status);
	return rc;
}

static void usage(FILE *f)
{
	fputs("usage: aiotf-sim [-j] key --seed HEX --device ID\n"
	      "       aiotf-sim rand\n"
	      "       aiotf-sim [-j] verify --seed HEX --rand HEX [FILE]\n"
	      "       aiotf-sim request --seed HEX --rand HEX --device ID --rand-d HEX\n"
	      "                 [--integrity-only] [--keys] (read OFF LEN | write OFF HEX | disable)\n"
	      "       aiotf-sim response --seed HEX --rand HEX --device ID --rand-d HEX NAS\n"
	      "       aiotf-sim [-j] run FILE [--listen ADDR]\n"
	      "ID is HEX[/BITS]; see aiotf-sim(1)\n", f);
}

int main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "seed", required_argument, NULL, 's' },
		{ "rand", required_argument, NULL, 'n' },
		{ "device", required_argument, NULL, 'd' },
		{ "rand-d", required_argument, NULL, 'r' },
		{ "integrity-only", no_argument, NULL, 'I' },
		{ "keys", no_argument, NULL, 'K' },
		{ "json", no_argument, NULL, 'j' },
		{ "listen", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct opts o = { 0 };
	const char *cmd, *listen = NULL;
	size_t len;
	int c, rc;

	/* options anywhere: GNU getopt moves the words to the end */
	while ((c = getopt_long(argc, argv, "s:n:d:r:IKjh", lo, NULL)) != -1) {
		switch (c) {
		case 's':
			if (aiot_hex_decode(optarg, o.seed, sizeof(o.seed), &len) || !len) {
				sim_err("--seed must be 1 to %d octets of hex", AIOT_HWSIM_SEED_MAX_LEN);
				return EXIT_USAGE;
			}
			o.seed_len = len;
			break;
		case 'n':
			if (hex_exact("--rand", optarg, o.rand_n, sizeof(o.rand_n)))
				return EXIT_USAGE;
			o.have_rand = true;
			break;
		case 'd':
			if (sim_parse_id(optarg, o.id, &o.id_bits))
				return EXIT_USAGE;
			break;
		case 'r':
			if (hex_exact("--rand-d", optarg, o.rand_d, sizeof(o.rand_d)))
				return EXIT_USAGE;
			o.have_rand_d = true;
			break;
		case 'I':
			o.integrity_only = true;
			break;
		case 'K':
			o.keys = true;
			break;
		case 'j':
			o.json = true;
			break;
		case 'l':
			listen = optarg;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	cmd = argv[optind++];
	if (!strcmp(cmd, "key"))
		rc = optind == argc ? cmd_key(&o) : EXIT_USAGE;
	else if (!strcmp(cmd, "rand"))
		rc = optind == argc ? cmd_rand() : EXIT_USAGE;
	else if (!strcmp(cmd, "verify"))
		rc = argc - optind <= 1 ? cmd_verify(&o, argv[optind]) : EXIT_USAGE;
	else if (!strcmp(cmd, "request"))
		rc = cmd_request(&o, argc - optind, argv + optind);
	else if (!strcmp(cmd, "run") && argc - optind == 1)
		rc = sim_run(argv[optind], listen, o.json);
	else if (!strcmp(cmd, "run")) {
		sim_err("run: give one scenario FILE");
		rc = EXIT_USAGE;
	}
	else if (!strcmp(cmd, "response"))
		rc = argc - optind == 1 ? cmd_response(&o, argv[optind]) : EXIT_USAGE;
	else {
		sim_err("unknown command '%s'", cmd);
		usage(stderr);
		return EXIT_USAGE;
	}
	OPENSSL_cleanse(&o, sizeof(o));
	return rc;
}
