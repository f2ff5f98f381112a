/* govorun-accounts-page.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAccountsPage"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-account-row.h"
#include "govorun-accounts-page.h"
#include "govorun-unclaimed-keys-row.h"

struct _GovorunAccountsPage
{
  GovorunPage              parent_instance;

  GovorunAccountStore     *accounts;
  GovorunConnectionTester *tester;
  GovorunAgentStore       *agents;

  /* template children */
  GtkWidget               *preferences_page;
  GtkListBox              *voximplant_list;
  GtkListBox              *elevenlabs_list;
  GtkWidget               *unclaimed_group;
  GtkWidget               *keyring_group;
  AdwActionRow            *keyring_row;
  GtkListBox              *unclaimed_list;
};

G_DEFINE_FINAL_TYPE (GovorunAccountsPage, govorun_accounts_page, GOVORUN_TYPE_PAGE)

enum {
  PROP_0,
  PROP_ACCOUNTS,
  PROP_TESTER,
  PROP_AGENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
filter_voximplant (gpointer item,
                   gpointer user_data)
{
  return govorun_account_get_kind (item) == GOVORUN_ACCOUNT_KIND_VOXIMPLANT;
}

static gboolean
filter_elevenlabs (gpointer item,
                   gpointer user_data)
{
  return govorun_account_get_kind (item) == GOVORUN_ACCOUNT_KIND_ELEVENLABS;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  GovorunAccountsPage *self = user_data;

  return GTK_WIDGET (govorun_account_row_new (item, self->accounts, self->tester, self->agents));
}

static GtkWidget *
placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static void
bind_list (GovorunAccountsPage  *self,
           GtkListBox           *list,
           GtkCustomFilterFunc   func)
{
  GtkFilterListModel *model;

  /* Accounts are few: GTK's filter model is fine here (house rule: below
   * ten thousand rows). */
  model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->accounts)),
                                     GTK_FILTER (gtk_custom_filter_new (func, NULL, NULL)));
  gtk_list_box_bind_model (list, G_LIST_MODEL (model), create_row, self, NULL);
  g_object_unref (model);
}

/* Without a keyring no key can be read or saved (and the sandbox's demo
 * accounts cannot be added): the page says so instead of looking empty. */
static void
update_keyring (GovorunAccountsPage *self)
{
  const char *problem = govorun_account_store_get_keyring_problem (self->accounts);
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;

  gtk_widget_set_visible (self->keyring_group, problem != NULL);
  if (problem == NULL)
    return;

  text = g_strconcat (problem, " ",
                      _("Until it is, no key can be read or saved, and accounts cannot be added or tested."), NULL);
  escaped = g_markup_escape_text (text, -1);
  adw_action_row_set_subtitle (self->keyring_row, escaped);
}

static void
services_set (GovorunPage *page)
{
  GovorunAccountsPage *self = GOVORUN_ACCOUNTS_PAGE (page);
  GtkWidget *row;

  g_return_if_fail (GOVORUN_IS_ACCOUNT_STORE (self->accounts));
  g_return_if_fail (GOVORUN_IS_CONNECTION_TESTER (self->tester));

  bind_list (self, self->voximplant_list, filter_voximplant);
  bind_list (self, self->elevenlabs_list, filter_elevenlabs);

  /* Keys without an account come first: they are what was lost. */
  row = govorun_unclaimed_keys_row_new (self->accounts);
  gtk_list_box_append (self->unclaimed_list, row);
  g_object_bind_property (row, "visible", self->unclaimed_group, "visible", G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->accounts, "notify::keyring-problem", G_CALLBACK (update_keyring), self,
                           G_CONNECT_SWAPPED);
  update_keyring (self);
}

static void
test_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (GOVORUN_IS_ACCOUNT_ROW (row))
      govorun_account_row_test (GOVORUN_ACCOUNT_ROW (row));
}

/* F5: every account's connection (and balance) is checked again. */
static void
refresh (GovorunPage *page)
{
  GovorunAccountsPage *self = GOVORUN_ACCOUNTS_PAGE (page);

  test_rows (self->voximplant_list);
  test_rows (self->elevenlabs_list);
}

static void
govorun_accounts_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GovorunAccountsPage *self = GOVORUN_ACCOUNTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNTS:
      g_value_set_object (value, self->accounts);
      break;

    case PROP_TESTER:
      g_value_set_object (value, self->tester);
      break;

    case PROP_AGENTS:
      g_value_set_object (value, self->agents);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_accounts_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  GovorunAccountsPage *self = GOVORUN_ACCOUNTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNTS:
      g_set_object (&self->accounts, g_value_get_object (value));
      break;

    case PROP_TESTER:
      g_set_object (&self->tester, g_value_get_object (value));
      break;

    case PROP_AGENTS:
      g_set_object (&self->agents, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_accounts_page_dispose (GObject *object)
{
  GovorunAccountsPage *self = GOVORUN_ACCOUNTS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GOVORUN_TYPE_ACCOUNTS_PAGE);
  g_clear_object (&self->accounts);
  g_clear_object (&self->tester);
  g_clear_object (&self->agents);

  G_OBJECT_CLASS (govorun_accounts_page_parent_class)->dispose (object);
}

static void
govorun_accounts_page_class_init (GovorunAccountsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GovorunPageClass *page_class = GOVORUN_PAGE_CLASS (klass);

  object_class->dispose = govorun_accounts_page_dispose;
  object_class->get_property = govorun_accounts_page_get_property;
  object_class->set_property = govorun_accounts_page_set_property;
  page_class->services_set = services_set;
  page_class->refresh = refresh;

  properties[PROP_ACCOUNTS] =
    g_param_spec_object ("accounts", NULL, NULL, GOVORUN_TYPE_ACCOUNT_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TESTER] =
    g_param_spec_object ("tester", NULL, NULL, GOVORUN_TYPE_CONNECTION_TESTER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* Which agent uses an account, said before removing it. */
  properties[PROP_AGENTS] =
    g_param_spec_object ("agents", NULL, NULL, GOVORUN_TYPE_AGENT_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/govorun-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GovorunAccountsPage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, GovorunAccountsPage, voximplant_list);
  gtk_widget_class_bind_template_child (widget_class, GovorunAccountsPage, elevenlabs_list);
  gtk_widget_class_bind_template_child (widget_class, GovorunAccountsPage, unclaimed_group);
  gtk_widget_class_bind_template_child (widget_class, GovorunAccountsPage, unclaimed_list);
  gtk_widget_class_bind_template_child (widget_class, GovorunAccountsPage, keyring_group);
  gtk_widget_class_bind_template_child (widget_class, GovorunAccountsPage, keyring_row);
}

static void
govorun_accounts_page_init (GovorunAccountsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->voximplant_list,
                                placeholder_new (_("No Voximplant account yet. Add the account that owns your phone numbers.")));
  gtk_list_box_set_placeholder (self->elevenlabs_list,
                                placeholder_new (_("No ElevenLabs key yet. Add the key of the workspace that holds your agents.")));
}
