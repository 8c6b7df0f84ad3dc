/*
 * The few routines that GCC may emit calls to even in freestanding code
 * (struct copies and initialisation). Byte loops on purpose: with the MMU
 * off all data accesses are Device memory, which must never be unaligned.
 *
 * build.mk builds the agents with -fno-tree-loop-distribute-patterns so
 * that GCC does not turn these loops back into calls to themselves.
 */

#include "types.h"

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

void *memcpy(void *dst, const void *src, size_t n)
{
	return memmove(dst, src, n);
}

void *memmove(void *dst, const void *src, size_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;
	size_t i;

	if (d < s) {
		for (i = 0; i < n; i++) {
			d[i] = s[i];
		}
	} else {
		for (i = n; i > 0; i--) {
			d[i - 1] = s[i - 1];
		}
	}

	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	uint8_t *d = dst;
	size_t i;

	for (i = 0; i < n; i++) {
		d[i] = (uint8_t)c;
	}

	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const uint8_t *x = a;
	const uint8_t *y = b;
	size_t i;

	for (i = 0; i < n; i++) {
		if (x[i] != y[i]) {
			return x[i] < y[i] ? -1 : 1;
		}
	}

	return 0;
}
