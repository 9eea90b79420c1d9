// SPDX-License-Identifier: GPL-2.0
/*
 * aiotctl crypto: compute and check security values by hand with the
 * userspace twin of the security engine (libaiot, OpenSSL): 128-NIA2,
 * 128-NEA2, the TS 33.220 KDF and the A-IoT derivations.  Hex in, hex out.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>

#include "aiot_sec.h"
#include "aiotctl.h"

/* Everything a crypto subcommand may be given */
struct crypto_args {
	const char *cmd;
	const char *key;
	const char *rand_n;
	const char *rand_d;
	const char *verify;
	unsigned long count;
	unsigned long bearer;
	unsigned long dir;
	unsigned long length;
	unsigned long fc;
	int has_count, has_bearer, has_dir, has_length, has_fc;
	int nargs;
	char **args;
};

static int parse_ulong(const char *cmd, const char *what, const char *s,
		       unsigned long max, unsigned long *out)
{
	char *end;

	errno = 0;
	*out = strtoul(s, &end, 0);
	if (errno || *end || !*s || s[0] == '-' || *out > max) {
		aiotctl_err("crypto %s: %s '%s' is not a number in 0..%lu", cmd,
			    what, s, max);
		return -1;
	}
	return 0;
}

static int parse_dir(const char *cmd, const char *s, unsigned long *out)
{
	if (!strcmp(s, "uplink") || !strcmp(s, "d2r")) {
		*out = AIOT_SEC_DIR_UPLINK;
		return 0;
	}
	if (!strcmp(s, "downlink") || !strcmp(s, "r2d")) {
		*out = AIOT_SEC_DIR_DOWNLINK;
		return 0;
	}
	return parse_ulong(cmd, "DIRECTION", s, 1, out);
}

/* Options: parsed with getopt_long over argv[-1] (the subcommand's name) */
static int parse(struct crypto_args *a, const char *cmd, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "key", required_argument, NULL, 'k' },
		{ "count", required_argument, NULL, 'c' },
		{ "bearer", required_argument, NULL, 'b' },
		{ "dir", required_argument, NULL, 'd' },
		{ "length", required_argument, NULL, 'l' },
		{ "verify", required_argument, NULL, 'v' },
		{ "fc", required_argument, NULL, 'f' },
		{ "rand-n", required_argument, NULL, 'n' },
		{ "rand-d", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	int opt;

	memset(a, 0, sizeof(*a));
	a->cmd = cmd;
	optind = 0;	/* glibc: start a fresh scan */
	opterr = 0;
	while ((opt = getopt_long(argc + 1, argv - 1, "k:c:b:d:l:v:f:n:r:",
				  opts, NULL)) != -1) {
		switch (opt) {
		case 'k':
			a->key = optarg;
			break;
		case 'c':
			if (parse_ulong(cmd, "COUNT", optarg, 0xffffffffUL,
					&a->count))
				return -1;
			a->has_count = 1;
			break;
		case 'b':
			if (parse_ulong(cmd, "BEARER", optarg,
					AIOT_SEC_BEARER_MAX, &a->bearer))
				return -1;
			a->has_bearer = 1;
			break;
		case 'd':
			if (parse_dir(cmd, optarg, &a->dir))
				return -1;
			a->has_dir = 1;
			break;
		case 'l':
			if (parse_ulong(cmd, "LENGTH", optarg,
					AIOT_SEC_MSG_MAX_LEN * 8UL, &a->length))
				return -1;
			a->has_length = 1;
			break;
		case 'v':
			a->verify = optarg;
			break;
		case 'f':
			if (parse_ulong(cmd, "FC", optarg, 0xff, &a->fc))
				return -1;
			a->has_fc = 1;
			break;
		case 'n':
			a->rand_n = optarg;
			break;
		case 'r':
			a->rand_d = optarg;
			break;
		default:
			if (optopt)
				aiotctl_err("crypto %s: option -%c is unknown or lacks its value; see 'aiotctl --help'",
					    cmd, optopt);
			else
				aiotctl_err("crypto %s: option '%s' is unknown or lacks its value; see 'aiotctl --help'",
					    cmd, argv[optind - 2]);
			return -1;
		}
	}
	a->nargs = argc - (optind - 1);
	a->args = argv + (optind - 1);
	return 0;
}

