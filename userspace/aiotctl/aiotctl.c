// SPDX-License-Identifier: GPL-2.0
/*
 * aiotctl: the A-IoT reader command line.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aiotctl.h"

#ifndef AIOT_TOOLS_VERSION
#define AIOT_TOOLS_VERSION "0.1.0"
#endif

extern const struct aiotctl_cmd *__start_aiotctl_cmds[];
extern const struct aiotctl_cmd *__stop_aiotctl_cmds[];

void aiotctl_err(const char *fmt, ...)
{
	va_list ap;

	fputs("aiotctl: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void usage(FILE *f)
{
	const struct aiotctl_cmd **c;

	fprintf(f, "usage: aiotctl [-j|--json] <command> [args]\n"
		   "       aiotctl --version | --help\n\ncommands:\n");
	for (c = __start_aiotctl_cmds; c < __stop_aiotctl_cmds; c++)
		fprintf(f, "  %s%s%s %s\n      %s\n", (*c)->section,
			(*c)->name ? " " : "", (*c)->name ? (*c)->name : "",
			(*c)->args ? (*c)->args : "", (*c)->help);
}

static const struct aiotctl_cmd *lookup(int argc, char **argv, int *used)
{
	const struct aiotctl_cmd **c;

	for (c = __start_aiotctl_cmds; c < __stop_aiotctl_cmds; c++) {
		if (strcmp((*c)->section, argv[0]))
			continue;
		if (!(*c)->name) {
			*used = 1;
			return *c;
		}
		if (argc > 1 && !strcmp((*c)->name, argv[1])) {
			*used = 2;
			return *c;
		}
	}
	return NULL;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct aiotctl_ctx ctx = { 0 };
	const struct aiotctl_cmd *cmd;
	int opt, used;

	while ((opt = getopt_long(argc, argv, "+jhV", opts, NULL)) != -1) {
		switch (opt) {
		case 'j':
			ctx.json = true;
			break;
		case 'h':
			usage(stdout);
			return AIOTCTL_EXIT_OK;
		case 'V':
			printf("aiotctl %s\n", AIOT_TOOLS_VERSION);
			return AIOTCTL_EXIT_OK;
		default:
			usage(stderr);
			return AIOTCTL_EXIT_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1) {
		usage(stderr);
		return AIOTCTL_EXIT_USAGE;
	}
	cmd = lookup(argc, argv, &used);
	if (!cmd) {
		aiotctl_err("unknown command '%s%s%s'; 'aiotctl --help' lists the commands",
			    argv[0], argc > 1 ? " " : "", argc > 1 ? argv[1] : "");
		return AIOTCTL_EXIT_USAGE;
	}
	return cmd->handler(&ctx, argc - used, argv + used);
}
