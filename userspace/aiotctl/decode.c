// SPDX-License-Identifier: GPL-2.0
/*
 * aiotctl decode, and the printer of hwsim capture show: frames of the air
 * decoded with the codec of kernel/frame.c (from libaiot), one line or one
 * JSON object per frame. The keys are documented in aiotctl(8).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <json-c/json.h>

#include "aiot_sec.h"
#include "aiotctl.h"
#include "frame.h"
#include "nas.h"

/* "perm:a107/16", not "perm:a107\/16" */
#ifdef JSON_C_TO_STRING_NOSLASHESCAPE
#define NO_SLASH_ESCAPE	JSON_C_TO_STRING_NOSLASHESCAPE
#else
#define NO_SLASH_ESCAPE	0
#endif

#define HEX_MAX	(2 * AIOT_FRAME_MAX_OCTETS + 1)
#define HEX_MAX_STR	"321"	/* HEX_MAX, for sscanf */
_Static_assert(HEX_MAX == 321, "HEX_MAX_STR");

static void put_str(struct json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, json_object_new_string(v));
}

static void put_int(struct json_object *o, const char *k, long long v)
{
	json_object_object_add(o, k, json_object_new_int64(v));
}

static void put_hex(struct json_object *o, const char *k, const u8 *b, size_t n)
{
	char hex[HEX_MAX];

	aiot_hex_encode(b, n, hex);
	hex[2 * n] = 0;
	put_str(o, k, hex);
}

/* An identity as aiotctl's reader commands take it: perm:HEX/BITS, ... */
static void put_id(struct json_object *o, const char *k, unsigned int type,
		   const u8 *id, unsigned int bits)
{
	static const char *const kinds[] = {
		[AIOT_ID_PERMANENT] = "perm", [AIOT_ID_TEMPORARY] = "tmp",
		[AIOT_ID_CONCEALED] = "concealed", [AIOT_ID_FILTER] = "filter",
	};
	char s[16 + 2 * AIOT_ID_MAX_OCTETS + 8], hex[2 * AIOT_ID_MAX_OCTETS + 1];
	size_t n = (bits + 7) / 8;

	if (type == AIOT_ID_NONE) {
		put_str(o, k, "all");
		return;
	}
	if (n > AIOT_ID_MAX_OCTETS)
		n = AIOT_ID_MAX_OCTETS;
	aiot_hex_encode(id, n, hex);
	hex[2 * n] = 0;
	snprintf(s, sizeof(s), "%s:%s/%u",
		 type < sizeof(kinds) / sizeof(kinds[0]) && kinds[type] ? kinds[type] : "id",
		 hex, bits);
	put_str(o, k, s);
}

static void put_fsize(struct json_object *o, const struct aiot_fsize *fs)
{
	if (fs->explicit_size)
		put_int(o, "slots", fs->slots);
	else
		put_int(o, "q", fs->q);
}

static void put_rn16(struct json_object *o, u16 rn16)
{
	char s[8];

	snprintf(s, sizeof(s), "%04x", rn16);
	put_str(o, "rn16", s);
}

/* A Msg3 that holds a whole plain AIoT NAS Inventory Response: its fields. */
static void put_nas(struct json_object *o, const struct aiot_data *d)
{
	struct aiot_nas_msg nm;

	if (d->offset || d->more || !d->len || d->len % 8 ||
	    aiot_nas_decode(d->data, d->len / 8, &nm) ||
	    nm.type != AIOT_NAS_MT_INVENTORY_RSP)
		return;
	put_str(o, "nas", "inventory-response");
	put_id(o, "nas_id", nm.id_type, nm.id, nm.id_bits);
	put_hex(o, "rand_d", nm.rand_d, AIOT_RAND_D_LEN);
	put_hex(o, "res", nm.res, AIOT_RES_LEN);
}

static const char *err_name(int err)
{
	switch (err) {
	case -EBADMSG: return "bad-crc";
	case -ENODATA: return "truncated";
	case -EOVERFLOW: return "overlong";
	case -ENOMSG: return "unknown-type";
	case -EPROTO: return "reserved";
	case -EMSGSIZE: return "bad-length";
	default: return NULL;
	}
}

