/*
 * iscsi-blockio: moves raw blocks between stdin/stdout and one LUN with
 * READ(16)/WRITE(16), so tests can write through one portal and read back
 * through another (libiscsi-bin ships no such tool on Debian 12).
 *
 *   iscsi-blockio [-i INITIATOR] write URL LBA        < data   (length: whole blocks)
 *   iscsi-blockio [-i INITIATOR] read  URL LBA BLOCKS > data
 *   iscsi-blockio [-i INITIATOR] geometry URL         (prints block_size=N blocks=N)
 *   iscsi-blockio [-i INITIATOR] vpd URL PAGE > page  (the raw INQUIRY VPD page, PAGE decimal: iscsi-inq
 *                                                       prints binary designators cut at the first zero byte)
 *
 * Exits 0 on success, 1 when a command failed, 2 on bad use or login failure.
 */
#include <string.h>
#include <unistd.h>
#include "peer-common.h"

/* One command moves at most this much, well under tgt's limits. */
#define CHUNK_BYTES (1024 * 1024)

static int write_stdin(struct hbt_lun *lun, uint64_t lba)
{
	unsigned char *buf = malloc(CHUNK_BYTES);
	if (buf == NULL)
		hbt_fail(NULL, "malloc");
	for (;;) {
		size_t have = 0;
		ssize_t n;
		while (have < CHUNK_BYTES && (n = read(STDIN_FILENO, buf + have, CHUNK_BYTES - have)) > 0)
			have += (size_t)n;
		if (have == 0)
			break;
		if (have % lun->block_size != 0) {
			fprintf(stderr, "input is not a whole number of %u-byte blocks\n", lun->block_size);
			free(buf);
			return 2;
		}
		struct scsi_task *task = iscsi_write16_sync(lun->iscsi, lun->lun, lba, buf, have, lun->block_size,
							    0, 0, 0, 0, 0);
		if (task == NULL || task->status != SCSI_STATUS_GOOD) {
			fprintf(stderr, "WRITE(16) at LBA %llu failed: %s\n", (unsigned long long)lba, iscsi_get_error(lun->iscsi));
			free(buf);
			return 1;
		}
		scsi_free_scsi_task(task);
		lba += have / lun->block_size;
	}
	free(buf);
	return 0;
}

static int read_stdout(struct hbt_lun *lun, uint64_t lba, uint64_t blocks)
{
	uint64_t per_chunk = CHUNK_BYTES / lun->block_size;
	while (blocks > 0) {
		uint64_t count = blocks < per_chunk ? blocks : per_chunk;
		struct scsi_task *task = iscsi_read16_sync(lun->iscsi, lun->lun, lba, count * lun->block_size,
							   lun->block_size, 0, 0, 0, 0, 0);
		if (task == NULL || task->status != SCSI_STATUS_GOOD || task->datain.size != (int)(count * lun->block_size)) {
			fprintf(stderr, "READ(16) at LBA %llu failed: %s\n", (unsigned long long)lba, iscsi_get_error(lun->iscsi));
			return 1;
		}
		if (fwrite(task->datain.data, 1, task->datain.size, stdout) != (size_t)task->datain.size) {
			perror("stdout");
			return 1;
		}
		scsi_free_scsi_task(task);
		lba += count;
		blocks -= count;
	}
	return fflush(stdout) == 0 ? 0 : 1;
}

static int vpd_stdout(struct hbt_lun *lun, int page)
{
	struct scsi_task *task = iscsi_inquiry_sync(lun->iscsi, lun->lun, 1, page, 255);
	if (task == NULL || task->status != SCSI_STATUS_GOOD) {
		fprintf(stderr, "INQUIRY VPD page %d failed: %s\n", page, iscsi_get_error(lun->iscsi));
		return 1;
	}
	int ok = fwrite(task->datain.data, 1, task->datain.size, stdout) == (size_t)task->datain.size;
	scsi_free_scsi_task(task);
	return ok && fflush(stdout) == 0 ? 0 : 1;
}

static void usage(void)
{
	fprintf(stderr, "usage: iscsi-blockio [-i INITIATOR] write URL LBA < data\n"
			"       iscsi-blockio [-i INITIATOR] read URL LBA BLOCKS > data\n"
			"       iscsi-blockio [-i INITIATOR] geometry URL\n"
			"       iscsi-blockio [-i INITIATOR] vpd URL PAGE > page\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *initiator = NULL;
	int arg = 1;
	if (argc > 2 && strcmp(argv[1], "-i") == 0) {
		initiator = argv[2];
		arg = 3;
	}
	if (argc - arg < 2)
		usage();
	const char *op = argv[arg], *url = argv[arg + 1];
	int rc;
	struct hbt_lun lun;
	if (strcmp(op, "geometry") == 0 && argc - arg == 2) {
		hbt_open(&lun, url, initiator);
		printf("block_size=%u blocks=%llu\n", lun.block_size, (unsigned long long)lun.blocks);
		rc = 0;
	} else if (strcmp(op, "write") == 0 && argc - arg == 3) {
		hbt_open(&lun, url, initiator);
		rc = write_stdin(&lun, strtoull(argv[arg + 2], NULL, 10));
	} else if (strcmp(op, "read") == 0 && argc - arg == 4) {
		hbt_open(&lun, url, initiator);
		rc = read_stdout(&lun, strtoull(argv[arg + 2], NULL, 10), strtoull(argv[arg + 3], NULL, 10));
	} else if (strcmp(op, "vpd") == 0 && argc - arg == 3) {
		hbt_open(&lun, url, initiator);
		rc = vpd_stdout(&lun, atoi(argv[arg + 2]));
	} else {
		usage();
	}
	hbt_close(&lun);
	return rc;
}
