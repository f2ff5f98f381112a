/* govorun-agents-offer.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAgentsOffer"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-agents-offer.h"

static void
on_found (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AdwToastOverlay) overlay = user_data;
  g_autoptr(GListModel) found = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  guint n;

  /* Quietly: this is an offer, and the account's own test says what is wrong. */
  found = govorun_agent_finder_find_finish (GOVORUN_AGENT_FINDER (object), result, NULL);
  if (found == NULL || (n = govorun_agent_finder_count_adoptable (found)) == 0)
    return;
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u agent set up on another computer was found",
                                        "%u agents set up on other computers were found", n), n);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Show"));
  adw_toast_set_action_name (toast, "win.find-agents");
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (overlay, toast);
}

static void
on_items_changed (GListModel      *model,
                  guint            position,
                  guint            removed,
                  guint            added,
                  AdwToastOverlay *overlay)
{
  GovorunAgentFinder *finder = g_object_get_data (G_OBJECT (overlay), "govorun-agent-finder");
  g_autoptr(GovorunAccount) account = NULL;

  /* One account added by a person (edits replace one: removed is then 1). */
  if (removed != 0 || added != 1)
    return;
  account = g_list_model_get_item (model, position);
  if (govorun_account_get_kind (account) == GOVORUN_ACCOUNT_KIND_VOXIMPLANT)
    govorun_agent_finder_find_async (finder, account, NULL, on_found, g_object_ref (overlay));
}

void
govorun_agents_offer_watch (AdwToastOverlay     *overlay,
                            GovorunAccountStore *accounts,
                            GovorunAgentFinder  *finder)
{
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (GOVORUN_IS_AGENT_FINDER (finder));

  g_object_set_data_full (G_OBJECT (overlay), "govorun-agent-finder", g_object_ref (finder), g_object_unref);
  /* Disconnected when the overlay goes. */
  g_signal_connect_object (accounts, "items-changed", G_CALLBACK (on_items_changed), overlay, 0);
}
