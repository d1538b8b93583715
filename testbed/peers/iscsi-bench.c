/*
 * iscsi-bench: a fixed-depth READ(16) or WRITE(16) load against one LUN through libiscsi's asynchronous API:
 * the libiscsi side of every side-by-side comparison of the benchmarks.
 *
 *   iscsi-bench [-m write|read|randwrite|randread] [-b BYTES] [-q DEPTH] [-t SECONDS] [-i INITIATOR]
 *               iscsi://HOST[:PORT]/IQN/LUN
 *
 * Sequential modes wrap round at the end of the LUN; random modes pick BYTES-aligned offsets uniformly.
 * Prints one line of KEY=VALUE pairs: throughput (MiB is 2^20 bytes, as iscsi-perf counts), IOPS, the
 * latency percentiles of every command in microseconds, and the CPU seconds this process spent during the
 * run (user + system, from getrusage). Exits 0 when every command completed GOOD, 1 when some failed, 2 when
 * the LUN could not be used.
 */
#include <errno.h>
#include <math.h>
#include <getopt.h>
#include <poll.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include "peer-common.h"

struct bench {
	struct hbt_lun lun;
	unsigned char *data;
	int reads;
	int random;
	uint32_t blocks_per_io;
	uint64_t next_lba;
	uint64_t rng;
	double deadline;
	int in_flight;
	uint64_t ios;
	uint64_t errors;
	int stopping;
	double *latencies;   /* microseconds, one per completed command */
	size_t latency_count;
	size_t latency_capacity;
};