/* Decode hex into a malloc'ed buffer of exactly *len octets (may be 0) */
static uint8_t *hex_arg(const char *cmd, const char *what, const char *hex,
			size_t max, size_t *len)
{
	uint8_t *b = malloc(max ? max : 1);

	if (!b) {
		aiotctl_err("crypto %s: out of memory", cmd);
		return NULL;
	}
	if (aiot_hex_decode(hex, b, max, len)) {
		aiotctl_err("crypto %s: %s '%.40s%s' is not hex of at most %zu octets",
			    cmd, what, hex, strlen(hex) > 40 ? "..." : "", max);
		free(b);
		return NULL;
	}
	return b;
}

/* Hex of exactly @want octets into @out */
static int hex_exact(const char *cmd, const char *what, const char *hex,
		     uint8_t *out, size_t want)
{
	size_t n = 0;

	if (!hex) {
		aiotctl_err("crypto %s: %s is missing", cmd, what);
		return -1;
	}
	if (aiot_hex_decode(hex, out, want, &n) || n != want) {
		aiotctl_err("crypto %s: %s must be %zu octets of hex (%zu hex digits)",
			    cmd, what, want, 2 * want);
		return -1;
	}
	return 0;
}

static int need_nas(const struct crypto_args *a)
{
	const char *miss = !a->has_count ? "COUNT (-c)" :
			   !a->has_bearer ? "BEARER (-b)" :
			   !a->has_dir ? "DIRECTION (-d)" : NULL;

	if (miss) {
		aiotctl_err("crypto %s: %s is missing", a->cmd, miss);
		return -1;
	}
	if (a->nargs != 1) {
		aiotctl_err("crypto %s: give exactly one message in hex (\"\" for an empty one)",
			    a->cmd);
		return -1;
	}
	return 0;
}

static char *hex_str(const uint8_t *b, size_t len)
{
	char *s = malloc(2 * len + 1);

	if (s)
		aiot_hex_encode(b, len, s);
	return s;
}

static void json_add_hex(struct json_object *o, const char *name,
			 const uint8_t *b, size_t len)
{
	char *s = hex_str(b, len);

	json_object_object_add(o, name, json_object_new_string(s ? s : ""));
	free(s);
}

static void json_add_nas(struct json_object *o, const struct crypto_args *a)
{
	json_object_object_add(o, "count", json_object_new_int64(a->count));
	json_object_object_add(o, "bearer", json_object_new_int((int)a->bearer));
	json_object_object_add(o, "direction", json_object_new_int((int)a->dir));
	json_object_object_add(o, "length", json_object_new_int64(a->length));
}

