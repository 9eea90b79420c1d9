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

/* A message of the aiot family as a JSON object (attrs.c). */
struct json_object *aiotctl_msg_json(struct nl_msg *msg);
/* Print an object or an array: JSON with -j, "key value" lines without. */
void aiotctl_print(struct aiotctl_ctx *ctx, struct json_object *o);

/* Print an error sentence to stderr, prefixed with the program name. */
void aiotctl_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
