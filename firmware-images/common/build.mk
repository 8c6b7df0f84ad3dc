# Shared by ../agent/Makefile and ../sp-agent/Makefile: the toolchain, the
# flags and the rules that compile an agent's own SRCS and the COMMON_SRCS of
# this folder (into $(OBJ_DIR)/common) for OBJS. The including Makefile sets
# BUILD_DIR, OBJ_DIR, SRCS and COMMON_SRCS before including this file, and
# adds its own CPPFLAGS and LDFLAGS. Sources include shared headers as
# "common/name.h".
#
# The build is reproducible: the same compiler gives the same bytes whatever
# the source or build directory.

CROSS_COMPILE ?= aarch64-linux-gnu-
CC := $(CROSS_COMPILE)gcc
OBJCOPY := $(CROSS_COMPILE)objcopy

COMMON_DIR := ../common
BUILD_FILES := Makefile $(COMMON_DIR)/build.mk

OBJS := $(patsubst %,$(OBJ_DIR)/%.o,$(basename $(SRCS))) \
	$(patsubst %,$(OBJ_DIR)/common/%.o,$(basename $(COMMON_SRCS)))

# -mstrict-align: with the MMU off every data access is to Device memory,
# where an unaligned access faults. -mgeneral-regs-only: FP/SIMD may be
# trapped and is never needed.
ARCH_FLAGS := -march=armv8-a -mgeneral-regs-only -mstrict-align \
	-mcmodel=small -fno-pic -fno-pie -mbranch-protection=none

REPRO_FLAGS := -ffile-prefix-map=$(CURDIR)=. -fdebug-prefix-map=$(CURDIR)=. \
	-gno-record-gcc-switches

CPPFLAGS := -I.. -MMD -MP

CFLAGS := -std=c11 -O2 -g $(ARCH_FLAGS) $(REPRO_FLAGS) \
	-ffreestanding -nostdlib -fno-builtin -fno-common \
	-fno-stack-protector -fno-asynchronous-unwind-tables \
	-fno-unwind-tables -fno-tree-loop-distribute-patterns \
	-Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wno-unused-parameter

LDFLAGS := -nostdlib -static -no-pie -Wl,--build-id=none \
	-Wl,-z,max-page-size=0x1000

.DEFAULT_GOAL := all
.DELETE_ON_ERROR:

$(OBJ_DIR) $(OBJ_DIR)/common:
	mkdir -p $@

$(OBJ_DIR)/%.o: %.c $(BUILD_FILES) | $(OBJ_DIR)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(OBJ_DIR)/%.o: %.S $(BUILD_FILES) | $(OBJ_DIR)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(OBJ_DIR)/common/%.o: $(COMMON_DIR)/%.c $(BUILD_FILES) | $(OBJ_DIR)/common
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

-include $(OBJS:.o=.d)