static void json_print(struct json_object *o)
{
	puts(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
	json_object_put(o);
}

static void print_hex_line(const char *label, const uint8_t *b, size_t len)
{
	char *s = hex_str(b, len);

	if (label)
		printf("%s %s\n", label, s ? s : "");
	else
		printf("%s\n", s ? s : "");
	free(s);
}

/* A context for the NAS algorithms, or NULL after an error sentence */
static struct aiot_sec_ctx *nas_ctx(const struct crypto_args *a, int enc)
{
	uint8_t key[AIOT_SEC_KEY_LEN];
	struct aiot_sec_ctx *sctx;
	int err;

	if (hex_exact(a->cmd, "KEY (-k)", a->key, key, sizeof(key)))
		return NULL;
	sctx = aiot_sec_ctx_alloc();
	if (!sctx) {
		aiotctl_err("crypto %s: out of memory", a->cmd);
		return NULL;
	}
	err = aiot_sec_ctx_set_keys(sctx, enc ? key : NULL, enc ? NULL : key);
	memset(key, 0, sizeof(key));
	if (err) {
		aiotctl_err("crypto %s: cannot set the key: %s", a->cmd,
			    aiot_sec_strerror(err));
		aiot_sec_ctx_free(sctx);
		return NULL;
	}
	return sctx;
}

/* The message and LENGTH: LENGTH defaults to all the octets given */
static uint8_t *nas_msg(struct crypto_args *a, size_t *len)
{
	uint8_t *msg = hex_arg(a->cmd, "the message", a->args[0],
			       AIOT_SEC_MSG_MAX_LEN, len);

	if (!msg)
		return NULL;
	if (!a->has_length) {
		a->length = *len * 8;
	} else if (a->length > *len * 8 || a->length + 8 <= *len * 8) {
		aiotctl_err("crypto %s: LENGTH %lu bits does not fit the %zu octets of the message (it needs %lu)",
			    a->cmd, a->length, *len, (a->length + 7) / 8);
		free(msg);
		return NULL;
	}
	return msg;
}

static int cmd_nia2(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	uint8_t mac[AIOT_SEC_NIA2_MAC_LEN], want[AIOT_SEC_NIA2_MAC_LEN];
	struct aiot_sec_ctx *sctx;
	struct crypto_args a;
	int err, rc = AIOTCTL_EXIT_USAGE;
	uint8_t *msg;
	size_t len;

	if (parse(&a, "nia2", argc, argv) || need_nas(&a))
		return AIOTCTL_EXIT_USAGE;
	if (a.verify && hex_exact("nia2", "the MAC-I to verify (-v)", a.verify,
				  want, sizeof(want)))
		return AIOTCTL_EXIT_USAGE;
	msg = nas_msg(&a, &len);
	if (!msg)
		return AIOTCTL_EXIT_USAGE;
	sctx = nas_ctx(&a, 0);
	if (!sctx)
		goto out;
	err = aiot_nia2_mac(sctx, (uint32_t)a.count, (uint8_t)a.bearer,
			    (uint8_t)a.dir, msg, (uint32_t)a.length, mac);
	if (err) {
		aiotctl_err("crypto nia2: %s", aiot_sec_strerror(err));
		rc = AIOTCTL_EXIT_FAIL;
		goto out;
	}
	rc = a.verify && memcmp(mac, want, sizeof(mac)) ? AIOTCTL_EXIT_FAIL :
							  AIOTCTL_EXIT_OK;
	if (ctx->json) {
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "algorithm",
				       json_object_new_string("128-NIA2"));
		json_add_nas(o, &a);
		json_add_hex(o, "mac", mac, sizeof(mac));
		if (a.verify)
			json_object_object_add(o, "verified",
					       json_object_new_boolean(!rc));
		json_print(o);
	} else {
		print_hex_line(NULL, mac, sizeof(mac));
	}
	if (rc) {
		char got[9], exp[9];

		aiot_hex_encode(mac, sizeof(mac), got);
		aiot_hex_encode(want, sizeof(want), exp);
		aiotctl_err("crypto nia2: MAC-I mismatch: computed %s, given %s",
			    got, exp);
	}
out:
	aiot_sec_ctx_free(sctx);
	free(msg);
	return rc;
}

static int cmd_nea2(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	struct aiot_sec_ctx *sctx;
	struct crypto_args a;
	int err, rc = AIOTCTL_EXIT_USAGE;
	uint8_t *msg;
	size_t len;

	if (parse(&a, "nea2", argc, argv) || need_nas(&a))
		return AIOTCTL_EXIT_USAGE;
	if (a.verify) {
		aiotctl_err("crypto nea2: -v is for nia2 only");
		return AIOTCTL_EXIT_USAGE;
	}
	msg = nas_msg(&a, &len);
	if (!msg)
		return AIOTCTL_EXIT_USAGE;
	sctx = nas_ctx(&a, 1);
	if (!sctx)
		goto out;
	len = (a.length + 7) / 8;
	err = aiot_nea2_crypt(sctx, (uint32_t)a.count, (uint8_t)a.bearer,
			      (uint8_t)a.dir, msg, msg, (uint32_t)a.length);
	if (err) {
		aiotctl_err("crypto nea2: %s", aiot_sec_strerror(err));
		rc = AIOTCTL_EXIT_FAIL;
		goto out;
	}
	rc = AIOTCTL_EXIT_OK;
	if (ctx->json) {
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "algorithm",
				       json_object_new_string("128-NEA2"));
		json_add_nas(o, &a);
		json_add_hex(o, "output", msg, len);
		json_print(o);
	} else {
		print_hex_line(NULL, msg, len);
	}
out:
	aiot_sec_ctx_free(sctx);
	free(msg);
	return rc;
}

