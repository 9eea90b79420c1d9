/* SPDX-License-Identifier: GPL-2.0 */
/* A journal of aiot-bridge in a fresh temporary file, for the unit tests. */
#ifndef JOURNAL_TMP_H
#define JOURNAL_TMP_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "bridge.h"

/* Open a new journal; its name goes into @path (at least 32 octets). */
static inline int journal_tmp_open(char *path, size_t size)
{
	char err[256];
	int fd;

	snprintf(path, size, "/tmp/aiot-journal-XXXXXX");
	fd = mkstemp(path);
	if (fd < 0)
		return -1;
	close(fd);
	unlink(path);
	return journal_open(path, false, err, sizeof(err));
}

/* Close it and remove its files (the database, its WAL and index). */
static inline void journal_tmp_remove(const char *path)
{
	char f[80];

	journal_close();
	unlink(path);
	snprintf(f, sizeof(f), "%s-wal", path);
	unlink(f);
	snprintf(f, sizeof(f), "%s-shm", path);
	unlink(f);
}

#endif /* JOURNAL_TMP_H */
