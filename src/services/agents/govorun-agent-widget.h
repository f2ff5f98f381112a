/* govorun-agent-widget.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-account.h"
#include "govorun-widget-choices.h"
#include "govorun-widget-state.h"

G_BEGIN_DECLS

/*
 * GovorunAgentWidget: an ElevenLabs agent's website widget — its state as
 * the agent keeps it, whether a website can use the agent, adding a site
 * to the allowlist, saving the colours, and the embed code. Changes are
 * PATCHes of only the fields that change; after one the agent is read
 * again and that state is returned, never an assumed one.
 */

/* Declared here so this header needs no provider header. */
typedef struct _GovorunClientFactory GovorunClientFactory;

#define GOVORUN_AGENT_WIDGET_ERROR (govorun_agent_widget_error_quark ())

typedef enum
{
  GOVORUN_AGENT_WIDGET_ERROR_NOT_FOUND = 1,       /* no such agent */
  GOVORUN_AGENT_WIDGET_ERROR_ACCESS_DENIED,       /* the key is wrong, missing, scoped or refused */
  GOVORUN_AGENT_WIDGET_ERROR_INVALID_VALUE,       /* ElevenLabs did not accept a value */
  GOVORUN_AGENT_WIDGET_ERROR_UNAVAILABLE,         /* unreachable, busy or failing */
  GOVORUN_AGENT_WIDGET_ERROR_SECRET_UNAVAILABLE,  /* the account's key could not be read: nothing sent */
  GOVORUN_AGENT_WIDGET_ERROR_INVALID_SITE,        /* what was typed is not a website address */
  GOVORUN_AGENT_WIDGET_ERROR_FAILED,              /* anything else */
} GovorunAgentWidgetError;

/* Can a website start conversations with the agent? */
typedef enum
{
  GOVORUN_WIDGET_SITE_ANY,            /* public, no allowlist: any site */
  GOVORUN_WIDGET_SITE_LISTED,         /* public, and the site is on the allowlist */
  GOVORUN_WIDGET_SITE_ONLY_LISTED,    /* public with an allowlist; no site given to check */
  GOVORUN_WIDGET_SITE_NOT_LISTED,     /* public, but the site is not on the allowlist */
  GOVORUN_WIDGET_SITE_AUTH_REQUIRED,  /* authentication required: needs a signed URL from a server */
  GOVORUN_WIDGET_SITE_INVALID,        /* what was typed is not a website address */
} GovorunWidgetSiteCheck;

#define GOVORUN_TYPE_AGENT_WIDGET (govorun_agent_widget_get_type ())

G_DECLARE_FINAL_TYPE (GovorunAgentWidget, govorun_agent_widget, GOVORUN, AGENT_WIDGET, GObject)

GQuark                 govorun_agent_widget_error_quark        (void) G_GNUC_CONST;

GovorunAgentWidget    *govorun_agent_widget_new                (GovorunClientFactory *factory);

/* Reads the agent @agent_id of the ElevenLabs @account. */
void                   govorun_agent_widget_load_async         (GovorunAgentWidget   *self,
                                                                GovorunAccount       *account,
                                                                const char           *agent_id,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
GovorunWidgetState    *govorun_agent_widget_load_finish        (GovorunAgentWidget   *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);

/* Choices that start from @state: its variant, placement, colours and
 * avatar; Russian texts for a Russian agent; the server location of a
 * residency @account (nullable). */
GovorunWidgetChoices  *govorun_agent_widget_make_choices       (GovorunWidgetState   *state,
                                                                GovorunAccount       *account);

/* The host of a website address a person typed ("example.com",
 * "https://www.example.com/page"): lowercase, IDNA-encoded, without port.
 * NULL when it is not one. */
char                  *govorun_agent_widget_site_host          (const char           *site);
/* @site: (nullable) what the person typed; *@out_host its host. */
GovorunWidgetSiteCheck govorun_agent_widget_check_site         (GovorunWidgetState   *state,
                                                                const char           *site,
                                                                char                **out_host);

/* Adds the host of @site to the agent's allowlist: reads the list as it
 * is now, PATCHes the list with the host added (nothing else), and
 * returns the agent read again. */
void                   govorun_agent_widget_add_site_async     (GovorunAgentWidget   *self,
                                                                GovorunAccount       *account,
                                                                const char           *agent_id,
                                                                const char           *site,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
GovorunWidgetState    *govorun_agent_widget_add_site_finish    (GovorunAgentWidget   *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);

/* The colours @choices would change in the agent, one translated line
 * each ("Button: #000000 → #1a73e8"), for the confirmation. Empty when
 * nothing changes. The orb colours count only while the avatar is the
 * orb. */
GStrv                  govorun_agent_widget_list_color_changes (GovorunWidgetState   *state,
                                                                GovorunWidgetChoices *choices);
/* PATCHes only the colours that differ from @state and returns the agent
 * read again. */
void                   govorun_agent_widget_save_colors_async  (GovorunAgentWidget   *self,
                                                                GovorunAccount       *account,
                                                                GovorunWidgetState   *state,
                                                                GovorunWidgetChoices *choices,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
GovorunWidgetState    *govorun_agent_widget_save_colors_finish (GovorunAgentWidget   *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);

/* The embed code for @choices (the generator's). */
char                  *govorun_agent_widget_snippet            (GovorunWidgetChoices *choices);

G_END_DECLS
