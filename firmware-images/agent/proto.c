/*
 * FWCTS agent protocol, version 1: the parts that do not depend on the
 * command set. See PROTOCOL.md.
 */

#include "proto.h"

#include "common/crc32.h"
#include "uart.h"

/* The longest sequence number: 8 hex digits. */
#define PROTO_SEQ_DIGITS_MAX 8

static const char proto_hex_chars[16] = "0123456789abcdef";

/* Set when the last line ended in CR, so that the LF of a CR LF is skipped. */
static bool proto_prev_cr;

/*
 * Reads one non-empty line. CR, LF and CR LF all end a line; empty lines are
 * skipped. NUL bytes are dropped so that a telnet console server's CR NUL
 * does not spoil the next line. Bytes past PROTO_CHAIN_LINE_MAX are discarded
 * up to the line ending and the line is marked overlong; the caller holds any
 * line but a chain to PROTO_LINE_MAX.
 */
void proto_read_line(struct proto_line *line)
{
	uint8_t c;

	line->len = 0;
	line->overlong = false;

	for (;;) {
		c = uart_getc();
		if (c == '\n' && proto_prev_cr) {
			proto_prev_cr = false;
			continue;
		}
		proto_prev_cr = (c == '\r');
		if (c == '\r' || c == '\n') {
			if (line->len > 0 || line->overlong) {
				return;
			}
			continue;
		}
		if (c == '\0') {
			continue;
		}
		if (line->len < PROTO_CHAIN_LINE_MAX) {
			line->buf[line->len++] = (char)c;
		} else {
			line->overlong = true;
		}
	}
}

int32_t proto_hex_digit(char c)
{
	if (c >= '0' && c <= '9') {
		return c - '0';
	}
	if (c >= 'a' && c <= 'f') {
		return c - 'a' + 10;
	}
	return -1;
}

/*
 * Reads the sequence number of a line that starts ">SEQ ". The protocol's
 * number format is strict here (no leading zeros, not 0) because the reply
 * carries the number back and the host matches it textually. Returns the
 * number of digits, or 0 if there is no valid sequence number.
 */
static uint32_t proto_peek_seq(const struct proto_line *line, uint32_t *seq)
{
	uint32_t value = 0;
	uint32_t i;
	int32_t digit;

	if (line->len < 3 || line->buf[0] != '>' || line->buf[1] == '0') {
		return 0;
	}

	for (i = 1; i < line->len && line->buf[i] != ' '; i++) {
		digit = proto_hex_digit(line->buf[i]);
		if (digit < 0 || i > PROTO_SEQ_DIGITS_MAX) {
			return 0;
		}
		value = (value << 4) | (uint32_t)digit;
	}

	if (i == 1 || i == line->len) {
		return 0;
	}

	*seq = value;
	return i - 1;
}

/* Exactly 8 lower-case hex digits. */
static bool proto_parse_crc(const char *str, uint32_t *crc)
{
	uint32_t value = 0;
	uint32_t i;
	int32_t digit;

	for (i = 0; i < 8; i++) {
		digit = proto_hex_digit(str[i]);
		if (digit < 0) {
			return false;
		}
		value = (value << 4) | (uint32_t)digit;
	}

	*crc = value;
	return true;
}

static bool proto_is_printable(const char *buf, uint32_t len)
{
	uint32_t i;

	for (i = 0; i < len; i++) {
		if (buf[i] < 0x20 || buf[i] > 0x7e) {
			return false;
		}
	}

	return true;
}

/*
 * Checks the framing of a request line ">SEQ BODY #CRC" and finds BODY.
 * *seq is set whenever the sequence number can be read, even if the line is
 * rejected, so that errors are reported against it; otherwise it is 0.
 * The CRC is checked before anything else that a corrupted byte could
 * explain, so that a damaged line is answered `err crc`, not `err syntax`.
 */
enum proto_status proto_unframe(const struct proto_line *line, uint32_t *seq,
				struct proto_field *body)
{
	uint32_t seq_digits;
	uint32_t content_len;
	uint32_t body_start;
	uint32_t crc;

	*seq = 0;
	if (line->overlong) {
		return PROTO_ERR_SYNTAX;
	}

	seq_digits = proto_peek_seq(line, seq);
	if (line->len < PROTO_TRAILER_LEN + 1) {
		return PROTO_ERR_SYNTAX;
	}

	content_len = line->len - PROTO_TRAILER_LEN;
	if (line->buf[content_len] != ' ' ||
	    line->buf[content_len + 1] != '#' ||
	    !proto_parse_crc(&line->buf[content_len + 2], &crc)) {
		return PROTO_ERR_SYNTAX;
	}

	if (crc_buf(line->buf, content_len) != crc) {
		return PROTO_ERR_CRC;
	}

	/* ">" SEQ " " then at least one byte of body. */
	body_start = seq_digits + 2;
	if (seq_digits == 0 || body_start >= content_len ||
	    !proto_is_printable(line->buf, line->len)) {
		return PROTO_ERR_SYNTAX;
	}

	body->str = &line->buf[body_start];
	body->len = content_len - body_start;
	return PROTO_OK;
}

/*
 * Splits BODY into fields separated by exactly one space. Stores at most
 * `max` of them but counts them all, so that callers can reject too many
 * arguments with `err args` rather than `err syntax`.
 */
