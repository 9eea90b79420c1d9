/* SPDX-License-Identifier: GPL-2.0 */
/*
 * aiotctl: the A-IoT reader command line. Each area of the command tree
 * registers its commands with AIOTCTL_COMMAND() in its own file.
 */
#ifndef AIOTCTL_H
#define AIOTCTL_H

#include <stdbool.h>

/* Exit statuses, documented in aiotctl(8). */
enum {
	AIOTCTL_EXIT_OK = 0,
	AIOTCTL_EXIT_FAIL = 1,		/* the operation failed */
	AIOTCTL_EXIT_USAGE = 2,		/* bad command line */
	AIOTCTL_EXIT_NOFAMILY = 3,	/* aiot family not available */
};

struct aiotctl_ctx {
	bool json;
};

struct aiotctl_cmd {
	const char *section;	/* first word, e.g. "reader" */
	const char *name;	/* second word or NULL */
	const char *args;	/* argument synopsis */
	const char *help;
	int (*handler)(struct aiotctl_ctx *ctx, int argc, char **argv);
};

#define AIOTCTL_COMMAND(_id, _section, _name, _args, _help, _handler)	\
	static const struct aiotctl_cmd aiotctl_cmd_##_id = {		\
		.section = _section, .name = _name, .args = _args,	\
		.help = _help, .handler = _handler,			\
	};								\
	static const struct aiotctl_cmd *aiotctl_cmdp_##_id		\
	__attribute__((used, section("aiotctl_cmds"))) = &aiotctl_cmd_##_id

struct nl_msg;
struct json_object;
struct aiot_nl;

/* A message of the aiot family as a JSON object (attrs.c). */
struct json_object *aiotctl_msg_json(struct nl_msg *msg);
/* A message of the aiot_hwsim family as a JSON object (attrs.c). */
struct json_object *aiotctl_hwsim_msg_json(struct nl_msg *msg);
/* Print an object or an array: JSON with -j, "key value" lines without. */
void aiotctl_print(struct aiotctl_ctx *ctx, struct json_object *o);

/* Print an error sentence to stderr, prefixed with the program name. */
void aiotctl_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A generic netlink family aiotctl talks to: aiot (reader.c), aiot_hwsim (hwsim.c). */
struct aiotctl_family {
	const char *name;		/* generic netlink name */
	const char *module;		/* the module that registers it */
	int reader_attr;		/* its reader index attribute */
	struct json_object *(*json)(struct nl_msg *msg);
};

extern const struct aiotctl_family aiotctl_aiot;

/*
 * Keyword-value pairs after a reader index. type: 8, 16, 32, 64 (unsigned),
 * -32 (s32), 'h' hex (max: exact length, 0: any), 'i' identity, 't' target,
 * 'o' on|off (u8 1|0).
 */
struct aiotctl_kw {
	const char *name;
	int attr;
	int type;
	unsigned long max;
};

/* Helpers of reader.c shared by the areas that talk to the kernel. */
int aiotctl_parse_uint(const char *what, const char *s, unsigned long max,
		       unsigned long *v);
int aiotctl_usage(const char *synopsis);
int aiotctl_open(struct aiot_nl *nl, const struct aiotctl_family *fam);
/*
 * A request of @fam: reader index, then keywords, then optionally @flag;
 * every word is checked before the family is opened (*status: the exit
 * status when NULL is returned).
 */
struct nl_msg *aiotctl_build(struct aiot_nl *nl, const struct aiotctl_family *fam,
			     unsigned char cmd, int argc, char **argv,
			     const struct aiotctl_kw *kws, const char *synopsis,
			     const char *flag, bool *flag_set, int *status);
/* Send, collect, print (@print), close @nl; the kernel's message on error. */
int aiotctl_run(struct aiotctl_ctx *ctx, struct aiot_nl *nl,
		const struct aiotctl_family *fam, struct nl_msg *msg,
		const char *what, bool dump, bool print);

/*
 * decode.c: one frame of the air (@bits long, MSB first, CRC included)
 * decoded with kernel/frame.c and printed: one line, or one JSON object
 * with -j; @seq and @t_ns (simulated ns) when not NULL. Returns 0 or the
 * decoder's error (printed as the frame's "error").
 */
int aiotctl_frame_print(struct aiotctl_ctx *ctx, const unsigned long long *seq,
			const unsigned long long *t_ns, bool d2r, const unsigned char *f,
			unsigned int bits);
/* One frame line of aiot_hwsim's monitor file printed; -1 if malformed. */
int aiotctl_capture_line(struct aiotctl_ctx *ctx, const char *line);

#endif
