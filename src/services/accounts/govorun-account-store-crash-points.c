/* govorun-account-store-crash-points.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAccountStore"

#include "config.h"

#include "govorun-account-store-private.h"

#include <signal.h>

/*
 * Test-only crash points.
 *
 * GOVORUN_TEST_CRASH_AT names a point between two writes where the process
 * SIGKILLs itself, so tests (tests/account-crash-helper.c) can prove that
 * the next load repairs every interruption. It is read nowhere else and
 * must never be set outside tests; release builds (without
 * -Dtest_hooks=true) do not even contain the code. Points: "after-row" and
 * "after-secret" (add), "update-after-secret", "update-after-row",
 * "remove-after-mark".
 */
#if GOVORUN_TEST_HOOKS
void
_govorun_account_store_maybe_crash (const char *point)
{
  const char *wanted = g_getenv ("GOVORUN_TEST_CRASH_AT");

  if (wanted != NULL && g_str_equal (wanted, point))
    {
      g_debug ("Crashing at “%s” as GOVORUN_TEST_CRASH_AT asks", point);
      raise (SIGKILL);
    }
}
#endif