enum proto_status proto_split(struct proto_field body,
			      struct proto_field *fields, uint32_t max,
			      uint32_t *count)
{
	uint32_t n = 0;
	uint32_t start = 0;
	uint32_t i;

	for (i = 0; i <= body.len; i++) {
		if (i < body.len && body.str[i] != ' ') {
			continue;
		}
		if (i == start) {
			/* Leading, trailing or doubled space. */
			return PROTO_ERR_SYNTAX;
		}
		if (n < max) {
			fields[n].str = &body.str[start];
			fields[n].len = i - start;
		}
		n++;
		start = i + 1;
	}

	*count = n;
	return PROTO_OK;
}

/*
 * A 64-bit argument: lower-case hex digits. Leading zeros are tolerated in
 * arguments (they cannot change a value). A field that is not hex at all is
 * `args` even when it is also too long; a hex value over 64 bits is `range`.
 */
enum proto_status proto_parse_u64(struct proto_field field, uint64_t *value)
{
	uint64_t v = 0;
	bool overflow = false;
	uint32_t i;
	int32_t digit;

	if (field.len == 0) {
		return PROTO_ERR_ARGS;
	}

	for (i = 0; i < field.len; i++) {
		digit = proto_hex_digit(field.str[i]);
		if (digit < 0) {
			return PROTO_ERR_ARGS;
		}
		if ((v >> 60) != 0) {
			overflow = true;
		}
		v = (v << 4) | (uint64_t)digit;
	}

	if (overflow) {
		return PROTO_ERR_RANGE;
	}

	*value = v;
	return PROTO_OK;
}

bool proto_field_is(struct proto_field field, const char *str)
{
	uint32_t i;

	for (i = 0; i < field.len; i++) {
		if (str[i] != field.str[i]) {
			return false;
		}
	}

	return str[field.len] == '\0';
}

const char *proto_status_name(enum proto_status status)
{
	switch (status) {
	case PROTO_OK:
		return "ok";
	case PROTO_ERR_CRC:
		return "crc";
	case PROTO_ERR_SYNTAX:
		return "syntax";
	case PROTO_ERR_VERB:
		return "verb";
	case PROTO_ERR_ARGS:
		return "args";
	case PROTO_ERR_RANGE:
		return "range";
	case PROTO_ERR_ALIGN:
		return "align";
	case PROTO_ERR_PROTO:
		return "proto";
	}

	return "syntax";
}

void proto_out_begin(struct proto_out *out, char kind)
{
	out->len = 0;
	out->overflow = false;
	proto_out_char(out, kind);
}

void proto_out_reply(struct proto_out *out, uint32_t seq, const char *status)
{
	proto_out_begin(out, '<');
	proto_out_hex(out, seq);
	proto_out_char(out, ' ');
	proto_out_str(out, status);
}

/*
 * Keeps room for the trailer, so a line can never exceed PROTO_CHAIN_LINE_MAX
 * (replies other than a chain's are bounded by construction to PROTO_LINE_MAX).
 */
void proto_out_char(struct proto_out *out, char c)
{
	if (out->len >= PROTO_CHAIN_LINE_MAX - PROTO_TRAILER_LEN) {
		out->overflow = true;
		return;
	}
	out->buf[out->len++] = c;
}

void proto_out_str(struct proto_out *out, const char *str)
{
	while (*str != '\0') {
		proto_out_char(out, *str++);
	}
}

void proto_out_mem(struct proto_out *out, const char *buf, uint32_t len)
{
	uint32_t i;

	for (i = 0; i < len; i++) {
		proto_out_char(out, buf[i]);
	}
}

/* Lower-case hex without leading zeros; zero is "0". */
void proto_out_hex(struct proto_out *out, uint64_t value)
{
	int32_t shift = 60;

	while (shift > 0 && ((value >> shift) & 0xf) == 0) {
		shift -= 4;
	}
	for (; shift >= 0; shift -= 4) {
		proto_out_char(out, proto_hex_chars[(value >> shift) & 0xf]);
	}
}

void proto_out_field_hex(struct proto_out *out, uint64_t value)
{
	proto_out_char(out, ' ');
	proto_out_hex(out, value);
}

void proto_out_byte_hex(struct proto_out *out, uint8_t value)
{
	proto_out_char(out, proto_hex_chars[value >> 4]);
	proto_out_char(out, proto_hex_chars[value & 0xf]);
}

/*
 * Appends " #CRC" and CR LF. The reply sizes are bounded by construction, so
 * overflow is a bug; should it ever happen the line gets a trailer that is not
 * a CRC, and the host discards it instead of accepting a truncated result.
 */
void proto_out_end(struct proto_out *out)
{
	uint32_t crc = crc_buf(out->buf, out->len);
	int32_t shift;
	char c;

	out->buf[out->len++] = ' ';
	out->buf[out->len++] = '#';
	for (shift = 28; shift >= 0; shift -= 4) {
		c = proto_hex_chars[(crc >> shift) & 0xf];
		out->buf[out->len++] = out->overflow ? 'x' : c;
	}
	out->buf[out->len++] = '\r';
	out->buf[out->len++] = '\n';
}

static_assert(PROTO_CHAIN_LINE_MAX - PROTO_TRAILER_LEN + PROTO_TRAILER_LEN + 2 <=
		      PROTO_OUT_MAX,
	      "a full line and its CR LF fit the output buffer");

void proto_send(const struct proto_out *out)
{
	uart_write(out->buf, out->len);
}

void proto_send_raw(const char *buf, uint32_t len)
{
	uart_write(buf, len);
}
