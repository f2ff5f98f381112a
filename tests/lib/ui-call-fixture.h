/* ui-call-fixture.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A call of the sandbox's generated history stored as the sync would store
 * it (numbers, transcript, analysis, recording URL of the demo account),
 * for the UI tests that open the call details.
 */
#pragma once

#include "govorun-application.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  call_id;     /* the store's row id */
  GArray *offsets;     /* gint64 ms of each transcript line */
} UiCallFixture;

/* Call after ui_app_wait_ready (): the demo accounts exist. */
UiCallFixture *ui_call_fixture_add  (GovorunApplication *app);
void           ui_call_fixture_free (UiCallFixture      *fixture);

/* Names from outside that look like markup, with Cyrillic: the details
 * must show them as they are. */
#define UI_CALL_FIXTURE_HOSTILE_AGENT     "<b>Агент & \"Ко\" 'Ёлка'</b>"
#define UI_CALL_FIXTURE_HOSTILE_CRITERION "<i>Клиент доволен</i> & \"x\""
#define UI_CALL_FIXTURE_HOSTILE_VALUE     "<span>срочно</span> & \"'"

/* A website conversation of an agent Govorun did not make, whose agent
 * name, summary, criterion and collected value are hostile; returns its
 * row id. */
gint64         ui_call_fixture_add_hostile (GovorunApplication *app);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UiCallFixture, ui_call_fixture_free)

G_END_DECLS
