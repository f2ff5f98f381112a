/* govorun-changed-elsewhere.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-agent-finder.h"
#include "govorun-provisioner.h"

G_BEGIN_DECLS

/*
 * The choice after GOVORUN_PROVISIONER_ERROR_CHANGED_ELSEWHERE: another
 * computer deployed the agent since this one last saw it. The dialog says
 * who and when (the error's sentence) and offers Load Their Version (the
 * agent takes their set-up) or Replace Theirs (this computer's deploy goes
 * ahead, knowingly); Cancel changes nothing.
 */

typedef enum
{
  GOVORUN_CHANGED_ELSEWHERE_CANCELLED,
  GOVORUN_CHANGED_ELSEWHERE_LOADED,    /* the agent now has their version */
  GOVORUN_CHANGED_ELSEWHERE_REPLACE,   /* run the deploy again: it will replace theirs */
} GovorunChangedElsewhereChoice;

/* @done gets the choice once it is carried out (or failed: then CANCELLED,
 * and the error is shown in @parent's window). */
typedef void (*GovorunChangedElsewhereDone) (GovorunChangedElsewhereChoice choice,
                                             gpointer                      user_data);

void govorun_changed_elsewhere_ask (GtkWidget                   *parent,
                                    GovorunProvisioner          *provisioner,
                                    GovorunAgentFinder          *finder,
                                    GovorunAgent                *agent,
                                    const char                  *message,
                                    GovorunChangedElsewhereDone  done,
                                    gpointer                     user_data);

/* The dialog alone, for other things changed elsewhere (the agent's
 * analysis settings): responses "cancel", "replace" and "load". */
GtkWidget *govorun_changed_elsewhere_dialog_new (GtkWidget  *parent,
                                                 const char *message);

G_END_DECLS