static int cmd_kdf(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	struct aiot_kdf_param p[AIOT_KDF_MAX_PARAMS];
	uint8_t *key = NULL, *pb[AIOT_KDF_MAX_PARAMS] = { NULL };
	uint8_t out[AIOT_KDF_OUT_LEN], *s = NULL;
	int i, err, rc = AIOTCTL_EXIT_USAGE;
	struct crypto_args a;
	size_t klen, plen, slen = 1;

	if (parse(&a, "kdf", argc, argv))
		return AIOTCTL_EXIT_USAGE;
	if (!a.key || !a.has_fc) {
		aiotctl_err("crypto kdf: %s is missing", a.key ? "FC (-f)" :
			    "KEY (-k)");
		return AIOTCTL_EXIT_USAGE;
	}
	if (a.nargs > AIOT_KDF_MAX_PARAMS) {
		aiotctl_err("crypto kdf: at most %d parameters P0..P%d",
			    AIOT_KDF_MAX_PARAMS, AIOT_KDF_MAX_PARAMS - 1);
		return AIOTCTL_EXIT_USAGE;
	}
	key = hex_arg("kdf", "KEY (-k)", a.key, 1024, &klen);
	if (!key)
		return AIOTCTL_EXIT_USAGE;
	for (i = 0; i < a.nargs; i++) {
		char what[8];

		snprintf(what, sizeof(what), "P%d", i);
		pb[i] = hex_arg("kdf", what, a.args[i], 0xffff, &plen);
		if (!pb[i])
			goto out;
		p[i].data = pb[i];
		p[i].len = (uint16_t)plen;
		slen += plen + 2;
	}
	err = aiot_kdf(key, (unsigned int)klen, (uint8_t)a.fc, p,
		       (unsigned int)a.nargs, out);
	if (err) {
		aiotctl_err("crypto kdf: %s", aiot_sec_strerror(err));
		rc = AIOTCTL_EXIT_FAIL;
		goto out;
	}
	rc = AIOTCTL_EXIT_OK;
	if (ctx->json) {
		struct json_object *o = json_object_new_object();
		size_t off = 1;

		/* S = FC | P0 | L0 | ..., shown to check by hand */
		s = malloc(slen);
		if (s) {
			s[0] = (uint8_t)a.fc;
			for (i = 0; i < a.nargs; i++) {
				memcpy(s + off, p[i].data, p[i].len);
				off += p[i].len;
				s[off++] = p[i].len >> 8;
				s[off++] = (uint8_t)p[i].len;
			}
			json_add_hex(o, "s", s, slen);
		}
		json_object_object_add(o, "fc", json_object_new_int((int)a.fc));
		json_add_hex(o, "output", out, sizeof(out));
		json_add_hex(o, "key128", out + AIOT_KDF_KEY128_OFFSET,
			     AIOT_SEC_KEY_LEN);
		json_print(o);
	} else {
		print_hex_line(NULL, out, sizeof(out));
	}
out:
	for (i = 0; i < AIOT_KDF_MAX_PARAMS; i++)
		free(pb[i]);
	free(s);
	free(key);
	return rc;
}

/* -k K_AIoT_root -n RAND_AIOT_n -r RAND_AIOT_d, no other argument */
static int root_args(struct crypto_args *a, const char *cmd, int argc,
		     char **argv, uint8_t *k_root, uint8_t *rn, uint8_t *rd)
{
	if (parse(a, cmd, argc, argv))
		return -1;
	if (a->nargs) {
		aiotctl_err("crypto %s: unexpected argument '%s'", cmd,
			    a->args[0]);
		return -1;
	}
	if (hex_exact(cmd, "K_AIoT_root (-k)", a->key, k_root, AIOT_K_ROOT_LEN) ||
	    hex_exact(cmd, "RAND_AIOT_n (-n)", a->rand_n, rn, AIOT_RAND_N_LEN) ||
	    hex_exact(cmd, "RAND_AIOT_d (-r)", a->rand_d, rd, AIOT_RAND_D_LEN))
		return -1;
	return 0;
}

static int cmd_res(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	uint8_t k_root[AIOT_K_ROOT_LEN], rn[AIOT_RAND_N_LEN];
	uint8_t rd[AIOT_RAND_D_LEN], res[AIOT_RES_LEN];
	struct crypto_args a;
	int err;

	if (root_args(&a, "res", argc, argv, k_root, rn, rd))
		return AIOTCTL_EXIT_USAGE;
	err = aiot_res_aiot(k_root, rn, rd, res);
	memset(k_root, 0, sizeof(k_root));
	if (err) {
		aiotctl_err("crypto res: %s", aiot_sec_strerror(err));
		return AIOTCTL_EXIT_FAIL;
	}
	if (ctx->json) {
		struct json_object *o = json_object_new_object();

		json_add_hex(o, "res_aiot", res, sizeof(res));
		json_print(o);
	} else {
		print_hex_line(NULL, res, sizeof(res));
	}
	return AIOTCTL_EXIT_OK;
}