/* The decoded fields of @m, after "type". */
static void put_msg(struct json_object *o, const struct aiot_msg *m)
{
	static const char *const ra[] = { "cbra", "cfra" };
	static const char *const cmd[] = { "repeat", "adjust", "end" };
	static const char *const cause[] = { "none", "integrity", "unknown-msg" };
	const struct aiot_paging *p = &m->paging;

	switch (m->type) {
	case AIOT_MSG_PAGING:
		put_str(o, "ra", p->ra_type < 2 ? ra[p->ra_type] : "?");
		put_id(o, "id", p->id_type, p->id, p->id_bits);
		if (p->cont_type == AIOT_CONT_RAND)
			put_hex(o, "rand", p->cont, p->cont_len);
		else if (p->cont_type == AIOT_CONT_NAS)
			put_hex(o, "nas_container", p->cont, p->cont_len);
		if (p->ra_type == AIOT_RA_CFRA)
			put_int(o, "as_id", p->as_id);
		else
			put_fsize(o, &p->fs);
		put_int(o, "txn", p->txn);
		break;
	case AIOT_MSG_TRIGGER:
		put_str(o, "cmd", m->trigger.cmd < 3 ? cmd[m->trigger.cmd] : "?");
		put_int(o, "txn", m->trigger.txn);
		if (m->trigger.cmd == AIOT_TRIG_ADJUST)
			put_fsize(o, &m->trigger.fs);
		break;
	case AIOT_MSG_MSG2:
	case AIOT_MSG_NACK:
		put_rn16(o, m->ra.rn16);
		put_int(o, "as_id", m->ra.as_id);
		break;
	case AIOT_MSG_R2D_DATA:
	case AIOT_MSG_D2R_DATA:
	case AIOT_MSG_MSG3:
		put_int(o, "as_id", m->data.as_id);
		put_int(o, "more", m->data.more);
		put_int(o, "offset", m->data.offset);
		put_int(o, "len", m->data.len);
		if (m->data.len)
			put_hex(o, "data", m->data.data, (m->data.len + 7) / 8);
		if (m->type == AIOT_MSG_MSG3)
			put_nas(o, &m->data);
		break;
	case AIOT_MSG_R2D_ACK:
		put_int(o, "as_id", m->ack_as_id);
		break;
	case AIOT_MSG_MSG1:
		put_rn16(o, m->rn16);
		break;
	case AIOT_MSG_NO_NAS_RSP:
		put_int(o, "as_id", m->nnr.as_id);
		put_str(o, "cause", m->nnr.cause < 3 ? cause[m->nnr.cause] : "?");
		break;
	default:
		break;
	}
}

/*
 * Text: "[SEQ TIME ]DIR BITS" then "key value" pairs, the frame's hex
 * left out; JSON: the object as it is, on one line.
 */
static void emit(struct aiotctl_ctx *ctx, struct json_object *o)
{
	bool first = true;

	if (ctx->json) {
		puts(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN | NO_SLASH_ESCAPE));
		return;
	}
	json_object_object_foreach(o, k, v) {
		if (!strcmp(k, "frame"))
			continue;
		if (!strcmp(k, "seq") || !strcmp(k, "link") || !strcmp(k, "bits")) {
			printf("%s%s", first ? "" : " ", json_object_get_string(v));
		} else if (!strcmp(k, "time_ns")) {
			long long t = json_object_get_int64(v);

			printf("%s%lld.%09lld", first ? "" : " ", t / 1000000000, t % 1000000000);
		} else if (!strcmp(k, "type")) {
			printf(" %s", json_object_get_string(v));
		} else {
			printf(" %s %s", k, json_object_get_string(v));
		}
		first = false;
	}
	putchar('\n');
}

