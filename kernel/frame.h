/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A-IoT R2D/D2R MAC PDU codec and CRC.
 *
 * Pure functions on caller-owned memory: no allocation, no locks, no state.
 * The same source builds in aiot.ko and, through a small type shim, in
 * userspace (unit tests, fuzzing, benchmarks, capture decoding).
 *
 * A frame is a MAC PDU ("information bits") followed by its CRC: CRC-6 when
 * the PDU has at most AIOT_CRC6_MAX_INFO_BITS bits, CRC-16 otherwise. All
 * lengths are in bits; bits are sent most significant first and packed
 * MSB-first into octets. Layouts: Documentation/air-interface.rst.
 *
 * Errors (negative errno, one meaning each):
 *   -ENODATA    truncated: the PDU ends inside a field
 *   -EOVERFLOW  overlong: a length field above its bound, or bits left over
 *               after the last field
 *   -EBADMSG    CRC mismatch
 *   -ENOMSG     reserved or unknown message type
 *   -EPROTO     reserved bit set, or reserved code point / combination
 *   -EMSGSIZE   frame length no message can have (decode), or buffer too
 *               small (encode)
 *   -EINVAL     invalid argument or field value given to an encoder
 */
#ifndef _AIOT_FRAME_H
#define _AIOT_FRAME_H

#include <linux/types.h>
#include <aiot/air_values.h>

enum aiot_link {
	AIOT_LINK_R2D,		/* reader to device */
	AIOT_LINK_D2R,		/* device to reader */
};

enum aiot_msg_type {
	AIOT_MSG_NONE,
	/* R2D */
	AIOT_MSG_PAGING,
	AIOT_MSG_TRIGGER,
	AIOT_MSG_MSG2,
	AIOT_MSG_NACK,
	AIOT_MSG_R2D_DATA,
	AIOT_MSG_R2D_ACK,
	/* D2R */
	AIOT_MSG_MSG1,
	AIOT_MSG_MSG3,
	AIOT_MSG_D2R_DATA,
	AIOT_MSG_NO_NAS_RSP,
	AIOT_MSG_COUNT,
};

enum aiot_ra_type {
	AIOT_RA_CBRA,		/* contention based: access parameters follow */
	AIOT_RA_CFRA,		/* contention free: an AS ID follows */
};

enum aiot_id_type {
	AIOT_ID_NONE,		/* every device in the area */
	AIOT_ID_PERMANENT,	/* AIoT Device Permanent Identifier */
	AIOT_ID_TEMPORARY,	/* T-ID */
	AIOT_ID_CONCEALED,	/* concealed T-ID */
	AIOT_ID_FILTER,		/* filtering information */
};

enum aiot_cont_type {
	AIOT_CONT_NONE,
	AIOT_CONT_RAND,		/* RAND_n for device authentication */
	AIOT_CONT_NAS,		/* AIoT NAS container */
};

enum aiot_trig_cmd {
	AIOT_TRIG_REPEAT,	/* next slot of the current frame */
	AIOT_TRIG_ADJUST,	/* new frame of the given size */
	AIOT_TRIG_END,		/* access window closed */
};

enum aiot_nnr_cause {
	AIOT_NNR_NONE,		/* no cause given */
	AIOT_NNR_INTEGRITY,	/* R2D NAS integrity check failed */
	AIOT_NNR_UNKNOWN_MSG,	/* unknown or unforeseen NAS message type */
};

#define AIOT_ID_MAX_OCTETS	(AIOT_ID_MAX_BITS / 8)
#define AIOT_CONT_MAX_OCTETS	AIOT_NAS_CONT_MAX_OCTETS
#define AIOT_SEG_MAX_OCTETS	((AIOT_SEG_MAX_BITS + 7) / 8)
/* Largest buffer any frame needs. */
#define AIOT_FRAME_MAX_OCTETS	((AIOT_FRAME_MAX_BITS + 7) / 8)

/**
 * struct aiot_fsize - frame size of an access window
 * @explicit_size: false: 2^@q slots; true: @slots slots
 * @q: frame-size exponent, 0..AIOT_FS_Q_MAX
 * @slots: explicit frame size, 1..AIOT_FS_SLOTS_MAX
 */
struct aiot_fsize {
	bool explicit_size;
	u8 q;
	u32 slots;
};

/**
 * struct aiot_paging - R2D paging
 * @ra_type: enum aiot_ra_type
 * @id_type: enum aiot_id_type; CFRA needs a single-device identity
 * @id_bits: identity or filter length in bits, 1..AIOT_ID_MAX_BITS
 * @id: identity or filter, MSB first
 * @cont_type: enum aiot_cont_type
 * @cont_len: content length in octets, 1..AIOT_RAND_MAX_OCTETS or
 *	1..AIOT_NAS_CONT_MAX_OCTETS
 * @cont: RAND_n or NAS container
 * @fs: CBRA: frame size of the first access frame
 * @as_id: CFRA: AS ID assigned to the paged device
 * @txn: transaction ID
 */
struct aiot_paging {
	u8 ra_type;
	u8 id_type;
	u16 id_bits;
	u8 id[AIOT_ID_MAX_OCTETS];
	u8 cont_type;
	u16 cont_len;
	u8 cont[AIOT_CONT_MAX_OCTETS];
	struct aiot_fsize fs;
	u16 as_id;
	u8 txn;
};

/**
 * struct aiot_trigger - R2D trigger: next slot, new frame, or end
 * @cmd: enum aiot_trig_cmd
 * @txn: transaction ID of the paging this access belongs to
 * @fs: AIOT_TRIG_ADJUST only: the new frame size
 */
struct aiot_trigger {
	u8 cmd;
	u8 txn;
	struct aiot_fsize fs;
};