static int cmd_kaiotf(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	uint8_t k_root[AIOT_K_ROOT_LEN], rn[AIOT_RAND_N_LEN];
	uint8_t rd[AIOT_RAND_D_LEN], k[AIOT_K_AIOTF_LEN];
	struct crypto_args a;
	int err;

	if (root_args(&a, "kaiotf", argc, argv, k_root, rn, rd))
		return AIOTCTL_EXIT_USAGE;
	err = aiot_k_aiotf(k_root, rn, rd, k);
	memset(k_root, 0, sizeof(k_root));
	if (err) {
		aiotctl_err("crypto kaiotf: %s", aiot_sec_strerror(err));
		return AIOTCTL_EXIT_FAIL;
	}
	if (ctx->json) {
		struct json_object *o = json_object_new_object();

		json_add_hex(o, "k_aiotf", k, sizeof(k));
		json_print(o);
	} else {
		print_hex_line(NULL, k, sizeof(k));
	}
	return AIOTCTL_EXIT_OK;
}

static int cmd_kcmd(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	uint8_t k[AIOT_K_AIOTF_LEN], enc[AIOT_SEC_KEY_LEN], in[AIOT_SEC_KEY_LEN];
	struct crypto_args a;
	int err;

	if (parse(&a, "kcmd", argc, argv))
		return AIOTCTL_EXIT_USAGE;
	if (a.nargs) {
		aiotctl_err("crypto kcmd: unexpected argument '%s'", a.args[0]);
		return AIOTCTL_EXIT_USAGE;
	}
	if (hex_exact("kcmd", "K_AIOTF (-k)", a.key, k, sizeof(k)))
		return AIOTCTL_EXIT_USAGE;
	err = aiot_k_command(k, enc, in);
	memset(k, 0, sizeof(k));
	if (err) {
		aiotctl_err("crypto kcmd: %s", aiot_sec_strerror(err));
		return AIOTCTL_EXIT_FAIL;
	}
	if (ctx->json) {
		struct json_object *o = json_object_new_object();

		json_add_hex(o, "k_command_enc", enc, sizeof(enc));
		json_add_hex(o, "k_command_int", in, sizeof(in));
		json_print(o);
	} else {
		print_hex_line("K_Command_enc", enc, sizeof(enc));
		print_hex_line("K_Command_int", in, sizeof(in));
	}
	return AIOTCTL_EXIT_OK;
}

AIOTCTL_COMMAND(crypto_nia2, "crypto", "nia2",
		"-k KEY -c COUNT -b BEARER -d DIR [-l BITS] [-v MAC] MSG",
		"128-NIA2 MAC-I of a hex message of BITS bits (default: all); -v checks a MAC-I",
		cmd_nia2);
AIOTCTL_COMMAND(crypto_nea2, "crypto", "nea2",
		"-k KEY -c COUNT -b BEARER -d DIR [-l BITS] DATA",
		"128-NEA2 ciphering (or deciphering) of BITS bits of hex data",
		cmd_nea2);
AIOTCTL_COMMAND(crypto_kdf, "crypto", "kdf", "-k KEY -f FC [P0 P1 ...]",
		"TS 33.220 KDF: HMAC-SHA-256(KEY, FC | P0 | L0 | ...), hex parameters",
		cmd_kdf);
AIOTCTL_COMMAND(crypto_res, "crypto", "res",
		"-k K_ROOT -n RAND_N -r RAND_D",
		"RES_AIOT from K_AIoT_root, RAND_AIOT_n and RAND_AIOT_d",
		cmd_res);
AIOTCTL_COMMAND(crypto_kaiotf, "crypto", "kaiotf",
		"-k K_ROOT -n RAND_N -r RAND_D",
		"K_AIOTF from K_AIoT_root, RAND_AIOT_n and RAND_AIOT_d",
		cmd_kaiotf);
AIOTCTL_COMMAND(crypto_kcmd, "crypto", "kcmd", "-k K_AIOTF",
		"K_Command_enc and K_Command_int from K_AIOTF",
		cmd_kcmd);
