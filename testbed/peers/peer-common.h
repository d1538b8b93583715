/*
 * Shared plumbing of the hbateam test-bed peers: log in to one LUN given as an
 * iSCSI URL and learn its geometry. CHAP secrets come from libiscsi's own
 * environment variables (LIBISCSI_CHAP_USERNAME, LIBISCSI_CHAP_PASSWORD,
 * LIBISCSI_CHAP_TARGET_USERNAME, LIBISCSI_CHAP_TARGET_PASSWORD), never argv.
 */
#ifndef HBT_PEER_COMMON_H
#define HBT_PEER_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <iscsi/iscsi.h>
#include <iscsi/scsi-lowlevel.h>

#define HBT_DEFAULT_INITIATOR "iqn.2024-01.org.hbateam:peer"

struct hbt_lun {
	struct iscsi_context *iscsi;
	int lun;
	uint32_t block_size;
	uint64_t blocks;
};

static inline void hbt_fail(struct iscsi_context *iscsi, const char *what)
{
	fprintf(stderr, "%s: %s\n", what, iscsi ? iscsi_get_error(iscsi) : "out of memory");
	exit(2);
}

/* Logs in to the URL's LUN and reads its capacity; exits with status 2 on any failure. */
static inline void hbt_open(struct hbt_lun *out, const char *url, const char *initiator)
{
	struct iscsi_context *iscsi = iscsi_create_context(initiator ? initiator : HBT_DEFAULT_INITIATOR);
	if (iscsi == NULL)
		hbt_fail(NULL, "iscsi_create_context");
	struct iscsi_url *u = iscsi_parse_full_url(iscsi, url);
	if (u == NULL)
		hbt_fail(iscsi, "bad iSCSI URL");
	iscsi_set_session_type(iscsi, ISCSI_SESSION_NORMAL);
	iscsi_set_header_digest(iscsi, ISCSI_HEADER_DIGEST_NONE_CRC32C);
	if (iscsi_full_connect_sync(iscsi, u->portal, u->lun) != 0)
		hbt_fail(iscsi, "login");
	out->iscsi = iscsi;
	out->lun = u->lun;
	iscsi_destroy_url(u);

	/* A fresh session may still report UNIT ATTENTION once: ask again. */
	struct scsi_task *task = NULL;
	for (int attempt = 0; attempt < 3; attempt++) {
		task = iscsi_readcapacity16_sync(iscsi, out->lun);
		if (task != NULL && task->status == SCSI_STATUS_GOOD)
			break;
		if (task != NULL)
			scsi_free_scsi_task(task);
		task = NULL;
	}
	if (task == NULL)
		hbt_fail(iscsi, "READ CAPACITY(16)");
	struct scsi_readcapacity16 *rc16 = scsi_datain_unmarshall(task);
	if (rc16 == NULL)
		hbt_fail(iscsi, "READ CAPACITY(16) data");
	out->block_size = rc16->block_length;
	out->blocks = rc16->returned_lba + 1;
	scsi_free_scsi_task(task);
}

static inline void hbt_close(struct hbt_lun *lun)
{
	iscsi_logout_sync(lun->iscsi);
	iscsi_destroy_context(lun->iscsi);
}

#endif