/**
 * struct aiot_ra_rsp - R2D Msg2 (RN16 echo + AS ID) and NACK feedback
 * @rn16: the device's Msg1 random number
 * @as_id: AS ID assigned (Msg2) or concerned (NACK)
 */
struct aiot_ra_rsp {
	u16 rn16;
	u16 as_id;
};

/**
 * struct aiot_data - upper-layer data segment (Msg3, R2D and D2R data)
 * @as_id: AS ID of the device
 * @more: more data follows in another segment
 * @offset: bit offset of this segment in the SDU (always 0 in Msg3)
 * @len: segment length in bits, 0..AIOT_SEG_MAX_BITS, offset + len <=
 *	AIOT_SDU_MAX_BITS
 * @data: the segment, MSB first; bits past @len are zero after a decode
 *	and ignored by an encode
 */
struct aiot_data {
	u16 as_id;
	bool more;
	u16 offset;
	u16 len;
	u8 data[AIOT_SEG_MAX_OCTETS];
};

/**
 * struct aiot_msg - one MAC PDU, tagged by @type
 * @type: enum aiot_msg_type; selects the union member
 * @paging: AIOT_MSG_PAGING
 * @trigger: AIOT_MSG_TRIGGER
 * @ra: AIOT_MSG_MSG2, AIOT_MSG_NACK
 * @data: AIOT_MSG_MSG3, AIOT_MSG_R2D_DATA, AIOT_MSG_D2R_DATA
 * @ack_as_id: AIOT_MSG_R2D_ACK: device acknowledged
 * @rn16: AIOT_MSG_MSG1: the device's random number
 * @nnr: AIOT_MSG_NO_NAS_RSP: AS ID and enum aiot_nnr_cause
 */
struct aiot_msg {
	enum aiot_msg_type type;
	union {
		struct aiot_paging paging;
		struct aiot_trigger trigger;
		struct aiot_ra_rsp ra;
		struct aiot_data data;
		u16 ack_as_id;
		u16 rn16;
		struct {
			u16 as_id;
			u8 cause;
		} nnr;
	};
};

/* Direction a message type is sent in; -EINVAL for an invalid type. */
int aiot_msg_link(enum aiot_msg_type type);
/* Short lowercase name, "?" for an invalid type. */
const char *aiot_msg_name(enum aiot_msg_type type);

/* PDU length in bits for @msg (information bits, without CRC), or -errno. */
int aiot_pdu_bits(const struct aiot_msg *msg);

/* Frame length in bits for a PDU of @info_bits bits (adds the CRC length). */
static inline size_t aiot_frame_bits_for(size_t info_bits)
{
	return info_bits + (info_bits <= AIOT_CRC6_MAX_INFO_BITS ?
			    AIOT_CRC6_BITS : AIOT_CRC16_BITS);
}

/**
 * aiot_pdu_encode - write the MAC PDU of @msg, without CRC
 * @msg: message to encode; validated first
 * @buf: output, @len octets; octets past the PDU are left untouched
 * @len: size of @buf in octets
 * @bits_out: PDU length in bits
 *
 * Return: 0, -EINVAL, -EOVERFLOW, -ENOMSG or -EMSGSIZE.
 */
int aiot_pdu_encode(const struct aiot_msg *msg, u8 *buf, size_t len,
		    size_t *bits_out);

/**
 * aiot_pdu_decode - parse a MAC PDU of exactly @bits bits (no CRC)
 * @buf: input, at least DIV_ROUND_UP(@bits, 8) octets
 * @bits: PDU length in bits
 * @link: direction the PDU was received in
 * @out: the message: @out->type and the union member of that type are
 *	written (data octets past the segment zeroed); @out->type is
 *	AIOT_MSG_NONE after any error
 *
 * Return: 0, -ENODATA, -EOVERFLOW, -ENOMSG, -EPROTO or -EINVAL.
 */
int aiot_pdu_decode(const u8 *buf, size_t bits, enum aiot_link link,
		    struct aiot_msg *out);

/**
 * aiot_frame_encode - encode @msg and append its CRC
 * @bits_out: frame length in bits (PDU + CRC)
 *
 * Return: as aiot_pdu_encode().
 */
int aiot_frame_encode(const struct aiot_msg *msg, u8 *buf, size_t len,
		      size_t *bits_out);

/**
 * aiot_frame_decode - check the CRC of a @bits-bit frame and parse its PDU
 *
 * Return: 0, -EMSGSIZE (no frame has this length), -EBADMSG, or any error
 * of aiot_pdu_decode(). @out as for aiot_pdu_decode(). Only the
 * DIV_ROUND_UP(@bits, 8) octets of @buf are read.
 */
int aiot_frame_decode(const u8 *buf, size_t bits, enum aiot_link link,
		      struct aiot_msg *out);

/**
 * aiot_frame_seal - append the CRC to @info_bits bits already in @buf
 * @bits_out: frame length in bits
 *
 * For callers that build PDUs themselves (tests, device models).
 * Return: 0, -EMSGSIZE if the frame does not fit @len octets or is longer
 * than AIOT_FRAME_MAX_BITS.
 */
int aiot_frame_seal(u8 *buf, size_t len, size_t info_bits, size_t *bits_out);

/* CRC-16 / CRC-6 register after @bits bits of @buf (MSB first), from the
 * AIOT_CRC*_INIT preset.
 */
u16 aiot_crc16(const u8 *buf, size_t bits);
u8 aiot_crc6(const u8 *buf, size_t bits);

/* Same, from a given register value: for known-answer tests and chaining. */
u16 aiot_crc16_from(u16 crc, const u8 *buf, size_t bits);
u8 aiot_crc6_from(u8 crc, const u8 *buf, size_t bits);

#endif /* _AIOT_FRAME_H */
