/*
 * FWCTS agent protocol, versions 1 and 2 (see PROTOCOL.md): line reception, CRC
 * framing, field parsing and reply formatting.
 */

#pragma once

#include "common/types.h"

/* Longest line, in bytes before the line ending, in either direction. */
#define PROTO_LINE_MAX 600

/*
 * Longest `chain` request or reply (PROTOCOL.md, "Chains"): the line buffers
 * are this long; any other request is still held to PROTO_LINE_MAX.
 */
#define PROTO_CHAIN_LINE_MAX 4096

/* " #" and eight hex digits end every line. */
#define PROTO_TRAILER_LEN 10

/* Room for a full line plus CR LF. */
#define PROTO_OUT_MAX (PROTO_CHAIN_LINE_MAX + 2)

/* The newest protocol version the agent speaks, and the oldest it still answers. */
#define PROTO_VERSION 2
#define PROTO_VERSION_OLDEST 1

enum proto_status {
	PROTO_OK = 0,
	PROTO_ERR_CRC,
	PROTO_ERR_SYNTAX,
	PROTO_ERR_VERB,
	PROTO_ERR_ARGS,
	PROTO_ERR_RANGE,
	PROTO_ERR_ALIGN,
	PROTO_ERR_PROTO,
};

struct proto_line {
	char buf[PROTO_CHAIN_LINE_MAX];
	uint32_t len;
	/* The line was longer than PROTO_CHAIN_LINE_MAX; buf holds only its start. */
	bool overlong;
};

/* A span of characters inside a received line. */
struct proto_field {
	const char *str;
	uint32_t len;
};

/* An outgoing line being built; ends with " #CRC\r\n" after proto_out_end. */
struct proto_out {
	char buf[PROTO_OUT_MAX];
	uint32_t len;
	bool overflow;
};

void proto_read_line(struct proto_line *line);

enum proto_status proto_unframe(const struct proto_line *line, uint32_t *seq,
				struct proto_field *body);
enum proto_status proto_split(struct proto_field body,
			      struct proto_field *fields, uint32_t max,
			      uint32_t *count);
enum proto_status proto_parse_u64(struct proto_field field, uint64_t *value);
int32_t proto_hex_digit(char c);
bool proto_field_is(struct proto_field field, const char *str);
const char *proto_status_name(enum proto_status status);

void proto_out_begin(struct proto_out *out, char kind);
void proto_out_reply(struct proto_out *out, uint32_t seq, const char *status);
void proto_out_char(struct proto_out *out, char c);
void proto_out_str(struct proto_out *out, const char *str);
void proto_out_mem(struct proto_out *out, const char *buf, uint32_t len);
void proto_out_hex(struct proto_out *out, uint64_t value);
void proto_out_field_hex(struct proto_out *out, uint64_t value);
void proto_out_byte_hex(struct proto_out *out, uint8_t value);
void proto_out_end(struct proto_out *out);

void proto_send(const struct proto_out *out);
void proto_send_raw(const char *buf, uint32_t len);
