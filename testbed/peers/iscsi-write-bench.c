/*
 * iscsi-write-bench: sequential WRITE(16) load against one LUN through
 * libiscsi's asynchronous API, as the write-side peer of iscsi-perf.
 *
 *   iscsi-write-bench [-b BYTES] [-q DEPTH] [-t SECONDS] [-i INITIATOR] iscsi://HOST[:PORT]/IQN/LUN
 *
 * Prints one line of KEY=VALUE pairs; MiB is 2^20 bytes, as iscsi-perf counts. Exits 0 when every
 * write completed GOOD, 1 when some failed, 2 when the LUN could not be used.
 */
#include <errno.h>
#include <getopt.h>
#include <poll.h>
#include <string.h>
#include <time.h>
#include "peer-common.h"

struct bench {
	struct hbt_lun lun;
	unsigned char *data;
	uint32_t blocks_per_io;
	uint64_t next_lba;
	double deadline;
	int in_flight;
	uint64_t ios;
	uint64_t errors;
	int stopping;
};

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void on_write_done(struct iscsi_context *iscsi, int status, void *command_data, void *private_data);

/* Queues the next write, wrapping round at the end of the LUN; returns 0 on success. */
static int submit_next(struct bench *b)
{
	if (b->next_lba + b->blocks_per_io > b->lun.blocks)
		b->next_lba = 0;
	struct scsi_task *task = iscsi_write16_task(b->lun.iscsi, b->lun.lun, b->next_lba, b->data,
						    b->blocks_per_io * b->lun.block_size, b->lun.block_size,
						    0, 0, 0, 0, 0, on_write_done, b);
	if (task == NULL)
		return -1;
	b->next_lba += b->blocks_per_io;
	b->in_flight++;
	return 0;
}

static void on_write_done(struct iscsi_context *iscsi, int status, void *command_data, void *private_data)
{
	struct bench *b = private_data;
	(void)iscsi;
	b->in_flight--;
	if (status == SCSI_STATUS_GOOD)
		b->ios++;
	else
		b->errors++;
	scsi_free_scsi_task(command_data);
	if (!b->stopping && now_seconds() < b->deadline && submit_next(b) != 0) {
		b->errors++;
		b->stopping = 1;
	}
}

/* Runs the event loop until the deadline has passed and every write has come back. */
static void run_loop(struct bench *b)
{
	while (b->in_flight > 0) {
		struct pollfd pfd = { .fd = iscsi_get_fd(b->lun.iscsi), .events = iscsi_which_events(b->lun.iscsi) };
		int n = poll(&pfd, 1, 1000);
		if (n < 0 && errno != EINTR)
			hbt_fail(b->lun.iscsi, "poll");
		if (iscsi_service(b->lun.iscsi, n > 0 ? pfd.revents : 0) < 0)
			hbt_fail(b->lun.iscsi, "iscsi_service");
		if (now_seconds() >= b->deadline)
			b->stopping = 1;
	}
}

static void usage(void)
{
	fprintf(stderr, "usage: iscsi-write-bench [-b BYTES] [-q DEPTH] [-t SECONDS] [-i INITIATOR] iscsi://HOST[:PORT]/IQN/LUN\n");
	exit(2);
}

int main(int argc, char **argv)
{
	long io_bytes = 131072, depth = 32;
	double seconds = 10;
	const char *initiator = NULL;
	int opt;
	while ((opt = getopt(argc, argv, "b:q:t:i:")) != -1) {
		switch (opt) {
		case 'b': io_bytes = strtol(optarg, NULL, 10); break;
		case 'q': depth = strtol(optarg, NULL, 10); break;
		case 't': seconds = strtod(optarg, NULL); break;
		case 'i': initiator = optarg; break;
		default: usage();
		}
	}
	if (optind != argc - 1 || io_bytes <= 0 || depth <= 0 || depth > 1024 || seconds <= 0)
		usage();

	struct bench b;
	memset(&b, 0, sizeof(b));
	hbt_open(&b.lun, argv[optind], initiator);
	if (io_bytes % b.lun.block_size != 0 || (uint64_t)(io_bytes / b.lun.block_size) > b.lun.blocks) {
		fprintf(stderr, "-b %ld must be a multiple of the block size %u and fit the LUN\n", io_bytes, b.lun.block_size);
		return 2;
	}
	b.blocks_per_io = io_bytes / b.lun.block_size;
	b.data = malloc(io_bytes);
	if (b.data == NULL)
		hbt_fail(NULL, "malloc");
	for (long i = 0; i < io_bytes; i++)
		b.data[i] = (unsigned char)(i * 31 + 7);

	double start = now_seconds();
	b.deadline = start + seconds;
	for (long i = 0; i < depth; i++)
		if (submit_next(&b) != 0)
			hbt_fail(b.lun.iscsi, "iscsi_write16_task");
	run_loop(&b);
	double elapsed = now_seconds() - start;

	printf("WRITE_BENCH block_size=%ld queue_depth=%ld seconds=%.3f ios=%llu errors=%llu bytes=%llu mib_per_s=%.1f iops=%.0f\n",
	       io_bytes, depth, elapsed, (unsigned long long)b.ios, (unsigned long long)b.errors,
	       (unsigned long long)(b.ios * io_bytes), b.ios * io_bytes / elapsed / 1048576.0, b.ios / elapsed);
	free(b.data);
	hbt_close(&b.lun);
	return b.errors == 0 ? 0 : 1;
}