/* What a command carries to its completion: the bench and when it was sent. */
struct sent {
	struct bench *bench;
	double at;
};

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double cpu_seconds(void)
{
	struct rusage usage;
	getrusage(RUSAGE_SELF, &usage);
	return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

/* xorshift64: cheap, and the same sequence every run. */
static uint64_t next_random(struct bench *b)
{
	b->rng ^= b->rng << 13;
	b->rng ^= b->rng >> 7;
	b->rng ^= b->rng << 17;
	return b->rng;
}

static uint64_t next_lba(struct bench *b)
{
	uint64_t slots = b->lun.blocks / b->blocks_per_io;
	if (b->random)
		return (next_random(b) % slots) * b->blocks_per_io;
	if (b->next_lba + b->blocks_per_io > b->lun.blocks)
		b->next_lba = 0;
	uint64_t lba = b->next_lba;
	b->next_lba += b->blocks_per_io;
	return lba;
}

static void record_latency(struct bench *b, double micros)
{
	if (b->latency_count == b->latency_capacity) {
		b->latency_capacity = b->latency_capacity ? b->latency_capacity * 2 : 65536;
		b->latencies = realloc(b->latencies, b->latency_capacity * sizeof(double));
		if (b->latencies == NULL)
			hbt_fail(NULL, "realloc");
	}
	b->latencies[b->latency_count++] = micros;
}

static void on_done(struct iscsi_context *iscsi, int status, void *command_data, void *private_data);

/* Queues the next command; returns 0 on success. */
static int submit_next(struct bench *b, struct sent *slot)
{
	uint64_t lba = next_lba(b);
	uint32_t bytes = b->blocks_per_io * b->lun.block_size;
	slot->at = now_seconds();
	struct scsi_task *task = b->reads
		? iscsi_read16_task(b->lun.iscsi, b->lun.lun, lba, bytes, b->lun.block_size, 0, 0, 0, 0, 0, on_done, slot)
		: iscsi_write16_task(b->lun.iscsi, b->lun.lun, lba, b->data, bytes, b->lun.block_size, 0, 0, 0, 0, 0,
				     on_done, slot);
	if (task == NULL)
		return -1;
	b->in_flight++;
	return 0;
}

static void on_done(struct iscsi_context *iscsi, int status, void *command_data, void *private_data)
{
	struct sent *slot = private_data;
	struct bench *b = slot->bench;
	(void)iscsi;
	b->in_flight--;
	if (status == SCSI_STATUS_GOOD) {
		b->ios++;
		record_latency(b, (now_seconds() - slot->at) * 1e6);
	} else {
		b->errors++;
	}
	scsi_free_scsi_task(command_data);
	if (!b->stopping && now_seconds() < b->deadline && submit_next(b, slot) != 0) {
		b->errors++;
		b->stopping = 1;
	}
}

/* Runs the event loop until the deadline has passed and every command has come back. */
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

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The nearest-rank percentile of the sorted latencies; 0 when there are none. */
static double percentile(const struct bench *b, double p)
{
	if (b->latency_count == 0)
		return 0;
	/* p / 100 * n in doubles lands just above a whole rank (99.9 % of 1000 is 999.0000000000001): trim that off. */
	size_t rank = (size_t)ceil(p / 100.0 * b->latency_count - 1e-9);
	return b->latencies[(rank == 0 ? 1 : rank) - 1];
}

static void usage(void)
{
	fprintf(stderr, "usage: iscsi-bench [-m write|read|randwrite|randread] [-b BYTES] [-q DEPTH] [-t SECONDS] "
		"[-i INITIATOR] iscsi://HOST[:PORT]/IQN/LUN\n");
	exit(2);
}

int main(int argc, char **argv)
{
	long io_bytes = 131072, depth = 32;
	double seconds = 10;
	const char *initiator = NULL, *mode = "write";
	int opt;
	while ((opt = getopt(argc, argv, "m:b:q:t:i:")) != -1) {
		switch (opt) {
		case 'm': mode = optarg; break;
		case 'b': io_bytes = strtol(optarg, NULL, 10); break;
		case 'q': depth = strtol(optarg, NULL, 10); break;
		case 't': seconds = strtod(optarg, NULL); break;
		case 'i': initiator = optarg; break;
		default: usage();
		}
	}
	int known = !strcmp(mode, "write") || !strcmp(mode, "read") || !strcmp(mode, "randwrite") || !strcmp(mode, "randread");
	if (!known || optind != argc - 1 || io_bytes <= 0 || depth <= 0 || depth > 1024 || seconds <= 0)
		usage();

	struct bench b;
	memset(&b, 0, sizeof(b));
	b.reads = strstr(mode, "read") != NULL;
	b.random = strncmp(mode, "rand", 4) == 0;
	b.rng = 0x9E3779B97F4A7C15ULL;
	hbt_open(&b.lun, argv[optind], initiator);
	if (io_bytes % b.lun.block_size != 0 || (uint64_t)(io_bytes / b.lun.block_size) > b.lun.blocks) {
		fprintf(stderr, "-b %ld must be a multiple of the block size %u and fit the LUN\n", io_bytes, b.lun.block_size);
		return 2;
	}
	b.blocks_per_io = io_bytes / b.lun.block_size;
	b.data = malloc(io_bytes);
	struct sent *slots = calloc(depth, sizeof(struct sent));
	if (b.data == NULL || slots == NULL)
		hbt_fail(NULL, "malloc");
	for (long i = 0; i < io_bytes; i++)
		b.data[i] = (unsigned char)(i * 31 + 7);

	double cpu_start = cpu_seconds();
	double start = now_seconds();
	b.deadline = start + seconds;
	for (long i = 0; i < depth; i++) {
		slots[i].bench = &b;
		if (submit_next(&b, &slots[i]) != 0)
			hbt_fail(b.lun.iscsi, "submit");
	}
	run_loop(&b);
	double elapsed = now_seconds() - start;
	double cpu = cpu_seconds() - cpu_start;
	qsort(b.latencies, b.latency_count, sizeof(double), by_value);

	printf("BENCH mode=%s block_size=%ld queue_depth=%ld seconds=%.3f ios=%llu errors=%llu bytes=%llu mib_per_s=%.1f "
	       "iops=%.0f cpu_s=%.3f lat_p50_us=%.1f lat_p99_us=%.1f lat_p999_us=%.1f\n",
	       mode, io_bytes, depth, elapsed, (unsigned long long)b.ios, (unsigned long long)b.errors,
	       (unsigned long long)(b.ios * io_bytes), b.ios * io_bytes / elapsed / 1048576.0, b.ios / elapsed, cpu,
	       percentile(&b, 50), percentile(&b, 99), percentile(&b, 99.9));
	free(b.latencies);
	free(slots);
	free(b.data);
	hbt_close(&b.lun);
	return b.errors == 0 ? 0 : 1;
}