int aiotctl_frame_print(struct aiotctl_ctx *ctx, const unsigned long long *seq,
			const unsigned long long *t_ns, bool d2r, const unsigned char *f,
			unsigned int bits)
{
	struct json_object *o = json_object_new_object();
	struct aiot_msg m;
	const char *name;
	int err;

	if (seq)
		put_int(o, "seq", (long long)*seq);
	if (t_ns)
		put_int(o, "time_ns", (long long)*t_ns);
	put_str(o, "link", d2r ? "D2R" : "R2D");
	put_int(o, "bits", bits);
	put_hex(o, "frame", f, (bits + 7) / 8);
	err = aiot_frame_decode(f, bits, d2r ? AIOT_LINK_D2R : AIOT_LINK_R2D, &m);
	if (err) {
		name = err_name(err);
		if (name) {
			put_str(o, "error", name);
		} else {
			char s[32];

			snprintf(s, sizeof(s), "errno-%d", -err);
			put_str(o, "error", s);
		}
	} else {
		put_str(o, "type", aiot_msg_name(m.type));
		put_msg(o, &m);
	}
	emit(ctx, o);
	json_object_put(o);
	return err;
}

/* HEX[/BITS] into @f; 0 or -1 after a sentence. */
static int parse_frame(const char *s, unsigned char *f, unsigned int *bits)
{
	char hex[HEX_MAX];
	const char *slash = strchr(s, '/');
	size_t len = slash ? (size_t)(slash - s) : strlen(s), octets;
	unsigned long b;

	if (len < sizeof(hex)) {
		memcpy(hex, s, len);
		hex[len] = 0;
	}
	if (len >= sizeof(hex) || aiot_hex_decode(hex, f, AIOT_FRAME_MAX_OCTETS, &octets) ||
	    !octets) {
		aiotctl_err("frame '%.*s' is not hex of 1 to %d octets", (int)len, s,
			    AIOT_FRAME_MAX_OCTETS);
		return -1;
	}
	b = octets * 8;
	if (slash && aiotctl_parse_uint("frame length in bits", slash + 1, AIOT_FRAME_MAX_BITS, &b))
		return -1;
	if (!b || (b + 7) / 8 != octets) {
		aiotctl_err("frame length %lu bits does not fit %zu octets: give %zu to %zu bits",
			    b, octets, octets * 8 - 7, octets * 8);
		return -1;
	}
	*bits = b;
	return 0;
}

#define DECODE_SYN "decode r2d|d2r HEX[/BITS]"

static int cmd_decode(struct aiotctl_ctx *ctx, int argc, char **argv)
{
	unsigned char f[AIOT_FRAME_MAX_OCTETS];
	unsigned int bits;
	bool d2r;

	if (argc != 2)
		return aiotctl_usage(DECODE_SYN);
	if (!strcasecmp(argv[0], "r2d")) {
		d2r = false;
	} else if (!strcasecmp(argv[0], "d2r")) {
		d2r = true;
	} else {
		aiotctl_err("direction '%s' is neither r2d nor d2r; usage: aiotctl %s", argv[0],
			    DECODE_SYN);
		return AIOTCTL_EXIT_USAGE;
	}
	memset(f, 0, sizeof(f));
	if (parse_frame(argv[1], f, &bits))
		return AIOTCTL_EXIT_USAGE;
	return aiotctl_frame_print(ctx, NULL, NULL, d2r, f, bits) ? AIOTCTL_EXIT_FAIL
								  : AIOTCTL_EXIT_OK;
}

int aiotctl_capture_line(struct aiotctl_ctx *ctx, const char *line)
{
	unsigned char f[AIOT_FRAME_MAX_OCTETS];
	unsigned long long seq, t;
	char dir[8], hex[HEX_MAX + 1];
	unsigned int bits;
	size_t octets;
	int end = 0;

	if (sscanf(line, "%llu %llu %7s %u %" HEX_MAX_STR "s %n", &seq, &t, dir, &bits, hex,
		   &end) != 5 || line[end] || (strcmp(dir, "R2D") && strcmp(dir, "D2R")) ||
	    !bits || bits > AIOT_FRAME_MAX_BITS ||
	    aiot_hex_decode(hex, f, sizeof(f), &octets) || octets != (bits + 7) / 8)
		return -1;
	aiotctl_frame_print(ctx, &seq, &t, !strcmp(dir, "D2R"), f, bits);
	return 0;
}

AIOTCTL_COMMAND(decode, "decode", NULL, "r2d|d2r HEX[/BITS]",
		"decode one frame of the air (R2D or D2R, MSB first, BITS long with its CRC; "
		"default: every bit of HEX) with the kernel's codec", cmd_decode);
