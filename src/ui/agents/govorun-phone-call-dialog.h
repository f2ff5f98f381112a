/* govorun-phone-call-dialog.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-test-calls.h"

G_BEGIN_DECLS

#define GOVORUN_TYPE_PHONE_CALL_DIALOG (govorun_phone_call_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GovorunPhoneCallDialog, govorun_phone_call_dialog, GOVORUN, PHONE_CALL_DIALOG, AdwWindow)

/* "Call My Phone": the person's number (remembered), Call, the progress. */
GovorunPhoneCallDialog *govorun_phone_call_dialog_new      (GtkWindow              *parent,
                                                            GovorunTestCalls       *test_calls,
                                                            GovorunAgent           *agent);
GovorunPhoneTestCall   *govorun_phone_call_dialog_get_call (GovorunPhoneCallDialog *self);

G_END_DECLS
